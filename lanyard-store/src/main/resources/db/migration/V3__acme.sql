-- ACME server (issue 4). Runs unchanged on H2 and PostgreSQL. Orders and authorizations are
-- separate rows with conditional status updates, so concurrent requests of one account never
-- rewrite a shared row (no per-account order list to lose an order from).

CREATE TABLE acme_endpoints (
    name                       VARCHAR(40) PRIMARY KEY,
    profiles                   VARCHAR NOT NULL,
    external_account_required  BOOLEAN NOT NULL,
    dns_names                  VARCHAR NOT NULL
);

CREATE TABLE acme_eab_keys (
    id          VARCHAR(64) PRIMARY KEY,
    endpoint    VARCHAR(40) NOT NULL,
    hmac_key    BYTEA NOT NULL,
    profiles    VARCHAR NOT NULL,
    dns_names   VARCHAR NOT NULL,
    account_id  VARCHAR(32) UNIQUE,
    created_by  VARCHAR(1000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE acme_accounts (
    id              VARCHAR(32) PRIMARY KEY,
    endpoint        VARCHAR(40) NOT NULL,
    thumbprint      VARCHAR(64) NOT NULL,
    jwk             VARCHAR(4000) NOT NULL,
    status          VARCHAR(16) NOT NULL,
    contacts        VARCHAR(4000) NOT NULL,
    eab_key_id      VARCHAR(64),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    client_address  VARCHAR(64),
    CONSTRAINT acme_accounts_key UNIQUE (endpoint, thumbprint)
);
CREATE INDEX acme_accounts_address ON acme_accounts (client_address, created_at);

-- identifiers: newline-separated "type:value"
CREATE TABLE acme_orders (
    id                  VARCHAR(32) PRIMARY KEY,
    account_id          VARCHAR(32) NOT NULL REFERENCES acme_accounts (id),
    endpoint            VARCHAR(40) NOT NULL,
    status              VARCHAR(16) NOT NULL,
    identifiers         VARCHAR NOT NULL,
    profile             VARCHAR(100) NOT NULL,
    expires             TIMESTAMP WITH TIME ZONE NOT NULL,
    error_type          VARCHAR(64),
    error_detail        VARCHAR(2000),
    certificate_serial  VARCHAR(42),
    replaces            VARCHAR(200),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX acme_orders_account ON acme_orders (account_id, created_at);
CREATE INDEX acme_orders_certificate ON acme_orders (certificate_serial);

CREATE TABLE acme_authorizations (
    id                 VARCHAR(32) PRIMARY KEY,
    order_id           VARCHAR(32) NOT NULL REFERENCES acme_orders (id),
    account_id         VARCHAR(32) NOT NULL,
    position           INTEGER NOT NULL,
    identifier_type    VARCHAR(16) NOT NULL,
    identifier_value   VARCHAR(300) NOT NULL,
    registered_domain  VARCHAR(300) NOT NULL,
    status             VARCHAR(16) NOT NULL,
    token              VARCHAR(64) NOT NULL,
    expires            TIMESTAMP WITH TIME ZONE NOT NULL,
    attempted          VARCHAR(16),
    validated_at       TIMESTAMP WITH TIME ZONE,
    error_type         VARCHAR(64),
    error_detail       VARCHAR(2000)
);
CREATE INDEX acme_authorizations_order ON acme_authorizations (order_id, position);
CREATE INDEX acme_authorizations_domain ON acme_authorizations (registered_domain);

-- Redeemed nonces; the primary key makes a second redemption fail on every node.
CREATE TABLE acme_used_nonces (
    nonce    VARCHAR(64) PRIMARY KEY,
    expires  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX acme_used_nonces_expires ON acme_used_nonces (expires);

-- The nonce MAC key all nodes share (one row).
CREATE TABLE acme_nonce_key (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    mac_key  BYTEA NOT NULL
);
