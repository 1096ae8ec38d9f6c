//! Accounts: every setting of a POP3 account, and the fallback password table
//! (used only when no OS keychain is available).
//!
//! OAuth 2.0 accounts (migration 0002): their provider settings are a row of
//! `account_oauth`, and that row's presence is what says the account signs
//! in with OAuth 2.0 (the `auth` column's CHECK from 0001 predates it and
//! holds `auto` for them). The refresh token, when no keychain holds it, is
//! in `account_tokens`.

use rusqlite::{OptionalExtension, Row, params};

use super::{Account, AccountId, Context, Error, FolderId, FolderRole, Result, Store, now};
use crate::account::{
    AccountSettings, AuthMethod, OAuthMechanism, OAuthProvider, OAuthSettings, Policy, Security,
};

const ACCOUNT_COLUMNS: &str = "a.id, a.name, a.email, a.host, a.port, a.security, \
    a.allow_plaintext_password, a.username, a.auth, a.ca_file, a.pinned_sha256, a.policy, \
    a.keep_days, a.delete_when_deleted_here, a.max_size_kb, a.check_interval_min, \
    a.check_at_startup, a.enabled, f.id, o.provider, o.client_id, o.client_secret_env, \
    o.tenant, o.authorize_url, o.token_url, o.device_url, o.scope, o.mechanism";

/// The tables an account row is read from.
const ACCOUNT_FROM: &str = "accounts a JOIN folders f ON f.account_id = a.id AND f.role = 'inbox' \
    LEFT JOIN account_oauth o ON o.account_id = a.id";

impl Store {
    /// Adds an account and its Inbox.
    pub fn add_account(&mut self, s: &AccountSettings) -> Result<Account> {
        validate(s, false)?;
        let tx = self.write_tx().ctx("starting a transaction")?;
        let taken: bool = tx
            .query_row(
                "SELECT EXISTS(SELECT 1 FROM accounts WHERE name = ?1)",
                [&s.name],
                |r| r.get(0),
            )
            .ctx("checking the account name")?;
        if taken {
            return Err(Error::Conflict(format!(
                "an account named \"{}\" already exists",
                s.name
            )));
        }
        let (policy, keep_days) = policy_columns(s.policy);
        tx.execute(
            "INSERT INTO accounts (name, email, host, port, security, allow_plaintext_password, \
             username, auth, ca_file, pinned_sha256, policy, keep_days, delete_when_deleted_here, \
             max_size_kb, check_interval_min, check_at_startup, enabled, created_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
            params![
                s.name, s.email, s.host, s.port, s.security.as_str(), s.allow_plaintext_password,
                s.username, auth_column(s.auth), s.ca_file.as_ref().map(|p| p.to_string_lossy().into_owned()),
                s.pinned_sha256, policy, keep_days, s.delete_when_deleted_here, s.max_size_kb,
                s.check_interval_min, s.check_at_startup, s.enabled, now()
            ],
        )
        .ctx("adding the account")?;
        let id = AccountId(tx.last_insert_rowid());
        write_oauth(&tx, id, oauth_row(s))?;
        tx.execute(
            "INSERT INTO folders (name, account_id, role, created_at) VALUES ('Inbox', ?1, ?2, ?3)",
            params![id.0, FolderRole::Inbox.as_str(), now()],
        )
        .ctx("creating the account's Inbox")?;
        let inbox = FolderId(tx.last_insert_rowid());
        tx.commit().ctx("saving the account")?;
        Ok(Account {
            id,
            inbox,
            settings: s.clone(),
        })
    }

    /// Replaces an account's settings. An [`AuthMethod::OAuth2`] account
    /// given with `oauth: None` keeps its stored OAuth settings.
    pub fn update_account(&mut self, id: AccountId, s: &AccountSettings) -> Result<()> {
        validate(s, true)?;
        let clash: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM accounts WHERE name = ?1 AND id <> ?2",
                params![s.name, id.0],
                |r| r.get(0),
            )
            .optional()
            .ctx("checking the account name")?;
        if clash.is_some() {
            return Err(Error::Conflict(format!(
                "an account named \"{}\" already exists",
                s.name
            )));
        }
        let (policy, keep_days) = policy_columns(s.policy);
        let tx = self.write_tx().ctx("starting a transaction")?;
        let n = tx
            .execute(
                "UPDATE accounts SET name = ?2, email = ?3, host = ?4, port = ?5, security = ?6, \
                 allow_plaintext_password = ?7, username = ?8, auth = ?9, ca_file = ?10, \
                 pinned_sha256 = ?11, policy = ?12, keep_days = ?13, delete_when_deleted_here = ?14, \
                 max_size_kb = ?15, check_interval_min = ?16, check_at_startup = ?17, enabled = ?18 \
                 WHERE id = ?1",
                params![
                    id.0, s.name, s.email, s.host, s.port, s.security.as_str(),
                    s.allow_plaintext_password, s.username, auth_column(s.auth),
                    s.ca_file.as_ref().map(|p| p.to_string_lossy().into_owned()), s.pinned_sha256,
                    policy, keep_days, s.delete_when_deleted_here, s.max_size_kb,
                    s.check_interval_min, s.check_at_startup, s.enabled
                ],
            )
            .ctx("updating the account")?;
        if n == 0 {
            return Err(Error::NotFound(format!("no account with id {}", id.0)));
        }
        // An OAuth account saved without OAuth settings (a form that does not
        // show them) keeps the stored ones; any other method drops them.
        if s.oauth.is_some() || s.auth != AuthMethod::OAuth2 {
            write_oauth(&tx, id, oauth_row(s))?;
        } else {
            let has: bool = tx
                .query_row(
                    "SELECT EXISTS(SELECT 1 FROM account_oauth WHERE account_id = ?1)",
                    [id.0],
                    |r| r.get(0),
                )
                .ctx("reading the sign-in settings")?;
            if !has {
                return Err(Error::Invalid(
                    "an OAuth 2.0 account needs its provider settings".into(),
                ));
            }
        }
        tx.commit().ctx("updating the account")?;
        Ok(())
    }

    /// Removes an account. With `keep_mail`, its messages move to a new local
    /// folder "NAME (removed account)"; otherwise they are deleted, in
    /// transactions of [`crate::account::limits::DELETE_BATCH`] messages.
    /// Returns the folder the mail was kept in.
    pub fn remove_account(&mut self, id: AccountId, keep_mail: bool) -> Result<Option<FolderId>> {
        self.remove_account_batched(
            id,
            keep_mail,
            crate::account::limits::DELETE_BATCH,
            |_, _| {},
        )
    }

    /// Removes an account (see [`Store::remove_account`]), moving (with
    /// `keep_mail`) or deleting its mail `batch` messages per transaction, so
    /// no transaction grows with the mailbox and other connections' writes
    /// get their turn between batches. `progress(done,
    /// total)` is called after each batch. If it stops part-way, the mail
    /// moved so far sits in the kept folder and the account remains.
    pub fn remove_account_batched(
        &mut self,
        id: AccountId,
        keep_mail: bool,
        batch: usize,
        mut progress: impl FnMut(u64, u64),
    ) -> Result<Option<FolderId>> {
        let account = self.account(id)?;
        let total: i64 = self
            .conn
            .query_row(
                "SELECT COUNT(*) FROM messages WHERE folder_id IN \
                 (SELECT id FROM folders WHERE account_id = ?1)",
                [id.0],
                |r| r.get(0),
            )
            .ctx("counting the account's mail")?;
        let total = u64::try_from(total).unwrap_or(0);
        let kept = if keep_mail {
            let tx = self.write_tx().ctx("starting a transaction")?;
            let name = kept_folder_name(&tx, &account.settings.name)?;
            tx.execute(
                "INSERT INTO folders (name, role, created_at) VALUES (?1, 'user', ?2)",
                params![name, now()],
            )
            .ctx("creating the folder for the kept mail")?;
            let folder = FolderId(tx.last_insert_rowid());
            tx.commit().ctx("creating the folder for the kept mail")?;
            Some(folder)
        } else {
            None
        };
        let limit = i64::try_from(batch.max(1)).unwrap_or(i64::MAX);
        let mut done = 0u64;
        loop {
            let tx = self.write_tx().ctx("starting a transaction")?;
            let n = match kept {
                Some(folder) => tx
                    .execute(
                        "UPDATE messages SET folder_id = ?1 WHERE id IN (SELECT id FROM messages \
                         WHERE folder_id IN (SELECT id FROM folders WHERE account_id = ?2) LIMIT ?3)",
                        params![folder.0, id.0, limit],
                    )
                    .ctx("keeping the account's mail")?,
                None => tx
                    .execute(
                        "DELETE FROM messages WHERE id IN (SELECT id FROM messages \
                         WHERE folder_id IN (SELECT id FROM folders WHERE account_id = ?1) LIMIT ?2)",
                        params![id.0, limit],
                    )
                    .ctx("deleting the account's mail")?,
            };
            tx.commit().ctx("removing the account's mail")?;
            if n == 0 {
                break;
            }
            done += n as u64;
            progress(done, total);
        }
        // No mail is left in its folders: drop them and the account.
        let tx = self.write_tx().ctx("starting a transaction")?;
        tx.execute("DELETE FROM folders WHERE account_id = ?1", [id.0])
            .ctx("deleting the account's folders")?;
        tx.execute("DELETE FROM accounts WHERE id = ?1", [id.0])
            .ctx("deleting the account")?;
        tx.commit().ctx("removing the account")?;
        Ok(kept)
    }

    /// All accounts, by name.
    pub fn accounts(&self) -> Result<Vec<Account>> {
        let sql =
            format!("SELECT {ACCOUNT_COLUMNS} FROM {ACCOUNT_FROM} ORDER BY a.name COLLATE NOCASE");
        let mut stmt = self.conn.prepare_cached(&sql).ctx("listing accounts")?;
        let rows = stmt
            .query_map([], account_from_row)
            .ctx("listing accounts")?;
        rows.collect::<rusqlite::Result<_>>()
            .ctx("listing accounts")
    }

    /// One account by id.
    pub fn account(&self, id: AccountId) -> Result<Account> {
        let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM {ACCOUNT_FROM} WHERE a.id = ?1");
        self.conn
            .query_row(&sql, [id.0], account_from_row)
            .optional()
            .ctx("reading an account")?
            .ok_or_else(|| Error::NotFound(format!("no account with id {}", id.0)))
    }

    /// One account by name.
    pub fn account_by_name(&self, name: &str) -> Result<Account> {
        self.accounts()?
            .into_iter()
            .find(|a| a.settings.name == name)
            .ok_or_else(|| Error::NotFound(format!("no account named \"{name}\"")))
    }

    /// Stores the fallback password of an account (no keychain available).
    pub fn set_stored_password(&self, id: AccountId, password: Option<&str>) -> Result<()> {
        match password {
            Some(p) => self
                .conn
                .execute(
                    "INSERT INTO account_secrets (account_id, password) VALUES (?1, ?2) \
                     ON CONFLICT (account_id) DO UPDATE SET password = excluded.password",
                    params![id.0, p],
                )
                .ctx("saving the password"),
            None => self
                .conn
                .execute("DELETE FROM account_secrets WHERE account_id = ?1", [id.0])
                .ctx("forgetting the password"),
        }
        .map(drop)
    }

    /// Stores the fallback OAuth refresh token of an account (no keychain
    /// available); `None` forgets it.
    pub fn set_stored_refresh_token(&self, id: AccountId, token: Option<&str>) -> Result<()> {
        match token {
            Some(t) => self
                .conn
                .execute(
                    "INSERT INTO account_tokens (account_id, refresh_token) VALUES (?1, ?2) \
                     ON CONFLICT (account_id) DO UPDATE SET refresh_token = excluded.refresh_token",
                    params![id.0, t],
                )
                .ctx("saving the sign-in"),
            None => self
                .conn
                .execute("DELETE FROM account_tokens WHERE account_id = ?1", [id.0])
                .ctx("forgetting the sign-in"),
        }
        .map(drop)
    }

    /// The fallback OAuth refresh token of an account, if one is stored here.
    pub fn stored_refresh_token(&self, id: AccountId) -> Result<Option<String>> {
        self.conn
            .query_row(
                "SELECT refresh_token FROM account_tokens WHERE account_id = ?1",
                [id.0],
                |r| r.get(0),
            )
            .optional()
            .ctx("reading the sign-in")
    }

    /// The fallback password of an account, if one is stored here.
    pub fn stored_password(&self, id: AccountId) -> Result<Option<String>> {
        self.conn
            .query_row(
                "SELECT password FROM account_secrets WHERE account_id = ?1",
                [id.0],
                |r| r.get(0),
            )
            .optional()
            .ctx("reading the password")
    }
}

/// The `auth` column's value (see the module header for OAuth 2.0).
fn auth_column(auth: AuthMethod) -> &'static str {
    match auth {
        AuthMethod::OAuth2 => AuthMethod::Auto.as_str(),
        other => other.as_str(),
    }
}

fn validate(s: &AccountSettings, updating: bool) -> Result<()> {
    let bad = |m: &str| Err(Error::Invalid(m.to_string()));
    if s.name.trim().is_empty() {
        return bad("the account needs a name");
    }
    if s.host.trim().is_empty() {
        return bad("the account needs a server host name");
    }
    if s.port == 0 {
        return bad("the port must be between 1 and 65535");
    }
    if s.username.is_empty() {
        return bad("the account needs a user name");
    }
    if matches!(s.policy, Policy::KeepDays(0)) {
        return bad("the number of days to keep mail on the server must be at least 1");
    }
    if s.auth == AuthMethod::OAuth2 && s.oauth.is_none() && !updating {
        return bad("an OAuth 2.0 account needs its provider settings");
    }
    if s.max_size_kb == Some(0) || s.check_interval_min == Some(0) {
        return bad("size limits and check intervals must be at least 1");
    }
    Ok(())
}

fn policy_columns(p: Policy) -> (&'static str, Option<u32>) {
    match p {
        Policy::Delete => ("delete", None),
        Policy::Keep => ("keep", None),
        Policy::KeepDays(n) => ("keep-days", Some(n)),
    }
}

fn account_from_row(r: &Row<'_>) -> rusqlite::Result<Account> {
    let policy: String = r.get(11)?;
    let keep_days: Option<u32> = r.get(12)?;
    let security: String = r.get(5)?;
    let auth: String = r.get(8)?;
    Ok(Account {
        id: AccountId(r.get(0)?),
        inbox: FolderId(r.get(18)?),
        settings: AccountSettings {
            name: r.get(1)?,
            email: r.get(2)?,
            host: r.get(3)?,
            port: r.get(4)?,
            security: Security::parse(&security).unwrap_or_default(),
            allow_plaintext_password: r.get(6)?,
            username: r.get(7)?,
            auth: match r.get::<_, Option<String>>(19)? {
                Some(_) => AuthMethod::OAuth2,
                None => AuthMethod::parse(&auth).unwrap_or_default(),
            },
            ca_file: r.get::<_, Option<String>>(9)?.map(Into::into),
            pinned_sha256: r.get(10)?,
            policy: match (policy.as_str(), keep_days) {
                ("keep", _) => Policy::Keep,
                ("keep-days", Some(n)) => Policy::KeepDays(n),
                _ => Policy::Delete,
            },
            delete_when_deleted_here: r.get(13)?,
            max_size_kb: r.get(14)?,
            check_interval_min: r.get(15)?,
            check_at_startup: r.get(16)?,
            enabled: r.get(17)?,
            oauth: oauth_from_row(r)?,
        },
    })
}

/// Columns 19.. of an account row: its OAuth settings, if it has any.
fn oauth_from_row(r: &Row<'_>) -> rusqlite::Result<Option<OAuthSettings>> {
    let Some(provider) = r.get::<_, Option<String>>(19)? else {
        return Ok(None);
    };
    let mechanism: Option<String> = r.get(27)?;
    Ok(Some(OAuthSettings {
        provider: OAuthProvider::parse(&provider).unwrap_or_default(),
        client_id: r.get(20)?,
        client_secret_env: r.get(21)?,
        tenant: r.get(22)?,
        authorize_url: r.get(23)?,
        token_url: r.get(24)?,
        device_url: r.get(25)?,
        scope: r.get(26)?,
        mechanism: mechanism.as_deref().and_then(OAuthMechanism::parse),
    }))
}

/// The OAuth settings row `s` should have: only an OAuth 2.0 account has
/// one.
fn oauth_row(s: &AccountSettings) -> Option<&OAuthSettings> {
    s.oauth.as_ref().filter(|_| s.auth == AuthMethod::OAuth2)
}

/// Replaces the OAuth settings row of account `id`.
fn write_oauth(
    conn: &rusqlite::Connection,
    id: AccountId,
    o: Option<&OAuthSettings>,
) -> Result<()> {
    conn.execute("DELETE FROM account_oauth WHERE account_id = ?1", [id.0])
        .ctx("saving the sign-in settings")?;
    if let Some(o) = o {
        conn.execute(
            "INSERT INTO account_oauth (account_id, provider, client_id, client_secret_env, \
             tenant, authorize_url, token_url, device_url, scope, mechanism) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                id.0,
                o.provider.as_str(),
                o.client_id,
                o.client_secret_env,
                o.tenant,
                o.authorize_url,
                o.token_url,
                o.device_url,
                o.scope,
                o.mechanism.map(OAuthMechanism::as_str)
            ],
        )
        .ctx("saving the sign-in settings")?;
    }
    Ok(())
}

/// A free top-level name for a removed account's kept mail:
/// "NAME (removed account)", then "NAME (removed account 2)", …
fn kept_folder_name(conn: &rusqlite::Connection, account: &str) -> Result<String> {
    let mut name = format!("{account} (removed account)");
    let mut n = 2;
    while conn
        .query_row(
            "SELECT EXISTS(SELECT 1 FROM folders WHERE parent_id IS NULL AND account_id IS NULL AND name = ?1)",
            [&name],
            |r| r.get::<_, bool>(0),
        )
        .ctx("choosing a folder name")?
    {
        name = format!("{account} (removed account {n})");
        n += 1;
    }
    Ok(name)
}
