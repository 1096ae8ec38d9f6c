-- The full-text index leaves this file (issue 17): it lives in its own
-- database beside the store (`popmail.index.sqlite3`), written by its own
-- thread and connection, so inserting mail no longer waits for FTS5. The old
-- table is contentless and cannot be copied out; the new index is rebuilt
-- from the stored bytes in the background after this migration.
DROP TRIGGER messages_fts_delete;
DROP TABLE messages_fts;

-- Ids of deleted messages the index has not yet forgotten. The indexer
-- drains it; search also filters by the messages table, so a deleted
-- message never appears even before that.
CREATE TABLE index_deletes (id INTEGER PRIMARY KEY);

-- One row. `store_id` tells the index whose it is (a different store file,
-- e.g. a restored backup, gets a fresh index). `id_floor` is the highest
-- message id ever deleted: new messages get ids above it and above every
-- stored id, so ids are never reused and the index's watermark ("every id
-- up to here is indexed") stays true.
CREATE TABLE store_meta (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    store_id  BLOB NOT NULL,
    id_floor  INTEGER NOT NULL
);
INSERT INTO store_meta (id, store_id, id_floor)
    VALUES (1, randomblob(16), (SELECT coalesce(max(id), 0) FROM messages));

CREATE TRIGGER messages_index_delete AFTER DELETE ON messages
BEGIN
    INSERT OR IGNORE INTO index_deletes (id) VALUES (OLD.id);
    UPDATE store_meta SET id_floor = OLD.id WHERE id = 1 AND OLD.id > id_floor;
END;
