package org.lanyard.server;

/** The jobs API over the real server on the embedded H2 database. */
class H2JobApiTest extends JobApiTest {

    @Override
    String postgresUrl() {
        return null;
    }
}
