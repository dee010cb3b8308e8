//! `pyquiz completions SHELL` and `pyquiz man`: generated from the clap
//! definitions; no questions needed.

use std::io::Write;

use crate::cli::args::Cli;
use crate::cli::error::CliError;

pub fn run(shell: clap_complete::Shell, out: &mut dyn Write) -> Result<(), CliError> {
    let mut command = <Cli as clap::CommandFactory>::command();
    clap_complete::generate(shell, &mut command, "pyquiz", out);
    Ok(())
}

pub fn man(out: &mut dyn Write) -> Result<(), CliError> {
    clap_mangen::Man::new(<Cli as clap::CommandFactory>::command()).render(out)?;
    Ok(())
}
