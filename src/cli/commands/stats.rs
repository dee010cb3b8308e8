//! `pyquiz stats`: the statistics of the selection, as a screen in a
//! terminal, as text when piped, or as JSON.

use std::io::Write;

use crate::bank::{Bank, Filter, Record};
use crate::cli::args::FilterArgs;
use crate::cli::commands::study::ColorChoice;
use crate::cli::env::{self, Env};
use crate::cli::error::CliError;
use crate::stats::{self, Stats};
use crate::store::{Access, Store};

/// `pyquiz stats`: the statistics screen in a terminal, else as text or
/// JSON.
pub fn run(
    env: &mut Env,
    filter: &FilterArgs,
    json: bool,
    color: ColorChoice,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let resolved = env.filter(filter)?;
    if !json && env.interactive {
        return super::study::run_screen(env, &resolved, super::study::OpenOn::Stats, color, out);
    }
    let store = env.store(Access::ReadOnly)?;
    let computed = compute(&env.bank, &resolved, &store)?;
    if json {
        write_json(&computed, out)
    } else {
        write_text(&computed, &super::study::describe(&resolved), out)
    }
}

/// Computes the statistics of the filtered bank.
pub fn compute(bank: &Bank, filter: &Filter, store: &Store) -> Result<Stats, CliError> {
    let clock = env::clock()?;
    let scheduler = env::scheduler(store.settings())?;
    let records: Vec<&Record> = bank.filtered(filter).collect();
    Ok(stats::compute_from(
        &records,
        &|id| store.card(id).cloned(),
        |keep, sink| store.each_answer_facts(keep, sink),
        &scheduler,
        &clock,
    )?)
}

pub fn write_json(stats: &Stats, out: &mut dyn Write) -> Result<(), CliError> {
    serde_json::to_writer_pretty(&mut *out, stats)?;
    writeln!(out)?;
    Ok(())
}

fn days(n: u32) -> String {
    if n == 1 {
        "1 day".into()
    } else {
        format!("{n} days")
    }
}

fn percent(x: Option<f64>) -> String {
    x.map_or("–".to_string(), |x| format!("{:.1}%", x * 100.0))
}

/// The statistics as plain text (when the output is not a terminal).
pub fn write_text(stats: &Stats, title: &str, out: &mut dyn Write) -> Result<(), CliError> {
    let c = &stats.counts;
    writeln!(out, "Statistics of {title} on {}", stats.today)?;
    writeln!(
        out,
        "cards: {} · new {} · learning {} · review {} ({} mature) · relearning {} · suspended {}",
        c.total, c.new, c.learning, c.review, c.mature, c.relearning, c.suspended
    )?;
    writeln!(
        out,
        "today: {} reviews, retention {} · streak {} (longest {})",
        stats.today_reviews,
        percent(stats.today_retention),
        days(stats.streak.current),
        days(stats.streak.longest)
    )?;
    let heat: u32 = stats.heatmap.reviews.iter().sum();
    let active = stats.heatmap.reviews.iter().filter(|&&n| n > 0).count();
    writeln!(
        out,
        "last 26 weeks: {heat} reviews on {active} days (from {})",
        stats.heatmap.from
    )?;
    let due: Vec<String> = stats.forecast.iter().map(|d| d.due.to_string()).collect();
    writeln!(out, "due, next 30 days: {}", due.join(" "))?;
    let weeks: Vec<String> = stats
        .retention
        .iter()
        .map(|w| percent(w.retention))
        .collect();
    writeln!(
        out,
        "retention per week (oldest first): {}",
        weeks.join(" ")
    )?;
    let p = &stats.practice;
    writeln!(
        out,
        "outside the schedule: {} practice answers ({} not Again), {} interview questions \
         ({} nailed, {} partial, {} missed)",
        p.practice, p.practice_passed, p.interview, p.nailed, p.partial, p.missed
    )?;
    for (heading, rows) in [
        ("topic", &stats.topics),
        ("difficulty", &stats.difficulties),
    ] {
        writeln!(out)?;
        writeln!(
            out,
            "{heading:<26} {:>5} {:>5} {:>7} {:>7} {:>7} {:>10}",
            "seen", "total", "mature", "recall", "lapses", "readiness"
        )?;
        for r in rows.iter() {
            writeln!(
                out,
                "{:<26} {:>5} {:>5} {:>7} {:>7} {:>7} {:>10}",
                crate::display::truncate(&r.title, 26),
                r.seen,
                r.total,
                percent(Some(r.mature_share)),
                percent(r.mean_retrievability),
                r.lapses,
                percent(Some(r.readiness)),
            )?;
        }
    }
    Ok(())
}
