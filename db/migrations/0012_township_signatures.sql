-- Version 12: the names a township's reports are signed with (填报人 preparer, 审核人 reviewer) live
-- with the township, beside its office name (单位名称), so each database prints its own office.

ALTER TABLE township ADD COLUMN preparer VARCHAR(100) NOT NULL DEFAULT '';
ALTER TABLE township ADD COLUMN reviewer VARCHAR(100) NOT NULL DEFAULT '';
