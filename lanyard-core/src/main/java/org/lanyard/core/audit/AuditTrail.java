package org.lanyard.core.audit;

import java.time.Clock;
import java.util.Map;
import org.lanyard.core.Actor;
import org.lanyard.core.Json;

/**
 * Writes audit events onto the chain. Call inside the transaction of the state change it
 * records, so both commit or neither does (DESIGN.md §5, invariant 4).
 */
public class AuditTrail {

    private final AuditLog log;
    private final Clock clock;
    private final String nodeId;

    public AuditTrail(AuditLog log, Clock clock, String nodeId) {
        this.log = log;
        this.clock = clock;
        this.nodeId = nodeId;
    }

    public AuditEvent record(Actor actor, String action, String target, Map<String, String> details) {
        ChainHead head = log.lockHead().orElse(new ChainHead(0, AuditChain.GENESIS));
        long sequence = head.sequence() + 1;
        var time = clock.instant();
        String detailJson = Json.object(details);
        String actorText = actor.toString();
        String hash = AuditChain.hash(sequence, nodeId, time, actorText, action, target, detailJson, head.hash());
        AuditEvent event = new AuditEvent(sequence, nodeId, time, actorText, action, target, detailJson, head.hash(), hash);
        log.append(event);
        return event;
    }
}
