package org.lanyard.server.web;

import org.lanyard.core.Page;
import org.lanyard.core.PageRequest;
import org.lanyard.core.audit.AuditEvent;
import org.lanyard.core.audit.AuditQuery;
import org.lanyard.core.audit.AuditVerification;
import org.lanyard.core.operator.Permission;
import org.lanyard.server.boot.Lanyard;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The transaction log: search it, and verify its hash chain. */
@RestController
@RequestMapping("/api/v1/audit")
public class AuditController {

    private final Lanyard lanyard;

    public AuditController(Lanyard lanyard) {
        this.lanyard = lanyard;
    }

    @GetMapping
    @RequiresPermission(Permission.AUDIT_READ)
    public Page<AuditEvent> search(@RequestParam(required = false) String actor,
            @RequestParam(required = false) String action, @RequestParam(required = false) String target,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return lanyard.database().stores().auditLog().search(new AuditQuery(actor, action, target,
                CertificateController.instant("from", from), CertificateController.instant("to", to),
                new PageRequest(page, size)));
    }

    @GetMapping("/verify")
    @RequiresPermission(Permission.AUDIT_READ)
    public AuditVerification verify() {
        return lanyard.verifyAuditChain().verify();
    }
}
