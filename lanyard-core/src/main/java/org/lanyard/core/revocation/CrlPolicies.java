package org.lanyard.core.revocation;

/** The CRL policy of each issuer (configuration; the lead wires it). */
@FunctionalInterface
public interface CrlPolicies {

    CrlPolicy of(String issuerId);
}
