-- Version 9: the activity table's (kind, date) index also carries the columns that the coverage
-- engine and the dashboard sum, so the days of records that services/coverage/tally.py reads beside
-- the tallied months (a month the period covers in part, e.g. the first half of the running month)
-- come from the index alone instead of one table row per record. It keeps the order of the index it
-- replaces, (kind_id, date, id), so the ledger's kind filter pages through it as before.

DROP INDEX activity_kind_date;
CREATE INDEX activity_kind_date_sums ON activity (kind_id, date, id, village_id, site_id, member_unit_id, quantity,
                                                  people, audiences);
