-- Proposal drafts (issue 5): the propose form's state saved by its author, shared read-only by
-- its unguessable id (128 random bits, hex). `form` holds the builder's actions exactly as typed
-- and its action-id counter: {"actions": [...], "nextId": n}. `version` grows by one on every
-- write; a write naming an older version is refused (optimistic concurrency). `proposal_id` is set
-- once the proposal is on chain (decimal string), checked against the chain's proposer.
CREATE TABLE drafts (
  id text PRIMARY KEY,
  dao text NOT NULL,
  author text NOT NULL,
  title text NOT NULL DEFAULT '',
  body text NOT NULL DEFAULT '',
  form jsonb NOT NULL DEFAULT '{"actions": [], "nextId": 1}',
  discussion_url text NOT NULL DEFAULT '',
  proposal_id text,
  proposal_tx text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX drafts_by_author ON drafts (dao, author, updated_at DESC);
CREATE INDEX drafts_by_proposal ON drafts (dao, proposal_id);
