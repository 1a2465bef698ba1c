package org.lanyard.store;

class H2JobStoreTest extends JobStoreContract {

    H2JobStoreTest() {
        super(TestDatabase.Target.H2);
    }
}
