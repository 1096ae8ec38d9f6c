//! The rule list (table `rules`, one JSON definition a row, in run order),
//! and what rules decide on the POP3 server, recorded in the same durable
//! commit as the downloads they decide for (`uidl_ledger.keep_on_server`,
//! `delete_pending`).

use std::collections::HashSet;

use rusqlite::params;

use super::ledger::record_in;
use super::{AccountId, Context, Error, Inserted, NewDownload, Result, Store};
use crate::rules::Rule;

/// What the rules said about one download on the server.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ServerMark {
    /// Leave it on the server, whatever the account's policy.
    pub keep: bool,
    /// Delete it on the server at once, whatever the account's policy.
    pub delete: bool,
}

impl Store {
    /// The rules, in the order they run.
    pub fn rules(&self) -> Result<Vec<Rule>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT name, definition FROM rules ORDER BY position, id")
            .ctx("reading the rules")?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .ctx("reading the rules")?;
        let mut out = Vec::new();
        for row in rows {
            let (name, definition) = row.ctx("reading the rules")?;
            let rule = serde_json::from_str(&definition).map_err(|e| {
                Error::Invalid(format!(
                    "the stored rule \"{name}\" cannot be read ({e}); remove it with `popmail \
                     rule remove`"
                ))
            })?;
            out.push(rule);
        }
        Ok(out)
    }

    /// Replaces the whole rule list (one transaction: add, edit, remove,
    /// reorder and import all come down to this).
    pub fn set_rules(&mut self, rules: &[Rule]) -> Result<()> {
        let tx = self.write_tx().ctx("saving the rules")?;
        tx.execute("DELETE FROM rules", [])
            .ctx("saving the rules")?;
        for (i, rule) in rules.iter().enumerate() {
            let definition = serde_json::to_string(rule)
                .map_err(|e| Error::Invalid(format!("rule \"{}\": {e}", rule.name)))?;
            tx.prepare_cached("INSERT INTO rules (position, name, definition) VALUES (?1, ?2, ?3)")
                .and_then(|mut s| {
                    s.execute(params![
                        i64::try_from(i).unwrap_or(i64::MAX),
                        rule.name,
                        definition
                    ])
                })
                .map_err(|e| match e.sqlite_error_code() {
                    Some(rusqlite::ErrorCode::ConstraintViolation) => Error::Conflict(format!(
                        "two rules are named \"{}\"; give each its own name",
                        rule.name
                    )),
                    _ => Error::Sqlite {
                        context: "saving the rules",
                        source: e,
                    },
                })?;
        }
        tx.commit().ctx("saving the rules")
    }

    /// Stores downloads, their ledger rows and what the rules decided on
    /// the server, in one durable commit (`synchronous=FULL`): a crash leaves
    /// either all of it or none. `marks` pairs with `items` by position.
    pub fn record_placed_downloads(
        &mut self,
        account: AccountId,
        items: &[NewDownload],
        marks: &[ServerMark],
        at: i64,
    ) -> Result<Vec<Inserted>> {
        self.durable(|tx| {
            let out = record_in(tx, account, items, at)?;
            for (item, mark) in items.iter().zip(marks) {
                if *mark == ServerMark::default() {
                    continue;
                }
                tx.prepare_cached(
                    "UPDATE uidl_ledger SET keep_on_server = ?3, \
                     delete_pending = delete_pending OR ?4 WHERE account_id = ?1 AND uidl = ?2",
                )
                .and_then(|mut s| s.execute(params![account.0, item.uidl, mark.keep, mark.delete]))
                .ctx("recording what the rules decided on the server")?;
            }
            Ok(out)
        })
    }

    /// The UIDLs of an account that rules said to leave on the server.
    pub fn kept_on_server(&self, account: AccountId) -> Result<HashSet<String>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT uidl FROM uidl_ledger WHERE account_id = ?1 AND keep_on_server = 1",
            )
            .ctx("reading what stays on the server")?;
        let rows = stmt
            .query_map([account.0], |r| r.get(0))
            .ctx("reading what stays on the server")?;
        rows.collect::<rusqlite::Result<_>>()
            .ctx("reading what stays on the server")
    }
}
