-- Responses from the public to a published story or a campaign page (issue 20): messages of
-- support, "what helped me", and creative responses for a campaign's gallery.

-- What a writer sent, sealed to the organisation key as it arrived (`sealed`, a
-- naqsha_core::response::ResponseBody; `sealed_image`, an image already re-encoded without
-- its metadata). Nothing of it is public until a moderator approves it. `receipt_hash` is a
-- keyed hash of the receipt she was given, which lets her change or delete it. `target_kind`
-- is story or campaign and `target_id` the case id or the campaign's slug. `flagged` is set
-- when it came during a flood without a proof of work. `received_at` is to the hour, like
-- reports. A rejected response loses its sealed content; only the fact remains.
CREATE TABLE responses (
    id            TEXT PRIMARY KEY NOT NULL,
    receipt_hash  TEXT NOT NULL UNIQUE,
    target_kind   TEXT NOT NULL,
    target_id     TEXT NOT NULL,
    kind          TEXT NOT NULL,
    lang          TEXT NOT NULL,
    status        TEXT NOT NULL DEFAULT 'pending',
    sealed        BLOB,
    sealed_image  BLOB,
    flagged       INTEGER NOT NULL DEFAULT 0,
    received_at   INTEGER NOT NULL,
    decided_by    TEXT REFERENCES users(id),
    decided_at    INTEGER
);
CREATE INDEX responses_waiting ON responses (status, received_at);

-- The public record a moderator's approval writes: exactly what readers see, derived from
-- what she sent (possibly redacted). Deleted with the response.
CREATE TABLE published_responses (
    id            TEXT PRIMARY KEY NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
    target_kind   TEXT NOT NULL,
    target_id     TEXT NOT NULL,
    kind          TEXT NOT NULL,
    lang          TEXT NOT NULL,
    title         TEXT,
    body          TEXT,
    pseudonym     TEXT,
    link          TEXT,
    licence       TEXT,
    image         BLOB,
    image_type    TEXT,
    published_at  INTEGER NOT NULL
);
CREATE INDEX published_responses_by_target
    ON published_responses (target_kind, target_id, kind, published_at);
CREATE INDEX published_responses_by_kind ON published_responses (kind, published_at);
