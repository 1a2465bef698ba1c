package org.lanyard.core.ra;

import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.lanyard.core.Actor;
import org.lanyard.core.operator.Scope;

/**
 * A request to the registration authority and everything that happened to it
 * (docs/flows/registration.md). For an {@link RequestType#ISSUE} request the payload is what the
 * requester asked for and what approvers approve: the profile, the CSR (DER, its signature checked
 * at intake), the subject template's variables and the issuer that was to sign it.
 *
 * @param scope             where the request was made; approvers need their permissions there
 * @param issuerId          the issuer resolved when the request was made (the profile's, or the default)
 * @param approvalsRequired the profile's {@code approvalsRequired} when the request was made
 * @param approvals         in the order given; distinct operators, none of them the requester
 * @param history           every step, oldest first
 * @param certificateSerial the issued certificate's serial (hex) once {@link RequestState#COMPLETED}
 * @param failure           the failure code once {@link RequestState#FAILED}
 */
public record Request(
        String id,
        RequestType type,
        RequestState state,
        Scope scope,
        Requester requester,
        String profileId,
        @Nullable String issuerId,
        byte @Nullable [] csr,
        Map<String, String> variables,
        int approvalsRequired,
        List<Approval> approvals,
        List<RequestEvent> history,
        @Nullable String certificateSerial,
        @Nullable String failure,
        Instant createdAt,
        Instant updatedAt) {

    public Request {
        csr = csr == null ? null : csr.clone();
        variables = variables == null ? Map.of() : Map.copyOf(variables);
        approvals = List.copyOf(approvals);
        history = List.copyOf(history);
    }

    @Override
    public byte @Nullable [] csr() {
        return csr == null ? null : csr.clone();
    }

    /** True when {@code operator} has approved this request. */
    public boolean approvedBy(Actor operator) {
        return approvals.stream().anyMatch(a -> a.operator().id().equals(operator.id()));
    }
}
