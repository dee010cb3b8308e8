//! A progress line on standard error for anything that takes over a
//! second (loading large decks, exporting big ones): a spinner, what is
//! being done and the time so far, erased when the work is done. Nothing
//! is written when standard error is not a terminal or the work is quick.

use std::io::{IsTerminal, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Shown only after this long.
const DELAY: Duration = Duration::from_secs(1);
const FRAME: Duration = Duration::from_millis(100);
const SPINNER: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/// Stops (and erases) the progress line when dropped.
pub struct Indicator {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

/// Starts a progress line for `what` ("loading 12 content files").
pub fn start(what: String) -> Indicator {
    let stop = Arc::new(AtomicBool::new(false));
    let thread = terminal_stderr().map(|sink| {
        let stop = Arc::clone(&stop);
        std::thread::spawn(move || run(&what, &stop, sink))
    });
    Indicator { stop, thread }
}

/// Standard error as a file of its own when it is a terminal. The command
/// holds std's stderr lock while it runs, so the line is written through
/// a duplicate of the descriptor instead.
#[cfg(unix)]
fn terminal_stderr() -> Option<std::fs::File> {
    use std::os::fd::AsFd;
    let stderr = std::io::stderr();
    if !stderr.is_terminal() {
        return None;
    }
    stderr
        .as_fd()
        .try_clone_to_owned()
        .ok()
        .map(std::fs::File::from)
}

#[cfg(not(unix))]
fn terminal_stderr() -> Option<std::fs::File> {
    None
}

fn run(what: &str, stop: &AtomicBool, mut err: std::fs::File) {
    let started = Instant::now();
    let mut shown = false;
    let mut frame = 0;
    while !stop.load(Ordering::Relaxed) {
        // Woken at once when the work is done (see Drop).
        let wait = DELAY.saturating_sub(started.elapsed()).max(FRAME);
        std::thread::park_timeout(if shown { FRAME } else { wait });
        if started.elapsed() < DELAY || stop.load(Ordering::Relaxed) {
            continue;
        }
        let _ = write!(
            err,
            "\r\x1b[2K{} {what}… {:.1} s",
            SPINNER[frame % SPINNER.len()],
            started.elapsed().as_secs_f32()
        );
        let _ = err.flush();
        shown = true;
        frame += 1;
    }
    if shown {
        let _ = write!(err, "\r\x1b[2K");
        let _ = err.flush();
    }
}

impl Drop for Indicator {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            thread.thread().unpark();
            let _ = thread.join();
        }
    }
}
