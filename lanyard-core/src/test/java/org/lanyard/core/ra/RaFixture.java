package org.lanyard.core.ra;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.lanyard.core.ca.CertificateProfile;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.ca.ParsedCsr;
import org.lanyard.core.operator.AuthenticatedOperator;
import org.lanyard.core.operator.Permission;
import org.lanyard.core.testing.Csrs;
import org.lanyard.core.testing.Keys;
import org.lanyard.core.testing.Principals;
import org.lanyard.core.testing.TestSystem;

/**
 * A system with a CA, the shipped profiles, {@code tls-two} (tls-server needing two approvals)
 * and {@code ocsp-two} (ocsp-signing needing two), and the operators the RA tests play:
 * requester Alice, approvers Bob and Carol (Normal), owner Olga, reader Rita (no approving),
 * approver-without-issuing Ada.
 */
final class RaFixture {

    final TestSystem system = TestSystem.withCa(KeyAlgorithm.EC_P256);
    final AuthenticatedOperator alice = Principals.operator("alice", Principals.NORMAL);
    final AuthenticatedOperator bob = Principals.operator("bob", Principals.NORMAL);
    final AuthenticatedOperator carol = Principals.operator("carol", Principals.NORMAL);
    final AuthenticatedOperator olga = Principals.owner("olga");
    final AuthenticatedOperator rita = Principals.operator("rita",
            EnumSet.of(Permission.CERTIFICATE_ISSUE, Permission.REQUEST_READ));
    final AuthenticatedOperator ada = Principals.operator("ada",
            EnumSet.of(Permission.REQUEST_READ, Permission.REQUEST_APPROVE));

    private final int setupEvents;

    RaFixture() {
        CertificateProfile tls = system.profiles.find("tls-server").orElseThrow();
        system.profiles.save(renamed(tls, "tls-two").withApprovalsRequired(2));
        CertificateProfile ocsp = system.profiles.find("ocsp-signing").orElseThrow();
        system.profiles.save(renamed(ocsp, "ocsp-two").withApprovalsRequired(2));
        setupEvents = system.auditLog.stored().size();
    }

    /** The audit actions since the fixture was set up (the CA's creation is not the test's). */
    List<String> actions() {
        List<String> all = system.auditLog.actions();
        return all.subList(setupEvents, all.size());
    }

    /** Audit events since setup. */
    int events() {
        return system.auditLog.stored().size() - setupEvents;
    }

    static Principal as(AuthenticatedOperator operator) {
        return new Principal.Operator(operator);
    }

    static ParsedCsr csr(String dns) {
        return Csrs.parsed(Keys.generate(KeyAlgorithm.EC_P256), "", Csrs.dns(dns));
    }

    /** Alice asks for {@code dns} under {@code profile}. */
    RequestCertificate.Outcome aliceAsks(String profile, String dns) {
        return system.requestCertificate.request(as(alice), profile, csr(dns), Map.of());
    }

    private static CertificateProfile renamed(CertificateProfile p, String id) {
        return new CertificateProfile(id, p.name() + " (approved)", p.description(), p.allowedKeys(), p.validity(),
                p.keyUsage(), p.extendedKeyUsage(), p.subjectTemplate(), p.allowedSanTypes(), p.allowedDnsNames(),
                p.sanRequired(), p.maxSans(), p.crlDistributionPoints(), p.caIssuersUrl(), p.ocspUrl(),
                p.serverKeyGeneration(), p.issuerId(), p.approvalsRequired());
    }
}
