//! `pyquiz optimize`: fit personal FSRS-6 parameters to the review log.

use std::io::Write;

use crate::cli::env::{self, Env};
use crate::cli::error::CliError;
use crate::schedule::{OptimizeError, optimize};
use crate::store::Access;

pub fn run(env: &mut Env, out: &mut dyn Write) -> Result<(), CliError> {
    let store = &mut env.store(Access::ReadWrite)?;
    let records = store.review_records()?;
    let current = env::scheduler(store.settings())?.parameters();
    match optimize(&records, &current) {
        Err(OptimizeError::NotEnough { have, need }) => {
            writeln!(
                out,
                "Not enough review history to optimize yet: {have} of {need} reviews that came a day or more after the card's previous one. {} more needed; keep studying.",
                need - have
            )?;
            Ok(())
        }
        Err(e) => Err(e.into()),
        Ok(fit) => {
            writeln!(
                out,
                "Fitted FSRS-6 parameters to {} reviews ({} logged).",
                fit.items,
                records.len()
            )?;
            writeln!(
                out,
                "  current parameters: log loss {:.4}, RMSE {:.2}%",
                fit.current.log_loss,
                fit.current.rmse_bins * 100.0
            )?;
            writeln!(
                out,
                "  fitted parameters:  log loss {:.4}, RMSE {:.2}%",
                fit.fitted.log_loss,
                fit.fitted.rmse_bins * 100.0
            )?;
            if fit.is_better() {
                let parameters = fit.parameters.clone();
                store.update_settings(&env::clock()?, |s| s.parameters = parameters)?;
                writeln!(
                    out,
                    "Kept the fitted parameters: they fit your history better."
                )?;
            } else {
                writeln!(
                    out,
                    "Kept the current parameters: the fitted ones do not fit your history better."
                )?;
            }
            Ok(())
        }
    }
}
