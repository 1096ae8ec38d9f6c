-- popmail schema, version 1.
-- Raw message bytes live apart from the list columns so that scanning a folder
-- never drags megabytes of mail through the page cache.

CREATE TABLE accounts (
    id                        INTEGER PRIMARY KEY,
    name                      TEXT NOT NULL UNIQUE,
    email                     TEXT NOT NULL DEFAULT '',
    host                      TEXT NOT NULL,
    port                      INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
    security                  TEXT NOT NULL CHECK (security IN ('tls', 'starttls', 'plain')),
    allow_plaintext_password  INTEGER NOT NULL DEFAULT 0,
    username                  TEXT NOT NULL,
    auth                      TEXT NOT NULL DEFAULT 'auto'
                              CHECK (auth IN ('auto', 'user', 'apop', 'plain', 'login', 'cram-md5')),
    ca_file                   TEXT,
    pinned_sha256             TEXT,
    policy                    TEXT NOT NULL DEFAULT 'delete' CHECK (policy IN ('delete', 'keep', 'keep-days')),
    keep_days                 INTEGER CHECK (keep_days IS NULL OR keep_days >= 1),
    delete_when_deleted_here  INTEGER NOT NULL DEFAULT 0,
    max_size_kb               INTEGER CHECK (max_size_kb IS NULL OR max_size_kb >= 1),
    check_interval_min        INTEGER CHECK (check_interval_min IS NULL OR check_interval_min >= 1),
    check_at_startup          INTEGER NOT NULL DEFAULT 0,
    enabled                   INTEGER NOT NULL DEFAULT 1,
    created_at                INTEGER NOT NULL
);

-- Passwords for accounts whose password could not go to an OS keychain.
CREATE TABLE account_secrets (
    account_id  INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    password    TEXT NOT NULL
);

CREATE TABLE folders (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
    parent_id   INTEGER REFERENCES folders (id) ON DELETE CASCADE,
    account_id  INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    role        TEXT NOT NULL CHECK (role IN ('inbox', 'trash', 'archive', 'user', 'imported')),
    total       INTEGER NOT NULL DEFAULT 0,
    unread      INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL
);
CREATE UNIQUE INDEX folders_unique_name
    ON folders (coalesce(parent_id, 0), coalesce(account_id, 0), name);

CREATE TABLE messages (
    id               INTEGER PRIMARY KEY,
    folder_id        INTEGER NOT NULL REFERENCES folders (id),
    account_id       INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    uidl             TEXT,
    sha256           BLOB NOT NULL,
    size             INTEGER NOT NULL,
    message_id       TEXT,
    in_reply_to      TEXT,
    refs             TEXT,
    thread_key       TEXT NOT NULL,
    subject          TEXT NOT NULL,
    subject_sort     TEXT NOT NULL,
    from_name        TEXT NOT NULL,
    from_addr        TEXT NOT NULL,
    from_sort        TEXT NOT NULL,
    to_addrs         TEXT NOT NULL,
    cc_addrs         TEXT NOT NULL,
    date             INTEGER NOT NULL,
    date_header      TEXT,
    received_at      INTEGER NOT NULL,
    has_attachments  INTEGER NOT NULL,
    snippet          TEXT NOT NULL,
    flags            INTEGER NOT NULL DEFAULT 0,
    partial          INTEGER NOT NULL DEFAULT 0,
    parse_error      TEXT,
    trashed_from     INTEGER REFERENCES folders (id) ON DELETE SET NULL
);
CREATE INDEX messages_by_date    ON messages (folder_id, date, id);
CREATE INDEX messages_by_from    ON messages (folder_id, from_sort, id);
CREATE INDEX messages_by_subject ON messages (folder_id, subject_sort, id);
CREATE INDEX messages_by_size    ON messages (folder_id, size, id);
CREATE INDEX messages_all_date   ON messages (date, id);
CREATE INDEX messages_sha256     ON messages (sha256);
CREATE INDEX messages_msgid      ON messages (message_id) WHERE message_id IS NOT NULL;

-- The bytes exactly as downloaded or imported. Never updated.
CREATE TABLE message_bodies (
    message_id  INTEGER PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,
    raw         BLOB NOT NULL
);
CREATE TRIGGER message_bodies_immutable BEFORE UPDATE ON message_bodies
BEGIN
    SELECT RAISE(ABORT, 'stored message bytes are immutable');
END;

-- Folder counters, so the folder pane never counts rows. Inserts add to
-- them once per batch (store::messages::insert_in): a per-row trigger would
-- make every INSERT a multi-statement program with a statement journal,
-- which cost 10x in the insert benchmark. Deletes and moves use triggers.
CREATE TRIGGER messages_count_delete AFTER DELETE ON messages
BEGIN
    UPDATE folders SET total = total - 1, unread = unread - ((OLD.flags & 1) = 0)
    WHERE id = OLD.folder_id;
END;
CREATE TRIGGER messages_count_update AFTER UPDATE OF folder_id, flags ON messages
    WHEN OLD.folder_id IS NOT NEW.folder_id OR ((OLD.flags & 1) IS NOT (NEW.flags & 1))
BEGIN
    UPDATE folders SET total = total - 1, unread = unread - ((OLD.flags & 1) = 0)
    WHERE id = OLD.folder_id;
    UPDATE folders SET total = total + 1, unread = unread + ((NEW.flags & 1) = 0)
    WHERE id = NEW.folder_id;
END;

-- Every UIDL ever downloaded per account. Outlives the local message.
CREATE TABLE uidl_ledger (
    account_id         INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    uidl               TEXT NOT NULL,
    downloaded_at      INTEGER NOT NULL,
    message_id         INTEGER REFERENCES messages (id) ON DELETE SET NULL,
    sha256             BLOB,
    size               INTEGER,
    header_key         TEXT,
    partial            INTEGER NOT NULL DEFAULT 0,
    deleted_here_at    INTEGER,
    delete_pending     INTEGER NOT NULL DEFAULT 0,
    server_deleted_at  INTEGER,
    stale_since        INTEGER,
    PRIMARY KEY (account_id, uidl)
) WITHOUT ROWID;
-- A full (not partial) index: SQLite's foreign-key actions (ON DELETE SET NULL)
-- need it to find the ledger row of a deleted message without a scan.
CREATE INDEX uidl_ledger_message ON uidl_ledger (message_id);

-- Full-text index: rowid = messages.id. Contentless: the text is derived from
-- the stored bytes, so keeping a second copy would only cost disk.
CREATE VIRTUAL TABLE messages_fts USING fts5 (
    subject, sender, recipients, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);
-- Index tuning, measured with `scripts/bench store` (30,000 messages: 3,992 →
-- 5,570 inserts/s, search unchanged): merge segments 16 at a time instead of
-- 4, 16 KB leaf pages to match the database pages, and a 64 MiB pending-term
-- hash so a batch is flushed as one segment.
INSERT INTO messages_fts (messages_fts, rank) VALUES ('automerge', 16);
INSERT INTO messages_fts (messages_fts, rank) VALUES ('pgsz', 16000);
INSERT INTO messages_fts (messages_fts, rank) VALUES ('hashsize', 67108864);

CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages
BEGIN
    DELETE FROM messages_fts WHERE rowid = OLD.id;
END;

-- Local folders every store has.
INSERT INTO folders (name, role, created_at) VALUES ('Trash', 'trash', 0), ('Archive', 'archive', 0);
