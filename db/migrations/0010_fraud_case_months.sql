-- Version 10: fraud-case figures as the police station reports them, one row per village (or, with
-- no village, the township's cases not attributed to one) per calendar month: cases reported (发案数),
-- losses in fen (损失金额, yuan x 100, so sums are exact), attempts stopped (劝阻) and payments frozen
-- (止付). A missing row means "not reported", which is not the same as 0. Written in the SQL that
-- SQLite and PostgreSQL share (partial unique indexes exist in both).

CREATE TABLE fraud_case_month (
    id {pk},
    township_id INTEGER NOT NULL REFERENCES township (id) ON DELETE CASCADE,
    village_id INTEGER REFERENCES village (id) ON DELETE CASCADE,
    year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    cases INTEGER NOT NULL DEFAULT 0 CHECK (cases >= 0),
    losses_fen BIGINT NOT NULL DEFAULT 0 CHECK (losses_fen >= 0),
    dissuaded INTEGER NOT NULL DEFAULT 0 CHECK (dissuaded >= 0),
    frozen INTEGER NOT NULL DEFAULT 0 CHECK (frozen >= 0),
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX fraud_case_month_village ON fraud_case_month (village_id, year, month) WHERE village_id IS NOT NULL;
CREATE UNIQUE INDEX fraud_case_month_township ON fraud_case_month (township_id, year, month) WHERE village_id IS NULL;
CREATE INDEX fraud_case_month_period ON fraud_case_month (township_id, year, month);
