//! `pyquiz card ID`: one card's scheduling state, previews and history.

use std::io::Write;

use serde::Serialize;

use crate::cli::env::{self, Env, local_time, when};
use crate::cli::error::CliError;
use crate::schedule::{CardState, Grade, Interval, card_seed};
use crate::store::{Access, LogEntry};

#[derive(Serialize)]
struct CardReport<'a> {
    id: &'a str,
    question: &'a str,
    source: &'a str,
    state: &'a CardState,
    retrievability: Option<f32>,
    previews: Vec<Preview>,
    history: Vec<LogEntry>,
}

#[derive(Serialize)]
struct Preview {
    grade: Grade,
    interval: Interval,
    label: String,
    phase: &'static str,
    due: Option<jiff::Timestamp>,
}

pub fn run(env: &mut Env, id: &str, json: bool, out: &mut dyn Write) -> Result<(), CliError> {
    let store = &env.store(Access::ReadOnly)?;
    let record = env.card(id)?;
    let clock = env::clock()?;
    let scheduler = env::scheduler(store.settings())?;
    let card = store.card_or_new(&record.id);
    let retrievability = scheduler.retrievability(&card, clock.now());
    let previews: Vec<Preview> = scheduler
        .preview(card_seed(&record.id), &card, &clock)?
        .into_iter()
        .map(|o| Preview {
            grade: o.grade,
            interval: o.interval,
            label: o.interval.label(),
            phase: o.card.phase.name(),
            due: o.card.due,
        })
        .collect();
    let mut history: Vec<LogEntry> = Vec::new();
    store.each_answer_to(&record.id, &mut |e| history.push(e))?;
    if json {
        let report = CardReport {
            id: &record.id,
            question: &record.question,
            source: &record.source,
            state: &card,
            retrievability,
            previews,
            history,
        };
        serde_json::to_writer_pretty(&mut *out, &report)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(out, "{}  {}", record.id, record.question)?;
    writeln!(out, "source          {}", record.source)?;
    let mut state = card.phase.name().to_string();
    if card.suspended {
        state.push_str(", suspended");
    }
    if card.is_buried_on(clock.today()) {
        state.push_str(", buried until tomorrow");
    }
    writeln!(out, "state           {state}")?;
    if let Some(due) = card.due {
        writeln!(out, "due             {}", when(&clock, due))?;
    }
    if let (Some(s), Some(d)) = (card.stability, card.difficulty) {
        writeln!(out, "stability       {s:.2} days")?;
        writeln!(out, "difficulty      {d:.2} (1-10)")?;
    }
    if let Some(r) = retrievability {
        writeln!(out, "retrievability  {:.1}% now", r * 100.0)?;
    }
    writeln!(
        out,
        "reps            {}   lapses {}",
        card.reps, card.lapses
    )?;
    let buttons: Vec<String> = previews
        .iter()
        .map(|p| format!("{} {}", p.grade.name(), p.label))
        .collect();
    writeln!(out, "if answered now {}", buttons.join("   "))?;
    if history.is_empty() {
        writeln!(out, "history         none")?;
    } else {
        writeln!(out, "history")?;
        for e in &history {
            writeln!(
                out,
                "  {}  {:<5}  {} -> {}  (after {} day{})",
                local_time(&clock, e.time),
                e.grade.name(),
                e.before.phase.name(),
                e.after.phase.name(),
                e.elapsed_days,
                if e.elapsed_days == 1 { "" } else { "s" }
            )?;
        }
    }
    Ok(())
}
