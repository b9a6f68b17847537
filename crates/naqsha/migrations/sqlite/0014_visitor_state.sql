-- What a visitor carries between requests (issue 18). On SQLite there is one node: its
-- secrets, rate limits and flood state stay in its memory. Receipts waiting to be shown and
-- drafts are tables on both backends, so they behave the same everywhere.

-- A receipt waiting to be shown once, written in the transaction that stores its report.
-- Encrypted under a key derived from the address token only the survivor's browser holds;
-- found by a hash of that token.
CREATE TABLE receipt_views (
    id_hash    TEXT PRIMARY KEY NOT NULL,
    sealed     BLOB NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX receipt_views_by_expiry ON receipt_views (expires_at);

-- Evidence files of a form shown again after a validation error, sealed to the organisation
-- key, waiting for the next try. Bounded per network and in total by the code that inserts
-- them.
CREATE TABLE intake_drafts (
    id_hash    TEXT PRIMARY KEY NOT NULL,
    network    BLOB NOT NULL,
    bytes      INTEGER NOT NULL,
    created_ms INTEGER NOT NULL
);
CREATE INDEX intake_drafts_by_network ON intake_drafts (network, created_ms);
CREATE INDEX intake_drafts_by_time ON intake_drafts (created_ms);
CREATE TABLE intake_draft_files (
    draft_id   TEXT NOT NULL REFERENCES intake_drafts (id_hash) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    id         TEXT NOT NULL,
    media_type TEXT NOT NULL,
    byte_size  INTEGER NOT NULL,
    sealed     BLOB NOT NULL,
    PRIMARY KEY (draft_id, position)
);
