-- Form tokens used up by a stored report. A token is spent in the same transaction as the
-- report it carried, so a token counts as used exactly when its report was stored: a form
-- whose report failed to store can be sent again, and one that was stored cannot create a
-- second report. The key is the token's random nonce, which says nothing about the visitor;
-- rows are pruned once the token would have expired anyway.
CREATE TABLE spent_form_tokens (
    nonce      TEXT PRIMARY KEY NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX spent_form_tokens_by_expiry ON spent_form_tokens (expires_at);
