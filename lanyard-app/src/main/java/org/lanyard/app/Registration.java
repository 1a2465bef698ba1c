package org.lanyard.app;

import java.time.Clock;
import java.util.Map;
import org.lanyard.core.audit.AuditTrail;
import org.lanyard.core.ca.CheckIssuance;
import org.lanyard.core.ca.IssuancePolicy;
import org.lanyard.core.ca.IssueCertificate;
import org.lanyard.core.ca.Issuers;
import org.lanyard.core.ra.ApprovalPolicy;
import org.lanyard.core.ra.ApproveRequest;
import org.lanyard.core.ra.CancelRequest;
import org.lanyard.core.ra.IssueWithServerKey;
import org.lanyard.core.ra.ListRequests;
import org.lanyard.core.ra.ProfileAccess;
import org.lanyard.core.ra.RejectRequest;
import org.lanyard.core.ra.RequestCertificate;
import org.lanyard.core.ra.RequestRate;
import org.lanyard.core.ra.RequestRateLimit;
import org.lanyard.core.ra.RequestReader;
import org.lanyard.core.ra.RequestRecords;
import org.lanyard.core.ra.RequestStore;
import org.lanyard.store.Database;

/**
 * The registration authority (DESIGN.md §2, RA; docs/flows/registration.md) wired to the store:
 * the one way in for certificates ({@link #requestCertificate()}, used by REST, PKCS#12, ACME and
 * the CLI) and the approval use cases. Only the RA holds the CA's {@link IssueCertificate}.
 */
public final class Registration {

    /** Requests per window and requester, e.g. {@code 300/PT1M} or {@code off}; see {@link RequestRate}. */
    public static final String RATE_VARIABLE = "LANYARD_REQUEST_RATE";

    private final RequestStore requests;
    private final ProfileAccess profileAccess;
    private final RequestCertificate requestCertificate;
    private final IssueWithServerKey issueWithServerKey;
    private final ApproveRequest approveRequest;
    private final RejectRequest rejectRequest;
    private final CancelRequest cancelRequest;
    private final ListRequests listRequests;

    Registration(Database database, Issuers issuers, IssueCertificate issue, AuditTrail audit, Clock clock,
            RequestRate rate) {
        this.requests = database.requests();
        this.profileAccess = new ProfileAccess(database.profiles());
        RequestRateLimit rateLimit = new RequestRateLimit(requests, rate, clock);
        RequestRecords records = new RequestRecords(requests, database.transactions(), audit, clock);
        this.requestCertificate = new RequestCertificate(profileAccess, rateLimit,
                new CheckIssuance(database.profiles(), issuers, IssuancePolicy.standard(), clock), records, issue);
        this.issueWithServerKey = new IssueWithServerKey(requestCertificate, profileAccess, rateLimit);
        this.approveRequest = new ApproveRequest(records, new ApprovalPolicy(profileAccess, database.profiles()),
                database.profiles(), issue);
        this.rejectRequest = new RejectRequest(records);
        this.cancelRequest = new CancelRequest(records);
        this.listRequests = new ListRequests(requests, database.profiles(), profileAccess);
    }

    /** The rate from {@value #RATE_VARIABLE}; the default (300 per minute) when unset. */
    static RequestRate rate(Map<String, String> env) {
        try {
            return RequestRate.parse(env.get(RATE_VARIABLE));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(RATE_VARIABLE + ": " + e.getMessage(), e);
        }
    }

    public RequestCertificate requestCertificate() {
        return requestCertificate;
    }

    public IssueWithServerKey issueWithServerKey() {
        return issueWithServerKey;
    }

    public ApproveRequest approveRequest() {
        return approveRequest;
    }

    public RejectRequest rejectRequest() {
        return rejectRequest;
    }

    public CancelRequest cancelRequest() {
        return cancelRequest;
    }

    public ListRequests listRequests() {
        return listRequests;
    }

    public ProfileAccess profileAccess() {
        return profileAccess;
    }

    /** Requests, read-only. */
    public RequestReader requests() {
        return requests;
    }
}
