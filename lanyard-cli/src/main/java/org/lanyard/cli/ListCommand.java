package org.lanyard.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.lanyard.core.PageRequest;
import org.lanyard.core.ca.CertificateQuery;
import org.lanyard.core.ca.CertificateRecord;
import org.lanyard.core.ca.CertificateStatus;
import org.lanyard.app.Lanyard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lanyard list}: certificates, newest first, one line each. */
@Command(name = "list", description = "List certificates, newest first.")
class ListCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Option(names = "--subject", description = "subject contains")
    String subject;

    @Option(names = "--san", description = "a subject alternative name contains")
    String san;

    @Option(names = "--profile", description = "profile id")
    String profile;

    @Option(names = "--status", description = "valid, on-hold, revoked, reserved or failed")
    String status;

    @Option(names = "--page", defaultValue = "0")
    int page;

    @Option(names = "--size", defaultValue = "50")
    int size;

    @Override
    public Integer call() {
        CertificateStatus wanted = status == null ? null
                : CertificateStatus.valueOf(status.toUpperCase(Locale.ROOT).replace('-', '_'));
        try (Lanyard lanyard = data.open(data.settings())) {
            var result = lanyard.certificates().search(new CertificateQuery(subject, san, profile, null,
                    wanted, null, null, new PageRequest(page, size)));
            System.out.printf("%-34s %-9s %-18s %-21s %s%n", "SERIAL", "STATUS", "PROFILE", "NOT AFTER", "SUBJECT");
            for (CertificateRecord r : result.items()) {
                System.out.printf("%-34s %-9s %-18s %-21s %s%n", r.serialHex(), r.status().name().toLowerCase(Locale.ROOT),
                        r.profileId(), r.notAfter() == null ? "-" : r.notAfter().toString(), r.subject());
            }
            System.out.printf("page %d: %d of %d certificates%n", result.page(), result.items().size(), result.total());
        }
        return 0;
    }
}
