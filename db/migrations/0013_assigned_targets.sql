-- Version 13: targets handed down per unit (任务数): a target is defined once (name such as APP注册, the
-- unit it is counted in such as 人), and each village/community or site gets its own number. A rule's
-- quota names it as assigned("APP注册"). A unit without a number has a quota of 0 (not applicable).

CREATE TABLE assigned_target (
    id {pk},
    name VARCHAR(60) NOT NULL UNIQUE,
    unit VARCHAR(20) NOT NULL DEFAULT ''
);

CREATE TABLE assigned_number (
    id {pk},
    target_id INTEGER NOT NULL REFERENCES assigned_target (id) ON DELETE CASCADE,
    village_id INTEGER REFERENCES village (id) ON DELETE CASCADE,
    site_id INTEGER REFERENCES site (id) ON DELETE CASCADE,
    number INTEGER NOT NULL CHECK (number >= 0),
    CHECK ((village_id IS NULL AND site_id IS NOT NULL) OR (village_id IS NOT NULL AND site_id IS NULL))
);
CREATE UNIQUE INDEX assigned_number_village ON assigned_number (target_id, village_id) WHERE village_id IS NOT NULL;
CREATE UNIQUE INDEX assigned_number_site ON assigned_number (target_id, site_id) WHERE site_id IS NOT NULL;
CREATE INDEX assigned_number_site_unit ON assigned_number (site_id);
CREATE INDEX assigned_number_village_unit ON assigned_number (village_id);

-- The activity kind that APP registrations are logged under (quantity = people registered).
INSERT INTO activity_kind (code, name_zh, name_en, unit_zh, unit_en, builtin, active, sort_order)
SELECT 'app_registration', '国家反诈中心APP注册', 'Anti-fraud app registrations', '人', 'people', TRUE, TRUE,
       (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM activity_kind)
WHERE NOT EXISTS (SELECT 1 FROM activity_kind WHERE code = 'app_registration');
