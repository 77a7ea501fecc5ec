-- Version 5: indexes that let the activity ledger page through a million records in any sort order.
-- Each sort key of services/ledger_query.py has an index that yields rows in that order, so a page
-- is read by walking an index and stopping after one page (keyset pagination), never by sorting
-- the whole table. Name sorts walk the named table's (name, id) index and then the ledger's
-- (foreign key, date) index. Ids close each index so PostgreSQL can use them for (key, id) > (...).

CREATE INDEX village_name ON village (name, id);
CREATE INDEX site_name ON site (name, id);
CREATE INDEX member_unit_name ON member_unit (name, id);
CREATE INDEX activity_kind_name_zh ON activity_kind (name_zh, id);
CREATE INDEX activity_kind_name_en ON activity_kind (name_en, id);

DROP INDEX activity_unit;
CREATE INDEX activity_unit_date ON activity (member_unit_id, date, id);
CREATE INDEX activity_quantity_date ON activity (quantity, date, id);
CREATE INDEX activity_people_date ON activity (people, date, id);
CREATE INDEX activity_place_note_date ON activity (place_note, date, id);
