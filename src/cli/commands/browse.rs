//! `pyquiz browse`: the searchable list of the selection, in a terminal.

use std::io::Write;

use super::study::{self, ColorChoice, OpenOn};
use crate::cli::args::FilterArgs;
use crate::cli::env::Env;
use crate::cli::error::CliError;

pub fn run(
    env: &mut Env,
    filter: &FilterArgs,
    color: ColorChoice,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let filter = env.filter(filter)?;
    if !env.interactive {
        return Err(CliError::NeedsTerminal("browse"));
    }
    study::run_screen(env, &filter, OpenOn::Browse, color, out)
}
