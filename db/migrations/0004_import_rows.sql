-- Version 4: the rows that workbook imports brought in, keyed by a stable row key, so that
-- importing the same workbook again imports nothing (see services/excel/row_keys.py).
-- Written in the SQL that SQLite and PostgreSQL share.

CREATE TABLE imported_row (
    row_key VARCHAR(36) NOT NULL PRIMARY KEY,
    record_type VARCHAR(20) NOT NULL,
    content_hash VARCHAR(32) NOT NULL,
    source_name VARCHAR(255) NOT NULL DEFAULT '',
    imported_at TIMESTAMP NOT NULL
);
CREATE INDEX imported_row_type ON imported_row (record_type, imported_at);
