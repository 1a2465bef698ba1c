package org.lanyard.core.revocation;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ocsp.RevokedInfo;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.lanyard.core.LanyardException;
import org.lanyard.core.ca.SignerContentSigner;
import org.lanyard.core.ca.CertificateStatus;
import org.lanyard.core.ca.CertificateStore;
import org.lanyard.core.ca.Serials;
import org.lanyard.core.revocation.OcspResponse.CertificateState;
import org.lanyard.core.revocation.OcspResponse.Outcome;
import org.lanyard.core.revocation.OcspResponse.SingleStatus;

/**
 * OCSP responder core (RFC 6960, RFC 5019 profile). Answers from the stores: the certificate
 * store says whether a serial was issued by the asked issuer and its status, the revocation
 * store gives reason and time. A serial this CA never issued (unknown, reserved, failed, or
 * issued by another CA) is answered {@code unknown}, never {@code good}. Responses are signed by
 * the issuer's delegated responder key and cached per (issuer, serial, CertID hash); a cached
 * response is used only while the certificate's status and revocation sequence are unchanged
 * (so a revocation on any node takes effect on the next request) and until it is
 * {@code refreshBefore} from its nextUpdate. Requests with a nonce are signed fresh. This method
 * family never throws: every failure is an OCSP error status. See docs/flows/revocation.md.
 */
public class OcspResponder {

    private record CacheKey(String issuerId, BigInteger serial, ASN1ObjectIdentifier hash) {
    }

    /** What a response depended on: if this differs now, the cached response is stale. */
    private record State(CertificateStatus status, long sequence) {
    }

    private record Lookup(State state, SingleStatus status) {
    }

    /** {@code id}: the CertID the response answers, so that it can be signed again for the same request. */
    private record Cached(OcspResponse response, State state, OcspSigningKey key, CertificateID id) {
    }

    /** What {@link #refreshCache} did: responses signed again, and entries dropped (no longer answerable). */
    public record CacheRefresh(int signed, int dropped, int cached) {
    }

    private final OcspSigningKeys keys;
    private final CertificateStore certificates;
    private final RevocationStore revocations;
    private final Clock clock;
    private final OcspSettings settings;
    private final Map<CacheKey, Cached> cache = new ConcurrentHashMap<>();

    public OcspResponder(OcspSigningKeys keys, CertificateStore certificates, RevocationStore revocations,
            Clock clock, OcspSettings settings) {
        this.keys = keys;
        this.certificates = certificates;
        this.revocations = revocations;
        this.clock = clock;
        this.settings = settings;
    }

    /** A POST body (RFC 6960 Appendix A.1). */
    public OcspResponse respond(byte[] der) {
        OcspQuery query;
        try {
            query = OcspRequestIntake.parse(der);
        } catch (LanyardException e) {
            return OcspResponse.error(Outcome.MALFORMED_REQUEST, e.code());
        }
        return respond(query);
    }

    /** The path of an RFC 5019 GET after the responder's base URL. */
    public OcspResponse respondGet(String path) {
        OcspQuery query;
        try {
            query = OcspRequestIntake.parseGetPath(path);
        } catch (LanyardException e) {
            return OcspResponse.error(Outcome.MALFORMED_REQUEST, e.code());
        }
        return respond(query);
    }

    public OcspResponse respond(OcspQuery query) {
        try {
            return answer(query);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return OcspResponse.error(Outcome.INTERNAL_ERROR, e.getMessage() + " (" + cause + ")");
        }
    }

    /**
     * Signs and caches the response for {@code serial} as RFC 5019 clients ask for it (SHA-1
     * CertID), so that the next request is served from the cache. For the refresh job.
     */
    public OcspResponse presign(String issuerId, BigInteger serial) {
        OcspSigningKey key = keys.current().stream().filter(k -> k.issuerId().equals(issuerId)).findFirst()
                .orElseThrow(() -> LanyardException.notFound("ocsp-issuer-unknown", "no OCSP key for " + issuerId));
        try {
            CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                    .get(CertificateID.HASH_SHA1),
                    new X509CertificateHolder(key.issuerCertificate().getEncoded()), serial);
            return respond(new OcspQuery(List.of(id), null));
        } catch (OperatorCreationException | OCSPException | IOException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Signs again every cached response that would stop being served within {@code ahead} (its
     * refresh point, {@code refreshBefore} ahead of nextUpdate, comes sooner), for the same
     * CertID, so that relying parties keep being answered from the cache instead of waiting for a
     * signature. The cache is this node's own, so every node runs this (the {@code ocsp-presign@<node>}
     * job, every {@code ahead}). A response that can no longer be signed (the issuer has no
     * responder key) leaves the cache.
     */
    public CacheRefresh refreshCache(Duration ahead) {
        Instant horizon = clock.instant().plus(ahead);
        int signed = 0;
        int dropped = 0;
        for (Map.Entry<CacheKey, Cached> entry : List.copyOf(cache.entrySet())) {
            Cached cached = entry.getValue();
            if (horizon.isBefore(cached.response().nextUpdate().minus(settings.refreshBefore()))) {
                continue; // still served from the cache after the horizon
            }
            cache.remove(entry.getKey(), cached); // else respond() would serve it again
            OcspResponse fresh = respond(new OcspQuery(List.of(cached.id()), null));
            if (fresh.outcome() == Outcome.SUCCESSFUL && cache.containsKey(entry.getKey())) {
                signed++;
            } else {
                cache.remove(entry.getKey());
                dropped++;
            }
        }
        return new CacheRefresh(signed, dropped, cache.size());
    }

    /** Drops cached responses for {@code serial} (the local node's fast path after a revocation). */
    public void invalidate(String issuerId, BigInteger serial) {
        cache.keySet().removeIf(k -> k.issuerId().equals(issuerId) && k.serial().equals(serial));
    }

    private OcspResponse answer(OcspQuery query) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        // 1. the issuer, by the name and key hashes of every CertID
        OcspSigningKey key = null;
        List<OcspSigningKey> current = keys.current();
        for (CertificateID id : query.ids()) {
            OcspSigningKey match = current.stream().filter(k -> k.matches(id.getHashAlgOID(), id.getIssuerNameHash(),
                    id.getIssuerKeyHash())).findFirst().orElse(null);
            if (match == null) {
                return OcspResponse.error(Outcome.UNAUTHORIZED, "ocsp-issuer-unknown");
            }
            if (key != null && !key.issuerId().equals(match.issuerId())) {
                return OcspResponse.error(Outcome.UNAUTHORIZED, "ocsp-issuers-mixed");
            }
            key = match;
        }
        Instant signerEnd = key.certificate().getNotAfter().toInstant();
        if (!now.isBefore(signerEnd) || now.isBefore(key.certificate().getNotBefore().toInstant())) {
            return OcspResponse.error(Outcome.TRY_LATER, "ocsp-signer-not-valid");
        }
        // 2. status of each serial, from the stores
        List<Lookup> lookups = new ArrayList<>();
        for (CertificateID id : query.ids()) {
            lookups.add(lookup(key.issuerId(), id.getSerialNumber()));
        }
        // 3. the cached response while nothing it depends on changed
        CacheKey cacheKey = query.cacheable() ? new CacheKey(key.issuerId(), query.ids().get(0).getSerialNumber(),
                query.ids().get(0).getHashAlgOID()) : null;
        if (cacheKey != null) {
            Cached cached = cache.get(cacheKey);
            if (cached != null && cached.state().equals(lookups.get(0).state()) && cached.key().equals(key)
                    && now.isBefore(cached.response().nextUpdate().minus(settings.refreshBefore()))) {
                return cached.response().servedFromCache();
            }
        }
        // 4. sign
        Instant nextUpdate = now.plus(settings.validity());
        if (nextUpdate.isAfter(signerEnd)) {
            nextUpdate = signerEnd;
        }
        OcspResponse response = sign(key, query, lookups, now, nextUpdate);
        if (cacheKey != null && settings.maxCachedResponses() > 0) {
            if (cache.size() >= settings.maxCachedResponses()) {
                cache.values().removeIf(c -> !now.isBefore(c.response().nextUpdate()));
                if (cache.size() >= settings.maxCachedResponses()) {
                    cache.clear();
                }
            }
            cache.put(cacheKey, new Cached(response, lookups.get(0).state(), key, query.ids().get(0)));
        }
        return response;
    }

    private Lookup lookup(String issuerId, BigInteger serial) {
        Optional<CertificateStore.IssuerAndStatus> record = serial.signum() > 0 ? certificates.status(serial)
                : Optional.empty();
        if (record.isEmpty() || !record.get().issuerId().equals(issuerId)) {
            return new Lookup(new State(null, 0), new SingleStatus(serial, CertificateState.UNKNOWN, null, null));
        }
        CertificateStatus status = record.get().status();
        return switch (status) {
            case RESERVED, FAILED -> new Lookup(new State(status, 0),
                    new SingleStatus(serial, CertificateState.UNKNOWN, null, null));
            case VALID -> new Lookup(new State(status, 0), new SingleStatus(serial, CertificateState.GOOD, null, null));
            case ON_HOLD, REVOKED -> {
                Revocation revocation = revocations.find(issuerId, serial).orElseThrow(() -> new IllegalStateException(
                        "certificate " + Serials.hex(serial) + " is " + status + " without a revocation entry"));
                yield new Lookup(new State(status, revocation.sequence()), new SingleStatus(serial,
                        revocation.onHold() ? CertificateState.HELD : CertificateState.REVOKED, revocation.reason(),
                        revocation.revokedAt()));
            }
        };
    }

    private static OcspResponse sign(OcspSigningKey key, OcspQuery query, List<Lookup> lookups, Instant thisUpdate,
            Instant nextUpdate) {
        try {
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(
                    SubjectPublicKeyInfo.getInstance(key.certificate().getPublicKey().getEncoded()),
                    new JcaDigestCalculatorProviderBuilder().build().get(RespID.HASH_SHA1)));
            List<SingleStatus> statuses = new ArrayList<>();
            for (int i = 0; i < query.ids().size(); i++) {
                SingleStatus status = lookups.get(i).status();
                builder.addResponse(query.ids().get(i), bcStatus(status), Date.from(thisUpdate), Date.from(nextUpdate),
                        null);
                statuses.add(status);
            }
            if (query.nonce() != null) {
                builder.setResponseExtensions(new Extensions(query.nonce()));
            }
            BasicOCSPResp basic = builder.build(new SignerContentSigner(key.signer()),
                    new X509CertificateHolder[] {new X509CertificateHolder(key.certificate().getEncoded())},
                    Date.from(thisUpdate));
            byte[] der = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
            return new OcspResponse(Outcome.SUCCESSFUL, der, statuses, thisUpdate, nextUpdate, query.nonce() == null,
                    false, null);
        } catch (OperatorCreationException | OCSPException | IOException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot sign the OCSP response", e);
        }
    }

    private static org.bouncycastle.cert.ocsp.CertificateStatus bcStatus(SingleStatus status) {
        return switch (status.state()) {
            case GOOD -> org.bouncycastle.cert.ocsp.CertificateStatus.GOOD;
            case UNKNOWN -> new UnknownStatus();
            case REVOKED, HELD -> new RevokedStatus(new RevokedInfo(
                    new ASN1GeneralizedTime(Date.from(status.revokedAt())),
                    status.reason() == RevocationReason.unspecified ? null : CRLReason.lookup(status.reason().code())));
        };
    }
}
