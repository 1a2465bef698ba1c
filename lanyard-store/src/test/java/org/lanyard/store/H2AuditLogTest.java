package org.lanyard.store;

class H2AuditLogTest extends AuditLogContract {

    H2AuditLogTest() {
        super(TestDatabase.Target.H2);
    }
}
