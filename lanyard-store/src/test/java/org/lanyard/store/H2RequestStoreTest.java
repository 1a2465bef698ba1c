package org.lanyard.store;

class H2RequestStoreTest extends RequestStoreContract {

    H2RequestStoreTest() {
        super(TestDatabase.Target.H2);
    }
}
