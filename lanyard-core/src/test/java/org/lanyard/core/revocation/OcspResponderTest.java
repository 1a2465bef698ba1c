package org.lanyard.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lanyard.core.revocation.RevokeCertificateTest.OPERATOR;

import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.Test;
import org.lanyard.core.ca.CertificateStatus;
import org.lanyard.core.revocation.OcspResponse.CertificateState;
import org.lanyard.core.revocation.OcspResponse.Outcome;

class OcspResponderTest {

    final Revocations r = new Revocations(CrlWriterTest.SHARDED);
    final OcspSigningKey key = r.ocspKey();
    final OcspResponder responder = r.ocspResponder(key);
    final X509Certificate issuer = r.ca.issuing.issuer().certificate();

    @Test
    void hundredRandomRevocationsAreAnsweredRevokedWithReasonAndTime() throws Exception {
        Random random = new Random(7);
        Map<BigInteger, RevocationReason> revoked = new HashMap<>();
        List<BigInteger> good = new java.util.ArrayList<>();
        List<RevocationReason> reasons = List.of(RevocationReason.keyCompromise, RevocationReason.superseded,
                RevocationReason.unspecified, RevocationReason.privilegeWithdrawn, RevocationReason.cACompromise);
        while (revoked.size() < 100) {
            BigInteger serial = r.ca.issue(r.certificates, Duration.ofDays(90)).getSerialNumber();
            if (random.nextInt(4) == 0) {
                good.add(serial);
                continue;
            }
            RevocationReason reason = reasons.get(random.nextInt(reasons.size()));
            r.revoke.revoke(serial, reason, null, OPERATOR);
            revoked.put(serial, reason);
        }
        for (Map.Entry<BigInteger, RevocationReason> e : revoked.entrySet()) {
            SingleResp single = single(responder.respond(OcspClient.request(issuer, e.getKey(), null)));
            assertThat(single.getCertStatus()).isInstanceOf(RevokedStatus.class);
            RevokedStatus status = (RevokedStatus) single.getCertStatus();
            assertThat(status.getRevocationTime().toInstant()).isEqualTo(Revocations.START);
            assertThat(status.hasRevocationReason() ? status.getRevocationReason() : 0).isEqualTo(e.getValue().code());
        }
        for (BigInteger serial : good) {
            assertThat(single(responder.respond(OcspClient.request(issuer, serial, null))).getCertStatus()).isNull();
        }
    }

    @Test
    void aSerialThisCaNeverIssuedIsNeverGood() throws Exception {
        BigInteger neverIssued = new BigInteger("1234567890abcdef1234567890abcdef", 16);
        BigInteger reserved = r.ca.reserve(r.certificates, CertificateStatus.RESERVED);
        BigInteger failed = r.ca.reserve(r.certificates, CertificateStatus.FAILED);
        Revocations other = new Revocations(CrlWriterTest.SHARDED, "other");
        BigInteger otherCa = other.ca.issue(r.certificates, Duration.ofDays(90)).getSerialNumber(); // other issuer

        for (BigInteger serial : List.of(neverIssued, reserved, failed, otherCa)) {
            OcspResponse response = responder.respond(OcspClient.request(issuer, serial, null));
            assertThat(response.statuses().get(0).state()).isEqualTo(CertificateState.UNKNOWN);
            assertThat(single(response).getCertStatus()).isInstanceOf(UnknownStatus.class);
        }
    }

    @Test
    void holdIsRevokedWithCertificateHoldAndGoodAgainAfterResume() throws Exception {
        BigInteger serial = r.ca.issue(r.certificates, Duration.ofDays(90)).getSerialNumber();
        byte[] request = OcspClient.request(issuer, serial, null);
        assertThat(responder.respond(request).statuses().get(0).state()).isEqualTo(CertificateState.GOOD);

        r.revoke.revoke(serial, RevocationReason.certificateHold, null, OPERATOR);
        OcspResponse held = responder.respond(request);
        assertThat(held.fromCache()).isFalse(); // the cached "good" is stale once the status changed
        assertThat(held.statuses().get(0).state()).isEqualTo(CertificateState.HELD);
        assertThat(((RevokedStatus) single(held).getCertStatus()).getRevocationReason())
                .isEqualTo(RevocationReason.certificateHold.code());

        r.resume.resume(serial, OPERATOR);
        assertThat(single(responder.respond(request)).getCertStatus()).isNull();
    }

    @Test
    void responsesAreSignedByTheDelegatedKeyWithNocheckAndCarryTheirWindow() throws Exception {
        BigInteger serial = r.ca.issue(r.certificates, Duration.ofDays(90)).getSerialNumber();
        OcspResponse response = responder.respond(OcspClient.request(issuer, serial, null, true));

        BasicOCSPResp basic = OcspClient.basic(response);
        X509CertificateHolder signer = basic.getCerts()[0];
        assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(signer))).isTrue();
        assertThat(signer.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer))).isTrue();
        assertThat(signer.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck)).isNotNull();
        assertThat(signer.getExtensions().getExtension(org.bouncycastle.asn1.x509.Extension.extendedKeyUsage))
                .isNotNull();
        SingleResp single = basic.getResponses()[0];
        assertThat(single.getCertID().getSerialNumber()).isEqualTo(serial);
        assertThat(single.getThisUpdate().toInstant()).isEqualTo(Revocations.START);
        assertThat(single.getNextUpdate().toInstant()).isEqualTo(Revocations.START.plus(Duration.ofHours(24)));
        assertThat(response.cacheable()).isTrue();
    }

    @Test
    void responsesAreCachedRefreshedBeforeNextUpdateAndNoncesEchoedFresh() throws Exception {
        BigInteger serial = r.ca.issue(r.certificates, Duration.ofDays(90)).getSerialNumber();
        byte[] request = OcspClient.request(issuer, serial, null);
        OcspResponse first = responder.respond(request);
        OcspResponse second = responder.respond(request);
        assertThat(second.fromCache()).isTrue();
        assertThat(second.der()).isEqualTo(first.der());

        r.clock.advance(Duration.ofHours(13)); // within refreshBefore (12 h) of nextUpdate
        OcspResponse refreshed = responder.respond(request);
        assertThat(refreshed.fromCache()).isFalse();
        assertThat(refreshed.thisUpdate()).isEqualTo(Revocations.START.plus(Duration.ofHours(13)));

        byte[] nonce = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        OcspResponse withNonce = responder.respond(OcspClient.request(issuer, serial, nonce));
        assertThat(withNonce.fromCache()).isFalse();
        assertThat(withNonce.cacheable()).isFalse();
        assertThat(OcspClient.basic(withNonce).getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce)
                .getExtnValue().getOctets()).endsWith(nonce);
    }

    @Test
    void revocationOnAnotherNodeInvalidatesTheCache() throws Exception {
        BigInteger serial = r.ca.issue(r.certificates, Duration.ofDays(90)).getSerialNumber();
        byte[] request = OcspClient.request(issuer, serial, null);
        responder.presign(r.ca.issuing.issuer().id(), serial);
        assertThat(responder.respond(request).fromCache()).isTrue();

        r.revoke.revoke(serial, RevocationReason.keyCompromise, null, OPERATOR); // nobody calls invalidate
        OcspResponse after = responder.respond(request);
        assertThat(after.fromCache()).isFalse();
        assertThat(after.statuses().get(0).state()).isEqualTo(CertificateState.REVOKED);
    }

    @Test
    void unknownIssuerIsUnauthorizedAndBadInputMalformed() throws Exception {
        Revocations other = new Revocations(CrlWriterTest.SHARDED, "other");
        OcspResponse unauthorized = responder.respond(OcspClient.request(
                other.ca.issuing.issuer().certificate(), BigInteger.TEN, null));
        assertThat(unauthorized.outcome()).isEqualTo(Outcome.UNAUTHORIZED);
        assertThat(new OCSPResp(unauthorized.der()).getStatus()).isEqualTo(OCSPResp.UNAUTHORIZED);

        OcspResponse malformed = responder.respond(new byte[] {0x30, 0x03, 0x01, 0x02});
        assertThat(malformed.outcome()).isEqualTo(Outcome.MALFORMED_REQUEST);
        assertThat(new OCSPResp(malformed.der()).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
        assertThat(responder.respond(new byte[OcspRequestIntake.MAX_BYTES + 1]).detail())
                .isEqualTo("ocsp-request-too-large");
    }

    @Test
    void rfc5019GetIsDecodedFromTheUrlPath() throws Exception {
        BigInteger serial = r.ca.issue(r.certificates, Duration.ofDays(90)).getSerialNumber();
        String base64 = Base64.getEncoder().encodeToString(OcspClient.request(issuer, serial, null));
        OcspResponse response = responder.respondGet("/" + URLEncoder.encode(base64, StandardCharsets.US_ASCII));
        assertThat(response.outcome()).isEqualTo(Outcome.SUCCESSFUL);
        assertThat(response.statuses().get(0).state()).isEqualTo(CertificateState.GOOD);
        assertThat(responder.respondGet("not base64!").outcome()).isEqualTo(Outcome.MALFORMED_REQUEST);
    }

    @Test
    void anExpiredResponderCertificateMeansTryLater() {
        BigInteger serial = r.ca.issue(r.certificates, Duration.ofDays(90)).getSerialNumber();
        r.clock.advance(Duration.ofDays(31));
        assertThat(responder.respond(OcspClient.request(issuer, serial, null)).outcome())
                .isEqualTo(Outcome.TRY_LATER);
    }

    static SingleResp single(OcspResponse response) {
        assertThat(response.outcome()).as(response.detail()).isEqualTo(Outcome.SUCCESSFUL);
        return OcspClient.basic(response).getResponses()[0];
    }
}
