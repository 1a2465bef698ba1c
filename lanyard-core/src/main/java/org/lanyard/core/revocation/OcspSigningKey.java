package org.lanyard.core.revocation;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.lanyard.core.ca.Signer;

/**
 * The delegated responder key of one issuer: a certificate issued by that issuer with the
 * OCSPSigning EKU and id-pkix-ocsp-nocheck ({@link OcspSigningCertificate}), and its signer.
 * Holds the issuer's name and key hashes (SHA-1 and SHA-256) that requests identify it by.
 */
public record OcspSigningKey(String issuerId, X509Certificate issuerCertificate, X509Certificate certificate,
        Signer signer) {

    public boolean matches(ASN1ObjectIdentifier hashAlgorithm, byte[] nameHash, byte[] keyHash) {
        String digest = digestName(hashAlgorithm);
        if (digest == null) {
            return false;
        }
        byte[] key = SubjectPublicKeyInfo.getInstance(issuerCertificate.getPublicKey().getEncoded()).getPublicKeyData()
                .getBytes();
        return MessageDigest.isEqual(hash(digest, issuerCertificate.getSubjectX500Principal().getEncoded()), nameHash)
                && MessageDigest.isEqual(hash(digest, key), keyHash);
    }

    /** SHA-1 (RFC 5019's only choice) and SHA-256; other hash algorithms identify no issuer. */
    static String digestName(ASN1ObjectIdentifier hashAlgorithm) {
        if (OIWObjectIdentifiers.idSHA1.equals(hashAlgorithm)) {
            return "SHA-1";
        }
        if (NISTObjectIdentifiers.id_sha256.equals(hashAlgorithm)) {
            return "SHA-256";
        }
        return null;
    }

    private static byte[] hash(String digest, byte[] data) {
        try {
            return MessageDigest.getInstance(digest).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OcspSigningKey k && k.issuerId.equals(issuerId) && k.certificate.equals(certificate);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {issuerId, certificate});
    }
}
