package org.lanyard.server.web;

import org.lanyard.server.http.RequiresPermission;
import org.lanyard.core.LanyardException;
import org.lanyard.core.Page;
import org.lanyard.core.PageRequest;
import org.lanyard.core.operator.AuthenticatedOperator;
import org.lanyard.core.operator.Permission;
import org.lanyard.core.ra.Principal;
import org.lanyard.core.ra.RequestState;
import org.lanyard.core.ra.ApproveRequest;
import org.lanyard.core.ra.CancelRequest;
import org.lanyard.core.ra.ListRequests;
import org.lanyard.core.ra.RejectRequest;
import org.lanyard.core.ra.RequestReader;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Registration requests (docs/flows/registration.md): follow one, list what the caller may act on,
 * approve, reject, cancel. Each decision answers 200 with the request after it; a request that is
 * no longer pending answers 409 {@code request-not-pending}; the approval rules answer with their
 * names ({@code approval-by-requester}, {@code approval-duplicate}, {@code approver-may-issue}).
 */
@RestController
@RequestMapping("/api/v1/requests")
public class RequestController {

    private final ListRequests listRequests;
    private final RequestReader requests;
    private final ApproveRequest approveRequest;
    private final RejectRequest rejectRequest;
    private final CancelRequest cancelRequest;

    public RequestController(ListRequests listRequests, RequestReader requests, ApproveRequest approveRequest,
            RejectRequest rejectRequest, CancelRequest cancelRequest) {
        this.listRequests = listRequests;
        this.requests = requests;
        this.approveRequest = approveRequest;
        this.rejectRequest = rejectRequest;
        this.cancelRequest = cancelRequest;
    }

    /** Optional body of a decision. */
    public record CommentBody(String comment) {
    }

    /** {@code state}: only requests in that state, e.g. {@code pending}; oldest first. */
    @GetMapping
    @RequiresPermission(Permission.REQUEST_READ)
    public Page<RequestView> list(@RequestParam(required = false) String state,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
            AuthenticatedOperator operator) {
        RequestState wanted = state == null || state.isBlank() ? null : RequestState.parse(state);
        return listRequests.list(operator, wanted, new PageRequest(page, size)).map(RequestView::of);
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permission.REQUEST_READ)
    public RequestView show(@PathVariable String id) {
        return requests.find(id).map(RequestView::of)
                .orElseThrow(() -> LanyardException.notFound("request-unknown", "no request with id " + id));
    }

    /** The approval that completes the count issues: the answer is then completed (or failed, with the code). */
    @PostMapping("/{id}/approve")
    @RequiresPermission(Permission.REQUEST_APPROVE)
    public RequestView approve(@PathVariable String id, @RequestBody(required = false) CommentBody body,
            AuthenticatedOperator operator) {
        return RequestView.of(approveRequest.approve(operator, id, comment(body)));
    }

    @PostMapping("/{id}/reject")
    @RequiresPermission(Permission.REQUEST_APPROVE)
    public RequestView reject(@PathVariable String id, @RequestBody(required = false) CommentBody body,
            AuthenticatedOperator operator) {
        return RequestView.of(rejectRequest.reject(operator, id, comment(body)));
    }

    /** By the requester, or by an operator with REQUEST_APPROVE (403 {@code cancel-by-requester-or-approver}). */
    @PostMapping("/{id}/cancel")
    @RequiresPermission(Permission.REQUEST_READ)
    public RequestView cancel(@PathVariable String id, @RequestBody(required = false) CommentBody body,
            AuthenticatedOperator operator) {
        return RequestView.of(cancelRequest.cancel(new Principal.Operator(operator), id,
                comment(body)));
    }


    private static String comment(CommentBody body) {
        return body == null ? null : body.comment();
    }
}
