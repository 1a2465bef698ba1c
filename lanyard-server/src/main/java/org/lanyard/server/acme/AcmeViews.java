package org.lanyard.server.acme;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lanyard.core.ErrorCode;
import org.lanyard.core.acme.Account;
import org.lanyard.core.acme.Authorization;
import org.lanyard.core.acme.Identifier;
import org.lanyard.core.acme.Order;

/** The JSON objects of RFC 8555 §7.1 for accounts, orders, authorizations and challenges. */
final class AcmeViews {

    private AcmeViews() {
    }

    static Map<String, Object> account(Account a, AcmeUrls urls) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", lower(a.status()));
        out.put("contact", a.contacts());
        out.put("orders", urls.account(a.id()) + "/orders");
        out.put("createdAt", a.createdAt().toString());
        return out;
    }

    static Map<String, Object> order(Order o, List<Authorization> authorizations, Instant now, AcmeUrls urls) {
        Map<String, Object> out = new LinkedHashMap<>();
        Order.Status status = o.effectiveStatus(authorizations, now);
        out.put("status", lower(status));
        out.put("expires", o.expires().toString());
        out.put("identifiers", o.identifiers().stream().map(AcmeViews::identifier).toList());
        out.put("profile", o.profile());
        out.put("authorizations", authorizations.stream().map(a -> urls.authorization(a.id())).toList());
        out.put("finalize", urls.order(o.id()) + "/finalize");
        if (o.replaces() != null) {
            out.put("replaces", o.replaces());
        }
        if (status == Order.Status.VALID && o.certificateSerial() != null) {
            out.put("certificate", urls.certificate(o.certificateSerial()));
        }
        if (status == Order.Status.INVALID) {
            if (o.errorType() != null) {
                out.put("error", error(o.errorType(), o.errorDetail(), null));
            } else {
                List<Map<String, Object>> sub = new ArrayList<>();
                for (Authorization a : authorizations) {
                    if (a.errorType() != null) {
                        sub.add(error(a.errorType(), a.errorDetail(), a.identifier()));
                    }
                }
                Map<String, Object> e = error(sub.isEmpty() ? ErrorCode.ACME_UNAUTHORIZED.code()
                        : ErrorCode.ACME_COMPOUND.code(),
                        sub.isEmpty() ? "the order expired or an authorization was given up" : "an authorization failed",
                        null);
                if (!sub.isEmpty()) {
                    e.put("subproblems", sub);
                }
                out.put("error", e);
            }
        }
        return out;
    }

    static Map<String, Object> authorization(Authorization a, Instant now, AcmeUrls urls) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("identifier", identifier(new Identifier(a.identifier().type(), a.identifier().domain())));
        out.put("status", lower(a.effectiveStatus(now)));
        out.put("expires", a.expires().toString());
        out.put("challenges", a.challengeTypes().stream().map(t -> challenge(a, t, urls)).toList());
        if (a.identifier().wildcard()) {
            out.put("wildcard", true);
        }
        return out;
    }

    static Map<String, Object> challenge(Authorization a, String type, AcmeUrls urls) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", type);
        out.put("url", urls.challenge(a.id(), type));
        out.put("token", a.token());
        String status = "pending";
        if (type.equals(a.attempted())) {
            if (a.status() == Authorization.Status.VALID || (a.status() == Authorization.Status.DEACTIVATED
                    && a.errorType() == null && a.validatedAt() != null)) {
                status = "valid";
            } else if (a.status() == Authorization.Status.INVALID || a.errorType() != null) {
                status = "invalid";
            }
            if (a.validatedAt() != null && status.equals("valid")) {
                out.put("validated", a.validatedAt().toString());
            }
            if (a.errorType() != null) {
                out.put("error", error(a.errorType(), a.errorDetail(), null));
            }
        }
        out.put("status", status);
        return out;
    }

    static Map<String, Object> identifier(Identifier id) {
        return Map.of("type", id.type(), "value", id.value());
    }

    /** {@code code}: what an order or authorization stores, the failure's code (or, before v2, the RFC type). */
    static Map<String, Object> error(String code, String detail, Identifier id) {
        AcmeErrorMapping.Problem problem = AcmeErrorMapping.ofCode(code);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", problem.urn());
        out.put("detail", AcmeErrorMapping.detail(problem, code, detail));
        if (id != null) {
            out.put("identifier", identifier(id));
        }
        return out;
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
