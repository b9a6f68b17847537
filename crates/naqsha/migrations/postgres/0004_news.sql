-- News monitoring: feeds admins follow, keyword rules, and what was seen of each feed.

-- One RSS or Atom feed. The conditional-GET validators and the poll schedule live here;
-- `last_error_kind` / `last_error_detail` are what the admin page shows (never a body).
CREATE TABLE news_feeds (
    id                TEXT PRIMARY KEY NOT NULL,
    url               TEXT NOT NULL,
    name              TEXT NOT NULL,
    lang              TEXT NOT NULL,
    enabled           BIGINT NOT NULL,
    etag              TEXT,
    last_modified     TEXT,
    last_fetched_at   BIGINT,
    last_error_kind   TEXT,
    last_error_detail TEXT,
    failures          BIGINT NOT NULL DEFAULT 0,
    next_poll_at      BIGINT NOT NULL,
    items_seen        BIGINT NOT NULL DEFAULT 0,
    candidates        BIGINT NOT NULL DEFAULT 0,
    created_at        BIGINT NOT NULL
);
CREATE INDEX news_feeds_due ON news_feeds (enabled, next_poll_at);

-- A keyword rule: phrases one per line, matched as whole words after folding case and
-- Urdu letter variants; `hints` are taxonomy terms ("dimension:term", comma-separated)
-- that pre-fill the coding of a candidate.
CREATE TABLE news_rules (
    id         TEXT PRIMARY KEY NOT NULL,
    name       TEXT NOT NULL,
    phrases    TEXT NOT NULL,
    lang       TEXT NOT NULL,
    match_all  BIGINT NOT NULL,
    hints      TEXT NOT NULL,
    enabled    BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);

-- Every item seen, by the SHA-256 of its normalised link, with the MinHash of its title
-- for near-duplicate headlines. News is public, but the item's text lives only in the
-- sealed submission it became (if it matched a rule).
CREATE TABLE news_items (
    url_hash        TEXT PRIMARY KEY NOT NULL,
    feed_id         TEXT NOT NULL,
    title_signature BYTEA NOT NULL,
    submission_id   TEXT,
    seen_at         BIGINT NOT NULL
);
CREATE INDEX news_items_candidates ON news_items (seen_at) WHERE submission_id IS NOT NULL;
