//! The terminal session: raw mode, the alternate screen and mouse capture
//! on the way in; all of it undone on the way out, whether the session
//! ends normally, with an error, on Ctrl-C (a key in raw mode) or in a
//! panic, and on SIGTERM, SIGINT, SIGQUIT or SIGHUP (the session ends as
//! if quit, then exits with 128 + the signal's number). `Ctrl-Z` gives the
//! terminal back and stops the process as a shell expects; on `fg` the
//! screen is set up and drawn again. Events become `Action`s through the
//! keymap; after each batch of events the screen is drawn once.

use std::io::{self, Stdout, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, MouseEventKind,
};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};

use super::app::{Action, App};
use super::keymap;
use crate::session::drill::Mode;

/// How often the session looks for learning cards that came due while no
/// key was pressed.
const TICK: Duration = Duration::from_secs(5);
/// How often an interview's countdowns are redrawn.
const CLOCK_TICK: Duration = Duration::from_secs(1);
/// How often to look for the highlighter while it loads.
const LOADING_POLL: Duration = Duration::from_millis(5);
/// The longest a terminating signal waits to be noticed.
const SIGNAL_POLL: Duration = Duration::from_millis(200);

/// The signals that end a session cleanly.
const ENDING_SIGNALS: [i32; 4] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGQUIT,
    signal_hook::consts::SIGHUP,
];

/// Notes a terminating signal for the loop to act on. A second one while
/// the first is being handled ends the process at once (the default).
fn watch_signals() -> io::Result<Arc<AtomicUsize>> {
    let which = Arc::new(AtomicUsize::new(0));
    let seen = Arc::new(AtomicBool::new(false));
    for sig in ENDING_SIGNALS {
        signal_hook::flag::register_conditional_default(sig, Arc::clone(&seen))?;
        signal_hook::flag::register(sig, Arc::clone(&seen))?;
        signal_hook::flag::register_usize(sig, Arc::clone(&which), sig as usize)?;
    }
    Ok(which)
}

/// Sets the terminal up for the session.
fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        cursor::Hide
    )
}

/// `Ctrl-Z`: the terminal as it was found, the process stopped (SIGTSTP,
/// as the shell's own `Ctrl-Z` would); on resume, set up and redrawn.
#[cfg(unix)]
fn background(terminal: &mut Terminal<CrosstermBackend<Stdout>>) -> io::Result<()> {
    restore();
    // SAFETY: raise() only sends a signal to this process; SIGTSTP's
    // default action stops it until SIGCONT.
    unsafe {
        libc::raise(libc::SIGTSTP);
    }
    enter()?;
    terminal.clear()
}

#[cfg(not(unix))]
fn background(_terminal: &mut Terminal<CrosstermBackend<Stdout>>) -> io::Result<()> {
    Ok(())
}

/// When things happened, for `PYQUIZ_TIMINGS`.
#[derive(Debug, Default, Clone)]
pub struct Timings {
    pub first_frame: Option<Duration>,
    pub highlighter_ready: Option<Duration>,
    /// Reveal key handled to answer drawn, per reveal.
    pub reveals: Vec<Duration>,
    /// Grade key to the next card drawn (its answer rendered in between).
    pub grades: Vec<Duration>,
    /// The signal that ended the session, if one did.
    pub signal: Option<i32>,
}

/// Leaves the terminal as it was found. Safe to call more than once.
pub fn restore() {
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// Restores the terminal when dropped (normal exit, `?` on an error).
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Runs the session until the person quits. `started` is when the process
/// started, for the first-frame timing.
pub fn run(app: &mut App, started: Instant) -> io::Result<Timings> {
    install_panic_hook();
    let signal = watch_signals()?;
    watch_terminal();
    enable_raw_mode()?;
    let guard = Guard;
    enter()?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = terminal.size()?;
    if size != app.size {
        app.update(Action::Resize(size.width, size.height));
    }
    let mut timings = Timings::default();
    let mut last_tick = Instant::now();
    draw(&mut terminal, app)?;
    timings.first_frame = Some(started.elapsed());
    if std::env::var_os("PYQUIZ_TEST_PANIC").is_some() {
        // For the test that checks the terminal is restored on a panic.
        panic!("deliberate panic (PYQUIZ_TEST_PANIC is set)");
    }

    while !app.quit {
        if let Some(sig) = ended_by(&signal) {
            timings.signal = Some(sig);
            break;
        }
        // The highlighter loads on another thread; until it is there, look
        // for it between keys and render the current answer once it is.
        if app.loading() {
            app.warm_if_ready();
            if !app.loading() {
                timings.highlighter_ready = Some(started.elapsed());
                draw(&mut terminal, app)?;
            }
        }
        let wait = if app.loading() {
            LOADING_POLL
        } else if app.session.mode == Mode::Interview {
            CLOCK_TICK
        } else {
            TICK
        };
        let ready = match event::poll(wait.min(SIGNAL_POLL)) {
            Ok(ready) => ready,
            // A signal arrived while waiting: look at it above.
            Err(e) if e.kind() == io::ErrorKind::Interrupted => false,
            Err(e) => return Err(e),
        };
        if !ready {
            if app.loading() || ended_by(&signal).is_some() {
                continue;
            }
            if wait > SIGNAL_POLL && !tick_due(&mut last_tick, wait) {
                continue;
            }
            app.update(Action::Tick);
            draw(&mut terminal, app)?;
            continue;
        }
        let mut revealed_at = None;
        let mut graded_at = None;
        // Everything already waiting is handled before the next draw.
        loop {
            let ev = event::read()?;
            if let Some(action) = action_for(&ev, app) {
                if action == Action::Background {
                    background(&mut terminal)?;
                    break;
                }
                let revealed = app.session.current.as_ref().map(|c| c.revealed);
                match (action, revealed) {
                    (Action::Reveal | Action::Confirm, Some(false)) => {
                        revealed_at = Some(Instant::now());
                    }
                    (Action::Grade(_) | Action::Confirm, Some(true)) => {
                        graded_at = Some(Instant::now());
                    }
                    _ => {}
                }
                app.update(action);
            }
            if app.quit || !event::poll(Duration::ZERO)? {
                break;
            }
        }
        if app.quit {
            break;
        }
        draw(&mut terminal, app)?;
        if let Some(t) = revealed_at {
            timings.reveals.push(t.elapsed());
        }
        if let Some(t) = graded_at {
            timings.grades.push(t.elapsed());
        }
    }
    drop(terminal);
    drop(guard);
    Ok(timings)
}

/// How often the terminal is checked for having gone away.
const TERMINAL_CHECK: Duration = Duration::from_millis(500);

/// Ends the process when its terminal goes away without a SIGHUP reaching
/// it (a tmux pane killed, an emulator closed): reading a hung-up terminal
/// only ever returns end-of-file, and crossterm's reader retries that in a
/// loop that never returns, at full CPU. Every change is already in the
/// review log when it is made, so exiting loses nothing; the checkpoint is
/// rolled forward from the log on the next start. Exit code 129, as for a
/// hangup.
fn watch_terminal() {
    std::thread::spawn(|| {
        loop {
            std::thread::sleep(TERMINAL_CHECK);
            if terminal_gone() {
                std::process::exit(128 + signal_hook::consts::SIGHUP);
            }
        }
    });
}

/// Whether the terminal has gone away: asking its size fails with EIO once
/// it is hung up. (Not crossterm's `size()`, which falls back to `tput`.)
fn terminal_gone() -> bool {
    let mut size = std::mem::MaybeUninit::<libc::winsize>::uninit();
    // SAFETY: TIOCGWINSZ writes a winsize through the pointer, which points
    // to one; only the call's success is used.
    let asked = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, size.as_mut_ptr()) };
    asked != 0 && io::Error::last_os_error().raw_os_error() == Some(libc::EIO)
}

/// The terminating signal received, if any.
fn ended_by(signal: &AtomicUsize) -> Option<i32> {
    match signal.load(Ordering::SeqCst) {
        0 => None,
        sig => Some(sig as i32),
    }
}

/// Whether a whole `wait` has passed since the last tick (the loop wakes
/// more often than it ticks, to notice signals).
fn tick_due(last: &mut Instant, wait: Duration) -> bool {
    if last.elapsed() >= wait {
        *last = Instant::now();
        true
    } else {
        false
    }
}

fn draw(terminal: &mut Terminal<CrosstermBackend<Stdout>>, app: &App) -> io::Result<()> {
    terminal.draw(|frame| frame.render_widget(app, frame.area()))?;
    Ok(())
}

fn action_for(ev: &Event, app: &App) -> Option<Action> {
    match ev {
        Event::Key(key) => keymap::action_for(*key, app.key_context())
            .or((key.kind == ratatui::crossterm::event::KeyEventKind::Press)
                .then_some(Action::Unbound)),
        Event::Mouse(m) => {
            let down = match m.kind {
                MouseEventKind::ScrollDown => true,
                MouseEventKind::ScrollUp => false,
                _ => return None,
            };
            let preview = super::layout::browse_areas(app.size).preview;
            let over_preview = preview.contains(ratatui::layout::Position::new(m.column, m.row));
            Some(keymap::action_for_wheel(
                down,
                over_preview,
                app.key_context(),
            ))
        }
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}
