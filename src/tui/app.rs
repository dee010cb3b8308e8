//! The study session's state and its one entry point for change,
//! `App::update(Action)`. Drawing only reads this state: the Markdown of the
//! card on screen is rendered (and its code highlighted) when the card is
//! shown or the terminal is resized, never while drawing.

use std::collections::{HashMap, HashSet};

use jiff::Timestamp;
use ratatui::layout::Size;

use super::browse::{Brief, Browse, BrowseAction};
use super::drill::{AGAIN_GAP, Answered, Drill, Interview, InterviewConfig, Mark, Mode};
use super::highlight::HighlighterSlot;
use super::layout::Areas;
use super::theme::Theme;
use super::view::CardView;
use crate::bank::Record;
use crate::schedule::{
    Clock, Grade, Kind, Limits, NewOrder, Outcome, Queue, Scheduler, build_queue, card_seed,
    without_answered_siblings,
};
use crate::store::{
    ExtraAnswer, KIND_INTERVIEW, KIND_PRACTICE, Store, UndoAction, UndoScope, Undone,
};

/// Everything a key, the mouse or the terminal can ask the session to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Reveal,
    Grade(Grade),
    /// An interview verdict, once the answer is shown.
    Mark(Mark),
    /// At the end of an interview: practise the questions not nailed.
    DrillMissed,
    OpenBrowse,
    OpenStats,
    /// A key in the browser.
    Browse(super::browse::BrowseAction),
    /// `Space` after the reveal: Good.
    Confirm,
    /// A merged card: show the next source's answer.
    OtherAnswer,
    Undo,
    Suspend,
    Bury,
    ScrollDown(u16),
    ScrollUp(u16),
    ScrollTop,
    ScrollBottom,
    /// Half a screen down or up (`PgDn`/`PgUp`).
    PageDown,
    PageUp,
    ToggleHelp,
    /// Close the help overlay (any key but a scroll key, while it is open).
    CloseHelp,
    /// Leave this screen: quits the session, closes an overlay.
    Quit,
    /// `Ctrl-C`: quit the whole session from any screen.
    Exit,
    /// `Ctrl-Z`: give the terminal back and stop until resumed (the
    /// terminal loop does it; the session's state does not change).
    Background,
    /// The terminal has a new size.
    Resize(u16, u16),
    /// Time passed with no input: learning cards may have come due.
    Tick,
}

/// A screen over the session.
pub enum Overlay {
    Browse(Box<BrowseView>),
    Stats(Box<StatsView>),
}

/// The browser and the preview of its selected card.
pub struct BrowseView {
    pub browse: Browse,
    /// The selected card rendered for the preview pane.
    pub preview: Vec<ratatui::text::Line<'static>>,
}

/// The statistics screen.
pub struct StatsView {
    pub stats: crate::stats::Stats,
    pub scroll: u16,
    /// The body rendered for the current width.
    pub lines: Vec<ratatui::text::Line<'static>>,
}

/// Where the source of "now" comes from (the real clock, or a fixed one
/// in tests).
pub type Now = Box<dyn Fn() -> Clock>;

/// The card on screen.
#[derive(Debug, Clone)]
pub struct Current {
    /// Index into the session's records.
    pub index: usize,
    pub kind: Kind,
    pub revealed: bool,
    /// First body line shown.
    pub scroll: u16,
    /// Which of a merged card's answers is shown (0: the richest).
    pub answer: usize,
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

/// What the session studies and how much of it.
pub struct Session {
    /// The filtered records, in bank order.
    pub records: Vec<Record>,
    /// The filters in words, for the header ("all questions", ...).
    pub title: String,
    pub limits: Limits,
    pub order: NewOrder,
    /// At most this many different cards in this session (`--limit`).
    pub card_limit: Option<usize>,
    pub kind: SessionKind,
}

/// Today's schedule, or a set of cards outside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionKind {
    Study,
    /// These records (indices), in this order.
    Practice(Vec<usize>),
    Interview(Vec<usize>, InterviewConfig),
}

/// How the session looks: colours, the highlighter, the terminal's size.
pub struct Ui {
    pub theme: Theme,
    pub highlighter: HighlighterSlot,
    pub size: Size,
}

pub struct App {
    pub records: Vec<Record>,
    pub title: String,
    pub store: Store,
    pub scheduler: Scheduler,
    now: Now,
    limits: Limits,
    order: NewOrder,
    card_limit: Option<usize>,
    pub queue: Queue,
    pub current: Option<Current>,
    /// The current card's rendered text at the current width.
    pub view: CardView,
    pub theme: Theme,
    highlighter: HighlighterSlot,
    pub size: Size,
    pub stats: SessionStats,
    pub started: Timestamp,
    /// When the last card was done (the summary's time stops there); none
    /// while a card is on screen.
    pub finished_at: Option<Timestamp>,
    /// Nothing could be studied when the session opened.
    pub empty_at_start: bool,
    /// Why, in one sentence (computed then, not while drawing).
    pub empty_reason: String,
    /// A recoverable problem to show on the status line.
    pub status: Option<String>,
    pub help: bool,
    pub help_scroll: u16,
    pub quit: bool,
    /// The grade that could not be saved, retried on the next action.
    unsaved: Option<(usize, Grade)>,
    /// Quit was pressed once with a grade still unsaved.
    quit_unsaved: bool,
    /// Grades saved in this session, newest last (undo takes them back).
    session_grades: Vec<Grade>,
    /// Cards graded in this session, by id (for `--limit`).
    seen: HashSet<String>,
    /// Record index of each id.
    index_of: HashMap<String, usize>,
    pub mode: Mode,
    /// Practice and interview: the cards still to come.
    pub drill: Drill,
    pub interview: Option<Interview>,
    /// The browser or the statistics, over the session.
    pub overlay: Option<Overlay>,
    /// Closing the overlay quits (`pyquiz browse`, `pyquiz stats`).
    pub overlay_only: bool,
    /// Sessions set aside by a practice started on top of them (from the
    /// browser, or the interview's drill), innermost last: leaving the
    /// practice comes back to the newest.
    outer: Vec<Outer>,
    /// The answers of those practice runs, once they are left.
    pub side_runs: SessionStats,
}

/// A session waiting under a practice run, as it was left.
struct Outer {
    title: String,
    current: Option<Current>,
    stats: SessionStats,
    started: Timestamp,
    finished_at: Option<Timestamp>,
    session_grades: Vec<Grade>,
    mode: Mode,
    drill: Drill,
    interview: Option<Interview>,
    overlay: Option<Overlay>,
    overlay_only: bool,
}

impl App {
    pub fn new(session: Session, store: Store, scheduler: Scheduler, now: Now, ui: Ui) -> App {
        let started = now().now();
        let index_of = session
            .records
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i))
            .collect();
        let mut app = App {
            records: session.records,
            title: session.title,
            store,
            scheduler,
            now,
            limits: session.limits,
            order: session.order,
            card_limit: session.card_limit,
            queue: Queue {
                entries: Vec::new(),
                counts: Default::default(),
                next_due: None,
                ahead: Vec::new(),
            },
            current: None,
            view: CardView::default(),
            theme: ui.theme,
            highlighter: ui.highlighter,
            size: ui.size,
            stats: SessionStats::default(),
            started,
            finished_at: None,
            empty_at_start: false,
            empty_reason: String::new(),
            status: None,
            help: false,
            help_scroll: 0,
            quit: false,
            unsaved: None,
            quit_unsaved: false,
            session_grades: Vec::new(),
            seen: HashSet::new(),
            index_of,
            mode: Mode::Study,
            drill: Drill::default(),
            interview: None,
            overlay: None,
            overlay_only: false,
            outer: Vec::new(),
            side_runs: SessionStats::default(),
        };
        match session.kind {
            SessionKind::Study => {}
            SessionKind::Practice(order) => {
                app.mode = Mode::Practice;
                app.drill.queue = order.into();
            }
            SessionKind::Interview(order, config) => {
                app.mode = Mode::Interview;
                app.drill.queue = order.into();
                app.interview = Some(Interview::new(config, started));
            }
        }
        app.next_card();
        app.empty_at_start = app.current.is_none();
        if app.empty_at_start {
            app.empty_reason = super::screens::empty_day::reason(&app);
        }
        app
    }

    /// What the keys apply to now.
    pub fn key_context(&self) -> super::keymap::Ctx {
        super::keymap::Ctx {
            screen: match &self.overlay {
                Some(Overlay::Browse(_)) => super::keymap::Screen::Browse,
                Some(Overlay::Stats(_)) => super::keymap::Screen::Stats,
                None => super::keymap::Screen::Session,
            },
            mode: self.mode,
            card: self.current.is_some(),
            revealed: self.current.as_ref().is_some_and(|c| c.revealed),
            others: self
                .current
                .as_ref()
                .is_some_and(|c| self.records[c.index].members.len() > 1),
            help: self.help,
        }
    }

    /// Today's limits for this session.
    pub fn limits(&self) -> Limits {
        self.limits
    }

    pub fn clock(&self) -> Clock {
        (self.now)()
    }

    pub fn record(&self) -> Option<&Record> {
        self.current.as_ref().map(|c| &self.records[c.index])
    }

    /// Cards left in this session's queue (the one on screen included).
    pub fn remaining(&self) -> usize {
        if self.mode != Mode::Study {
            return self.drill.queue.len() + usize::from(self.current.is_some());
        }
        let c = self.session_counts();
        c.new + c.learning + c.review
    }

    /// What this session has left to show: today's queue within
    /// `--limit`, and the learning cards waiting on a step later today
    /// counted as learning (each comes back once more at least).
    pub fn session_counts(&self) -> crate::schedule::QueueCounts {
        let mut c = self.queue.counts;
        if let Some(limit) = self.card_limit {
            let mut room = limit.saturating_sub(self.seen.len());
            c.new = 0;
            c.learning = 0;
            c.review = 0;
            for e in &self.queue.entries {
                if !self.seen.contains(&e.id) {
                    if room == 0 {
                        continue;
                    }
                    room -= 1;
                }
                match e.kind {
                    Kind::New => c.new += 1,
                    Kind::Learning => c.learning += 1,
                    Kind::Review => c.review += 1,
                }
            }
        }
        c.learning += c.waiting;
        c.waiting = 0;
        c
    }

    /// Finishes loading the syntax highlighter (started on another thread
    /// so the first frame does not wait for it) and renders the current
    /// card's answer with it. The event loop calls this right after the
    /// first frame; a reveal before that would call it too.
    pub fn warm(&mut self) {
        self.finish_loading(true);
    }

    /// Like `warm`, but only if the loading thread is done (never blocks).
    pub fn warm_if_ready(&mut self) {
        self.finish_loading(false);
    }

    /// True while the highlighter is still loading.
    pub fn loading(&self) -> bool {
        !self.highlighter.is_ready()
    }

    fn finish_loading(&mut self, block: bool) {
        if !block && !self.highlighter.is_finished() {
            return;
        }
        if !self.highlighter.is_ready() {
            self.highlighter.wait();
            self.render_view();
        }
    }

    /// A grade that could not be saved (its card and grade), if any.
    pub fn unsaved(&self) -> Option<(&str, Grade)> {
        self.unsaved
            .map(|(index, grade)| (self.records[index].id.as_str(), grade))
    }

    pub fn update(&mut self, action: Action) {
        // Behind the "terminal too small" screen nothing can be seen, so
        // nothing but quitting (and resizing) may happen.
        if (self.size.width < super::layout::MIN_WIDTH
            || self.size.height < super::layout::MIN_HEIGHT)
            && !matches!(
                action,
                Action::Quit
                    | Action::Exit
                    | Action::Resize(..)
                    | Action::Tick
                    | Action::Background
            )
        {
            return;
        }
        if let Some((index, grade)) = self.unsaved.take() {
            self.grade_card(index, grade);
            if self.unsaved.is_none() {
                // Saved at last: on to the next card; this key only retried.
                self.quit_unsaved = false;
                self.next_card();
                if !matches!(action, Action::Quit | Action::Exit | Action::Resize(..)) {
                    return;
                }
            } else if matches!(action, Action::Quit | Action::Exit) {
                // Quitting would drop it: say so first; a second quit
                // leaves without it (and the session exits non-zero).
                if self.quit_unsaved {
                    self.quit = true;
                } else {
                    self.quit_unsaved = true;
                    if let Some(status) = &mut self.status {
                        status.push_str(" Quitting now would lose it: any key retries, quit again to leave without it.");
                    }
                }
                return;
            } else {
                self.quit_unsaved = false;
            }
        }
        if action == Action::Exit {
            while self.leave_practice() {}
            self.quit = true;
            return;
        }
        if self.help && self.update_help(action) {
            return;
        }
        if self.overlay.is_some() {
            self.update_overlay(action);
            return;
        }
        match action {
            Action::OpenBrowse => self.open_browse(),
            Action::OpenStats => self.open_stats(),
            Action::Browse(_) | Action::Background => {}
            Action::Quit | Action::Exit => {
                if !self.leave_practice() {
                    self.quit = true;
                }
            }
            Action::Resize(w, h) => {
                self.size = Size::new(w, h);
                self.render_view();
            }
            Action::Tick => {
                if self.current.is_none() {
                    self.next_card();
                }
            }
            Action::ToggleHelp => {
                self.help = true;
                self.help_scroll = 0;
            }
            Action::CloseHelp => {}
            Action::Reveal => {
                if self.current.as_ref().is_some_and(|c| !c.revealed) {
                    if self.view.answer.is_none() {
                        self.warm();
                    }
                    if let Some(c) = &mut self.current {
                        c.revealed = true;
                    }
                    let now = self.clock().now();
                    if let Some(i) = &mut self.interview {
                        i.revealed_at = Some(now);
                    }
                }
            }
            Action::OtherAnswer => {
                let answers = self
                    .current
                    .as_ref()
                    .map_or(0, |c| self.records[c.index].members.len());
                if let Some(c) = self.current.as_mut().filter(|c| c.revealed && answers > 1) {
                    c.answer = (c.answer + 1) % answers;
                    c.scroll = 0;
                    self.render_view();
                }
            }
            Action::Confirm => match &self.current {
                Some(_) if self.mode == Mode::Interview => {}
                Some(c) if c.revealed => self.grade(Grade::Good),
                Some(_) => self.update(Action::Reveal),
                None => {}
            },
            Action::Grade(g) => {
                if self.mode != Mode::Interview && self.current.as_ref().is_some_and(|c| c.revealed)
                {
                    self.grade(g);
                }
            }
            Action::Mark(m) => {
                if self.mode == Mode::Interview && self.current.as_ref().is_some_and(|c| c.revealed)
                {
                    self.mark(m);
                }
            }
            Action::DrillMissed => self.drill_missed(),
            Action::Undo => self.undo(),
            Action::Suspend | Action::Bury => self.set_aside(action),
            Action::ScrollDown(n) => self.scroll(|s| s.saturating_add(n)),
            Action::ScrollUp(n) => self.scroll(|s| s.saturating_sub(n)),
            Action::PageDown => {
                let page = self.page();
                self.scroll(|s| s.saturating_add(page));
            }
            Action::PageUp => {
                let page = self.page();
                self.scroll(|s| s.saturating_sub(page));
            }
            Action::ScrollTop => self.scroll(|_| 0),
            Action::ScrollBottom => self.scroll(|_| u16::MAX),
        }
    }

    /// Lines in the card's body on screen now (question, and the answer
    /// once revealed).
    pub fn body_len(&self) -> usize {
        let revealed = self.current.as_ref().is_some_and(|c| c.revealed);
        self.view.question.len()
            + if revealed {
                self.view.answer.as_ref().map_or(0, Vec::len)
            } else {
                0
            }
    }

    /// The furthest the body can scroll: its last line at the bottom.
    pub fn max_scroll(&self) -> u16 {
        let height = Areas::new(self.size.into(), self).body.height as usize;
        self.body_len()
            .saturating_sub(height)
            .min(u16::MAX as usize) as u16
    }

    fn page(&self) -> u16 {
        let height = Areas::new(self.size.into(), self).body.height;
        (height / 2).max(1)
    }

    fn scroll(&mut self, f: impl FnOnce(u16) -> u16) {
        let max = self.max_scroll();
        if let Some(c) = &mut self.current {
            c.scroll = f(c.scroll).min(max);
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
        if self.mode == Mode::Practice {
            self.practice_grade(index, grade);
            return;
        }
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
                self.seen.insert(id);
                self.stats.reviewed += 1;
                if grade == Grade::Again {
                    self.stats.again += 1;
                }
                self.status = None;
            }
            Err(e) => {
                self.unsaved = Some((index, grade));
                self.status = Some(format!(
                    "not saved: {e}. The grade is kept and saved again at your next key."
                ));
            }
        }
    }

    fn undo(&mut self) {
        if self
            .store
            .progress()
            .undo
            .last()
            .is_some_and(|u| u.action == UndoAction::Settings)
        {
            // Not something this screen did: `pyquiz undo` says what it
            // takes back.
            self.status = Some(
                "nothing to undo here; the last change is a settings change (`pyquiz undo` takes it back)"
                    .to_string(),
            );
            return;
        }
        let clock = self.clock();
        match self.store.undo(&clock, UndoScope::Today) {
            Ok(Undone::Done(entry)) => {
                if matches!(entry.action, UndoAction::Grade | UndoAction::Practice)
                    && let Some(grade) = self.session_grades.pop()
                {
                    self.stats.reviewed -= 1;
                    if grade == Grade::Again {
                        self.stats.again -= 1;
                    }
                }
                self.status = Some(format!("undid {}", self.describe_undo(&entry, 30)));
                if self.mode != Mode::Study {
                    self.undo_drill(&entry);
                    return;
                }
                self.refresh_queue();
                if entry.action == UndoAction::Practice {
                    // An answer of a practice run already left: the study
                    // card on screen stays.
                    return;
                }
                if let Some(&index) = self.index_of.get(&entry.card) {
                    let kind = self
                        .queue
                        .entries
                        .iter()
                        .find(|e| e.id == entry.card)
                        .map_or(Kind::New, |e| e.kind);
                    self.show(index, kind, entry.action == UndoAction::Grade);
                }
            }
            Ok(Undone::Nothing) => self.status = Some("nothing to undo".to_string()),
            Ok(Undone::EarlierDay(entry)) => {
                self.status = Some(format!(
                    "nothing to undo today; `pyquiz undo --any-day` takes back {}",
                    self.describe_undo(&entry, 24)
                ));
            }
            Err(e) => self.status = Some(e.to_string()),
        }
    }

    /// What an undo entry did, its question cut to `width` columns so the
    /// status line keeps its end.
    fn describe_undo(&self, entry: &crate::store::UndoEntry, width: usize) -> String {
        let question = self
            .index_of
            .get(&entry.card)
            .map(|&i| crate::display::truncate(&self.records[i].question, width));
        entry.describe(question.as_deref(), &self.clock())
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
            Ok(changed) => {
                self.status = Some(match (action, changed) {
                    (Action::Suspend, true) => format!("suspended {id} (u to undo)"),
                    (Action::Suspend, false) => format!("{id} is already suspended"),
                    (_, true) => format!("buried {id} until tomorrow (u to undo)"),
                    (_, false) => format!("{id} is already buried until tomorrow"),
                });
                self.next_card();
            }
            Err(e) => self.status = Some(e.to_string()),
        }
    }

    fn refresh_queue(&mut self) {
        let clock = self.clock();
        let cards = without_answered_siblings(
            self.records
                .iter()
                .map(|r| (r.id.as_str(), self.store.card(&r.id), r.siblings())),
            &clock,
        );
        let queue = build_queue(
            cards,
            &self.scheduler,
            &clock,
            self.limits,
            self.store.done_today(&clock),
            self.order,
        );
        self.queue = queue;
    }

    fn next_card(&mut self) {
        if self.mode != Mode::Study {
            self.next_drill_card();
            return;
        }
        self.refresh_queue();
        let full = self
            .card_limit
            .is_some_and(|limit| self.seen.len() >= limit);
        let next = self
            .queue
            .entries
            .iter()
            .find_map(|e| {
                let index = *self.index_of.get(&e.id)?;
                (!full || self.seen.contains(&e.id)).then_some((index, e.kind))
            })
            .or_else(|| {
                // Nothing this session may show is due: learn ahead, as
                // a session without a limit does once its queue is done.
                self.queue.ahead.iter().find_map(|id| {
                    let index = *self.index_of.get(id)?;
                    (!full || self.seen.contains(id)).then_some((index, Kind::Learning))
                })
            });
        match next {
            Some((index, kind)) => self.show(index, kind, false),
            None => {
                self.current = None;
                self.view = CardView::default();
                let now = self.clock().now();
                self.finished_at.get_or_insert(now);
            }
        }
    }

    fn show(&mut self, index: usize, kind: Kind, revealed: bool) {
        let clock = self.clock();
        let id = &self.records[index].id;
        let card = self.store.card_or_new(id);
        match self.scheduler.preview(card_seed(id), &card, &clock) {
            Ok(previews) => {
                self.finished_at = None;
                self.current = Some(Current {
                    index,
                    kind,
                    revealed,
                    scroll: 0,
                    answer: 0,
                    previews,
                });
                self.render_view();
            }
            Err(e) => {
                self.status = Some(format!("could not schedule {id}: {e}"));
                self.current = None;
            }
        }
    }

    /// Opens the browser over the session's cards.
    pub fn open_browse(&mut self) {
        let briefs = self
            .records
            .iter()
            .map(|r| Brief::of(self.store.card(&r.id)))
            .collect();
        let browse = Browse::new(&self.records, briefs);
        self.overlay = Some(Overlay::Browse(Box::new(BrowseView {
            browse,
            preview: Vec::new(),
        })));
        self.render_preview();
    }

    /// Opens the statistics of the session's cards.
    pub fn open_stats(&mut self) {
        let clock = self.clock();
        let records: Vec<&Record> = self.records.iter().collect();
        let stats = match crate::stats::compute_from(
            &records,
            &|id| self.store.card(id).cloned(),
            |keep, sink| self.store.each_answer_facts(keep, sink),
            &self.scheduler,
            &clock,
        ) {
            Ok(stats) => stats,
            Err(e) => {
                self.status = Some(e.to_string());
                return;
            }
        };
        self.overlay = Some(Overlay::Stats(Box::new(StatsView {
            stats,
            scroll: 0,
            lines: Vec::new(),
        })));
        self.render_stats();
    }

    /// Renders the statistics for the current width.
    fn render_stats(&mut self) {
        let width = super::screens::stats::body_width(self.size);
        if let Some(Overlay::Stats(view)) = &mut self.overlay {
            view.lines = super::screens::stats::lines(&view.stats, &self.theme, width);
        }
    }

    fn close_overlay(&mut self) {
        self.overlay = None;
        if self.overlay_only {
            self.quit = true;
        } else {
            self.render_view();
        }
    }

    /// A key while help is open: scroll keys scroll it, anything else
    /// closes it and does nothing more. False for what still applies
    /// under it (a resize, the clock, Ctrl-Z).
    fn update_help(&mut self, action: Action) -> bool {
        let max = super::screens::help::max_scroll(self);
        let page = (self.size.height / 2).max(1);
        match action {
            Action::Resize(..) | Action::Tick | Action::Background | Action::Exit => return false,
            // All of it shows: "any key closes" holds for scroll keys too.
            _ if max == 0 => self.help = false,
            _ => match scrolled(self.help_scroll, action, page, max) {
                Some(scroll) => self.help_scroll = scroll,
                None => self.help = false,
            },
        }
        true
    }

    fn update_overlay(&mut self, action: Action) {
        match action {
            Action::Resize(w, h) => {
                self.size = Size::new(w, h);
                self.render_view();
                self.render_preview();
                self.render_stats();
                let max = super::screens::stats::max_scroll(self);
                if let Some(Overlay::Stats(view)) = &mut self.overlay {
                    view.scroll = view.scroll.min(max);
                }
            }
            Action::ToggleHelp => {
                self.help = true;
                self.help_scroll = 0;
            }
            Action::Tick => {}
            Action::Browse(BrowseAction::Close) | Action::Quit => self.close_overlay(),
            Action::Browse(BrowseAction::Practice) => self.practise_listed(),
            Action::Browse(BrowseAction::ToggleSuspend) => self.toggle_suspend_selected(),
            Action::Browse(a) => {
                let page = super::layout::browse_list_rows(self.size);
                let records = &self.records;
                if let Some(Overlay::Browse(view)) = &mut self.overlay
                    && view.browse.update(a, records, page)
                {
                    self.render_preview();
                }
                if let Some(Overlay::Browse(view)) = &mut self.overlay {
                    let max = view.preview.len().saturating_sub(2).min(u16::MAX as usize) as u16;
                    view.browse.preview_scroll = view.browse.preview_scroll.min(max);
                }
            }
            Action::ScrollDown(_)
            | Action::ScrollUp(_)
            | Action::PageDown
            | Action::PageUp
            | Action::ScrollTop
            | Action::ScrollBottom => {
                let page = (self.size.height / 2).max(1);
                let max = super::screens::stats::max_scroll(self);
                if let Some(Overlay::Stats(view)) = &mut self.overlay
                    && let Some(scroll) = scrolled(view.scroll, action, page, max)
                {
                    view.scroll = scroll;
                }
            }
            _ => {}
        }
    }

    /// Renders the browser's selected card for its preview pane.
    fn render_preview(&mut self) {
        let width = super::layout::browse_preview_width(self.size);
        let Some(Overlay::Browse(view)) = &self.overlay else {
            return;
        };
        let Some(index) = view.browse.selected_record() else {
            if let Some(Overlay::Browse(view)) = &mut self.overlay {
                view.preview.clear();
            }
            return;
        };
        let record = &self.records[index];
        let lapses = self.store.card(&record.id).map_or(0, |s| s.lapses);
        let kind = self.kind_of(index);
        let card = CardView::render(
            record,
            0,
            kind,
            lapses,
            width,
            &self.theme,
            self.highlighter.get(),
            true,
        );
        let mut lines = card.question;
        lines.extend(card.answer.unwrap_or_default());
        if let Some(Overlay::Browse(view)) = &mut self.overlay {
            view.preview = lines;
        }
    }

    fn toggle_suspend_selected(&mut self) {
        let Some(Overlay::Browse(view)) = &self.overlay else {
            return;
        };
        let Some(index) = view.browse.selected_record() else {
            return;
        };
        let id = self.records[index].id.clone();
        let suspend = !self.store.card(&id).is_some_and(|c| c.suspended);
        let clock = self.clock();
        match self.store.set_suspended(&id, suspend, &clock) {
            Ok(_) => {
                self.status = Some(format!(
                    "{} {id}",
                    if suspend { "suspended" } else { "unsuspended" }
                ));
                let brief = Brief::of(self.store.card(&id));
                if let Some(Overlay::Browse(view)) = &mut self.overlay {
                    view.browse.briefs[index] = brief;
                }
                if self.mode == Mode::Study {
                    if suspend && self.current.as_ref().is_some_and(|c| c.index == index) {
                        // The card on the study screen is set aside: the
                        // session goes on with the next one.
                        self.next_card();
                    } else {
                        self.refresh_queue();
                    }
                }
            }
            Err(e) => self.status = Some(e.to_string()),
        }
    }

    /// Starts a practice run of the listed cards, the selected one first.
    fn practise_listed(&mut self) {
        let Some(Overlay::Browse(view)) = &self.overlay else {
            return;
        };
        if view.browse.matches.is_empty() {
            self.status = Some("nothing is listed to practise".to_string());
            return;
        }
        let mut order = view.browse.matches.clone();
        order.rotate_left(view.browse.selected);
        self.set_aside_session();
        let title = format!("practice · {} listed", order.len());
        self.start_practice(order, title);
    }

    /// Puts the running session (and the browser over it) aside for a
    /// practice run on top; `leave_practice` brings it back.
    fn set_aside_session(&mut self) {
        self.outer.push(Outer {
            title: self.title.clone(),
            current: self.current.take(),
            stats: std::mem::take(&mut self.stats),
            started: self.started,
            finished_at: self.finished_at,
            session_grades: std::mem::take(&mut self.session_grades),
            mode: self.mode,
            drill: std::mem::take(&mut self.drill),
            interview: self.interview.take(),
            overlay: self.overlay.take(),
            overlay_only: std::mem::replace(&mut self.overlay_only, false),
        });
    }

    /// Leaves a practice run started on top of another session and shows
    /// that session again as it was left (its browser with its query).
    /// False when there is none: this is the outermost session.
    fn leave_practice(&mut self) -> bool {
        let Some(outer) = self.outer.pop() else {
            return false;
        };
        let practised = std::mem::take(&mut self.stats);
        self.side_runs.reviewed += practised.reviewed;
        self.side_runs.again += practised.again;
        self.title = outer.title;
        self.current = outer.current;
        self.stats = outer.stats;
        self.started = outer.started;
        self.finished_at = outer.finished_at;
        self.session_grades = outer.session_grades;
        self.mode = outer.mode;
        self.drill = outer.drill;
        self.interview = outer.interview;
        self.overlay = outer.overlay;
        self.overlay_only = outer.overlay_only;
        let back_to = match (&self.overlay, self.mode) {
            (Some(Overlay::Browse(_)), _) => "the list",
            (_, Mode::Interview) => "the interview",
            _ => "the session",
        };
        self.status = Some(format!(
            "practised {} question{} ({} again); back to {back_to}",
            practised.reviewed,
            if practised.reviewed == 1 { "" } else { "s" },
            practised.again
        ));
        if self.mode == Mode::Study {
            self.refresh_queue();
        }
        self.render_view();
        self.render_preview();
        true
    }

    /// Practice: the answer is logged, the schedule untouched; a card
    /// answered Again comes back a few cards later.
    fn practice_grade(&mut self, index: usize, grade: Grade) {
        let clock = self.clock();
        let id = self.records[index].id.clone();
        let answer = ExtraAnswer {
            kind: KIND_PRACTICE,
            grade,
            mark: None,
            seconds: None,
        };
        match self.store.record_extra(&id, &answer, &clock) {
            Ok(()) => {
                self.session_grades.push(grade);
                self.stats.reviewed += 1;
                if grade == Grade::Again {
                    self.stats.again += 1;
                    let at = AGAIN_GAP.min(self.drill.queue.len());
                    self.drill.queue.insert(at, index);
                }
                self.status = None;
            }
            Err(e) => {
                self.unsaved = Some((index, grade));
                self.status = Some(format!(
                    "not saved: {e}. The answer is kept and saved again at your next key."
                ));
            }
        }
    }

    /// Interview: logs the verdict (and grades the card too when the
    /// interview was started with `--schedule`), then the next question.
    fn mark(&mut self, mark: Mark) {
        let Some(c) = self.current.clone() else {
            return;
        };
        let clock = self.clock();
        let Some(interview) = &self.interview else {
            return;
        };
        let seconds = interview.question_elapsed(clock.now());
        let schedule = interview.config.schedule;
        let id = self.records[c.index].id.clone();
        if schedule {
            let before = self.store.card_or_new(&id);
            let outcome = self
                .scheduler
                .answer(card_seed(&id), &before, mark.grade(), &clock);
            let saved = match outcome {
                Ok(o) => self
                    .store
                    .record_grade(&id, &before, &o, &clock)
                    .map_err(|e| e.to_string()),
                Err(e) => Err(e.to_string()),
            };
            if let Err(e) = saved {
                self.status = Some(format!("not saved: {e}"));
                return;
            }
        }
        let answer = ExtraAnswer {
            kind: KIND_INTERVIEW,
            grade: mark.grade(),
            mark: Some(mark.name()),
            seconds: Some(seconds),
        };
        if let Err(e) = self.store.record_extra(&id, &answer, &clock) {
            if schedule {
                let _ = self.store.undo(&clock, UndoScope::AnyDay);
            }
            self.status = Some(format!("not saved: {e}"));
            return;
        }
        self.session_grades.push(mark.grade());
        self.stats.reviewed += 1;
        if mark == Mark::Missed {
            self.stats.again += 1;
        }
        if let Some(i) = &mut self.interview {
            i.answered.push(Answered {
                index: c.index,
                mark,
                seconds,
            });
        }
        self.status = None;
        self.next_card();
    }

    /// After an interview: a practice run of the questions not nailed.
    fn drill_missed(&mut self) {
        if self.current.is_some() || self.mode != Mode::Interview {
            return;
        }
        let Some(interview) = &self.interview else {
            return;
        };
        let order = interview.to_drill();
        if order.is_empty() {
            self.status = Some("every question was nailed: nothing to drill".to_string());
            return;
        }
        let title = format!("drilling the questions not nailed · {}", self.title);
        self.set_aside_session();
        self.start_practice(order, title);
    }

    /// Switches the session to a practice run of `order` (record indices).
    fn start_practice(&mut self, order: Vec<usize>, title: String) {
        self.mode = Mode::Practice;
        self.drill.queue = order.into();
        self.stats = SessionStats::default();
        self.session_grades.clear();
        self.started = self.clock().now();
        self.finished_at = None;
        self.title = title;
        self.next_card();
    }

    fn next_drill_card(&mut self) {
        let over = self
            .interview
            .as_ref()
            .is_some_and(|i| self.mode == Mode::Interview && i.total_left(self.clock().now()) <= 0);
        let next = if over {
            None
        } else {
            self.drill.queue.pop_front()
        };
        let now = self.clock().now();
        match next {
            Some(index) => {
                let kind = self.kind_of(index);
                self.show(index, kind, false);
                let now = self.clock().now();
                if let Some(i) = &mut self.interview {
                    i.question_started = now;
                    i.revealed_at = None;
                }
            }
            None => {
                self.current = None;
                self.view = CardView::default();
                self.finished_at.get_or_insert(now);
                if let Some(i) = &mut self.interview {
                    i.ended.get_or_insert(now);
                }
            }
        }
    }

    /// The card's state as a queue kind (for the badge on screen).
    fn kind_of(&self, index: usize) -> Kind {
        match self.store.card(&self.records[index].id).map(|c| c.phase) {
            None | Some(crate::schedule::Phase::New) => Kind::New,
            Some(crate::schedule::Phase::Review) => Kind::Review,
            Some(_) => Kind::Learning,
        }
    }

    /// Undo in practice or an interview: the answered card is shown again,
    /// its answer revealed, and the card that was on screen goes back first
    /// in line.
    fn undo_drill(&mut self, entry: &crate::store::UndoEntry) {
        let Some(&index) = self.index_of.get(&entry.card) else {
            return;
        };
        if let Some(c) = self.current.take() {
            self.drill.queue.push_front(c.index);
        }
        if self.mode == Mode::Practice {
            // An Again put the card back into the line; take that copy out.
            if let Some(pos) = self
                .drill
                .queue
                .iter()
                .take(AGAIN_GAP + 1)
                .position(|&i| i == index)
            {
                self.drill.queue.remove(pos);
            }
        }
        let now = self.clock().now();
        let mut reopen = None;
        if let Some(i) = &mut self.interview {
            reopen = i.answered.pop().map(|a| a.seconds);
            if i.config.schedule {
                // The schedule's grade was saved just before the verdict.
                let _ = self.store.undo(&self.clock(), UndoScope::AnyDay);
            }
        }
        let kind = self.kind_of(index);
        self.show(index, kind, true);
        if let (Some(i), Some(seconds)) = (&mut self.interview, reopen) {
            // Its clock shows the time it took, stopped, as before.
            i.reopen(seconds, now);
        }
    }

    /// Renders the current card for the current width (question at once;
    /// the answer too when the highlighter is ready).
    fn render_view(&mut self) {
        let Some(c) = &self.current else {
            self.view = CardView::default();
            return;
        };
        let width = Areas::new(self.size.into(), self).text_width();
        let record = &self.records[c.index];
        let lapses = self.store.card(&record.id).map_or(0, |s| s.lapses);
        self.view = CardView::render(
            record,
            c.answer,
            c.kind,
            lapses,
            width,
            &self.theme,
            self.highlighter.get(),
            self.highlighter.is_ready(),
        );
        let max = self.max_scroll();
        if let Some(c) = &mut self.current {
            c.scroll = c.scroll.min(max);
        }
    }
}

/// Where a scroll action moves a view that is at `scroll`, pages of `page`
/// lines, at most `max`; `None` for an action that does not scroll.
fn scrolled(scroll: u16, action: Action, page: u16, max: u16) -> Option<u16> {
    let to = match action {
        Action::ScrollDown(n) => scroll.saturating_add(n),
        Action::ScrollUp(n) => scroll.saturating_sub(n),
        Action::PageDown => scroll.saturating_add(page),
        Action::PageUp => scroll.saturating_sub(page),
        Action::ScrollTop => 0,
        Action::ScrollBottom => max,
        _ => return None,
    };
    Some(to.min(max))
}
