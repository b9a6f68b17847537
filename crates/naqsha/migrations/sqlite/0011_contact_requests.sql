-- Four eyes on contact details ([moderation] second_approval = "publish_and_contact"): a
-- moderator's wish to see how to reach a reporter waits here until a second moderator or
-- coordinator approves it; then she may see them on that report.
CREATE TABLE contact_requests (
    submission_id TEXT NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    requested_by  TEXT NOT NULL REFERENCES users(id),
    requested_at  INTEGER NOT NULL,
    approved_by   TEXT REFERENCES users(id),
    approved_at   INTEGER,
    PRIMARY KEY (submission_id, requested_by)
);
