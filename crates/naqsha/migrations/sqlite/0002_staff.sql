-- Staff sign-in: second factors and server-side sessions; inbox fields for moderation.

-- One TOTP secret per account. `last_step` is the last 30-second step accepted, so a code
-- works once.
CREATE TABLE staff_totp (
    user_id     TEXT PRIMARY KEY NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    secret      TEXT NOT NULL,
    last_step   INTEGER NOT NULL DEFAULT 0,
    enrolled_at INTEGER NOT NULL
);

-- Sessions are looked up by the SHA-256 of the cookie value; the cookie itself is never
-- stored. The organisation key a session unlocked lives only in the server's memory.
CREATE TABLE staff_sessions (
    id_hash      TEXT PRIMARY KEY NOT NULL,
    user_id      TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    stage        TEXT NOT NULL,
    lang         TEXT NOT NULL DEFAULT 'en',
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
);
CREATE INDEX staff_sessions_by_user ON staff_sessions (user_id);

-- The kinds of violence (terms of the `kind` dimension, comma-separated) as ticked by the
-- reporter or coded by a moderator: coarse enough to filter the inbox on in the clear.
ALTER TABLE submissions ADD COLUMN kinds TEXT;
-- Links a submission to another it repeats (a survivor's report and the news item about it);
-- a plain id, not a foreign key, so stores can be copied row by row in any order.
ALTER TABLE submissions ADD COLUMN duplicate_of TEXT;
CREATE INDEX submissions_by_assignee ON submissions (assigned_to, status);
