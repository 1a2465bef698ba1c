package org.lanyard.core.acme;

import java.util.Optional;

/**
 * The checks every ACME POST passes before it may change anything (RFC 8555 §6.2–6.5), in an
 * order that lets no refused request consume state: JWS structure and header, {@code url}
 * equal to the request URL, key lookup ({@code jwk} or the {@code kid} account of this
 * endpoint), signature, and only then the nonce.
 */
public class AuthenticateAcmeRequest {

    /** Whether the route wants the key embedded ({@code jwk}: newAccount) or an account ({@code kid}). */
    public enum KeyMode { JWK, KID, EITHER }

    private final AcmeAccounts accounts;
    private final Nonces nonces;

    public AuthenticateAcmeRequest(AcmeAccounts accounts, Nonces nonces) {
        this.accounts = accounts;
        this.nonces = nonces;
    }

    /**
     * @param requestUrl       the URL this request was sent to, as clients see it
     * @param accountUrlPrefix the endpoint's account URL prefix; a {@code kid} must be prefix + id
     */
    public AcmeCaller authenticate(byte[] body, String requestUrl, String endpoint, String accountUrlPrefix,
            KeyMode mode) {
        JwsMessage message = JwsMessage.parse(body);
        if (!requestUrl.equals(message.url())) {
            throw AcmeError.UNAUTHORIZED.exception("the JWS url header does not match the request URL");
        }
        Jwk key;
        Account account;
        if (message.kid() == null) {
            if (mode == KeyMode.KID) {
                throw AcmeError.MALFORMED.exception("this request must name its account with kid, not jwk");
            }
            key = message.jwk();
            message.verify(key);
            account = accounts.findByThumbprint(endpoint, key.thumbprint()).orElse(null);
        } else {
            if (mode == KeyMode.JWK) {
                throw AcmeError.MALFORMED.exception("this request must carry its key as jwk, not kid");
            }
            account = account(message.kid(), endpoint, accountUrlPrefix)
                    .orElseThrow(() -> AcmeError.ACCOUNT_DOES_NOT_EXIST.exception("no account at " + message.kid()));
            key = Jwk.fromCanonical(account.jwk());
            message.verify(key);
            if (account.status() != Account.Status.VALID) {
                throw AcmeError.UNAUTHORIZED.exception("the account is " + account.status().name().toLowerCase());
            }
        }
        nonces.redeem(message.nonce());
        return new AcmeCaller(message, key, account);
    }

    private Optional<Account> account(String kid, String endpoint, String prefix) {
        if (!kid.startsWith(prefix) || kid.length() == prefix.length() || kid.length() > prefix.length() + 64) {
            return Optional.empty();
        }
        return accounts.find(kid.substring(prefix.length())).filter(a -> a.endpoint().equals(endpoint));
    }
}
