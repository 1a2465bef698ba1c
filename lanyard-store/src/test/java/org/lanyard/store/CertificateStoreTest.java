package org.lanyard.store;

import org.junit.jupiter.api.Nested;

class CertificateStoreTest {

    @Nested
    class OnH2 extends CertificateStoreContract {
        OnH2() {
            super(TestDatabase.Target.H2);
        }
    }

    @Nested
    class OnPostgres extends CertificateStoreContract {
        OnPostgres() {
            super(TestDatabase.Target.POSTGRES);
        }
    }
}
