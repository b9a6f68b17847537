-- Staff sessions over several nodes sharing one database (see the PostgreSQL migration of
-- the same number for what each column is for). On SQLite there is one node, but the columns
-- and tables are the same so both backends run one code path.
ALTER TABLE staff_sessions ADD COLUMN node TEXT NOT NULL DEFAULT '';
ALTER TABLE staff_sessions ADD COLUMN vault_id TEXT NOT NULL DEFAULT '';
ALTER TABLE staff_sessions ADD COLUMN csrf_secret TEXT NOT NULL DEFAULT '';
ALTER TABLE staff_sessions ADD COLUMN pending_totp TEXT;
UPDATE staff_sessions SET vault_id = id_hash, csrf_secret = lower(hex(randomblob(32)));
CREATE INDEX staff_sessions_by_node ON staff_sessions (node);
CREATE INDEX staff_sessions_by_vault ON staff_sessions (vault_id);

-- Failed sign-ins per account name: an HMAC of the lower-cased name under the salt below,
-- never the name. Not copied by backups or migrate-store.
CREATE TABLE staff_throttle (
    name_key  TEXT PRIMARY KEY NOT NULL,
    failures  INTEGER NOT NULL,
    last_at   INTEGER NOT NULL,
    forget_at INTEGER NOT NULL
);
CREATE INDEX staff_throttle_by_forget ON staff_throttle (forget_at);
CREATE TABLE staff_throttle_salt (
    id   INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    salt TEXT NOT NULL
);
