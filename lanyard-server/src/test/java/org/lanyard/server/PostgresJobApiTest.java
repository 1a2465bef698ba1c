package org.lanyard.server;

/** The jobs API over the real server on PostgreSQL (skipped without LANYARD_TEST_PG_URL, failed in CI). */
class PostgresJobApiTest extends JobApiTest {

    @Override
    String postgresUrl() {
        return new PostgresApiContractTest().postgresUrl();
    }
}
