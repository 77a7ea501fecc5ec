-- Version 15: photos of inspections (督导检查) and of the re-inspections that close rectification orders
-- (复查), kept in the same managed photo folder as the activity photos (files named by SHA-256, a picture
-- stored once however many records show it). A row belongs to one inspection or to one order's
-- re-inspection, never both; deleting the record deletes its rows and keeps the files (an undo may bring
-- the record back; the photo sweep removes files no row and no backup uses).

CREATE TABLE supervision_photo (
    id {pk},
    inspection_id INTEGER REFERENCES inspection (id) ON DELETE CASCADE,
    order_id INTEGER REFERENCES rectification_order (id) ON DELETE CASCADE,
    sha256 VARCHAR(64) NOT NULL,
    ext VARCHAR(10) NOT NULL DEFAULT '',
    original_name VARCHAR(255) NOT NULL DEFAULT '',
    added_at TIMESTAMP NOT NULL,
    CHECK ((inspection_id IS NULL) <> (order_id IS NULL))
);
CREATE INDEX supervision_photo_inspection ON supervision_photo (inspection_id);
CREATE INDEX supervision_photo_order ON supervision_photo (order_id);
CREATE INDEX supervision_photo_sha256 ON supervision_photo (sha256);
