-- Version 14: month-end close (报送). A sending is one report of one township's month to an upper office:
-- its sequence number within the township-month (1, 2, ... when the month is reopened and sent again),
-- the SHA-256 of the report file (and of the upward package when one was written), the coverage JSON and
-- the record counts as they were sent, when, to whom and by which clerk. A period close locks the month
-- for its township until it is reopened, by whom, when and why; at most one close of a month is in force.

CREATE TABLE sending (
    id {pk},
    township_id INTEGER NOT NULL REFERENCES township (id) ON DELETE CASCADE,
    month VARCHAR(7) NOT NULL,
    sequence INTEGER NOT NULL CHECK (sequence >= 1),
    report_sha256 VARCHAR(64) NOT NULL,
    package_sha256 VARCHAR(64),
    coverage_json TEXT NOT NULL,
    counts_json TEXT NOT NULL,
    sent_at TIMESTAMP NOT NULL,
    recipient VARCHAR(200) NOT NULL,
    clerk VARCHAR(100) NOT NULL DEFAULT '',
    UNIQUE (township_id, month, sequence)
);

CREATE TABLE period_close (
    id {pk},
    township_id INTEGER NOT NULL REFERENCES township (id) ON DELETE CASCADE,
    month VARCHAR(7) NOT NULL,
    sending_id INTEGER REFERENCES sending (id) ON DELETE SET NULL,
    closed_at TIMESTAMP NOT NULL,
    closed_by VARCHAR(100) NOT NULL DEFAULT '',
    reopened_at TIMESTAMP,
    reopened_by VARCHAR(100),
    reopen_reason TEXT,
    CHECK ((reopened_at IS NULL AND reopen_reason IS NULL) OR (reopened_at IS NOT NULL AND reopen_reason IS NOT NULL))
);
CREATE UNIQUE INDEX period_close_in_force ON period_close (township_id, month) WHERE reopened_at IS NULL;
CREATE INDEX period_close_month ON period_close (township_id, month, closed_at);
