package org.lanyard.core.audit;

import java.time.Instant;

/**
 * One record of the transaction log. {@code hash} covers every other field, including
 * {@code previousHash}, so editing, deleting or reordering records breaks the chain
 * (see {@link AuditChain} and docs/flows/audit.md).
 */
public record AuditEvent(
        long sequence,
        String nodeId,
        Instant time,
        String actor,
        String action,
        String target,
        String details,
        String previousHash,
        String hash) {
}
