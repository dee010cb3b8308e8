//! `pyquiz config [KEY [VALUE]]`: show or change the study settings.

use std::io::Write;

use super::CliError;
use crate::schedule::NewCardOrder;
use crate::store::{Settings, Store, ThemeSetting};

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
    store: &mut Store,
    key: Option<&str>,
    value: Option<&str>,
    out: &mut dyn Write,
) -> Result<(), CliError> {
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
            let bad = || CliError::BadSetting(format!("{k} cannot be {v:?}"));
            match k {
                "desired-retention" => {
                    let r: f32 = v.parse().map_err(|_| bad())?;
                    if !(0.7..=0.99).contains(&r) {
                        return Err(CliError::BadSetting(format!(
                            "desired-retention must be between 0.70 and 0.99, not {v}"
                        )));
                    }
                    store.update_settings(|s| s.desired_retention = r)?;
                }
                "new-per-day" => {
                    let n: u32 = v.parse().map_err(|_| bad())?;
                    store.update_settings(|s| s.new_per_day = n)?;
                }
                "reviews-per-day" => {
                    let n: u32 = v.parse().map_err(|_| bad())?;
                    store.update_settings(|s| s.reviews_per_day = n)?;
                }
                "new-order" => {
                    let order = NewCardOrder::parse(v).ok_or_else(|| {
                        CliError::BadSetting(format!(
                            "new-order is path, source or random, not {v:?}"
                        ))
                    })?;
                    store.update_settings(|s| s.new_order = order)?;
                }
                "theme" => {
                    let theme = ThemeSetting::parse(v).ok_or_else(|| {
                        CliError::BadSetting(format!("theme is auto, light or dark, not {v:?}"))
                    })?;
                    store.update_settings(|s| s.theme = theme)?;
                }
                _ => return Err(unknown(k)),
            }
            writeln!(
                out,
                "{k} = {}",
                show(store.settings(), k).unwrap_or_default()
            )?;
        }
    }
    Ok(())
}
