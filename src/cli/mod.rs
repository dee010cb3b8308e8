//! The command line. `args.rs` is what clap reads; `env.rs` resolves it
//! once into an `Env` (the bank, the store, the terminal, the theme);
//! `run` then dispatches one line per command to `commands/<name>.rs`.
//! Errors and their exit codes are in `error.rs`.

mod args;
mod commands;
mod env;
mod error;
mod output;
mod progress;

pub use args::{Cli, Command, FilterArgs};
pub use commands::due::QueueArgs;
pub use commands::study::{ColorChoice, PROCESS_START, StudyArgs};
pub use error::CliError;

use std::io::Write;

use commands::suspend::Mark;
use commands::*;
use env::Env;

/// Runs a parsed command line, writing to `out` and warnings to `err`.
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> Result<(), CliError> {
    // Text for a person goes through an escaping writer: nothing a deck
    // holds reaches the terminal as a control sequence. JSON, exports,
    // completions and the man page are data, written exactly.
    let prints_data = match &cli.command {
        Some(
            Command::List { json, .. }
            | Command::Dupes { json, .. }
            | Command::Check { json, .. }
            | Command::Topics { json, .. }
            | Command::Due { json, .. }
            | Command::Grade { json, .. }
            | Command::Card { json, .. }
            | Command::Plan { json, .. }
            | Command::Stats { json, .. },
        ) => *json,
        Some(Command::Export { .. } | Command::Completions { .. } | Command::Man) => true,
        _ => false,
    };
    if prints_data {
        return run_command(cli, out, err);
    }
    let mut text = crate::display::EscapingWriter::new(out);
    let result = run_command(cli, &mut text, err);
    text.flush()?;
    result
}

fn run_command(mut cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> Result<(), CliError> {
    if cli.command.is_some()
        && let Some(flag) = cli.study.first_given()
    {
        return Err(CliError::StudyOptionWithCommand(flag));
    }
    let command = cli.command.take();
    // What needs no questions: generated from the clap definitions, or
    // reading only the files (or the log) it is given.
    match &command {
        Some(Command::Completions { shell }) => return completions::run(*shell, out),
        Some(Command::Man) => return completions::man(out),
        Some(Command::Recover) => return recover::run(cli.data_dir.as_ref(), out),
        Some(Command::Check { paths, json }) => {
            return check::run(paths, cli.layout.as_deref(), *json, out, err);
        }
        _ => {}
    }
    let study = std::mem::take(&mut cli.study);
    let mut env = Env::load(&cli, command.as_ref(), err)?;
    dispatch(&mut env, command, &study, out)
}

/// One line per command.
#[rustfmt::skip]
fn dispatch(env: &mut Env, command: Option<Command>, study: &StudyArgs, out: &mut dyn Write) -> Result<(), CliError> {
    match command {
        None => study::run(env, study, out),
        Some(Command::List { filter, json }) => list::run(env, &filter, json, out),
        Some(Command::Dupes { filter, json }) => dupes::run(env, &filter, json, out),
        Some(Command::Topics { filter, json }) => topics::run(env, &filter, json, out),
        Some(Command::Due { filter, queue, json }) => due::run(env, &filter, &queue, json, out),
        Some(Command::Grade { id, grade, json }) => grade::run(env, &id, &grade, json, out),
        Some(Command::Undo { any_day }) => undo::run(env, any_day, out),
        Some(Command::Suspend { ids }) => suspend::run(env, &ids, Mark::Suspend, out),
        Some(Command::Unsuspend { ids }) => suspend::run(env, &ids, Mark::Unsuspend, out),
        Some(Command::Bury { ids }) => suspend::run(env, &ids, Mark::Bury, out),
        Some(Command::Card { id, json }) => card::run(env, &id, json, out),
        Some(Command::Optimize) => optimize::run(env, out),
        Some(Command::Config { key, value }) => config::run(env, key.as_deref(), value.as_deref(), out),
        Some(Command::Export { filter, format, output, deck, title }) => export::run(env, &filter, format, output, &deck, &title, out),
        Some(Command::Plan { filter, exam, accept, json }) => plan::run(env, &filter, &exam, accept, json, out),
        Some(Command::Browse { filter, color }) => browse::run(env, &filter, color, out),
        Some(Command::Stats { filter, json, color }) => stats::run(env, &filter, json, color, out),
        Some(Command::Practice { drill, weakest }) => practice::run(env, &drill, weakest, out),
        Some(Command::Interview { drill, minutes, question_minutes, schedule }) => interview::run(env, &drill, minutes, question_minutes, schedule, out),
        // Answered before the bank loads.
        Some(Command::Completions { .. } | Command::Man | Command::Check { .. } | Command::Recover) => Ok(()),
    }
}
