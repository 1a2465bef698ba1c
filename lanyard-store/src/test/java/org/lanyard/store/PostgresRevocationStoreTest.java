package org.lanyard.store;

class PostgresRevocationStoreTest extends RevocationStoreContract {

    PostgresRevocationStoreTest() {
        super(TestDatabase.Target.POSTGRES);
    }
}
