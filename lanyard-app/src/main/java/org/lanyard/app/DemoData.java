package org.lanyard.app;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lanyard.core.Actor;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.ca.SanType;
import org.lanyard.core.ca.SubjectAltName;
import org.lanyard.core.operator.BuiltinRoles;
import org.lanyard.core.ra.Principal;

/**
 * Demo content for {@code start-dev}: a few operators in the built-in roles and a handful of
 * certificates, so the console has something to show. Issued through the real pipeline.
 */
public final class DemoData {

    private DemoData() {
    }

    public static void seed(Lanyard lanyard) {
        Actor system = Actor.SYSTEM;
        lanyard.createOperator().create("alice", "alice@demo.lanyard.test", Set.of(BuiltinRoles.NORMAL), system);
        lanyard.createOperator().create("helpdesk", "helpdesk@demo.lanyard.test", Set.of(BuiltinRoles.RESTRICTED), system);
        lanyard.createOperator().create("carol", "carol@demo.lanyard.test", Set.of(BuiltinRoles.ELEVATED), system);
        char[] password = "demo-password".toCharArray();
        var issue = lanyard.issueWithServerKey();
        var demo = new Principal.SystemJob("demo-data");
        issue.issue(demo, "tls-server", KeyAlgorithm.EC_P256, List.of(new SubjectAltName(SanType.DNS, "www.demo.lanyard.test"),
                new SubjectAltName(SanType.DNS, "demo.lanyard.test")), Map.of(), password);
        issue.issue(demo, "tls-client", KeyAlgorithm.EC_P256, List.of(new SubjectAltName(SanType.DNS, "printer-7.demo.lanyard.test")),
                Map.of("cn", "printer-7"), password);
        issue.issue(demo, "smime", KeyAlgorithm.RSA_2048, List.of(new SubjectAltName(SanType.EMAIL, "alice@demo.lanyard.test")),
                Map.of("cn", "Alice Example"), password);
        issue.issue(demo, "key-management", KeyAlgorithm.EC_P256, List.of(new SubjectAltName(SanType.UPN, "bob@demo.lanyard.test")),
                Map.of("cn", "Bob Example"), password);
    }
}
