-- Rows already imported from other systems (Ushahidi, CSV files), so running the same import
-- again adds nothing. The key is the SHA-256 of the source name and the row's id in that
-- source: it says which rows were taken, never what they said.
CREATE TABLE import_ledger (
    key         TEXT PRIMARY KEY NOT NULL,
    imported_at BIGINT NOT NULL
);
