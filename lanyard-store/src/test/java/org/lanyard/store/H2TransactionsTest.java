package org.lanyard.store;

class H2TransactionsTest extends TransactionsContract {

    H2TransactionsTest() {
        super(TestDatabase.Target.H2);
    }
}
