//! The command line resolved once into what every command works with
//! (`Env`): the bank, loaded and merged; the data directory and the store,
//! opened on a second thread while the bank loads; whether stdin and
//! stdout are a terminal; the theme; and the clock, the scheduler and card
//! ids resolved against the bank.

use std::io::{IsTerminal, Write};
use std::mem::ManuallyDrop;
use std::path::PathBuf;

use super::args::{Cli, Command, FilterArgs};
use super::error::CliError;
use crate::bank::{self, Bank, Filter, LoadOptions, Record};
use crate::schedule::{Clock, Scheduler, SchedulerConfig};
use crate::store::{Access, MergedCard, Settings, Store, ThemeSetting, default_data_dir};

/// Everything a command needs, resolved once from the command line.
pub struct Env<'e> {
    /// The questions, merged unless `--no-merge` (or a command that shows
    /// every source's copy). Never freed: the process ends soon after the
    /// command, which gives the memory back whole (freeing 100k records
    /// took a tenth of a `grade`).
    pub bank: ManuallyDrop<Bank>,
    /// `--data-dir` (or `PYQUIZ_DATA_DIR`); the platform's when none.
    pub data_dir: Option<PathBuf>,
    /// `--theme`; the setting when not given.
    pub theme: Option<ThemeSetting>,
    /// Both stdin and stdout are a terminal: the screens can open.
    pub interactive: bool,
    /// Stdout is a terminal (a progress indicator would mix with output).
    pub stdout_terminal: bool,
    /// The store opened while the bank loaded, until a command takes it.
    opened: Option<Result<Store, CliError>>,
    /// Where notes and warnings go.
    err: &'e mut dyn Write,
}

impl<'e> Env<'e> {
    /// Loads the bank (and, for a command that reads progress, the store
    /// beside it) and prints the bank's warnings.
    pub fn load(
        cli: &Cli,
        command: Option<&Command>,
        err: &'e mut dyn Write,
    ) -> Result<Env<'e>, CliError> {
        let stdout_terminal = std::io::stdout().is_terminal();
        let interactive = stdout_terminal && std::io::stdin().is_terminal();
        let indicator = (!cli.content.is_empty()).then(|| {
            super::progress::start(format!(
                "loading {}",
                crate::display::plural(cli.content.len(), "content path")
            ))
        });
        // A command that reads or writes progress opens the store on a
        // second thread while the bank loads (each takes a good part of a
        // second at 100k cards), and that one store serves it throughout.
        let wanted = command.and_then(|c| store_access(c, interactive));
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
                scope.spawn(move || -> Result<Store, CliError> {
                    Ok(Store::open(&data_dir(dir)?, access)?)
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
        // `dupes` shows the clusters member by member, and an export is of
        // every source's questions (each naming its cluster): re-imported,
        // a deck merges again the same way.
        let member_by_member = matches!(
            command,
            Some(Command::Dupes { .. } | Command::Export { .. })
        );
        if !cli.no_merge && !member_by_member {
            bank.merge_duplicates();
            if bank.records.iter().any(|r| !r.members.is_empty()) {
                match &opened {
                    Some(Ok(store)) => keep_merged_history(&mut bank, store),
                    // Reported by the command that reads the store.
                    Some(Err(_)) => {}
                    None => {
                        // The study screens open their own store; this one
                        // only chooses the merged cards' ids.
                        if let Ok(store) = data_dir(cli.data_dir.as_ref())
                            .and_then(|dir| Ok(Store::open(&dir, Access::ReadOnly)?))
                        {
                            keep_merged_history(&mut bank, &store);
                        }
                    }
                }
            }
        }
        if let Some(Ok(store)) = &mut opened
            && store.is_writable()
        {
            remember_merged(&bank.records, store);
        }
        Ok(Env {
            bank: ManuallyDrop::new(bank),
            data_dir: cli.data_dir.clone(),
            theme: cli.theme,
            interactive,
            stdout_terminal,
            opened,
            err,
        })
    }

    /// The store, opened for `access`: the one opened while the bank
    /// loaded when it allows that, else opened now. What opening found (a
    /// rebuilt checkpoint, clamped values) is noted on stderr.
    pub fn store(&mut self, access: Access) -> Result<Store, CliError> {
        let store = match self.opened.take() {
            Some(Ok(store)) if access == Access::ReadOnly || store.is_writable() => store,
            Some(Err(e)) => return Err(e),
            _ => open_store(&self.bank.records, self.data_dir.as_ref(), access)?,
        };
        for notice in store.notices() {
            writeln!(self.err, "pyquiz: note: {}", crate::display::escape(notice))?;
        }
        Ok(store)
    }

    /// The filters resolved against the bank.
    pub fn filter(&self, args: &FilterArgs) -> Result<Filter, CliError> {
        Ok(args.resolve(&self.bank)?)
    }

    /// The card `id` names (see [`find_card`]).
    pub fn card(&self, id: &str) -> Result<&Record, CliError> {
        find_card(&self.bank, id)
    }
}

/// The store a command reads (or writes) itself; `None` for commands that
/// need none and for the study screens, which open their own.
fn store_access(command: &Command, interactive: bool) -> Option<Access> {
    let writes = |w: bool| {
        if w {
            Access::ReadWrite
        } else {
            Access::ReadOnly
        }
    };
    match command {
        Command::Grade { .. }
        | Command::Undo { .. }
        | Command::Suspend { .. }
        | Command::Unsuspend { .. }
        | Command::Bury { .. }
        | Command::Optimize => Some(Access::ReadWrite),
        Command::Config { value, .. } => Some(writes(value.is_some())),
        Command::Plan { accept, .. } => Some(writes(*accept)),
        Command::Due { .. } | Command::Card { .. } | Command::Export { .. } => {
            Some(Access::ReadOnly)
        }
        Command::Stats { json, .. } => (*json || !interactive).then_some(Access::ReadOnly),
        _ => None,
    }
}

/// The data directory: `--data-dir`, else `PYQUIZ_DATA_DIR` when set and
/// not empty, else the platform's.
pub fn data_dir(flag: Option<&PathBuf>) -> Result<PathBuf, CliError> {
    if let Some(dir) = flag {
        return Ok(dir.clone());
    }
    match std::env::var_os("PYQUIZ_DATA_DIR") {
        Some(dir) if !dir.is_empty() => Ok(PathBuf::from(dir)),
        _ => Ok(default_data_dir()?),
    }
}

/// Opens the store. A writable store notes the members of the merged cards
/// among `records` (see [`keep_merged_history`]) for its next save.
pub fn open_store(
    records: &[Record],
    dir: Option<&PathBuf>,
    access: Access,
) -> Result<Store, CliError> {
    let mut store = Store::open(&data_dir(dir)?, access)?;
    if access == Access::ReadWrite {
        remember_merged(records, &mut store);
    }
    Ok(store)
}

/// Notes the members of the merged cards among `records` in a writable
/// store, for its next save.
pub fn remember_merged(records: &[Record], store: &mut Store) {
    let merged = merged_members(records);
    store.remember_merged(
        merged
            .iter()
            .map(|&(i, ref m)| (records[i].id.as_str(), m.as_slice())),
    );
}

/// Gives each merged card the id its history is kept under (see
/// `Store::merged_keys`), so that adding, removing or editing a member, a
/// new source joining, or a spell of `--no-merge` keeps its schedule.
pub fn keep_merged_history(bank: &mut Bank, store: &Store) {
    let merged = merged_members(&bank.records);
    if merged.is_empty() {
        return;
    }
    let others: std::collections::HashSet<&str> = bank
        .records
        .iter()
        .filter(|r| r.members.is_empty())
        .map(|r| r.id.as_str())
        .collect();
    let cards: Vec<MergedCard<'_>> = merged
        .iter()
        .map(|(i, members)| MergedCard {
            default: &bank.records[*i].id,
            members,
        })
        .collect();
    let keys = store.merged_keys(&cards, &|id| others.contains(id));
    for ((i, _), key) in merged.into_iter().zip(keys) {
        bank.records[i].id = key;
    }
}

/// The merged cards among `records`: index and member ids.
fn merged_members(records: &[Record]) -> Vec<(usize, Vec<String>)> {
    records
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.members.is_empty())
        .map(|(i, r)| (i, r.members.iter().map(|m| m.id.clone()).collect()))
        .collect()
}

pub fn clock() -> Result<Clock, CliError> {
    Ok(Clock::from_env()?)
}

/// `PYQUIZ_FUZZ=0` turns fuzz off (tests, reproducible runs).
pub fn fuzz_enabled() -> bool {
    !matches!(
        std::env::var("PYQUIZ_FUZZ").as_deref().map(str::trim),
        Ok("0") | Ok("false") | Ok("off") | Ok("no")
    )
}

pub fn scheduler(settings: &Settings) -> Result<Scheduler, CliError> {
    Ok(Scheduler::new(SchedulerConfig {
        parameters: settings.parameters.clone(),
        desired_retention: settings.desired_retention,
        fuzz: fuzz_enabled(),
        ..SchedulerConfig::default()
    })?)
}

/// Finds a card by its id or a unique prefix of it (at least 4 characters).
/// A merged card is also found by its cluster's id or any member's id.
pub fn find_card<'a>(bank: &'a Bank, id: &str) -> Result<&'a Record, CliError> {
    let id = id.trim();
    let names = |r: &'a Record| {
        std::iter::once(r.id.as_str())
            .chain(r.cluster.as_deref().filter(|_| !r.members.is_empty()))
            .chain(r.members.iter().map(|m| m.id.as_str()))
    };
    if let Some(r) = bank.records.iter().find(|r| r.id == id) {
        return Ok(r);
    }
    if let Some(r) = bank.records.iter().find(|r| names(r).any(|n| n == id)) {
        return Ok(r);
    }
    let matches: Vec<&Record> = if id.len() >= 4 {
        bank.records
            .iter()
            .filter(|r| names(r).any(|n| n.starts_with(id)))
            .collect()
    } else {
        Vec::new()
    };
    match matches.as_slice() {
        [one] => Ok(one),
        [] if id.chars().count() < 4 => Err(CliError::ShortId(id.to_string())),
        [] => Err(CliError::UnknownCard(id.to_string())),
        many => Err(CliError::AmbiguousCard {
            id: id.to_string(),
            count: many.len(),
        }),
    }
}

pub use crate::schedule::format::{local_time, when};
