-- Version 11: supervision records. An inspection (督导检查) of a village, a site or a member unit with
-- its findings and the targets they concern; rectification orders (限期整改) raised from a finding or
-- from a gap, with their deadline, status and the re-inspection that closes them (overdue is computed
-- from the deadline, never stored); and commendations / criticisms (表彰 / 批评) with the period and
-- the figures that prompted them (JSON text). Written in the SQL that SQLite and PostgreSQL share.

CREATE TABLE inspection (
    id {pk},
    township_id INTEGER NOT NULL REFERENCES township (id) ON DELETE CASCADE,
    date DATE NOT NULL,
    inspectors VARCHAR(200) NOT NULL DEFAULT '',
    village_id INTEGER REFERENCES village (id) ON DELETE SET NULL,
    site_id INTEGER REFERENCES site (id) ON DELETE SET NULL,
    member_unit_id INTEGER REFERENCES member_unit (id) ON DELETE SET NULL,
    findings TEXT NOT NULL DEFAULT '',
    rule_keys VARCHAR(600) NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX inspection_township_date ON inspection (township_id, date);

-- status: open (未整改) | in_progress (整改中) | done (已整改); an order not done after its deadline is overdue.
CREATE TABLE rectification_order (
    id {pk},
    township_id INTEGER NOT NULL REFERENCES township (id) ON DELETE CASCADE,
    inspection_id INTEGER REFERENCES inspection (id) ON DELETE SET NULL,
    village_id INTEGER REFERENCES village (id) ON DELETE SET NULL,
    site_id INTEGER REFERENCES site (id) ON DELETE SET NULL,
    member_unit_id INTEGER REFERENCES member_unit (id) ON DELETE SET NULL,
    rule_key VARCHAR(60) NOT NULL DEFAULT '',
    task TEXT NOT NULL,
    issued DATE NOT NULL,
    deadline DATE NOT NULL,
    status VARCHAR(20) NOT NULL DEFAULT 'open',
    recheck_date DATE,
    recheck_result TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CHECK (deadline >= issued),
    CHECK (status IN ('open', 'in_progress', 'done'))
);
CREATE INDEX rectification_order_deadline ON rectification_order (township_id, status, deadline);
CREATE INDEX rectification_order_village ON rectification_order (village_id, deadline);

-- kind: commend (表彰) | criticise (批评); one of village / member unit is named.
CREATE TABLE supervision_decision (
    id {pk},
    township_id INTEGER NOT NULL REFERENCES township (id) ON DELETE CASCADE,
    kind VARCHAR(10) NOT NULL,
    village_id INTEGER REFERENCES village (id) ON DELETE SET NULL,
    member_unit_id INTEGER REFERENCES member_unit (id) ON DELETE SET NULL,
    decided DATE NOT NULL,
    period_label VARCHAR(100) NOT NULL DEFAULT '',
    period_start DATE,
    period_end DATE,
    reason TEXT NOT NULL DEFAULT '',
    figures TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    CHECK (kind IN ('commend', 'criticise'))
);
CREATE INDEX supervision_decision_township ON supervision_decision (township_id, decided);
