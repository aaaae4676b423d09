-- Sign-In with Ethereum: nonces the server issued (single use, short-lived) and the sessions it
-- opened. Sessions are looked up by the SHA-256 of the cookie's token, never the token itself.
CREATE TABLE auth_nonces (
  nonce text PRIMARY KEY,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX auth_nonces_expires_at ON auth_nonces (expires_at);

CREATE TABLE auth_sessions (
  token_hash text PRIMARY KEY,
  address text NOT NULL,
  chain_id integer NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX auth_sessions_address ON auth_sessions (address);
CREATE INDEX auth_sessions_expires_at ON auth_sessions (expires_at);
