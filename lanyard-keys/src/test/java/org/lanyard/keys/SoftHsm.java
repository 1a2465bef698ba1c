package org.lanyard.keys;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * SoftHSM2 tokens of the test run's own, in target/softhsm-tokens. Surefire points
 * {@code SOFTHSM2_CONF} at target/softhsm2.conf (see the pom); this class writes that file and
 * initialises tokens with {@code softhsm2-util} before the module is loaded into the JVM. Without
 * SoftHSM2 the tests are skipped, unless {@code CI=true}: there they fail. Published in this
 * module's test-jar for the server's PKCS#11 tests.
 */
public final class SoftHsm {

    static final String SO_PIN = "5678";

    private static final Pattern SLOT = Pattern.compile("reassigned to slot (\\d+)");
    private static final Map<String, Long> SLOTS = new HashMap<>();

    private SoftHsm() {
    }

    /**
     * The test tokens and their user PINs. All are made before the module is first loaded: a
     * loaded SoftHSM2 does not see tokens initialised later by another process.
     */
    public static final Map<String, String> TOKENS = Map.of("lanyard-test", "1234", "lanyard-pin", "4321");

    /** The slot id of the test token with {@code label}. */
    public static synchronized long slot(String label) {
        requireAvailable();
        if (SLOTS.isEmpty()) {
            writeConfig();
            TOKENS.forEach((l, pin) -> SLOTS.put(l, initToken(l, pin)));
        }
        return SLOTS.get(label);
    }

    private static long initToken(String label, String pin) {
        String out = run(List.of("softhsm2-util", "--init-token", "--free", "--label", label, "--pin", pin,
                "--so-pin", SO_PIN));
        Matcher m = SLOT.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("softhsm2-util did not say which slot: " + out);
        }
        return Long.parseLong(m.group(1));
    }

    /** Runs OpenSC's {@code pkcs11-tool} against SoftHSM2 and returns what it printed. */
    public static String pkcs11Tool(String... args) {
        List<String> command = new ArrayList<>(List.of("pkcs11-tool", "--module", Pkcs11Token.SOFTHSM2_LIBRARY.toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    private static void requireAvailable() {
        String missing = null;
        if (!Files.exists(Pkcs11Token.SOFTHSM2_LIBRARY)) {
            missing = "SoftHSM2 module not found at " + Pkcs11Token.SOFTHSM2_LIBRARY + " (apt-get install softhsm2 opensc)";
        } else if (!onPath("softhsm2-util") || !onPath("pkcs11-tool")) {
            missing = "softhsm2-util or pkcs11-tool not on PATH (apt-get install softhsm2 opensc)";
        } else if (System.getenv("SOFTHSM2_CONF") == null) {
            missing = "SOFTHSM2_CONF is not set; run the tests through Maven, whose surefire setup sets it";
        }
        if (missing != null) {
            if ("true".equals(System.getenv("CI"))) {
                fail("SoftHSM2 tests cannot run on CI: " + missing);
            }
            Assumptions.abort("SoftHSM2 tests skipped: " + missing);
        }
    }

    private static void writeConfig() {
        Path conf = Path.of(System.getenv("SOFTHSM2_CONF")).toAbsolutePath();
        Path tokens = conf.resolveSibling("softhsm-tokens");
        try {
            if (Files.exists(tokens)) {
                try (Stream<Path> old = Files.walk(tokens)) {
                    for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(tokens);
            Files.writeString(conf, "directories.tokendir = " + tokens + "\n"
                    + "objectstore.backend = file\n"
                    + "log.level = ERROR\n"
                    + "slots.removable = false\n");
        } catch (IOException e) {
            throw new IllegalStateException("cannot set up SoftHSM2 under " + conf.getParent(), e);
        }
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command.subList(0, 1)) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command.get(0), e);
        }
    }
}
