package org.lanyard.server.web;

import org.lanyard.server.http.RequiresPermission;
import org.lanyard.core.Page;
import org.lanyard.core.PageRequest;
import org.lanyard.core.audit.AuditEvent;
import org.lanyard.core.audit.AuditQuery;
import org.lanyard.core.audit.AuditVerification;
import org.lanyard.core.operator.Permission;
import org.lanyard.core.audit.AuditReader;
import org.lanyard.core.audit.VerifyAuditChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The transaction log: search it, and verify its hash chain. */
@RestController
@RequestMapping("/api/v1/audit")
public class AuditController {

    private final AuditReader auditLog;
    private final VerifyAuditChain verifyAuditChain;

    public AuditController(AuditReader auditLog, VerifyAuditChain verifyAuditChain) {
        this.auditLog = auditLog;
        this.verifyAuditChain = verifyAuditChain;
    }

    @GetMapping
    @RequiresPermission(Permission.AUDIT_READ)
    public Page<AuditEvent> search(@RequestParam(required = false) String actor,
            @RequestParam(required = false) String action, @RequestParam(required = false) String target,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return auditLog.search(new AuditQuery(actor, action, target,
                CertificateController.instant("from", from), CertificateController.instant("to", to),
                new PageRequest(page, size)));
    }

    @GetMapping("/verify")
    @RequiresPermission(Permission.AUDIT_READ)
    public AuditVerification verify() {
        return verifyAuditChain.verify();
    }
}
