-- Version 19: the document archive. A campaign's one-off report deadlines are the documents its plan asks for
-- (总结, 典型案例, 经验做法 …); each stays due, then overdue, until a file is attached. campaign_document holds one
-- row per attached file, keyed like deadline_sent by the deadline's title and the month of its due date (so the
-- files stay with the deadline when the campaign is edited); the file itself is kept by its SHA-256 in the managed
-- folder beside the database, as photos are.

CREATE TABLE campaign_document (
    id {pk},
    uuid VARCHAR(36),
    campaign_id INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    deadline_title VARCHAR(200) NOT NULL,
    month VARCHAR(7) NOT NULL,
    sha256 VARCHAR(64) NOT NULL,
    ext VARCHAR(10) NOT NULL,
    original_name VARCHAR(255) NOT NULL,
    size BIGINT NOT NULL,
    attached_at TIMESTAMP NOT NULL,
    attached_by VARCHAR(100) NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX campaign_document_uuid ON campaign_document (uuid);
CREATE INDEX campaign_document_deadline ON campaign_document (campaign_id, deadline_title, month);
CREATE INDEX campaign_document_sha256 ON campaign_document (sha256);
