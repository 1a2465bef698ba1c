package org.lanyard.core;

import static org.lanyard.core.ErrorGroup.ACME;
import static org.lanyard.core.ErrorGroup.EDGE;
import static org.lanyard.core.ErrorGroup.GENERAL;
import static org.lanyard.core.ErrorGroup.ISSUANCE_RULE;
import static org.lanyard.core.ErrorGroup.LINT;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of every error code Lanyard raises (error model v2, ADR 0013): the stable code,
 * its {@link ErrorKind} and what it means. Codes are API: they leave as {@code code} and
 * {@code urn:lanyard:problem:<code>} in REST problems, in the CLI and in the audit log, so an
 * entry is never renamed or removed while something may still raise it.
 *
 * <p>{@code docs/errors.md} documents each entry with its REST status and ACME type, and two
 * tests keep the three in step: {@code ErrorCodeTest} (core: every code raised in any module's
 * main sources is here, every entry is raised, kinds agree, the document lists them all) and
 * {@code ErrorDocumentationTest} (server: the document's statuses and ACME types are the edges').
 *
 * <p>New code may raise {@code LanyardException.of(ErrorCode.X, detail)}; existing call sites keep
 * their string literals and are checked against this list by the tests.
 */
public enum ErrorCode {
    // requests and pages
    PAGE_INVALID(GENERAL, "page-invalid", ErrorKind.INVALID_INPUT,
            "The page number is negative or the page size is out of range."),
    REQUEST_INVALID(GENERAL, "request-invalid", ErrorKind.INVALID_INPUT,
            "The certificate request body cannot be turned into an issuance request."),
    TIME_MALFORMED(GENERAL, "time-malformed", ErrorKind.INVALID_INPUT,
            "A time parameter is not an ISO-8601 instant."),
    STATUS_UNKNOWN(GENERAL, "status-unknown", ErrorKind.INVALID_INPUT,
            "A certificate status filter names no known status."),
    DOWNLOAD_FORMAT_UNKNOWN(GENERAL, "download-format-unknown", ErrorKind.INVALID_INPUT,
            "The certificate download format is not one Lanyard offers."),

    // issuance pipeline (docs/flows/issuance.md)
    TBS_HASH_MISMATCH(GENERAL, "tbs-hash-mismatch", ErrorKind.INTERNAL,
            "The signed certificate's to-be-signed part differs from the linted one recorded with the reservation; nothing is stored."),

    // jobs (docs/flows/jobs.md)
    JOB_UNKNOWN(GENERAL, "job-unknown", ErrorKind.NOT_FOUND,
            "No job of that name is registered in the cluster."),
    JOB_RUN_UNKNOWN(GENERAL, "job-run-unknown", ErrorKind.NOT_FOUND,
            "No run of that job has that id."),
    JOB_RUNNING(GENERAL, "job-running", ErrorKind.CONFLICT,
            "The job is running (on this or another node); ask again when the run has ended."),
    LIMIT_INVALID(GENERAL, "limit-invalid", ErrorKind.INVALID_INPUT,
            "The number of runs asked for is out of range."),

    // registration requests and approvals (docs/flows/registration.md)
    SCOPE_MALFORMED(GENERAL, "scope-malformed", ErrorKind.INVALID_INPUT,
            "A scope is not 'system' or a well-formed organisation or department scope."),
    REQUEST_UNKNOWN(GENERAL, "request-unknown", ErrorKind.NOT_FOUND,
            "No registration request has that id."),
    REQUEST_NOT_PENDING(GENERAL, "request-not-pending", ErrorKind.CONFLICT,
            "The request is no longer pending (approved, rejected, cancelled, completed or failed), or another node moved it first."),
    REQUEST_STATE_UNKNOWN(GENERAL, "request-state-unknown", ErrorKind.INVALID_INPUT,
            "A request state filter names no known state."),
    COMMENT_INVALID(GENERAL, "comment-invalid", ErrorKind.INVALID_INPUT,
            "An approval, rejection or cancellation comment is too long."),
    APPROVAL_BY_REQUESTER(GENERAL, "approval-by-requester", ErrorKind.POLICY_REFUSED,
            "The requester cannot approve their own request (four eyes)."),
    APPROVAL_DUPLICATE(GENERAL, "approval-duplicate", ErrorKind.POLICY_REFUSED,
            "This operator has already approved the request; approvals come from distinct operators."),
    APPROVER_MAY_ISSUE(GENERAL, "approver-may-issue", ErrorKind.FORBIDDEN,
            "The approver could not issue under the request's profile themselves, so may not approve it."),
    CANCEL_BY_REQUESTER_OR_APPROVER(GENERAL, "cancel-by-requester-or-approver", ErrorKind.FORBIDDEN,
            "Only the requester, or an operator who may approve requests, may cancel a request."),
    APPROVAL_UNSUPPORTED(GENERAL, "approval-unsupported", ErrorKind.POLICY_REFUSED,
            "The profile needs approvals, which this way of asking cannot wait for (ACME, server-side keys)."),
    REQUEST_RATE(GENERAL, "request-rate", ErrorKind.RATE_LIMITED,
            "The requester asked for more certificates than LANYARD_REQUEST_RATE allows in its window; Retry-After says when to try again."),

    // operators, roles, tokens, sign-in
    TOKEN_INVALID(GENERAL, "token-invalid", ErrorKind.UNAUTHENTICATED,
            "The API token is missing, malformed, unknown, revoked or expired, or its operator is gone."),
    CERTIFICATE_INVALID(GENERAL, "certificate-invalid", ErrorKind.UNAUTHENTICATED,
            "The client certificate presented at sign-in cannot be read."),
    CERTIFICATE_REVOKED(GENERAL, "certificate-revoked", ErrorKind.UNAUTHENTICATED,
            "The client certificate presented at sign-in is revoked or on hold."),
    OPERATOR_DISABLED(GENERAL, "operator-disabled", ErrorKind.UNAUTHENTICATED,
            "The operator signing in is disabled."),
    CREDENTIALS_MISSING(GENERAL, "credentials-missing", ErrorKind.UNAUTHENTICATED,
            "The route needs a signed-in operator and the request carries no credentials."),
    PERMISSION_DENIED(GENERAL, "permission-denied", ErrorKind.FORBIDDEN,
            "The operator lacks the permission the route or use case needs."),
    ROUTE_UNDECLARED(GENERAL, "route-undeclared", ErrorKind.FORBIDDEN,
            "The route declares no permission, so it is closed to everyone."),
    PRIVILEGE_ESCALATION(GENERAL, "privilege-escalation", ErrorKind.FORBIDDEN,
            "The operator tried to grant roles, permissions or profiles it does not hold itself (ADR 0010)."),
    PROFILE_RESTRICTED(GENERAL, "profile-restricted", ErrorKind.FORBIDDEN,
            "The operator may not issue from this certificate profile."),
    OPERATOR_NAME(GENERAL, "operator-name", ErrorKind.INVALID_INPUT,
            "The operator name is empty, too long or has characters outside the allowed set."),
    OPERATOR_ROLES(GENERAL, "operator-roles", ErrorKind.INVALID_INPUT,
            "The operator is given no role."),
    OPERATOR_INVALID(GENERAL, "operator-invalid", ErrorKind.INVALID_INPUT,
            "The operator body is missing."),
    OPERATOR_EXISTS(GENERAL, "operator-exists", ErrorKind.CONFLICT,
            "An operator with this name exists already."),
    OPERATOR_UNKNOWN(GENERAL, "operator-unknown", ErrorKind.NOT_FOUND,
            "No operator with this id."),
    OPERATOR_PROTECTED(GENERAL, "operator-protected", ErrorKind.CONFLICT,
            "The System Owner, or the caller itself, cannot be disabled."),
    ROLE_ID(GENERAL, "role-id", ErrorKind.INVALID_INPUT,
            "The role id is not lower-case letters, digits and dashes."),
    ROLE_NAME(GENERAL, "role-name", ErrorKind.INVALID_INPUT,
            "The role has no name."),
    ROLE_INVALID(GENERAL, "role-invalid", ErrorKind.INVALID_INPUT,
            "The role body is missing."),
    ROLE_UNKNOWN(GENERAL, "role-unknown", ErrorKind.INVALID_INPUT,
            "A role named for the operator does not exist."),
    ROLE_PROTECTED(GENERAL, "role-protected", ErrorKind.CONFLICT,
            "The System Owner role cannot be changed."),
    PERMISSION_UNKNOWN(GENERAL, "permission-unknown", ErrorKind.INVALID_INPUT,
            "A permission named for the role does not exist."),
    TOKEN_NAME(GENERAL, "token-name", ErrorKind.INVALID_INPUT,
            "The API token name is empty or longer than 100 characters."),
    TOKEN_LIFETIME(GENERAL, "token-lifetime", ErrorKind.INVALID_INPUT,
            "The API token lifetime is not positive or out of range."),
    TOKEN_UNKNOWN(GENERAL, "token-unknown", ErrorKind.NOT_FOUND,
            "No API token with this id for the operator."),
    TOKEN_REVOKED(GENERAL, "token-revoked", ErrorKind.CONFLICT,
            "The API token is revoked already."),
    CERTIFICATE_BOUND(GENERAL, "certificate-bound", ErrorKind.CONFLICT,
            "The client certificate is bound to an operator already."),
    ALREADY_INITIALIZED(GENERAL, "already-initialized", ErrorKind.CONFLICT,
            "The system is initialised already; initialisation runs once."),

    // certificate authorities and keys
    ISSUER_ID(GENERAL, "issuer-id", ErrorKind.INVALID_INPUT,
            "The issuer id is not lower-case letters, digits and dashes."),
    ISSUER_NAME(GENERAL, "issuer-name", ErrorKind.INVALID_INPUT,
            "The CA name is missing, too long or not a valid issuer name."),
    ISSUER_ALGORITHM(GENERAL, "issuer-algorithm", ErrorKind.INVALID_INPUT,
            "The CA key algorithm is missing."),
    ISSUER_VALIDITY(GENERAL, "issuer-validity", ErrorKind.INVALID_INPUT,
            "The CA validity is not positive, or a certificate of the imported chain is not valid now."),
    ISSUER_INVALID(GENERAL, "issuer-invalid", ErrorKind.INVALID_INPUT,
            "The issuer body lacks its required fields."),
    ISSUER_EXISTS(GENERAL, "issuer-exists", ErrorKind.CONFLICT,
            "An issuer with this id exists already."),
    ISSUER_UNKNOWN(GENERAL, "issuer-unknown", ErrorKind.NOT_FOUND,
            "No issuer with this id, or no default issuer is configured."),
    ISSUER_CHAIN(GENERAL, "issuer-chain", ErrorKind.INVALID_INPUT,
            "The imported chain is empty or too long."),
    ISSUER_CHAIN_NOT_CA(GENERAL, "issuer-chain-not-ca", ErrorKind.INVALID_INPUT,
            "A certificate above the imported CA is not a CA certificate."),
    ISSUER_CHAIN_SIGNATURE(GENERAL, "issuer-chain-signature", ErrorKind.INVALID_INPUT,
            "A certificate of the imported chain is not signed by the next one."),
    ISSUER_CHAIN_ROOT(GENERAL, "issuer-chain-root", ErrorKind.INVALID_INPUT,
            "The imported chain does not end in a self-signed root."),
    ISSUER_NOT_CA(GENERAL, "issuer-not-ca", ErrorKind.INVALID_INPUT,
            "The imported certificate is not a CA certificate with keyCertSign."),
    ISSUER_KEY_UNSUPPORTED(GENERAL, "issuer-key-unsupported", ErrorKind.INVALID_INPUT,
            "The imported CA key is of an algorithm Lanyard does not support."),
    ISSUER_KEY_MISMATCH(GENERAL, "issuer-key-mismatch", ErrorKind.INVALID_INPUT,
            "The imported private key does not match the CA certificate."),
    ISSUER_SUBJECT(GENERAL, "issuer-subject", ErrorKind.INVALID_INPUT,
            "The imported CA certificate's subject cannot serve as an issuer name."),
    CERTIFICATE_MALFORMED(GENERAL, "certificate-malformed", ErrorKind.INVALID_INPUT,
            "A PEM or DER certificate cannot be read."),
    PRIVATE_KEY_MALFORMED(GENERAL, "private-key-malformed", ErrorKind.INVALID_INPUT,
            "The PEM private key cannot be read or is encrypted."),
    KEY_ALIAS_INVALID(GENERAL, "key-alias-invalid", ErrorKind.INVALID_INPUT,
            "The key alias is empty or longer than 128 characters."),
    KEY_ALIAS_EXISTS(GENERAL, "key-alias-exists", ErrorKind.CONFLICT,
            "A key with this alias exists already in the key store or on the token."),
    KEY_NOT_FOUND(GENERAL, "key-not-found", ErrorKind.NOT_FOUND,
            "No key with this alias in the key store or on the token."),
    KEY_CHAIN_EMPTY(GENERAL, "key-chain-empty", ErrorKind.INVALID_INPUT,
            "A key is stored without its certificate chain."),
    KEY_ALGORITHM_UNSUPPORTED(GENERAL, "key-algorithm-unsupported", ErrorKind.INVALID_INPUT,
            "The key is of an algorithm the key store does not support."),
    KEY_CERTIFICATE_MISMATCH(GENERAL, "key-certificate-mismatch", ErrorKind.INVALID_INPUT,
            "The certificate does not belong to the key stored with it."),
    KEY_NOT_EXPORTABLE(GENERAL, "key-not-exportable", ErrorKind.INVALID_INPUT,
            "The key to import lives on a token and cannot be exported into a key store."),
    KEY_UNREADABLE(GENERAL, "key-unreadable", ErrorKind.INVALID_INPUT,
            "The key to import cannot be read."),
    KEY_GENERATION_FAILED(GENERAL, "key-generation-failed", ErrorKind.INTERNAL,
            "The key store or token failed to generate a key."),
    KEY_PLACEHOLDER_FAILED(GENERAL, "key-placeholder-failed", ErrorKind.INTERNAL,
            "The placeholder certificate for a new key could not be made."),
    KEY_SIGN_FAILED(GENERAL, "key-sign-failed", ErrorKind.INTERNAL,
            "The key store or token failed to sign."),
    KEYSTORE_PASSWORD_EMPTY(GENERAL, "keystore-password-empty", ErrorKind.INVALID_INPUT,
            "The PKCS#12 key store password is empty."),
    KEYSTORE_PASSWORD_INCORRECT(GENERAL, "keystore-password-incorrect", ErrorKind.UNAUTHENTICATED,
            "The PKCS#12 key store password does not open the key store."),
    KEYSTORE_UNREADABLE(GENERAL, "keystore-unreadable", ErrorKind.INTERNAL,
            "The PKCS#12 key store file cannot be read."),
    KEYSTORE_WRITE_FAILED(GENERAL, "keystore-write-failed", ErrorKind.INTERNAL,
            "The PKCS#12 key store file cannot be written."),
    PKCS11_LIBRARY_MISSING(GENERAL, "pkcs11-library-missing", ErrorKind.INVALID_INPUT,
            "No PKCS#11 module at the configured path."),
    PKCS11_UNSUPPORTED(GENERAL, "pkcs11-unsupported", ErrorKind.INTERNAL,
            "The Java runtime has no SunPKCS11 provider."),
    PKCS11_TOKEN_UNAVAILABLE(GENERAL, "pkcs11-token-unavailable", ErrorKind.INTERNAL,
            "The PKCS#11 token cannot be configured or logged in to for a reason other than the PIN."),
    TOKEN_PIN_INCORRECT(GENERAL, "token-pin-incorrect", ErrorKind.UNAUTHENTICATED,
            "The PIN does not log in to the PKCS#11 token."),
    TOKEN_PIN_LOCKED(GENERAL, "token-pin-locked", ErrorKind.UNAUTHENTICATED,
            "The PIN of the PKCS#11 token is locked; the security officer must reset it."),
    TOKEN_UNREADABLE(GENERAL, "token-unreadable", ErrorKind.INTERNAL,
            "The keys on the PKCS#11 token cannot be listed."),
    TOKEN_WRITE_FAILED(GENERAL, "token-write-failed", ErrorKind.INTERNAL,
            "A key cannot be stored on the PKCS#11 token."),

    // profiles and issuance
    PROFILE_INVALID(GENERAL, "profile-invalid", ErrorKind.INVALID_INPUT,
            "The certificate profile is missing, inconsistent or has a broken value."),
    PROFILE_MISSING(GENERAL, "profile-missing", ErrorKind.INVALID_INPUT,
            "The request names no certificate profile."),
    PROFILE_UNKNOWN(GENERAL, "profile-unknown", ErrorKind.NOT_FOUND,
            "No certificate profile with this id."),
    PROFILE_VALUE_INVALID(GENERAL, "profile-value-invalid", ErrorKind.INVALID_INPUT,
            "A list value of the profile is empty or spans lines, so the store cannot keep it."),
    CSR_MISSING(GENERAL, "csr-missing", ErrorKind.INVALID_INPUT,
            "The request carries no PEM certificate signing request."),
    CSR_MALFORMED(GENERAL, "csr-malformed", ErrorKind.BAD_CSR,
            "The certificate signing request cannot be read (not PKCS#10 PEM or DER, too large, trailing data)."),
    CSR_SIGNATURE_INVALID(GENERAL, "csr-signature-invalid", ErrorKind.BAD_CSR,
            "The signature of the certificate signing request does not verify with its key."),
    CSR_SAN_MALFORMED(GENERAL, "csr-san-malformed", ErrorKind.BAD_CSR,
            "A subject alternative name of the CSR cannot be read (e.g. an IP address of the wrong length)."),
    CSR_SAN_UNSUPPORTED(GENERAL, "csr-san-unsupported", ErrorKind.BAD_CSR,
            "The CSR asks for a subject alternative name type Lanyard does not issue."),
    SAN_MALFORMED(GENERAL, "san-malformed", ErrorKind.INVALID_INPUT,
            "A subject alternative name given for a server-generated key cannot be encoded."),
    PKCS12_PASSWORD(GENERAL, "pkcs12-password", ErrorKind.INVALID_INPUT,
            "The password for the PKCS#12 with a server-generated key is too short."),
    SERVER_KEY_GENERATION_ALLOWED(GENERAL, "server-key-generation-allowed", ErrorKind.POLICY_REFUSED,
            "The profile does not allow keys generated by the server."),
    SERIAL_MALFORMED(GENERAL, "serial-malformed", ErrorKind.INVALID_INPUT,
            "A serial number is not 1 to 40 hex digits, or not positive within 20 octets."),
    SERIAL_EXHAUSTED(GENERAL, "serial-exhausted", ErrorKind.INTERNAL,
            "No free serial number was found after several attempts."),
    CERTIFICATE_UNKNOWN(GENERAL, "certificate-unknown", ErrorKind.NOT_FOUND,
            "No certificate with this serial (also raised as UNAUTHENTICATED at sign-in: the client "
                    + "certificate is bound to no operator)."),

    // revocation, CRL and OCSP
    REVOCATION_REASON_UNKNOWN(GENERAL, "revocation-reason-unknown", ErrorKind.INVALID_INPUT,
            "The revocation reason is not an RFC 5280 reason Lanyard accepts for this operation."),
    INVALIDITY_DATE_FUTURE(GENERAL, "invalidity-date-future", ErrorKind.INVALID_INPUT,
            "The invalidity date is in the future."),
    CERTIFICATE_NOT_ISSUED(GENERAL, "certificate-not-issued", ErrorKind.CONFLICT,
            "The certificate was reserved but never issued (or failed), so it cannot be revoked or downloaded."),
    CERTIFICATE_ALREADY_REVOKED(GENERAL, "certificate-already-revoked", ErrorKind.CONFLICT,
            "The certificate is revoked already."),
    CERTIFICATE_ALREADY_ON_HOLD(GENERAL, "certificate-already-on-hold", ErrorKind.CONFLICT,
            "The certificate is on hold already."),
    CERTIFICATE_NOT_ON_HOLD(GENERAL, "certificate-not-on-hold", ErrorKind.CONFLICT,
            "The certificate is not on hold, so it cannot be resumed."),
    CERTIFICATE_STATUS_CHANGED(GENERAL, "certificate-status-changed", ErrorKind.CONFLICT,
            "The certificate's status changed while the request ran; read it again."),
    CRL_BASE_MISSING(GENERAL, "crl-base-missing", ErrorKind.CONFLICT,
            "There is no full CRL of the shard to base a delta CRL on."),
    CRL_SHARD_UNKNOWN(GENERAL, "crl-shard-unknown", ErrorKind.NOT_FOUND,
            "The CRL shard does not exist for the issuer."),
    CRL_UNKNOWN(GENERAL, "crl-unknown", ErrorKind.NOT_FOUND,
            "No published CRL of this issuer and shard."),
    OCSP_REQUEST_MALFORMED(GENERAL, "ocsp-request-malformed", ErrorKind.INVALID_INPUT,
            "The OCSP request cannot be read."),
    OCSP_REQUEST_TOO_LARGE(GENERAL, "ocsp-request-too-large", ErrorKind.INVALID_INPUT,
            "The OCSP request is larger than Lanyard reads."),
    OCSP_NONCE_SIZE(GENERAL, "ocsp-nonce-size", ErrorKind.INVALID_INPUT,
            "The OCSP nonce is empty or longer than allowed."),
    OCSP_ISSUER_UNKNOWN(GENERAL, "ocsp-issuer-unknown", ErrorKind.NOT_FOUND,
            "No OCSP signing key for the issuer."),

    // audit and store
    AUDIT_HEAD_MOVED(GENERAL, "audit-head-moved", ErrorKind.CONFLICT,
            "The audit chain head moved under an append that did not lock it (a programming error)."),
    STORE_FAILED(GENERAL, "store-failed", ErrorKind.INTERNAL,
            "The database failed; details are in the log."),
    STORE_UNAVAILABLE(GENERAL, "store-unavailable", ErrorKind.UNAVAILABLE,
            "The database is out of reach for now (no connection in time); retrying later may succeed."),

    // ACME administration
    ACME_ENDPOINT_NAME(GENERAL, "acme-endpoint-name", ErrorKind.INVALID_INPUT,
            "The ACME endpoint name is not lower-case letters, digits and dashes."),
    ACME_ENDPOINT_PROFILES(GENERAL, "acme-endpoint-profiles", ErrorKind.INVALID_INPUT,
            "The ACME endpoint offers no certificate profile."),
    ACME_ENDPOINT_UNKNOWN(GENERAL, "acme-endpoint-unknown", ErrorKind.NOT_FOUND,
            "No ACME endpoint with this name."),
    ACME_EAB_PROFILE(GENERAL, "acme-eab-profile", ErrorKind.INVALID_INPUT,
            "The external account binding key names a profile its endpoint does not offer."),
    ACME_EAB_DNS_NAME(GENERAL, "acme-eab-dns-name", ErrorKind.INVALID_INPUT,
            "The external account binding key names something that is not a DNS name pattern."),
    ACME_VALUE_INVALID(GENERAL, "acme-value-invalid", ErrorKind.INVALID_INPUT,
            "A list value of the ACME endpoint is empty or spans lines, so the store cannot keep it."),
    ACME_ACCOUNT_KEY_IN_USE(GENERAL, "acme-account-key-in-use", ErrorKind.CONFLICT,
            "The new key of an ACME key rollover is the key of another account."),

    // issuance rules
    KEY_ALGORITHM_ALLOWED(ISSUANCE_RULE, "key-algorithm-allowed", ErrorKind.BAD_KEY,
            "The CSR's key algorithm or size is not one the profile allows."),
    KEY_USAGE_COMPATIBLE(ISSUANCE_RULE, "key-usage-compatible", ErrorKind.POLICY_REFUSED,
            "None of the profile's key usages fits the CSR's key type."),
    SAN_REQUIRED(ISSUANCE_RULE, "san-required", ErrorKind.IDENTIFIER_REJECTED,
            "The profile requires a subject alternative name and the request has none."),
    SAN_COUNT(ISSUANCE_RULE, "san-count", ErrorKind.IDENTIFIER_REJECTED,
            "The request has more subject alternative names than the profile allows."),
    SAN_TYPE_ALLOWED(ISSUANCE_RULE, "san-type-allowed", ErrorKind.IDENTIFIER_REJECTED,
            "The request has a subject alternative name of a type the profile does not allow."),
    DNS_NAME_SYNTAX(ISSUANCE_RULE, "dns-name-syntax", ErrorKind.IDENTIFIER_REJECTED,
            "A DNS name is not a valid host name or wildcard."),
    DNS_NAME_ALLOWED(ISSUANCE_RULE, "dns-name-allowed", ErrorKind.IDENTIFIER_REJECTED,
            "A DNS name is not one the profile's allowed DNS names match."),
    EMAIL_SYNTAX(ISSUANCE_RULE, "email-syntax", ErrorKind.IDENTIFIER_REJECTED,
            "An e-mail SAN is not an ASCII e-mail address."),
    UPN_SYNTAX(ISSUANCE_RULE, "upn-syntax", ErrorKind.IDENTIFIER_REJECTED,
            "A UPN SAN is not user@domain."),
    URI_SYNTAX(ISSUANCE_RULE, "uri-syntax", ErrorKind.IDENTIFIER_REJECTED,
            "A URI SAN is not an absolute ASCII URI."),
    SUBJECT_VARIABLES(ISSUANCE_RULE, "subject-variables", ErrorKind.POLICY_REFUSED,
            "The profile's subject template needs a variable the request does not give, or the template is broken."),
    SUBJECT_VALUES(ISSUANCE_RULE, "subject-values", ErrorKind.POLICY_REFUSED,
            "A subject value does not fit its attribute (type, RFC 5280 length, control characters)."),
    ISSUER_VALID(ISSUANCE_RULE, "issuer-valid", ErrorKind.POLICY_REFUSED,
            "The issuing CA is not valid yet, has expired or expires within the hour."),

    // lint
    LINT_VERSION_3(LINT, "lint-version-3", ErrorKind.POLICY_REFUSED,
            "Lint: the certificate is not X.509 version 3."),
    LINT_SERIAL_POSITIVE(LINT, "lint-serial-positive", ErrorKind.POLICY_REFUSED,
            "Lint: the serial number is not positive."),
    LINT_SERIAL_LENGTH(LINT, "lint-serial-length", ErrorKind.POLICY_REFUSED,
            "Lint: the serial number is longer than 20 octets."),
    LINT_VALIDITY_ORDER(LINT, "lint-validity-order", ErrorKind.POLICY_REFUSED,
            "Lint: notBefore is not before notAfter."),
    LINT_VALIDITY_WITHIN_ISSUER(LINT, "lint-validity-within-issuer", ErrorKind.POLICY_REFUSED,
            "Lint: the validity reaches outside the issuer's."),
    LINT_ISSUER_NAME_MATCH(LINT, "lint-issuer-name-match", ErrorKind.POLICY_REFUSED,
            "Lint: the issuer name differs from the issuer's subject."),
    LINT_SIGNATURE_ALGORITHM_MATCH(LINT, "lint-signature-algorithm-match", ErrorKind.POLICY_REFUSED,
            "Lint: the signature algorithm does not fit the issuer's key."),
    LINT_AUTHORITY_KEY_IDENTIFIER(LINT, "lint-authority-key-identifier", ErrorKind.POLICY_REFUSED,
            "Lint: the authority key identifier is missing or does not name the issuer's key."),
    LINT_SUBJECT_KEY_IDENTIFIER(LINT, "lint-subject-key-identifier", ErrorKind.POLICY_REFUSED,
            "Lint: the subject key identifier is missing."),
    LINT_KEY_CERT_SIGN_NEEDS_CA(LINT, "lint-key-cert-sign-needs-ca", ErrorKind.POLICY_REFUSED,
            "Lint: keyCertSign is set without basic constraints cA."),
    LINT_CA_BASIC_CONSTRAINTS_CRITICAL(LINT, "lint-ca-basic-constraints-critical", ErrorKind.POLICY_REFUSED,
            "Lint: the basic constraints of a CA are not critical."),
    LINT_DN_ATTRIBUTE_VALUES(LINT, "lint-dn-attribute-values", ErrorKind.POLICY_REFUSED,
            "Lint: a subject or issuer attribute has the wrong string type, length or characters."),
    LINT_SUBJECT_OR_SAN(LINT, "lint-subject-or-san", ErrorKind.POLICY_REFUSED,
            "Lint: the subject is empty with no SAN, or the SAN of an empty subject is not critical."),
    LINT_SAN_NOT_EMPTY(LINT, "lint-san-not-empty", ErrorKind.POLICY_REFUSED,
            "Lint: the subject alternative name extension is empty."),
    LINT_EC_KEY_USAGE(LINT, "lint-ec-key-usage", ErrorKind.POLICY_REFUSED,
            "Lint: an EC key has keyEncipherment or dataEncipherment."),
    LINT_SUBJECT_KEY_SUPPORTED(LINT, "lint-subject-key-supported", ErrorKind.POLICY_REFUSED,
            "Lint: the subject key is not an accepted algorithm and size."),
    LINT_TLS_VALIDITY_398_DAYS(LINT, "lint-tls-validity-398-days", ErrorKind.POLICY_REFUSED,
            "Lint: a TLS server certificate is valid for more than 398 days."),
    LINT_TLS_SAN_PRESENT(LINT, "lint-tls-san-present", ErrorKind.POLICY_REFUSED,
            "Lint: a TLS server certificate has no subject alternative name."),
    LINT_TLS_SAN_DNS_OR_IP(LINT, "lint-tls-san-dns-or-ip", ErrorKind.POLICY_REFUSED,
            "Lint: a TLS server certificate names something other than DNS names and IP addresses."),
    LINT_DNS_NAME_VALID(LINT, "lint-dns-name-valid", ErrorKind.POLICY_REFUSED,
            "Lint: a DNS name SAN is not a valid DNS name."),
    LINT_TLS_CN_IN_SAN(LINT, "lint-tls-cn-in-san", ErrorKind.POLICY_REFUSED,
            "Lint: the common name of a TLS server certificate is not one of its SANs."),
    LINT_TLS_NO_ANY_EKU(LINT, "lint-tls-no-any-eku", ErrorKind.POLICY_REFUSED,
            "Lint: a TLS server certificate has anyExtendedKeyUsage."),
    LINT_LEAF_NOT_CA(LINT, "lint-leaf-not-ca", ErrorKind.POLICY_REFUSED,
            "Lint: a certificate with extended key usages is a CA."),

    // ACME problem types (RFC 8555 §6.7)
    ACME_ACCOUNT_DOES_NOT_EXIST(ACME, "acme-accountDoesNotExist", ErrorKind.NOT_FOUND,
            "ACME: no account has this key, or none is at this kid."),
    ACME_ALREADY_REVOKED(ACME, "acme-alreadyRevoked", ErrorKind.CONFLICT,
            "ACME: the certificate is revoked already."),
    ACME_BAD_CSR(ACME, "acme-badCSR", ErrorKind.BAD_CSR,
            "ACME: the CSR is unacceptable (names other than the order's, unreadable)."),
    ACME_BAD_NONCE(ACME, "acme-badNonce", ErrorKind.INVALID_INPUT,
            "ACME: the nonce is missing, unknown, expired or used."),
    ACME_BAD_PUBLIC_KEY(ACME, "acme-badPublicKey", ErrorKind.BAD_KEY,
            "ACME: the JWS key is of a type, curve or size Lanyard does not accept."),
    ACME_BAD_REVOCATION_REASON(ACME, "acme-badRevocationReason", ErrorKind.INVALID_INPUT,
            "ACME: the revocation reason is not one ACME may use."),
    ACME_BAD_SIGNATURE_ALGORITHM(ACME, "acme-badSignatureAlgorithm", ErrorKind.INVALID_INPUT,
            "ACME: the JWS algorithm is not accepted or does not fit the key."),
    ACME_CAA(ACME, "acme-caa", ErrorKind.POLICY_REFUSED,
            "ACME: a CAA record forbids Lanyard to issue for an identifier."),
    ACME_COMPOUND(ACME, "acme-compound", ErrorKind.POLICY_REFUSED,
            "ACME: several problems; see the subproblems."),
    ACME_CONNECTION(ACME, "acme-connection", ErrorKind.POLICY_REFUSED,
            "ACME validation: the server could not connect to the validation target."),
    ACME_DNS(ACME, "acme-dns", ErrorKind.POLICY_REFUSED,
            "ACME validation: a DNS query failed or found no record."),
    ACME_EXTERNAL_ACCOUNT_REQUIRED(ACME, "acme-externalAccountRequired", ErrorKind.UNAUTHENTICATED,
            "ACME: the endpoint requires external account binding."),
    ACME_INCORRECT_RESPONSE(ACME, "acme-incorrectResponse", ErrorKind.POLICY_REFUSED,
            "ACME validation: the response does not hold the key authorization."),
    ACME_INVALID_CONTACT(ACME, "acme-invalidContact", ErrorKind.INVALID_INPUT,
            "ACME: a contact is not a mailto: URL with one plain address."),
    ACME_INVALID_PROFILE(ACME, "acme-invalidProfile", ErrorKind.INVALID_INPUT,
            "ACME: the order names a profile the account may not use."),
    ACME_MALFORMED(ACME, "acme-malformed", ErrorKind.INVALID_INPUT,
            "ACME: the request is malformed."),
    ACME_ORDER_NOT_READY(ACME, "acme-orderNotReady", ErrorKind.CONFLICT,
            "ACME: the order is not ready to be finalized, or is being finalized."),
    ACME_RATE_LIMITED(ACME, "acme-rateLimited", ErrorKind.RATE_LIMITED,
            "ACME: too many new accounts or orders in the window; Retry-After says when to retry."),
    ACME_REJECTED_IDENTIFIER(ACME, "acme-rejectedIdentifier", ErrorKind.IDENTIFIER_REJECTED,
            "ACME: the endpoint will not issue for an identifier."),
    ACME_SERVER_INTERNAL(ACME, "acme-serverInternal", ErrorKind.INTERNAL,
            "ACME: an internal error."),
    ACME_TLS(ACME, "acme-tls", ErrorKind.POLICY_REFUSED,
            "ACME validation: the TLS handshake for tls-alpn-01 failed."),
    ACME_UNAUTHORIZED(ACME, "acme-unauthorized", ErrorKind.FORBIDDEN,
            "ACME: the account may not do this (not its resource, no authorization)."),
    ACME_UNSUPPORTED_CONTACT(ACME, "acme-unsupportedContact", ErrorKind.INVALID_INPUT,
            "ACME: a contact uses a scheme other than mailto:."),
    ACME_UNSUPPORTED_IDENTIFIER(ACME, "acme-unsupportedIdentifier", ErrorKind.INVALID_INPUT,
            "ACME: an identifier type other than dns."),
    ACME_USER_ACTION_REQUIRED(ACME, "acme-userActionRequired", ErrorKind.FORBIDDEN,
            "ACME: the user must act first (e.g. accept new terms)."),

    // REST edge (server.web.Problems)
    REQUEST_MALFORMED(EDGE, "request-malformed", ErrorKind.INVALID_INPUT,
            "The request cannot be read (JSON body, parameters)."),
    NOT_FOUND(EDGE, "not-found", ErrorKind.NOT_FOUND,
            "No route for this path."),
    METHOD_NOT_ALLOWED(EDGE, "method-not-allowed", ErrorKind.INVALID_INPUT,
            "The route does not take this HTTP method."),
    NOT_ACCEPTABLE(EDGE, "not-acceptable", ErrorKind.INVALID_INPUT,
            "The route cannot answer in a media type the Accept header allows."),
    REQUEST_TOO_LARGE(EDGE, "request-too-large", ErrorKind.INVALID_INPUT,
            "The request body is larger than the limit."),
    UNSUPPORTED_MEDIA_TYPE(EDGE, "unsupported-media-type", ErrorKind.INVALID_INPUT,
            "The request body's media type is not one the route reads."),
    INTERNAL(EDGE, "internal", ErrorKind.INTERNAL,
            "An unexpected failure; details are in the log, not in the answer.");

    private static final Map<String, ErrorCode> BY_CODE = new HashMap<>();

    static {
        for (ErrorCode e : values()) {
            if (BY_CODE.put(e.code, e) != null) {
                throw new ExceptionInInitializerError("error code " + e.code + " is catalogued twice");
            }
        }
    }

    private final ErrorGroup group;
    private final String code;
    private final ErrorKind kind;
    private final String meaning;

    ErrorCode(ErrorGroup group, String code, ErrorKind kind, String meaning) {
        this.group = group;
        this.code = code;
        this.kind = kind;
        this.meaning = meaning;
    }

    /** The stable code, e.g. {@code csr-malformed}. */
    public String code() {
        return code;
    }

    public ErrorKind kind() {
        return kind;
    }

    /** One line for the operator: what failed. */
    public String meaning() {
        return meaning;
    }

    public ErrorGroup group() {
        return group;
    }

    /** The entry for a code as raised or stored; empty for a code the catalogue does not know. */
    public static Optional<ErrorCode> find(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }

    /** The catalogued kind of {@code code}, or {@code otherwise} for a code the catalogue does not know. */
    public static ErrorKind kindOf(String code, ErrorKind otherwise) {
        return find(code).map(ErrorCode::kind).orElse(otherwise);
    }

    @Override
    public String toString() {
        return code;
    }
}
