-- Version 3: campaigns (phases, report deadlines), target rules, awareness surveys and parent letters.
-- Written in the SQL that SQLite and PostgreSQL share; {pk} is the dialect's auto-increment key.

-- The coverage engine reads one rule's kinds for one township or village at a time.
CREATE INDEX activity_kind_village_date ON activity (kind_id, village_id, date);

CREATE TABLE campaign (
    id {pk},
    name VARCHAR(200) NOT NULL UNIQUE,
    theme VARCHAR(200) NOT NULL DEFAULT '',
    start_date DATE NOT NULL,
    end_date DATE NOT NULL,
    is_current BOOLEAN NOT NULL DEFAULT FALSE,
    notes TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    CHECK (end_date >= start_date)
);

CREATE TABLE campaign_phase (
    id {pk},
    campaign_id INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    name VARCHAR(100) NOT NULL,
    start_date DATE NOT NULL,
    end_date DATE NOT NULL,
    sort_order INTEGER NOT NULL DEFAULT 0,
    CHECK (end_date >= start_date)
);
CREATE INDEX campaign_phase_campaign ON campaign_phase (campaign_id, start_date);

CREATE TABLE campaign_deadline (
    id {pk},
    campaign_id INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    title VARCHAR(200) NOT NULL,
    due_date DATE NOT NULL
);
CREATE INDEX campaign_deadline_campaign ON campaign_deadline (campaign_id, due_date);

-- applies_to: village | site | member_unit; site_kinds: comma-separated site kind codes (applies_to = site).
-- measure: records | quantity | people (activities of the rule's kinds), letters_signed (parent_letter),
-- awareness (survey, percent). quota: an expression over the unit's attributes (see services/coverage/expression.py).
-- period: campaign (campaign to date) | month (each month) | phase (each phase).
CREATE TABLE target_rule (
    id {pk},
    campaign_id INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    rule_key VARCHAR(60) NOT NULL,
    name_zh VARCHAR(200) NOT NULL,
    name_en VARCHAR(200) NOT NULL DEFAULT '',
    applies_to VARCHAR(20) NOT NULL,
    site_kinds VARCHAR(300) NOT NULL DEFAULT '',
    measure VARCHAR(20) NOT NULL,
    quota VARCHAR(200) NOT NULL DEFAULT '1',
    period VARCHAR(10) NOT NULL DEFAULT 'campaign',
    enabled BOOLEAN NOT NULL DEFAULT TRUE,
    sort_order INTEGER NOT NULL DEFAULT 0,
    UNIQUE (campaign_id, rule_key)
);

CREATE TABLE target_rule_kind (
    rule_id INTEGER NOT NULL REFERENCES target_rule (id) ON DELETE CASCADE,
    kind_id INTEGER NOT NULL REFERENCES activity_kind (id),
    PRIMARY KEY (rule_id, kind_id)
);

CREATE TABLE survey (
    id {pk},
    village_id INTEGER NOT NULL REFERENCES village (id) ON DELETE CASCADE,
    date DATE NOT NULL,
    respondents INTEGER NOT NULL DEFAULT 0 CHECK (respondents >= 0),
    aware INTEGER NOT NULL DEFAULT 0 CHECK (aware >= 0),
    method VARCHAR(30) NOT NULL DEFAULT 'questionnaire',
    notes TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    CHECK (aware <= respondents)
);
CREATE INDEX survey_village_date ON survey (village_id, date);
CREATE INDEX survey_date ON survey (date);

-- One row per batch of letters (a whole school, or one class when class_name is given);
-- the clerk edits "signed" as signed slips come back.
CREATE TABLE parent_letter (
    id {pk},
    site_id INTEGER NOT NULL REFERENCES site (id) ON DELETE CASCADE,
    class_name VARCHAR(50) NOT NULL DEFAULT '',
    date DATE NOT NULL,
    students INTEGER NOT NULL DEFAULT 0 CHECK (students >= 0),
    issued INTEGER NOT NULL DEFAULT 0 CHECK (issued >= 0),
    signed INTEGER NOT NULL DEFAULT 0 CHECK (signed >= 0),
    notes TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    CHECK (signed <= issued),
    UNIQUE (site_id, class_name, date)
);
CREATE INDEX parent_letter_date ON parent_letter (date);
