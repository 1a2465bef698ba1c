package org.lanyard.server.acme;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.lanyard.core.ErrorCode;
import org.lanyard.core.LanyardException;
import org.lanyard.core.acme.AcmeCaller;
import org.lanyard.core.acme.AcmeEndpoint;
import org.lanyard.core.acme.AcmeError;
import org.lanyard.core.acme.Authorization;
import org.lanyard.core.acme.AuthenticateAcmeRequest.KeyMode;
import org.lanyard.core.acme.CertId;
import org.lanyard.core.acme.Order;
import org.lanyard.core.acme.RegisterAccount;
import org.lanyard.core.acme.RenewalInfo;
import org.lanyard.core.ca.CertificateRecord;
import org.lanyard.core.ca.CertificateStatus;
import org.lanyard.core.ca.Pem;
import org.lanyard.core.ca.Serials;
import java.time.Clock;
import org.lanyard.app.Settings;
import org.lanyard.app.Validation;
import org.lanyard.app.acme.Acme;
import org.lanyard.core.ca.CertificateReader;
import org.lanyard.core.ca.IssuerReader;
import org.lanyard.core.ca.ProfileReader;
import org.lanyard.server.http.PublicRoute;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ACME HTTP edge (RFC 8555): parses, authenticates by JWS and renders; every decision is
 * a core use case. All routes are {@link PublicRoute}s in the permission sense: ACME callers
 * prove themselves with their account key. docs/flows/acme.md walks through one order.
 */
@RestController
@RequestMapping("/acme")
public class AcmeController {

    static final MediaType JSON = MediaType.APPLICATION_JSON;
    private static final String WHY = "ACME authenticates each request by its JWS signature (RFC 8555 §6.2)";

    private final Acme acme;
    private final Settings settings;
    private final ProfileReader profiles;
    private final IssuerReader issuers;
    private final CertificateReader certificates;
    private final Validation validation;
    private final Clock clock;

    public AcmeController(Acme acme, Settings settings, ProfileReader profiles, IssuerReader issuers, CertificateReader certificates, Validation validation, Clock clock) {
        this.acme = acme;
        this.settings = settings;
        this.profiles = profiles;
        this.issuers = issuers;
        this.certificates = certificates;
        this.validation = validation;
        this.clock = clock;
    }

    private Acme acme() {
        return acme;
    }

    @GetMapping("/directory")
    @PublicRoute(WHY)
    public ResponseEntity<Map<String, Object>> defaultDirectory(HttpServletRequest request) {
        return directory(AcmeEndpoint.DEFAULT, request);
    }

    @GetMapping("/{ep}/directory")
    @PublicRoute(WHY)
    public ResponseEntity<Map<String, Object>> directory(@PathVariable String ep, HttpServletRequest request) {
        AcmeEndpoint endpoint = acme().endpoint(ep);
        AcmeUrls urls = urls(ep, request);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("newNonce", urls.path("new-nonce"));
        out.put("newAccount", urls.path("new-account"));
        out.put("newOrder", urls.path("new-order"));
        out.put("revokeCert", urls.path("revoke-cert"));
        out.put("keyChange", urls.path("key-change"));
        out.put("renewalInfo", urls.path("renewal-info"));
        Map<String, Object> meta = new LinkedHashMap<>();
        var options = acme().settings.options();
        if (options.termsOfService() != null) {
            meta.put("termsOfService", options.termsOfService());
        }
        meta.put("website", options.website() != null ? options.website() : settings.baseUrl());
        meta.put("caaIdentities", options.caaIdentities());
        meta.put("externalAccountRequired", endpoint.externalAccountRequired());
        Map<String, String> named = new LinkedHashMap<>();
        for (String p : endpoint.profiles()) {
            named.put(p, profiles.find(p).map(x -> x.name() + ": " + x.description()).orElse(p));
        }
        meta.put("profiles", named);
        out.put("meta", meta);
        return ResponseEntity.ok().contentType(JSON).body(out);
    }

    @RequestMapping(value = "/{ep}/new-nonce", method = {RequestMethod.HEAD, RequestMethod.GET})
    @PublicRoute(WHY)
    public ResponseEntity<Void> newNonce(@PathVariable String ep, HttpServletRequest request) {
        acme().endpoint(ep);
        return ResponseEntity.status(request.getMethod().equals("HEAD") ? HttpStatus.OK : HttpStatus.NO_CONTENT)
                .headers(common(ep, request)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @PostMapping("/{ep}/new-account")
    @PublicRoute(WHY)
    public ResponseEntity<Map<String, Object>> newAccount(@PathVariable String ep,
            @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        AcmeEndpoint endpoint = acme().endpoint(ep);
        AcmeCaller caller = authenticate(ep, body, request, KeyMode.JWK);
        RegisterAccount.Result result = acme().registerAccount.register(caller, endpoint, request.getRemoteAddr());
        AcmeUrls urls = urls(ep, request);
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).headers(common(ep, request))
                .location(java.net.URI.create(urls.account(result.account().id()))).contentType(JSON)
                .body(AcmeViews.account(result.account(), urls));
    }

    @PostMapping("/{ep}/acct/{id}")
    @PublicRoute(WHY)
    public ResponseEntity<Map<String, Object>> account(@PathVariable String ep, @PathVariable String id,
            @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        AcmeCaller caller = caller(ep, body, request, KeyMode.KID);
        var account = acme().updateAccount.update(caller, id);
        return ResponseEntity.ok().headers(common(ep, request)).contentType(JSON).body(AcmeViews.account(account, urls(ep, request)));
    }

    @PostMapping("/{ep}/acct/{id}/orders")
    @PublicRoute(WHY)
    public ResponseEntity<Map<String, Object>> orders(@PathVariable String ep, @PathVariable String id,
            @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        AcmeCaller caller = caller(ep, body, request, KeyMode.KID);
        if (!caller.account().id().equals(id)) {
            throw AcmeError.UNAUTHORIZED.exception("the request is signed by another account");
        }
        AcmeUrls urls = urls(ep, request);
        List<String> orders = acme().store.orders().byAccount(id, 1000).stream().map(o -> urls.order(o.id())).toList();
        return ResponseEntity.ok().headers(common(ep, request)).contentType(JSON).body(Map.of("orders", orders));
    }

    @PostMapping("/{ep}/key-change")
    @PublicRoute(WHY)
    public ResponseEntity<Map<String, Object>> keyChange(@PathVariable String ep,
            @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        AcmeCaller caller = caller(ep, body, request, KeyMode.KID);
        AcmeUrls urls = urls(ep, request);
        var account = acme().rolloverAccountKey.rollover(caller, urls.account(caller.account().id()),
                urls.accountPrefix());
        return ResponseEntity.ok().headers(common(ep, request)).contentType(JSON).body(AcmeViews.account(account, urls));
    }

    @PostMapping("/{ep}/new-order")
    @PublicRoute(WHY)
    public ResponseEntity<Map<String, Object>> newOrder(@PathVariable String ep,
            @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        AcmeEndpoint endpoint = acme().endpoint(ep);
        AcmeCaller caller = authenticate(ep, body, request, KeyMode.KID);
        Order order = acme().placeOrder.place(caller, endpoint);
        AcmeUrls urls = urls(ep, request);
        return ResponseEntity.status(HttpStatus.CREATED).headers(common(ep, request))
                .location(java.net.URI.create(urls.order(order.id()))).contentType(JSON).body(orderView(order, urls));
    }

    @PostMapping("/{ep}/order/{id}")
    @PublicRoute(WHY)
    public ResponseEntity<Map<String, Object>> order(@PathVariable String ep, @PathVariable String id,
            @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        AcmeCaller caller = caller(ep, body, request, KeyMode.KID);
        Order order = ownedOrder(caller, id);
        return orderResponse(ep, order, request);
    }

    @PostMapping("/{ep}/order/{id}/finalize")
    @PublicRoute(WHY)
    public ResponseEntity<Map<String, Object>> finalizeOrder(@PathVariable String ep, @PathVariable String id,
            @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        AcmeCaller caller = caller(ep, body, request, KeyMode.KID);
        return orderResponse(ep, acme().finalizeOrder.finalize(caller, id), request);
    }

    @PostMapping("/{ep}/authz/{id}")
    @PublicRoute(WHY)
    public ResponseEntity<Map<String, Object>> authorization(@PathVariable String ep, @PathVariable String id,
            @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        AcmeCaller caller = caller(ep, body, request, KeyMode.KID);
        Authorization authz = acme().deactivateAuthorization.apply(caller, id);
        HttpHeaders headers = common(ep, request);
        if (authz.status() == Authorization.Status.PENDING) {
            headers.set(HttpHeaders.RETRY_AFTER, "1");
        }
        return ResponseEntity.ok().headers(headers).contentType(JSON)
                .body(AcmeViews.authorization(authz, clock.instant(), urls(ep, request)));
    }

    @PostMapping("/{ep}/chall/{authz}/{type}")
    @PublicRoute(WHY)
    public ResponseEntity<Map<String, Object>> challenge(@PathVariable String ep, @PathVariable String authz,
            @PathVariable String type, @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        AcmeCaller caller = caller(ep, body, request, KeyMode.KID);
        Authorization result;
        if (caller.message().postAsGet()) {
            result = acme().deactivateAuthorization.apply(caller, authz);
            if (!result.challengeTypes().contains(type)) {
                throw AcmeError.MALFORMED.exception("this authorization offers no " + type + " challenge");
            }
        } else {
            caller.message().json(); // "{}" — any JSON object
            result = acme().respondToChallenge.respond(caller, authz, type);
        }
        AcmeUrls urls = urls(ep, request);
        HttpHeaders headers = common(ep, request);
        headers.add(HttpHeaders.LINK, "<" + urls.authorization(result.id()) + ">;rel=\"up\"");
        return ResponseEntity.ok().headers(headers).contentType(JSON).body(AcmeViews.challenge(result, type, urls));
    }

    @PostMapping("/{ep}/cert/{serial}")
    @PublicRoute(WHY)
    public ResponseEntity<String> certificate(@PathVariable String ep, @PathVariable String serial,
            @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        AcmeCaller caller = caller(ep, body, request, KeyMode.KID);
        if (acme().store.orders().findByCertificate(serial).filter(o -> o.accountId().equals(caller.account().id()))
                .isEmpty()) {
            throw AcmeError.UNAUTHORIZED.exception("no such certificate for this account");
        }
        CertificateRecord record = record(serial);
        List<X509Certificate> chain = issuers.find(record.issuerId()).orElseThrow().chain();
        StringBuilder pem = new StringBuilder(Pem.encode("CERTIFICATE", record.der()));
        // the issuing CA(s), not the self-signed root, which relying parties already hold
        for (int i = 0; i < chain.size() - (chain.size() > 1 ? 1 : 0); i++) {
            pem.append(Pem.certificate(chain.get(i)));
        }
        return ResponseEntity.ok().headers(common(ep, request))
                .contentType(MediaType.parseMediaType("application/pem-certificate-chain")).body(pem.toString());
    }

    @PostMapping("/{ep}/revoke-cert")
    @PublicRoute(WHY)
    public ResponseEntity<Void> revoke(@PathVariable String ep, @RequestBody(required = false) byte[] body,
            HttpServletRequest request) {
        AcmeCaller caller = caller(ep, body, request, KeyMode.EITHER);
        acme().revokeCertificate.revoke(caller, ep);
        return ResponseEntity.ok().headers(common(ep, request)).build();
    }

    @GetMapping("/{ep}/renewal-info/{certId}")
    @PublicRoute(WHY)
    public ResponseEntity<Map<String, Object>> renewalInfo(@PathVariable String ep, @PathVariable String certId,
            HttpServletRequest request) {
        acme().endpoint(ep);
        CertId id = CertId.parse(certId);
        CertificateRecord record = certificates.find(id.serial())
                .filter(r -> r.der() != null).orElseThrow(() -> notFound("no certificate with this identifier"));
        X509Certificate certificate = certificate(record);
        byte[] aki = certificate.getExtensionValue("2.5.29.35");
        byte[] keyId = aki == null ? null : AuthorityKeyIdentifier.getInstance(
                ASN1OctetString.getInstance(aki).getOctets()).getKeyIdentifierObject().getOctets();
        if (keyId == null || !java.util.Arrays.equals(keyId, id.keyIdentifier())) {
            throw notFound("no certificate with this identifier");
        }
        RenewalInfo.Window window = RenewalInfo.window(record.notBefore(), record.notAfter(),
                record.status() == CertificateStatus.REVOKED, clock.instant());
        return ResponseEntity.ok().header(HttpHeaders.RETRY_AFTER, "21600").contentType(JSON)
                .body(Map.of("suggestedWindow", Map.of("start", window.start().toString(), "end", window.end().toString())));
    }

    private ResponseEntity<Map<String, Object>> orderResponse(String ep, Order order, HttpServletRequest request) {
        HttpHeaders headers = common(ep, request);
        AcmeUrls urls = urls(ep, request);
        Map<String, Object> view = orderView(order, urls);
        if ("processing".equals(view.get("status")) || "pending".equals(view.get("status"))) {
            headers.set(HttpHeaders.RETRY_AFTER, "1");
        }
        headers.setLocation(java.net.URI.create(urls.order(order.id())));
        return ResponseEntity.ok().headers(headers).contentType(JSON).body(view);
    }

    private Map<String, Object> orderView(Order order, AcmeUrls urls) {
        return AcmeViews.order(order, acme().store.orders().authorizations(order.id()), clock.instant(), urls);
    }

    private Order ownedOrder(AcmeCaller caller, String id) {
        return acme().store.orders().find(id).filter(o -> o.accountId().equals(caller.account().id()))
                .orElseThrow(() -> AcmeError.UNAUTHORIZED.exception("no such order for this account"));
    }

    private CertificateRecord record(String serialHex) {
        BigInteger serial = Serials.parse(serialHex);
        return certificates.find(serial).filter(r -> r.der() != null)
                .orElseThrow(() -> notFound("no such certificate"));
    }

    private static X509Certificate certificate(CertificateRecord record) {
        try {
            return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(record.der()));
        } catch (java.security.cert.CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RuntimeException notFound(String detail) {
        return LanyardException.of(ErrorCode.CERTIFICATE_UNKNOWN, detail);
    }

    /** The endpoint must exist (else {@code malformed}/404 before anything else), then the JWS is checked. */
    private AcmeCaller caller(String ep, byte[] body, HttpServletRequest request, KeyMode mode) {
        acme().endpoint(ep);
        return authenticate(ep, body, request, mode);
    }

    private AcmeCaller authenticate(String ep, byte[] body, HttpServletRequest request, KeyMode mode) {
        String type = request.getContentType();
        if (type != null && !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/jose+json")) {
            throw LanyardException.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "ACME requests are application/jose+json");
        }
        String url = base(request) + request.getRequestURI();
        return acme().authenticate.authenticate(body, url, ep, urls(ep, request).accountPrefix(), mode);
    }

    AcmeUrls urls(String ep, HttpServletRequest request) {
        return new AcmeUrls(base(request), ep);
    }

    /** The configured public URL, or this listener's address with the port it really has (tests bind port 0). */
    private String base(HttpServletRequest request) {
        if ((settings.publicUrl() != null && !settings.publicUrl().isBlank()) || settings.port() != 0) {
            return settings.baseUrl();
        }
        return settings.withPort(request.getLocalPort()).baseUrl();
    }

    /** Replay-Nonce and the directory link go on every ACME response (RFC 8555 §6.5, §7.1). */
    HttpHeaders common(String ep, HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Replay-Nonce", acme().nonces.issue());
        headers.add(HttpHeaders.LINK, "<" + urls(ep, request).directory() + ">;rel=\"index\"");
        return headers;
    }

}
