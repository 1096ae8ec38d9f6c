//! Read-only subcommands: `folders`, `list`, `show`, `search`.
//!
//! Tables are for people; `--json` prints one JSON object per line (folders:
//! one array) with id, folder, date, from, subject, size, flags and sha256.

use std::io::Write;

use anyhow::Context as _;

use crate::mail;
use crate::store::{MessageId, MessageRow, Scope, Sort, Store};

pub(super) fn folders(store: &Store, json: bool) -> anyhow::Result<()> {
    let folders = store.folders()?;
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &folders)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(
        out,
        "{:>5}  {:<40} {:>9} {:>8}",
        "ID", "FOLDER", "MESSAGES", "UNREAD"
    )?;
    for f in folders {
        writeln!(
            out,
            "{:>5}  {:<40} {:>9} {:>8}",
            f.id.0,
            f.qualified_name(),
            f.total,
            f.unread
        )?;
    }
    Ok(())
}

pub(super) fn list(store: &Store, folder: &str, json: bool, limit: u64) -> anyhow::Result<()> {
    let folder = store.resolve_folder(folder)?;
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
    let folder = folder.map(|f| store.resolve_folder(f)).transpose()?;
    // Exact results: the index is written apart and may still be catching
    // up (just after an import, an upgrade or an encryption); say so once.
    let mut told = false;
    store.wait_for_index(|left| {
        if !told {
            eprintln!("indexing for search: {left} messages left");
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
        out.write_all(&bytes).context("writing to stdout")?;
        return out.flush().context("writing to stdout");
    }
    let view = mail::view(&bytes);
    let e = &view.envelope;
    let from = if e.from_name.is_empty() {
        e.from_addr.clone()
    } else {
        format!("{} <{}>", e.from_name, e.from_addr)
    };
    writeln!(out, "From:    {from}")?;
    writeln!(out, "To:      {}", e.to)?;
    if !e.cc.is_empty() {
        writeln!(out, "Cc:      {}", e.cc)?;
    }
    writeln!(
        out,
        "Date:    {}",
        e.date_header.as_deref().unwrap_or("(none)")
    )?;
    writeln!(out, "Subject: {}", e.subject)?;
    for a in &view.attachments {
        writeln!(out, "Attachment: {} ({}, {} bytes)", a.name, a.mime, a.size)?;
    }
    if view.from_html {
        writeln!(
            out,
            "(HTML message shown as text; remote content is never loaded)"
        )?;
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
                "{:>7}  {}  {:<24.24}  {:<50.50} {:>8}",
                row.id.0,
                crate::fmt::date_time(row.date),
                row.sender(),
                row.subject,
                row.size
            )?;
        }
    }
    Ok(())
}
