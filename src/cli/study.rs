//! What every progress command needs: the clock, the store, the scheduler,
//! and card ids resolved against the bank.

use std::path::PathBuf;

use super::CliError;
use crate::bank::{Bank, Record};
use crate::schedule::{Clock, Scheduler, SchedulerConfig};
use crate::store::{Access, Settings, Store, default_data_dir};

/// The data directory: `--data-dir`, else `PYQUIZ_DATA_DIR` (clap reads
/// both into the flag), else the platform's.
pub fn data_dir(flag: Option<&PathBuf>) -> Result<PathBuf, CliError> {
    match flag {
        Some(dir) => Ok(dir.clone()),
        None => Ok(default_data_dir()?),
    }
}

pub fn open_store(dir: Option<&PathBuf>, access: Access) -> Result<Store, CliError> {
    Ok(Store::open(&data_dir(dir)?, access)?)
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
pub fn find_card<'a>(bank: &'a Bank, id: &str) -> Result<&'a Record, CliError> {
    let id = id.trim();
    if let Some(r) = bank.records.iter().find(|r| r.id == id) {
        return Ok(r);
    }
    let matches: Vec<&Record> = if id.len() >= 4 {
        bank.records
            .iter()
            .filter(|r| r.id.starts_with(id))
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
