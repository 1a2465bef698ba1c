package org.lanyard.server.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;
import org.lanyard.core.ra.Approval;
import org.lanyard.core.ra.Request;
import org.lanyard.core.ra.RequestEvent;

/**
 * A registration request as the API shows it (docs/flows/registration.md). {@code type} is
 * {@code issue}; {@code state} one of {@code pending}, {@code approved}, {@code rejected},
 * {@code cancelled}, {@code completed}, {@code failed}; people are named as in the transaction
 * log ({@code name (id)}). {@code certificateSerial} appears once completed, {@code failure} (the
 * failure code) once failed. The CSR itself is not shown; the certificate is, under its serial.
 */
public record RequestView(
        String id,
        String type,
        String state,
        String requester,
        String profile,
        String issuer,
        int approvalsRequired,
        List<ApprovalView> approvals,
        List<EventView> history,
        @JsonInclude(JsonInclude.Include.NON_NULL) String certificateSerial,
        @JsonInclude(JsonInclude.Include.NON_NULL) String failure,
        String createdAt,
        String updatedAt) {

    public record ApprovalView(String operator, String at, String comment) {
    }

    public record EventView(String at, String actor, String event, String comment) {
    }

    static RequestView of(Request r) {
        return new RequestView(r.id(), r.type().name().toLowerCase(Locale.ROOT), r.state().text(),
                r.requester().actor().toString(), r.profileId(), r.issuerId(), r.approvalsRequired(),
                r.approvals().stream().map(RequestView::approval).toList(),
                r.history().stream().map(RequestView::event).toList(), r.certificateSerial(), r.failure(),
                r.createdAt().toString(), r.updatedAt().toString());
    }

    private static ApprovalView approval(Approval a) {
        return new ApprovalView(a.operator().toString(), a.at().toString(), a.comment());
    }

    private static EventView event(RequestEvent e) {
        return new EventView(e.at().toString(), e.actor().toString(), e.event(), e.comment());
    }
}
