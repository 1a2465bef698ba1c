package org.lanyard.server;

/** Lets tests in sub-packages make a fresh PostgreSQL database the way {@link TestServer} does. */
public final class TestServerAccess {

    private TestServerAccess() {
    }

    public static String freshPostgresDatabase(String pgUrl) throws Exception {
        return TestServer.freshPostgresDatabase(pgUrl);
    }
}
