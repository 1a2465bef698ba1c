package org.lanyard.store;

class PostgresIssuerStoreTest extends IssuerStoreContract {

    PostgresIssuerStoreTest() {
        super(TestDatabase.Target.POSTGRES);
    }
}
