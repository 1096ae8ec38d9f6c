//! Folders: account Inboxes, the local Trash and Archive, user and imported
//! folders (nested by `parent_id`). Counters are kept by triggers.

use rusqlite::{OptionalExtension, Row, params};

use super::{Context, Error, Folder, FolderId, FolderRole, Result, Store, now};

const FOLDER_COLUMNS: &str =
    "f.id, f.name, f.parent_id, f.account_id, a.name, f.role, f.total, f.unread";

impl Store {
    /// Every folder: account Inboxes first (by account), then local folders by name.
    pub fn folders(&self) -> Result<Vec<Folder>> {
        let sql = format!(
            "SELECT {FOLDER_COLUMNS} FROM folders f LEFT JOIN accounts a ON a.id = f.account_id \
             ORDER BY f.account_id IS NULL, a.name COLLATE NOCASE, \
             CASE f.role WHEN 'inbox' THEN 0 WHEN 'archive' THEN 1 WHEN 'trash' THEN 2 ELSE 3 END, \
             f.name COLLATE NOCASE"
        );
        let mut stmt = self.conn.prepare_cached(&sql).ctx("listing folders")?;
        let rows = stmt.query_map([], folder_from_row).ctx("listing folders")?;
        rows.collect::<rusqlite::Result<_>>().ctx("listing folders")
    }

    /// One folder by id.
    pub fn folder(&self, id: FolderId) -> Result<Folder> {
        let sql = format!(
            "SELECT {FOLDER_COLUMNS} FROM folders f LEFT JOIN accounts a ON a.id = f.account_id WHERE f.id = ?1"
        );
        self.conn
            .query_row(&sql, [id.0], folder_from_row)
            .optional()
            .ctx("reading a folder")?
            .ok_or_else(|| Error::NotFound(format!("no folder with id {}", id.0)))
    }

    /// The local folder with this role (Trash or Archive).
    pub fn special_folder(&self, role: FolderRole) -> Result<FolderId> {
        self.conn
            .query_row(
                "SELECT id FROM folders WHERE role = ?1 AND account_id IS NULL ORDER BY id LIMIT 1",
                [role.as_str()],
                |r| r.get(0),
            )
            .optional()
            .ctx("finding a special folder")?
            .map(FolderId)
            .ok_or_else(|| Error::NotFound(format!("the store has no {} folder", role.as_str())))
    }

    /// Finds a folder by its id, its name, or `ACCOUNT/NAME` where names clash.
    pub fn resolve_folder(&self, spec: &str) -> Result<Folder> {
        let folders = self.folders()?;
        if let Ok(id) = spec.parse::<i64>()
            && let Some(f) = folders.iter().find(|f| f.id.0 == id)
        {
            return Ok(f.clone());
        }
        let exact: Vec<&Folder> = folders
            .iter()
            .filter(|f| f.qualified_name() == spec)
            .collect();
        if let [one] = exact.as_slice() {
            return Ok((*one).clone());
        }
        let by_name: Vec<&Folder> = folders.iter().filter(|f| f.name == spec).collect();
        match by_name.as_slice() {
            [one] => Ok((*one).clone()),
            [] => Err(Error::NotFound(format!(
                "no folder named \"{spec}\" (see `popmail folders`)"
            ))),
            many => Err(Error::Invalid(format!(
                "\"{spec}\" names {} folders; say which: {}",
                many.len(),
                many.iter()
                    .map(|f| f.qualified_name())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    }

    /// Creates a local folder.
    pub fn create_folder(
        &self,
        name: &str,
        parent: Option<FolderId>,
        role: FolderRole,
    ) -> Result<FolderId> {
        let name = check_name(name)?;
        if self.sibling_exists(name, parent, None)? {
            return Err(Error::Conflict(format!(
                "a folder named \"{name}\" already exists there"
            )));
        }
        self.conn
            .execute(
                "INSERT INTO folders (name, parent_id, role, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![name, parent.map(|p| p.0), role.as_str(), now()],
            )
            .ctx("creating a folder")?;
        Ok(FolderId(self.conn.last_insert_rowid()))
    }

    /// Finds or creates the local folder `name` under `parent`.
    pub fn ensure_folder(
        &self,
        name: &str,
        parent: Option<FolderId>,
        role: FolderRole,
    ) -> Result<FolderId> {
        let existing: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM folders WHERE coalesce(parent_id, 0) = ?1 AND account_id IS NULL AND name = ?2",
                params![parent.map_or(0, |p| p.0), name],
                |r| r.get(0),
            )
            .optional()
            .ctx("looking up a folder")?;
        match existing {
            Some(id) => Ok(FolderId(id)),
            None => self.create_folder(name, parent, role),
        }
    }

    /// Renames a user or imported folder.
    pub fn rename_folder(&self, id: FolderId, name: &str) -> Result<()> {
        let folder = self.folder(id)?;
        if !matches!(folder.role, FolderRole::User | FolderRole::Imported) {
            return Err(Error::Invalid(format!(
                "the folder \"{}\" cannot be renamed",
                folder.name
            )));
        }
        let name = check_name(name)?;
        if self.sibling_exists(name, folder.parent, Some(id))? {
            return Err(Error::Conflict(format!(
                "a folder named \"{name}\" already exists there"
            )));
        }
        self.conn
            .execute(
                "UPDATE folders SET name = ?2 WHERE id = ?1",
                params![id.0, name],
            )
            .ctx("renaming a folder")?;
        Ok(())
    }

    /// Deletes an empty user or imported folder (and its empty subfolders).
    /// A folder that still holds mail is refused: move or delete the mail first.
    pub fn delete_folder(&self, id: FolderId) -> Result<()> {
        let folder = self.folder(id)?;
        if !matches!(folder.role, FolderRole::User | FolderRole::Imported) {
            return Err(Error::Invalid(format!(
                "the folder \"{}\" cannot be deleted",
                folder.name
            )));
        }
        let held: i64 = self
            .conn
            .query_row(
                "WITH RECURSIVE tree(id) AS (SELECT ?1 UNION ALL SELECT f.id FROM folders f JOIN tree t ON f.parent_id = t.id) \
                 SELECT coalesce(sum(total), 0) FROM folders WHERE id IN tree",
                [id.0],
                |r| r.get(0),
            )
            .ctx("counting a folder's mail")?;
        if held > 0 {
            return Err(Error::Invalid(format!(
                "the folder \"{}\" still holds {held} messages; move them or delete them first",
                folder.name
            )));
        }
        self.conn
            .execute("DELETE FROM folders WHERE id = ?1", [id.0])
            .ctx("deleting a folder")?;
        Ok(())
    }

    fn sibling_exists(
        &self,
        name: &str,
        parent: Option<FolderId>,
        except: Option<FolderId>,
    ) -> Result<bool> {
        self.conn
            .query_row(
                "SELECT EXISTS(SELECT 1 FROM folders WHERE coalesce(parent_id, 0) = ?1 \
                 AND account_id IS NULL AND name = ?2 AND id <> ?3)",
                params![parent.map_or(0, |p| p.0), name, except.map_or(0, |e| e.0)],
                |r| r.get(0),
            )
            .ctx("checking a folder name")
    }
}

fn check_name(name: &str) -> Result<&str> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::Invalid("a folder needs a name".into()));
    }
    if name.chars().count() > 255 || name.contains('/') || name.chars().any(char::is_control) {
        return Err(Error::Invalid(format!(
            "\"{name}\" cannot be a folder name (no '/', no control characters, at most 255 characters)"
        )));
    }
    Ok(name)
}

fn folder_from_row(r: &Row<'_>) -> rusqlite::Result<Folder> {
    let role: String = r.get(5)?;
    Ok(Folder {
        id: FolderId(r.get(0)?),
        name: r.get(1)?,
        parent: r.get::<_, Option<i64>>(2)?.map(FolderId),
        account: r.get::<_, Option<i64>>(3)?.map(super::AccountId),
        account_name: r.get(4)?,
        role: FolderRole::parse(&role),
        total: r.get::<_, i64>(6)?.max(0).unsigned_abs(),
        unread: r.get::<_, i64>(7)?.max(0).unsigned_abs(),
    })
}
