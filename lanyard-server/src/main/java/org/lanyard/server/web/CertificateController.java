package org.lanyard.server.web;

import org.lanyard.server.http.RequiresPermission;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lanyard.core.LanyardException;
import org.lanyard.core.Page;
import org.lanyard.core.PageRequest;
import org.lanyard.core.ca.CertificateQuery;
import org.lanyard.core.ca.CertificateRecord;
import org.lanyard.core.ca.Certificates;
import org.lanyard.core.ca.Issuer;
import org.lanyard.core.download.CertificateFormats;
import org.lanyard.core.download.DownloadFormat;
import org.lanyard.core.revocation.RevocationReason;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.lanyard.core.ca.CertificateStatus;
import org.lanyard.core.ca.CsrIntake;
import org.lanyard.core.ca.IssuedCertificate;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.ca.Pem;
import org.lanyard.core.ca.Serials;
import org.lanyard.core.ca.SubjectAltName;
import org.lanyard.core.operator.AuthenticatedOperator;
import org.lanyard.core.operator.Permission;
import java.time.Clock;
import org.lanyard.app.Validation;
import org.lanyard.core.ca.CertificateReader;
import org.lanyard.core.ca.IssuerReader;
import org.lanyard.core.ra.IssueWithServerKey;
import org.lanyard.core.ra.Principal;
import org.lanyard.core.ra.RequestCertificate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issue, read and search certificates. Issuance asks the registration authority
 * (docs/flows/registration.md), which issues at once through the CA (docs/flows/issuance.md) or,
 * for a profile that needs approvals, answers 202 with the pending request.
 */
@RestController
@RequestMapping("/api/v1/certificates")
public class CertificateController {

    private final RequestCertificate requestCertificate;
    private final IssueWithServerKey issueWithServerKey;
    private final Validation validation;
    private final IssuerReader issuers;
    private final CertificateReader certificates;
    private final Clock clock;

    public CertificateController(RequestCertificate requestCertificate, IssueWithServerKey issueWithServerKey,
            Validation validation, IssuerReader issuers, CertificateReader certificates, Clock clock) {
        this.requestCertificate = requestCertificate;
        this.issueWithServerKey = issueWithServerKey;
        this.validation = validation;
        this.issuers = issuers;
        this.certificates = certificates;
        this.clock = clock;
    }

    /** {@code profile}: profile id; {@code csr}: PEM; {@code variables}: values for the subject template. */
    public record IssueBody(String profile, String csr, Map<String, String> variables) {
    }

    /** An issued certificate with its chain (issuing CA first), and the request that asked for it. */
    public record IssuedView(String serial, String status, String profile, String issuer, String subject,
            List<String> subjectAltNames, String notBefore, String notAfter, String certificate, String chain,
            String requestId) {

        static IssuedView of(IssuedCertificate issued, String requestId, java.time.Clock clock) {
            CertificateView v = CertificateView.of(issued.record(), clock, true);
            return new IssuedView(v.serial(), v.status(), v.profile(), v.issuer(), v.subject(), v.subjectAltNames(),
                    v.notBefore(), v.notAfter(), v.certificate(), Pem.certificates(issued.chain()), requestId);
        }
    }

    /** A request that waits for approvals: {@code GET /api/v1/requests/{requestId}} follows it. */
    public record PendingView(String requestId, String state) {
    }

    /** 201 with the certificate, or 202 with the pending request when the profile needs approvals. */
    @PostMapping
    @RequiresPermission(Permission.CERTIFICATE_ISSUE)
    public ResponseEntity<Object> issue(@RequestBody IssueBody body, AuthenticatedOperator operator) {
        if (body == null || body.profile() == null || body.profile().isBlank()) {
            throw LanyardException.invalid("profile-missing", "'profile' names the certificate profile");
        }
        if (body.csr() == null || body.csr().isBlank()) {
            throw LanyardException.invalid("csr-missing", "'csr' holds the PEM certificate signing request");
        }
        RequestCertificate.Outcome outcome = requestCertificate.request(
                new Principal.Operator(operator), body.profile(), CsrIntake.parse(body.csr()), body.variables());
        String requestId = outcome.request().id();
        if (outcome.pending()) {
            return ResponseEntity.accepted().location(java.net.URI.create("/api/v1/requests/" + requestId))
                    .body(new PendingView(requestId, outcome.request().state().text()));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(IssuedView.of(outcome.issued(), requestId,
                clock));
    }

    /**
     * Server-side key generation: {@code password} protects the returned PKCS#12. Profiles that need
     * approvals are refused (422 {@code approval-unsupported}): the key is not kept while a request waits.
     */
    public record KeyGenerationBody(String profile, String keyAlgorithm, List<String> subjectAltNames,
            Map<String, String> variables, String password) {
    }

    public record Pkcs12View(IssuedView issued, String pkcs12) {
    }

    @PostMapping("/pkcs12")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permission.CERTIFICATE_ISSUE)
    public Pkcs12View issueWithServerKey(@RequestBody KeyGenerationBody body, AuthenticatedOperator operator) {
        if (body == null || body.profile() == null) {
            throw LanyardException.invalid("profile-missing", "'profile' names the certificate profile");
        }
        KeyAlgorithm algorithm;
        List<SubjectAltName> sans;
        try {
            algorithm = body.keyAlgorithm() == null ? null : KeyAlgorithm.fromId(body.keyAlgorithm());
            sans = body.subjectAltNames() == null ? List.of()
                    : body.subjectAltNames().stream().map(SubjectAltName::parse).toList();
        } catch (IllegalArgumentException e) {
            throw LanyardException.invalid("request-invalid", e.getMessage());
        }
        IssueWithServerKey.Result result = issueWithServerKey.issue(
                new Principal.Operator(operator), body.profile(), algorithm, sans, body.variables(),
                body.password() == null ? null : body.password().toCharArray());
        return new Pkcs12View(IssuedView.of(result.issued(), result.request().id(), clock),
                Base64.getEncoder().encodeToString(result.pkcs12()));
    }

    @GetMapping("/{serial}")
    @RequiresPermission(Permission.CERTIFICATE_READ)
    public CertificateView show(@PathVariable String serial) {
        CertificateRecord record = find(serial);
        CertificateView view = CertificateView.of(record, clock, true);
        if (record.status() == CertificateStatus.REVOKED || record.status() == CertificateStatus.ON_HOLD) {
            view = validation.revocation(record.issuerId(), record.serial()).map(view::withRevocation)
                    .orElse(view);
        }
        return view;
    }

    /** {@code reason}: RFC 5280 name ({@code certificateHold} suspends); {@code invalidityDate}: ISO-8601. */
    public record RevokeBody(String reason, String invalidityDate) {
    }

    /** Revokes or suspends (docs/flows/revocation.md); 409 when already revoked or on hold. */
    @PostMapping("/{serial}/revoke")
    @RequiresPermission(Permission.CERTIFICATE_REVOKE)
    public CertificateView revoke(@PathVariable String serial, @RequestBody(required = false) RevokeBody body,
            AuthenticatedOperator operator) {
        RevocationReason reason = RevocationReason.forRevocation(body == null ? null : body.reason());
        Instant invalidity = body == null ? null : instant("invalidityDate", body.invalidityDate());
        validation.revoke(Serials.parse(serial), reason, invalidity, operator.actor());
        return show(serial);
    }

    /** Lifts a hold; 409 unless the certificate is on hold. */
    @PostMapping("/{serial}/resume")
    @RequiresPermission(Permission.CERTIFICATE_REVOKE)
    public CertificateView resume(@PathVariable String serial, AuthenticatedOperator operator) {
        validation.resume(Serials.parse(serial), operator.actor());
        return show(serial);
    }

    /** The certificate in a {@link DownloadFormat} ({@code ?format=}, default {@code pem}). */
    @GetMapping("/{serial}/download")
    @RequiresPermission(Permission.CERTIFICATE_READ)
    public ResponseEntity<byte[]> download(@PathVariable String serial,
            @RequestParam(required = false) String format) {
        DownloadFormat chosen = DownloadFormat.of(format);
        CertificateRecord record = find(serial);
        if (record.der() == null) {
            throw LanyardException.conflict("certificate-not-issued", "certificate " + record.serialHex()
                    + " was never issued (" + record.status() + ")");
        }
        Issuer issuer = issuers.find(record.issuerId()).orElseThrow(() ->
                LanyardException.notFound("issuer-unknown", "issuer '" + record.issuerId() + "' does not exist"));
        byte[] body = CertificateFormats.render(chosen, Certificates.parse(record.der()), issuer.chain());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(chosen.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + record.serialHex() + "."
                        + chosen.fileExtension() + "\"")
                .body(body);
    }

    private CertificateRecord find(String serial) {
        return certificates.find(Serials.parse(serial))
                .orElseThrow(() -> LanyardException.notFound("certificate-unknown", "no certificate with serial " + serial));
    }

    @GetMapping
    @RequiresPermission(Permission.CERTIFICATE_READ)
    public Page<CertificateView> search(@RequestParam(required = false) String subject,
            @RequestParam(required = false) String san, @RequestParam(required = false) String profile,
            @RequestParam(required = false) String issuer, @RequestParam(required = false) String status,
            @RequestParam(required = false) String expiresAfter, @RequestParam(required = false) String expiresBefore,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        CertificateQuery query = new CertificateQuery(subject, san, profile, issuer, status(status),
                instant("expiresAfter", expiresAfter), instant("expiresBefore", expiresBefore),
                new PageRequest(page, size));
        return certificates.search(query).map(r -> CertificateView.of(r, clock, false));
    }

    private static CertificateStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return CertificateStatus.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw LanyardException.invalid("status-unknown", "status is one of valid, on-hold, revoked, reserved, failed");
        }
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw LanyardException.invalid("time-malformed", name + " must be an ISO-8601 instant, e.g. 2026-01-31T00:00:00Z");
        }
    }
}
