package org.lanyard.core.revocation;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.lanyard.core.LanyardException;
import org.lanyard.core.ca.ActiveIssuer;
import org.lanyard.core.ca.Certificates;

/**
 * Writes full and delta CRLs (RFC 5280 §5) of one issuer's shard as DER, in memory bounded by
 * the size of one entry, whatever the number of revocations. Entries stream from the
 * {@link RevocationStore} into a spill file (their total length must be known before the
 * TBSCertList header); the TBSCertList is then fed to {@link org.lanyard.core.ca.Signer#sign(InputStream)}
 * from that file and finally copied to the output after its header. Steps and extensions are
 * described in docs/flows/revocation.md.
 */
public class CrlWriter {

    private static final byte[] VERSION_2 = {0x02, 0x01, 0x01};
    private static final int BUFFER = 64 * 1024;

    private final RevocationStore store;
    private final Clock clock;
    private final Path spillDirectory;

    /** @param spillDirectory where the entry spill file goes (the system temp directory when null) */
    public CrlWriter(RevocationStore store, Clock clock, Path spillDirectory) {
        this.store = store;
        this.clock = clock;
        this.spillDirectory = spillDirectory;
    }

    /** Writes the full CRL of {@code shard} to {@code out}, records it and returns its record. */
    public CrlRecord writeFull(ActiveIssuer issuer, CrlPolicy policy, int shard, OutputStream out) {
        String issuerId = issuer.issuer().id();
        checkShard(policy, shard);
        // 1. the change sequence covered is read first: everything up to it is in the store's view
        long covers = store.lastSequence(issuerId, shard);
        long number = store.nextCrlNumber(issuerId, shard);
        Instant thisUpdate = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant nextUpdate = thisUpdate.plus(policy.validity());
        ExtensionsGenerator ext = commonExtensions(issuer, policy, shard, number);
        if (policy.deltas()) {
            addExtension(ext, Extension.freshestCRL, false, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(uriName(CrlShards.url(policy.deltaUrlTemplate(), shard)), null, null)}));
        }
        // 2. entries, 3. sign, 4. write
        long entries = write(issuer, thisUpdate, nextUpdate, ext, out,
                sink -> store.forEachRevoked(issuerId, shard, r -> sink.accept(
                        Der.crlEntry(r.serial(), r.revokedAt(), r.reason(), r.invalidityDate()))));
        CrlRecord record = new CrlRecord(issuerId, shard, number, covers, null, thisUpdate, nextUpdate, entries);
        store.saveCrl(record);
        return record;
    }

    /**
     * Writes a delta CRL on the newest full CRL of {@code shard}: exactly the changes after the
     * sequence that full CRL covers, one entry per serial in its latest state; lifted holds are
     * listed as {@code removeFromCRL}.
     *
     * @throws LanyardException {@code crl-base-missing} (CONFLICT) before the first full CRL
     */
    public CrlRecord writeDelta(ActiveIssuer issuer, CrlPolicy policy, int shard, OutputStream out) {
        String issuerId = issuer.issuer().id();
        checkShard(policy, shard);
        CrlRecord base = store.latestFullCrl(issuerId, shard).orElseThrow(() -> LanyardException.conflict(
                "crl-base-missing", "no full CRL of " + issuerId + " shard " + shard + " to base a delta on"));
        long covers = store.lastSequence(issuerId, shard);
        long number = store.nextCrlNumber(issuerId, shard);
        Instant thisUpdate = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant nextUpdate = thisUpdate.plus(policy.deltaValidity());
        ExtensionsGenerator ext = commonExtensions(issuer, policy, shard, number);
        addExtension(ext, Extension.deltaCRLIndicator, true, new CRLNumber(BigInteger.valueOf(base.number())));
        long entries = write(issuer, thisUpdate, nextUpdate, ext, out, sink -> {
            LatestPerSerial latest = new LatestPerSerial(sink);
            store.forEachChange(issuerId, shard, base.coversSequence(), covers, latest);
            latest.flush();
        });
        CrlRecord record = new CrlRecord(issuerId, shard, number, covers, base.number(), thisUpdate, nextUpdate,
                entries);
        store.saveCrl(record);
        return record;
    }

    private static void checkShard(CrlPolicy policy, int shard) {
        if (shard < 0 || shard >= policy.shards()) {
            throw LanyardException.notFound("crl-shard-unknown", "shard " + shard + " does not exist");
        }
    }

    /** CRL Number, Authority Key Identifier, Issuing Distribution Point (critical). */
    private static ExtensionsGenerator commonExtensions(ActiveIssuer issuer, CrlPolicy policy, int shard,
            long number) {
        ExtensionsGenerator ext = new ExtensionsGenerator();
        addExtension(ext, Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)));
        addExtension(ext, Extension.authorityKeyIdentifier, false,
                new AuthorityKeyIdentifier(keyId(issuer.issuer().certificate())));
        addExtension(ext, Extension.issuingDistributionPoint, true, new IssuingDistributionPoint(
                uriName(CrlShards.url(policy.urlTemplate(), shard)), policy.onlyUserCerts(), false, null, false,
                false));
        return ext;
    }

    private long write(ActiveIssuer issuer, Instant thisUpdate, Instant nextUpdate, ExtensionsGenerator ext,
            OutputStream out, Consumer<Consumer<byte[]>> entrySource) {
        Path spill = null;
        try {
            spill = spillDirectory == null ? Files.createTempFile("lanyard-crl", ".der")
                    : Files.createTempFile(spillDirectory, "lanyard-crl", ".der");
            long[] count = {0};
            long[] length = {0};
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(spill), BUFFER)) {
                entrySource.accept(entry -> {
                    try {
                        file.write(entry);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    count[0]++;
                    length[0] += entry.length;
                });
            }
            byte[] algorithm = Certificates.signatureAlgorithm(issuer.signer().algorithm()).getEncoded(ASN1Encoding.DER);
            byte[] head = Der.concat(VERSION_2, algorithm,
                    issuer.issuer().certificate().getSubjectX500Principal().getEncoded(), Der.time(thisUpdate),
                    Der.time(nextUpdate), count[0] == 0 ? new byte[0] : Der.header(Der.SEQUENCE, length[0]));
            byte[] tail = new DERTaggedObject(true, 0, ext.generate()).getEncoded(ASN1Encoding.DER);
            long entriesLength = count[0] == 0 ? 0 : length[0];
            byte[] tbsHeader = Der.header(Der.SEQUENCE, head.length + entriesLength + tail.length);

            byte[] signature;
            try (InputStream tbs = tbs(tbsHeader, head, spill, tail)) {
                signature = issuer.signer().sign(tbs);
            }
            byte[] bits = Der.concat(Der.header(0x03, signature.length + 1L), new byte[] {0}, signature);
            long tbsLength = tbsHeader.length + head.length + entriesLength + tail.length;
            out.write(Der.header(Der.SEQUENCE, tbsLength + algorithm.length + bits.length));
            try (InputStream tbs = tbs(tbsHeader, head, spill, tail)) {
                tbs.transferTo(out);
            }
            out.write(algorithm);
            out.write(bits);
            out.flush();
            return count[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (spill != null) {
                try {
                    Files.deleteIfExists(spill);
                } catch (IOException ignored) {
                    // the temp directory is cleaned eventually; the CRL itself is complete
                }
            }
        }
    }

    private static InputStream tbs(byte[] header, byte[] head, Path entries, byte[] tail) throws IOException {
        List<InputStream> parts = List.of(new ByteArrayInputStream(header), new ByteArrayInputStream(head),
                new BufferedInputStream(Files.newInputStream(entries), BUFFER), new ByteArrayInputStream(tail));
        return new SequenceInputStream(Collections.enumeration(parts));
    }

    private static DistributionPointName uriName(String url) {
        return new DistributionPointName(new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, url)));
    }

    private static byte[] keyId(X509Certificate certificate) {
        byte[] ski = certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        if (ski != null) {
            return SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(ski).getOctets()).getKeyIdentifier();
        }
        return new BcX509ExtensionUtils().createSubjectKeyIdentifier(
                SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded())).getKeyIdentifier();
    }

    private static void addExtension(ExtensionsGenerator ext, org.bouncycastle.asn1.ASN1ObjectIdentifier oid,
            boolean critical, org.bouncycastle.asn1.ASN1Encodable value) {
        try {
            ext.addExtension(oid, critical, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Collapses changes ordered by serial, then sequence, to the last change of each serial. */
    private static final class LatestPerSerial implements Consumer<RevocationChange> {

        private final Consumer<byte[]> sink;
        private RevocationChange pending;

        LatestPerSerial(Consumer<byte[]> sink) {
            this.sink = sink;
        }

        @Override
        public void accept(RevocationChange change) {
            if (pending != null && !pending.serial().equals(change.serial())) {
                if (pending.serial().compareTo(change.serial()) > 0) {
                    throw new IllegalStateException("the store must hand out changes ordered by serial");
                }
                flush();
            }
            pending = change;
        }

        void flush() {
            if (pending != null) {
                sink.accept(Der.crlEntry(pending.serial(), pending.at(), pending.crlReason(),
                        pending.kind() == RevocationChange.Kind.REVOKED ? pending.invalidityDate() : null));
                pending = null;
            }
        }
    }
}
