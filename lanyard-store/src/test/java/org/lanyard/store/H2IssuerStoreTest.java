package org.lanyard.store;

class H2IssuerStoreTest extends IssuerStoreContract {

    H2IssuerStoreTest() {
        super(TestDatabase.Target.H2);
    }
}
