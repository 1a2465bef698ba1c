package org.lanyard.store;

class H2OperatorStoreTest extends OperatorStoreContract {

    H2OperatorStoreTest() {
        super(TestDatabase.Target.H2);
    }
}
