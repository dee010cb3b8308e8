//! Command-line interface: clap definitions and the commands that print.

mod answer;
mod card;
mod check;
mod config;
mod due;
mod dupes;
mod export;
mod list;
mod optimize;
mod output;
mod plan;
mod progress;
mod session;
mod stats;
mod study;
mod topics;

pub use due::QueueArgs;
pub use session::{ColorChoice, PROCESS_START, StudyArgs};

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::bank::{self, Bank, BankError, Filter, FilterError, LoadOptions};
use crate::schedule::{ClockError, OptimizeError, ScheduleError};
use crate::store::{Access, StoreError, ThemeSetting};

/// Drill Python interview questions with spaced repetition.
#[derive(Debug, Parser)]
#[command(
    name = "pyquiz",
    version,
    about,
    long_about = "Drill Python interview questions with spaced repetition.\n\n\
                  Without a command, pyquiz opens today's study session in the terminal \
                  (filters and --new/--limit narrow it). The commands below print instead."
)]
pub struct Cli {
    /// Add a deck: a Markdown file, or a directory of .md files (repeatable).
    #[arg(long, value_name = "PATH", global = true)]
    pub content: Vec<PathBuf>,

    /// Leave out the built-in questions.
    #[arg(long, global = true)]
    pub no_default_content: bool,

    /// Read the --content files (and the files `check` is given) in this
    /// layout instead of detecting each file's.
    #[arg(long, value_name = "NAME", global = true, value_parser = layout_parser())]
    pub layout: Option<String>,

    /// Study every source's copy of a question as its own card (a copy
    /// answered today holds the others back until tomorrow). By default the
    /// same question asked by several sources is one card.
    #[arg(long, global = true)]
    pub no_merge: bool,

    /// Where progress is kept (default: the platform data directory,
    /// e.g. ~/.local/share/pyquiz).
    #[arg(long, value_name = "DIR", global = true, env = "PYQUIZ_DATA_DIR")]
    pub data_dir: Option<PathBuf>,

    /// Colours for a light or a dark terminal background; auto asks the
    /// terminal (default: the theme setting, auto unless changed).
    #[arg(long, value_name = "THEME", global = true, env = "PYQUIZ_THEME",
          value_parser = theme_parser())]
    pub theme: Option<ThemeSetting>,

    /// Without a command: what today's study session covers.
    #[command(flatten)]
    pub study: StudyArgs,

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
    /// List the questions several sources ask (studied as one card each),
    /// with the similarity that joined them.
    Dupes {
        #[command(flatten)]
        filter: FilterArgs,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show what pyquiz reads in deck files: the layout detected (with every
    /// layout's score), questions with and without answers and with code,
    /// difficulty and topic labels, the first questions, and warnings.
    /// Exits with 1 when a file has no question pyquiz recognizes.
    Check {
        /// Markdown files, or directories of them.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Print JSON.
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
    /// Count the cards due now (new, learning, review) and say when the next comes.
    Due {
        #[command(flatten)]
        filter: FilterArgs,
        #[command(flatten)]
        queue: QueueArgs,
        /// Print JSON, with today's queue in order.
        #[arg(long)]
        json: bool,
    },
    /// Grade one card without the study screen: again, hard, good or easy.
    Grade {
        /// Card id (or a unique prefix of at least 4 characters).
        id: String,
        /// again, hard, good or easy (or 1-4).
        grade: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Take back the last grade, suspend, unsuspend or bury made today (repeatable; 50 are kept).
    /// The review log keeps the change and records the undo.
    Undo {
        /// Also take back a change from an earlier study day.
        #[arg(long)]
        any_day: bool,
    },
    /// Set aside damaged lines of the review log (each kept as text in its
    /// place, after a copy of the whole log is made) so that pyquiz can read
    /// the rest. Only needed when an error asks for it.
    Recover,
    /// Keep cards out of the queue until unsuspended.
    Suspend {
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
    },
    /// Put suspended cards back in the queue.
    Unsuspend {
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
    },
    /// Hide cards until tomorrow.
    Bury {
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
    },
    /// Show one card: state, stability, difficulty, retrievability, due time,
    /// what each grade would do now, and its review history.
    Card {
        /// Card id (or a unique prefix of at least 4 characters).
        id: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Fit personal FSRS-6 parameters to your review history; keep them only if they fit better.
    Optimize,
    /// Write the questions for Anki, as CSV or JSON (with scheduling state),
    /// or as one Markdown document pyquiz reads back.
    Export {
        #[command(flatten)]
        filter: FilterArgs,
        /// anki, csv, json or markdown.
        #[arg(long, value_enum)]
        format: export::Format,
        /// Write to this file (atomically) instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Anki deck the notes go to (`::` makes subdecks).
        #[arg(long, value_name = "NAME", default_value = crate::export::anki::DEFAULT_DECK)]
        deck: String,
        /// Title of the Markdown document.
        #[arg(
            long,
            value_name = "TEXT",
            default_value = "Python interview questions"
        )]
        title: String,
    },
    /// Practise the selected cards regardless of due dates (random order);
    /// answers are logged as practice and do not change the schedule.
    Practice {
        #[command(flatten)]
        drill: session::DrillArgs,
        /// Lowest probability of recall first (never-studied cards last).
        #[arg(long)]
        weakest: bool,
    },
    /// A mock interview: one question at a time against the clock; mark
    /// each answer nailed, partial or missed.
    Interview {
        #[command(flatten)]
        drill: session::DrillArgs,
        /// Minutes for the whole interview.
        #[arg(long, value_name = "N", default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=600))]
        minutes: u32,
        /// Minutes per question.
        #[arg(long, value_name = "N", default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..=60))]
        question_minutes: u32,
        /// Also grade the cards in the schedule (nailed = Good, partial =
        /// Hard, missed = Again).
        #[arg(long)]
        schedule: bool,
    },
    /// Browse and search the questions: fuzzy search, filters, sorting,
    /// suspend, and practise what is listed.
    Browse {
        #[command(flatten)]
        filter: FilterArgs,
        /// When to use colour.
        #[arg(long, value_enum, value_name = "WHEN", default_value_t = session::ColorChoice::Auto)]
        color: session::ColorChoice,
    },
    /// How many new cards a day cover the selection before an exam date.
    Plan {
        #[command(flatten)]
        filter: FilterArgs,
        /// The exam date, YYYY-MM-DD.
        #[arg(long, value_name = "DATE")]
        exam: String,
        /// Make the plan's count the daily new-card limit.
        #[arg(long)]
        accept: bool,
        /// Print the plan as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Statistics of the selection: reviews heatmap and streak, due
    /// forecast, retention, readiness per topic and difficulty.
    Stats {
        #[command(flatten)]
        filter: FilterArgs,
        /// Print the statistics as JSON.
        #[arg(long)]
        json: bool,
        /// When to use colour.
        #[arg(long, value_enum, value_name = "WHEN", default_value_t = session::ColorChoice::Auto)]
        color: session::ColorChoice,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff; `pyquiz man | man -l -`).
    Man,
    /// Show or change settings: desired-retention, new-per-day, reviews-per-day, new-order
    /// (path, source or random).
    Config {
        /// Setting name.
        key: Option<String>,
        /// New value.
        value: Option<String>,
    },
}

/// `--layout` takes the name of a layout.
fn layout_parser() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(
        bank::layout::LAYOUTS
            .iter()
            .map(|l| clap::builder::PossibleValue::new(l.name()).help(l.about())),
    )
}

/// `--theme`'s values, parsed as the setting is.
fn theme_parser() -> impl clap::builder::TypedValueParser<Value = ThemeSetting> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(ThemeSetting::ALL.map(|t| t.name()))
        .map(|v| ThemeSetting::parse(&v).unwrap_or_default())
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
            search: bank::parse_search(self.search.as_deref())?,
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
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Clock(#[from] ClockError),
    #[error(transparent)]
    Schedule(#[from] ScheduleError),
    #[error(transparent)]
    Optimize(#[from] OptimizeError),
    #[error("no card has the id {0:?} (see `pyquiz list` for ids)")]
    UnknownCard(String),
    #[error("{count} cards have ids starting with {id:?}; give more of the id")]
    AmbiguousCard { id: String, count: usize },
    #[error("{0} is suspended, so it is not graded; `pyquiz unsuspend {0}` first")]
    Suspended(String),
    #[error("{0:?} is not a grade; use again, hard, good or easy (or 1-4)")]
    BadGrade(String),
    #[error("{0}")]
    BadSetting(String),
    #[error(
        "{0} is a study-session option; with a command, put filters after the command (`pyquiz list --topic x`)"
    )]
    StudyOptionWithCommand(&'static str),
    #[error(transparent)]
    Plan(#[from] crate::schedule::PlanError),
    #[error("pyquiz {0} needs a terminal (standard input and output)")]
    NeedsTerminal(&'static str),
    #[error("no question matches the filters, so there is nothing to {0}")]
    NothingSelected(&'static str),
    #[error("could not write {}: {source}", crate::display::escape_line(&path.display().to_string()))]
    Output {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("stopped by signal {0}; every grade given is saved")]
    Signal(i32),
    #[error(
        "the last grade ({grade} on {id}) was not saved and is lost; grade it again when the disk has room. ({reason})"
    )]
    Unsaved {
        id: String,
        grade: &'static str,
        reason: String,
    },
    #[error("{unrecognized} of {files} files: no question was recognized (layouts tried: {tried})")]
    Unrecognized {
        unrecognized: usize,
        files: usize,
        tried: String,
    },
}

impl CliError {
    /// 2 for bad command-line values (like clap's usage errors), 3 when
    /// another pyquiz holds the data directory, 1 otherwise.
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::Filter(_)
            | CliError::Clock(_)
            | CliError::UnknownCard(_)
            | CliError::AmbiguousCard { .. }
            | CliError::BadGrade(_)
            | CliError::BadSetting(_)
            | CliError::Plan(_)
            | CliError::StudyOptionWithCommand(_) => 2,
            CliError::Store(StoreError::Locked { .. }) => 3,
            // The shell's convention for a process ended by a signal.
            CliError::Signal(sig) => 128 + sig,
            _ => 1,
        }
    }

    /// Output closed early (`pyquiz list | head`): not an error.
    pub fn is_broken_pipe(&self) -> bool {
        match self {
            CliError::Io(e) | CliError::Output { source: e, .. } => {
                e.kind() == std::io::ErrorKind::BrokenPipe
            }
            CliError::Json(e) => e.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe),
            _ => false,
        }
    }
}

/// Runs a parsed command line, writing to `out` and warnings to `err`.
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> Result<(), CliError> {
    // Text for a person goes through an escaping writer: nothing a deck
    // holds reaches the terminal as a control sequence. JSON, exports,
    // completions and the man page are data, written exactly.
    let prints_data = match &cli.command {
        Some(
            Command::List { json, .. }
            | Command::Dupes { json, .. }
            | Command::Check { json, .. }
            | Command::Topics { json, .. }
            | Command::Due { json, .. }
            | Command::Grade { json, .. }
            | Command::Card { json, .. }
            | Command::Plan { json, .. }
            | Command::Stats { json, .. },
        ) => *json,
        Some(Command::Export { .. } | Command::Completions { .. } | Command::Man) => true,
        _ => false,
    };
    if prints_data {
        return run_command(cli, out, err);
    }
    let mut text = crate::display::EscapingWriter::new(out);
    let result = run_command(cli, &mut text, err);
    text.flush()?;
    result
}

fn run_command(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> Result<(), CliError> {
    if cli.command.is_some()
        && let Some(flag) = cli.study.first_given()
    {
        return Err(CliError::StudyOptionWithCommand(flag));
    }
    // Generated from the clap definitions; no questions needed.
    match cli.command {
        Some(Command::Completions { shell }) => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut command, "pyquiz", out);
            return Ok(());
        }
        Some(Command::Man) => {
            clap_mangen::Man::new(<Cli as clap::CommandFactory>::command()).render(out)?;
            return Ok(());
        }
        // Reads the review log only.
        Some(Command::Recover) => {
            let dir = study::data_dir(cli.data_dir.as_ref())?;
            return answer::recover(&dir, out);
        }
        // Reads the files it is given, not the bank.
        Some(Command::Check { paths, json }) => {
            let forced = cli.layout.as_deref().and_then(bank::layout::by_name);
            return check::run(&paths, forced, json, out, err);
        }
        _ => {}
    }
    let indicator = (!cli.content.is_empty()).then(|| {
        progress::start(format!(
            "loading {} content path{}",
            cli.content.len(),
            if cli.content.len() == 1 { "" } else { "s" }
        ))
    });
    // A command that reads or writes progress opens the store on a second
    // thread while the bank loads (each takes a good part of a second at
    // 100k cards), and that one store serves it throughout.
    let wanted = store_access(&cli.command);
    let load = LoadOptions {
        no_default_content: cli.no_default_content,
        content: cli.content.clone(),
        layout: cli
            .layout
            .as_deref()
            .and_then(bank::layout::by_name)
            .map(|l| l.name()),
    };
    let (bank, mut opened) = std::thread::scope(|scope| {
        let store = wanted.map(|access| {
            let dir = cli.data_dir.as_ref();
            scope.spawn(move || -> Result<crate::store::Store, CliError> {
                Ok(crate::store::Store::open(&study::data_dir(dir)?, access)?)
            })
        });
        let bank = Bank::load(&load);
        let store = store.map(|handle| match handle.join() {
            Ok(store) => store,
            Err(panic) => std::panic::resume_unwind(panic),
        });
        (bank, store)
    });
    drop(indicator);
    let mut bank = bank?;
    for warning in &bank.warnings {
        writeln!(err, "pyquiz: warning: {warning}")?;
    }
    // `dupes` shows the clusters member by member, and an export is of every
    // source's questions (each naming its cluster): re-imported, a deck
    // merges again the same way.
    let member_by_member = matches!(
        cli.command,
        Some(Command::Dupes { .. } | Command::Export { .. })
    );
    if !cli.no_merge && !member_by_member {
        bank.merge_duplicates();
        if bank.records.iter().any(|r| !r.members.is_empty()) {
            match &opened {
                Some(Ok(store)) => study::keep_merged_history(&mut bank, store),
                // Reported by the command that reads the store.
                Some(Err(_)) => {}
                None => {
                    // The study screens open their own store; this one
                    // only chooses the merged cards' ids.
                    if let Ok(store) = study::data_dir(cli.data_dir.as_ref())
                        .and_then(|dir| Ok(crate::store::Store::open(&dir, Access::ReadOnly)?))
                    {
                        study::keep_merged_history(&mut bank, &store);
                    }
                }
            }
        }
    }
    // Freeing 100k records at exit took a tenth of a `grade`; the process
    // ends soon after the command, which gives the memory back whole.
    let bank = std::mem::ManuallyDrop::new(bank);
    if let Some(Ok(store)) = &mut opened
        && store.is_writable()
    {
        study::remember_merged(&bank.records, store);
    }
    let mut open_store = |access: Access| -> Result<crate::store::Store, CliError> {
        let store = match opened.take() {
            Some(Ok(store)) if access == Access::ReadOnly || store.is_writable() => store,
            Some(Err(e)) => return Err(e),
            _ => study::open_store(&bank.records, cli.data_dir.as_ref(), access)?,
        };
        // What opening found (a rebuilt checkpoint, clamped values).
        for notice in store.notices() {
            writeln!(err, "pyquiz: note: {}", crate::display::escape(notice))?;
        }
        Ok(store)
    };
    match cli.command {
        Some(Command::Dupes { filter, json }) => {
            let filter = filter.resolve(&bank)?;
            dupes::run(&bank, &filter, json, out)
        }
        Some(Command::List { filter, json }) => {
            let filter = filter.resolve(&bank)?;
            list::run(&bank, &filter, json, out)
        }
        Some(Command::Topics { filter, json }) => {
            let filter = filter.resolve(&bank)?;
            topics::run(&bank, &filter, json, out)
        }
        Some(Command::Due {
            filter,
            queue,
            json,
        }) => {
            let store = open_store(Access::ReadOnly)?;
            due::run(&bank, &filter, &queue, &store, json, out)
        }
        Some(Command::Grade { id, grade, json }) => {
            let mut store = open_store(Access::ReadWrite)?;
            answer::grade(&bank, &mut store, &id, &grade, json, out)
        }
        Some(Command::Undo { any_day }) => {
            let mut store = open_store(Access::ReadWrite)?;
            answer::undo(&bank, &mut store, any_day, out)
        }
        Some(Command::Suspend { ids }) => {
            let mut store = open_store(Access::ReadWrite)?;
            answer::mark(&bank, &mut store, &ids, answer::Mark::Suspend, out)
        }
        Some(Command::Unsuspend { ids }) => {
            let mut store = open_store(Access::ReadWrite)?;
            answer::mark(&bank, &mut store, &ids, answer::Mark::Unsuspend, out)
        }
        Some(Command::Bury { ids }) => {
            let mut store = open_store(Access::ReadWrite)?;
            answer::mark(&bank, &mut store, &ids, answer::Mark::Bury, out)
        }
        Some(Command::Card { id, json }) => {
            let store = open_store(Access::ReadOnly)?;
            card::run(&bank, &store, &id, json, out)
        }
        Some(Command::Optimize) => {
            let mut store = open_store(Access::ReadWrite)?;
            optimize::run(&mut store, out)
        }
        Some(Command::Config { key, value }) => {
            let access = if value.is_some() {
                Access::ReadWrite
            } else {
                Access::ReadOnly
            };
            let mut store = open_store(access)?;
            config::run(
                &mut store,
                &study::clock()?,
                key.as_deref(),
                value.as_deref(),
                out,
            )
        }
        Some(Command::Export {
            filter,
            format,
            output,
            deck,
            title,
        }) => {
            let filter = filter.resolve(&bank)?;
            let store = open_store(Access::ReadOnly)?;
            let request = export::Request {
                format,
                output: output.as_deref(),
                deck: &deck,
                title: &title,
            };
            // Not over the export itself when it goes to this terminal.
            let _indicator = (output.is_some() || !std::io::stdout().is_terminal())
                .then(|| progress::start(format!("exporting as {format:?}").to_lowercase()));
            export::run(&bank, &filter, &store, &request, out)
        }
        Some(Command::Plan {
            filter,
            exam,
            accept,
            json,
        }) => {
            let resolved = filter.resolve(&bank)?;
            let access = if accept {
                Access::ReadWrite
            } else {
                Access::ReadOnly
            };
            let mut store = open_store(access)?;
            let computed = plan::compute(&bank, &resolved, &store, &exam)?;
            if json {
                serde_json::to_writer_pretty(&mut *out, &computed)?;
                writeln!(out)?;
            } else {
                plan::write_text(&computed, &session::describe(&resolved), out)?;
            }
            if accept {
                let note = plan::accept(&mut store, &computed, !resolved.narrows(), &exam)?;
                if !json {
                    writeln!(out, "{note}")?;
                }
            }
            Ok(())
        }
        Some(Command::Browse { filter, color }) => {
            let resolved = filter.resolve(&bank)?;
            if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
                return Err(CliError::NeedsTerminal("browse"));
            }
            session::run_screen(
                &bank,
                &resolved,
                cli.data_dir.as_ref(),
                session::OpenOn::Browse,
                color,
                cli.theme,
                out,
            )
        }
        Some(Command::Stats {
            filter,
            json,
            color,
        }) => {
            let resolved = filter.resolve(&bank)?;
            if !json && std::io::stdout().is_terminal() && std::io::stdin().is_terminal() {
                return session::run_screen(
                    &bank,
                    &resolved,
                    cli.data_dir.as_ref(),
                    session::OpenOn::Stats,
                    color,
                    cli.theme,
                    out,
                );
            }
            let store = open_store(Access::ReadOnly)?;
            let computed = stats::compute(&bank, &resolved, &store)?;
            if json {
                stats::write_json(&computed, out)
            } else {
                let title = session::describe(&resolved);
                stats::write_text(&computed, &title, out)
            }
        }
        Some(Command::Practice { drill, weakest }) => session::run_drill(
            &bank,
            cli.data_dir.as_ref(),
            cli.theme,
            &drill,
            session::DrillKind::Practice { weakest },
            out,
        ),
        Some(Command::Interview {
            drill,
            minutes,
            question_minutes,
            schedule,
        }) => session::run_drill(
            &bank,
            cli.data_dir.as_ref(),
            cli.theme,
            &drill,
            session::DrillKind::Interview {
                minutes,
                question_minutes,
                schedule,
            },
            out,
        ),
        Some(
            Command::Completions { .. } | Command::Man | Command::Check { .. } | Command::Recover,
        ) => Ok(()),
        None => session::run(&bank, cli.data_dir.as_ref(), cli.theme, &cli.study, out),
    }
}

/// The store a command reads (or writes) itself; `None` for commands that
/// need none and for the study screens, which open their own.
fn store_access(command: &Option<Command>) -> Option<Access> {
    let on_terminal = || std::io::stdout().is_terminal() && std::io::stdin().is_terminal();
    match command.as_ref()? {
        Command::Grade { .. }
        | Command::Undo { .. }
        | Command::Suspend { .. }
        | Command::Unsuspend { .. }
        | Command::Bury { .. }
        | Command::Optimize => Some(Access::ReadWrite),
        Command::Config { value, .. } => Some(if value.is_some() {
            Access::ReadWrite
        } else {
            Access::ReadOnly
        }),
        Command::Plan { accept, .. } => Some(if *accept {
            Access::ReadWrite
        } else {
            Access::ReadOnly
        }),
        Command::Due { .. } | Command::Card { .. } | Command::Export { .. } => {
            Some(Access::ReadOnly)
        }
        Command::Stats { json, .. } => (*json || !on_terminal()).then_some(Access::ReadOnly),
        _ => None,
    }
}

/// What `pyquiz` prints with no command.
pub(crate) fn overview(bank: &Bank, out: &mut dyn Write) -> Result<(), CliError> {
    let cards = bank.records.iter().filter(|r| r.has_answer).count();
    let merged = bank.records.iter().filter(|r| !r.members.is_empty());
    let folded: usize = merged.clone().map(|r| r.members.len() - 1).sum();
    let answered = cards + folded;
    writeln!(
        out,
        "pyquiz: {answered} answered questions ({} prompt-only) from {} sources",
        bank.records.len() - cards,
        bank.sources.len()
    )?;
    if folded > 0 {
        writeln!(
            out,
            "  {cards} cards: {} questions asked by several sources are one card each (pyquiz dupes)",
            merged.count()
        )?;
    }
    for s in &bank.sources {
        writeln!(
            out,
            "  {:<36} {:>4} questions  ({} layout)",
            s.name, s.records, s.layout
        )?;
    }
    writeln!(
        out,
        "\nRun pyquiz in a terminal to study; try `pyquiz due`, `pyquiz list`, or `pyquiz --help`."
    )?;
    Ok(())
}
