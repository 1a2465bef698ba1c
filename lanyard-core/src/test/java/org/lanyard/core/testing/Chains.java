package org.lanyard.core.testing;

import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

/** Validates certificate paths the way a relying party does: JDK PKIX, root as the only anchor. */
public final class Chains {

    private Chains() {
    }

    /**
     * Validates {@code leaf} followed by {@code chain} (issuing CA first, root last) at {@code at}
     * with revocation checking off. Throws when the path does not validate.
     */
    public static PKIXCertPathValidatorResult validate(X509Certificate leaf, List<X509Certificate> chain, Instant at)
            throws Exception {
        X509Certificate root = chain.get(chain.size() - 1);
        List<X509Certificate> path = new ArrayList<>();
        path.add(leaf);
        path.addAll(chain.subList(0, chain.size() - 1));
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        params.setRevocationEnabled(false);
        params.setDate(Date.from(at));
        return (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX")
                .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), params);
    }
}
