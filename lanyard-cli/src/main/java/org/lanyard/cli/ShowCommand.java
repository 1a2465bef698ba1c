package org.lanyard.cli;

import java.util.concurrent.Callable;
import org.lanyard.core.ca.CertificateRecord;
import org.lanyard.core.ca.Certificates;
import org.lanyard.core.ca.Pem;
import org.lanyard.core.ca.Serials;
import org.lanyard.app.Lanyard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code lanyard show SERIAL}: one certificate's record and PEM. */
@Command(name = "show", description = "Show one certificate by serial number (hex).")
class ShowCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Parameters(paramLabel = "SERIAL")
    String serial;

    @Override
    public Integer call() {
        try (Lanyard lanyard = data.open(data.settings())) {
            CertificateRecord r = lanyard.certificates().find(Serials.parse(serial)).orElse(null);
            if (r == null) {
                System.err.println("lanyard: no certificate with serial " + serial);
                return 1;
            }
            System.out.println("serial:      " + r.serialHex());
            System.out.println("status:      " + r.status());
            System.out.println("issuer:      " + r.issuerId());
            System.out.println("profile:     " + r.profileId());
            System.out.println("subject:     " + r.subject());
            System.out.println("names:       " + r.subjectAltNames());
            System.out.println("not before:  " + r.notBefore());
            System.out.println("not after:   " + r.notAfter());
            System.out.println("key:         " + r.keyAlgorithm());
            System.out.println("requested by " + r.requestedBy() + " at " + r.createdAt());
            if (r.der() != null) {
                System.out.print(Pem.certificate(Certificates.parse(r.der())));
            }
        }
        return 0;
    }
}
