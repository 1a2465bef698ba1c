package org.lanyard.core.setup;

import java.util.Map;
import java.util.Set;
import org.lanyard.core.Actor;
import org.lanyard.core.LanyardException;
import org.lanyard.core.audit.AuditTrail;
import org.lanyard.core.ca.CreateCertificateAuthority;
import org.lanyard.core.ca.Issuer;
import org.lanyard.core.ca.IssuerStore;
import org.lanyard.core.ca.ProfileStore;
import org.lanyard.core.ca.ShippedProfiles;
import org.lanyard.core.operator.BuiltinRoles;
import org.lanyard.core.operator.CreateOperator;
import org.lanyard.core.operator.IssueApiToken;
import org.lanyard.core.operator.Operator;
import org.lanyard.core.operator.OperatorStore;
import org.lanyard.core.tx.Transactions;

/**
 * {@code lanyard init}: the built-in roles and profiles, a root and issuing CA, and the System
 * Owner with an API token. Runs once; a second run is refused. A run that failed before the System
 * Owner existed can be repeated.
 */
public class InitializeSystem {

    public static final String SYSTEM_OWNER_NAME = "system-owner";

    private final IssuerStore issuers;
    private final ProfileStore profiles;
    private final OperatorStore operators;
    private final CreateCertificateAuthority createCa;
    private final CreateOperator createOperator;
    private final IssueApiToken issueToken;
    private final Transactions tx;
    private final AuditTrail audit;

    public InitializeSystem(IssuerStore issuers, ProfileStore profiles, OperatorStore operators,
            CreateCertificateAuthority createCa, CreateOperator createOperator, IssueApiToken issueToken,
            Transactions tx, AuditTrail audit) {
        this.issuers = issuers;
        this.profiles = profiles;
        this.operators = operators;
        this.createCa = createCa;
        this.createOperator = createOperator;
        this.issueToken = issueToken;
        this.tx = tx;
        this.audit = audit;
    }

    /** What init made: the issuing CA, the System Owner, and its token secret (shown once). */
    public record Result(Issuer issuer, Operator systemOwner, String ownerToken) {
    }

    /** Initialised means the System Owner exists: the last thing init makes. */
    public boolean initialized() {
        return operators.findOperatorByName(SYSTEM_OWNER_NAME).isPresent();
    }

    public Result initialize(CreateCertificateAuthority.Spec ca) {
        if (initialized()) {
            throw LanyardException.conflict("already-initialized", "Lanyard is initialised already");
        }
        Actor actor = Actor.SYSTEM;
        tx.run(() -> {
            BuiltinRoles.all().forEach(operators::saveRole);
            ShippedProfiles.all().forEach(profiles::save);
            audit.record(actor, "system.initialized", "lanyard", Map.of("roles",
                    Integer.toString(BuiltinRoles.all().size()), "profiles",
                    Integer.toString(ShippedProfiles.all().size())));
        });
        // a run that stopped after making the CA resumes with it instead of failing on issuer-exists
        Issuer issuer = issuers.find(ca.id()).orElseGet(() -> createCa.create(ca, actor));
        Operator owner = createOperator.create(SYSTEM_OWNER_NAME, null, Set.of(BuiltinRoles.SYSTEM_OWNER), actor);
        String secret = issueToken.issue(owner.id(), "initial token", null, actor).secret();
        return new Result(issuer, owner, secret);
    }
}
