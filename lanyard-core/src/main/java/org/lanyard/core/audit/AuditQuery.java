package org.lanyard.core.audit;

import java.time.Instant;
import org.lanyard.core.PageRequest;

/** Filters for searching the transaction log; {@code null} fields do not filter. Newest first. */
public record AuditQuery(String actor, String action, String target, Instant from, Instant to, PageRequest page) {
}
