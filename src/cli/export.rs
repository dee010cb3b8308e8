//! `pyquiz export`: the filtered bank with each card's scheduling state, as
//! JSON or CSV, to stdout or a file (written atomically).

use std::io::Write;
use std::path::Path;

use clap::ValueEnum;
use serde::Serialize;

use super::CliError;
use crate::bank::{Bank, Filter, Record};
use crate::schedule::CardState;
use crate::store::Store;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The bank records with a `progress` field (null for unseen cards).
    Json,
    /// One row per card: the record's fields and its scheduling state.
    Csv,
}

#[derive(Serialize)]
struct Exported<'a> {
    #[serde(flatten)]
    record: &'a Record,
    progress: Option<&'a CardState>,
}

pub fn run(
    bank: &Bank,
    filter: &Filter,
    store: &Store,
    format: Format,
    output: Option<&Path>,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let records: Vec<&Record> = bank.filtered(filter).collect();
    let Some(path) = output else {
        return write(&records, store, format, out);
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
        write(&records, store, format, &mut w)?;
        w.flush()?;
    }
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

fn write(
    records: &[&Record],
    store: &Store,
    format: Format,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    match format {
        Format::Json => {
            let exported: Vec<Exported> = records
                .iter()
                .map(|r| Exported {
                    record: r,
                    progress: store.card(&r.id),
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &exported)?;
            writeln!(out)?;
        }
        Format::Csv => write_csv(records, store, out)?,
    }
    Ok(())
}

const CSV_HEADER: [&str; 16] = [
    "id",
    "source",
    "difficulty",
    "topics",
    "question",
    "answer",
    "has_answer",
    "has_code",
    "state",
    "due",
    "stability",
    "fsrs_difficulty",
    "reps",
    "lapses",
    "suspended",
    "last_review",
];

fn write_csv(records: &[&Record], store: &Store, out: &mut dyn Write) -> Result<(), CliError> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CSV_HEADER)?;
    let opt = |v: Option<String>| v.unwrap_or_default();
    for r in records {
        let card = store.card(&r.id);
        let topics: Vec<&str> = r.topics.iter().map(|t| t.slug()).collect();
        w.write_record([
            r.id.clone(),
            r.source.clone(),
            r.difficulty.as_str().to_string(),
            topics.join(";"),
            r.question.clone(),
            r.answer.clone(),
            r.has_answer.to_string(),
            r.has_code.to_string(),
            card.map_or("new", |c| c.phase.name()).to_string(),
            opt(card.and_then(|c| c.due).map(|d| d.to_string())),
            opt(card.and_then(|c| c.stability).map(|s| s.to_string())),
            opt(card.and_then(|c| c.difficulty).map(|d| d.to_string())),
            card.map_or(0, |c| c.reps).to_string(),
            card.map_or(0, |c| c.lapses).to_string(),
            card.is_some_and(|c| c.suspended).to_string(),
            opt(card.and_then(|c| c.last_review).map(|d| d.to_string())),
        ])?;
    }
    w.flush()?;
    Ok(())
}
