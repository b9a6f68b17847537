-- Four eyes on publication ([moderation] second_approval = "publish"): a moderator's
-- publication of a report waits here until a second moderator or coordinator approves the
-- same draft. Written and cleared in the transaction of the decision that asks or approves.
CREATE TABLE publish_requests (
    submission_id TEXT PRIMARY KEY NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    requested_by  TEXT NOT NULL REFERENCES users(id),
    requested_at  INTEGER NOT NULL
);
