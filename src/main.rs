use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    pyquiz::cli::PROCESS_START.get_or_init(std::time::Instant::now);
    let cli = pyquiz::cli::Cli::parse();
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let mut out = std::io::BufWriter::new(stdout.lock());
    // Messages and warnings can quote deck text and file names.
    let mut err = pyquiz::display::EscapingWriter::new(stderr.lock());
    let result =
        pyquiz::cli::run(cli, &mut out, &mut err).and_then(|()| out.flush().map_err(Into::into));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(err, "pyquiz: error: {e}");
            ExitCode::from(e.exit_code() as u8)
        }
    }
}
