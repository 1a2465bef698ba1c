package org.lanyard.server.publication;

import org.lanyard.server.http.PublicRoute;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.lanyard.core.LanyardException;
import org.lanyard.core.ca.Issuer;
import org.lanyard.core.revocation.OcspRequestIntake;
import org.lanyard.core.revocation.OcspResponse;
import org.lanyard.core.revocation.PublishedCrl;
import java.time.Clock;
import org.lanyard.app.Validation;
import org.lanyard.app.metrics.Metrics;
import org.lanyard.core.ca.IssuerReader;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What relying parties fetch, on HTTPS and on the plain-HTTP listener: CRL shards (full and
 * delta), OCSP (RFC 6960 POST, RFC 5019 GET) and issuer certificates (AIA caIssuers). The HTTP
 * layer only translates; see docs/flows/revocation.md for what is answered.
 */
@RestController
public class PublicationController {

    static final MediaType CRL = MediaType.parseMediaType("application/pkix-crl");
    static final MediaType OCSP_RESPONSE = MediaType.parseMediaType("application/ocsp-response");

    private final Validation validation;
    private final Clock clock;
    private final IssuerReader issuers;

    private final Metrics metrics;

    public PublicationController(Validation validation, Clock clock, IssuerReader issuers, Metrics metrics) {
        this.metrics = metrics;
        this.validation = validation;
        this.clock = clock;
        this.issuers = issuers;
    }

    @GetMapping("/crl/{issuerId}/{shard:\\d+}.crl")
    @PublicRoute("CRLs are public: relying parties check revocation with them")
    public ResponseEntity<byte[]> fullCrl(@PathVariable String issuerId, @PathVariable int shard,
            HttpServletRequest request) {
        return crl(issuerId, shard, false, request);
    }

    @GetMapping("/crl/{issuerId}/{shard:\\d+}-delta.crl")
    @PublicRoute("delta CRLs are public: relying parties check revocation with them")
    public ResponseEntity<byte[]> deltaCrl(@PathVariable String issuerId, @PathVariable int shard,
            HttpServletRequest request) {
        return crl(issuerId, shard, true, request);
    }

    private ResponseEntity<byte[]> crl(String issuerId, int shard, boolean delta, HttpServletRequest request) {
        PublishedCrl crl = validation.crl(issuerId, shard, delta).orElseThrow(() -> LanyardException.notFound(
                "crl-unknown", "no " + (delta ? "delta " : "") + "CRL " + shard + " of issuer '" + issuerId + "'"));
        String etag = "\"" + crl.number() + "-" + hash(crl.der()) + "\"";
        long maxAge = Math.max(0, Duration.between(clock.instant(), crl.nextUpdate()).getSeconds());
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().eTag(etag).lastModified(crl.thisUpdate())
                .cacheControl(CacheControl.maxAge(Duration.ofSeconds(maxAge)).cachePublic())
                .header(HttpHeaders.EXPIRES, httpDate(crl.nextUpdate()));
        if (etag.equals(request.getHeader(HttpHeaders.IF_NONE_MATCH))) {
            return ResponseEntity.status(304).eTag(etag).lastModified(crl.thisUpdate())
                    .cacheControl(CacheControl.maxAge(Duration.ofSeconds(maxAge)).cachePublic()).build();
        }
        return ok.contentType(CRL).body(crl.der());
    }

    @PostMapping("/ocsp")
    @PublicRoute("OCSP is public: relying parties ask for a certificate's status")
    public ResponseEntity<byte[]> ocspPost(HttpServletRequest request) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(OcspRequestIntake.MAX_BYTES + 1); // larger is refused as too large
        }
        return ocsp(validation.responder().respond(body));
    }

    @GetMapping("/ocsp/**")
    @PublicRoute("OCSP is public: relying parties ask for a certificate's status (RFC 5019 GET)")
    public ResponseEntity<byte[]> ocspGet(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String path = uri.substring(uri.indexOf("/ocsp/") + "/ocsp/".length());
        return ocsp(validation.responder().respondGet(path));
    }

    private ResponseEntity<byte[]> ocsp(OcspResponse response) {
        metrics.ocspAnswered(response.outcome().name().toLowerCase(java.util.Locale.ROOT), response.statuses().isEmpty()
                ? "none" : response.statuses().get(0).state().name().toLowerCase(java.util.Locale.ROOT));
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(OCSP_RESPONSE);
        if (response.cacheable() && response.nextUpdate() != null) {
            long maxAge = Math.max(0, Duration.between(clock.instant(), response.nextUpdate()).getSeconds());
            ok.cacheControl(CacheControl.maxAge(Duration.ofSeconds(maxAge)).cachePublic().noTransform().mustRevalidate())
                    .lastModified(response.thisUpdate()).header(HttpHeaders.EXPIRES, httpDate(response.nextUpdate()))
                    .eTag("\"" + hash(response.der()) + "\"");
        } else {
            ok.cacheControl(CacheControl.noStore());
        }
        return ok.body(response.der());
    }

    @GetMapping("/ca/{issuerId}.crt")
    @PublicRoute("CA certificates are public: AIA caIssuers points here")
    public ResponseEntity<byte[]> issuerCertificate(@PathVariable String issuerId) throws CertificateEncodingException {
        Issuer issuer = issuers.find(issuerId).orElseThrow(() -> LanyardException
                .notFound("issuer-unknown", "issuer '" + issuerId + "' does not exist"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/pkix-cert"))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(issuer.certificate().getEncoded());
    }

    private static String httpDate(Instant instant) {
        return java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(java.time.ZoneOffset.UTC));
    }

    private static String hash(byte[] der) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
