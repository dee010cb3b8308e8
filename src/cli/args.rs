//! The command line as clap reads it: the global flags, the commands and
//! the filters they share. Each command's own flag groups (`StudyArgs`,
//! `DrillArgs`, `QueueArgs`) live beside the command.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use super::commands::due::QueueArgs;
use super::commands::export::Format;
use super::commands::study::{ColorChoice, DrillArgs, StudyArgs};
use crate::bank::{self, Bank, Filter, FilterError};
use crate::store::ThemeSetting;

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

    /// Where progress is kept (default: $PYQUIZ_DATA_DIR, else the platform
    /// data directory, e.g. ~/.local/share/pyquiz).
    // Not clap's `env`: with it, a set variable shows `--data-dir <DIR>` in
    // every usage line as if it were required.
    #[arg(long, value_name = "DIR", global = true)]
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
        format: Format,
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
        drill: DrillArgs,
        /// Lowest probability of recall first (never-studied cards last).
        #[arg(long)]
        weakest: bool,
    },
    /// A mock interview: one question at a time against the clock; mark
    /// each answer nailed, partial or missed.
    Interview {
        #[command(flatten)]
        drill: DrillArgs,
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
        #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
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
        #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
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
pub(crate) fn layout_parser() -> clap::builder::PossibleValuesParser {
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
