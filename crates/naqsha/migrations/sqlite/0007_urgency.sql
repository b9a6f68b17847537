-- Why a report should be read first (naqsha_core::urgency): "danger" (the reporter said she
-- is in danger now), "self_harm", "violence", "leak" or "threat" (cue phrases in its words,
-- read at intake before sealing), "moderator" (set by hand); NULL when not urgent. Only the
-- reason is kept in the clear, never the words that raised it.
ALTER TABLE submissions ADD COLUMN urgency TEXT;

-- The inbox asks on every view which reports are still there (not withdrawn): answered from
-- this index alone, without reading the rows and their sealed reports.
CREATE INDEX submissions_live ON submissions (status, id);
