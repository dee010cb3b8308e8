//! The terminal's state over the study session, and its one entry point
//! for change, `App::update(Action)`: it maps each action to the session
//! (`crate::session`) or to a screen over it, and renders the card the
//! session shows. Drawing only reads this state: the Markdown of the card
//! on screen is rendered (and its code highlighted) when the card is shown
//! or the terminal is resized, never while drawing.

use ratatui::layout::Size;

pub use super::action::Action;
use super::browse::{Brief, Browse};
use super::highlight::HighlighterSlot;
use super::keymap::{self, Ctx, Screen};
use super::layout::{self, Areas};
use super::theme::Theme;
use super::view::CardView;
use crate::schedule::Scheduler;
pub use crate::session::{Current, Now, SessionKind, SessionStats, Setup};
use crate::session::{Retry, Session};
use crate::store::Store;

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

/// How the session looks: colours, the highlighter, the terminal's size.
pub struct Ui {
    pub theme: Theme,
    pub highlighter: HighlighterSlot,
    pub size: Size,
}

pub struct App {
    /// The study session: its cards, queue, store and rules.
    pub session: Session,
    /// The current card's rendered text at the current width.
    pub view: CardView,
    /// First body line of the card shown.
    pub scroll: u16,
    pub theme: Theme,
    highlighter: HighlighterSlot,
    pub size: Size,
    pub help: bool,
    pub help_scroll: u16,
    pub quit: bool,
    /// Quit was pressed once with a grade still unsaved.
    quit_unsaved: bool,
    /// The browser or the statistics, over the session.
    pub overlay: Option<Overlay>,
    /// Closing the overlay quits (`pyquiz browse`, `pyquiz stats`).
    pub overlay_only: bool,
    /// The screens of the runs waiting under a practice run (one per
    /// `Session::depth`), innermost last.
    outer: Vec<(Option<Overlay>, bool)>,
    /// `Session::shown` when the view was last rendered.
    rendered: u64,
}

impl App {
    pub fn new(setup: Setup, store: Store, scheduler: Scheduler, now: Now, ui: Ui) -> App {
        let session = Session::new(setup, store, scheduler, now);
        let mut app = App {
            session,
            view: CardView::default(),
            scroll: 0,
            theme: ui.theme,
            highlighter: ui.highlighter,
            size: ui.size,
            help: false,
            help_scroll: 0,
            quit: false,
            quit_unsaved: false,
            overlay: None,
            overlay_only: false,
            outer: Vec::new(),
            rendered: 0,
        };
        app.render_view();
        app
    }

    /// What the keys apply to now.
    pub fn key_context(&self) -> Ctx {
        Ctx {
            screen: match &self.overlay {
                Some(Overlay::Browse(_)) => Screen::Browse,
                Some(Overlay::Stats(_)) => Screen::Stats,
                None => Screen::Session,
            },
            mode: self.session.mode,
            card: self.session.current.is_some(),
            revealed: self.session.revealed(),
            others: self.session.has_other_answers(),
            help: self.help,
            scrolls: self.max_scroll() > 0,
            drill: self
                .session
                .interview
                .as_ref()
                .is_some_and(|i| i.has_missed()),
        }
    }

    /// The screen under the help overlay.
    pub fn screen_context(&self) -> Ctx {
        Ctx {
            help: false,
            ..self.key_context()
        }
    }

    /// Where each part of the study screen goes now.
    pub fn areas(&self) -> Areas {
        Areas::compute(self.size.into(), self.session.status.is_some())
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

    pub fn update(&mut self, action: Action) {
        if !matches!(
            action,
            Action::Tick | Action::Resize(..) | Action::Background
        ) {
            // A message is about the action before; the next key clears it.
            self.session.clear_status();
        }
        if self.accepts(action) {
            self.dispatch(action);
        }
        self.sync();
    }

    fn dispatch(&mut self, action: Action) {
        match action {
            Action::Exit => self.exit(),
            _ if self.help && self.update_help(action) => {}
            _ if self.overlay.is_some() => self.update_overlay(action),
            _ => self.update_session(action),
        }
    }

    /// The study screen's actions.
    fn update_session(&mut self, action: Action) {
        match action {
            Action::OpenBrowse => self.open_browse(),
            Action::OpenStats => self.open_stats(),
            Action::Quit => self.leave(),
            Action::Exit => self.exit(),
            Action::Resize(w, h) => self.resize(w, h),
            Action::Tick => self.session.tick(),
            Action::ToggleHelp => self.open_help(),
            Action::Reveal => self.reveal(),
            Action::Confirm => self.confirm(),
            Action::OtherAnswer => self.session.other_answer(),
            Action::Grade(g) => self.session.grade(g),
            Action::Mark(m) => self.session.mark(m),
            Action::DrillMissed => self.session.drill_missed(),
            Action::Undo => self.session.undo(),
            Action::Suspend => self.set_aside(Session::suspend),
            Action::Bury => self.set_aside(Session::bury),
            Action::Background | Action::CloseHelp | Action::Unbound => {}
            a if a.is_browse() => {}
            scroll => self.scroll_card(scroll),
        }
    }

    /// Whether `action` may go on: not behind the "terminal too small"
    /// screen (where nothing can be seen), and not while a grade that
    /// could not be saved is retried.
    fn accepts(&mut self, action: Action) -> bool {
        let outside = matches!(
            action,
            Action::Quit | Action::Exit | Action::Resize(..) | Action::Tick | Action::Background
        );
        if self.areas().too_small && !outside {
            return false;
        }
        let quitting = matches!(action, Action::Quit | Action::Exit);
        match self.session.retry_unsaved() {
            Retry::Nothing => true,
            Retry::Saved => {
                // Saved at last: this key only retried.
                self.quit_unsaved = false;
                quitting || matches!(action, Action::Resize(..))
            }
            Retry::Failed if quitting => {
                // Quitting would drop it: say so first; a second quit
                // leaves without it (and the session exits non-zero).
                if self.quit_unsaved {
                    self.quit = true;
                } else {
                    self.quit_unsaved = true;
                    if let Some(status) = &mut self.session.status {
                        status.push_str(" Quitting now would lose it: any key retries, quit again to leave without it.");
                    }
                }
                false
            }
            Retry::Failed => {
                self.quit_unsaved = false;
                true
            }
        }
    }

    /// After every action: the screens follow the session's practice
    /// runs, and the card is rendered again when the session shows
    /// another.
    fn sync(&mut self) {
        while self.outer.len() < self.session.depth() {
            let only = std::mem::replace(&mut self.overlay_only, false);
            self.outer.push((self.overlay.take(), only));
        }
        let mut back = false;
        while self.outer.len() > self.session.depth() {
            if let Some((overlay, only)) = self.outer.pop() {
                self.overlay = overlay;
                self.overlay_only = only;
                back = true;
            }
        }
        if back {
            self.render_preview();
        }
        if self.session.shown() != self.rendered {
            self.scroll = 0;
            self.render_view();
        }
    }

    /// `q`: leaves a practice run for the run under it, else quits.
    fn leave(&mut self) {
        if !self.session.leave_practice() {
            self.quit = true;
        }
    }

    /// `Ctrl-C`: quits from any screen.
    fn exit(&mut self) {
        while self.session.leave_practice() {}
        self.quit = true;
    }

    fn resize(&mut self, w: u16, h: u16) {
        self.size = Size::new(w, h);
        self.render_view();
        self.render_preview();
        self.render_stats();
    }

    fn open_help(&mut self) {
        self.help = true;
        self.help_scroll = 0;
    }

    fn reveal(&mut self) {
        if self.session.reveal() && self.view.answer.is_none() {
            self.warm();
        }
    }

    fn confirm(&mut self) {
        if self.session.confirm() && self.view.answer.is_none() {
            self.warm();
        }
    }

    /// Suspends or buries the card on screen; a change says how to take
    /// it back.
    fn set_aside(&mut self, how: fn(&mut Session) -> bool) {
        if how(&mut self.session)
            && let Some(status) = &mut self.session.status
        {
            status.push_str(&format!(" ({} to undo)", keymap::key_for(Action::Undo)));
        }
    }

    /// Lines in the card's body on screen now (question, and the answer
    /// once revealed).
    pub fn body_len(&self) -> usize {
        self.view.question.len()
            + if self.session.revealed() {
                self.view.answer.as_ref().map_or(0, Vec::len)
            } else {
                0
            }
    }

    /// The furthest the body can scroll: its last line at the bottom.
    pub fn max_scroll(&self) -> u16 {
        let height = self.areas().body.height as usize;
        self.body_len()
            .saturating_sub(height)
            .min(u16::MAX as usize) as u16
    }

    fn scroll_card(&mut self, action: Action) {
        let page = (self.areas().body.height / 2).max(1);
        if self.session.current.is_some()
            && let Some(scroll) = scrolled(self.scroll, action, page, self.max_scroll())
        {
            self.scroll = scroll;
        }
    }

    /// Opens the browser over the session's cards.
    pub fn open_browse(&mut self) {
        let s = &self.session;
        let briefs = s
            .records
            .iter()
            .map(|r| Brief::of(s.store.card(&r.id)))
            .collect();
        let browse = Browse::new(&s.records, briefs);
        self.overlay = Some(Overlay::Browse(Box::new(BrowseView {
            browse,
            preview: Vec::new(),
        })));
        self.render_preview();
    }

    /// Opens the statistics of the session's cards.
    pub fn open_stats(&mut self) {
        match self.session.statistics() {
            Ok(stats) => {
                self.overlay = Some(Overlay::Stats(Box::new(StatsView {
                    stats,
                    scroll: 0,
                    lines: Vec::new(),
                })));
                self.render_stats();
            }
            Err(e) => self.session.warn(e.to_string()),
        }
    }

    /// Renders the statistics for the current width.
    fn render_stats(&mut self) {
        let width = layout::stats_body(self.size.into()).width as usize;
        if let Some(Overlay::Stats(view)) = &mut self.overlay {
            view.lines = super::stats_view::lines(&view.stats, &self.theme, width);
        }
        let max = self.stats_max_scroll();
        if let Some(Overlay::Stats(view)) = &mut self.overlay {
            view.scroll = view.scroll.min(max);
        }
    }

    /// How far the statistics can scroll.
    pub fn stats_max_scroll(&self) -> u16 {
        let Some(Overlay::Stats(view)) = &self.overlay else {
            return 0;
        };
        let body = layout::stats_body(self.size.into());
        view.lines
            .len()
            .saturating_sub(body.height as usize)
            .min(u16::MAX as usize) as u16
    }

    /// The help overlay's lines for the screen under it.
    pub fn help_lines(&self, width: u16) -> Vec<ratatui::text::Line<'static>> {
        super::help_view::lines(self.screen_context(), &self.theme, width)
    }

    /// How far the help overlay can scroll.
    pub fn help_max_scroll(&self) -> u16 {
        let entries = self.help_lines(self.size.width).len();
        entries.saturating_sub(layout::help_rows(entries, self.size.height)) as u16
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
        let max = self.help_max_scroll();
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

    /// The actions of the browser or the statistics over the session.
    fn update_overlay(&mut self, action: Action) {
        match action {
            Action::Resize(w, h) => self.resize(w, h),
            Action::ToggleHelp => self.open_help(),
            Action::CloseBrowse if self.query_typed() => self.update_browse(Action::ClearQuery),
            Action::CloseBrowse | Action::Quit => self.close_overlay(),
            Action::PractiseListed => self.practise_listed(),
            Action::ToggleSuspend => self.toggle_suspend_selected(),
            a if a.is_browse() => self.update_browse(a),
            scroll => self.scroll_stats(scroll),
        }
    }

    /// The browser is open with something typed in its search.
    fn query_typed(&self) -> bool {
        matches!(&self.overlay, Some(Overlay::Browse(view)) if !view.browse.query.is_empty())
    }

    fn update_browse(&mut self, action: Action) {
        let page = layout::browse_list_rows(self.size);
        let records = &self.session.records;
        if let Some(Overlay::Browse(view)) = &mut self.overlay
            && view.browse.update(action, records, page)
        {
            self.render_preview();
        }
        if let Some(Overlay::Browse(view)) = &mut self.overlay {
            let max = view.preview.len().saturating_sub(2).min(u16::MAX as usize) as u16;
            view.browse.preview_scroll = view.browse.preview_scroll.min(max);
        }
    }

    fn scroll_stats(&mut self, action: Action) {
        let page = (self.size.height / 2).max(1);
        let max = self.stats_max_scroll();
        if let Some(Overlay::Stats(view)) = &mut self.overlay
            && let Some(scroll) = scrolled(view.scroll, action, page, max)
        {
            view.scroll = scroll;
        }
    }

    /// Renders the browser's selected card for its preview pane.
    fn render_preview(&mut self) {
        let width = layout::browse_preview_width(self.size);
        let Some(Overlay::Browse(view)) = &self.overlay else {
            return;
        };
        let lines = match view.browse.selected_record() {
            Some(index) => {
                let record = &self.session.records[index];
                let lapses = self.session.store.card(&record.id).map_or(0, |s| s.lapses);
                let kind = self.session.kind_of(index);
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
                lines
            }
            None => Vec::new(),
        };
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
        if self.session.toggle_suspend(index) {
            let s = &self.session;
            let brief = Brief::of(s.store.card(&s.records[index].id));
            if let Some(Overlay::Browse(view)) = &mut self.overlay {
                view.browse.briefs[index] = brief;
            }
        }
    }

    /// Starts a practice run of the listed cards, the selected one first.
    fn practise_listed(&mut self) {
        let Some(Overlay::Browse(view)) = &self.overlay else {
            return;
        };
        if view.browse.matches.is_empty() {
            self.session.say("nothing is listed to practise");
            return;
        }
        let mut order = view.browse.matches.clone();
        order.rotate_left(view.browse.selected);
        let title = format!("practice · {} listed", order.len());
        self.session.practise_on_top(order, title, true);
    }

    /// Renders the current card for the current width (question at once;
    /// the answer too when the highlighter is ready).
    fn render_view(&mut self) {
        self.rendered = self.session.shown();
        let Some(c) = &self.session.current else {
            self.view = CardView::default();
            return;
        };
        let width = self.areas().text_width();
        let record = &self.session.records[c.index];
        let lapses = self.session.store.card(&record.id).map_or(0, |s| s.lapses);
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
        self.scroll = self.scroll.min(self.max_scroll());
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
