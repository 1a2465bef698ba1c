package org.lanyard.core.acme;

/**
 * Port: proves control of an identifier over the network (http-01 fetch, dns-01 TXT lookup,
 * tls-alpn-01 handshake). Returns normally when the proof holds; otherwise throws the ACME
 * error that says why ({@code connection}, {@code dns}, {@code tls}, {@code incorrectResponse},
 * {@code unauthorized}).
 */
public interface ChallengeValidator {

    void validate(String type, Identifier identifier, String token, String keyAuthorization);
}
