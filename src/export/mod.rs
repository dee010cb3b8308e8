//! Writing the bank elsewhere: Anki's text import, CSV, JSON and pyquiz's
//! own Markdown layout. Pure functions from records (and their scheduling
//! state) to bytes; the command line decides where the bytes go.

pub mod anki;
mod table;

use std::io::Write;

use serde::Serialize;

use crate::bank::{Record, native};
use crate::schedule::CardState;
use crate::store::Store;

pub use table::write_csv;

/// A CSV writer's error as the I/O error it is (a closed pipe stays a
/// closed pipe, so `pyquiz export … | head` is not an error).
pub(crate) fn io_error(e: csv::Error) -> std::io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io,
        other => std::io::Error::other(format!("{other:?}")),
    }
}

/// A bank record with its scheduling state, as `export --format json`
/// writes it.
#[derive(Serialize)]
pub struct Exported<'a> {
    #[serde(flatten)]
    pub record: &'a Record,
    pub progress: Option<&'a CardState>,
}

/// The records with their progress, pretty-printed as a JSON array.
pub fn write_json(records: &[&Record], store: &Store, out: &mut dyn Write) -> std::io::Result<()> {
    let exported: Vec<Exported> = records
        .iter()
        .map(|r| Exported {
            record: r,
            progress: store.card(&r.id),
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &exported)?;
    writeln!(out)
}

/// The records as one document in pyquiz's own layout.
pub fn write_markdown(
    records: &[&Record],
    title: &str,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let text = native::write(title, records).map_err(std::io::Error::other)?;
    out.write_all(text.as_bytes())
}
