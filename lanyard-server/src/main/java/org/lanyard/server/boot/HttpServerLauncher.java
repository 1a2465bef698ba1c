package org.lanyard.server.boot;

import org.lanyard.app.Lanyard;
import org.lanyard.app.ServerLauncher;
import org.lanyard.server.LanyardServer;
import org.springframework.context.ConfigurableApplicationContext;

/** The {@link ServerLauncher} the CLI finds through {@link java.util.ServiceLoader}: Spring Boot over HTTPS. */
public final class HttpServerLauncher implements ServerLauncher {

    @Override
    public RunningServer start(Lanyard lanyard) {
        ConfigurableApplicationContext context = LanyardServer.start(lanyard, ServerTls.prepare(lanyard));
        return context::close;
    }
}
