package org.lanyard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lanyard.store.Fixtures.issuer;
import static org.lanyard.store.Fixtures.reservation;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;
import org.lanyard.core.tx.Transactions;

abstract class TransactionsContract extends StoreContract {

    TransactionsContract(TestDatabase.Target target) {
        super(target);
    }

    private Transactions tx() {
        return database.transactions();
    }

    @Test
    void commitsEverythingTheWorkWrote() {
        String result = tx().inTransaction(() -> {
            database.issuers().save(issuer("a", true));
            database.certificates().reserve(reservation(BigInteger.TEN, "a", "CN=one"));
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(database.certificates().find(BigInteger.TEN)).isPresent();
    }

    @Test
    void rollbackLeavesNothing() {
        assertThatThrownBy(() -> tx().run(() -> {
            database.issuers().save(issuer("a", true));
            database.certificates().reserve(reservation(BigInteger.TEN, "a", "CN=one", Fixtures.dns("x.example")));
            database.operators().saveRole(new org.lanyard.core.operator.Role("r", "R", "", java.util.Set.of(), false));
            throw new IllegalStateException("signing failed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("signing failed");

        assertThat(database.issuers().list()).isEmpty();
        assertThat(database.certificates().find(BigInteger.TEN)).isEmpty();
        assertThat(database.operators().listRoles()).isEmpty();
    }

    @Test
    void rollsBackOnErrorsToo() {
        assertThatThrownBy(() -> tx().run(() -> {
            database.issuers().save(issuer("a", true));
            throw new AssertionError("an Error, not an Exception");
        })).isInstanceOf(AssertionError.class);

        assertThat(database.issuers().list()).isEmpty();
    }

    @Test
    void nestedCallsJoinTheOuterTransaction() {
        assertThatThrownBy(() -> tx().run(() -> {
            database.issuers().save(issuer("a", true));
            tx().run(() -> {
                // the inner call sees the outer's uncommitted write: same connection
                assertThat(database.issuers().find("a")).isPresent();
                database.certificates().reserve(reservation(BigInteger.TWO, "a", "CN=inner"));
            });
            throw new IllegalStateException("outer fails after the inner returned");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(database.issuers().find("a")).isEmpty();
        assertThat(database.certificates().find(BigInteger.TWO)).isEmpty();
    }

    @Test
    void storeCallsOutsideATransactionCommitAtOnce() {
        database.issuers().save(issuer("a", true));

        assertThat(tx().inTransaction(() -> database.issuers().find("a"))).isPresent();
    }

    @Test
    void databaseErrorsBecomeStoreFailed() {
        // a certificate of an issuer the store does not hold breaks a foreign key
        assertThatThrownBy(() -> database.certificates().reserve(reservation(BigInteger.ONE, "nobody", "CN=x")))
                .isInstanceOfSatisfying(LanyardException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INTERNAL);
                    assertThat(e.code()).isEqualTo("store-failed");
                    assertThat(e.getCause()).isInstanceOf(java.sql.SQLException.class);
                });
        assertThat(database.certificates().find(BigInteger.ONE)).isEmpty();
    }

    @Test
    void aFailedStatementRollsBackTheWholeTransaction() {
        assertThatThrownBy(() -> tx().run(() -> {
            database.issuers().save(issuer("a", true));
            database.certificates().reserve(reservation(BigInteger.ONE, "nobody", "CN=x"));
        })).isInstanceOf(LanyardException.class);

        assertThat(database.issuers().list()).isEmpty();
    }
}
