package org.lanyard.core.ca.lint;

import org.bouncycastle.asn1.x509.TBSCertificate;

/**
 * Test fixtures only: wraps a TBS as linted without linting it, for tests that need certificates
 * the lint would refuse (forged chains, CA fixtures). Main code has no such door: a
 * {@link LintedCertificate} comes from {@link CertificateLint#require} alone.
 */
public final class Unlinted {

    private Unlinted() {
    }

    public static LintedCertificate forTest(TBSCertificate tbs) {
        return new LintedCertificate(tbs);
    }
}
