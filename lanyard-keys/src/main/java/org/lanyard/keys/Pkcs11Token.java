package org.lanyard.keys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Which PKCS#11 token to use: a module (the vendor's {@code .so}) and either a position in the
 * module's slot list or a fixed slot id. Slot ids are stable on HSMs; list positions suit
 * SoftHSM2, whose slot ids change each time a token is initialised.
 */
public final class Pkcs11Token {

    /** SoftHSM2's module where Debian and Ubuntu install it (plain or multiarch path). */
    public static final Path SOFTHSM2_LIBRARY = firstExisting(List.of(
            Path.of("/usr/lib/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so"),
            Path.of("/usr/local/lib/softhsm/libsofthsm2.so")));

    private final Path library;
    private final String slotLine;

    private Pkcs11Token(Path library, String slotLine) {
        this.library = Objects.requireNonNull(library, "library").toAbsolutePath();
        this.slotLine = slotLine;
    }

    /** The token at {@code index} in the module's list of slots with a token present. */
    public static Pkcs11Token atListIndex(Path library, int index) {
        if (index < 0) {
            throw new IllegalArgumentException("slot list index must be 0 or more, not " + index);
        }
        return new Pkcs11Token(library, "slotListIndex = " + index);
    }

    /** The token in the slot with PKCS#11 id {@code slotId}. */
    public static Pkcs11Token inSlot(Path library, long slotId) {
        return new Pkcs11Token(library, "slot = " + slotId);
    }

    public Path library() {
        return library;
    }

    /**
     * The SunPKCS11 configuration: generated private keys are token objects that never leave the
     * token (sensitive, not extractable); so are imported ones. Public keys stay session objects,
     * the certificate carries the public key.
     */
    String config(String name) {
        String keep = """
                  CKA_TOKEN = true
                  CKA_PRIVATE = true
                  CKA_SENSITIVE = true
                  CKA_EXTRACTABLE = false
                """;
        return "name = " + name + "\n"
                + "library = " + library + "\n"
                + slotLine + "\n"
                + "attributes(generate, CKO_PRIVATE_KEY, *) = {\n" + keep + "}\n"
                + "attributes(import, CKO_PRIVATE_KEY, *) = {\n" + keep + "}\n";
    }

    @Override
    public String toString() {
        return library + " " + slotLine;
    }

    private static Path firstExisting(List<Path> candidates) {
        return candidates.stream().filter(Files::exists).findFirst().orElse(candidates.get(0));
    }
}
