-- Discussion links a proposer added to a proposal after creating it (issue 5), each with the
-- exact message the proposer signed and the signature, so anyone can verify it again. One row per
-- (DAO, proposal, URL): a replayed signature adds nothing.
CREATE TABLE discussion_links (
  dao text NOT NULL,
  proposal_id text NOT NULL,
  url text NOT NULL,
  signer text NOT NULL,
  message text NOT NULL,
  signature text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (dao, proposal_id, url)
);
