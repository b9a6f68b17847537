-- Staff sessions over several nodes sharing one database.
--
-- `node`: the node whose memory holds the key the session unlocked at sign-in; a node purges
-- only its own timed-out sessions (another node's after a grace for clock skew), and no node
-- or command ends a live session of another node.
-- `vault_id`: the name the key is kept under in the memory of every node that holds it; it
-- stays when the session id rotates at sign-in, so a key unlocked on one node is found there
-- whichever node finished the sign-in. Not a secret: it opens nothing without that memory.
-- `csrf_secret`: random per session; the workspace's CSRF tokens are an HMAC of it, so every
-- node checks them the same way.
-- `pending_totp`: a TOTP secret offered at enrolment and not yet confirmed, sealed with a key
-- derived from the session cookie (which the database never sees), so any node can show and
-- check it and a reader of the database cannot.
ALTER TABLE staff_sessions ADD COLUMN node TEXT NOT NULL DEFAULT '';
ALTER TABLE staff_sessions ADD COLUMN vault_id TEXT NOT NULL DEFAULT '';
ALTER TABLE staff_sessions ADD COLUMN csrf_secret TEXT NOT NULL DEFAULT '';
ALTER TABLE staff_sessions ADD COLUMN pending_totp TEXT;
UPDATE staff_sessions SET vault_id = id_hash,
    csrf_secret = md5(random()::text || id_hash) || md5(random()::text || clock_timestamp()::text);
CREATE INDEX staff_sessions_by_node ON staff_sessions (node);
CREATE INDEX staff_sessions_by_vault ON staff_sessions (vault_id);

-- Failed sign-ins per account name, shared by every node so that five wrong passwords spread
-- over two nodes count as five. `name_key` is an HMAC of the lower-cased name under the salt
-- below, never the name. UNLOGGED: not in the WAL, replicas or base backups; lost in a crash,
-- which only forgets failures (and the salt with them, so the two always go together).
-- `forget_at` is when the failures are forgotten (a day after the wait they caused ended).
CREATE UNLOGGED TABLE staff_throttle (
    name_key  TEXT PRIMARY KEY NOT NULL,
    failures  BIGINT NOT NULL,
    last_at   BIGINT NOT NULL,
    forget_at BIGINT NOT NULL
);
CREATE INDEX staff_throttle_by_forget ON staff_throttle (forget_at);
CREATE UNLOGGED TABLE staff_throttle_salt (
    id   INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    salt TEXT NOT NULL
);
