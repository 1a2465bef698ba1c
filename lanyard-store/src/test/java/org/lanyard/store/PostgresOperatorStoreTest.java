package org.lanyard.store;

class PostgresOperatorStoreTest extends OperatorStoreContract {

    PostgresOperatorStoreTest() {
        super(TestDatabase.Target.POSTGRES);
    }
}
