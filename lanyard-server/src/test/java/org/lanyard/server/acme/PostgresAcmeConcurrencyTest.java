package org.lanyard.server.acme;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The concurrency test on a real PostgreSQL ({@code LANYARD_TEST_PG_URL}; required in CI). */
class PostgresAcmeConcurrencyTest extends AcmeConcurrencyTest {

    @Override
    String postgresUrl() {
        String url = System.getenv("LANYARD_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("LANYARD_TEST_PG_URL is not set: CI must run the PostgreSQL suite (scripts/test starts one)");
            }
            assumeTrue(false, "LANYARD_TEST_PG_URL is not set: PostgreSQL suite skipped");
        }
        return url;
    }
}
