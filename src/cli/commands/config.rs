//! `pyquiz config [KEY [VALUE]]`: show or change the study settings.

use std::io::Write;

use crate::cli::env::{self, Env};
use crate::cli::error::CliError;
use crate::schedule::NewCardOrder;
use crate::store::{Access, Settings, ThemeSetting};

pub const KEYS: [&str; 5] = [
    "desired-retention",
    "new-per-day",
    "reviews-per-day",
    "new-order",
    "theme",
];

fn show(s: &Settings, key: &str) -> Option<String> {
    Some(match key {
        "desired-retention" => format!("{}", s.desired_retention),
        "new-per-day" => s.new_per_day.to_string(),
        "reviews-per-day" => s.reviews_per_day.to_string(),
        "new-order" => s.new_order.name().to_string(),
        "theme" => s.theme.name().to_string(),
        _ => return None,
    })
}

pub fn run(
    env: &mut Env,
    key: Option<&str>,
    value: Option<&str>,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let access = if value.is_some() {
        Access::ReadWrite
    } else {
        Access::ReadOnly
    };
    let store = &mut env.store(access)?;
    let clock = &env::clock()?;
    let unknown = |k: &str| {
        CliError::BadSetting(format!(
            "unknown setting {k:?}; settings: {}",
            KEYS.join(", ")
        ))
    };
    match (key, value) {
        (None, _) => {
            for k in KEYS {
                writeln!(
                    out,
                    "{k} = {}",
                    show(store.settings(), k).unwrap_or_default()
                )?;
            }
            let params = if store.settings().parameters.is_empty() {
                "FSRS-6 defaults".to_string()
            } else {
                "personal (from pyquiz optimize)".to_string()
            };
            writeln!(out, "parameters = {params}")?;
        }
        (Some(k), None) => {
            let v = show(store.settings(), k).ok_or_else(|| unknown(k))?;
            writeln!(out, "{v}")?;
        }
        (Some(k), Some(v)) => {
            let whole = |v: &str| {
                v.trim().parse::<u32>().map_err(|_| {
                    CliError::BadSetting(format!("{k} takes a whole number (0 or more), not {v:?}"))
                })
            };
            let before = store.settings().clone();
            let mut after = before.clone();
            match k {
                "desired-retention" => {
                    let r: f32 = v
                        .trim()
                        .parse()
                        .ok()
                        .filter(|r| (0.7..=0.99).contains(r))
                        .ok_or_else(|| {
                            CliError::BadSetting(format!(
                                "desired-retention takes a number between 0.70 and 0.99, not {v:?}"
                            ))
                        })?;
                    after.desired_retention = r;
                }
                "new-per-day" => after.new_per_day = whole(v)?,
                "reviews-per-day" => after.reviews_per_day = whole(v)?,
                "new-order" => {
                    after.new_order = NewCardOrder::parse(v).ok_or_else(|| {
                        CliError::BadSetting(format!(
                            "new-order is path, source or random, not {v:?}"
                        ))
                    })?;
                }
                "theme" => {
                    after.theme = ThemeSetting::parse(v).ok_or_else(|| {
                        CliError::BadSetting(format!("theme is auto, light or dark, not {v:?}"))
                    })?;
                }
                _ => return Err(unknown(k)),
            }
            let shown = show(&after, k).unwrap_or_default();
            if store.update_settings(clock, |s| *s = after)? {
                let was = show(&before, k).unwrap_or_default();
                writeln!(
                    out,
                    "{k} = {shown} (was {was}; `pyquiz undo` takes it back)"
                )?;
            } else {
                writeln!(out, "{k} is already {shown}; nothing changed")?;
            }
        }
    }
    Ok(())
}
