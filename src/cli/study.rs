//! What every progress command needs: the clock, the store, the scheduler,
//! and card ids resolved against the bank.

use std::path::PathBuf;

use super::CliError;
use crate::bank::{Bank, Record};
use crate::schedule::{Clock, Scheduler, SchedulerConfig};
use crate::store::{Access, MergedCard, Settings, Store, default_data_dir};

/// The data directory: `--data-dir`, else `PYQUIZ_DATA_DIR` (clap reads
/// both into the flag), else the platform's.
pub fn data_dir(flag: Option<&PathBuf>) -> Result<PathBuf, CliError> {
    match flag {
        Some(dir) => Ok(dir.clone()),
        None => Ok(default_data_dir()?),
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
        [] => Err(CliError::UnknownCard(id.to_string())),
        many => Err(CliError::AmbiguousCard {
            id: id.to_string(),
            count: many.len(),
        }),
    }
}

pub use crate::schedule::format::{local_time, when};
