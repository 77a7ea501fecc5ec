-- Version 17: a campaign remembers which default rule set it was made with (township, school or
-- university), so restoring defaults adds the same set. A report deadline may repeat monthly
-- (每月5日前报送月报: due on its day of every month after the month it reports on); every occurrence
-- stays due, red once past, until it is marked sent: deadline_sent holds one row per occurrence sent,
-- keyed by the month reported on (YYYY-MM; the due date's month for a one-off deadline).

ALTER TABLE campaign ADD COLUMN rule_set VARCHAR(20) NOT NULL DEFAULT 'township';
ALTER TABLE campaign_deadline ADD COLUMN repeats VARCHAR(10) NOT NULL DEFAULT '';

CREATE TABLE deadline_sent (
    id {pk},
    deadline_id INTEGER NOT NULL REFERENCES campaign_deadline (id) ON DELETE CASCADE,
    month VARCHAR(7) NOT NULL,
    sent_on DATE NOT NULL,
    UNIQUE (deadline_id, month)
);
