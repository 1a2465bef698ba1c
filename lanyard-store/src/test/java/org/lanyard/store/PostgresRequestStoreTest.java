package org.lanyard.store;

class PostgresRequestStoreTest extends RequestStoreContract {

    PostgresRequestStoreTest() {
        super(TestDatabase.Target.POSTGRES);
    }
}
