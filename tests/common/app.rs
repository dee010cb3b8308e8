//! One way to build a study `App` for tests and benches: a temporary data
//! directory, a fixed clock, the ANSI theme at 80×24 and a ready
//! highlighter unless told otherwise.

#![allow(dead_code)]

use std::path::Path;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use pyquiz::bank::Record;
use pyquiz::schedule::{Clock, Limits, NewOrder, Scheduler, SchedulerConfig};
use pyquiz::session::{Now, SessionKind, Setup};
use pyquiz::store::{Access, Store};
use pyquiz::tui::app::{App, Ui};
use pyquiz::tui::highlight::{Highlighter, HighlighterSlot};
use pyquiz::tui::theme::Theme;
use ratatui::layout::Size;

pub struct AppBuilder {
    records: Vec<Record>,
    title: String,
    limits: Limits,
    order: NewOrder,
    card_limit: Option<usize>,
    kind: SessionKind,
    size: (u16, u16),
    theme: Theme,
    highlighter: Option<HighlighterSlot>,
    scheduler: SchedulerConfig,
    now: Option<Now>,
}

impl AppBuilder {
    /// A study session of `records` at 2026-03-02 09:00 UTC.
    pub fn new(records: Vec<Record>) -> AppBuilder {
        AppBuilder {
            records,
            title: "test".to_string(),
            limits: Limits::default(),
            order: NewOrder::Source,
            card_limit: None,
            kind: SessionKind::Study,
            size: (80, 24),
            theme: Theme::ansi(),
            highlighter: None,
            scheduler: SchedulerConfig::default(),
            now: None,
        }
    }

    pub fn title(mut self, title: &str) -> Self {
        self.title = title.to_string();
        self
    }

    pub fn limits(mut self, new_per_day: u32, reviews_per_day: u32) -> Self {
        self.limits = Limits {
            new_per_day,
            reviews_per_day,
        };
        self
    }

    pub fn card_limit(mut self, limit: Option<usize>) -> Self {
        self.card_limit = limit;
        self
    }

    pub fn kind(mut self, kind: SessionKind) -> Self {
        self.kind = kind;
        self
    }

    pub fn size(mut self, width: u16, height: u16) -> Self {
        self.size = (width, height);
        self
    }

    pub fn theme(mut self, theme: Theme) -> Self {
        self.theme = theme;
        self
    }

    pub fn highlighter(mut self, slot: HighlighterSlot) -> Self {
        self.highlighter = Some(slot);
        self
    }

    /// No fuzz on intervals (snapshots show them).
    pub fn no_fuzz(mut self) -> Self {
        self.scheduler.fuzz = false;
        self
    }

    /// A clock the caller controls.
    pub fn clock(mut self, now: Now) -> Self {
        self.now = Some(now);
        self
    }

    /// A clock fixed at `at`.
    pub fn at(self, at: &str) -> Self {
        let at: Timestamp = at.parse().expect("a timestamp");
        self.clock(Box::new(move || Clock::new(at, TimeZone::UTC)))
    }

    /// The app over the data directory `dir`.
    pub fn build(self, dir: &Path) -> App {
        let store = Store::open(dir, Access::ReadWrite).expect("store");
        let now = self.now.unwrap_or_else(|| {
            let at: Timestamp = "2026-03-02T09:00:00Z".parse().expect("time");
            Box::new(move || Clock::new(at, TimeZone::UTC))
        });
        App::new(
            Setup {
                records: self.records,
                title: self.title,
                limits: self.limits,
                order: self.order,
                card_limit: self.card_limit,
                kind: self.kind,
            },
            store,
            Scheduler::new(self.scheduler).expect("scheduler"),
            now,
            Ui {
                theme: self.theme,
                highlighter: self
                    .highlighter
                    .unwrap_or_else(|| HighlighterSlot::ready(Highlighter::new())),
                size: Size::new(self.size.0, self.size.1),
            },
        )
    }
}
