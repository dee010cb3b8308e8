//! `pyquiz export`: the filtered bank to stdout or a file (written
//! atomically) as Anki's text import, CSV, JSON or pyquiz's own Markdown.

use std::io::Write;
use std::path::Path;

use clap::ValueEnum;

use super::CliError;
use crate::bank::{Bank, Filter, Record};
use crate::export;
use crate::store::Store;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Anki's text import (File > Import): HTML fields, tags, one deck.
    Anki,
    /// One row per card: the record's fields and its scheduling state.
    Csv,
    /// The bank records with a `progress` field (null for unseen cards).
    Json,
    /// One Markdown document in pyquiz's own layout (`--content` reads it back).
    Markdown,
}

/// What to write and where.
pub struct Request<'a> {
    pub format: Format,
    pub output: Option<&'a Path>,
    /// Anki deck name.
    pub deck: &'a str,
    /// Title of the Markdown document.
    pub title: &'a str,
}

pub fn run(
    bank: &Bank,
    filter: &Filter,
    store: &Store,
    request: &Request,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let records: Vec<&Record> = bank.filtered(filter).collect();
    let Some(path) = request.output else {
        return Ok(write(&records, store, request, out)?);
    };
    // Into a temporary file beside the target, renamed over it at the end:
    // an interrupted export never leaves half a file.
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    {
        let mut w = std::io::BufWriter::new(file.as_file_mut());
        write(&records, store, request, &mut w)?;
        w.flush()?;
    }
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

fn write(
    records: &[&Record],
    store: &Store,
    request: &Request,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match request.format {
        Format::Anki => export::anki::write(records, request.deck, out),
        Format::Csv => export::write_csv(records, store, out),
        Format::Json => export::write_json(records, store, out),
        Format::Markdown => export::write_markdown(records, request.title, out),
    }
}
