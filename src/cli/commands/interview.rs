//! `pyquiz interview`: a timed mock interview (a clock per question and
//! for the whole), each answer nailed, partial or missed.

use std::io::Write;

use super::study::{self, DrillArgs, DrillKind};
use crate::cli::env::Env;
use crate::cli::error::CliError;

pub fn run(
    env: &mut Env,
    drill: &DrillArgs,
    minutes: u32,
    question_minutes: u32,
    schedule: bool,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let kind = DrillKind::Interview {
        minutes,
        question_minutes,
        schedule,
    };
    study::run_drill(env, drill, kind, out)
}
