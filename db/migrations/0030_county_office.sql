-- Version 30: a county database's own identity, the level above its townships: the county's name (清河县),
-- the office its reports come from (单位名称, printed as 填报单位 and in every sheet's title) and the names they
-- are signed with (填报人, 审核人), as a township's live on its own row (version 12). One row at most.

CREATE TABLE county_office (
    id {pk},
    name VARCHAR(100) NOT NULL DEFAULT '',
    office_name VARCHAR(200) NOT NULL DEFAULT '',
    preparer VARCHAR(100) NOT NULL DEFAULT '',
    reviewer VARCHAR(100) NOT NULL DEFAULT ''
);
