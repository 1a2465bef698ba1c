package org.lanyard.core.audit;

import org.lanyard.core.Page;

/** The read side of {@link AuditLog}, for front ends: search only, never append. */
public interface AuditReader {

    Page<AuditEvent> search(AuditQuery query);
}
