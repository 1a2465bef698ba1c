package org.lanyard.store;

class H2RevocationStoreTest extends RevocationStoreContract {

    H2RevocationStoreTest() {
        super(TestDatabase.Target.H2);
    }
}
