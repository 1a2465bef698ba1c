package org.lanyard.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.Test;
import org.lanyard.core.Actor;
import org.lanyard.core.LanyardException;
import org.lanyard.core.ca.CertificateStatus;

class CrlWriterTest {

    static final CrlPolicy SHARDED = new CrlPolicy(4, "http://crl.test/acme/${shard}.crl",
            "http://crl.test/acme/${shard}-delta.crl", Duration.ofDays(1), Duration.ofHours(1), true);
    static final Actor OPERATOR = new Actor("op-1", "operator");

    final Revocations r = new Revocations(SHARDED);

    @Test
    void hundredRandomRevocationsAllAppearInTheNextCrlOfTheirShard() throws Exception {
        Random random = new Random(42);
        List<RevocationReason> reasons = List.of(RevocationReason.keyCompromise, RevocationReason.superseded,
                RevocationReason.cessationOfOperation, RevocationReason.certificateHold,
                RevocationReason.unspecified, RevocationReason.affiliationChanged);
        Map<BigInteger, RevocationReason> expected = new HashMap<>();
        for (int i = 0; i < 150; i++) {
            X509Certificate leaf = r.ca.issue(r.certificates, Duration.ofDays(90));
            if (expected.size() < 100 && random.nextInt(3) > 0) {
                RevocationReason reason = reasons.get(random.nextInt(reasons.size()));
                r.revoke.revoke(leaf.getSerialNumber(), reason, null, OPERATOR);
                expected.put(leaf.getSerialNumber(), reason);
            }
        }
        while (expected.size() < 100) {
            BigInteger serial = r.ca.issue(r.certificates, Duration.ofDays(90)).getSerialNumber();
            r.revoke.revoke(serial, RevocationReason.keyCompromise, null, OPERATOR);
            expected.put(serial, RevocationReason.keyCompromise);
        }

        Map<BigInteger, RevocationReason> listed = new HashMap<>();
        for (int shard = 0; shard < SHARDED.shards(); shard++) {
            X509CRLHolder crl = parse(writeFull(shard));
            assertThat(crl.isSignatureValid(new JcaContentVerifierProviderBuilder()
                    .build(r.ca.issuing.issuer().certificate()))).isTrue();
            assertThat(idpUrl(crl)).isEqualTo("http://crl.test/acme/" + shard + ".crl");
            for (X509CRLEntryHolder entry : entries(crl)) {
                assertThat(CrlShards.shardOf(entry.getSerialNumber(), 4)).isEqualTo(shard);
                listed.put(entry.getSerialNumber(), reasonOf(entry));
            }
        }
        assertThat(listed).isEqualTo(expected);
    }

    @Test
    void fullCrlCarriesNumberAuthorityKeyIdFreshestPointerAndEntryExtensions() throws Exception {
        X509Certificate leaf = r.ca.issue(r.certificates, Duration.ofDays(90));
        int shard = SHARDED.shardOf(leaf.getSerialNumber());
        r.revoke.revoke(leaf.getSerialNumber(), RevocationReason.keyCompromise,
                Revocations.START.minus(Duration.ofDays(2)), OPERATOR);

        byte[] der = writeFull(shard);
        X509CRL jdk = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
        jdk.verify(r.ca.issuing.issuer().certificate().getPublicKey());
        assertThat(jdk.getRevokedCertificate(leaf).getRevocationDate().toInstant()).isEqualTo(Revocations.START);
        X509CRLHolder crl = parse(der);
        assertThat(crl.getExtension(Extension.cRLNumber)).isNotNull();
        assertThat(crl.getExtension(Extension.authorityKeyIdentifier)).isNotNull();
        assertThat(crl.getExtension(Extension.issuingDistributionPoint).isCritical()).isTrue();
        assertThat(IssuingDistributionPoint.getInstance(crl.getExtension(Extension.issuingDistributionPoint)
                .getParsedValue()).onlyContainsUserCerts()).isTrue();
        CRLDistPoint freshest = CRLDistPoint.getInstance(crl.getExtension(Extension.freshestCRL).getParsedValue());
        assertThat(GeneralNames.getInstance(freshest.getDistributionPoints()[0].getDistributionPoint().getName())
                .getNames()[0].getName().toString()).isEqualTo("http://crl.test/acme/" + shard + "-delta.crl");
        X509CRLEntryHolder entry = crl.getRevokedCertificate(leaf.getSerialNumber());
        assertThat(reasonOf(entry)).isEqualTo(RevocationReason.keyCompromise);
        assertThat(entry.getExtensions().getExtension(Extension.invalidityDate)).isNotNull();
        assertThat(jdk.getNextUpdate().toInstant()).isEqualTo(Revocations.START.plus(Duration.ofDays(1)));
    }

    @Test
    void anEmptyShardHasNoRevokedListAndStillVerifies() throws Exception {
        X509CRLHolder crl = parse(writeFull(2));
        assertThat(crl.getRevokedCertificates()).isEmpty();
        assertThat(crl.isSignatureValid(new JcaContentVerifierProviderBuilder()
                .build(r.ca.issuing.issuer().certificate()))).isTrue();
    }

    @Test
    void deltaListsExactlyTheChangesSinceItsBase() throws Exception {
        // every certificate on shard 0, so one base covers them all
        List<BigInteger> serials = new ArrayList<>();
        while (serials.size() < 6) {
            BigInteger serial = r.ca.issue(r.certificates, Duration.ofDays(90)).getSerialNumber();
            if (SHARDED.shardOf(serial) == 0) {
                serials.add(serial);
            }
        }
        r.revoke.revoke(serials.get(0), RevocationReason.keyCompromise, null, OPERATOR); // before base
        r.revoke.revoke(serials.get(1), RevocationReason.certificateHold, null, OPERATOR); // held before base
        r.revoke.revoke(serials.get(2), RevocationReason.certificateHold, null, OPERATOR); // held before base
        CrlRecord base = r.crlWriter().writeFull(r.ca.issuing, SHARDED, 0, new ByteArrayOutputStream());
        r.clock.advance(Duration.ofMinutes(5));

        r.resume.resume(serials.get(1), OPERATOR); // hold lifted
        r.revoke.revoke(serials.get(2), RevocationReason.privilegeWithdrawn, null, OPERATOR); // hold made permanent
        r.revoke.revoke(serials.get(3), RevocationReason.superseded, null, OPERATOR); // new
        r.revoke.revoke(serials.get(4), RevocationReason.certificateHold, null, OPERATOR); // held, then
        r.resume.resume(serials.get(4), OPERATOR); // released again: the latest state counts

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CrlRecord delta = r.crlWriter().writeDelta(r.ca.issuing, SHARDED, 0, out);
        X509CRLHolder crl = parse(out.toByteArray());
        assertThat(crl.isSignatureValid(new JcaContentVerifierProviderBuilder()
                .build(r.ca.issuing.issuer().certificate()))).isTrue();
        assertThat(CRLNumber.getInstance(crl.getExtension(Extension.deltaCRLIndicator).getParsedValue())
                .getCRLNumber()).isEqualTo(base.number());
        assertThat(crl.getExtension(Extension.deltaCRLIndicator).isCritical()).isTrue();
        assertThat(delta.baseNumber()).isEqualTo(base.number());
        Map<BigInteger, RevocationReason> listed = new HashMap<>();
        entries(crl).forEach(e -> listed.put(e.getSerialNumber(), reasonOf(e)));
        assertThat(listed).isEqualTo(Map.of(
                serials.get(1), RevocationReason.removeFromCRL,
                serials.get(2), RevocationReason.privilegeWithdrawn,
                serials.get(3), RevocationReason.superseded,
                serials.get(4), RevocationReason.removeFromCRL));
    }

    @Test
    void crlNumbersNeverRepeatAcrossWriterInstances() throws Exception {
        List<Long> numbers = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            CrlWriter writer = new CrlWriter(r.store, r.clock, null); // as after a restart
            numbers.add(writer.writeFull(r.ca.issuing, SHARDED, 1, new ByteArrayOutputStream()).number());
            numbers.add(writer.writeDelta(r.ca.issuing, SHARDED, 1, new ByteArrayOutputStream()).number());
            numbers.add(CRLNumber.getInstance(parse(writeFull(1)).getExtension(Extension.cRLNumber)
                    .getParsedValue()).getCRLNumber().longValueExact());
        }
        assertThat(numbers).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aDeltaNeedsABaseAndShardsMustExist() {
        assertThatThrownBy(() -> r.crlWriter().writeDelta(r.ca.issuing, SHARDED, 0, new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(LanyardException.class, e -> assertThat(e.code()).isEqualTo("crl-base-missing"));
        assertThatThrownBy(() -> writeFull(4))
                .isInstanceOfSatisfying(LanyardException.class, e -> assertThat(e.code()).isEqualTo("crl-shard-unknown"));
    }

    @Test
    void theTbsIsStreamedToTheSigner() throws Exception {
        for (int i = 0; i < 20; i++) {
            BigInteger serial = r.ca.issue(r.certificates, Duration.ofDays(90)).getSerialNumber();
            r.revoke.revoke(serial, RevocationReason.keyCompromise, null, OPERATOR);
        }
        byte[] der = writeFull(0);
        assertThat(r.ca.issuingKey.streamedBytes).isEqualTo(parse(der).toASN1Structure().getTBSCertList()
                .getEncoded().length);
        assertThat(r.certificates.find(r.ca.reserve(r.certificates, CertificateStatus.RESERVED))).isPresent();
    }

    byte[] writeFull(int shard) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        r.crlWriter().writeFull(r.ca.issuing, SHARDED, shard, out);
        return out.toByteArray();
    }

    static X509CRLHolder parse(byte[] der) throws Exception {
        return new X509CRLHolder(der);
    }

    @SuppressWarnings("unchecked")
    static List<X509CRLEntryHolder> entries(X509CRLHolder crl) {
        return new ArrayList<>((java.util.Collection<X509CRLEntryHolder>) crl.getRevokedCertificates());
    }

    static RevocationReason reasonOf(X509CRLEntryHolder entry) {
        if (entry.getExtensions() == null || entry.getExtensions().getExtension(Extension.reasonCode) == null) {
            return RevocationReason.unspecified;
        }
        return RevocationReason.fromCode(ASN1Enumerated.getInstance(
                entry.getExtensions().getExtension(Extension.reasonCode).getParsedValue()).intValueExact());
    }

    static String idpUrl(X509CRLHolder crl) {
        IssuingDistributionPoint idp = IssuingDistributionPoint.getInstance(
                crl.getExtension(Extension.issuingDistributionPoint).getParsedValue());
        GeneralName name = GeneralNames.getInstance(idp.getDistributionPoint().getName()).getNames()[0];
        return name.getName().toString();
    }
}
