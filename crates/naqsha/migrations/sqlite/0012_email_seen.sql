-- Email intake: which messages were already stored, so a message delivered again (an MTA
-- retrying, an IMAP mailbox polled again after a crash, the same file piped twice) makes one
-- report. The key is an HMAC of the sender's address and the Message-ID, keyed with a key
-- derived from the server's receipt key; neither the address nor the Message-ID is stored.
-- Not tied to a submission, so it says nothing about which report a message became.
-- Pruned after 30 days.
CREATE TABLE email_seen (
    key     TEXT PRIMARY KEY NOT NULL,
    seen_at INTEGER NOT NULL
);
CREATE INDEX email_seen_by_time ON email_seen (seen_at);
