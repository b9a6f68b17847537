-- What a visitor carries between requests, valid on every node (issue 18).
--
-- Secrets every node signs form tokens and proof-of-work challenges with and keys rate limits
-- with, one per purpose and wall-clock generation (unix time / period). UNLOGGED: never
-- written to the WAL, so never in a base backup, a replica or a point-in-time restore, and
-- emptied by PostgreSQL after a crash (nodes then agree on fresh ones; forms signed before
-- read as expired, as after a restart). Not in storage::transfer::TABLES, so `naqsha backup`
-- and `migrate-store` never copy it. Rows are deleted as their generation rotates out.
CREATE UNLOGGED TABLE shared_secrets (
    purpose    TEXT NOT NULL,
    generation BIGINT NOT NULL,
    secret     BYTEA NOT NULL,
    PRIMARY KEY (purpose, generation)
);

-- Per-network token buckets (generic cell rate algorithm: the instant, in unix milliseconds,
-- at which the bucket is full again). The key is the node-shared keyed hash of the network
-- prefix, never an address; a row whose instant has passed is a full bucket and is deleted.
-- UNLOGGED: a crash refills every bucket, which costs nothing but one fresh burst.
CREATE UNLOGGED TABLE rate_buckets (
    kind    TEXT NOT NULL,
    network BYTEA NOT NULL,
    full_at BIGINT NOT NULL,
    PRIMARY KEY (kind, network)
);
CREATE INDEX rate_buckets_by_full_at ON rate_buckets (full_at);

-- The flood detector's count of accepted submissions (one row each, deleted once outside the
-- window) and its one state row.
CREATE UNLOGGED TABLE flood_accepted (
    at_ms BIGINT NOT NULL
);
CREATE INDEX flood_accepted_by_time ON flood_accepted (at_ms);
CREATE UNLOGGED TABLE flood_state (
    id              SMALLINT PRIMARY KEY CHECK (id = 1),
    since_ms        BIGINT,
    until_ms        BIGINT,
    paused_until_ms BIGINT
);
INSERT INTO flood_state (id) VALUES (1);

-- A receipt waiting to be shown once, written in the transaction that stores its report.
-- Encrypted under a key derived from the address token only the survivor's browser holds;
-- found by a hash of that token. Logged: the report is acknowledged only once both are durable.
CREATE TABLE receipt_views (
    id_hash    TEXT PRIMARY KEY NOT NULL,
    sealed     BYTEA NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX receipt_views_by_expiry ON receipt_views (expires_at);

-- Evidence files of a form shown again after a validation error, sealed to the organisation
-- key, waiting for the next try (on any node). Bounded per network and in total by the code
-- that inserts them; UNLOGGED, as a restart forgot them before.
CREATE UNLOGGED TABLE intake_drafts (
    id_hash    TEXT PRIMARY KEY NOT NULL,
    network    BYTEA NOT NULL,
    bytes      BIGINT NOT NULL,
    created_ms BIGINT NOT NULL
);
CREATE INDEX intake_drafts_by_network ON intake_drafts (network, created_ms);
CREATE INDEX intake_drafts_by_time ON intake_drafts (created_ms);
CREATE UNLOGGED TABLE intake_draft_files (
    draft_id   TEXT NOT NULL REFERENCES intake_drafts (id_hash) ON DELETE CASCADE,
    position   BIGINT NOT NULL,
    id         TEXT NOT NULL,
    media_type TEXT NOT NULL,
    byte_size  BIGINT NOT NULL,
    sealed     BYTEA NOT NULL,
    PRIMARY KEY (draft_id, position)
);
