package org.lanyard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lanyard.core.ErrorKind;
import org.lanyard.core.LanyardException;

class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void h2FileNamesTheDatabaseInTheDirectory() {
        assertThat(Database.h2File(dir)).isEqualTo("jdbc:h2:file:" + dir.toAbsolutePath() + "/lanyard"
                + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000");
    }

    @Test
    void reopeningKeepsTheDataAndTheSchema() {
        try (Database database = Database.open(Database.h2File(dir), "sa", "")) {
            database.issuers().save(Fixtures.issuer("a", true));
        }

        try (Database again = Database.open(Database.h2File(dir), "sa", "", 2)) {
            assertThat(again.stores().issuers().find("a")).isPresent();
            assertThat(dir.resolve("lanyard.mv.db")).exists();
        }
    }

    @Test
    void anUnreachableDatabaseIsStoreFailed() {
        assertThatThrownBy(() -> Database.open("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2", "x", "y", 1))
                .isInstanceOfSatisfying(LanyardException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INTERNAL);
                    assertThat(e.code()).isEqualTo("store-failed");
                });
    }
}
