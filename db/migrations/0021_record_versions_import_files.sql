-- Version 21: several clerks writing one database at once (a county server, or two windows on one file).
-- activity.version counts the saves of a record: an edit names the version the clerk opened and is refused
-- when another clerk saved the record since, instead of overwriting that change silently.
-- import_file holds the SHA-256 of every imported file once (a unique key the database enforces), so two
-- clerks importing the same file at the same moment import it once, and the second is told who did, and when.

ALTER TABLE activity ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

CREATE TABLE import_file (
    id {pk},
    sha256 VARCHAR(64) NOT NULL UNIQUE,
    source_name VARCHAR(255) NOT NULL DEFAULT '',
    actor VARCHAR(100) NOT NULL DEFAULT '',
    os_user VARCHAR(100) NOT NULL DEFAULT '',
    imported_at TIMESTAMP NOT NULL
);
