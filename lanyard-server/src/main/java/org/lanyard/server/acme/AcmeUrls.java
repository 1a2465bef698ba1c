package org.lanyard.server.acme;

/** The URLs of one endpoint's resources, as clients see them (the node's public base URL). */
record AcmeUrls(String base, String endpoint) {

    String root() {
        return base + "/acme/" + endpoint;
    }

    String directory() {
        return endpoint.equals("default") ? base + "/acme/directory" : root() + "/directory";
    }

    String path(String resource) {
        return root() + "/" + resource;
    }

    String accountPrefix() {
        return root() + "/acct/";
    }

    String account(String id) {
        return accountPrefix() + id;
    }

    String order(String id) {
        return root() + "/order/" + id;
    }

    String authorization(String id) {
        return root() + "/authz/" + id;
    }

    String challenge(String authorizationId, String type) {
        return root() + "/chall/" + authorizationId + "/" + type;
    }

    String certificate(String serial) {
        return root() + "/cert/" + serial;
    }
}
