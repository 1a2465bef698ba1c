package org.lanyard.server.web;

import org.lanyard.server.http.PublicRoute;
import org.lanyard.server.http.RequiresPermission;
import java.security.cert.X509Certificate;
import java.util.List;
import org.lanyard.core.LanyardException;
import org.lanyard.core.ca.CreateCertificateAuthority;
import org.lanyard.core.ca.Issuer;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.ca.Pem;
import org.lanyard.core.operator.AuthenticatedOperator;
import org.lanyard.core.operator.Permission;
import org.lanyard.core.ca.ImportCertificateAuthority;
import org.lanyard.core.ca.IssuerReader;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Issuers (certificate authorities): list, create a new two-level CA, import an existing CA, fetch a chain. */
@RestController
@RequestMapping("/api/v1/issuers")
public class IssuerController {

    private final IssuerReader issuers;
    private final CreateCertificateAuthority createCertificateAuthority;
    private final ImportCertificateAuthority importCertificateAuthority;

    public IssuerController(IssuerReader issuers, CreateCertificateAuthority createCertificateAuthority, ImportCertificateAuthority importCertificateAuthority) {
        this.issuers = issuers;
        this.createCertificateAuthority = createCertificateAuthority;
        this.importCertificateAuthority = importCertificateAuthority;
    }

    public record IssuerView(String id, String name, String subject, String notBefore, String notAfter,
            String keyAlgorithm, boolean defaultIssuer, String chain) {

        static IssuerView of(Issuer issuer) {
            X509Certificate cert = issuer.certificate();
            return new IssuerView(issuer.id(), issuer.name(), cert.getSubjectX500Principal().getName(),
                    cert.getNotBefore().toInstant().toString(), cert.getNotAfter().toInstant().toString(),
                    KeyAlgorithm.of(cert.getPublicKey()).map(KeyAlgorithm::id).orElse("unknown"),
                    issuer.defaultIssuer(), Pem.certificates(issuer.chain()));
        }
    }

    public record CreateBody(String id, String name, String keyAlgorithm) {
    }

    public record ImportBody(String id, String name, String privateKey, String chain, Boolean makeDefault) {
    }

    @GetMapping
    @RequiresPermission(Permission.ISSUER_READ)
    public List<IssuerView> list() {
        return issuers.list().stream().map(IssuerView::of).toList();
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permission.ISSUER_READ)
    public IssuerView show(@PathVariable String id) {
        return IssuerView.of(find(id));
    }

    @GetMapping(value = "/{id}/chain", produces = "application/pem-certificate-chain")
    @PublicRoute("CA certificates are public: relying parties need them to verify")
    public ResponseEntity<String> chain(@PathVariable String id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/pem-certificate-chain"))
                .body(Pem.certificates(find(id).chain()));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permission.ISSUER_MANAGE)
    public IssuerView create(@RequestBody CreateBody body, AuthenticatedOperator operator) {
        if (body == null || body.id() == null || body.name() == null || body.name().isBlank()) {
            throw LanyardException.invalid("issuer-invalid", "'id' and 'name' are required");
        }
        KeyAlgorithm algorithm;
        try {
            algorithm = body.keyAlgorithm() == null ? KeyAlgorithm.EC_P256 : KeyAlgorithm.fromId(body.keyAlgorithm());
        } catch (IllegalArgumentException e) {
            throw LanyardException.invalid("issuer-invalid", e.getMessage());
        }
        Issuer issuer = createCertificateAuthority.create(
                CreateCertificateAuthority.Spec.defaults(body.id(), body.name(), algorithm), operator.actor());
        return IssuerView.of(issuer);
    }

    @PostMapping("/import")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permission.ISSUER_MANAGE)
    public IssuerView importIssuer(@RequestBody ImportBody body, AuthenticatedOperator operator) {
        if (body == null || body.privateKey() == null || body.chain() == null) {
            throw LanyardException.invalid("issuer-invalid", "'privateKey' and 'chain' (PEM) are required");
        }
        Issuer issuer = importCertificateAuthority.importIssuer(body.id(), body.name(),
                Pem.parsePrivateKey(body.privateKey()), Pem.parseCertificates(body.chain()),
                Boolean.TRUE.equals(body.makeDefault()), operator.actor());
        return IssuerView.of(issuer);
    }

    private Issuer find(String id) {
        return issuers.find(id)
                .orElseThrow(() -> LanyardException.notFound("issuer-unknown", "issuer '" + id + "' does not exist"));
    }
}
