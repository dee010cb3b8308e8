//! Command-line interface: clap definitions and the commands that print.

mod list;
mod output;
mod topics;

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::bank::{self, Bank, BankError, Filter, FilterError, LoadOptions};

/// Drill Python interview questions with spaced repetition.
#[derive(Debug, Parser)]
#[command(name = "pyquiz", version, about, long_about = None)]
pub struct Cli {
    /// Add a deck: a Markdown file, or a directory of .md files (repeatable).
    #[arg(long, value_name = "PATH", global = true)]
    pub content: Vec<PathBuf>,

    /// Leave out the built-in questions.
    #[arg(long, global = true)]
    pub no_default_content: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List questions (id, difficulty, topics, question).
    List {
        #[command(flatten)]
        filter: FilterArgs,
        /// Print a JSON array of the full records.
        #[arg(long)]
        json: bool,
    },
    /// List topics with their question counts per difficulty.
    Topics {
        #[command(flatten)]
        filter: FilterArgs,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Filters shared by every command that works on questions.
#[derive(Debug, Clone, Default, Args)]
pub struct FilterArgs {
    /// Only these difficulties: easy, medium, hard (comma-separated).
    #[arg(long, value_name = "LEVELS")]
    pub difficulty: Vec<String>,
    /// Only these topics (repeatable or comma-separated; prefixes accepted).
    #[arg(long, value_name = "TOPIC")]
    pub topic: Vec<String>,
    /// Only questions from this content file (name, name without .md, or prefix).
    #[arg(long, value_name = "NAME")]
    pub source: Vec<String>,
    /// Only questions whose question or answer contains TEXT (any case).
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// Include entries that have no written answer (left out by default).
    #[arg(long)]
    pub include_unanswered: bool,
}

impl FilterArgs {
    /// Resolves the raw values against the bank.
    pub fn resolve(&self, bank: &Bank) -> Result<Filter, FilterError> {
        Ok(Filter {
            difficulties: bank::parse_difficulties(&self.difficulty)?,
            topics: bank::parse_topics(&self.topic)?,
            sources: bank::parse_sources(&self.source, &bank.source_names())?,
            search: self.search.clone().filter(|s| !s.trim().is_empty()),
            include_unanswered: self.include_unanswered,
        })
    }
}

/// Errors at the command line's edge, each mapped to an exit code.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Bank(#[from] BankError),
    #[error(transparent)]
    Filter(#[from] FilterError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Json(#[from] serde_json::Error),
}

impl CliError {
    /// 2 for bad command-line values (like clap's usage errors), 1 otherwise.
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::Filter(_) => 2,
            _ => 1,
        }
    }

    /// Output closed early (`pyquiz list | head`): not an error.
    pub fn is_broken_pipe(&self) -> bool {
        match self {
            CliError::Io(e) => e.kind() == std::io::ErrorKind::BrokenPipe,
            CliError::Json(e) => e.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe),
            _ => false,
        }
    }
}

/// Runs a parsed command line, writing to `out` and warnings to `err`.
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> Result<(), CliError> {
    let bank = Bank::load(&LoadOptions {
        no_default_content: cli.no_default_content,
        content: cli.content.clone(),
    })?;
    for warning in &bank.warnings {
        writeln!(err, "pyquiz: warning: {warning}")?;
    }
    match cli.command {
        Some(Command::List { filter, json }) => {
            let filter = filter.resolve(&bank)?;
            list::run(&bank, &filter, json, out)
        }
        Some(Command::Topics { filter, json }) => {
            let filter = filter.resolve(&bank)?;
            topics::run(&bank, &filter, json, out)
        }
        None => overview(&bank, out),
    }
}

/// What `pyquiz` prints with no command.
fn overview(bank: &Bank, out: &mut dyn Write) -> Result<(), CliError> {
    let answered = bank.records.iter().filter(|r| r.has_answer).count();
    writeln!(
        out,
        "pyquiz: {answered} answered questions ({} prompt-only) from {} sources",
        bank.records.len() - answered,
        bank.sources.len()
    )?;
    for s in &bank.sources {
        writeln!(
            out,
            "  {:<36} {:>4} questions  ({} layout)",
            s.name, s.records, s.layout
        )?;
    }
    writeln!(
        out,
        "\nTry `pyquiz list`, `pyquiz topics`, or `pyquiz --help`."
    )?;
    Ok(())
}
