package org.lanyard.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lanyard.core.Actor;
import org.lanyard.core.ca.CsrIntake;
import org.lanyard.core.ca.IssuanceRequest;
import org.lanyard.core.ca.IssuedCertificate;
import org.lanyard.core.ca.Pem;
import org.lanyard.app.Lanyard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lanyard issue}: issue from a CSR file through the same pipeline as the API. */
@Command(name = "issue", description = "Issue a certificate from a CSR file (PEM or DER).")
class IssueCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Option(names = "--profile", required = true, description = "certificate profile id, e.g. tls-server")
    String profile;

    @Option(names = "--csr", required = true, paramLabel = "FILE", description = "the certificate signing request")
    Path csr;

    @Option(names = "--out", paramLabel = "FILE", description = "write the certificate (PEM) here instead of standard output")
    Path out;

    @Option(names = "--chain", description = "append the issuer chain after the certificate")
    boolean chain;

    @Option(names = "--var", paramLabel = "NAME=VALUE", description = "subject template variable (repeatable)")
    Map<String, String> variables = Map.of();

    @Override
    public Integer call() throws Exception {
        byte[] request = Files.readAllBytes(csr);
        try (Lanyard lanyard = data.open(data.settings())) {
            Actor actor = new Actor("cli", "cli:" + System.getProperty("user.name", "unknown"));
            IssuedCertificate issued = lanyard.issueCertificate().issue(
                    new IssuanceRequest(profile, CsrIntake.parse(request), variables, actor));
            String pem = Pem.certificate(issued.certificate()) + (chain ? Pem.certificates(issued.chain()) : "");
            if (out != null) {
                Files.writeString(out, pem);
                System.err.println("issued serial " + issued.record().serialHex() + " to " + out);
            } else {
                System.out.print(pem);
                System.err.println("issued serial " + issued.record().serialHex());
            }
        }
        return 0;
    }
}
