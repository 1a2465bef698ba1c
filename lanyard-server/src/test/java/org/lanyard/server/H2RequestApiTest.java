package org.lanyard.server;

/** Four eyes over HTTPS on the embedded H2 database. */
class H2RequestApiTest extends RequestApiTest {

    @Override
    String postgresUrl() {
        return null;
    }
}
