package org.lanyard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lanyard.store.Fixtures.NOW;
import static org.lanyard.store.Fixtures.dns;
import static org.lanyard.store.Fixtures.issued;
import static org.lanyard.store.Fixtures.issuer;
import static org.lanyard.store.Fixtures.reservation;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lanyard.core.Page;
import org.lanyard.core.PageRequest;
import org.lanyard.core.ca.CertificateQuery;
import org.lanyard.core.ca.CertificateRecord;
import org.lanyard.core.ca.CertificateStatus;
import org.lanyard.core.ca.CertificateStore;
import org.lanyard.core.ca.CertificateStore.SerialInUseException;
import org.lanyard.core.ca.SanType;
import org.lanyard.core.ca.SubjectAltName;

abstract class CertificateStoreContract extends StoreContract {

    /** 20 octets, the most RFC 5280 allows. */
    private static final BigInteger BIG = new BigInteger("7f" + "ab".repeat(19), 16);

    private CertificateStore store;

    CertificateStoreContract(TestDatabase.Target target) {
        super(target);
    }

    @BeforeEach
    void issuers() {
        store = database.certificates();
        database.issuers().save(issuer("a", true));
        database.issuers().save(issuer("b", false));
    }

    @Test
    void reservationRoundTrips() {
        CertificateRecord r = reservation(BIG, "a", "CN=Alice,O=Example", dns("alice.example.com"),
                new SubjectAltName(SanType.EMAIL, "alice@example.com"), new SubjectAltName(SanType.IP, "10.0.0.1"));

        store.reserve(r);

        CertificateRecord read = store.find(BIG).orElseThrow();
        assertThat(read).usingRecursiveComparison().isEqualTo(r);
        assertThat(read.serialHex()).isEqualTo("7f" + "ab".repeat(19));
    }

    @Test
    void completeStoresTheCertificate() {
        CertificateRecord r = reservation(BigInteger.valueOf(0x1234), "a", "CN=x", dns("x.example"));
        store.reserve(r);
        CertificateRecord done = issued(r, NOW.plus(Duration.ofDays(90)), new byte[] {0x30, 0x03, 1, 2, 3});

        store.complete(done);

        assertThat(store.find(r.serial()).orElseThrow()).usingRecursiveComparison().isEqualTo(done);
    }

    @Test
    void theLintedTbsHashIsStoredWithTheReservationAndKeptWhenIssued() {
        String hash = "5e".repeat(32);
        CertificateRecord plain = reservation(BigInteger.valueOf(0xabc), "a", "CN=h", dns("h.example"));
        CertificateRecord r = new CertificateRecord(plain.serial(), plain.issuerId(), plain.profileId(),
                plain.status(), plain.subject(), plain.subjectAltNames(), null, null, plain.keyAlgorithm(),
                plain.requestedBy(), plain.createdAt(), null, null, hash);

        store.reserve(r);

        assertThat(store.tbsHash(r.serial())).contains(hash);
        assertThat(store.find(r.serial()).orElseThrow()).usingRecursiveComparison().isEqualTo(r);
        CertificateRecord done = issued(r, NOW.plus(Duration.ofDays(9)), new byte[] {0x30, 0x00});
        store.complete(done);
        assertThat(store.find(r.serial()).orElseThrow().tbsHash()).isEqualTo(hash);
        assertThat(store.search(CertificateQuery.all(new PageRequest(0, 10))).items())
                .extracting(CertificateRecord::tbsHash).containsExactly(hash);
        store.fail(r.serial(), "x");
        assertThat(store.tbsHash(r.serial())).as("kept on a failed record").contains(hash);
        // a reservation that never passed the lint, and a serial nobody holds, have none
        CertificateRecord unlinted = reservation(BigInteger.valueOf(0xabd), "a", "CN=u", dns("u.example"));
        store.reserve(unlinted);
        assertThat(store.tbsHash(unlinted.serial())).isEmpty();
        assertThat(store.tbsHash(BigInteger.valueOf(0xdead))).isEmpty();
    }

    @Test
    void statusIsTheLightLookupOfIssuerAndStatus() {
        CertificateRecord r = reservation(BigInteger.valueOf(0x5678), "a", "CN=s", dns("s.example"));
        store.reserve(r);
        assertThat(store.status(r.serial())).contains(new CertificateStore.IssuerAndStatus("a",
                CertificateStatus.RESERVED));
        store.complete(issued(r, NOW.plus(Duration.ofDays(9)), new byte[] {0x30, 0x00}));
        assertThat(store.status(r.serial())).contains(new CertificateStore.IssuerAndStatus("a",
                CertificateStatus.VALID));
        assertThat(store.status(BigInteger.valueOf(0x9999))).isEmpty();
    }

    @Test
    void failRecordsTheReason() {
        CertificateRecord r = reservation(BigInteger.valueOf(77), "a", "CN=x");
        store.reserve(r);

        store.fail(r.serial(), "lint-failed");

        CertificateRecord read = store.find(r.serial()).orElseThrow();
        assertThat(read.status()).isEqualTo(CertificateStatus.FAILED);
        assertThat(read.failureReason()).isEqualTo("lint-failed");
        assertThat(read.der()).isNull();
    }

    @Test
    void duplicateSerialIsRefusedAndTheFirstKept() {
        store.reserve(reservation(BigInteger.valueOf(5), "a", "CN=first", dns("first.example")));

        assertThatThrownBy(() -> store.reserve(reservation(BigInteger.valueOf(5), "b", "CN=second")))
                .isInstanceOf(SerialInUseException.class).hasMessageContaining("05");

        CertificateRecord kept = store.find(BigInteger.valueOf(5)).orElseThrow();
        assertThat(kept.subject()).isEqualTo("CN=first");
        assertThat(kept.subjectAltNames()).containsExactly(dns("first.example"));
    }

    @Test
    void aCollisionInsideATransactionLeavesItUsable() {
        store.reserve(reservation(BigInteger.valueOf(5), "a", "CN=first"));

        database.transactions().run(() -> {
            assertThatThrownBy(() -> store.reserve(reservation(BigInteger.valueOf(5), "a", "CN=again")))
                    .isInstanceOf(SerialInUseException.class);
            store.reserve(reservation(BigInteger.valueOf(6), "a", "CN=again"));
        });

        assertThat(store.find(BigInteger.valueOf(6))).isPresent();
    }

    @Test
    void unknownSerialIsEmpty() {
        assertThat(store.find(BigInteger.valueOf(404))).isEmpty();
    }

    @Test
    void searchFiltersByEveryField() {
        Instant june = Instant.parse("2026-06-01T00:00:00Z");
        Instant july = Instant.parse("2026-07-01T00:00:00Z");
        save(1, "a", "tls-server", "CN=Alice,O=Example", june, dns("alice.example.com"));
        save(2, "a", "tls-client", "CN=Bob,O=Example", july, dns("bob.example.org"));
        save(3, "b", "tls-server", "CN=carol,O=Other", july.plusSeconds(1), dns("www.alice.example.net"));
        store.reserve(reservation(BigInteger.valueOf(4), "a", "CN=Reserved"));

        assertThat(serials(query("ALICE", null, null, null, null, null, null))).containsExactly(1);
        assertThat(serials(query(null, "Alice.Example", null, null, null, null, null))).containsExactly(3, 1);
        assertThat(serials(query(null, null, "tls-client", null, null, null, null))).containsExactly(2);
        assertThat(serials(query(null, null, null, "b", null, null, null))).containsExactly(3);
        assertThat(serials(query(null, null, null, null, CertificateStatus.RESERVED, null, null)))
                .containsExactly(4);
        // expiry: after inclusive, before exclusive
        assertThat(serials(query(null, null, null, null, null, july, null))).containsExactly(3, 2);
        assertThat(serials(query(null, null, null, null, null, june, july))).containsExactly(1);
        assertThat(serials(query("example", "example", "tls-server", "a", CertificateStatus.VALID, june,
                july.plusSeconds(5)))).containsExactly(1);
    }

    @Test
    void searchTreatsWildcardsLiterally() {
        save(1, "a", "p", "CN=100% sure", NOW, dns("a_b.example"));
        save(2, "a", "p", "CN=1000 sure", NOW, dns("axb.example"));

        assertThat(serials(query("100%", null, null, null, null, null, null))).containsExactly(1);
        assertThat(serials(query(null, "a_b", null, null, null, null, null))).containsExactly(1);
    }

    @Test
    void searchPagesNewestFirstWithTheTotal() {
        for (int i = 1; i <= 7; i++) {
            store.reserve(new CertificateRecord(BigInteger.valueOf(i), "a", "p", CertificateStatus.RESERVED,
                    "CN=n" + i, List.of(), null, null, "p256", "x", NOW.plusSeconds(i), null, null));
        }

        Page<CertificateRecord> first = store.search(CertificateQuery.all(new PageRequest(0, 3)));
        Page<CertificateRecord> last = store.search(CertificateQuery.all(new PageRequest(2, 3)));
        Page<CertificateRecord> beyond = store.search(CertificateQuery.all(new PageRequest(5, 3)));

        assertThat(first.items()).extracting(r -> r.serial().intValue()).containsExactly(7, 6, 5);
        assertThat(first.total()).isEqualTo(7);
        assertThat(first.page()).isZero();
        assertThat(first.size()).isEqualTo(3);
        assertThat(last.items()).extracting(r -> r.serial().intValue()).containsExactly(1);
        assertThat(last.total()).isEqualTo(7);
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(7);
    }

    @Test
    void searchReturnsSansInOrder() {
        save(1, "a", "p", "CN=x", NOW, dns("b.example"), dns("a.example"), dns("c.example"));

        assertThat(store.search(CertificateQuery.all(new PageRequest(0, 10))).items().get(0).subjectAltNames())
                .containsExactly(dns("b.example"), dns("a.example"), dns("c.example"));
    }

    private void save(int serial, String issuerId, String profile, String subject, Instant notAfter,
            SubjectAltName... sans) {
        CertificateRecord r = new CertificateRecord(BigInteger.valueOf(serial), issuerId, profile,
                CertificateStatus.RESERVED, subject, List.of(sans), null, null, "p256", "x", NOW.plusSeconds(serial),
                null, null);
        store.reserve(r);
        store.complete(issued(r, notAfter, new byte[] {1}));
    }

    private CertificateQuery query(String subject, String san, String profile, String issuerId,
            CertificateStatus status, Instant after, Instant before) {
        return new CertificateQuery(subject, san, profile, issuerId, status, after, before, new PageRequest(0, 50));
    }

    private List<Integer> serials(CertificateQuery query) {
        Page<CertificateRecord> page = store.search(query);
        assertThat(page.total()).isEqualTo(page.items().size());
        return page.items().stream().map(r -> r.serial().intValue()).toList();
    }
}
