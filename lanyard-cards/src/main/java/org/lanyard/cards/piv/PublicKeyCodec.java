package org.lanyard.cards.piv;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Map;
import org.lanyard.cards.Tlv;

/**
 * Public keys in PIV form (SP 800-73-4 part 2 table 15, the content of tag 7F49): RSA as modulus
 * (81) and exponent (82), EC as an uncompressed point (86).
 */
public final class PublicKeyCodec {

    private PublicKeyCodec() {
    }

    /** The TLVs inside 7F49 for a public key. */
    public static byte[] encode(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return Tlv.concat(Tlv.encode(0x81, unsigned(rsa.getModulus())), Tlv.encode(0x82, unsigned(rsa.getPublicExponent())));
        }
        if (key instanceof ECPublicKey ec) {
            return Tlv.encode(0x86, point(ec));
        }
        throw new IllegalArgumentException("unsupported key " + key.getAlgorithm());
    }

    public static PublicKey decode(KeyAlgorithm algorithm, byte[] tlvs) {
        Map<Integer, byte[]> m = Tlv.parseMap(tlvs);
        try {
            if (algorithm.isEc()) {
                byte[] point = m.get(0x86);
                if (point == null) {
                    throw new IllegalArgumentException("no EC point (86) in public key");
                }
                return ecPublicKey(algorithm, point);
            }
            byte[] n = m.get(0x81);
            byte[] e = m.get(0x82);
            if (n == null || e == null) {
                throw new IllegalArgumentException("no modulus/exponent (81/82) in public key");
            }
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(new BigInteger(1, n), new BigInteger(1, e)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("bad public key: " + e.getMessage(), e);
        }
    }

    /** An EC public key from an uncompressed point (04 X Y) on the algorithm's curve. */
    public static ECPublicKey ecPublicKey(KeyAlgorithm algorithm, byte[] point) throws GeneralSecurityException {
        int size = algorithm.size();
        if (point.length != 1 + 2 * size || point[0] != 0x04) {
            throw new GeneralSecurityException("not an uncompressed point on " + algorithm.curve());
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 1 + size));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(point, 1 + size, point.length));
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), params(algorithm)));
    }

    public static ECParameterSpec params(KeyAlgorithm algorithm) throws GeneralSecurityException {
        AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
        p.init(new ECGenParameterSpec(algorithm.curve()));
        return p.getParameterSpec(ECParameterSpec.class);
    }

    /** The uncompressed point 04 X Y, coordinates padded to the field size. */
    public static byte[] point(ECPublicKey key) {
        int size = (key.getParams().getCurve().getField().getFieldSize() + 7) / 8;
        byte[] out = new byte[1 + 2 * size];
        out[0] = 0x04;
        copyPadded(key.getW().getAffineX(), out, 1, size);
        copyPadded(key.getW().getAffineY(), out, 1 + size, size);
        return out;
    }

    /** The PIV algorithm of a JCA public key. */
    public static KeyAlgorithm algorithmOf(PublicKey key) {
        if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() == 2048) {
            return KeyAlgorithm.RSA2048;
        }
        if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            if (bits == 256) {
                return KeyAlgorithm.ECCP256;
            }
            if (bits == 384) {
                return KeyAlgorithm.ECCP384;
            }
        }
        throw new IllegalArgumentException("PIV supports RSA-2048, P-256 and P-384 keys");
    }

    public static byte[] unsigned(BigInteger v) {
        byte[] b = v.toByteArray();
        return b.length > 1 && b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }

    public static byte[] padded(BigInteger v, int size) {
        byte[] out = new byte[size];
        copyPadded(v, out, 0, size);
        return out;
    }

    private static void copyPadded(BigInteger v, byte[] out, int offset, int size) {
        byte[] b = unsigned(v);
        if (b.length > size) {
            throw new IllegalArgumentException("value longer than " + size + " bytes");
        }
        System.arraycopy(b, 0, out, offset + size - b.length, b.length);
    }
}
