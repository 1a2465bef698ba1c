package org.lanyard.core.operator;

/** What an operator may do. Every API route declares exactly one (see {@code RequiresPermission}). */
public enum Permission {
    CERTIFICATE_READ,
    CERTIFICATE_ISSUE,
    CERTIFICATE_REVOKE,
    PROFILE_READ,
    PROFILE_MANAGE,
    ISSUER_READ,
    ISSUER_MANAGE,
    OPERATOR_READ,
    OPERATOR_MANAGE,
    ROLE_MANAGE,
    AUDIT_READ,
    CREDENTIAL_MANAGE,
    CREDENTIAL_UNBLOCK,
    KEY_RECOVERY,
    SYSTEM_CONFIGURE,
    /** ACME endpoints and External Account Binding keys. */
    ACME_MANAGE,
    /** Prometheus metrics of a node ({@code GET /api/v1/metrics}): counts, never names or secrets. */
    METRICS_READ,
    /** Read registration requests (docs/flows/registration.md). */
    REQUEST_READ,
    /** Approve, reject or cancel others' registration requests; approving also needs the right to issue them. */
    REQUEST_APPROVE
}
