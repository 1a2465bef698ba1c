package org.lanyard.core.ca;

/** An issuer together with its opened signing key. */
public record ActiveIssuer(Issuer issuer, Signer signer) {
}
