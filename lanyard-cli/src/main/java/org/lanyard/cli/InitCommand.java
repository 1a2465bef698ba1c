package org.lanyard.cli;

import java.util.concurrent.Callable;
import org.lanyard.core.ca.CreateCertificateAuthority;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.setup.InitializeSystem;
import org.lanyard.app.DevFiles;
import org.lanyard.app.Lanyard;
import org.lanyard.app.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lanyard init}: roles, profiles, the root and issuing CA, and the System Owner. */
@Command(name = "init", description = "Initialise a new installation: CA keys, profiles, roles and the System Owner.")
class InitCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Option(names = "--ca-name", defaultValue = "Lanyard", description = "CA name, used in its subject (default: ${DEFAULT-VALUE})")
    String caName;

    @Option(names = "--ca-id", defaultValue = "lanyard", description = "issuer id (default: ${DEFAULT-VALUE})")
    String caId;

    @Option(names = "--key-algorithm", defaultValue = "p256", description = "p256, p384, rsa3072 or rsa4096 (default: ${DEFAULT-VALUE})")
    String keyAlgorithm;

    @Override
    public Integer call() {
        Settings settings = data.settings();
        try (Lanyard lanyard = data.open(settings)) {
            initialize(lanyard, caId, caName, KeyAlgorithm.fromId(keyAlgorithm));
            // the secret stays out of standard output, which tends to end up in logs
            System.out.println("System Owner API token written to " + settings.dataDir().resolve(DevFiles.ADMIN_TOKEN)
                    + " (readable by this user only)");
        }
        return 0;
    }

    static InitializeSystem.Result initialize(Lanyard lanyard, String id, String name, KeyAlgorithm algorithm) {
        Progress progress = new Progress(System.out, 3);
        progress.step("creating " + algorithm.id() + " root and issuing CA keys in the " + lanyard.vault().kind()
                + " key vault");
        InitializeSystem.Result result = lanyard.initializeSystem()
                .initialize(CreateCertificateAuthority.Spec.defaults(id, name, algorithm));
        progress.step("issuer '" + result.issuer().id() + "': " + result.issuer().certificate().getSubjectX500Principal());
        DevFiles.writeAdminToken(lanyard.settings().dataDir(), result.ownerToken());
        DevFiles.writeCaChain(lanyard.settings().dataDir(), result.issuer());
        progress.step("System Owner created; CA chain in " + lanyard.settings().dataDir().resolve(DevFiles.CA_CHAIN));
        return result;
    }
}
