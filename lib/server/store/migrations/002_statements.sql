-- Delegate statements: one current statement per DAO and address (checksummed), and every saved
-- version in statement_revisions (nothing is ever lost; version counts from 1).
CREATE TABLE statements (
  dao text NOT NULL,
  address text NOT NULL,
  body text NOT NULL,
  links jsonb NOT NULL DEFAULT '[]'::jsonb,
  version integer NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (dao, address)
);

CREATE TABLE statement_revisions (
  dao text NOT NULL,
  address text NOT NULL,
  version integer NOT NULL,
  body text NOT NULL,
  links jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (dao, address, version)
);
