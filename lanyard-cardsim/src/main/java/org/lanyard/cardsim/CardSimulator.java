package org.lanyard.cardsim;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a virtual PIV card against vpcd, the way {@code lanyard cardsim} does: connects, serves
 * pcscd, reconnects when pcscd restarts, and stops on {@link #close()}. Prints one line containing
 * {@code card ready} when pcscd first powers the card.
 *
 * <pre>CardSimulator --vpcd 127.0.0.1:35963 --state card.properties --serial 10000001</pre>
 */
public final class CardSimulator implements AutoCloseable {

    public static final String DEFAULT_VPCD = "127.0.0.1:35963";
    public static final long DEFAULT_SERIAL = 10000001L;

    private final InetSocketAddress vpcd;
    private final VirtualPivCard card;
    private final PrintStream out;
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile VpcdConnection connection;
    private Thread thread;

    public CardSimulator(String vpcd, Path stateFile, long serial, PrintStream out) {
        this.vpcd = address(vpcd);
        this.card = stateFile == null ? VirtualPivCard.inMemory(serial, Clock.systemUTC())
                : VirtualPivCard.open(stateFile, serial, Clock.systemUTC());
        this.out = out;
    }

    public static void main(String[] args) throws InterruptedException {
        String vpcd = DEFAULT_VPCD;
        Path state = null;
        long serial = DEFAULT_SERIAL;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--vpcd" -> vpcd = args[++i];
                case "--state" -> state = Path.of(args[++i]);
                case "--serial" -> serial = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("usage: CardSimulator [--vpcd HOST:PORT] [--state FILE] [--serial N]");
                    System.exit(2);
                }
            }
        }
        CardSimulator sim = new CardSimulator(vpcd, state, serial, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close));
        sim.start();
        sim.join();
    }

    public VirtualPivCard card() {
        return card;
    }

    /** Starts serving vpcd in a background thread; returns at once. */
    public synchronized CardSimulator start() {
        out.printf("virtual PIV card %d connecting to vpcd at %s:%d%n", card.serial(), vpcd.getHostString(), vpcd.getPort());
        thread = new Thread(this::run, "cardsim-" + card.serial());
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** Waits until pcscd has powered the card. */
    public boolean awaitReady(long timeout, TimeUnit unit) throws InterruptedException {
        return ready.await(timeout, unit);
    }

    public void join() throws InterruptedException {
        thread.join();
    }

    private void run() {
        boolean told = false;
        while (running) {
            try (VpcdConnection c = new VpcdConnection(vpcd, card, 2000)) {
                connection = c;
                c.serve(this::powered);
                if (running) {
                    out.println("vpcd closed the connection; reconnecting");
                }
            } catch (IOException e) {
                if (!running) {
                    return;
                }
                if (!told) {
                    out.printf("waiting for vpcd at %s:%d (%s); is pcscd running with vsmartcard-vpcd?%n",
                            vpcd.getHostString(), vpcd.getPort(), e.getMessage());
                    told = true;
                }
            } finally {
                connection = null;
            }
            pause();
        }
    }

    private void powered() {
        if (ready.getCount() > 0) {
            ready.countDown();
            out.printf("card ready: serial %d%n", card.serial());
            out.flush();
        }
    }

    private void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        VpcdConnection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            t.interrupt();
            try {
                t.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("vpcd address must be HOST:PORT, got " + hostPort);
        }
        return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }
}
