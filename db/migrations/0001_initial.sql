-- Version 1: organisation, activity kinds, the activity ledger and photo evidence.
-- Written in the SQL that SQLite and PostgreSQL share; {pk} is the dialect's auto-increment key.

CREATE TABLE township (
    id {pk},
    name VARCHAR(100) NOT NULL UNIQUE,
    office_name VARCHAR(200) NOT NULL DEFAULT ''
);

CREATE TABLE village (
    id {pk},
    township_id INTEGER NOT NULL REFERENCES township (id),
    name VARCHAR(100) NOT NULL,
    kind VARCHAR(20) NOT NULL DEFAULT 'village',
    households INTEGER NOT NULL DEFAULT 0 CHECK (households >= 0),
    residents INTEGER NOT NULL DEFAULT 0 CHECK (residents >= 0),
    UNIQUE (township_id, name)
);

CREATE TABLE site (
    id {pk},
    village_id INTEGER NOT NULL REFERENCES village (id),
    name VARCHAR(100) NOT NULL,
    kind VARCHAR(30) NOT NULL DEFAULT 'other',
    entrances INTEGER NOT NULL DEFAULT 0 CHECK (entrances >= 0),
    elevators INTEGER NOT NULL DEFAULT 0 CHECK (elevators >= 0),
    households INTEGER NOT NULL DEFAULT 0 CHECK (households >= 0),
    residents INTEGER NOT NULL DEFAULT 0 CHECK (residents >= 0),
    students INTEGER NOT NULL DEFAULT 0 CHECK (students >= 0),
    classes INTEGER NOT NULL DEFAULT 0 CHECK (classes >= 0),
    UNIQUE (village_id, name)
);
CREATE INDEX site_village ON site (village_id);

CREATE TABLE member_unit (
    id {pk},
    township_id INTEGER NOT NULL REFERENCES township (id),
    name VARCHAR(100) NOT NULL,
    duties TEXT NOT NULL DEFAULT '',
    UNIQUE (township_id, name)
);

CREATE TABLE activity_kind (
    id {pk},
    code VARCHAR(40) NOT NULL UNIQUE,
    name_zh VARCHAR(100) NOT NULL,
    name_en VARCHAR(100) NOT NULL,
    unit_zh VARCHAR(20) NOT NULL DEFAULT '',
    unit_en VARCHAR(20) NOT NULL DEFAULT '',
    builtin BOOLEAN NOT NULL DEFAULT FALSE,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    sort_order INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE activity (
    id {pk},
    uuid VARCHAR(36) NOT NULL UNIQUE,
    date DATE NOT NULL,
    village_id INTEGER NOT NULL REFERENCES village (id),
    site_id INTEGER REFERENCES site (id),
    member_unit_id INTEGER REFERENCES member_unit (id),
    kind_id INTEGER NOT NULL REFERENCES activity_kind (id),
    quantity INTEGER NOT NULL DEFAULT 1 CHECK (quantity >= 1),
    people INTEGER NOT NULL DEFAULT 0 CHECK (people >= 0),
    audiences INTEGER NOT NULL DEFAULT 0,
    topics INTEGER NOT NULL DEFAULT 0,
    place_note VARCHAR(200) NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX activity_date ON activity (date, id);
CREATE INDEX activity_village_date ON activity (village_id, date);
CREATE INDEX activity_site_date ON activity (site_id, date);
CREATE INDEX activity_kind_date ON activity (kind_id, date);
CREATE INDEX activity_unit ON activity (member_unit_id);

CREATE TABLE photo (
    id {pk},
    activity_id INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    sha256 CHAR(64) NOT NULL,
    ext VARCHAR(10) NOT NULL DEFAULT '',
    original_name VARCHAR(255) NOT NULL DEFAULT '',
    added_at TIMESTAMP NOT NULL,
    UNIQUE (activity_id, sha256)
);
CREATE INDEX photo_activity ON photo (activity_id);
