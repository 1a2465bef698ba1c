-- The SHA-256 (lower-case hex) of the TBSCertificate that passed the pre-issuance lint, written on
-- the RESERVED record before the signer is called (docs/flows/issuance.md step 4). Nullable: rows
-- older than this migration, and reservations that failed before the lint, have none. Adding a
-- nullable column without a default is a metadata change on H2 and PostgreSQL: safe on a live cluster.
ALTER TABLE certificates ADD COLUMN tbs_hash VARCHAR(64);
