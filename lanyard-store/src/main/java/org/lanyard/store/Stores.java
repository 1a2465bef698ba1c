package org.lanyard.store;

import org.lanyard.core.audit.AuditLog;
import org.lanyard.core.ca.CertificateStore;
import org.lanyard.core.ca.IssuerStore;
import org.lanyard.core.ca.ProfileStore;
import org.lanyard.core.operator.OperatorStore;
import org.lanyard.core.tx.Transactions;

/** Every port the store implements, sharing one database and one transaction per thread. */
public record Stores(
        Transactions transactions,
        CertificateStore certificates,
        IssuerStore issuers,
        ProfileStore profiles,
        OperatorStore operators,
        AuditLog auditLog) {
}
