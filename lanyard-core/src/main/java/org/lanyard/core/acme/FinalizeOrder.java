package org.lanyard.core.acme;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;
import org.lanyard.core.ca.CsrIntake;
import org.lanyard.core.ca.IssuedCertificate;
import org.lanyard.core.ca.ParsedCsr;
import org.lanyard.core.ca.SanType;
import org.lanyard.core.ca.SubjectAltName;
import org.lanyard.core.ra.Principal;
import org.lanyard.core.ra.RequestCertificate;

/**
 * finalize (RFC 8555 §7.4): the order must be ready; the CSR's names must be exactly the
 * order's identifiers; CAA is checked again for validations older than the configured window;
 * then the order moves PENDING → PROCESSING (only one finalize wins) and the certificate is
 * requested from the registration authority ({@link RequestCertificate}) as the account — the same
 * way in as every other front end (rate limit, policy, request record, then the CA's serial
 * reservation, lint and audit). A profile that needs approvals cannot serve ACME: the RA refuses
 * it ({@code approval-unsupported}) and the order becomes invalid. docs/flows/acme.md.
 */
public class FinalizeOrder {

    private final AcmeStorage store;
    private final RequestCertificate issue;
    private final CaaCheck caa;
    private final AcmeOptions options;
    private final Clock clock;

    public FinalizeOrder(AcmeStorage store, RequestCertificate issue, CaaCheck caa, AcmeOptions options, Clock clock) {
        this.store = store;
        this.issue = issue;
        this.caa = caa;
        this.options = options;
        this.clock = clock;
    }

    public Order finalize(AcmeCaller caller, String orderId) {
        Order order = owned(store, caller, orderId);
        Map<String, Object> payload = caller.message().json();
        Instant now = clock.instant();
        List<Authorization> authorizations = store.orders().authorizations(order.id());
        Order.Status status = order.effectiveStatus(authorizations, now);
        if (status != Order.Status.READY) {
            throw AcmeError.ORDER_NOT_READY.exception("the order is " + status.name().toLowerCase(Locale.ROOT)
                    + ", not ready");
        }
        if (!(payload.get("csr") instanceof String csrText)) {
            throw AcmeError.MALFORMED.exception("csr must be a base64url string");
        }
        ParsedCsr csr;
        try {
            csr = CsrIntake.parse(Base64Url.decode(csrText, "the CSR"));
        } catch (LanyardException e) {
            throw AcmeError.BAD_CSR.exception(e.getMessage());
        }
        checkNames(csr, order);
        List<Identifier> stale = authorizations.stream()
                .filter(a -> a.validatedAt() == null || a.validatedAt().plus(options.caaRecheckAfter()).isBefore(now))
                .map(Authorization::identifier).toList();
        if (!stale.isEmpty()) {
            caa.check(stale);
        }
        if (!store.transactions().inTransaction(() -> store.orders().transition(order.id(), Order.Status.PENDING,
                Order.Status.PROCESSING, null, null, null, now))) {
            throw AcmeError.ORDER_NOT_READY.exception("the order is already being finalized");
        }
        IssuedCertificate issued;
        try {
            RequestCertificate.Outcome outcome = issue.request(new Principal.AcmeAccount(caller.account().id(),
                    caller.actor()), order.profile(), csr, Map.of());
            if (outcome.pending()) { // the RA refuses approval profiles to ACME accounts; never wait silently
                throw new LanyardException(ErrorKind.POLICY_REFUSED, "approval-unsupported", "request "
                        + outcome.request().id() + " waits for approvals, which ACME clients cannot wait for");
            }
            issued = outcome.issued();
        } catch (LanyardException e) {
            // the refusal keeps its kind and code; the ACME edge shows it as badCSR, rejectedIdentifier… (ADR 0013)
            store.transactions().inTransaction(() -> store.orders().transition(order.id(), Order.Status.PROCESSING,
                    Order.Status.INVALID, null, e.code(), e.getMessage(), clock.instant()));
            throw e;
        }
        String serial = issued.record().serialHex();
        store.transactions().inTransaction(() -> store.orders().transition(order.id(), Order.Status.PROCESSING,
                Order.Status.VALID, serial, null, null, clock.instant()));
        return store.orders().find(order.id()).orElseThrow();
    }

    private static void checkNames(ParsedCsr csr, Order order) {
        Set<String> wanted = new TreeSet<>();
        order.identifiers().forEach(i -> wanted.add(i.value()));
        Set<String> named = new TreeSet<>();
        for (SubjectAltName san : csr.subjectAltNames()) {
            if (san.type() != SanType.DNS) {
                throw AcmeError.BAD_CSR.exception("the CSR may only name DNS identifiers, not " + san);
            }
            named.add(san.value().toLowerCase(Locale.ROOT));
        }
        for (RDN rdn : csr.subject().getRDNs(BCStyle.CN)) {
            String cn = IETFUtils.valueToString(rdn.getFirst().getValue()).toLowerCase(Locale.ROOT);
            if (!wanted.contains(cn)) {
                throw AcmeError.BAD_CSR.exception("the CSR's common name '" + cn + "' is not an identifier of the order");
            }
            named.add(cn);
        }
        if (!named.equals(wanted)) {
            throw AcmeError.BAD_CSR.exception("the CSR names " + named + " but the order is for " + wanted);
        }
    }

    static Order owned(AcmeStorage store, AcmeCaller caller, String orderId) {
        return store.orders().find(orderId).filter(o -> o.accountId().equals(caller.account().id()))
                .orElseThrow(() -> AcmeError.UNAUTHORIZED.exception("no such order for this account"));
    }
}
