package org.lanyard.store;

class PostgresProfileStoreTest extends ProfileStoreContract {

    PostgresProfileStoreTest() {
        super(TestDatabase.Target.POSTGRES);
    }
}
