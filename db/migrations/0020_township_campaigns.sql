-- Version 20: campaigns belong to a township, so a county database holds many townships' campaigns side by
-- side, each with its own rules, deadlines and current campaign. A database with one township gives that
-- township the campaigns it has (it works exactly as before); in one with several the old campaigns stay
-- shared (no township), used by any township without a campaign of its own. Two townships may both name
-- a campaign 冬季行动: the old unique name column becomes scoped_name ("township id/name"), kept by the
-- service, so a name is unique within its township (SQLite cannot drop a column's UNIQUE constraint).

ALTER TABLE campaign RENAME COLUMN name TO scoped_name;
ALTER TABLE campaign ADD COLUMN name VARCHAR(200) NOT NULL DEFAULT '';
ALTER TABLE campaign ADD COLUMN township_id INTEGER REFERENCES township (id) ON DELETE SET NULL;
UPDATE campaign SET name = scoped_name;
UPDATE campaign SET township_id = (SELECT MIN(id) FROM township) WHERE (SELECT COUNT(*) FROM township) = 1;
UPDATE campaign SET scoped_name = COALESCE(CAST(township_id AS VARCHAR(20)), '') || '/' || name;
CREATE INDEX campaign_township ON campaign (township_id, is_current);
