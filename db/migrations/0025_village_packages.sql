-- Version 25: a township takes in the packages of villages that keep their own copy of the program (a village
-- package holds that village's records only, and replaces only that village-month). received_package.village_id
-- names the village of such a package; NULL is a township's package, as every row before this version.
-- The newest row of a (township, month, village) is what the database holds for it.

ALTER TABLE received_package ADD COLUMN village_id INTEGER REFERENCES village (id) ON DELETE CASCADE;
CREATE INDEX received_package_village ON received_package (village_id, month);
