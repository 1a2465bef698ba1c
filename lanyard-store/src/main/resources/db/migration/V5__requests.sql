-- Registration requests (docs/flows/registration.md). Runs unchanged on H2 and PostgreSQL, and is
-- safe on a live cluster: new tables, and a column with a default on profiles.

-- How many distinct operators other than the requester approve a request under the profile; 0
-- issues at once, as before.
ALTER TABLE profiles ADD COLUMN approvals_required INTEGER DEFAULT 0 NOT NULL;
