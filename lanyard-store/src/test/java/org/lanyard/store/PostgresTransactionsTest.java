package org.lanyard.store;

class PostgresTransactionsTest extends TransactionsContract {

    PostgresTransactionsTest() {
        super(TestDatabase.Target.POSTGRES);
    }
}
