package org.lanyard.cli;

import java.util.concurrent.Callable;
import org.lanyard.core.Actor;
import org.lanyard.core.ca.Serials;
import org.lanyard.app.Lanyard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code lanyard resume SERIAL}: lifts a hold (certificateHold); refused for any other status. */
@Command(name = "resume", description = "Resume a certificate on hold.")
class ResumeCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Parameters(paramLabel = "SERIAL", description = "serial number (hex)")
    String serial;

    @Override
    public Integer call() {
        try (Lanyard lanyard = data.open(data.settings())) {
            var change = lanyard.validation().resume(Serials.parse(serial), Actor.SYSTEM);
            System.out.println("resumed " + Serials.hex(change.serial()) + ", CRL shard " + change.shard());
        }
        return 0;
    }
}
