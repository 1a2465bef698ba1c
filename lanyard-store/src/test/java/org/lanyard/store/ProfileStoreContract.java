package org.lanyard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lanyard.store.Fixtures.profile;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lanyard.core.LanyardException;
import org.lanyard.core.ca.CertificateProfile;
import org.lanyard.core.ca.KeyAlgorithm;
import org.lanyard.core.ca.ProfileStore;

abstract class ProfileStoreContract extends StoreContract {

    ProfileStoreContract(TestDatabase.Target target) {
        super(target);
    }

    private ProfileStore store() {
        return database.profiles();
    }

    @Test
    void profileRoundTripsEveryField() {
        CertificateProfile profile = profile("tls-server");

        store().save(profile);

        assertThat(store().find("tls-server")).contains(profile);
    }

    @Test
    void approvalsRequiredRoundTripsAndDefaultsToNone() {
        store().save(profile("plain"));
        store().save(profile("four-eyes").withApprovalsRequired(2));

        assertThat(store().find("plain").orElseThrow().approvalsRequired()).isZero();
        assertThat(store().find("four-eyes")).contains(profile("four-eyes").withApprovalsRequired(2));
    }

    @Test
    void emptyListsAndNullsRoundTrip() {
        CertificateProfile bare = new CertificateProfile("bare", "Bare", null, Set.of(KeyAlgorithm.EC_P384),
                Duration.ofHours(12), Set.of(), List.of(), null, Set.of(), List.of(), false, 0, List.of(), null, null,
                true, null);

        store().save(bare);

        assertThat(store().find("bare")).contains(bare);
    }

    @Test
    void saveReplacesAndListsById() {
        store().save(profile("b"));
        store().save(profile("a"));
        CertificateProfile changed = new CertificateProfile("b", "Changed", "new", Set.of(KeyAlgorithm.RSA_4096),
                Duration.ofDays(1), Set.of(), List.of(), "", Set.of(), List.of("*"), false, 1, List.of(), null, null,
                false, null);

        store().save(changed);

        assertThat(store().list()).extracting(CertificateProfile::id).containsExactly("a", "b");
        assertThat(store().find("b")).contains(changed);
    }

    @Test
    void refusesListValuesItCannotStore() {
        CertificateProfile broken = new CertificateProfile("x", "X", "", Set.of(KeyAlgorithm.EC_P256),
                Duration.ofDays(1), Set.of(), List.of(), "", Set.of(), List.of("a.example\nb.example"), false, 1,
                List.of(), null, null, false, null);

        assertThatThrownBy(() -> store().save(broken)).isInstanceOf(LanyardException.class)
                .hasMessageContaining("one line");
        assertThat(store().find("x")).isEmpty();
    }
}
