package org.lanyard.app.acme;

import java.time.Clock;
import org.lanyard.core.ErrorCode;
import org.lanyard.core.LanyardException;
import org.lanyard.core.acme.AcmeEndpoint;
import org.lanyard.core.acme.AcmeStorage;
import org.lanyard.core.acme.AuthenticateAcmeRequest;
import org.lanyard.core.acme.CaaCheck;
import org.lanyard.core.acme.ChallengeValidator;
import org.lanyard.core.acme.CreateEabKey;
import org.lanyard.core.acme.DeactivateAuthorization;
import org.lanyard.core.acme.FinalizeOrder;
import org.lanyard.core.acme.Nonces;
import org.lanyard.core.acme.PlaceOrder;
import org.lanyard.core.acme.RegisterAccount;
import org.lanyard.core.acme.RespondToChallenge;
import org.lanyard.core.acme.RevokeAcmeCertificate;
import org.lanyard.core.acme.RolloverAccountKey;
import org.lanyard.core.acme.SaveAcmeEndpoint;
import org.lanyard.core.acme.UpdateAccount;
import org.lanyard.core.audit.AuditTrail;
import org.lanyard.core.ca.CertificateReader;
import org.lanyard.core.ca.ProfileStore;
import org.lanyard.core.ra.RequestCertificate;

/** The ACME front end's wiring: the core's ACME use cases on the store, DNS and network checks. */
public final class Acme {

    public final AcmeSettings settings;
    public final AcmeStorage store;
    public final Nonces nonces;
    public final AuthenticateAcmeRequest authenticate;
    public final RegisterAccount registerAccount;
    public final UpdateAccount updateAccount;
    public final RolloverAccountKey rolloverAccountKey;
    public final PlaceOrder placeOrder;
    public final RespondToChallenge respondToChallenge;
    public final DeactivateAuthorization deactivateAuthorization;
    public final FinalizeOrder finalizeOrder;
    public final CreateEabKey createEabKey;
    public final SaveAcmeEndpoint saveEndpoint;
    public final RevokeAcmeCertificate revokeCertificate;

    /** The real network checks run against the configured resolver. */
    public Acme(AcmeSettings settings, AcmeStorage store, ProfileStore profiles, CertificateReader certificates,
            RequestCertificate issue, RevokeAcmeCertificate.Revoker revoker, AuditTrail audit, Clock clock) {
        this.settings = settings;
        this.store = store;
        DnsClient dns = new DnsClient(settings.dnsResolver());
        ChallengeValidator network = new NetworkValidator(dns, settings.http01Port(), settings.tlsAlpn01Port());
        CaaCheck caa = new CaaCheck(dns, settings.options().caaIdentities());
        this.nonces = new Nonces(store.nonces(), clock);
        this.authenticate = new AuthenticateAcmeRequest(store.accounts(), nonces);
        this.registerAccount = new RegisterAccount(store, audit, settings.options(), clock);
        this.updateAccount = new UpdateAccount(store, audit);
        this.rolloverAccountKey = new RolloverAccountKey(store, audit);
        this.placeOrder = new PlaceOrder(store, settings.options(), clock);
        this.respondToChallenge = new RespondToChallenge(store, network, caa, clock);
        this.deactivateAuthorization = new DeactivateAuthorization(store);
        this.finalizeOrder = new FinalizeOrder(store, issue, caa, settings.options(), clock);
        this.createEabKey = new CreateEabKey(store, audit, clock);
        this.saveEndpoint = new SaveAcmeEndpoint(store, profiles, audit);
        this.revokeCertificate = new RevokeAcmeCertificate(store, certificates, revoker, clock);
    }

    /** The endpoint by name: a stored one, else the built-in default; {@code acme-endpoint-unknown} otherwise. */
    public AcmeEndpoint endpoint(String name) {
        return store.endpoints().find(name).or(() -> name.equals(AcmeEndpoint.DEFAULT)
                ? java.util.Optional.of(settings.defaultEndpoint()) : java.util.Optional.empty())
                .orElseThrow(() -> LanyardException.of(ErrorCode.ACME_ENDPOINT_UNKNOWN, "no ACME endpoint '" + name + "'"));
    }
}
