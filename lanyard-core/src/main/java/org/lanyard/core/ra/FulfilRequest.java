package org.lanyard.core.ra;

import org.jspecify.annotations.Nullable;
import org.lanyard.core.Actor;
import org.lanyard.core.LanyardException;
import org.lanyard.core.ca.CsrIntake;
import org.lanyard.core.ca.IssuanceRequest;
import org.lanyard.core.ca.IssueCertificate;
import org.lanyard.core.ca.IssuedCertificate;

/**
 * The RA's last step (docs/flows/registration.md, step 5): hands an approved request to the CA,
 * which checks it again (policy, lint) and issues, and records the outcome: COMPLETED with the
 * serial, or FAILED with the failure code. If the process dies in between, the request stays
 * APPROVED and the CA's own record of the attempt stays RESERVED (docs/flows/issuance.md).
 */
final class FulfilRequest {

    private final IssueCertificate issue;
    private final RequestRecords records;

    FulfilRequest(IssueCertificate issue, RequestRecords records) {
        this.issue = issue;
        this.records = records;
    }

    /** The request after the attempt; {@code issued} or {@code failure} is set. */
    record Fulfilment(Request request, @Nullable IssuedCertificate issued, @Nullable LanyardException failure) {
    }

    /** @param by who caused issuance now: the requester (no approval needed) or the last approver */
    Fulfilment fulfil(Request approved, Actor by) {
        IssuedCertificate issued;
        try {
            issued = issue.issue(new IssuanceRequest(approved.profileId(), CsrIntake.parse(approved.csr()),
                    approved.variables(), approved.requester().actor(), approved.issuerId()));
        } catch (RuntimeException e) {
            String code = e instanceof LanyardException le ? le.code() : "internal";
            try {
                records.move(approved, RequestState.FAILED, by, code, null, code);
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed); // the request stays APPROVED; the CA's record says what happened
            }
            if (e instanceof LanyardException le) {
                return new Fulfilment(records.find(approved.id()), null, le);
            }
            throw e;
        }
        String serial = issued.record().serialHex();
        records.move(approved, RequestState.COMPLETED, by, serial, serial, null);
        return new Fulfilment(records.find(approved.id()), issued, null);
    }
}
