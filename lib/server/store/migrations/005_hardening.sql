-- Rate limits shared by every app server on this database (issue 13): one fixed window per key
-- ("nonce:203.0.113.7", "drafts:create:0xabc…"), counted with one atomic upsert and purged once
-- expired, so a limit holds however many servers answer and the table stays small.
CREATE TABLE rate_limits (
  key text PRIMARY KEY,
  count integer NOT NULL,
  window_start timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX rate_limits_expires_at ON rate_limits (expires_at);

-- Caps on what one address keeps: drafts across every DAO, discussion links added recently.
CREATE INDEX drafts_by_author_anywhere ON drafts (author);
CREATE INDEX discussion_links_by_signer ON discussion_links (dao, signer, created_at);
