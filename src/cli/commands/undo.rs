//! `pyquiz undo`: takes back today's last change (a grade, an answer, a
//! suspension, a burial or a settings change); `--any-day` reaches further.

use std::io::Write;

use crate::bank::Bank;
use crate::cli::env::{self, Env};
use crate::cli::error::CliError;
use crate::store::{Access, UndoAction, UndoScope, Undone};

pub fn run(env: &mut Env, any_day: bool, out: &mut dyn Write) -> Result<(), CliError> {
    let store = &mut env.store(Access::ReadWrite)?;
    let bank: &Bank = &env.bank;
    let clock = env::clock()?;
    let scope = if any_day {
        UndoScope::AnyDay
    } else {
        UndoScope::Today
    };
    let question = |id: &str| {
        bank.records
            .iter()
            .find(|r| r.id == id || r.members.iter().any(|m| m.id == id))
            .map(|r| crate::cli::output::truncate(&r.question, 60))
    };
    let settings_before = store.settings().clone();
    match store.undo(&clock, scope)? {
        Undone::Nothing => writeln!(out, "Nothing to undo.")?,
        Undone::EarlierDay(entry) => {
            let what = entry.describe(question(&entry.card).as_deref(), &clock);
            writeln!(
                out,
                "Nothing to undo today. The last change was {what}; `pyquiz undo --any-day` takes it back."
            )?;
        }
        Undone::Done(entry) if entry.action == UndoAction::Settings => {
            let what = entry.describe(None, &clock);
            let changes = store.settings().changes_from(&settings_before);
            writeln!(out, "Undid {what}: {}.", changes.join(", "))?;
        }
        Undone::Done(entry) => {
            let what = entry.describe(question(&entry.card).as_deref(), &clock);
            let state = entry
                .before
                .as_ref()
                .map(|c| c.phase.name())
                .unwrap_or("new");
            writeln!(out, "Undid {what}; the card is {state} again.")?;
        }
    }
    Ok(())
}
