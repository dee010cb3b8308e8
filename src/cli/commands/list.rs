//! `pyquiz list`: a readable table, or the records as JSON.

use std::io::Write;

use crate::bank::Record;
use crate::cli::args::FilterArgs;
use crate::cli::env::Env;
use crate::cli::error::CliError;
use crate::cli::output::{output_width, pad, truncate};

/// Widest the topics column gets; it shrinks first when space is short.
const TOPICS_MAX: usize = 26;
const TOPICS_MIN: usize = 12;
/// Room the question column is given before the topics column may grow.
const QUESTION_MIN: usize = 40;

pub fn run(
    env: &mut Env,
    filter: &FilterArgs,
    json: bool,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let filter = env.filter(filter)?;
    let records: Vec<&Record> = env.bank.filtered(&filter).collect();
    if json {
        serde_json::to_writer_pretty(&mut *out, &records)?;
        writeln!(out)?;
        return Ok(());
    }
    write_table(&records, output_width(), out)
}

/// One line per record: id, difficulty, topics, question.
pub fn write_table(
    records: &[&Record],
    width: Option<usize>,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    if records.is_empty() {
        writeln!(out, "No question matches the filters.")?;
        return Ok(());
    }
    let id_width = records.iter().map(|r| r.id.len()).max().unwrap_or(2).max(2);
    let fixed = id_width + 2 + 6 + 2 + 2;
    let joined = |r: &Record| {
        r.topics
            .iter()
            .map(|t| t.slug())
            .collect::<Vec<_>>()
            .join(",")
    };
    let topics_width = match width {
        Some(w) => w
            .saturating_sub(fixed + QUESTION_MIN)
            .clamp(TOPICS_MIN, TOPICS_MAX),
        // No width to fit: every topic in full.
        None => records
            .iter()
            .map(|r| joined(r).chars().count())
            .max()
            .unwrap_or(0)
            .max("TOPICS".len()),
    };
    writeln!(
        out,
        "{}  {:<6}  {}  QUESTION",
        pad("ID", id_width),
        "LEVEL",
        pad("TOPICS", topics_width)
    )?;
    for r in records {
        let topics = truncate(&joined(r), topics_width);
        let prefix = format!(
            "{}  {:<6}  {}  ",
            pad(&r.id, id_width),
            r.difficulty.as_str(),
            pad(&topics, topics_width)
        );
        let question = match width {
            Some(w) => truncate(
                &r.question,
                w.saturating_sub(prefix.chars().count()).max(10),
            ),
            None => r.question.clone(),
        };
        writeln!(out, "{prefix}{question}")?;
    }
    Ok(())
}
