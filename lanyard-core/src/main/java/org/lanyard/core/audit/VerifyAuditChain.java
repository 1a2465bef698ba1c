package org.lanyard.core.audit;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.lanyard.core.audit.AuditVerification.Problem;

/**
 * Checks the whole transaction log and names the first bad record. Reads records in storage
 * order and tells apart the four kinds of tampering:
 * <ul>
 *   <li>edited: a record's hash does not match its contents;</li>
 *   <li>deleted: a sequence number is missing;</li>
 *   <li>reordered: a record is stored after a record with a higher sequence number, or follows
 *       a record whose hash is not its previous hash;</li>
 *   <li>truncated: the newest records are gone, so the chain ends before the kept head.</li>
 * </ul>
 * See docs/flows/audit.md.
 */
public class VerifyAuditChain {

    private final AuditLog log;

    public VerifyAuditChain(AuditLog log) {
        this.log = log;
    }

    public AuditVerification verify() {
        List<AuditEvent> events = new ArrayList<>();
        log.forEachStored(events::add);
        BitSet seen = new BitSet();
        long max = 0;
        for (AuditEvent e : events) {
            if (e.sequence() > 0 && e.sequence() < Integer.MAX_VALUE) {
                seen.set((int) e.sequence());
            }
            max = Math.max(max, e.sequence());
        }
        // 1. contents: each record's own hash
        for (AuditEvent e : events) {
            if (!AuditChain.hash(e).equals(e.hash())) {
                return bad(events.size(), Problem.EDITED, e.sequence(),
                        "record " + e.sequence() + " was edited: its hash does not match its contents");
            }
        }
        // 2. completeness: every sequence from 1 to the highest one present
        int missing = seen.nextClearBit(1);
        if (missing <= max) {
            return bad(events.size(), Problem.DELETED, missing, "record " + missing + " was deleted");
        }
        // 3. order: storage order follows sequence order and each record links to the one before
        String previousHash = AuditChain.GENESIS;
        long previousSequence = 0;
        for (AuditEvent e : events) {
            if (e.sequence() != previousSequence + 1) {
                return bad(events.size(), Problem.REORDERED, e.sequence(), "record " + e.sequence()
                        + " is out of order: it is stored after record " + previousSequence);
            }
            if (!e.previousHash().equals(previousHash)) {
                long rewritten = previousSequence == 0 ? e.sequence() : previousSequence;
                return bad(events.size(), Problem.EDITED, rewritten, "record " + rewritten
                        + " was rewritten: record " + e.sequence() + " does not link to it");
            }
            previousSequence = e.sequence();
            previousHash = e.hash();
        }
        // 4. the end: the kept head must be the last record
        var head = log.head();
        if (head.isPresent()) {
            ChainHead h = head.get();
            if (h.sequence() > previousSequence) {
                return bad(events.size(), Problem.TRUNCATED, previousSequence + 1, "records "
                        + (previousSequence + 1) + " to " + h.sequence() + " were truncated from the end");
            }
            if (h.sequence() < previousSequence || !h.hash().equals(previousHash)) {
                return bad(events.size(), Problem.EDITED, previousSequence, "the chain head does not match record "
                        + previousSequence);
            }
        } else if (!events.isEmpty()) {
            return bad(events.size(), Problem.TRUNCATED, 1, "the chain head is missing");
        }
        return AuditVerification.ok(events.size());
    }

    private static AuditVerification bad(long checked, Problem problem, long sequence, String message) {
        return new AuditVerification(checked, problem, sequence, message);
    }
}
