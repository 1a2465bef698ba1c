package org.lanyard.core.acme;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.lanyard.core.Actor;
import org.lanyard.core.LanyardException;
import org.lanyard.core.audit.AuditTrail;
import org.lanyard.core.ca.IssuanceRules;

/**
 * An operator makes an External Account Binding key for one endpoint, optionally narrowed to
 * some of its profiles and to DNS name patterns. The HMAC key is returned once, here.
 */
public class CreateEabKey {

    private final AcmeStorage store;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public CreateEabKey(AcmeStorage store, AuditTrail audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    public EabKey create(AcmeEndpoint endpoint, List<String> profiles, List<String> dnsNames, Actor actor) {
        for (String p : profiles) {
            if (!endpoint.profiles().contains(p)) {
                throw LanyardException.invalid("acme-eab-profile", "endpoint '" + endpoint.name() + "' does not offer profile '"
                        + p + "'; it offers " + endpoint.profiles());
            }
        }
        for (String n : dnsNames) {
            if (!n.equals("*") && !IssuanceRules.validDnsName(n)) {
                throw LanyardException.invalid("acme-eab-dns-name", "'" + n + "' is not a DNS name pattern");
            }
        }
        byte[] hmac = new byte[32];
        random.nextBytes(hmac);
        EabKey key = new EabKey("kid-" + Ids.next(), endpoint.name(), hmac, profiles, dnsNames, null, actor.toString(),
                clock.instant());
        store.transactions().run(() -> {
            store.eabKeys().insert(key);
            audit.record(actor, "acme.eab-key.created", key.id(), Map.of("endpoint", endpoint.name(),
                    "profiles", String.join(" ", profiles), "dnsNames", String.join(" ", dnsNames)));
        });
        return key;
    }
}
