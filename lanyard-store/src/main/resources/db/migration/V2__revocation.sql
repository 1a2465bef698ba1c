-- Revocation, CRLs and OCSP (docs/flows/revocation.md, ADR 0007). Same rules as V1: only types and
-- syntax both H2 and PostgreSQL accept. Serials here are serial_key: lower-case hex left-padded to
-- 40 digits, so that text order is numeric order (CRLs and delta CRLs stream in serial order).
-- No foreign keys to certificates: the revoked set is read per shard, never joined.

-- How each issuer publishes CRLs. The shard count is fixed once the issuer has certificates
-- (each certificate names its shard's URL). Durations are ISO-8601 (PT24H).
CREATE TABLE crl_policies (
    issuer_id       VARCHAR(100) PRIMARY KEY,
    shards          INTEGER NOT NULL,
    deltas          BOOLEAN NOT NULL,
    validity        VARCHAR(64) NOT NULL,
    delta_validity  VARCHAR(64) NOT NULL
);

-- The counter row of a shard: locked FOR UPDATE by every change (change sequence) and by every
-- CRL number allocation, so both are gap-free in commit order across nodes and restarts.
CREATE TABLE crl_counters (
    issuer_id        VARCHAR(100) NOT NULL,
    shard            INTEGER NOT NULL,
    last_sequence    BIGINT NOT NULL,
    last_crl_number  BIGINT NOT NULL,
    PRIMARY KEY (issuer_id, shard)
);

-- The current revoked set (revoked for good, or on hold).
CREATE TABLE revocations (
    issuer_id        VARCHAR(100) NOT NULL,
    serial_key       VARCHAR(40) NOT NULL,
    shard            INTEGER NOT NULL,
    reason           VARCHAR(32) NOT NULL,
    revoked_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    invalidity_date  TIMESTAMP WITH TIME ZONE,
    sequence_number  BIGINT NOT NULL,
    PRIMARY KEY (issuer_id, serial_key)
);
CREATE INDEX revocations_shard ON revocations (issuer_id, shard, serial_key);

-- Every change of a shard's revoked set, for delta CRLs.
CREATE TABLE revocation_changes (
    issuer_id        VARCHAR(100) NOT NULL,
    shard            INTEGER NOT NULL,
    sequence_number  BIGINT NOT NULL,
    serial_key       VARCHAR(40) NOT NULL,
    kind             VARCHAR(16) NOT NULL,
    reason           VARCHAR(32) NOT NULL,
    changed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    invalidity_date  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (issuer_id, shard, sequence_number)
);
CREATE INDEX revocation_changes_serial ON revocation_changes (issuer_id, shard, serial_key, sequence_number);

-- Every CRL generated (full: base_number NULL).
CREATE TABLE crl_records (
    issuer_id        VARCHAR(100) NOT NULL,
    shard            INTEGER NOT NULL,
    crl_number       BIGINT NOT NULL,
    covers_sequence  BIGINT NOT NULL,
    base_number      BIGINT,
    this_update      TIMESTAMP WITH TIME ZONE NOT NULL,
    next_update      TIMESTAMP WITH TIME ZONE NOT NULL,
    entries          BIGINT NOT NULL,
    PRIMARY KEY (issuer_id, shard, crl_number)
);

-- The newest full and delta CRL of each shard as served: every node serves the same bytes.
CREATE TABLE published_crls (
    issuer_id    VARCHAR(100) NOT NULL,
    shard        INTEGER NOT NULL,
    delta        BOOLEAN NOT NULL,
    crl_number   BIGINT NOT NULL,
    this_update  TIMESTAMP WITH TIME ZONE NOT NULL,
    next_update  TIMESTAMP WITH TIME ZONE NOT NULL,
    der          BYTEA NOT NULL,
    PRIMARY KEY (issuer_id, shard, delta)
);

-- Delegated OCSP responder certificates; the key is in the key vault under key_alias.
CREATE TABLE ocsp_signers (
    key_alias    VARCHAR(500) PRIMARY KEY,
    issuer_id    VARCHAR(100) NOT NULL,
    serial       VARCHAR(42) NOT NULL,
    not_before   TIMESTAMP WITH TIME ZONE NOT NULL,
    not_after    TIMESTAMP WITH TIME ZONE NOT NULL,
    der          BYTEA NOT NULL
);
CREATE INDEX ocsp_signers_issuer ON ocsp_signers (issuer_id, not_after);
