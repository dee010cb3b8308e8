//! What `pyquiz` prints with no command when it is not in a terminal.

use std::io::Write;

use crate::bank::Bank;
use crate::cli::error::CliError;

/// What `pyquiz` prints with no command.
pub fn run(bank: &Bank, out: &mut dyn Write) -> Result<(), CliError> {
    let cards = bank.records.iter().filter(|r| r.has_answer).count();
    let merged = bank.records.iter().filter(|r| !r.members.is_empty());
    let folded: usize = merged.clone().map(|r| r.members.len() - 1).sum();
    let answered = cards + folded;
    writeln!(
        out,
        "pyquiz: {answered} answered questions ({} prompt-only) from {} sources",
        bank.records.len() - cards,
        bank.sources.len()
    )?;
    if folded > 0 {
        writeln!(
            out,
            "  {cards} cards: {} questions asked by several sources are one card each (pyquiz dupes)",
            merged.count()
        )?;
    }
    for s in &bank.sources {
        writeln!(
            out,
            "  {:<36} {:>4} questions  ({} layout)",
            s.name, s.records, s.layout
        )?;
    }
    writeln!(
        out,
        "\nRun pyquiz in a terminal to study; try `pyquiz due`, `pyquiz list`, or `pyquiz --help`."
    )?;
    Ok(())
}
