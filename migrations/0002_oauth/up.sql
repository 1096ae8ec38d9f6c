-- OAuth 2.0 (issue #12): an account's provider settings, and the refresh
-- token when no OS keychain holds it (like account_secrets for passwords).
-- A row in account_oauth exists exactly for the accounts that sign in with
-- OAuth 2.0: accounts.auth keeps the CHECK of 0001 (SQLite cannot change a
-- CHECK without rebuilding a table that others reference), so the store
-- writes 'auto' there and reads the method as oauth2 when this row exists.
CREATE TABLE account_oauth (
    account_id         INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    provider           TEXT NOT NULL,
    client_id          TEXT,
    client_secret_env  TEXT,
    tenant             TEXT,
    authorize_url      TEXT,
    token_url          TEXT,
    device_url         TEXT,
    scope              TEXT,
    mechanism          TEXT
);

CREATE TABLE account_tokens (
    account_id     INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    refresh_token  TEXT NOT NULL
);
