//! Read-only subcommands: `folders`, `list`, `show`, `search`.
//!
//! Tables are for people; `--json` prints one JSON object per line (folders:
//! one array) with id, folder, date, from, subject, size, flags and sha256.

use std::io::Write;

use anyhow::Context as _;

use crate::mail;
use crate::store::{MessageId, MessageRow, Scope, Sort, Store};
use crate::t;

pub(super) fn folders(store: &Store, json: bool) -> anyhow::Result<()> {
    let folders = store.folders()?;
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &folders)?;
        writeln!(out)?;
        return Ok(());
    }
    let (id, name, total, unread) = (
        t!("cli-folders-id"),
        t!("cli-folders-name"),
        t!("cli-folders-messages"),
        t!("cli-folders-unread"),
    );
    // Columns as wide as their heading, at least as wide as the English ones.
    let wt = total.chars().count().max(9);
    let wu = unread.chars().count().max(8);
    writeln!(out, "{id:>5}  {name:<40} {total:>wt$} {unread:>wu$}")?;
    for f in folders {
        writeln!(
            out,
            "{:>5}  {:<40} {:>wt$} {:>wu$}", // not translated: a table row
            f.id.0,
            f.qualified_name(),
            crate::fmt::int(f.total),
            crate::fmt::int(f.unread)
        )?;
    }
    Ok(())
}

pub(super) fn list(store: &Store, folder: &str, json: bool, limit: u64) -> anyhow::Result<()> {
    let folder = super::folder_named(store, folder)?;
    let rows = store.page(Scope::Folder(folder.id), Sort::default(), 0, limit)?;
    print_rows(store, &rows, json)
}

pub(super) fn search(
    store: &Store,
    query: &str,
    folder: Option<&str>,
    json: bool,
    limit: usize,
) -> anyhow::Result<()> {
    let folder = folder.map(|f| super::folder_named(store, f)).transpose()?;
    // Exact results: the index is written apart and may still be catching
    // up (just after an import, an upgrade or an encryption); say so once.
    let mut told = false;
    store.wait_for_index(|left| {
        if !told {
            eprintln!("{}", crate::t!("cli-indexing", left = left));
            told = true;
        }
        true
    })?;
    let ids = store.search(query, folder.as_ref().map(|f| f.id), limit)?;
    let rows = store.rows(&ids)?;
    print_rows(store, &rows, json)
}

pub(super) fn show(store: &Store, id: i64, raw: bool) -> anyhow::Result<()> {
    let id = MessageId(id);
    let bytes = store.raw(id)?;
    let mut out = std::io::stdout().lock();
    if raw {
        out.write_all(&bytes).context(t!("cli-writing-stdout"))?;
        return out.flush().context(t!("cli-writing-stdout"));
    }
    let view = mail::view(&bytes);
    let e = &view.envelope;
    let from = if e.from_name.is_empty() {
        e.from_addr.clone()
    } else {
        format!("{} <{}>", e.from_name, e.from_addr)
    };
    let date = match e.date_header.as_deref() {
        Some(d) => d.to_string(),
        None => t!("cli-show-no-date"),
    };
    let mut fields = vec![
        (t!("cli-show-from"), from),
        (t!("cli-show-to"), e.to.clone()),
    ];
    if !e.cc.is_empty() {
        fields.push((t!("cli-show-cc"), e.cc.clone()));
    }
    fields.push((t!("cli-show-date"), date));
    fields.push((t!("cli-show-subject"), e.subject.clone()));
    // The values line up after the longest label, as in "Subject: ".
    let width = fields
        .iter()
        .map(|(l, _)| l.chars().count() + 1)
        .max()
        .unwrap_or(0);
    for (label, value) in fields {
        writeln!(out, "{:<width$} {value}", format!("{label}:"))?;
    }
    for a in &view.attachments {
        writeln!(
            out,
            "{}",
            t!(
                "cli-show-attachment",
                name = a.name.as_str(),
                mime = a.mime.as_str(),
                size = crate::fmt::size(a.size)
            )
        )?;
    }
    if view.from_html {
        writeln!(out, "{}", t!("cli-show-html"))?;
    }
    writeln!(out)?;
    writeln!(out, "{}", view.body)?;
    Ok(())
}

fn print_rows(store: &Store, rows: &[MessageRow], json: bool) -> anyhow::Result<()> {
    let folders = store.folders()?;
    let folder_name = |row: &MessageRow| {
        folders
            .iter()
            .find(|f| f.id == row.folder)
            .map(|f| f.qualified_name())
            .unwrap_or_default()
    };
    let mut out = std::io::stdout().lock();
    for row in rows {
        if json {
            let value = serde_json::json!({
                "id": row.id.0,
                "folder": folder_name(row),
                "date": row.date,
                "from": row.sender(),
                "from_addr": row.from_addr,
                "subject": row.subject,
                "size": row.size,
                "flags": row.flags.names(),
                "partial": row.partial,
                "sha256": row.sha256_hex(),
            });
            writeln!(out, "{value}")?;
        } else {
            writeln!(
                out,
                "{:>7}  {}  {:<24.24}  {:<50.50} {:>8}", // not translated: a table row
                row.id.0,
                crate::fmt::date_time(row.date),
                row.sender(),
                row.subject,
                crate::fmt::size(row.size)
            )?;
        }
    }
    Ok(())
}
