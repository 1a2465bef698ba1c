package org.lanyard.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lanyard.core.Actor;
import org.lanyard.core.audit.AuditVerification.Problem;
import org.lanyard.core.testing.MemoryAuditLog;
import org.lanyard.core.testing.MutableClock;
import org.lanyard.core.testing.TestSystem;

class AuditChainTest {

    private final MemoryAuditLog log = new MemoryAuditLog();
    private final MutableClock clock = new MutableClock(TestSystem.START);
    private final VerifyAuditChain verify = new VerifyAuditChain(log);

    @BeforeEach
    void tenRecords() {
        AuditTrail node1 = new AuditTrail(log, clock, "node-1");
        AuditTrail node2 = new AuditTrail(log, clock, "node-2");
        for (int i = 1; i <= 10; i++) {
            clock.advance(Duration.ofSeconds(1));
            (i % 2 == 0 ? node2 : node1).record(new Actor("op-" + i, "alice"), "thing.done", "target-" + i,
                    Map.of("n", Integer.toString(i), "note", "line\n\"quoted\""));
        }
    }

    private List<AuditEvent> records() {
        return log.stored();
    }

    @Test
    void recordsAreChainedWithNodeAndSequence() {
        assertThat(records()).extracting(AuditEvent::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(records().get(0).previousHash()).isEqualTo(AuditChain.GENESIS);
        for (int i = 1; i < records().size(); i++) {
            assertThat(records().get(i).previousHash()).isEqualTo(records().get(i - 1).hash());
        }
        assertThat(records()).extracting(AuditEvent::nodeId).startsWith("node-1", "node-2", "node-1");
        assertThat(records().get(2).actor()).isEqualTo("alice (op-3)");
        assertThat(records().get(2).details()).isEqualTo("{\"n\":\"3\",\"note\":\"line\\n\\\"quoted\\\"\"}");
        assertThat(records().get(9).hash()).isEqualTo(AuditChain.hash(records().get(9))).hasSize(64);
        assertThat(log.head()).contains(new ChainHead(10, records().get(9).hash()));
        AuditVerification ok = verify.verify();
        assertThat(ok.intact()).isTrue();
        assertThat(ok.recordsChecked()).isEqualTo(10);
    }

    @Test
    void hashCoversEveryField() {
        AuditEvent e = records().get(4);
        String h = e.hash();
        assertThat(AuditChain.hash(e.sequence() + 1, e.nodeId(), e.time(), e.actor(), e.action(), e.target(),
                e.details(), e.previousHash())).isNotEqualTo(h);
        assertThat(AuditChain.hash(e.sequence(), "node-x", e.time(), e.actor(), e.action(), e.target(), e.details(),
                e.previousHash())).isNotEqualTo(h);
        assertThat(AuditChain.hash(e.sequence(), e.nodeId(), e.time().plusMillis(1), e.actor(), e.action(),
                e.target(), e.details(), e.previousHash())).isNotEqualTo(h);
        assertThat(AuditChain.hash(e.sequence(), e.nodeId(), e.time(), "mallory", e.action(), e.target(),
                e.details(), e.previousHash())).isNotEqualTo(h);
        assertThat(AuditChain.hash(e.sequence(), e.nodeId(), e.time(), e.actor(), "x", e.target(), e.details(),
                e.previousHash())).isNotEqualTo(h);
        assertThat(AuditChain.hash(e.sequence(), e.nodeId(), e.time(), e.actor(), e.action(), "t", e.details(),
                e.previousHash())).isNotEqualTo(h);
        assertThat(AuditChain.hash(e.sequence(), e.nodeId(), e.time(), e.actor(), e.action(), e.target(), "{}",
                e.previousHash())).isNotEqualTo(h);
        assertThat(AuditChain.hash(e.sequence(), e.nodeId(), e.time(), e.actor(), e.action(), e.target(),
                e.details(), AuditChain.GENESIS)).isNotEqualTo(h);
        // length prefixes: moving a character from one field to the next changes the hash
        assertThat(AuditChain.hash(1, "ab", e.time(), "c", "", "", "", "")).isNotEqualTo(
                AuditChain.hash(1, "a", e.time(), "bc", "", "", "", ""));
    }

    @Test
    void editedRecordIsNamed() {
        AuditEvent e = records().get(3);
        records().set(3, new AuditEvent(e.sequence(), e.nodeId(), e.time(), e.actor(), e.action(), "other-target",
                e.details(), e.previousHash(), e.hash()));
        assertProblem(Problem.EDITED, 4);
    }

    @Test
    void editedRecordWithRecomputedHashIsNamed() {
        AuditEvent e = records().get(3);
        String details = "{\"n\":\"forged\"}";
        records().set(3, new AuditEvent(e.sequence(), e.nodeId(), e.time(), e.actor(), e.action(), e.target(), details,
                e.previousHash(), AuditChain.hash(e.sequence(), e.nodeId(), e.time(), e.actor(), e.action(), e.target(),
                        details, e.previousHash())));
        assertProblem(Problem.EDITED, 4);
    }

    @Test
    void lastRecordEditedWithRecomputedHashShowsAgainstTheHead() {
        AuditEvent e = records().get(9);
        records().set(9, new AuditEvent(e.sequence(), e.nodeId(), e.time(), "mallory", e.action(), e.target(),
                e.details(), e.previousHash(), AuditChain.hash(e.sequence(), e.nodeId(), e.time(), "mallory",
                        e.action(), e.target(), e.details(), e.previousHash())));
        assertProblem(Problem.EDITED, 10);
    }

    @Test
    void deletedRecordIsNamed() {
        records().remove(6);
        assertProblem(Problem.DELETED, 7);
    }

    @Test
    void deletedFirstRecordIsNamed() {
        records().remove(0);
        assertProblem(Problem.DELETED, 1);
    }

    @Test
    void reorderedRecordsAreNamed() {
        AuditEvent fourth = records().remove(3);
        records().add(4, fourth); // stored order 1 2 3 5 4 6 ...
        assertProblem(Problem.REORDERED, 5);
    }

    @Test
    void replayedRecordIsNamed() {
        records().add(5, records().get(2));
        assertProblem(Problem.REORDERED, 3);
    }

    @Test
    void truncatedTailIsDetectedThroughTheHead() {
        records().subList(7, 10).clear(); // records 8, 9, 10 gone; the head still says 10
        AuditVerification v = assertProblem(Problem.TRUNCATED, 8);
        assertThat(v.message()).contains("8 to 10");
    }

    @Test
    void everythingDeletedButTheHeadIsTruncation() {
        records().clear();
        assertProblem(Problem.TRUNCATED, 1);
    }

    @Test
    void missingHeadIsTruncation() {
        log.setHead(null);
        assertProblem(Problem.TRUNCATED, 1);
    }

    @Test
    void headThatNamesAnotherRecordIsEdited() {
        log.setHead(new ChainHead(10, records().get(8).hash()));
        assertProblem(Problem.EDITED, 10);
    }

    /**
     * The limit docs/flows/audit.md states: whoever rewrites the records and the head row
     * consistently can cut the tail unseen. Anchoring the head outside the database closes it.
     */
    @Test
    void truncationWithTheHeadRewoundIsNotDetectable() {
        records().subList(7, 10).clear();
        log.setHead(new ChainHead(7, records().get(6).hash()));
        assertThat(verify.verify().intact()).isTrue();
    }

    @Test
    void emptyLogIsIntact() {
        MemoryAuditLog empty = new MemoryAuditLog();
        assertThat(new VerifyAuditChain(empty).verify().intact()).isTrue();
    }

    private AuditVerification assertProblem(Problem problem, long sequence) {
        AuditVerification v = verify.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.problem()).as(v.message()).isEqualTo(problem);
        assertThat(v.sequence()).as(v.message()).isEqualTo(sequence);
        return v;
    }
}
