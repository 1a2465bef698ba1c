package org.lanyard.core.revocation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.lanyard.core.Actor;
import org.lanyard.core.ca.SignerContentSigner;
import org.lanyard.core.ca.ActiveIssuer;
import org.lanyard.core.ca.CsrIntake;
import org.lanyard.core.ca.IssuanceRequest;
import org.lanyard.core.ca.IssueCertificate;
import org.lanyard.core.ca.IssuedCertificate;
import org.lanyard.core.ca.Issuers;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.ca.KeyVault;
import org.lanyard.core.ca.Signer;

/**
 * Keeps a delegated OCSP responder certificate for an issuer: a new key in the key vault (alias
 * {@code ocsp-<issuer>-<epoch second>}), issued through the normal pipeline with the shipped
 * {@code ocsp-signing} profile (so it is reserved, linted, stored and audited like any other
 * certificate, and gets id-pkix-ocsp-nocheck), then remembered in {@link OcspSigners}. Nobody
 * checks a responder certificate's revocation, so it is replaced well before it expires: once
 * two thirds of its life have passed.
 */
public class RenewOcspSigner {

    public static final String PROFILE = "ocsp-signing";

    private final IssueCertificate issue;
    private final Issuers issuers;
    private final KeyVault vault;
    private final OcspSigners signers;
    private final Clock clock;

    public RenewOcspSigner(IssueCertificate issue, Issuers issuers, KeyVault vault, OcspSigners signers, Clock clock) {
        this.issue = issue;
        this.issuers = issuers;
        this.vault = vault;
        this.signers = signers;
        this.clock = clock;
    }

    /** Renews when the issuer has no valid responder certificate or the current one is due. */
    public Optional<OcspSignerRecord> renewIfDue(String issuerId, Actor actor) {
        Instant now = clock.instant();
        Optional<OcspSignerRecord> current = signers.current(issuerId, now);
        if (current.isPresent() && !due(current.get(), now)) {
            return Optional.empty();
        }
        return Optional.of(renew(issuerId, actor));
    }

    static boolean due(OcspSignerRecord signer, Instant now) {
        Duration life = Duration.between(signer.notBefore(), signer.notAfter());
        return !now.isBefore(signer.notBefore().plus(life.multipliedBy(2).dividedBy(3)));
    }

    public OcspSignerRecord renew(String issuerId, Actor actor) {
        ActiveIssuer issuer = issuers.resolve(issuerId);
        String alias = "ocsp-" + issuerId + "-" + clock.instant().getEpochSecond();
        for (int n = 2; vault.contains(alias); n++) {
            alias = "ocsp-" + issuerId + "-" + clock.instant().getEpochSecond() + "-" + n;
        }
        Signer key = vault.generate(alias, KeyAlgorithm.EC_P256);
        String name = "OCSP responder " + issuer.issuer().name();
        IssuedCertificate issued = issue.issue(new IssuanceRequest(PROFILE, CsrIntake.parse(csr(key, name)),
                Map.of("cn", name), actor, issuer.issuer().id()));
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(issued.certificate());
        chain.addAll(issued.chain());
        vault.bindCertificate(alias, chain);
        OcspSignerRecord record = new OcspSignerRecord(alias, issuer.issuer().id(), issued.record().serial(),
                issued.certificate().getNotBefore().toInstant(), issued.certificate().getNotAfter().toInstant(),
                issued.record().der());
        signers.save(record);
        return record;
    }

    private static byte[] csr(Signer key, String name) {
        try {
            return new PKCS10CertificationRequestBuilder(new X500Name(new org.bouncycastle.asn1.x500.RDN[] {
                new org.bouncycastle.asn1.x500.RDN(org.bouncycastle.asn1.x500.style.BCStyle.CN,
                        new org.bouncycastle.asn1.DERUTF8String(name))}),
                    SubjectPublicKeyInfo.getInstance(key.publicKey().getEncoded()))
                    .build(new SignerContentSigner(key)).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
