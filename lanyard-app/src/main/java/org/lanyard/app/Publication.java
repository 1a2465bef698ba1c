package org.lanyard.app;

import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lanyard.core.ca.PublicationUrls;
import org.lanyard.core.revocation.CrlPolicies;
import org.lanyard.core.revocation.CrlPolicy;
import org.lanyard.core.revocation.CrlSchedule;
import org.lanyard.core.revocation.CrlSchedules;
import org.lanyard.core.revocation.CrlShards;

/**
 * Where each issuer publishes: {@code <base>/crl/<issuer>/<shard>.crl} (and {@code -delta.crl}),
 * {@code <base>/ocsp}, {@code <base>/ca/<issuer>.crt}, with base the plain-HTTP URL. The shard
 * count and validities are the issuer's stored {@link CrlSchedule}, made from the defaults on
 * first use and fixed from then on.
 */
public final class Publication implements CrlPolicies, PublicationUrls {

    private final PublicationSettings settings;
    private final String base;
    private final CrlSchedules schedules;
    private final Map<String, CrlPolicy> policies = new ConcurrentHashMap<>();

    public Publication(PublicationSettings settings, String bindAddress, CrlSchedules schedules) {
        this.settings = settings;
        this.base = settings.baseUrl(bindAddress);
        this.schedules = schedules;
    }

    @Override
    public CrlPolicy of(String issuerId) {
        return policies.computeIfAbsent(issuerId, id -> {
            CrlSchedule schedule = schedules.saveIfAbsent(id, new CrlSchedule(settings.crlShards(),
                    settings.crlDeltas(), settings.crlValidity(), settings.deltaValidity()));
            String crl = base + "/crl/" + id + "/" + CrlShards.PLACEHOLDER;
            return new CrlPolicy(schedule.shards(), crl + ".crl", schedule.deltas() ? crl + "-delta.crl" : null,
                    schedule.validity(), schedule.deltaValidity(), true);
        });
    }

    @Override
    public Urls of(String issuerId, BigInteger serial) {
        CrlPolicy policy = of(issuerId);
        int shard = policy.shardOf(serial);
        return new Urls(CrlShards.url(policy.urlTemplate(), shard), ocspUrl(), base + "/ca/" + issuerId + ".crt",
                shard);
    }

    public String ocspUrl() {
        return base + "/ocsp";
    }

    public int httpPort() {
        return settings.httpPort();
    }
}
