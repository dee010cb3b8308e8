//! `pyquiz practice`: the selection outside the schedule (answers are
//! logged, no card's schedule changes); `--weakest` first.

use std::io::Write;

use super::study::{self, DrillArgs, DrillKind};
use crate::cli::env::Env;
use crate::cli::error::CliError;

pub fn run(
    env: &mut Env,
    drill: &DrillArgs,
    weakest: bool,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    study::run_drill(env, drill, DrillKind::Practice { weakest }, out)
}
