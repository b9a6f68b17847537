-- Federation (issue 22): this instance's feed of its published cases, and the instances it
-- follows. Times are unix seconds.

-- The instance's Ed25519 signing key: its 32-byte seed in base64. One row. Kept in the
-- database (not in a node's files) so that every node signs with the same key.
CREATE TABLE federation_identity (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    seed       TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

-- What the feed has said about each case, in order: `seq` rises by one with every change; a
-- follower asks for everything after the `seq` it has. `item` is the case as sent (the feed
-- case's JSON), or NULL once it is gone (withdrawn, unpublished or back in review): a
-- tombstone. `digest` is a hash of `item`, so an unchanged case is not sent again.
CREATE TABLE federation_log (
    case_id TEXT PRIMARY KEY NOT NULL,
    seq     BIGINT NOT NULL UNIQUE,
    digest  TEXT NOT NULL,
    item    TEXT
);

-- The instances this one follows. `cursor` is the last `seq` taken; `generated_at` that page's
-- time (an older page is a replay and refused); `etag`/`last_modified` for conditional
-- requests. `failures` counts pulls failed in a row (the backoff); `last_error` says why the
-- last one failed, for the admin page; `refused` is a JSON list of the items refused on the
-- last pull with their reasons. `lease_until`/`leased_by` as for news feeds.
CREATE TABLE federation_follows (
    name          TEXT PRIMARY KEY NOT NULL,
    url           TEXT NOT NULL UNIQUE,
    public_key    TEXT NOT NULL,
    added_at      BIGINT NOT NULL,
    cursor        BIGINT NOT NULL DEFAULT 0,
    generated_at  BIGINT,
    etag          TEXT,
    last_modified TEXT,
    last_ok_at    BIGINT,
    last_error    TEXT,
    last_error_at BIGINT,
    failures      INTEGER NOT NULL DEFAULT 0,
    next_pull_at  BIGINT NOT NULL DEFAULT 0,
    refused       TEXT,
    lease_until   BIGINT,
    leased_by     TEXT
);

-- The cases followed instances publish, as their feeds sent them (the feed case's JSON).
-- Never joined to this instance's own cases: a followed instance cannot write to them.
CREATE TABLE federation_cases (
    source  TEXT NOT NULL REFERENCES federation_follows (name) ON DELETE CASCADE,
    case_id TEXT NOT NULL,
    seq     BIGINT NOT NULL,
    item    TEXT NOT NULL,
    PRIMARY KEY (source, case_id)
);
