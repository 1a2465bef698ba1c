package org.lanyard.store;

class H2ProfileStoreTest extends ProfileStoreContract {

    H2ProfileStoreTest() {
        super(TestDatabase.Target.H2);
    }
}
