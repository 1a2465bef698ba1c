package org.lanyard.cli;

import java.util.concurrent.Callable;
import org.lanyard.app.Lanyard;
import org.lanyard.app.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lanyard start}: serve an initialised installation. */
@Command(name = "start", description = "Start the server of an initialised installation (HTTPS, foreground).")
class StartCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Option(names = "--port", description = "HTTPS port (default: $LANYARD_PORT or 8443)")
    Integer port;

    @Override
    public Integer call() throws Exception {
        Settings settings = data.settings();
        if (port != null) {
            settings = settings.withPort(port);
        }
        Lanyard lanyard = data.open(settings);
        if (!lanyard.initializeSystem().initialized()) {
            lanyard.close();
            throw new IllegalStateException("not initialised: run 'lanyard init' first (or 'lanyard start-dev')");
        }
        return ServerRunner.runUntilStopped(lanyard);
    }
}
