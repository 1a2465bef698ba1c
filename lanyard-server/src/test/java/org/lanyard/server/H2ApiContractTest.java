package org.lanyard.server;

/** The API contract on the embedded H2 database. */
class H2ApiContractTest extends ApiContractTest {

    @Override
    String postgresUrl() {
        return null;
    }
}
