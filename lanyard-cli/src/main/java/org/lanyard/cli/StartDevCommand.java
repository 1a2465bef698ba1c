package org.lanyard.cli;

import java.nio.file.Files;
import java.util.concurrent.Callable;
import org.lanyard.core.Actor;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.setup.InitializeSystem;
import org.lanyard.app.DemoData;
import org.lanyard.app.DevFiles;
import org.lanyard.app.Lanyard;
import org.lanyard.app.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lanyard start-dev}: embedded defaults for trying Lanyard out. H2 in the data
 * directory, a generated key store password kept beside it, the built-in CA and demo data on
 * first start, {@code admin.token} and {@code ca-chain.pem} written. Not for production.
 */
@Command(name = "start-dev", description = "Start with embedded defaults (H2, built-in CA, demo data). Not for production.")
class StartDevCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Option(names = "--port", defaultValue = "8443", description = "HTTPS port (default: ${DEFAULT-VALUE})")
    int port;

    @Override
    public Integer call() throws Exception {
        Settings settings = data.settings().withPort(port).asDev();
        if (settings.keystorePassword() == null && !settings.usesPkcs11()) {
            settings = settings.withKeystorePassword(DevFiles.devKeystorePassword(settings.dataDir()));
        }
        Lanyard lanyard = data.open(settings);
        try {
            if (!lanyard.initializeSystem().initialized()) {
                InitCommand.initialize(lanyard, "lanyard", "Lanyard Dev", KeyAlgorithm.EC_P256);
                System.out.println("seeding demo data");
                DemoData.seed(lanyard);
            } else if (!Files.exists(settings.dataDir().resolve(DevFiles.ADMIN_TOKEN))) {
                var owner = lanyard.operators().findOperatorByName(InitializeSystem.SYSTEM_OWNER_NAME)
                        .orElseThrow(() -> new IllegalStateException("the System Owner is missing"));
                DevFiles.writeAdminToken(settings.dataDir(),
                        lanyard.issueApiToken().issue(owner.id(), "start-dev token", null, Actor.SYSTEM).secret());
            }
            lanyard.issuers().list().stream().filter(i -> i.defaultIssuer()).findFirst()
                    .ifPresent(issuer -> DevFiles.writeCaChain(lanyard.settings().dataDir(), issuer));
        } catch (RuntimeException e) {
            lanyard.close();
            throw e;
        }
        System.out.println("admin token: " + settings.dataDir().resolve(DevFiles.ADMIN_TOKEN) + ", CA chain: "
                + settings.dataDir().resolve(DevFiles.CA_CHAIN));
        return ServerRunner.runUntilStopped(lanyard);
    }
}
