-- Version 22: upward packages received by a county office (county-import). One row per package taken in:
-- the township and month it holds, its sequence number, the SHA-256 of the zip and of its data part (the
-- same zip again changes nothing), when the township wrote it and when the county took it in, the file's
-- name, what the import added, changed and removed, and the coverage figures and counts as sent (JSON).
-- The newest row of a township-month is what the county holds; earlier rows are its revisions.

CREATE TABLE received_package (
    id {pk},
    township_id INTEGER NOT NULL REFERENCES township (id) ON DELETE CASCADE,
    month VARCHAR(7) NOT NULL,
    sequence INTEGER NOT NULL CHECK (sequence >= 1),
    package_sha256 VARCHAR(64) NOT NULL,
    data_sha256 VARCHAR(64) NOT NULL,
    written_at TIMESTAMP NOT NULL,
    received_at TIMESTAMP NOT NULL,
    file_name VARCHAR(255) NOT NULL DEFAULT '',
    added INTEGER NOT NULL DEFAULT 0,
    changed INTEGER NOT NULL DEFAULT 0,
    removed INTEGER NOT NULL DEFAULT 0,
    coverage_json TEXT,
    counts_json TEXT NOT NULL
);
CREATE INDEX received_package_month ON received_package (month, township_id, sequence);
CREATE INDEX received_package_sha ON received_package (package_sha256);
