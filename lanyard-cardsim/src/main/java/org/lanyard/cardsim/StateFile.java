package org.lanyard.cardsim;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.lanyard.cards.piv.KeyAlgorithm;
import org.lanyard.cards.piv.ManagementKey;

/**
 * The virtual card's state as a properties file of hex values. It holds private keys and the
 * PIN in the clear: it is a test card, and the file is the card's chip. Writes replace the file
 * atomically so a crash never leaves half a card.
 */
final class StateFile {

    private static final HexFormat HEX = HexFormat.of();

    private StateFile() {
    }

    static void save(CardState s, Path file) {
        Map<String, String> p = new TreeMap<>();
        p.put("serial", Long.toString(s.serial));
        p.put("pin", HEX.formatHex(s.pin));
        p.put("puk", HEX.formatHex(s.puk));
        p.put("pin.max", Integer.toString(s.pinMax));
        p.put("pin.left", Integer.toString(s.pinLeft));
        p.put("puk.max", Integer.toString(s.pukMax));
        p.put("puk.left", Integer.toString(s.pukLeft));
        p.put("mgmt.algorithm", Integer.toString(s.managementKey.algorithm().id()));
        p.put("mgmt.key", HEX.formatHex(s.managementKey.key()));
        p.put("mgmt.touch", Integer.toString(s.managementTouch));
        s.keys.forEach((ref, k) -> {
            String prefix = String.format("key.%02x.", ref);
            p.put(prefix + "algorithm", Integer.toString(k.algorithm().id()));
            p.put(prefix + "private", HEX.formatHex(k.privateKey().getEncoded()));
            p.put(prefix + "public", HEX.formatHex(k.publicKey().getEncoded()));
            p.put(prefix + "pin", Integer.toString(k.pinPolicy()));
            p.put(prefix + "touch", Integer.toString(k.touchPolicy()));
            p.put(prefix + "origin", Integer.toString(k.origin()));
        });
        s.objects.forEach((tag, v) -> p.put(String.format("object.%x", tag), HEX.formatHex(v)));
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".card", ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("# Lanyard virtual PIV card. Holds keys and PIN in the clear: test use only.\n");
                for (Map.Entry<String, String> e : p.entrySet()) {
                    w.write(e.getKey() + "=" + e.getValue() + "\n");
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save card state " + file, e);
        }
    }

    static CardState load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read card state " + file, e);
        }
        try {
            CardState s = new CardState();
            s.serial = Long.parseLong(p.getProperty("serial"));
            s.pin = HEX.parseHex(p.getProperty("pin"));
            s.puk = HEX.parseHex(p.getProperty("puk"));
            s.pinMax = Integer.parseInt(p.getProperty("pin.max"));
            s.pinLeft = Integer.parseInt(p.getProperty("pin.left"));
            s.pukMax = Integer.parseInt(p.getProperty("puk.max"));
            s.pukLeft = Integer.parseInt(p.getProperty("puk.left"));
            s.managementKey = new ManagementKey(ManagementKey.Algorithm.ofId(Integer.parseInt(p.getProperty("mgmt.algorithm"))),
                    HEX.parseHex(p.getProperty("mgmt.key")));
            s.managementTouch = Integer.parseInt(p.getProperty("mgmt.touch", "1"));
            for (String name : p.stringPropertyNames()) {
                if (name.startsWith("key.") && name.endsWith(".algorithm")) {
                    String prefix = name.substring(0, name.length() - "algorithm".length());
                    int ref = Integer.parseInt(prefix.substring(4, prefix.length() - 1), 16);
                    KeyAlgorithm alg = KeyAlgorithm.of(Integer.parseInt(p.getProperty(name)));
                    KeyFactory kf = KeyFactory.getInstance(alg.jcaName());
                    s.keys.put(ref, new SlotKey(alg,
                            kf.generatePrivate(new PKCS8EncodedKeySpec(HEX.parseHex(p.getProperty(prefix + "private")))),
                            kf.generatePublic(new X509EncodedKeySpec(HEX.parseHex(p.getProperty(prefix + "public")))),
                            Integer.parseInt(p.getProperty(prefix + "pin")), Integer.parseInt(p.getProperty(prefix + "touch")),
                            Integer.parseInt(p.getProperty(prefix + "origin"))));
                } else if (name.startsWith("object.")) {
                    s.objects.put(Integer.parseInt(name.substring(7), 16), HEX.parseHex(p.getProperty(name)));
                }
            }
            return s;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("card state " + file + " is damaged: " + e.getMessage(), e);
        }
    }
}
