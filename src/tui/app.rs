//! The study session's state and its one entry point for change,
//! `App::update(Action)`. Drawing only reads this state.

use jiff::Timestamp;

use crate::bank::Record;
use crate::schedule::{
    Clock, Grade, Limits, NewOrder, Outcome, Queue, Scheduler, build_queue, card_seed,
};
use crate::store::{Store, UndoAction};

/// Everything a key can ask the session to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Reveal,
    Grade(Grade),
    /// `Space` after the reveal: Good.
    Confirm,
    Undo,
    Suspend,
    Bury,
    ScrollDown(u16),
    ScrollUp(u16),
    ScrollTop,
    ScrollBottom,
    ToggleHelp,
    Quit,
}

/// Where the source of "now" comes from (the real clock, or a fixed one
/// in tests).
pub type Now = Box<dyn Fn() -> Clock>;

/// The card on screen.
#[derive(Debug, Clone)]
pub struct Current {
    /// Index into the session's records.
    pub index: usize,
    pub revealed: bool,
    pub scroll: u16,
    /// What each grade would do, computed when the card is shown.
    pub previews: [Outcome; 4],
}

/// What this session has done, for the summary screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SessionStats {
    pub reviewed: u32,
    pub again: u32,
}

impl SessionStats {
    /// Share of answers that were not Again.
    pub fn retention(&self) -> Option<f32> {
        (self.reviewed > 0).then(|| (self.reviewed - self.again) as f32 / self.reviewed as f32)
    }
}

pub struct App {
    pub records: Vec<Record>,
    pub store: Store,
    pub scheduler: Scheduler,
    now: Now,
    limits: Limits,
    order: NewOrder,
    pub queue: Queue,
    pub current: Option<Current>,
    pub stats: SessionStats,
    pub started: Timestamp,
    /// A recoverable problem to show on the status line.
    pub status: Option<String>,
    pub help: bool,
    pub quit: bool,
    /// The grade that could not be saved, retried on the next action.
    unsaved: Option<(usize, Grade)>,
    /// Grades saved in this session, newest last (undo takes them back).
    session_grades: Vec<Grade>,
}

impl App {
    pub fn new(
        records: Vec<Record>,
        store: Store,
        scheduler: Scheduler,
        now: Now,
        limits: Limits,
        order: NewOrder,
    ) -> App {
        let started = now().now();
        let mut app = App {
            records,
            store,
            scheduler,
            now,
            limits,
            order,
            queue: Queue {
                entries: Vec::new(),
                counts: Default::default(),
                next_due: None,
            },
            current: None,
            stats: SessionStats::default(),
            started,
            status: None,
            help: false,
            quit: false,
            unsaved: None,
            session_grades: Vec::new(),
        };
        app.next_card();
        app
    }

    pub fn clock(&self) -> Clock {
        (self.now)()
    }

    pub fn record(&self) -> Option<&Record> {
        self.current.as_ref().map(|c| &self.records[c.index])
    }

    pub fn update(&mut self, action: Action) {
        if let Some((index, grade)) = self.unsaved.take() {
            self.grade_card(index, grade);
        }
        match action {
            Action::Quit => self.quit = true,
            Action::ToggleHelp => self.help = !self.help,
            _ if self.help => self.help = false,
            Action::Reveal => {
                if let Some(c) = &mut self.current {
                    c.revealed = true;
                }
            }
            Action::Confirm => match &self.current {
                Some(c) if c.revealed => self.grade(Grade::Good),
                Some(_) => self.update(Action::Reveal),
                None => {}
            },
            Action::Grade(g) => {
                if self.current.as_ref().is_some_and(|c| c.revealed) {
                    self.grade(g);
                }
            }
            Action::Undo => self.undo(),
            Action::Suspend | Action::Bury => self.set_aside(action),
            Action::ScrollDown(n) => self.scroll(|s| s.saturating_add(n)),
            Action::ScrollUp(n) => self.scroll(|s| s.saturating_sub(n)),
            Action::ScrollTop => self.scroll(|_| 0),
            Action::ScrollBottom => self.scroll(|_| u16::MAX),
        }
    }

    fn scroll(&mut self, f: impl FnOnce(u16) -> u16) {
        if let Some(c) = &mut self.current {
            c.scroll = f(c.scroll);
        }
    }

    fn grade(&mut self, grade: Grade) {
        let Some(c) = self.current.take() else {
            return;
        };
        self.grade_card(c.index, grade);
        if self.unsaved.is_some() {
            // Keep the card on screen until its grade is saved.
            self.current = Some(c);
            return;
        }
        self.next_card();
    }

    fn grade_card(&mut self, index: usize, grade: Grade) {
        let clock = self.clock();
        let id = self.records[index].id.clone();
        let before = self.store.card_or_new(&id);
        let outcome = match self
            .scheduler
            .answer(card_seed(&id), &before, grade, &clock)
        {
            Ok(o) => o,
            Err(e) => {
                self.status = Some(format!("could not schedule the card: {e}"));
                return;
            }
        };
        match self.store.record_grade(&id, &before, &outcome, &clock) {
            Ok(()) => {
                self.session_grades.push(grade);
                self.stats.reviewed += 1;
                if grade == Grade::Again {
                    self.stats.again += 1;
                }
                self.status = None;
            }
            Err(e) => {
                self.unsaved = Some((index, grade));
                self.status = Some(format!(
                    "{e}: the grade is kept and will be saved again at your next key"
                ));
            }
        }
    }

    fn undo(&mut self) {
        let clock = self.clock();
        match self.store.undo(&clock) {
            Ok(Some(entry)) => {
                if entry.action == UndoAction::Grade
                    && let Some(grade) = self.session_grades.pop()
                {
                    self.stats.reviewed -= 1;
                    if grade == Grade::Again {
                        self.stats.again -= 1;
                    }
                }
                self.status = Some(format!("undid {} of {}", entry.action.name(), entry.card));
                if let Some(index) = self.records.iter().position(|r| r.id == entry.card) {
                    self.show(index, true);
                }
                self.refresh_queue();
            }
            Ok(None) => self.status = Some("nothing to undo".to_string()),
            Err(e) => self.status = Some(e.to_string()),
        }
    }

    fn set_aside(&mut self, action: Action) {
        let Some(record) = self.record() else {
            return;
        };
        let id = record.id.clone();
        let clock = self.clock();
        let result = match action {
            Action::Suspend => self.store.set_suspended(&id, true, &clock),
            _ => self.store.bury(&id, &clock),
        };
        match result {
            Ok(()) => {
                self.status = Some(match action {
                    Action::Suspend => format!("suspended {id} (u to undo)"),
                    _ => format!("buried {id} until tomorrow (u to undo)"),
                });
                self.next_card();
            }
            Err(e) => self.status = Some(e.to_string()),
        }
    }

    fn refresh_queue(&mut self) {
        let clock = self.clock();
        let queue = build_queue(
            self.records
                .iter()
                .map(|r| (r.id.as_str(), self.store.card(&r.id))),
            &self.scheduler,
            &clock,
            self.limits,
            self.store.done_today(&clock),
            self.order,
        );
        self.queue = queue;
    }

    fn next_card(&mut self) {
        self.refresh_queue();
        let next = self
            .queue
            .entries
            .first()
            .and_then(|e| self.records.iter().position(|r| r.id == e.id));
        match next {
            Some(index) => self.show(index, false),
            None => self.current = None,
        }
    }

    fn show(&mut self, index: usize, revealed: bool) {
        let clock = self.clock();
        let id = &self.records[index].id;
        let card = self.store.card_or_new(id);
        match self.scheduler.preview(card_seed(id), &card, &clock) {
            Ok(previews) => {
                self.current = Some(Current {
                    index,
                    revealed,
                    scroll: 0,
                    previews,
                });
            }
            Err(e) => {
                self.status = Some(format!("could not schedule {id}: {e}"));
                self.current = None;
            }
        }
    }
}
