-- "Move junk older than N days to the Trash" (issue 15): off (NULL) by
-- default. Mail is never deleted for being junk; this only moves it to the
-- Trash, from where it can be restored until the Trash is emptied.
ALTER TABLE junk_totals ADD COLUMN expire_days INTEGER CHECK (expire_days IS NULL OR expire_days > 0);
