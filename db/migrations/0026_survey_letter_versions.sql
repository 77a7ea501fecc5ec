-- Version 26: surveys and parent letters count their saves as activity records do (migration 0021), so a clerk's
-- edit, undo or redo of one is refused when another clerk saved it since it was opened, instead of writing over
-- that change silently (services/record_versions.py).

ALTER TABLE survey ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE parent_letter ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
