-- Rules on receive and the junk filter (issue 15).

-- The rule list, in the order it runs. `definition` is one rule as the JSON
-- of `popmail rule export` (crate::rules::model), so the rule model can grow
-- without a migration per field.
CREATE TABLE rules (
    id          INTEGER PRIMARY KEY,
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    definition  TEXT NOT NULL
);
CREATE UNIQUE INDEX rules_name ON rules (lower(name));

-- What a rule decided on the server: "leave on server" overrides the
-- account's delete policy for this message (the sync's deletion planning
-- reads it); "delete from server now" sets delete_pending.
ALTER TABLE uidl_ledger ADD COLUMN keep_on_server INTEGER NOT NULL DEFAULT 0;

-- Junk filter token counts (SpamBayes-style: in how many junk and good
-- messages a token was seen), and how many messages were trained.
CREATE TABLE junk_tokens (
    token  TEXT PRIMARY KEY,
    spam   INTEGER NOT NULL DEFAULT 0 CHECK (spam >= 0),
    good   INTEGER NOT NULL DEFAULT 0 CHECK (good >= 0)
) WITHOUT ROWID;
CREATE TABLE junk_totals (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    spam_messages  INTEGER NOT NULL DEFAULT 0,
    good_messages  INTEGER NOT NULL DEFAULT 0
);
INSERT INTO junk_totals (id) VALUES (1);

-- Which stored bytes trained the filter, and as what: a mark that changes
-- its mind untrains first, and training the same message twice counts once.
CREATE TABLE junk_trained (
    sha256  BLOB PRIMARY KEY,
    junk    INTEGER NOT NULL
) WITHOUT ROWID;

-- Senders never called junk: those the user marked "not junk".
CREATE TABLE junk_safe_senders (
    address  TEXT PRIMARY KEY
) WITHOUT ROWID;

-- Per account: trust the provider's verdict (X-Spam-Flag and friends).
CREATE TABLE account_junk (
    account_id      INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    trust_provider  INTEGER NOT NULL DEFAULT 1
);
