//! The terminal interface. Sits on top of the domain modules; nothing below
//! it imports ratatui.

pub mod action;
pub mod app;
pub mod background;
pub mod browse;
pub mod draw;
pub mod help_view;
pub mod highlight;
pub mod keymap;
pub mod layout;
pub mod markdown;
pub mod run;
pub mod screens;
pub mod stats_view;
pub mod theme;
pub mod view;
pub mod widgets;

pub use run::Timings;

use std::time::Instant;

use crate::schedule::Scheduler;
use crate::session::{Now, Session, Setup};
use crate::store::{Store, ThemeSetting};

/// Whether to write colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Colour {
    /// Unless `NO_COLOR` is set.
    Auto,
    /// Even with `NO_COLOR` set.
    Always,
    Never,
}

/// A screen to open on instead of the session (closing it quits).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenOn {
    Browse,
    Stats,
}

/// How the session is shown.
pub struct Look {
    pub colour: Colour,
    /// Light, dark, or asked of the terminal.
    pub theme: ThemeSetting,
    pub open_on: Option<OpenOn>,
}

/// What a session in the terminal ended with: the session as it was
/// left, and the event loop's result (its timings, or why it failed).
pub struct Ended {
    pub session: Session,
    pub timings: std::io::Result<Timings>,
}

/// The theme for a colour choice; the terminal's background is asked for
/// only when colour will be written and the setting is `auto`.
pub fn theme_for(colour: Colour, setting: ThemeSetting) -> theme::Theme {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    match colour {
        Colour::Never => theme::Theme::plain(),
        Colour::Auto if no_color => theme::Theme::plain(),
        Colour::Always | Colour::Auto => theme::Theme::new(background::palette(setting)),
    }
}

/// The one way into the terminal interface: opens the session in the
/// terminal, runs it until it is left, and restores the terminal.
/// `started` is when the process started (for the first-frame timing).
pub fn launch(
    setup: Setup,
    store: Store,
    scheduler: Scheduler,
    now: Now,
    look: Look,
    started: Instant,
) -> std::io::Result<Ended> {
    if look.colour == Colour::Always {
        // crossterm drops colour codes when NO_COLOR is set; --color always
        // is the explicit request that overrides it.
        ratatui::crossterm::style::force_color_output(true);
    }
    let (width, height) = ratatui::crossterm::terminal::size()?;
    let ui = app::Ui {
        theme: theme_for(look.colour, look.theme),
        highlighter: highlight::HighlighterSlot::load_in_background(),
        size: ratatui::layout::Size::new(width, height),
    };
    let mut app = app::App::new(setup, store, scheduler, now, ui);
    match look.open_on {
        Some(OpenOn::Browse) => app.open_browse(),
        Some(OpenOn::Stats) => app.open_stats(),
        None => {}
    }
    app.overlay_only = look.open_on.is_some();
    let timings = run::run(&mut app, started);
    // Every change is in the log already; the checkpoint makes the next
    // start quick. Failing it loses nothing.
    let _ = app.session.store.checkpoint();
    Ok(Ended {
        session: app.session,
        timings,
    })
}
