//! `pyquiz recover`: reads the review log only (no bank).

use std::io::Write;
use std::path::PathBuf;

use crate::cli::env;
use crate::cli::error::CliError;

/// `pyquiz recover`: sets the log's damaged lines aside.
pub fn run(dir: Option<&PathBuf>, out: &mut dyn Write) -> Result<(), CliError> {
    let done = crate::store::recover(&env::data_dir(dir)?)?;
    match &done.copy {
        None => writeln!(
            out,
            "The review log has no damaged line; nothing was changed."
        )?,
        Some(copy) => {
            let lines: Vec<String> = done.lines.iter().map(u64::to_string).collect();
            writeln!(
                out,
                "Set aside {} damaged line{} of the review log (line {}); each is kept as text in its place. The log as it was is in {}.",
                lines.len(),
                if lines.len() == 1 { "" } else { "s" },
                lines.join(", "),
                crate::display::escape_line(&copy.display().to_string())
            )?;
        }
    }
    Ok(())
}
