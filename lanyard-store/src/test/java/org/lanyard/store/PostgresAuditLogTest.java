package org.lanyard.store;

class PostgresAuditLogTest extends AuditLogContract {

    PostgresAuditLogTest() {
        super(TestDatabase.Target.POSTGRES);
    }
}
