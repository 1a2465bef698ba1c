package org.lanyard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lanyard.store.Fixtures.issuer;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lanyard.core.ca.Issuer;
import org.lanyard.core.ca.IssuerStore;

abstract class IssuerStoreContract extends StoreContract {

    IssuerStoreContract(TestDatabase.Target target) {
        super(target);
    }

    private IssuerStore store() {
        return database.issuers();
    }

    @Test
    void issuerRoundTripsWithItsChain() {
        Issuer issuer = issuer("issuing", true);

        store().save(issuer);

        Issuer read = store().find("issuing").orElseThrow();
        assertThat(read).isEqualTo(issuer);
        assertThat(read.chain()).hasSize(2);
        assertThat(read.certificate()).isEqualTo(issuer.certificate());
    }

    @Test
    void saveUpdatesAndKeepsTheCreationTime() {
        Issuer issuer = issuer("issuing", false);
        store().save(issuer);
        Issuer renamed = new Issuer("issuing", "Renamed", issuer.chain().subList(0, 1), "new-key", false,
                Instant.parse("2030-01-01T00:00:00Z"));

        store().save(renamed);

        Issuer read = store().find("issuing").orElseThrow();
        assertThat(read.name()).isEqualTo("Renamed");
        assertThat(read.keyAlias()).isEqualTo("new-key");
        assertThat(read.chain()).hasSize(1);
        assertThat(read.createdAt()).isEqualTo(issuer.createdAt());
        assertThat(store().list()).hasSize(1);
    }

    @Test
    void onlyOneIssuerIsTheDefault() {
        store().save(issuer("one", true));
        store().save(issuer("two", false));
        store().save(issuer("three", true));

        assertThat(store().list()).filteredOn(Issuer::defaultIssuer).extracting(Issuer::id)
                .containsExactly("three");
    }

    @Test
    void listsOldestFirstAndFindsNothingUnknown() {
        store().save(issuer("b", false));
        store().save(issuer("a", false));

        List<Issuer> all = store().list();

        assertThat(all).extracting(Issuer::id).containsExactly("a", "b");
        assertThat(store().find("nope")).isEmpty();
    }
}
