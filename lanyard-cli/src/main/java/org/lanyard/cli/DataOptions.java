package org.lanyard.cli;

import java.nio.file.Path;
import java.time.Clock;
import org.lanyard.app.DevFiles;
import org.lanyard.app.Lanyard;
import org.lanyard.app.Settings;
import picocli.CommandLine.Option;

/** Options every command shares: where the data is. Everything else comes from LANYARD_* variables. */
class DataOptions {

    @Option(names = "--data", paramLabel = "DIR", description = "data directory (default: $LANYARD_DATA or ./lanyard-data)")
    Path data;

    Settings settings() {
        Settings settings = Settings.fromEnvironment(System.getenv());
        if (data != null) {
            settings = settings.withDataDir(data);
        }
        if (settings.keystorePassword() == null && !settings.usesPkcs11()) {
            char[] dev = DevFiles.existingDevKeystorePassword(settings.dataDir());
            if (dev != null) {
                settings = settings.withKeystorePassword(dev);
            }
        }
        return settings;
    }

    Lanyard open(Settings settings) {
        return Lanyard.open(settings, Clock.systemUTC());
    }
}
