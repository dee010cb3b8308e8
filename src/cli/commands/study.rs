//! `pyquiz` with no command: today's study session in the terminal.

use std::io::Write;
use std::sync::OnceLock;
use std::time::Instant;

use clap::{Args, ValueEnum};
use serde::Serialize;

use crate::bank::{Bank, Filter};
use crate::cli::args::FilterArgs;
use crate::cli::env::{self, Env, when};
use crate::cli::error::CliError;
use crate::schedule::practice_order;
use crate::schedule::{Clock, NewCardOrder, NewOrder};
use crate::session::Session;
use crate::session::drill::InterviewConfig;
use crate::session::today::{self, NewToday};
use crate::session::{SessionKind, Setup};
use crate::store::Access;
pub use crate::tui::OpenOn;
use crate::tui::{self, Colour, Look, Timings};

/// When the process started (set by `main`), for the first-frame timing.
pub static PROCESS_START: OnceLock<Instant> = OnceLock::new();

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour unless NO_COLOR is set.
    #[default]
    Auto,
    Always,
    Never,
}

/// What the study session covers and how it looks.
#[derive(Debug, Clone, Default, Args)]
pub struct StudyArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Study up to N more new cards now, beyond today's limit.
    #[arg(long, value_name = "N")]
    pub new: Option<u32>,
    /// Study at most N different cards in this session.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub limit: Option<u32>,
    /// The order of new cards: path (easy and foundational topics first,
    /// topics mixed), source (the files' order) or random (default:
    /// the new-order setting, path unless changed).
    #[arg(long, value_enum, value_name = "ORDER")]
    pub order: Option<super::due::OrderArg>,
    /// The same as --order random.
    #[arg(long, conflicts_with = "order")]
    pub shuffle: bool,
    /// Seed for a random order, for a repeatable one.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Exam date (YYYY-MM-DD): today's new-card limit is what covers the
    /// selection before it (see `pyquiz plan`).
    #[arg(long, value_name = "DATE", conflicts_with = "new")]
    pub exam: Option<String>,
    /// When to use colour.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

impl StudyArgs {
    /// The first study-session option given, if any (they mean nothing
    /// before a command).
    pub fn first_given(&self) -> Option<&'static str> {
        let f = &self.filter;
        [
            (!f.difficulty.is_empty(), "--difficulty"),
            (!f.topic.is_empty(), "--topic"),
            (!f.source.is_empty(), "--source"),
            (f.search.is_some(), "--search"),
            (f.include_unanswered, "--include-unanswered"),
            (self.new.is_some(), "--new"),
            (self.limit.is_some(), "--limit"),
            (self.order.is_some(), "--order"),
            (self.shuffle, "--shuffle"),
            (self.seed.is_some(), "--seed"),
            (self.exam.is_some(), "--exam"),
            (self.color != ColorChoice::Auto, "--color"),
        ]
        .into_iter()
        .find_map(|(given, flag)| given.then_some(flag))
    }
}

impl From<ColorChoice> for Colour {
    fn from(c: ColorChoice) -> Colour {
        match c {
            ColorChoice::Auto => Colour::Auto,
            ColorChoice::Always => Colour::Always,
            ColorChoice::Never => Colour::Never,
        }
    }
}

/// The filters in words for the header: `all questions`, or
/// `hard · decorators, generators · from 001-… · matching "gil"`.
pub fn describe(filter: &Filter) -> String {
    let mut parts = Vec::new();
    if !filter.difficulties.is_empty() {
        let d: Vec<&str> = filter.difficulties.iter().map(|d| d.as_str()).collect();
        parts.push(d.join(", "));
    }
    if !filter.topics.is_empty() {
        let t: Vec<&str> = filter.topics.iter().map(|t| t.slug()).collect();
        parts.push(t.join(", "));
    }
    if !filter.sources.is_empty() {
        parts.push(format!("from {}", filter.sources.join(", ")));
    }
    if let Some(s) = &filter.search {
        parts.push(format!("matching \"{s}\""));
    }
    if parts.is_empty() {
        parts.push("all questions".to_string());
    }
    if filter.include_unanswered {
        parts.push("with prompt-only".to_string());
    }
    parts.join(" · ")
}

/// `pyquiz` with no command: today's study session in a terminal, else
/// an overview of the bank.
pub fn run(env: &mut Env, args: &StudyArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let filter = env.filter(&args.filter)?;
    let bank: &Bank = &env.bank;
    if !env.interactive {
        return super::overview::run(bank, out);
    }
    let records: Vec<_> = bank.filtered(&filter).cloned().collect();
    let mut title = describe(&filter);
    let mut new = args.new.map(NewToday::More);
    if let Some(exam) = &args.exam {
        let store = env.store(Access::ReadOnly)?;
        let plan = super::plan::compute(&env.bank, &filter, &store, exam)?;
        // Today's limit becomes the plan's count (what is already done today
        // counts against it).
        new = Some(NewToday::Limit(plan.new_per_day));
        title = format!(
            "{title} · exam {} · {} new/day",
            plan.exam, plan.new_per_day
        );
    }
    let order = NewChoice::Study {
        order: args.order,
        shuffle: args.shuffle,
        seed: args.seed.unwrap_or_else(rand::random),
    };
    let launch = Launch {
        overlay: None,
        title,
        records,
        new,
        order,
        card_limit: args.limit.map(|n| n as usize),
        color: args.color,
    };
    launch.run(env, |_, _, _| Ok(SessionKind::Study), out)
}

/// `pyquiz practice` and `pyquiz interview`.
#[derive(Debug, Clone, Args)]
pub struct DrillArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// At most N cards.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub count: Option<u32>,
    /// Seed for the random order, for a repeatable session.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// When to use colour.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// What kind of drill to run.
pub enum DrillKind {
    /// `--weakest`: lowest recall first.
    Practice { weakest: bool },
    Interview {
        minutes: u32,
        question_minutes: u32,
        schedule: bool,
    },
}

/// A practice run or an interview of the selection, in a terminal.
pub fn run_drill(
    env: &mut Env,
    args: &DrillArgs,
    kind: DrillKind,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let filter = env.filter(&args.filter)?;
    let name = match kind {
        DrillKind::Practice { .. } => "practice",
        DrillKind::Interview { .. } => "interview",
    };
    if !env.interactive {
        return Err(CliError::NeedsTerminal(name));
    }
    let records: Vec<_> = env.bank.filtered(&filter).cloned().collect();
    if records.is_empty() {
        return Err(CliError::NothingSelected(name));
    }
    let seed = args.seed.unwrap_or_else(rand::random);
    let count = args.count.map(|n| n as usize);
    let launch = Launch {
        overlay: None,
        title: format!("{name} · {}", describe(&filter)),
        records,
        new: None,
        order: NewChoice::Fixed(NewOrder::Source),
        card_limit: None,
        color: args.color,
    };
    launch.run(
        env,
        |records, store, scheduler| {
            let states: Vec<_> = records.iter().map(|r| store.card(&r.id)).collect();
            let now = env::clock()?.now();
            Ok(match kind {
                DrillKind::Practice { weakest } => SessionKind::Practice(practice_order(
                    &states, weakest, seed, count, scheduler, now,
                )),
                DrillKind::Interview {
                    minutes,
                    question_minutes,
                    schedule,
                } => {
                    let per_question = question_minutes.max(1) * 60;
                    let total = minutes.max(1) * 60;
                    let count = count.unwrap_or((total / per_question).max(1) as usize);
                    let order = practice_order(&states, false, seed, Some(count), scheduler, now);
                    SessionKind::Interview(
                        order,
                        InterviewConfig {
                            per_question,
                            total,
                            schedule,
                        },
                    )
                }
            })
        },
        out,
    )
}

/// `pyquiz browse` and `pyquiz stats` in a terminal.
pub fn run_screen(
    env: &mut Env,
    filter: &Filter,
    open_on: OpenOn,
    color: ColorChoice,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let records: Vec<_> = env.bank.filtered(filter).cloned().collect();
    let launch = Launch {
        overlay: Some(open_on),
        title: describe(filter),
        records,
        new: None,
        order: NewChoice::Fixed(NewOrder::Source),
        card_limit: None,
        color,
    };
    launch.run(env, |_, _, _| Ok(SessionKind::Study), out)
}

/// How a session orders its new cards.
enum NewChoice {
    /// A drill or a browser: as given.
    Fixed(NewOrder),
    /// A study session: `--order`/`--shuffle`, else the setting.
    Study {
        order: Option<super::due::OrderArg>,
        shuffle: bool,
        seed: u64,
    },
}

/// Everything a TUI session needs before it opens.
struct Launch {
    /// Open on the browser or the statistics (closing it quits).
    overlay: Option<OpenOn>,
    title: String,
    records: Vec<crate::bank::Record>,
    new: Option<NewToday>,
    order: NewChoice,
    card_limit: Option<usize>,
    color: ColorChoice,
}

impl Launch {
    fn run(
        mut self,
        env: &mut Env,
        kind: impl FnOnce(
            &[crate::bank::Record],
            &crate::store::Store,
            &crate::schedule::Scheduler,
        ) -> Result<SessionKind, CliError>,
        out: &mut dyn Write,
    ) -> Result<(), CliError> {
        let started = *PROCESS_START.get_or_init(Instant::now);
        let store = env.store(Access::ReadWrite)?;
        let base = env::clock()?;
        let pinned = std::env::var("PYQUIZ_NOW").is_ok_and(|v| !v.trim().is_empty());
        let now: crate::session::Now = if pinned {
            Box::new(move || base.clone())
        } else {
            Box::new(move || base.at(jiff::Timestamp::now()))
        };
        let clock = now();
        let settings = store.settings();
        let scheduler = env::scheduler(settings)?;
        let mut limits = today::limits(settings, None, None);
        if let Some(new) = self.new {
            limits.new_per_day = new.limit(settings.new_per_day, store.done_today(&clock).new);
        }
        let kind = kind(&self.records, &store, &scheduler)?;
        let order = match self.order {
            NewChoice::Fixed(order) => order,
            NewChoice::Study {
                order,
                shuffle,
                seed,
            } => {
                let chosen = super::due::chosen_order(order, shuffle, &store);
                if chosen == NewCardOrder::Path && matches!(kind, SessionKind::Study) {
                    // Once, here: the queue then keeps this order.
                    self.records = crate::bank::path::arrange(std::mem::take(&mut self.records));
                }
                chosen.queue_order(seed)
            }
        };
        let count = match &kind {
            SessionKind::Study => self.records.len(),
            SessionKind::Practice(order) | SessionKind::Interview(order, _) => order.len(),
        };
        let title = format!(
            "{} ({count} question{})",
            self.title,
            if count == 1 { "" } else { "s" }
        );
        let look = Look {
            colour: self.color.into(),
            theme: env.theme.unwrap_or(store.settings().theme),
            open_on: self.overlay,
        };
        let setup = Setup {
            records: self.records,
            title,
            limits,
            order,
            card_limit: self.card_limit,
            kind,
        };
        let ended = tui::launch(setup, store, scheduler, now, look, started)?;
        let app = &ended.session;
        let timings = ended.timings?;
        if let Some(signal) = timings.signal {
            return Err(CliError::Signal(signal));
        }
        if let Some((id, grade)) = app.unsaved() {
            return Err(CliError::Unsaved {
                id: id.to_string(),
                grade: grade.name(),
                reason: app.status.clone().unwrap_or_default(),
            });
        }
        if self.overlay.is_some() && app.mode == crate::session::drill::Mode::Study {
            return side_runs(app, out);
        }
        write_timings(&timings)?;
        goodbye(app, &app.clock(), out)
    }
}

/// The practice runs started from within the session, once left.
fn side_runs(app: &Session, out: &mut dyn Write) -> Result<(), CliError> {
    let s = &app.side_runs;
    if s.reviewed > 0 {
        writeln!(
            out,
            "Practised {} question{} outside the schedule ({} again).",
            s.reviewed,
            if s.reviewed == 1 { "" } else { "s" },
            s.again
        )?;
    }
    Ok(())
}

/// One line after the terminal is restored: what was done, what is next.
fn goodbye(app: &Session, clock: &Clock, out: &mut dyn Write) -> Result<(), CliError> {
    side_runs(app, out)?;
    let s = &app.stats;
    if app.mode != crate::session::drill::Mode::Study {
        writeln!(
            out,
            "Answered {} question{} outside the schedule ({} missed or again); \
             card schedules are unchanged{}.",
            s.reviewed,
            if s.reviewed == 1 { "" } else { "s" },
            s.again,
            if app.interview.as_ref().is_some_and(|i| i.config.schedule) {
                " except for the interview's grades"
            } else {
                ""
            }
        )?;
        return Ok(());
    }
    if s.reviewed > 0 {
        write!(
            out,
            "Studied {}: {} ({} again).",
            crate::display::plural(s.cards as usize, "card"),
            crate::display::plural(s.reviewed as usize, "answer"),
            s.again
        )?;
        write!(out, " ")?;
    }
    if app.current.is_some() {
        let c = app.queue.counts;
        writeln!(
            out,
            "Left for today: {} new, {} learning, {} review.",
            c.new,
            c.learning + c.waiting,
            c.review
        )?;
    } else {
        match app.queue.next_due {
            Some(ts) => writeln!(out, "Next card: {}.", when(clock, ts))?,
            None => writeln!(out, "Nothing scheduled.")?,
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct TimingsOut {
    first_frame_ms: Option<f64>,
    highlighter_ready_ms: Option<f64>,
    reveal_ms: Vec<f64>,
    grade_ms: Vec<f64>,
}

/// `PYQUIZ_TIMINGS=FILE` writes when the first frame was drawn and how
/// long each reveal took to draw, as JSON (for measuring, not for tests).
fn write_timings(t: &Timings) -> Result<(), CliError> {
    let Some(path) = std::env::var_os("PYQUIZ_TIMINGS") else {
        return Ok(());
    };
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
    let report = TimingsOut {
        first_frame_ms: t.first_frame.map(ms),
        highlighter_ready_ms: t.highlighter_ready.map(ms),
        reveal_ms: t.reveals.iter().copied().map(ms).collect(),
        grade_ms: t.grades.iter().copied().map(ms).collect(),
    };
    std::fs::write(path, serde_json::to_vec_pretty(&report)?)?;
    Ok(())
}
