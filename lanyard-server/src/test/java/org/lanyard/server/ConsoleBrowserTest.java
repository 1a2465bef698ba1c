package org.lanyard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

/**
 * The operator console in a real browser (Debian's Chromium, driven by Playwright): a wrong token
 * is refused, the System Owner's token signs in, the certificate just issued through the API is
 * listed, and the transaction log view reports an intact chain.
 */
class ConsoleBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void operatorSignsInAndSeesCertificatesAndTheTransactionLog() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("the console test needs " + CHROMIUM + " (apt-get install chromium); scripts/test installs it");
            }
            Assumptions.abort("console test skipped: no " + CHROMIUM + " (apt-get install chromium)");
        }
        try (TestServer server = TestServer.start(TestServer.tempDir(), null);
                Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM).setHeadless(true)
                        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                                "--disable-background-networking", "--disable-component-update", "--disable-sync")))) {
            HttpResponse<String> issued = server.post("/api/v1/certificates", TestServer.json(Map.of("profile",
                    "tls-server", "csr", Csrs.pem(Csrs.ec("secp256r1"), "console.example.test",
                            "console.example.test"))), server.ownerToken);
            assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
            String serial = new ObjectMapper().readTree(issued.body()).get("serial").asString();

            // the page trusts nothing but the test CA is not in Chromium's store: accept the server certificate
            Page page = browser.newContext(new Browser.NewContextOptions().setIgnoreHTTPSErrors(true)).newPage();
            page.navigate(server.base() + "/");
            page.waitForSelector("#signin:not([hidden])");

            page.fill("#token", "lyd_not-a-real-token");
            page.click("#signin-form button");
            page.waitForSelector("#signin-error:has-text('not accepted')");

            page.fill("#token", server.ownerToken);
            page.click("#signin-form button");
            page.waitForSelector("#view h2:has-text('Certificates')");
            assertThat(page.textContent("#who")).contains("system-owner");
            assertThat(page.textContent("#view table")).contains(serial).contains("console.example.test");

            page.click("nav a[href='#audit']");
            page.waitForSelector("#view h2:has-text('Transaction log')");
            assertThat(page.textContent("#view p.ok")).isNotBlank();
            assertThat(page.textContent("#view table")).contains("certificate.issued").contains(serial);
        }
    }
}
