//! The terminal session: raw mode, the alternate screen and mouse capture
//! on the way in; all of it undone on the way out, whether the session
//! ends normally, with an error, on Ctrl-C (a key in raw mode) or in a
//! panic. Events become `Action`s through the keymap; after each batch of
//! events the screen is drawn once.

use std::io::{self, Stdout, Write};
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
use super::drill::Mode;
use super::keymap;

/// How often the session looks for learning cards that came due while no
/// key was pressed.
const TICK: Duration = Duration::from_secs(5);
/// How often an interview's countdowns are redrawn.
const CLOCK_TICK: Duration = Duration::from_secs(1);
/// How often to look for the highlighter while it loads.
const LOADING_POLL: Duration = Duration::from_millis(5);
/// Lines per mouse-wheel notch.
const WHEEL_LINES: u16 = 3;

/// When things happened, for `PYQUIZ_TIMINGS`.
#[derive(Debug, Default, Clone)]
pub struct Timings {
    pub first_frame: Option<Duration>,
    pub highlighter_ready: Option<Duration>,
    /// Reveal key handled to answer drawn, per reveal.
    pub reveals: Vec<Duration>,
    /// Grade key to the next card drawn (its answer rendered in between).
    pub grades: Vec<Duration>,
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
    enable_raw_mode()?;
    let guard = Guard;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        cursor::Hide
    )?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = terminal.size()?;
    if size != app.size {
        app.update(Action::Resize(size.width, size.height));
    }
    let mut timings = Timings::default();
    draw(&mut terminal, app)?;
    timings.first_frame = Some(started.elapsed());
    if std::env::var_os("PYQUIZ_TEST_PANIC").is_some() {
        // For the test that checks the terminal is restored on a panic.
        panic!("deliberate panic (PYQUIZ_TEST_PANIC is set)");
    }

    while !app.quit {
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
        } else if app.mode == Mode::Interview {
            CLOCK_TICK
        } else {
            TICK
        };
        if !event::poll(wait)? {
            if app.loading() {
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
                let revealed = app.current.as_ref().map(|c| c.revealed);
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

fn draw(terminal: &mut Terminal<CrosstermBackend<Stdout>>, app: &App) -> io::Result<()> {
    terminal.draw(|frame| frame.render_widget(app, frame.area()))?;
    Ok(())
}

fn action_for(ev: &Event, app: &App) -> Option<Action> {
    match ev {
        Event::Key(key) => keymap::action_for(*key, app.key_context()),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::ScrollDown(WHEEL_LINES)),
            MouseEventKind::ScrollUp => Some(Action::ScrollUp(WHEEL_LINES)),
            _ => None,
        },
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}
