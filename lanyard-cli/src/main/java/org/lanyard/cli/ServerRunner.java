package org.lanyard.cli;

import java.util.concurrent.CountDownLatch;
import org.lanyard.app.Lanyard;
import org.lanyard.app.ServerLauncher;

/** Starts the HTTPS server and keeps the process in the foreground until it is stopped. */
final class ServerRunner {

    private ServerRunner() {
    }

    static int runUntilStopped(Lanyard lanyard) throws InterruptedException {
        ServerLauncher.RunningServer server = ServerLauncher.find().start(lanyard);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            lanyard.close();
            stopped.countDown();
        }, "lanyard-shutdown"));
        String url = lanyard.settings().baseUrl();
        System.out.println("Lanyard ready at " + url + " — console " + url + "/console/, API " + url
                + "/api/v1, API docs " + url + "/api/docs");
        if (lanyard.validation().publication().httpPort() > 0) {
            System.out.println("CRLs, OCSP and CA certificates over plain HTTP at "
                    + lanyard.validation().publication().ocspUrl().replaceFirst("/ocsp$", ""));
        }
        System.out.flush();
        stopped.await();
        return 0;
    }
}
