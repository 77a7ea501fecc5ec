-- Version 6: the audit trail. One row per create, update, delete or restore of a record a clerk
-- keeps (activities, organisation, kinds, campaigns, rules, surveys, letters, imports), written in
-- the same transaction as the change. "at" is UTC; before/after hold the stored values as JSON
-- text (before is empty for a create, after for a delete). Written in the SQL that SQLite and
-- PostgreSQL share.

CREATE TABLE audit_log (
    id {pk},
    at TIMESTAMP NOT NULL,
    actor VARCHAR(100) NOT NULL DEFAULT '',
    os_user VARCHAR(100) NOT NULL DEFAULT '',
    action VARCHAR(20) NOT NULL,
    record_type VARCHAR(30) NOT NULL,
    record_id INTEGER,
    record_uuid VARCHAR(36),
    summary VARCHAR(500) NOT NULL DEFAULT '',
    before TEXT,
    after TEXT
);
-- The page lists newest first by (at, id) and filters by date range, by who, and by one record.
CREATE INDEX audit_log_at ON audit_log (at, id);
CREATE INDEX audit_log_record ON audit_log (record_type, record_id, id);
CREATE INDEX audit_log_actor ON audit_log (actor, at, id);
