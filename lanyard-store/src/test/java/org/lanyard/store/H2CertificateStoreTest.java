package org.lanyard.store;

class H2CertificateStoreTest extends CertificateStoreContract {

    H2CertificateStoreTest() {
        super(TestDatabase.Target.H2);
    }
}
