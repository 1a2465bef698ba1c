package org.lanyard.store;

class PostgresJobStoreTest extends JobStoreContract {

    PostgresJobStoreTest() {
        super(TestDatabase.Target.POSTGRES);
    }
}
