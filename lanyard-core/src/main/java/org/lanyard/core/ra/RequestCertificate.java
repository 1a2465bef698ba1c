package org.lanyard.core.ra;

import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lanyard.core.Actor;
import org.lanyard.core.LanyardException;
import org.lanyard.core.ca.CertificateProfile;
import org.lanyard.core.ca.CheckIssuance;
import org.lanyard.core.ca.IssuanceRequest;
import org.lanyard.core.ca.IssueCertificate;
import org.lanyard.core.ca.IssuedCertificate;
import org.lanyard.core.ca.ParsedCsr;
import org.lanyard.core.operator.Scope;

/**
 * The one way in for a certificate: every front end (REST, PKCS#12, ACME, the CLI) asks here,
 * and only the RA hands requests to the CA. The steps are in docs/flows/registration.md; the
 * numbers below refer to them. In short: nothing is recorded that the principal may not ask for,
 * that is over its rate, or that the issuance policy refuses; a recorded request either issues at
 * once (the profile needs no approval) or waits, PENDING, for its approvals ({@link ApproveRequest}).
 */
public class RequestCertificate {

    private final ProfileAccess access;
    private final RequestRateLimit rateLimit;
    private final CheckIssuance check;
    private final RequestRecords records;
    private final FulfilRequest fulfil;

    public RequestCertificate(ProfileAccess access, RequestRateLimit rateLimit, CheckIssuance check,
            RequestRecords records, IssueCertificate issue) {
        this.access = access;
        this.rateLimit = rateLimit;
        this.check = check;
        this.records = records;
        this.fulfil = new FulfilRequest(issue, records);
    }

    /** The request as recorded and, when it issued at once, the certificate (null while pending). */
    public record Outcome(Request request, @Nullable IssuedCertificate issued) {

        public boolean pending() {
            return issued == null;
        }
    }

    /**
     * @param csr       checked at intake (signature = proof of possession)
     * @param variables values for the profile's subject template; may be null
     * @throws LanyardException the refusing rule (nothing recorded), or the CA's failure (the
     *                          request recorded as FAILED)
     */
    public Outcome request(Principal principal, String profileId, ParsedCsr csr, Map<String, String> variables) {
        // today every request is made for the whole system; organizations will scope it here
        Scope scope = Scope.system();

        // 1. authorise: may this principal ask for this profile, here?
        CertificateProfile profile = access.require(principal, profileId, scope);

        // 2. rate limit per requester
        rateLimit.check(principal);

        // 3. issuance policy: every named rule, before anything is recorded
        IssuanceRequest asked = new IssuanceRequest(profileId, csr, variables, principal.actor());
        CheckIssuance.Checked checked = check.check(asked);

        // 4. record the request: PENDING, or APPROVED at once when the profile needs no approval
        Instant now = records.now();
        boolean atOnce = !waitsForApproval(principal, profile);
        List<RequestEvent> history = new ArrayList<>();
        history.add(new RequestEvent(now, principal.actor(), RequestEvent.REQUESTED, null));
        if (atOnce) {
            history.add(new RequestEvent(now, Actor.SYSTEM, RequestEvent.APPROVED, profile.needsApproval()
                    ? "a system job's own request needs no approval" : "profile " + profileId + " needs no approval"));
        }
        Request request = new Request(RequestRecords.newId(), RequestType.ISSUE,
                atOnce ? RequestState.APPROVED : RequestState.PENDING, scope, Requester.of(principal), profileId,
                checked.issuer().id(), csr.der(), asked.variables(), profile.approvalsRequired(), List.of(), history,
                null, null, now, now);
        records.create(request);
        if (!atOnce) {
            return new Outcome(request, null);
        }

        // 5. issue through the CA and complete the request (or record its failure)
        FulfilRequest.Fulfilment done = fulfil.fulfil(request, principal.actor());
        if (done.failure() != null) {
            throw done.failure();
        }
        return new Outcome(done.request(), done.issued());
    }

    /**
     * True when a request of {@code principal} under {@code profile} waits for approvals. Approvals
     * are four eyes on people's requests; a system job is the system itself (its server TLS
     * certificate, for one, must renew unattended), and only the composition root makes one. A
     * job that acts for a person (auto-renewal) asks as that person, or carries their approvals.
     */
    static boolean waitsForApproval(Principal principal, CertificateProfile profile) {
        return profile.needsApproval() && !(principal instanceof Principal.SystemJob);
    }
}
