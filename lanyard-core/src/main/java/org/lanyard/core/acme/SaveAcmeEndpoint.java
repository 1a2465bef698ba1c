package org.lanyard.core.acme;

import java.util.Map;
import org.lanyard.core.Actor;
import org.lanyard.core.LanyardException;
import org.lanyard.core.audit.AuditTrail;
import org.lanyard.core.ca.CertificateProfile;
import org.lanyard.core.ca.ProfileStore;
import org.lanyard.core.ra.ProfileAccess;

/**
 * An operator adds or changes an ACME endpoint ({@code /acme/{name}/directory}). Its profiles
 * exist and issue at once: ACME clients cannot wait for approvals ({@code approval-unsupported}).
 */
public class SaveAcmeEndpoint {

    private final AcmeStorage store;
    private final ProfileStore profiles;
    private final AuditTrail audit;

    public SaveAcmeEndpoint(AcmeStorage store, ProfileStore profiles, AuditTrail audit) {
        this.store = store;
        this.profiles = profiles;
        this.audit = audit;
    }

    public AcmeEndpoint save(AcmeEndpoint endpoint, Actor actor) {
        for (String p : endpoint.profiles()) {
            CertificateProfile profile = profiles.find(p).orElseThrow(() -> LanyardException.notFound(
                    "profile-unknown", "certificate profile '" + p + "' does not exist"));
            if (profile.needsApproval()) {
                throw ProfileAccess.approvalUnsupported(profile, "ACME clients cannot wait for approvals");
            }
        }
        store.transactions().run(() -> {
            store.endpoints().save(endpoint);
            audit.record(actor, "acme.endpoint.saved", endpoint.name(), Map.of("profiles",
                    String.join(" ", endpoint.profiles()), "externalAccountRequired",
                    Boolean.toString(endpoint.externalAccountRequired()), "dnsNames", String.join(" ", endpoint.dnsNames())));
        });
        return endpoint;
    }
}
