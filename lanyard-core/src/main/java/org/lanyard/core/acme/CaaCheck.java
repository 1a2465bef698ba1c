package org.lanyard.core.acme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * RFC 8659 CAA processing. Each identifier is judged by its own relevant RRset (the closest
 * ancestor-or-self that has CAA records), never by another identifier's: Let's Encrypt revoked
 * 3 million certificates in 2020 for re-using one name's result for all names of an order. One
 * {@link #check} looks each name up at most once (a memo that lives for that call only).
 */
public class CaaCheck {

    private final CaaLookup lookup;
    private final List<String> identities;

    public CaaCheck(CaaLookup lookup, List<String> identities) {
        this.lookup = lookup;
        this.identities = identities.stream().map(i -> i.toLowerCase(Locale.ROOT)).toList();
    }

    /** Refuses with {@code caa} (subproblem per refused identifier) unless every identifier may be issued. */
    public void check(List<Identifier> identifiers) {
        Map<String, List<CaaRecord>> memo = new HashMap<>();
        List<AcmeError.Subproblem> refused = new ArrayList<>();
        for (Identifier id : identifiers) {
            refusal(id, memo).ifPresent(reason -> refused.add(new AcmeError.Subproblem(AcmeError.CAA.code().code(), reason, id)));
        }
        if (!refused.isEmpty()) {
            throw AcmeError.CAA.exception(refused.size() == 1 ? refused.get(0).detail()
                    : "CAA records forbid issuance for " + refused.size() + " identifiers",
                    Map.of(AcmeError.SUBPROBLEMS, refused));
        }
    }

    private Optional<String> refusal(Identifier id, Map<String, List<CaaRecord>> memo) {
        String name = id.domain();
        List<CaaRecord> relevant = List.of();
        String at = name;
        while (true) {
            List<CaaRecord> records = memo.computeIfAbsent(at, lookup::lookup);
            if (!records.isEmpty()) {
                relevant = records;
                break;
            }
            int dot = at.indexOf('.');
            if (dot < 0) {
                break;
            }
            at = at.substring(dot + 1);
        }
        if (relevant.isEmpty()) {
            return Optional.empty();
        }
        for (CaaRecord r : relevant) {
            String tag = r.tag().toLowerCase(Locale.ROOT);
            if (r.critical() && !List.of("issue", "issuewild", "iodef").contains(tag)) {
                return Optional.of("CAA record at " + at + " has an unknown critical property '" + r.tag() + "'");
            }
        }
        String tag = id.wildcard() && relevant.stream().anyMatch(r -> r.tag().equalsIgnoreCase("issuewild"))
                ? "issuewild" : "issue";
        List<CaaRecord> issue = relevant.stream().filter(r -> r.tag().equalsIgnoreCase(tag)).toList();
        if (issue.isEmpty()) {
            return Optional.empty();
        }
        for (CaaRecord r : issue) {
            String domain = r.value().split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (!domain.isEmpty() && identities.contains(domain)) {
                return Optional.empty();
            }
        }
        return Optional.of("CAA records at " + at + " do not allow this CA to issue for " + id.value());
    }
}
