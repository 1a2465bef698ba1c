package org.lanyard.server.boot;

import java.time.Clock;
import org.lanyard.app.Lanyard;
import org.lanyard.app.Settings;
import org.lanyard.app.Validation;
import org.lanyard.app.acme.Acme;
import org.lanyard.app.metrics.Metrics;
import org.lanyard.core.audit.AuditReader;
import org.lanyard.core.audit.VerifyAuditChain;
import org.lanyard.core.ca.CertificateReader;
import org.lanyard.core.jobs.JobHistory;
import org.lanyard.core.jobs.RunJobNow;
import org.lanyard.core.ca.CreateCertificateAuthority;
import org.lanyard.core.ca.ImportCertificateAuthority;
import org.lanyard.core.ca.IssuerReader;
import org.lanyard.core.ca.ProfileReader;
import org.lanyard.core.ca.SaveProfile;
import org.lanyard.core.operator.Authenticate;
import org.lanyard.core.operator.BindOperatorCertificate;
import org.lanyard.core.operator.ChangeOperatorAccess;
import org.lanyard.core.operator.CreateOperator;
import org.lanyard.core.operator.IssueApiToken;
import org.lanyard.core.operator.OperatorReader;
import org.lanyard.core.ra.ApproveRequest;
import org.lanyard.core.ra.CancelRequest;
import org.lanyard.core.ra.IssueWithServerKey;
import org.lanyard.core.ra.ListRequests;
import org.lanyard.core.ra.ProfileAccess;
import org.lanyard.core.ra.RejectRequest;
import org.lanyard.core.ra.RequestCertificate;
import org.lanyard.core.ra.RequestReader;
import org.lanyard.core.operator.SaveRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hands the front ends what they need from the composition root, one bean per use case or
 * read-only view. This is the only class of the web module that sees {@link Lanyard}: a
 * controller names the use cases it calls in its constructor, so what a front end may do is
 * visible there (and checked by {@code FrontEndRulesTest}).
 */
@Configuration(proxyBeanMethods = false)
public class FrontEndBeans {

    @Bean Clock clock(Lanyard lanyard) { return lanyard.clock(); }
    @Bean Settings settings(Lanyard lanyard) { return lanyard.settings(); }
    @Bean Validation validation(Lanyard lanyard) { return lanyard.validation(); }
    @Bean Acme acme(Lanyard lanyard) { return lanyard.acme(); }
    @Bean Metrics metrics(Lanyard lanyard) { return lanyard.metrics(); }

    @Bean CertificateReader certificateReader(Lanyard lanyard) { return lanyard.certificates(); }
    @Bean IssuerReader issuerReader(Lanyard lanyard) { return lanyard.issuers(); }
    @Bean ProfileReader profileReader(Lanyard lanyard) { return lanyard.profiles(); }
    @Bean OperatorReader operatorReader(Lanyard lanyard) { return lanyard.operators(); }
    @Bean AuditReader auditReader(Lanyard lanyard) { return lanyard.auditLog(); }

    @Bean Authenticate authenticate(Lanyard lanyard) { return lanyard.authenticate(); }
    @Bean RequestCertificate requestCertificate(Lanyard lanyard) { return lanyard.registration().requestCertificate(); }
    @Bean IssueWithServerKey issueWithServerKey(Lanyard lanyard) { return lanyard.registration().issueWithServerKey(); }
    @Bean ProfileAccess profileAccess(Lanyard lanyard) { return lanyard.registration().profileAccess(); }
    @Bean RequestReader requestReader(Lanyard lanyard) { return lanyard.registration().requests(); }
    @Bean ListRequests listRequests(Lanyard lanyard) { return lanyard.registration().listRequests(); }
    @Bean ApproveRequest approveRequest(Lanyard lanyard) { return lanyard.registration().approveRequest(); }
    @Bean RejectRequest rejectRequest(Lanyard lanyard) { return lanyard.registration().rejectRequest(); }
    @Bean CancelRequest cancelRequest(Lanyard lanyard) { return lanyard.registration().cancelRequest(); }
    @Bean SaveProfile saveProfile(Lanyard lanyard) { return lanyard.saveProfile(); }
    @Bean CreateCertificateAuthority createCertificateAuthority(Lanyard lanyard) { return lanyard.createCertificateAuthority(); }
    @Bean ImportCertificateAuthority importCertificateAuthority(Lanyard lanyard) { return lanyard.importCertificateAuthority(); }
    @Bean CreateOperator createOperator(Lanyard lanyard) { return lanyard.createOperator(); }
    @Bean IssueApiToken issueApiToken(Lanyard lanyard) { return lanyard.issueApiToken(); }
    @Bean BindOperatorCertificate bindOperatorCertificate(Lanyard lanyard) { return lanyard.bindOperatorCertificate(); }
    @Bean SaveRole saveRole(Lanyard lanyard) { return lanyard.saveRole(); }
    @Bean ChangeOperatorAccess changeOperatorAccess(Lanyard lanyard) { return lanyard.changeOperatorAccess(); }
    @Bean JobHistory jobHistory(Lanyard lanyard) { return lanyard.jobHistory(); }
    @Bean RunJobNow runJobNow(Lanyard lanyard) { return lanyard.runJobNow(); }
    @Bean VerifyAuditChain verifyAuditChain(Lanyard lanyard) { return lanyard.verifyAuditChain(); }
}
