package org.lanyard.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lanyard.core.ca.CsrIntake;
import org.lanyard.core.ca.IssuedCertificate;
import org.lanyard.core.ca.Pem;
import org.lanyard.app.Lanyard;
import org.lanyard.core.ra.Principal;
import org.lanyard.core.ra.RequestCertificate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lanyard issue}: ask for a certificate from a CSR file the way the API does, through the
 * registration authority, as the person at the console ({@link Principal#localOperator}). Under a
 * profile that needs approvals the request waits: its id is printed, the exit status is
 * {@value #PENDING} (nothing was written), and operators approve it over the API
 * ({@code POST /api/v1/requests/{id}/approve}).
 */
@Command(name = "issue", description = "Issue a certificate from a CSR file (PEM or DER).")
class IssueCommand implements Callable<Integer> {

    /** Exit status when the request was recorded but waits for approvals. */
    static final int PENDING = 3;

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
            Principal principal = Principal.localOperator(System.getProperty("user.name", "unknown"));
            RequestCertificate.Outcome outcome = lanyard.registration().requestCertificate().request(principal,
                    profile, CsrIntake.parse(request), variables);
            if (outcome.pending()) {
                System.err.println("request " + outcome.request().id() + " waits for "
                        + outcome.request().approvalsRequired() + " approval(s); nothing issued yet");
                return PENDING;
            }
            IssuedCertificate issued = outcome.issued();
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
