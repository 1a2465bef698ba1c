package org.lanyard.core.operator;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.lanyard.core.Actor;
import org.lanyard.core.LanyardException;
import org.lanyard.core.audit.AuditTrail;
import org.lanyard.core.tx.Transactions;

/** Lets an operator sign in with a client certificate over mutual TLS. */
public class BindOperatorCertificate {

    private final OperatorStore store;
    private final Transactions tx;
    private final AuditTrail audit;

    public BindOperatorCertificate(OperatorStore store, Transactions tx, AuditTrail audit) {
        this.store = store;
        this.tx = tx;
        this.audit = audit;
    }

    /** Binds on behalf of {@code caller}, who must be allowed to act for the operator ({@link Delegation}). */
    public String bind(String operatorId, X509Certificate certificate, AuthenticatedOperator caller) {
        return tx.inTransaction(() -> {
            Operator target = store.findOperator(operatorId).orElseThrow(() -> LanyardException.notFound(
                    "operator-unknown", "operator '" + operatorId + "' does not exist"));
            new Delegation(store).requireMayActFor(caller, target, "bind client certificates");
            return bind(operatorId, certificate, caller.actor());
        });
    }

    /** Binds with no caller check: for the system itself. */
    public String bind(String operatorId, X509Certificate certificate, Actor actor) {
        String fingerprint;
        try {
            fingerprint = Secrets.sha256Hex(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw LanyardException.invalid("certificate-malformed", "the certificate cannot be encoded");
        }
        String subject = certificate.getSubjectX500Principal().getName();
        tx.run(() -> {
            if (store.findOperator(operatorId).isEmpty()) {
                throw LanyardException.notFound("operator-unknown", "operator '" + operatorId + "' does not exist");
            }
            if (store.findOperatorByCertificate(fingerprint).isPresent()) {
                throw LanyardException.conflict("certificate-bound", "the certificate is bound to an operator already");
            }
            store.bindCertificate(operatorId, fingerprint, subject);
            audit.record(actor, "operator.certificate-bound", operatorId, Map.of("fingerprint", fingerprint,
                    "subject", subject));
        });
        return fingerprint;
    }
}
