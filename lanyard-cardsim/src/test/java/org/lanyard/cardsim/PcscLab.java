package org.lanyard.cardsim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real PC/SC stack for interop tests: our own {@code pcscd --foreground} with a vpcd reader
 * on a free port, and a virtual card connected to it. Everything started here is stopped by
 * {@link #close()} (pcscd by its PID), so a test run leaves no process behind.
 */
final class PcscLab implements AutoCloseable {

    static final String READER = "Virtual PCD 00 00";
    static final String PKCS11_MODULE = "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so";
    private static final String VPCD_DRIVER = "/usr/lib/pcsc/drivers/serial/libifdvpcd.so";
    private static final Path SOCKET = Path.of("/run/pcscd/pcscd.comm");
    private static final Path PID_FILE = Path.of("/run/pcscd/pcscd.pid");

    final Path dir;
    final Path stateFile;
    private final ByteArrayOutputStream simulatorOutput = new ByteArrayOutputStream();
    private Process pcscd;
    private int vpcdPort;
    private CardSimulator simulator;

    private PcscLab(Path dir) {
        this.dir = dir;
        this.stateFile = dir.resolve("card.properties");
    }

    /** Starts pcscd and the card, or aborts the test (fails it when CI=true) if the stack is missing. */
    static PcscLab start(Path dir) throws Exception {
        requireStack();
        PcscLab lab = new PcscLab(dir);
        try {
            lab.startPcscd();
            lab.startCard();
            return lab;
        } catch (Exception | AssertionError e) {
            lab.close();
            throw e;
        }
    }

    private static void requireStack() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("pcscd", "opensc-tool", "pkcs15-tool", "pkcs11-tool", "openssl")) {
            if (!onPath(tool)) {
                missing.add(tool);
            }
        }
        for (String file : List.of(VPCD_DRIVER, PKCS11_MODULE)) {
            if (!Files.exists(Path.of(file))) {
                missing.add(file);
            }
        }
        if (!missing.isEmpty()) {
            skipOrFail("PC/SC interop tests need pcscd, vsmartcard-vpcd, opensc and openssl "
                    + "(apt-get install -y pcscd vsmartcard-vpcd opensc); missing: " + missing);
        }
        if (Files.exists(SOCKET) && pidFileNamesLiveProcess()) {
            skipOrFail("another pcscd is running (" + SOCKET + " exists); stop it to run the PC/SC interop tests");
        }
    }

    private static void skipOrFail(String message) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(message);
        }
        System.err.println("PC/SC interop tests SKIPPED: " + message);
        Assumptions.abort(message);
    }

    private void startPcscd() throws Exception {
        int port = freePortPair();
        Path conf = Files.createDirectories(dir.resolve("reader.conf.d"));
        Files.writeString(conf.resolve("vpcd"), String.format("FRIENDLYNAME \"Virtual PCD\"%nDEVICENAME /dev/null:0x%X%n"
                + "LIBPATH %s%nCHANNELID 0x%X%n", port, VPCD_DRIVER, port));
        pcscd = new ProcessBuilder(executable("pcscd").toString(), "--foreground", "--config", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("pcscd.log").toFile()).start();
        waitFor(() -> Files.exists(SOCKET) || !pcscd.isAlive(), Duration.ofSeconds(10));
        if (!pcscd.isAlive()) {
            throw new AssertionError("pcscd exited: " + Files.readString(dir.resolve("pcscd.log")));
        }
        vpcdPort = port;
    }

    /** Takes the card out of the reader (stops the simulator; the state file stays). */
    void removeCard() {
        simulator.close();
    }

    /** Puts the card (from its state file) back into the reader. */
    void insertCard() throws Exception {
        startCard();
    }

    private void startCard() throws Exception {
        simulator = new CardSimulator("127.0.0.1:" + vpcdPort, stateFile, 4711L,
                new PrintStream(simulatorOutput, true, StandardCharsets.UTF_8));
        simulator.start();
        if (!simulator.awaitReady(20, TimeUnit.SECONDS)) {
            throw new AssertionError("pcscd did not power the virtual card: " + simulatorOutput);
        }
    }

    String simulatorOutput() {
        return simulatorOutput.toString(StandardCharsets.UTF_8);
    }

    /** Runs a tool with OpenSC's file cache off; returns exit code and output (stdout and stderr). */
    Result run(String... command) throws IOException, InterruptedException {
        Path conf = dir.resolve("opensc.conf");
        if (!Files.exists(conf)) {
            Files.writeString(conf, "app default {\n  framework pkcs15 {\n    use_file_caching = no;\n  }\n}\n");
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        env.put("OPENSC_CONF", conf.toString());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    record Result(int exitCode, String output) {
    }

    @Override
    public void close() {
        if (simulator != null) {
            simulator.close();
        }
        if (pcscd != null) {
            pcscd.destroy();
            try {
                if (!pcscd.waitFor(10, TimeUnit.SECONDS)) {
                    pcscd.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                pcscd.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    long pcscdPid() {
        return pcscd.pid();
    }

    static boolean pidFileNamesLiveProcess() throws IOException {
        if (!Files.exists(PID_FILE)) {
            return false;
        }
        long pid = Long.parseLong(Files.readString(PID_FILE).trim());
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static boolean onPath(String tool) {
        return executable(tool) != null;
    }

    /** The tool on PATH, or in /usr/sbin (where pcscd lives, often off a user's PATH); null if absent. */
    private static Path executable(String tool) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin") + ":/usr/sbin:/sbin";
        for (String d : path.split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
                return Path.of(d, tool);
            }
        }
        return null;
    }

    private static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            if (port < 65535 && free(port + 1)) {
                return port;
            }
        }
        throw new IOException("no two free consecutive ports for vpcd");
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(100);
        }
    }
}
