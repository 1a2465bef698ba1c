package org.lanyard.server;

/** Revocation over the real server on the embedded H2 database. */
class H2RevocationApiTest extends RevocationApiTest {

    @Override
    String postgresUrl() {
        return null;
    }
}
