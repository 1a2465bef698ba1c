package org.lanyard.core.acme;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lanyard.core.ca.IssuanceRules;
import org.lanyard.core.ca.Serials;

/**
 * newOrder (RFC 8555 §7.4): identifiers checked against the name policy (syntax; the endpoint's
 * and the EAB key's patterns), the profile chosen (profiles extension; the endpoint's first by
 * default), {@code replaces} checked (RFC 9773), rate limits applied, then the order and one
 * authorization per identifier stored together. Per-identifier refusals come back as
 * subproblems of one {@code rejectedIdentifier}.
 */
public class PlaceOrder {

    static final int MAX_IDENTIFIERS = 100;

    private final AcmeStorage store;
    private final AcmeOptions options;
    private final Clock clock;

    public PlaceOrder(AcmeStorage store, AcmeOptions options, Clock clock) {
        this.store = store;
        this.options = options;
        this.clock = clock;
    }

    public Order place(AcmeCaller caller, AcmeEndpoint endpoint) {
        Map<String, Object> payload = caller.message().json();
        Account account = caller.account();
        EabKey eab = account.eabKeyId() == null ? null : store.eabKeys().find(account.eabKeyId()).orElse(null);
        if (payload.containsKey("notBefore") || payload.containsKey("notAfter")) {
            throw AcmeError.MALFORMED.exception("notBefore and notAfter are not supported: the profile sets validity");
        }
        List<Identifier> identifiers = identifiers(payload.get("identifiers"), endpoint, eab);
        String profile = profile(payload.get("profile"), endpoint, eab);
        String replaces = replaces(payload.get("replaces"), account);
        Instant now = clock.instant();
        if (store.orders().countOrdersSince(account.id(), now.minus(options.window())) >= options.ordersPerAccount()) {
            throw AcmeError.RATE_LIMITED.exception("too many new orders for this account",
                    Map.of(AcmeError.RETRY_AFTER, options.window().toSeconds()));
        }
        for (String domain : registeredDomains(identifiers)) {
            if (store.orders().countIssuedForDomainSince(domain, now.minus(options.window())) >= options.certificatesPerDomain()) {
                throw AcmeError.RATE_LIMITED.exception("too many certificates for " + domain,
                        Map.of(AcmeError.RETRY_AFTER, options.window().toSeconds()));
            }
        }
        Instant expires = now.plus(options.orderLifetime());
        Order order = new Order(Ids.next(), account.id(), endpoint.name(), Order.Status.PENDING, identifiers, profile,
                expires, null, null, null, replaces, now);
        List<Authorization> authorizations = new ArrayList<>();
        for (Identifier id : identifiers) {
            authorizations.add(new Authorization(Ids.next(), order.id(), account.id(), id,
                    Authorization.Status.PENDING, Ids.next() + Ids.next(), expires, null, null, null, null));
        }
        store.transactions().run(() -> store.orders().insert(order, authorizations));
        return order;
    }

    private static List<Identifier> identifiers(Object value, AcmeEndpoint endpoint, EabKey eab) {
        if (!(value instanceof List<?> list) || list.isEmpty() || list.size() > MAX_IDENTIFIERS) {
            throw AcmeError.MALFORMED.exception("identifiers must be an array of 1 to " + MAX_IDENTIFIERS + " objects");
        }
        Set<Identifier> out = new LinkedHashSet<>();
        List<AcmeError.Subproblem> refused = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> m) || !(m.get("type") instanceof String type)
                    || !(m.get("value") instanceof String v)) {
                throw AcmeError.MALFORMED.exception("each identifier is an object with string type and value");
            }
            if (!Identifier.DNS.equals(type)) {
                throw AcmeError.UNSUPPORTED_IDENTIFIER.exception("identifier type '" + type + "' is not supported");
            }
            Identifier id = Identifier.dns(v);
            String reason = refusal(id, v, endpoint, eab);
            if (reason != null) {
                refused.add(new AcmeError.Subproblem(AcmeError.REJECTED_IDENTIFIER.code().code(), reason, id));
            }
            out.add(id);
        }
        if (!refused.isEmpty()) {
            throw AcmeError.REJECTED_IDENTIFIER.exception(refused.size() == 1 ? refused.get(0).detail()
                    : refused.size() + " identifiers are refused", Map.of(AcmeError.SUBPROBLEMS, refused));
        }
        return List.copyOf(out);
    }

    private static String refusal(Identifier id, String given, AcmeEndpoint endpoint, EabKey eab) {
        if (!IssuanceRules.validDnsName(id.value())) {
            return "'" + given + "' is not a valid DNS name";
        }
        if (endpoint.dnsNames().stream().noneMatch(p -> IssuanceRules.dnsMatches(p, id.value()))) {
            return "'" + id.value() + "' is not a name this ACME endpoint issues for";
        }
        if (eab != null && !eab.dnsNames().isEmpty()
                && eab.dnsNames().stream().noneMatch(p -> IssuanceRules.dnsMatches(p, id.value()))) {
            return "'" + id.value() + "' is not a name this account's external account key allows";
        }
        return null;
    }

    private static String profile(Object value, AcmeEndpoint endpoint, EabKey eab) {
        if (value != null && !(value instanceof String)) {
            throw AcmeError.MALFORMED.exception("profile must be a string");
        }
        List<String> allowed = eab == null || eab.profiles().isEmpty() ? endpoint.profiles()
                : endpoint.profiles().stream().filter(eab.profiles()::contains).toList();
        String profile = value == null ? (allowed.isEmpty() ? endpoint.defaultProfile() : allowed.get(0)) : (String) value;
        if (!allowed.contains(profile)) {
            throw AcmeError.INVALID_PROFILE.exception("profile '" + profile + "' is not offered to this account; offered: "
                    + allowed);
        }
        return profile;
    }

    private String replaces(Object value, Account account) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw AcmeError.MALFORMED.exception("replaces must be a string");
        }
        CertId id = CertId.parse(text);
        Order previous = store.orders().findByCertificate(Serials.hex(id.serial()))
                .filter(o -> o.accountId().equals(account.id()))
                .orElseThrow(() -> AcmeError.MALFORMED.exception("replaces names no certificate of this account"));
        return previous.certificateSerial() == null ? null : text;
    }

    /** The last two labels of each name: an approximation of the registered domain without the PSL. */
    static Set<String> registeredDomains(List<Identifier> identifiers) {
        Set<String> out = new LinkedHashSet<>();
        for (Identifier id : identifiers) {
            out.add(registeredDomain(id.domain()));
        }
        return out;
    }

    public static String registeredDomain(String name) {
        String[] labels = name.split("\\.");
        return labels.length <= 2 ? name : labels[labels.length - 2] + "." + labels[labels.length - 1];
    }
}
