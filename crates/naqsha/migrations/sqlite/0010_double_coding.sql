-- Double coding: an admin marks a random sample of coded reports, another coder codes each
-- again without seeing the first coding, and the quality page compares the two (Cohen's
-- kappa per dimension). Labels are stored as the cases table stores them (JSON).
CREATE TABLE double_coding (
    submission_id TEXT PRIMARY KEY NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    marked_by     TEXT NOT NULL REFERENCES users(id),
    marked_at     INTEGER NOT NULL
);

CREATE TABLE second_codings (
    submission_id TEXT PRIMARY KEY NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    coder         TEXT NOT NULL REFERENCES users(id),
    labels        TEXT NOT NULL,
    coded_at      INTEGER NOT NULL
);
