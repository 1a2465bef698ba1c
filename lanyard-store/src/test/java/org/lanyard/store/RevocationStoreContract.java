package org.lanyard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lanyard.store.Fixtures.NOW;
import static org.lanyard.store.Fixtures.dns;
import static org.lanyard.store.Fixtures.issued;
import static org.lanyard.store.Fixtures.issuer;
import static org.lanyard.store.Fixtures.reservation;

import java.math.BigInteger;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lanyard.core.ca.CertificateStatus;
import org.lanyard.core.revocation.CrlRecord;
import org.lanyard.core.revocation.CrlSchedule;
import org.lanyard.core.revocation.OcspSignerRecord;
import org.lanyard.core.revocation.PublishedCrl;
import org.lanyard.core.revocation.Revocation;
import org.lanyard.core.revocation.RevocationChange;
import org.lanyard.core.revocation.RevocationReason;
import org.lanyard.core.revocation.RevocationStore;

/** {@code RevocationStore} and the other revocation ports, as docs/flows/revocation.md needs them. */
abstract class RevocationStoreContract extends StoreContract {

    private static final String[] TABLES = {"crl_policies", "crl_counters", "revocations", "revocation_changes",
        "crl_records", "published_crls", "ocsp_signers"};
    private static final Instant T = NOW.truncatedTo(ChronoUnit.SECONDS);

    private RevocationStore store;

    RevocationStoreContract(TestDatabase.Target target) {
        super(target);
    }

    @BeforeEach
    void emptyRevocationTables() throws SQLException {
        for (String table : TABLES) {
            execute(database, "DELETE FROM " + table);
        }
        store = database.revocations().revocations();
        database.issuers().save(issuer("a", true));
    }

    private static BigInteger serial(long value) {
        return BigInteger.valueOf(value);
    }

    @Test
    void revocationRoundTripsAndSequencesCountPerShard() {
        Revocation first = store.revoke(serial(0x10), "a", 0, RevocationReason.keyCompromise, T, T.minusSeconds(60));
        Revocation second = store.revoke(serial(0x20), "a", 0, RevocationReason.superseded, T, null);
        Revocation other = store.revoke(serial(0x31), "a", 1, RevocationReason.unspecified, T, null);

        assertThat(first.sequence()).isEqualTo(1);
        assertThat(second.sequence()).isEqualTo(2);
        assertThat(other.sequence()).isEqualTo(1);
        assertThat(store.find("a", serial(0x10))).contains(first);
        assertThat(store.find("b", serial(0x10))).isEmpty();
        assertThat(store.lastSequence("a", 0)).isEqualTo(2);
        assertThat(store.lastSequence("a", 7)).isZero();
    }

    @Test
    void aHoldIsMadePermanentOrLifted() {
        store.revoke(serial(0x10), "a", 0, RevocationReason.certificateHold, T, null);
        Revocation permanent = store.revoke(serial(0x10), "a", 0, RevocationReason.keyCompromise, T.plusSeconds(5),
                null);
        assertThat(store.find("a", serial(0x10))).contains(permanent);
        assertThatThrownBy(() -> store.revoke(serial(0x10), "a", 0, RevocationReason.superseded, T, null))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.release("a", serial(0x10), T)).isInstanceOf(IllegalStateException.class);

        store.revoke(serial(0x11), "a", 0, RevocationReason.certificateHold, T, null);
        RevocationChange released = store.release("a", serial(0x11), T.plusSeconds(9));
        assertThat(released.kind()).isEqualTo(RevocationChange.Kind.RELEASED);
        assertThat(released.sequence()).isEqualTo(4);
        assertThat(released.crlReason()).isEqualTo(RevocationReason.removeFromCRL);
        assertThat(store.find("a", serial(0x11))).isEmpty();
    }

    @Test
    void revokedSetStreamsInNumericSerialOrder() {
        BigInteger big = new BigInteger("7f" + "ab".repeat(19), 16);
        for (BigInteger s : List.of(serial(0x100), big, serial(0x0f), serial(0xff))) {
            store.revoke(s, "a", 2, RevocationReason.keyCompromise, T, null);
        }
        store.revoke(serial(0x05), "a", 3, RevocationReason.keyCompromise, T, null);
        List<BigInteger> seen = new ArrayList<>();
        store.forEachRevoked("a", 2, r -> seen.add(r.serial()));
        assertThat(seen).containsExactly(serial(0x0f), serial(0xff), serial(0x100), big);
    }

    @Test
    void changesAreSelectedBySequenceAndOrderedBySerial() {
        store.revoke(serial(0x30), "a", 0, RevocationReason.certificateHold, T, null); // 1
        store.revoke(serial(0x20), "a", 0, RevocationReason.keyCompromise, T, null); // 2
        store.release("a", serial(0x30), T); // 3
        store.revoke(serial(0x30), "a", 0, RevocationReason.certificateHold, T, null); // 4
        store.revoke(serial(0x10), "a", 0, RevocationReason.superseded, T, null); // 5

        List<String> seen = new ArrayList<>();
        store.forEachChange("a", 0, 1, 4, c -> seen.add(c.serial().toString(16) + "#" + c.sequence() + c.kind()));
        assertThat(seen).containsExactly("20#2REVOKED", "30#3RELEASED", "30#4REVOKED");
    }

    @Test
    void crlNumbersIncreaseAndTheNewestFullCrlIsTheBase() {
        assertThat(store.nextCrlNumber("a", 0)).isEqualTo(1);
        assertThat(store.nextCrlNumber("a", 0)).isEqualTo(2);
        assertThat(store.nextCrlNumber("a", 1)).isEqualTo(1);
        assertThat(store.latestFullCrl("a", 0)).isEmpty();
        store.saveCrl(new CrlRecord("a", 0, 1, 0, null, T, T.plusSeconds(60), 0));
        store.saveCrl(new CrlRecord("a", 0, 2, 3, null, T, T.plusSeconds(60), 3));
        store.saveCrl(new CrlRecord("a", 0, 3, 5, 2L, T, T.plusSeconds(60), 2));
        assertThat(store.latestFullCrl("a", 0).orElseThrow().number()).isEqualTo(2);
        assertThat(store.latestFullCrl("a", 0).orElseThrow().coversSequence()).isEqualTo(3);
    }

    @Test
    void concurrentRevocationsInOneShardGetDistinctSequences() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Revocation>> futures = new ArrayList<>();
            for (int i = 1; i <= 40; i++) {
                long s = i;
                futures.add(pool.submit(() -> database.transactions().inTransaction(
                        () -> store.revoke(serial(s), "a", 0, RevocationReason.keyCompromise, T, null))));
            }
            Set<Long> sequences = new HashSet<>();
            for (Future<Revocation> f : futures) {
                sequences.add(f.get().sequence());
            }
            assertThat(sequences).hasSize(40).allMatch(n -> n >= 1 && n <= 40);
            assertThat(store.lastSequence("a", 0)).isEqualTo(40);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void statusIsComparedAndSet() {
        var r = reservation(serial(0x77), "a", "CN=x", dns("x.example"));
        database.certificates().reserve(r);
        database.certificates().complete(issued(r, NOW.plus(Duration.ofDays(30)), new byte[] {1}));
        var statuses = database.revocations().statuses();

        assertThat(statuses.setStatus(serial(0x77), CertificateStatus.VALID, CertificateStatus.ON_HOLD)).isTrue();
        assertThat(statuses.setStatus(serial(0x77), CertificateStatus.VALID, CertificateStatus.REVOKED)).isFalse();
        assertThat(statuses.setStatus(serial(0x78), CertificateStatus.VALID, CertificateStatus.REVOKED)).isFalse();
        assertThat(database.certificates().find(serial(0x77)).orElseThrow().status())
                .isEqualTo(CertificateStatus.ON_HOLD);
    }

    @Test
    void publishedCrlsKeepTheNewestPerShardAndKind() {
        var published = database.revocations().publishedCrls();
        published.publish(new PublishedCrl("a", 0, false, 2, T, T.plusSeconds(60), new byte[] {2}));
        published.publish(new PublishedCrl("a", 0, false, 1, T, T.plusSeconds(60), new byte[] {1}));
        published.publish(new PublishedCrl("a", 0, true, 3, T, T.plusSeconds(30), new byte[] {3}));

        assertThat(published.latest("a", 0, false).orElseThrow().der()).containsExactly(2);
        assertThat(published.latest("a", 0, true).orElseThrow().number()).isEqualTo(3);
        assertThat(published.latest("a", 1, false)).isEmpty();
        published.publish(new PublishedCrl("a", 0, false, 4, T, T.plusSeconds(60), new byte[] {4}));
        assertThat(published.latest("a", 0, false).orElseThrow().der()).containsExactly(4);
    }

    @Test
    void theFirstCrlScheduleStays() {
        var schedules = database.revocations().crlSchedules();
        CrlSchedule first = new CrlSchedule(4, true, Duration.ofDays(1), Duration.ofHours(1));
        assertThat(schedules.find("a")).isEmpty();
        assertThat(schedules.saveIfAbsent("a", first)).isEqualTo(first);
        assertThat(schedules.saveIfAbsent("a", new CrlSchedule(8, false, Duration.ofDays(2), Duration.ofHours(2))))
                .isEqualTo(first);
    }

    @Test
    void theCurrentOcspSignerIsTheNewestValidOne() {
        var signers = database.revocations().ocspSigners();
        signers.save(new OcspSignerRecord("ocsp-a-1", "a", serial(1), T.minusSeconds(100), T.plusSeconds(100),
                new byte[] {1}));
        signers.save(new OcspSignerRecord("ocsp-a-2", "a", serial(2), T.minusSeconds(10), T.plusSeconds(1000),
                new byte[] {2}));
        signers.save(new OcspSignerRecord("ocsp-a-3", "a", serial(3), T.plusSeconds(10), T.plusSeconds(5000),
                new byte[] {3}));
        assertThat(signers.current("a", T).orElseThrow().keyAlias()).isEqualTo("ocsp-a-2");
        assertThat(signers.current("a", T.plusSeconds(2000)).orElseThrow().keyAlias()).isEqualTo("ocsp-a-3");
        assertThat(signers.current("b", T)).isEmpty();
    }
}
