package org.lanyard.cardsim;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Map;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.lanyard.cards.piv.KeyAlgorithm;
import org.lanyard.cards.piv.PublicKeyCodec;

/**
 * Turns the IMPORT KEY payload into a key pair: RSA as CRT components 01 p, 02 q, 03 dP, 04 dQ,
 * 05 qInv (public exponent 65537), EC as the private scalar 06. Anything inconsistent is 6A80.
 */
final class KeyImport {

    private static final BigInteger F4 = BigInteger.valueOf(65537);

    private KeyImport() {
    }

    static KeyPair pair(KeyAlgorithm algorithm, Map<Integer, byte[]> m) {
        try {
            return algorithm.isEc() ? ec(algorithm, m.get(0x06)) : rsa(algorithm, m);
        } catch (GeneralSecurityException | ArithmeticException | IllegalArgumentException e) {
            throw Sw.fail(Sw.INCORRECT_DATA);
        }
    }

    private static KeyPair ec(KeyAlgorithm algorithm, byte[] scalar) throws GeneralSecurityException {
        if (scalar == null || scalar.length != algorithm.size()) {
            throw Sw.fail(Sw.INCORRECT_DATA);
        }
        X9ECParameters curve = ECNamedCurveTable.getByName(algorithm.curve());
        BigInteger s = new BigInteger(1, scalar);
        if (s.signum() == 0 || s.compareTo(curve.getN()) >= 0) {
            throw Sw.fail(Sw.INCORRECT_DATA);
        }
        ECPoint q = curve.getG().multiply(s).normalize();
        byte[] point = q.getEncoded(false);
        ECParameterSpec params = PublicKeyCodec.params(algorithm);
        PrivateKey priv = KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(s, params));
        PublicKey pub = PublicKeyCodec.ecPublicKey(algorithm, point);
        return new KeyPair(pub, priv);
    }

    private static KeyPair rsa(KeyAlgorithm algorithm, Map<Integer, byte[]> m) throws GeneralSecurityException {
        BigInteger[] c = new BigInteger[5];
        for (int i = 0; i < 5; i++) {
            byte[] v = m.get(i + 1);
            if (v == null || v.length == 0 || v.length > algorithm.size() / 2) {
                throw Sw.fail(Sw.INCORRECT_DATA);
            }
            c[i] = new BigInteger(1, v);
        }
        BigInteger p = c[0];
        BigInteger q = c[1];
        BigInteger n = p.multiply(q);
        if (n.bitLength() != algorithm.bits()) {
            throw Sw.fail(Sw.INCORRECT_DATA);
        }
        BigInteger phi = p.subtract(BigInteger.ONE).multiply(q.subtract(BigInteger.ONE));
        BigInteger d = F4.modInverse(phi);
        KeyFactory kf = KeyFactory.getInstance("RSA");
        PrivateKey priv = kf.generatePrivate(new RSAPrivateCrtKeySpec(n, F4, d, p, q, c[2], c[3], c[4]));
        PublicKey pub = kf.generatePublic(new RSAPublicKeySpec(n, F4));
        return new KeyPair(pub, priv);
    }
}
