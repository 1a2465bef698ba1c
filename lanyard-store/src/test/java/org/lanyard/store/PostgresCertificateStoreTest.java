package org.lanyard.store;

class PostgresCertificateStoreTest extends CertificateStoreContract {

    PostgresCertificateStoreTest() {
        super(TestDatabase.Target.POSTGRES);
    }
}
