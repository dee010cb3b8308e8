//! The study session as a model, with no terminal in it: today's queue,
//! grade-and-save, undo, suspend and bury, practice runs and the mock
//! interview. The terminal (`tui::app`) maps keys to these calls and
//! renders the card the session says is on screen; `pyquiz grade` saves
//! through the same `grade_and_save`.
//!
//! A change of the card on screen (another card, another of a merged
//! card's answers, a card taken back by undo) bumps `shown()`, so a viewer
//! knows when to render it again.

pub mod drill;
pub mod today;

use std::collections::{HashMap, HashSet};

use jiff::Timestamp;

use crate::bank::Record;
use crate::schedule::{
    Clock, Grade, Kind, Limits, NewOrder, Outcome, Queue, QueueCounts, ScheduleError, Scheduler,
    card_seed,
};
use crate::store::{
    ExtraAnswer, KIND_INTERVIEW, KIND_PRACTICE, Store, StoreError, UndoAction, UndoEntry,
    UndoScope, Undone,
};
use drill::{AGAIN_GAP, Answered, Drill, Interview, InterviewConfig, Mark, Mode};

/// Where the source of "now" comes from (the real clock, or a fixed one
/// in tests).
pub type Now = Box<dyn Fn() -> Clock>;

/// Why a session has nothing to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Empty {
    /// The filters select no question.
    NoMatch,
    /// New cards are off (a new-card limit of 0) and no review is due.
    NewOff,
    /// Today's new cards are done and no review is due.
    NewDone,
    /// Today's reviews are done (the review limit).
    ReviewsDone,
    /// Every card is scheduled for later.
    NothingDue,
}

/// Why a grade was not saved.
#[derive(Debug, thiserror::Error)]
pub enum GradeError {
    #[error("could not schedule the card: {0}")]
    Schedule(#[from] ScheduleError),
    #[error("{0}")]
    Save(#[from] StoreError),
}

/// Schedules `grade` for card `id` and appends it to the log: the one
/// place a grade is saved, for the study screen, an interview with
/// `--schedule` and `pyquiz grade`.
pub fn grade_and_save(
    store: &mut Store,
    scheduler: &Scheduler,
    id: &str,
    grade: Grade,
    clock: &Clock,
) -> Result<Outcome, GradeError> {
    let before = store.card_or_new(id);
    let outcome = scheduler.answer(card_seed(id), &before, grade, clock)?;
    store.record_grade(id, &before, &outcome, clock)?;
    Ok(outcome)
}

/// The card on screen.
#[derive(Debug, Clone)]
pub struct Current {
    /// Index into the session's records.
    pub index: usize,
    pub kind: Kind,
    pub revealed: bool,
    /// Which of a merged card's answers is shown (0: the richest).
    pub answer: usize,
    /// What each grade would do, computed when the card is shown.
    pub previews: [Outcome; 4],
}

/// What this session has done, for the summary screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SessionStats {
    /// Answers given (every button press that was saved).
    pub reviewed: u32,
    /// Of them, Again (or an interview's Missed).
    pub again: u32,
    /// Different cards answered.
    pub cards: u32,
    /// Answers to cards in review (not new, not on a learning step).
    pub reviews: u32,
    /// Of them, not Again.
    pub reviews_passed: u32,
}

impl SessionStats {
    /// True retention: the share of review answers that were not Again
    /// (learning steps are not recall, so they do not count; as in the
    /// statistics screen).
    pub fn retention(&self) -> Option<f32> {
        (self.reviews > 0).then(|| self.reviews_passed as f32 / self.reviews as f32)
    }

    fn of(answers: &[Answer]) -> SessionStats {
        let cards: HashSet<usize> = answers.iter().map(|a| a.index).collect();
        let reviews = answers.iter().filter(|a| a.review);
        SessionStats {
            reviewed: answers.len() as u32,
            again: answers.iter().filter(|a| a.again).count() as u32,
            cards: cards.len() as u32,
            reviews: reviews.clone().count() as u32,
            reviews_passed: reviews.filter(|a| !a.again).count() as u32,
        }
    }

    /// Adds another run's numbers (practice runs left).
    pub fn add(&mut self, other: &SessionStats) {
        self.reviewed += other.reviewed;
        self.again += other.again;
        self.cards += other.cards;
        self.reviews += other.reviews;
        self.reviews_passed += other.reviews_passed;
    }
}

/// One saved answer of this run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Answer {
    /// The record answered.
    index: usize,
    /// Again, or an interview's Missed.
    again: bool,
    /// The card was in review when answered.
    review: bool,
}

/// What the session studies and how much of it.
pub struct Setup {
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

/// What a retried save did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retry {
    /// Nothing was waiting to be saved.
    Nothing,
    /// Saved at last; the next card is on screen.
    Saved,
    /// Still not saved.
    Failed,
}

pub struct Session {
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
    pub stats: SessionStats,
    pub started: Timestamp,
    /// When the last card was done (the summary's time stops there); none
    /// while a card is on screen.
    pub finished_at: Option<Timestamp>,
    /// Nothing could be studied when the session opened.
    pub empty_at_start: bool,
    /// Why, in one sentence (computed then, not while drawing).
    pub empty_reason: String,
    /// Why, as a kind (what would help differs).
    pub empty: Option<Empty>,
    /// What the last action did or why it could not (the status line).
    pub status: Option<String>,
    /// The status says something went wrong (not only what was done).
    pub problem: bool,
    /// The grade that could not be saved, retried on the next action.
    unsaved: Option<(usize, Grade)>,
    /// Grades saved in this run, newest last (undo takes them back).
    answers: Vec<Answer>,
    /// Cards graded in this session, by id (for `--limit`).
    seen: HashSet<String>,
    /// Record index of each id.
    index_of: HashMap<String, usize>,
    pub mode: Mode,
    /// Practice and interview: the cards still to come.
    pub drill: Drill,
    pub interview: Option<Interview>,
    /// Runs set aside by a practice started on top of them (from the
    /// browser, or the interview's drill), innermost last.
    outer: Vec<Frame>,
    /// The answers of those practice runs, once they are left.
    pub side_runs: SessionStats,
    /// Bumped whenever the card on screen changes.
    shown: u64,
}

/// A run waiting under a practice run, as it was left.
struct Frame {
    title: String,
    current: Option<Current>,
    stats: SessionStats,
    started: Timestamp,
    finished_at: Option<Timestamp>,
    answers: Vec<Answer>,
    mode: Mode,
    drill: Drill,
    interview: Option<Interview>,
    /// The practice on top was started from the browser's list.
    from_list: bool,
}

impl Session {
    pub fn new(setup: Setup, store: Store, scheduler: Scheduler, now: Now) -> Session {
        let started = now().now();
        let index_of = setup
            .records
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i))
            .collect();
        let mut s = Session {
            records: setup.records,
            title: setup.title,
            store,
            scheduler,
            now,
            limits: setup.limits,
            order: setup.order,
            card_limit: setup.card_limit,
            queue: Queue {
                entries: Vec::new(),
                counts: Default::default(),
                next_due: None,
                ahead: Vec::new(),
            },
            current: None,
            stats: SessionStats::default(),
            started,
            finished_at: None,
            empty_at_start: false,
            empty_reason: String::new(),
            empty: None,
            status: None,
            problem: false,
            unsaved: None,
            answers: Vec::new(),
            seen: HashSet::new(),
            index_of,
            mode: Mode::Study,
            drill: Drill::default(),
            interview: None,
            outer: Vec::new(),
            side_runs: SessionStats::default(),
            shown: 0,
        };
        match setup.kind {
            SessionKind::Study => {}
            SessionKind::Practice(order) => {
                s.mode = Mode::Practice;
                s.drill.queue = order.into();
            }
            SessionKind::Interview(order, config) => {
                s.mode = Mode::Interview;
                s.drill.queue = order.into();
                s.interview = Some(Interview::new(config, started));
            }
        }
        s.next_card();
        s.empty_at_start = s.current.is_none();
        if s.empty_at_start {
            let empty = s.empty_kind();
            s.empty_reason = s.why_empty(empty);
            s.empty = Some(empty);
        }
        s
    }

    pub fn clock(&self) -> Clock {
        (self.now)()
    }

    /// Today's limits for this session.
    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// Changes whenever the card on screen does.
    pub fn shown(&self) -> u64 {
        self.shown
    }

    /// How many runs wait under this one (practice started on top).
    pub fn depth(&self) -> usize {
        self.outer.len()
    }

    pub fn record(&self) -> Option<&Record> {
        self.current.as_ref().map(|c| &self.records[c.index])
    }

    /// The current card's answer is shown.
    pub fn revealed(&self) -> bool {
        self.current.as_ref().is_some_and(|c| c.revealed)
    }

    /// The current card has more than one source's answer.
    pub fn has_other_answers(&self) -> bool {
        self.record().is_some_and(|r| r.members.len() > 1)
    }

    /// A grade that could not be saved (its card and grade), if any.
    pub fn unsaved(&self) -> Option<(&str, Grade)> {
        self.unsaved
            .map(|(index, grade)| (self.records[index].id.as_str(), grade))
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
    pub fn session_counts(&self) -> QueueCounts {
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

    /// The card's state as a queue kind (for the badge on screen).
    pub fn kind_of(&self, index: usize) -> Kind {
        match self.store.card(&self.records[index].id).map(|c| c.phase) {
            None | Some(crate::schedule::Phase::New) => Kind::New,
            Some(crate::schedule::Phase::Review) => Kind::Review,
            Some(_) => Kind::Learning,
        }
    }

    /// When the next card of this selection is due, in words.
    pub fn next_due(&self) -> String {
        match self.queue.next_due {
            Some(ts) => crate::schedule::format::when(&self.clock(), ts),
            None => "none scheduled".to_string(),
        }
    }

    /// Why the queue is empty.
    pub fn empty_kind(&self) -> Empty {
        if self.records.is_empty() {
            return Empty::NoMatch;
        }
        let done = self.store.done_today(&self.clock());
        let unseen = self
            .records
            .iter()
            .any(|r| self.store.card(&r.id).is_none());
        let limits = self.limits;
        if unseen && limits.new_per_day == 0 {
            Empty::NewOff
        } else if unseen && done.new >= limits.new_per_day {
            Empty::NewDone
        } else if done.reviews >= limits.reviews_per_day {
            Empty::ReviewsDone
        } else {
            Empty::NothingDue
        }
    }

    /// Why the queue is empty (`empty`, from `empty_kind`), in one
    /// sentence.
    pub fn why_empty(&self, empty: Empty) -> String {
        let done = self.store.done_today(&self.clock());
        let limits = self.limits;
        match empty {
            Empty::NoMatch => "No questions match these filters.".to_string(),
            Empty::NewOff => {
                "New cards are off (new-per-day is 0), and no review is due.".to_string()
            }
            Empty::NewDone => format!(
                "You have learned today's {} new cards (limit {}), and no review is due.",
                done.new, limits.new_per_day
            ),
            Empty::ReviewsDone => format!(
                "You have done today's {} reviews (limit {}).",
                done.reviews, limits.reviews_per_day
            ),
            Empty::NothingDue => "No card in this selection is due.".to_string(),
        }
    }

    /// Tells the user what an action did.
    pub fn say(&mut self, text: impl Into<String>) {
        self.status = Some(text.into());
        self.problem = false;
    }

    /// Tells the user what went wrong.
    pub fn warn(&mut self, text: impl Into<String>) {
        self.status = Some(text.into());
        self.problem = true;
    }

    /// Forgets the last action's message (at the next key), unless it is
    /// about a grade still waiting to be saved.
    pub fn clear_status(&mut self) {
        if self.unsaved.is_none() {
            self.status = None;
            self.problem = false;
        }
    }

    /// Saves the grade that could not be saved before, if any; once saved
    /// the next card comes.
    pub fn retry_unsaved(&mut self) -> Retry {
        let Some((index, grade)) = self.unsaved.take() else {
            return Retry::Nothing;
        };
        self.grade_card(index, grade);
        if self.unsaved.is_some() {
            return Retry::Failed;
        }
        self.next_card();
        Retry::Saved
    }

    /// Time passed: a learning card may have come due.
    pub fn tick(&mut self) {
        if self.current.is_none() {
            self.next_card();
        }
    }

    /// Shows the current card's answer; true if it was hidden.
    pub fn reveal(&mut self) -> bool {
        let now = self.clock().now();
        let Some(c) = self.current.as_mut().filter(|c| !c.revealed) else {
            return false;
        };
        c.revealed = true;
        if let Some(i) = &mut self.interview {
            i.revealed_at = Some(now);
        }
        true
    }

    /// A merged card: the next source's answer.
    pub fn other_answer(&mut self) {
        let answers = self.record().map_or(0, |r| r.members.len());
        if let Some(c) = self.current.as_mut().filter(|c| c.revealed && answers > 1) {
            c.answer = (c.answer + 1) % answers;
            self.shown += 1;
        }
    }

    /// `Space`: reveals, then grades Good (not in an interview, where the
    /// verdict is chosen). True if it revealed.
    pub fn confirm(&mut self) -> bool {
        match &self.current {
            Some(_) if self.mode == Mode::Interview => false,
            Some(c) if c.revealed => {
                self.grade(Grade::Good);
                false
            }
            Some(_) => self.reveal(),
            None => false,
        }
    }

    /// Grades the revealed card (study or practice) and shows the next;
    /// a grade that cannot be saved keeps the card on screen.
    pub fn grade(&mut self, grade: Grade) {
        if self.mode == Mode::Interview || !self.revealed() {
            return;
        }
        let Some(c) = self.current.take() else {
            return;
        };
        self.grade_card(c.index, grade);
        if self.unsaved.is_some() {
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
        let review = self.kind_of(index) == Kind::Review;
        match grade_and_save(&mut self.store, &self.scheduler, &id, grade, &clock) {
            Ok(_) => {
                self.seen.insert(id);
                self.count(index, grade == Grade::Again, review);
                self.status = None;
            }
            Err(e @ GradeError::Schedule(_)) => self.warn(e.to_string()),
            Err(e) => {
                self.unsaved = Some((index, grade));
                self.warn(format!(
                    "not saved: {e}. The grade is kept and saved again at your next key."
                ));
            }
        }
    }

    /// One more answer in this run's numbers.
    fn count(&mut self, index: usize, again: bool, review: bool) {
        self.answers.push(Answer {
            index,
            again,
            review,
        });
        self.stats = SessionStats::of(&self.answers);
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
        let review = self.kind_of(index) == Kind::Review;
        match self.store.record_extra(&id, &answer, &clock) {
            Ok(()) => {
                self.count(index, grade == Grade::Again, review);
                if grade == Grade::Again {
                    let at = AGAIN_GAP.min(self.drill.queue.len());
                    self.drill.queue.insert(at, index);
                }
                self.status = None;
            }
            Err(e) => {
                self.unsaved = Some((index, grade));
                self.warn(format!(
                    "not saved: {e}. The answer is kept and saved again at your next key."
                ));
            }
        }
    }

    /// Interview: logs the verdict of the revealed question (and grades
    /// the card too when the interview was started with `--schedule`),
    /// then the next question.
    pub fn mark(&mut self, mark: Mark) {
        if self.mode != Mode::Interview || !self.revealed() {
            return;
        }
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
        let review = self.kind_of(c.index) == Kind::Review;
        if schedule
            && let Err(e) =
                grade_and_save(&mut self.store, &self.scheduler, &id, mark.grade(), &clock)
        {
            self.warn(format!("not saved: {e}"));
            return;
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
            self.warn(format!("not saved: {e}"));
            return;
        }
        self.count(c.index, mark == Mark::Missed, review);
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

    /// Takes back today's last change made here (a grade, an answer, a
    /// suspension or burial) and shows its card again.
    pub fn undo(&mut self) {
        if self
            .store
            .progress()
            .undo
            .last()
            .is_some_and(|u| u.action == UndoAction::Settings)
        {
            // Not something this screen did: `pyquiz undo` says what it
            // takes back.
            self.say(
                "nothing to undo here; the last change is a settings change (`pyquiz undo` takes it back)"
                    .to_string(),
            );
            return;
        }
        let clock = self.clock();
        match self.store.undo(&clock, UndoScope::Today) {
            Ok(Undone::Done(entry)) => {
                if matches!(entry.action, UndoAction::Grade | UndoAction::Practice)
                    && self.answers.pop().is_some()
                {
                    self.stats = SessionStats::of(&self.answers);
                }
                self.say(format!("undid {}", self.describe_undo(&entry, 30)));
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
            Ok(Undone::Nothing) => self.say("nothing to undo".to_string()),
            Ok(Undone::EarlierDay(entry)) => {
                self.say(format!(
                    "nothing to undo today; `pyquiz undo --any-day` takes back {}",
                    self.describe_undo(&entry, 24)
                ));
            }
            Err(e) => self.warn(e.to_string()),
        }
    }

    /// What an undo entry did, its question cut to `width` columns so the
    /// status line keeps its end.
    fn describe_undo(&self, entry: &UndoEntry, width: usize) -> String {
        let question = self
            .index_of
            .get(&entry.card)
            .map(|&i| crate::display::truncate(&self.records[i].question, width));
        entry.describe(question.as_deref(), &self.clock())
    }

    /// Undo in practice or an interview: the answered card is shown again,
    /// its answer revealed, and the card that was on screen goes back first
    /// in line.
    fn undo_drill(&mut self, entry: &UndoEntry) {
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

    /// Suspends the card on screen and goes on with the next. True if
    /// that changed something (undo takes it back).
    pub fn suspend(&mut self) -> bool {
        self.set_aside(true)
    }

    /// Buries the card on screen until tomorrow and goes on with the next.
    /// True if that changed something.
    pub fn bury(&mut self) -> bool {
        self.set_aside(false)
    }

    fn set_aside(&mut self, suspend: bool) -> bool {
        let Some(record) = self.record() else {
            return false;
        };
        let id = record.id.clone();
        let clock = self.clock();
        let result = if suspend {
            self.store.set_suspended(&id, true, &clock)
        } else {
            self.store.bury(&id, &clock)
        };
        match result {
            Ok(changed) => {
                self.say(match (suspend, changed) {
                    (true, true) => format!("suspended {id}"),
                    (true, false) => format!("{id} is already suspended"),
                    (false, true) => format!("buried {id} until tomorrow"),
                    (false, false) => format!("{id} is already buried until tomorrow"),
                });
                self.next_card();
                changed
            }
            Err(e) => {
                self.warn(e.to_string());
                false
            }
        }
    }

    /// Suspends record `index`, or unsuspends it if it is suspended (from
    /// the browser). A study card on screen that is suspended leaves it.
    /// False if it could not be saved.
    pub fn toggle_suspend(&mut self, index: usize) -> bool {
        let id = self.records[index].id.clone();
        let suspend = !self.store.card(&id).is_some_and(|c| c.suspended);
        let clock = self.clock();
        match self.store.set_suspended(&id, suspend, &clock) {
            Ok(_) => {
                self.say(format!(
                    "{} {id}",
                    if suspend { "suspended" } else { "unsuspended" }
                ));
                if self.mode == Mode::Study {
                    if suspend && self.current.as_ref().is_some_and(|c| c.index == index) {
                        self.next_card();
                    } else {
                        self.refresh_queue();
                    }
                }
                true
            }
            Err(e) => {
                self.warn(e.to_string());
                false
            }
        }
    }

    /// The statistics of the session's cards.
    pub fn statistics(&self) -> Result<crate::stats::Stats, StoreError> {
        let clock = self.clock();
        let records: Vec<&Record> = self.records.iter().collect();
        crate::stats::compute_from(
            &records,
            &|id| self.store.card(id).cloned(),
            |keep, sink| self.store.each_answer_facts(keep, sink),
            &self.scheduler,
            &clock,
        )
    }

    /// After an interview: a practice run of the questions not nailed,
    /// on top of the interview (leaving it comes back to the report).
    pub fn drill_missed(&mut self) {
        if self.current.is_some() || self.mode != Mode::Interview {
            return;
        }
        let Some(interview) = &self.interview else {
            return;
        };
        let order = interview.to_drill();
        if order.is_empty() {
            self.say("every question was nailed: nothing to drill".to_string());
            return;
        }
        let title = format!("drilling the questions not nailed · {}", self.title);
        self.practise_on_top(order, title, false);
    }

    /// Starts a practice run of `order` (record indices) on top of this
    /// run, which waits until `leave_practice`. `from_list`: it was
    /// started from the browser's list.
    pub fn practise_on_top(&mut self, order: Vec<usize>, title: String, from_list: bool) {
        self.outer.push(Frame {
            title: self.title.clone(),
            current: self.current.take(),
            stats: std::mem::take(&mut self.stats),
            started: self.started,
            finished_at: self.finished_at,
            answers: std::mem::take(&mut self.answers),
            mode: self.mode,
            drill: std::mem::take(&mut self.drill),
            interview: self.interview.take(),
            from_list,
        });
        self.mode = Mode::Practice;
        self.drill.queue = order.into();
        self.started = self.clock().now();
        self.finished_at = None;
        self.title = title;
        self.next_card();
    }

    /// Leaves a practice run started on top of another and brings that one
    /// back as it was left. False when there is none.
    pub fn leave_practice(&mut self) -> bool {
        let Some(outer) = self.outer.pop() else {
            return false;
        };
        let practised = std::mem::take(&mut self.stats);
        self.side_runs.add(&practised);
        self.title = outer.title;
        self.current = outer.current;
        self.stats = outer.stats;
        self.started = outer.started;
        self.finished_at = outer.finished_at;
        self.answers = outer.answers;
        self.mode = outer.mode;
        self.drill = outer.drill;
        self.interview = outer.interview;
        self.shown += 1;
        let back_to = match (outer.from_list, self.mode) {
            (true, _) => "the list",
            (_, Mode::Interview) => "the interview",
            _ => "the session",
        };
        self.say(format!(
            "practised {} ({} again); back to {back_to}",
            crate::display::plural(practised.reviewed as usize, "question"),
            practised.again
        ));
        if self.mode == Mode::Study {
            self.refresh_queue();
        }
        true
    }

    fn refresh_queue(&mut self) {
        let clock = self.clock();
        self.queue = today::queue(
            &self.records,
            &self.store,
            &self.scheduler,
            &clock,
            self.limits,
            self.order,
        );
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
            None => self.finish(),
        }
    }

    fn next_drill_card(&mut self) {
        let now = self.clock().now();
        let over = self
            .interview
            .as_ref()
            .is_some_and(|i| self.mode == Mode::Interview && i.total_left(now) <= 0);
        let next = if over {
            None
        } else {
            self.drill.queue.pop_front()
        };
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
                self.finish();
                if let Some(i) = &mut self.interview {
                    i.ended.get_or_insert(now);
                }
            }
        }
    }

    /// No card left: the clock of the summary stops.
    fn finish(&mut self) {
        if self.current.take().is_some() {
            self.shown += 1;
        }
        let now = self.clock().now();
        self.finished_at.get_or_insert(now);
    }

    fn show(&mut self, index: usize, kind: Kind, revealed: bool) {
        let clock = self.clock();
        let id = &self.records[index].id;
        let card = self.store.card_or_new(id);
        self.shown += 1;
        match self.scheduler.preview(card_seed(id), &card, &clock) {
            Ok(previews) => {
                self.finished_at = None;
                self.current = Some(Current {
                    index,
                    kind,
                    revealed,
                    answer: 0,
                    previews,
                });
            }
            Err(e) => {
                self.warn(format!("could not schedule {id}: {e}"));
                self.current = None;
            }
        }
    }
}
