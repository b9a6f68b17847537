-- Background work shared by several nodes over one database: a feed is polled by one node
-- at a time, a sender's messages join one report whichever node receives them, and a reply
-- waits for the SMSSync phone whichever node it polls.

-- A node polling a feed holds it until `lease_until` (unix seconds); `leased_by` is that
-- node's random id for this run (it says which process, never which machine).
ALTER TABLE news_feeds ADD COLUMN lease_until BIGINT;
ALTER TABLE news_feeds ADD COLUMN leased_by TEXT;

-- An open join window of a messaging channel: the report a sender's next messages join.
-- `key` is an HMAC of the sender keyed with a key derived from the channel's secret (which
-- lives in the configuration, never here). `sealed` is the text so far, the receipt (for
-- `reply = on_request`), the language, consent and time of the first message, encrypted with
-- a key derived from the channel's secret and the sender's number: neither a copy of the
-- database nor the configuration alone opens it. Deleted when the window closes.
-- `version` makes two nodes growing the same window at once take turns. Times in this
-- table and the next are unix milliseconds.
CREATE UNLOGGED TABLE conversation_windows (
    channel       TEXT NOT NULL,
    key           TEXT NOT NULL,
    submission_id TEXT NOT NULL,
    expires_at    BIGINT NOT NULL,
    opened        BIGINT NOT NULL,
    version       BIGINT NOT NULL,
    sealed        BYTEA NOT NULL,
    PRIMARY KEY (channel, key)
);
CREATE INDEX conversation_windows_by_expiry ON conversation_windows (expires_at);

-- Replies waiting for the SMSSync phone. The number and the text are encrypted with a key
-- derived from the gateway's secret (the phone must be told the number); `stop_key` is the
-- HMAC the STOP list uses, so a STOP drops her waiting replies. A fetch leases a reply to the
-- phone until `lease_until`; `sending` once the phone took it (`task=sent`). Deleted when
-- delivered, dropped or a day old.
CREATE UNLOGGED TABLE sms_outbox (
    uuid        TEXT PRIMARY KEY NOT NULL,
    stop_key    TEXT NOT NULL,
    sealed      BYTEA NOT NULL,
    queued_at   BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    sending     BIGINT NOT NULL DEFAULT 0,
    lease_until BIGINT
);
CREATE INDEX sms_outbox_by_time ON sms_outbox (queued_at);
-- conversation_windows and sms_outbox are UNLOGGED: never in the write-ahead log, a replica
-- or a base backup, and emptied by a crash (as a restart of one node forgot them before).

-- A background job that one node at a time runs (polling the IMAP mailbox): held by
-- `leased_by` (a node's random id for this run) until `lease_until` (unix seconds).
CREATE TABLE job_leases (
    name        TEXT PRIMARY KEY NOT NULL,
    leased_by   TEXT NOT NULL,
    lease_until BIGINT NOT NULL
);
