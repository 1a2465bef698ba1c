package org.lanyard.server;

/** Revocation over the real server on PostgreSQL (skipped without LANYARD_TEST_PG_URL, failed in CI). */
class PostgresRevocationApiTest extends RevocationApiTest {

    @Override
    String postgresUrl() {
        return new PostgresApiContractTest().postgresUrl();
    }
}
