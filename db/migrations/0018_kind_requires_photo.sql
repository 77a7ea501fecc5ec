-- Version 18: evidence rules. An activity kind can require at least one photo (影像资料) on each record; records
-- of such a kind without one are listed in the gap list as 缺影像资料, in the report and in the upward package's
-- photo index. The plans ask for photos of banners, posters, display windows, lectures, cultural events and quizzes.

ALTER TABLE activity_kind ADD COLUMN requires_photo BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE activity_kind SET requires_photo = TRUE
WHERE code IN ('banner', 'poster', 'display_window', 'lecture', 'cultural_event', 'prize_quiz');
