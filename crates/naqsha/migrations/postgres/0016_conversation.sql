-- Talking back to the reporter on her receipt (issue 19): replies sealed to a key only her
-- receipt re-creates, her answers, and her approval of the anonymised version.

-- The reporter asked to see the anonymised version before it is published.
ALTER TABLE submissions ADD COLUMN approve_first BIGINT NOT NULL DEFAULT 0;

-- The public half of a report's reply key (an age X25519 recipient, `age1…`), with the
-- salt and argon2id cost it was derived from her receipt with. Nothing here opens a
-- reply: the secret half is derived again from the receipt on each follow-up step and
-- never stored. No time is kept: when a key was made says when she came back.
CREATE TABLE reply_keys (
    submission_id TEXT PRIMARY KEY NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    recipient     TEXT NOT NULL,
    salt          BYTEA NOT NULL,
    kdf           TEXT NOT NULL
);

-- The conversation: each message one age file sealed to the organisation key and to her
-- reply key (`sealed`, a naqsha_core::conversation::MessageBody). `author` is the staff
-- member who wrote it; NULL means the reporter. `kind` is reply, answer, proposal or
-- decision. Her messages are dated to the hour (`created_at` rounded down), like
-- reports; staff messages to the second. `seq` numbers the messages of a report in the
-- order they were stored, which the coarse times cannot tell.
CREATE TABLE conversation_messages (
    id            TEXT PRIMARY KEY NOT NULL,
    submission_id TEXT NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    author        TEXT REFERENCES users(id),
    kind          TEXT NOT NULL,
    sealed        BYTEA NOT NULL,
    created_at    BIGINT NOT NULL,
    seq           BIGINT NOT NULL
);
CREATE UNIQUE INDEX conversation_messages_in_order
    ON conversation_messages (submission_id, seq);

-- Each proposal sent for her approval and her answer. `digest` is a SHA-256 of exactly
-- what would be published (naqsha_core::conversation::Proposal::digest), so publishing can
-- check the case is still what she approved. `answer` is NULL while she has not answered,
-- else approved, changes, statistics_only or private; `answered_at` is to the hour.
CREATE TABLE reporter_approvals (
    submission_id TEXT NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    round         BIGINT NOT NULL,
    message_id    TEXT NOT NULL REFERENCES conversation_messages(id) ON DELETE CASCADE,
    digest        TEXT NOT NULL,
    sent_by       TEXT REFERENCES users(id),
    sent_at       BIGINT NOT NULL,
    answer        TEXT,
    answered_at   BIGINT,
    PRIMARY KEY (submission_id, round)
);
