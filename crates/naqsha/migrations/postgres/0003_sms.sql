-- SMS gateways: which gateway messages were already stored, and which numbers asked for no
-- more messages. Neither table holds a phone number: each key is an HMAC keyed with a key
-- derived from the gateway's shared secret, which lives in the configuration, never here, so
-- a copy of the database alone cannot be brute-forced back to numbers.

-- HMAC of (device id, message id): a message posted again is stored once. Pruned after days.
CREATE TABLE sms_seen (
    key     TEXT PRIMARY KEY NOT NULL,
    seen_at BIGINT NOT NULL
);
CREATE INDEX sms_seen_by_time ON sms_seen (seen_at);

-- HMAC of a phone number that sent STOP: no message is sent to it any more.
CREATE TABLE sms_stopped (
    key        TEXT PRIMARY KEY NOT NULL,
    stopped_at BIGINT NOT NULL
);
