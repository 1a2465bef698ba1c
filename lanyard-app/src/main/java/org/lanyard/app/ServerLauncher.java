package org.lanyard.app;

import java.util.ServiceLoader;

/**
 * Starts the network front ends (HTTPS REST API, ACME, console, plain-HTTP publication) around a
 * wired {@link Lanyard}. The CLI depends on this interface only, so it carries no web framework;
 * the server module provides the implementation, found through {@link ServiceLoader} in the
 * packaged {@code lanyard.jar} (module {@code lanyard-dist}).
 */
public interface ServerLauncher {

    /** A started server; closing it stops the front ends (not the {@link Lanyard} they serve). */
    interface RunningServer extends AutoCloseable {
        @Override
        void close();
    }

    /** Starts the front ends; returns once they accept requests and the first job runs are done. */
    RunningServer start(Lanyard lanyard);

    /** The one launcher on the class path. */
    static ServerLauncher find() {
        return ServiceLoader.load(ServerLauncher.class).findFirst().orElseThrow(() -> new IllegalStateException(
                "no HTTP server on the class path: run the packaged lanyard.jar (module lanyard-dist)"));
    }
}
