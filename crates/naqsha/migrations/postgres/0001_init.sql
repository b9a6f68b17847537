-- Naqsha schema, PostgreSQL. Times are unix seconds (UTC). Sealed columns hold age ciphertext only.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);

CREATE TABLE users (
    id                   TEXT PRIMARY KEY NOT NULL,
    username             TEXT NOT NULL UNIQUE,
    role                 TEXT NOT NULL,
    password_hash        TEXT NOT NULL,
    key_wrap             TEXT,
    disabled             BIGINT NOT NULL DEFAULT 0,
    must_change_password BIGINT NOT NULL DEFAULT 0,
    created_at           BIGINT NOT NULL
);

CREATE TABLE taxonomies (
    version      TEXT PRIMARY KEY NOT NULL,
    content      TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    installed_at BIGINT NOT NULL,
    active       BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE submissions (
    id               TEXT PRIMARY KEY NOT NULL,
    channel          TEXT NOT NULL,
    status           TEXT NOT NULL,
    consent          TEXT NOT NULL,
    province         TEXT,
    received_hour    BIGINT NOT NULL,
    flagged          BIGINT NOT NULL DEFAULT 0,
    taxonomy_version TEXT NOT NULL,
    receipt_hash     TEXT UNIQUE,
    assigned_to      TEXT REFERENCES users(id),
    sealed_report    BYTEA,
    sealed_contact   BYTEA,
    updated_at       BIGINT NOT NULL
);
CREATE INDEX submissions_inbox ON submissions (status, received_hour DESC);

CREATE TABLE submission_additions (
    id            TEXT PRIMARY KEY NOT NULL,
    submission_id TEXT NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,
    author        TEXT REFERENCES users(id),
    sealed        BYTEA NOT NULL,
    created_at    BIGINT NOT NULL
);
CREATE INDEX submission_additions_by_submission ON submission_additions (submission_id);

CREATE TABLE attachments (
    id            TEXT PRIMARY KEY NOT NULL,
    submission_id TEXT NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    media_type    TEXT NOT NULL,
    byte_size     BIGINT NOT NULL,
    sealed        BYTEA NOT NULL,
    created_at    BIGINT NOT NULL
);
CREATE INDEX attachments_by_submission ON attachments (submission_id);

CREATE TABLE cases (
    id               TEXT PRIMARY KEY NOT NULL,
    submission_id    TEXT REFERENCES submissions(id) ON DELETE CASCADE,
    status           TEXT NOT NULL,
    taxonomy_version TEXT NOT NULL,
    labels           TEXT NOT NULL,
    place            TEXT,
    province         TEXT,
    period           BIGINT,
    title_en         TEXT,
    text_en          TEXT,
    title_ur         TEXT,
    text_ur          TEXT,
    consent          TEXT NOT NULL,
    verification     TEXT NOT NULL,
    demo             BIGINT NOT NULL DEFAULT 0,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL,
    published_at     BIGINT
);
CREATE INDEX cases_public ON cases (status, period DESC, id);
CREATE INDEX cases_by_province ON cases (status, province);
CREATE INDEX cases_by_submission ON cases (submission_id);

CREATE TABLE case_labels (
    case_id   TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    dimension TEXT NOT NULL,
    term      TEXT NOT NULL,
    PRIMARY KEY (case_id, dimension, term)
);
CREATE INDEX case_labels_by_term ON case_labels (dimension, term);

CREATE TABLE audit_events (
    id      TEXT PRIMARY KEY NOT NULL,
    at      BIGINT NOT NULL,
    actor   TEXT,
    action  TEXT NOT NULL,
    subject TEXT,
    detail  TEXT
);
CREATE INDEX audit_events_by_time ON audit_events (at DESC);

-- The audit log is append-only: the storage layer refuses to change or remove an entry.
CREATE FUNCTION audit_events_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

CREATE TABLE boundaries (
    name        TEXT PRIMARY KEY NOT NULL,
    content     TEXT NOT NULL,
    imported_at BIGINT NOT NULL
);
