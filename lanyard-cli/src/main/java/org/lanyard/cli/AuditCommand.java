package org.lanyard.cli;

import java.util.concurrent.Callable;
import org.lanyard.core.audit.AuditVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code lanyard audit verify}: checks the transaction log's hash chain offline. */
@Command(name = "audit", description = "Work with the transaction log.", subcommands = AuditCommand.Verify.class)
class AuditCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "verify", description = "Verify the hash chain; exit 0 when intact, 1 naming the first bad record.")
    static class Verify implements Callable<Integer> {

        @Mixin
        DataOptions data;

        @Override
        public Integer call() {
            try (var lanyard = data.open(data.settings())) {
                AuditVerification result = lanyard.verifyAuditChain().verify();
                if (result.intact()) {
                    System.out.println(result.message());
                    return 0;
                }
                System.out.println("TAMPERED: " + result.problem().name().toLowerCase(java.util.Locale.ROOT)
                        + " at record " + result.sequence() + ": " + result.message());
                return 1;
            }
        }
    }
}
