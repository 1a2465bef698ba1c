package org.lanyard.cardsim;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import org.lanyard.cards.ResponseApdu;
import org.lanyard.cards.Tlv;
import org.lanyard.cards.piv.KeyAlgorithm;
import org.lanyard.cards.piv.ManagementKey;
import org.lanyard.cards.piv.PinPolicy;
import org.lanyard.cards.piv.PivSlot;
import org.lanyard.cards.piv.PublicKeyCodec;

/**
 * Key commands of the virtual card: GENERATE ASYMMETRIC KEY PAIR, GENERAL AUTHENTICATE (the
 * management-key challenge-response and the slot keys' sign / decrypt / ECDH), and Yubico's
 * IMPORT KEY, ATTEST, GET METADATA and SET MANAGEMENT KEY.
 */
final class KeyCommands {

    private static final int MANAGEMENT = 0x9B;

    private final CardState state;
    private final Runnable save;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    KeyCommands(CardState state, Runnable save, Clock clock) {
        this.state = state;
        this.save = save;
        this.clock = clock;
    }

    ResponseApdu generate(Command c, Session s) {
        s.requireAdmin();
        PivSlot slot = userSlot(c.p2());
        if (c.p1() != 0) {
            throw Sw.fail(Sw.INCORRECT_P1P2);
        }
        Map<Integer, byte[]> template = Tlv.parseMap(Tlv.unwrap(0xAC, c.data()));
        KeyAlgorithm algorithm = algorithm(template.get(0x80));
        SlotKey key;
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm.jcaName());
            g.initialize(algorithm.isEc() ? new ECGenParameterSpec(algorithm.curve())
                    : new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4), random);
            KeyPair pair = g.generateKeyPair();
            key = new SlotKey(algorithm, pair.getPrivate(), pair.getPublic(), pinPolicy(slot, template.get(0xAA)),
                    touchPolicy(template.get(0xAB)), 1);
        } catch (GeneralSecurityException e) {
            throw Sw.fail(Sw.UNKNOWN);
        }
        state.keys.put(slot.keyRef(), key);
        save.run();
        return PivApplet.ok(Tlv.encode(0x7F49, PublicKeyCodec.encode(key.publicKey())));
    }

    ResponseApdu authenticate(Command c, Session s, boolean justVerified) {
        Map<Integer, byte[]> in = Tlv.parseMap(Tlv.unwrap(0x7C, c.data()));
        if (c.p2() == MANAGEMENT) {
            return new ManagementAuthentication(state.managementKey, random).answer(c.p1(), in, s);
        }
        PivSlot slot = userSlot(c.p2());
        SlotKey key = state.keys.get(slot.keyRef());
        if (key == null) {
            throw Sw.fail(Sw.REF_NOT_FOUND);
        }
        if (c.p1() != key.algorithm().id()) {
            throw Sw.fail(Sw.INCORRECT_P1P2);
        }
        byte[] response = in.get(0x82);
        if (response == null || response.length != 0) {
            throw Sw.fail(Sw.INCORRECT_DATA);
        }
        requirePin(key, s, justVerified);
        try {
            if (in.containsKey(0x81)) {
                return PivApplet.ok(Tlv.encode(0x7C, Tlv.encode(0x82, privateOperation(key, in.get(0x81)))));
            }
            if (in.containsKey(0x85) && key.algorithm().isEc()) {
                KeyAgreement ka = KeyAgreement.getInstance("ECDH");
                ka.init(key.privateKey());
                ka.doPhase(PublicKeyCodec.ecPublicKey(key.algorithm(), in.get(0x85)), true);
                return PivApplet.ok(Tlv.encode(0x7C, Tlv.encode(0x82, ka.generateSecret())));
            }
        } catch (GeneralSecurityException | IllegalStateException e) {
            throw Sw.fail(Sw.INCORRECT_DATA);
        }
        throw Sw.fail(Sw.INCORRECT_DATA);
    }

    /** EC: ECDSA over the given hash, DER result. RSA: the raw private-key operation on a full block. */
    private static byte[] privateOperation(SlotKey key, byte[] input) throws GeneralSecurityException {
        if (key.algorithm().isEc()) {
            if (input.length == 0 || input.length > 2 * key.algorithm().size()) {
                throw Sw.fail(Sw.INCORRECT_DATA);
            }
            java.security.Signature sig = java.security.Signature.getInstance("NONEwithECDSA");
            sig.initSign(key.privateKey());
            sig.update(input);
            return sig.sign();
        }
        if (input.length != key.algorithm().size()) {
            throw Sw.fail(Sw.INCORRECT_DATA);
        }
        Cipher rsa = Cipher.getInstance("RSA/ECB/NoPadding");
        rsa.init(Cipher.DECRYPT_MODE, key.privateKey());
        byte[] out = rsa.doFinal(input);
        return PublicKeyCodec.padded(new java.math.BigInteger(1, out), key.algorithm().size());
    }

    private static void requirePin(SlotKey key, Session s, boolean justVerified) {
        PinPolicy policy = PinPolicy.of(key.pinPolicy());
        if (policy == PinPolicy.ONCE && !s.pinVerified || policy == PinPolicy.ALWAYS && !(s.pinVerified && justVerified)) {
            throw Sw.fail(Sw.SECURITY_STATUS);
        }
    }

    ResponseApdu importKey(Command c, Session s) {
        s.requireAdmin();
        PivSlot slot = userSlot(c.p2());
        KeyAlgorithm algorithm = algorithm(new byte[] {(byte) c.p1()});
        List<Tlv.Element> elements = Tlv.parse(c.data());
        Map<Integer, byte[]> m = Tlv.parseMap(c.data());
        if (elements.isEmpty()) {
            throw Sw.fail(Sw.INCORRECT_DATA);
        }
        KeyPair pair = KeyImport.pair(algorithm, m);
        SlotKey key = new SlotKey(algorithm, pair.getPrivate(), pair.getPublic(), pinPolicy(slot, m.get(0xAA)),
                touchPolicy(m.get(0xAB)), 2);
        state.keys.put(slot.keyRef(), key);
        save.run();
        return PivApplet.ok();
    }

    ResponseApdu attest(Command c) {
        PivSlot slot = userSlot(c.p1());
        SlotKey key = state.keys.get(slot.keyRef());
        SlotKey ca = state.keys.get(PivSlot.ATTESTATION.keyRef());
        byte[] caObject = state.objects.get(org.lanyard.cards.piv.PivObjects.ATTESTATION_CERTIFICATE);
        if (key == null) {
            throw Sw.fail(Sw.REF_NOT_FOUND);
        }
        if (key.origin() != 1 || ca == null || caObject == null) {
            throw Sw.fail(Sw.INCORRECT_DATA);
        }
        try {
            X509Certificate caCert = (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(Tlv.parseMap(caObject).get(0x70)));
            return PivApplet.ok(DeviceCa.attest(caCert, ca.privateKey(), slot, key, state.serial, clock).getEncoded());
        } catch (GeneralSecurityException | java.io.IOException | RuntimeException e) {
            throw Sw.fail(Sw.UNKNOWN);
        }
    }

    ResponseApdu metadata(Command c) {
        int ref = c.p2();
        if (c.p1() != 0) {
            throw Sw.fail(Sw.INCORRECT_P1P2);
        }
        if (ref == MANAGEMENT) {
            return PivApplet.ok(Tlv.concat(Tlv.encode(0x01, new byte[] {(byte) state.managementKey.algorithm().id()}),
                    Tlv.encode(0x02, new byte[] {0, (byte) state.managementTouch}),
                    Tlv.encode(0x05, new byte[] {(byte) (state.managementKey.sameAs(ManagementKey.DEFAULT) ? 1 : 0)})));
        }
        if (ref == 0x80 || ref == 0x81) {
            boolean pin = ref == 0x80;
            return PivApplet.ok(Tlv.concat(Tlv.encode(0x01, new byte[] {(byte) 0xFF}),
                    Tlv.encode(0x05, new byte[] {(byte) ((pin ? state.pinIsDefault() : state.pukIsDefault()) ? 1 : 0)}),
                    Tlv.encode(0x06, new byte[] {(byte) (pin ? state.pinMax : state.pukMax), (byte) (pin ? state.pinLeft : state.pukLeft)})));
        }
        PivSlot slot = PivSlot.of(ref);
        SlotKey key = slot == null ? null : state.keys.get(ref);
        if (key == null) {
            throw Sw.fail(Sw.REF_NOT_FOUND);
        }
        return PivApplet.ok(Tlv.concat(Tlv.encode(0x01, new byte[] {(byte) key.algorithm().id()}),
                Tlv.encode(0x02, new byte[] {(byte) key.pinPolicy(), (byte) key.touchPolicy()}),
                Tlv.encode(0x03, new byte[] {(byte) key.origin()}), Tlv.encode(0x04, PublicKeyCodec.encode(key.publicKey()))));
    }

    ResponseApdu setManagementKey(Command c, Session s) {
        s.requireAdmin();
        if (c.p1() != 0xFF || (c.p2() != 0xFF && c.p2() != 0xFE)) {
            throw Sw.fail(Sw.INCORRECT_P1P2);
        }
        byte[] d = c.data();
        if (d.length < 3) {
            throw Sw.fail(Sw.INCORRECT_DATA);
        }
        ManagementKey.Algorithm algorithm = ManagementKey.Algorithm.ofId(d[0] & 0xFF);
        Map<Integer, byte[]> m = Tlv.parseMap(java.util.Arrays.copyOfRange(d, 1, d.length));
        byte[] key = m.get(MANAGEMENT);
        if (algorithm == null || key == null || key.length != algorithm.keyLength()) {
            throw Sw.fail(Sw.INCORRECT_DATA);
        }
        state.managementKey = new ManagementKey(algorithm, key);
        state.managementTouch = c.p2() == 0xFE ? 2 : 1;
        save.run();
        return PivApplet.ok();
    }

    /** A slot that can hold a user key (not the attestation key); 6A86 otherwise. */
    private static PivSlot userSlot(int ref) {
        PivSlot slot = PivSlot.of(ref);
        if (slot == null || slot.equals(PivSlot.ATTESTATION)) {
            throw Sw.fail(Sw.INCORRECT_P1P2);
        }
        return slot;
    }

    private static KeyAlgorithm algorithm(byte[] id) {
        if (id == null || id.length != 1 || !KeyAlgorithm.isKnown(id[0] & 0xFF)) {
            throw Sw.fail(Sw.INCORRECT_DATA);
        }
        return KeyAlgorithm.of(id[0] & 0xFF);
    }

    private static int pinPolicy(PivSlot slot, byte[] v) {
        int p = v == null || v.length != 1 ? 0 : v[0] & 0xFF;
        if (p > 3) {
            throw Sw.fail(Sw.INCORRECT_DATA);
        }
        return p == 0 ? slot.defaultPinPolicy().id() : p;
    }

    private static int touchPolicy(byte[] v) {
        int t = v == null || v.length != 1 ? 0 : v[0] & 0xFF;
        if (t > 3) {
            throw Sw.fail(Sw.INCORRECT_DATA);
        }
        return t == 0 ? 1 : t;
    }

    static boolean same(byte[] a, byte[] b) {
        return a != null && b != null && MessageDigest.isEqual(a, b);
    }
}
