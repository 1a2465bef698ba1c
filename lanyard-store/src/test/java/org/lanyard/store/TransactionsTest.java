package org.lanyard.store;

import org.junit.jupiter.api.Nested;

class TransactionsTest {

    @Nested
    class OnH2 extends TransactionsContract {
        OnH2() {
            super(TestDatabase.Target.H2);
        }
    }

    @Nested
    class OnPostgres extends TransactionsContract {
        OnPostgres() {
            super(TestDatabase.Target.POSTGRES);
        }
    }
}
