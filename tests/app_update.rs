//! The study session through `App::update(Action)`: reveal, grade, undo,
//! suspend, bury, scroll, help, quit, on a temporary data directory and a
//! clock that the test moves.

use std::cell::Cell;
use std::rc::Rc;

use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use pyquiz::bank::{Bank, LoadOptions};
use pyquiz::schedule::{Clock, Grade, Phase};
use pyquiz::store::{Access, Store};
mod common;

use common::app::AppBuilder;
use pyquiz::session::SessionKind;
use pyquiz::session::drill::{InterviewConfig, Mark, Mode};
use pyquiz::tui::app::{Action, App, Overlay};
use pyquiz::tui::highlight::{Highlighter, HighlighterSlot};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tempfile::TempDir;

fn app(dir: &TempDir, minutes: Rc<Cell<i64>>) -> App {
    app_with(dir, minutes, HighlighterSlot::ready(Highlighter::new()))
}

fn app_with(dir: &TempDir, minutes: Rc<Cell<i64>>, highlighter: HighlighterSlot) -> App {
    app_of_kind(dir, minutes, highlighter, SessionKind::Study)
}

fn app_of_kind(
    dir: &TempDir,
    minutes: Rc<Cell<i64>>,
    highlighter: HighlighterSlot,
    kind: SessionKind,
) -> App {
    app_limited(dir, minutes, highlighter, kind, None)
}

fn app_limited(
    dir: &TempDir,
    minutes: Rc<Cell<i64>>,
    highlighter: HighlighterSlot,
    kind: SessionKind,
    card_limit: Option<usize>,
) -> App {
    let bank = Bank::load(&LoadOptions::default()).unwrap();
    let records: Vec<_> = bank
        .records
        .into_iter()
        .filter(|r| r.has_answer)
        .take(5)
        .collect();
    app_of_records(dir, minutes, highlighter, kind, card_limit, records)
}

fn app_of_records(
    dir: &TempDir,
    minutes: Rc<Cell<i64>>,
    highlighter: HighlighterSlot,
    kind: SessionKind,
    card_limit: Option<usize>,
    records: Vec<pyquiz::bank::Record>,
) -> App {
    let base: Timestamp = "2026-01-05T10:00:00Z".parse().unwrap();
    AppBuilder::new(records)
        .limits(3, 200)
        .kind(kind)
        .card_limit(card_limit)
        .highlighter(highlighter)
        .clock(Box::new(move || {
            Clock::new(
                base.checked_add(SignedDuration::from_mins(minutes.get()))
                    .unwrap(),
                TimeZone::UTC,
            )
        }))
        .build(dir.path())
}

/// An interview of `order` (record indices), not grading the cards.
fn interview(
    dir: &TempDir,
    minutes: Rc<Cell<i64>>,
    order: Vec<usize>,
    per_question: u32,
    total: u32,
) -> App {
    let config = InterviewConfig {
        per_question,
        total,
        schedule: false,
    };
    app_of_kind(dir, minutes, ready(), SessionKind::Interview(order, config))
}

/// The interview question's time so far.
fn elapsed(a: &App) -> u32 {
    let now = a.session.clock().now();
    a.session.interview.as_ref().unwrap().question_elapsed(now)
}

fn current_id(app: &App) -> Option<String> {
    app.session.record().map(|r| r.id.clone())
}

#[test]
fn reveal_then_grade_moves_to_the_next_card_and_saves() {
    let tmp = TempDir::new().unwrap();
    let mut a = app(&tmp, Rc::new(Cell::new(0)));
    let first = current_id(&a).unwrap();
    assert_eq!(a.session.queue.counts.new, 3, "new-card limit applied");
    // grading before the reveal does nothing
    a.update(Action::Grade(Grade::Good));
    assert_eq!(current_id(&a).unwrap(), first);
    assert!(!a.session.current.as_ref().unwrap().revealed);
    a.update(Action::Reveal);
    assert!(a.session.current.as_ref().unwrap().revealed);
    a.update(Action::Grade(Grade::Good));
    assert_ne!(current_id(&a).unwrap(), first);
    assert_eq!(a.session.stats.reviewed, 1);
    // saved already: a reader sees it
    let reader = Store::open(tmp.path(), Access::ReadOnly).unwrap();
    assert_eq!(reader.card(&first).unwrap().phase, Phase::Learning);
}

#[test]
fn space_reveals_then_grades_good() {
    let tmp = TempDir::new().unwrap();
    let mut a = app(&tmp, Rc::new(Cell::new(0)));
    let first = current_id(&a).unwrap();
    a.update(Action::Confirm);
    assert!(a.session.current.as_ref().unwrap().revealed);
    a.update(Action::Confirm);
    assert_ne!(current_id(&a).unwrap(), first);
    assert_eq!(
        a.session.store.card(&first).unwrap().step,
        Some(1),
        "Good: next learning step"
    );
}

#[test]
fn undo_brings_the_card_back_revealed() {
    let tmp = TempDir::new().unwrap();
    let mut a = app(&tmp, Rc::new(Cell::new(0)));
    let first = current_id(&a).unwrap();
    a.update(Action::Reveal);
    a.update(Action::Grade(Grade::Again));
    assert_eq!(a.session.stats.again, 1);
    a.update(Action::Undo);
    assert_eq!(current_id(&a).unwrap(), first);
    assert!(a.session.current.as_ref().unwrap().revealed);
    assert!(a.session.store.card(&first).is_none(), "new again");
    assert_eq!((a.session.stats.reviewed, a.session.stats.again), (0, 0));
    a.update(Action::Undo);
    assert_eq!(a.session.status.as_deref(), Some("nothing to undo"));
}

#[test]
fn suspend_and_bury_set_the_card_aside() {
    let tmp = TempDir::new().unwrap();
    let mut a = app(&tmp, Rc::new(Cell::new(0)));
    let first = current_id(&a).unwrap();
    a.update(Action::Suspend);
    let second = current_id(&a).unwrap();
    assert_ne!(second, first);
    assert!(a.session.store.card(&first).unwrap().suspended);
    a.update(Action::Bury);
    assert!(
        a.session
            .store
            .card(&second)
            .unwrap()
            .buried_until
            .is_some()
    );
    assert!(
        !a.session
            .queue
            .entries
            .iter()
            .any(|e| e.id == first || e.id == second)
    );
    a.update(Action::Undo);
    assert_eq!(current_id(&a).unwrap(), second, "unburied and back");
}

#[test]
fn learning_cards_come_back_when_due_and_the_day_ends_empty() {
    let minutes = Rc::new(Cell::new(0));
    let tmp = TempDir::new().unwrap();
    let mut a = app(&tmp, minutes.clone());
    for _ in 0..3 {
        a.update(Action::Reveal);
        a.update(Action::Grade(Grade::Easy));
    }
    assert!(
        a.session.current.is_none(),
        "three new cards, all graduated"
    );
    assert!(a.session.queue.next_due.is_some());
    drop(a); // one writer at a time, even in one process
    let mut b = app(&tmp, minutes.clone());
    assert!(
        b.session.current.is_none(),
        "a new session the same day has nothing left"
    );
    b.update(Action::Quit);
    assert!(b.quit);
    drop(b);
    minutes.set(60 * 24 * 30);
    let c = app(&tmp, minutes);
    assert!(
        c.session.current.is_some(),
        "a month later the reviews are due"
    );
}

#[test]
fn scroll_is_clamped_to_the_body_and_follows_resizes() {
    let tmp = TempDir::new().unwrap();
    let mut a = app(&tmp, Rc::new(Cell::new(0)));
    a.update(Action::Resize(40, 12));
    a.update(Action::ScrollDown(5));
    let question_max = a.max_scroll();
    assert_eq!(a.scroll, question_max.min(5));
    a.update(Action::ScrollTop);
    a.update(Action::Reveal);
    let max = a.max_scroll();
    assert!(max > 10, "the answer overflows a 40x12 screen: max {max}");
    a.update(Action::ScrollDown(3));
    a.update(Action::ScrollDown(2));
    a.update(Action::ScrollUp(1));
    assert_eq!(a.scroll, 4);
    a.update(Action::ScrollBottom);
    assert_eq!(a.scroll, max);
    a.update(Action::ScrollDown(1));
    assert_eq!(a.scroll, max, "no scrolling past the end");
    a.update(Action::PageUp);
    let page = max - a.scroll;
    assert!(page >= 2, "half a screen: {page}");
    a.update(Action::ScrollTop);
    assert_eq!(a.scroll, 0);
    // wider: fewer lines, and a scroll position beyond the new end is pulled back
    a.update(Action::ScrollBottom);
    a.update(Action::Resize(200, 60));
    assert!(a.max_scroll() < max);
    assert_eq!(a.scroll, a.max_scroll());
    assert_eq!(a.view.width, 100, "wrapped at the widest text column");
}

#[test]
fn scroll_and_help() {
    let tmp = TempDir::new().unwrap();
    let mut a = app(&tmp, Rc::new(Cell::new(0)));
    a.update(Action::Reveal);
    a.update(Action::ToggleHelp);
    assert!(a.help);
    // all of the help fits on 80x24: nothing to scroll, so a scroll key
    // closes it like any other key (and does not scroll the card)
    a.update(Action::ScrollDown(2));
    assert_eq!((a.help, a.scroll), (false, 0));
    // on 40x12 it scrolls (and the card does not), up to its last line
    a.update(Action::Resize(40, 12));
    a.update(Action::ToggleHelp);
    a.update(Action::ScrollDown(2));
    assert_eq!((a.help_scroll, a.scroll), (2, 0));
    a.update(Action::ScrollDown(100));
    // every binding and the mouse wheel, some descriptions on two lines
    let entries = pyquiz::tui::keymap::help(Mode::Study).len() + 1;
    let lines = a.help_lines(40).len();
    assert!(lines > entries);
    assert_eq!(a.help_scroll as usize, lines - (12 - 2));
    // any other key closes help without acting
    let before = current_id(&a);
    a.update(Action::Grade(Grade::Good));
    assert!(!a.help);
    assert_eq!(current_id(&a), before);
    a.update(Action::Quit);
    assert!(a.quit);
}

#[test]
fn a_failed_save_keeps_the_grade_says_so_and_retries() {
    let tmp = TempDir::new().unwrap();
    let mut a = app(&tmp, Rc::new(Cell::new(0)));
    let first = current_id(&a).unwrap();
    a.update(Action::Reveal);
    a.update(Action::Grade(Grade::Good)); // a first save creates progress.json
    let second = current_id(&a).unwrap();
    // the review log (the commit point) cannot be written: a directory
    // stands where it was
    let log = tmp.path().join("reviews.jsonl");
    let kept = tmp.path().join("reviews.kept");
    std::fs::rename(&log, &kept).unwrap();
    std::fs::create_dir(&log).unwrap();
    a.update(Action::Reveal);
    a.update(Action::Grade(Grade::Easy));
    let status = a.session.status.clone().unwrap();
    assert!(status.contains("not saved"), "{status}");
    assert!(status.contains("saved again at your next key"), "{status}");
    assert_eq!(current_id(&a).unwrap(), second, "the card stays on screen");
    assert_eq!(a.session.stats.reviewed, 1);
    // the disk is fixed; the next key saves the kept grade first
    std::fs::remove_dir(&log).unwrap();
    std::fs::rename(&kept, &log).unwrap();
    a.update(Action::ScrollDown(1));
    assert_eq!(a.session.status, None);
    assert_eq!(a.session.stats.reviewed, 2);
    assert_ne!(current_id(&a).unwrap(), second, "on to the next card");
    assert!(!a.session.current.as_ref().unwrap().revealed);
    let reader = Store::open(tmp.path(), Access::ReadOnly).unwrap();
    assert!(reader.card(&first).is_some());
    assert_eq!(
        reader.card(&second).unwrap().phase,
        Phase::Review,
        "Easy saved"
    );
}

/// Reliability F9: with a full disk, quitting dropped an unsaved grade
/// silently (exit 0). Now the first quit warns and stays; a second leaves,
/// and the session reports the lost grade.
#[test]
fn quitting_with_an_unsaved_grade_warns_first_and_reports_it() {
    let tmp = TempDir::new().unwrap();
    let mut a = app(&tmp, Rc::new(Cell::new(0)));
    let first = current_id(&a).unwrap();
    let log = tmp.path().join("reviews.jsonl");
    std::fs::create_dir(&log).unwrap();
    a.update(Action::Reveal);
    a.update(Action::Grade(Grade::Good));
    assert_eq!(
        a.session.unsaved().map(|(id, _)| id.to_string()),
        Some(first.clone())
    );
    a.update(Action::Quit);
    assert!(!a.quit, "the first quit only warns");
    let status = a.session.status.clone().unwrap();
    assert!(status.contains("not saved"), "{status}");
    assert!(
        status.contains("quit again to leave without it"),
        "{status}"
    );
    a.update(Action::Quit);
    assert!(a.quit);
    assert_eq!(a.session.unsaved(), Some((first.as_str(), Grade::Good)));
    // Had the disk come back before the second quit, the grade is saved.
    let tmp2 = TempDir::new().unwrap();
    let mut b = app(&tmp2, Rc::new(Cell::new(0)));
    let log2 = tmp2.path().join("reviews.jsonl");
    std::fs::create_dir(&log2).unwrap();
    b.update(Action::Reveal);
    b.update(Action::Grade(Grade::Good));
    b.update(Action::Quit);
    assert!(!b.quit);
    std::fs::remove_dir(&log2).unwrap();
    b.update(Action::Quit);
    assert!(b.quit);
    assert_eq!(b.session.unsaved(), None);
    assert_eq!(b.session.store.read_log().unwrap().len(), 1);
}

/// Walkthrough 1.1: `u` on a new study day undid last week's review. In
/// a session, undo reaches back within the study day only, and says so.
#[test]
fn undo_in_a_session_stays_within_the_study_day() {
    let tmp = TempDir::new().unwrap();
    let minutes = Rc::new(Cell::new(0));
    let mut a = app(&tmp, minutes.clone());
    let first = current_id(&a).unwrap();
    a.update(Action::Reveal);
    a.update(Action::Grade(Grade::Good));
    let state = a.session.store.card(&first).cloned();
    minutes.set(3 * 24 * 60);
    a.update(Action::Undo);
    let status = a.session.status.clone().unwrap();
    assert!(status.starts_with("nothing to undo today"), "{status}");
    assert!(status.contains("--any-day"), "{status}");
    assert!(status.contains("Good on '"), "{status}");
    assert_eq!(
        a.session.store.card(&first).cloned(),
        state,
        "nothing undone"
    );
    assert_eq!(a.session.store.read_log().unwrap().len(), 1);
    // the same day, undo works and names what it undid and when
    minutes.set(3 * 24 * 60 + 5);
    let second = current_id(&a).unwrap();
    a.update(Action::Reveal);
    a.update(Action::Grade(Grade::Easy));
    a.update(Action::Undo);
    let status = a.session.status.clone().unwrap();
    assert!(status.starts_with("undid Easy on '"), "{status}");
    assert!(status.ends_with("today"), "{status}");
    assert_eq!(current_id(&a).unwrap(), second);
}

#[test]
fn without_a_highlighter_the_answer_still_shows_with_plain_code() {
    let tmp = TempDir::new().unwrap();
    let mut a = app_with(&tmp, Rc::new(Cell::new(0)), HighlighterSlot::Failed);
    a.update(Action::Reveal);
    let answer = a.view.answer.as_ref().expect("answer rendered");
    let text = pyquiz::tui::markdown::plain_text(answer);
    let record = a.session.record().unwrap();
    let first_code_line = record
        .answer
        .lines()
        .skip_while(|l| !l.starts_with("```"))
        .nth(1)
        .expect("the first card has code");
    assert!(text.contains(first_code_line.trim()), "{text}");
}

fn ready() -> HighlighterSlot {
    HighlighterSlot::ready(Highlighter::new())
}

#[test]
fn practice_logs_answers_and_leaves_the_schedule_alone() {
    let tmp = TempDir::new().unwrap();
    let minutes = Rc::new(Cell::new(0));
    let mut a = app_of_kind(
        &tmp,
        minutes,
        ready(),
        SessionKind::Practice(vec![2, 0, 1, 3]),
    );
    assert_eq!(a.session.mode, Mode::Practice);
    assert_eq!(a.session.remaining(), 4);
    let first = current_id(&a).unwrap();
    assert_eq!(first, a.session.records[2].id);
    a.update(Action::Reveal);
    a.update(Action::Grade(Grade::Again));
    // Again: the card comes back after three others.
    let order: Vec<String> = (0..4)
        .map(|_| {
            let id = current_id(&a).unwrap();
            a.update(Action::Reveal);
            a.update(Action::Confirm);
            id
        })
        .collect();
    assert_eq!(order[3], first);
    assert!(a.session.current.is_none(), "practice over");
    assert_eq!(a.session.stats.reviewed, 5);
    assert_eq!(a.session.stats.again, 1);
    // No card has a schedule; five practice lines are logged.
    assert!(a.session.store.progress().cards.is_empty());
    let log = a.session.store.read_log().unwrap();
    assert_eq!(log.len(), 5);
    assert!(
        log.iter()
            .all(|e| e.kind == "practice" && e.before == e.after)
    );
    // Undo takes the last answer back and shows that card again, revealed.
    a.update(Action::Undo);
    assert_eq!(current_id(&a).unwrap(), first);
    assert!(a.session.current.as_ref().unwrap().revealed);
    assert_eq!(a.session.store.read_log().unwrap().len(), 4);
    assert_eq!(a.session.stats.reviewed, 4);
}

#[test]
fn interview_times_questions_logs_verdicts_and_drills_the_missed() {
    let tmp = TempDir::new().unwrap();
    let minutes = Rc::new(Cell::new(0));
    let mut a = interview(&tmp, minutes.clone(), vec![0, 1, 2, 3], 120, 300);
    assert_eq!(a.session.mode, Mode::Interview);
    // Grades and Space-for-Good mean nothing in an interview.
    a.update(Action::Reveal);
    a.update(Action::Grade(Grade::Good));
    a.update(Action::Confirm);
    assert_eq!(current_id(&a).unwrap(), a.session.records[0].id);
    let now = |a: &App| a.session.clock().now();
    // Revealed at 0 minutes; marked later: the time is the time to reveal.
    minutes.set(1);
    assert_eq!(elapsed(&a), 0);
    a.update(Action::Mark(Mark::Nailed));
    // Second question: 3 minutes, over its 2-minute limit.
    minutes.set(4);
    assert_eq!(
        a.session.interview.as_ref().unwrap().question_left(now(&a)),
        -60
    );
    a.update(Action::Reveal);
    a.update(Action::Mark(Mark::Missed));
    // Third: the whole interview's 5 minutes run out while it is shown;
    // it can still be answered, then the interview ends with one unasked.
    minutes.set(6);
    assert!(a.session.interview.as_ref().unwrap().total_left(now(&a)) < 0);
    a.update(Action::Reveal);
    a.update(Action::Mark(Mark::Partial));
    assert!(a.session.current.is_none(), "time is up");
    assert_eq!(a.session.drill.queue.len(), 1);
    let answered: Vec<(Mark, u32)> = a
        .session
        .interview
        .as_ref()
        .unwrap()
        .answered
        .iter()
        .map(|x| (x.mark, x.seconds))
        .collect();
    assert_eq!(
        answered,
        [(Mark::Nailed, 0), (Mark::Missed, 180), (Mark::Partial, 120)]
    );
    let log = a.session.store.read_log().unwrap();
    let marks: Vec<(&str, Option<&str>, Option<u32>)> = log
        .iter()
        .map(|e| (e.kind.as_str(), e.mark.as_deref(), e.seconds))
        .collect();
    assert_eq!(
        marks,
        [
            ("interview", Some("nailed"), Some(0)),
            ("interview", Some("missed"), Some(180)),
            ("interview", Some("partial"), Some(120)),
        ]
    );
    assert!(
        a.session.store.progress().cards.is_empty(),
        "schedule untouched"
    );
    // Drill the two not nailed: a practice run of exactly those.
    a.update(Action::DrillMissed);
    assert_eq!(a.session.mode, Mode::Practice);
    assert_eq!(current_id(&a).unwrap(), a.session.records[1].id);
    assert_eq!(a.session.remaining(), 2);
    // q leaves the drill for the interview's end screen, not the app.
    a.update(Action::Reveal);
    a.update(Action::Grade(Grade::Good));
    a.update(Action::Quit);
    assert!(!a.quit);
    assert_eq!(a.session.mode, Mode::Interview);
    assert!(a.session.current.is_none());
    assert_eq!(a.session.interview.as_ref().unwrap().answered.len(), 3);
    assert_eq!(a.session.side_runs.reviewed, 1);
    a.update(Action::Quit);
    assert!(a.quit);
}

#[test]
fn interview_with_schedule_grades_the_cards_too() {
    let tmp = TempDir::new().unwrap();
    let config = InterviewConfig {
        per_question: 180,
        total: 1800,
        schedule: true,
    };
    let mut a = app_of_kind(
        &tmp,
        Rc::new(Cell::new(0)),
        ready(),
        SessionKind::Interview(vec![0, 1], config),
    );
    let id = current_id(&a).unwrap();
    a.update(Action::Reveal);
    a.update(Action::Mark(Mark::Missed));
    let card = a.session.store.card(&id).expect("graded").clone();
    assert_eq!(card.reps, 1);
    assert_eq!(card.phase, Phase::Learning);
    let kinds: Vec<String> = a
        .session
        .store
        .read_log()
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(kinds, ["review", "interview"]);
    // Undo takes back both the verdict and the grade.
    a.update(Action::Undo);
    assert!(a.session.store.card(&id).is_none());
    assert!(a.session.store.read_log().unwrap().is_empty());
    assert_eq!(current_id(&a).unwrap(), id);
}

#[test]
fn a_merged_cards_other_answers_are_one_key_away() {
    let tmp = TempDir::new().unwrap();
    let mut bank = Bank::load(&LoadOptions::default()).unwrap();
    bank.merge_duplicates();
    let gil = bank
        .records
        .into_iter()
        .find(|r| r.members.len() >= 4 && r.question.contains("GIL"))
        .unwrap();
    let members = gil.members.clone();
    let mut a = AppBuilder::new(vec![gil])
        .at("2026-01-05T10:00:00Z")
        .build(tmp.path());
    let text = |a: &App| -> String {
        a.view
            .answer
            .iter()
            .flatten()
            .map(|l| {
                l.spans
                    .iter()
                    .map(|s| s.content.as_ref())
                    .collect::<String>()
                    + "\n"
            })
            .collect()
    };
    // Not before the reveal.
    a.update(Action::OtherAnswer);
    assert_eq!(a.session.current.as_ref().unwrap().answer, 0);
    a.update(Action::Reveal);
    let first = text(&a);
    let n = members.len();
    assert!(
        first.contains(&format!("Answer 1 of {n} · {}", members[0].source)),
        "{first}"
    );
    assert!(
        first.contains(&format!("{} more answers: {}", n - 1, members[1].source)),
        "{first}"
    );
    a.update(Action::OtherAnswer);
    let second = text(&a);
    assert!(
        second.contains(&format!("Answer 2 of {n} · {}", members[1].source)),
        "{second}"
    );
    // A word only the second source's answer has is on screen now.
    let word = members[1]
        .answer
        .split(|c: char| !c.is_alphabetic())
        .find(|w| w.len() > 5 && !members[0].answer.contains(w))
        .unwrap();
    assert!(second.contains(word) && !first.contains(word), "{word}");
    assert_ne!(first, second);
    for _ in 0..n {
        a.update(Action::OtherAnswer);
    }
    assert_eq!(text(&a), second, "wraps around");
    // The key is in the help and the footer only when it does something.
    let ctx = a.key_context();
    assert!(ctx.others);
}

/// A key as the terminal loop handles it: through the keymap, in the
/// app's current context, into `update`.
fn key(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    let event = KeyEvent::new(code, modifiers);
    if let Some(action) = pyquiz::tui::keymap::action_for(event, app.key_context()) {
        app.update(action);
    }
}

fn press(app: &mut App, code: KeyCode) {
    key(app, code, KeyModifiers::NONE);
}

#[test]
fn any_key_closes_help_and_does_nothing_else() {
    let tmp = TempDir::new().unwrap();
    let mut a = app(&tmp, Rc::new(Cell::new(0)));
    let card = current_id(&a);
    for code in [
        KeyCode::Esc,
        KeyCode::Char('q'),
        KeyCode::Char('?'),
        KeyCode::F(1),
        KeyCode::Char('/'),
        KeyCode::Char('t'),
        KeyCode::Char('b'),
        KeyCode::Char('s'),
        KeyCode::Char('u'),
        KeyCode::Char(' '),
        KeyCode::Enter,
        KeyCode::Char('3'),
    ] {
        press(&mut a, KeyCode::Char('?'));
        assert!(a.help, "? opens help");
        press(&mut a, code);
        assert!(!a.help, "{code:?} closes help");
        assert!(!a.quit, "{code:?} on help quit the session");
        assert!(a.overlay.is_none(), "{code:?} on help opened a screen");
        assert_eq!(current_id(&a), card, "{code:?} on help acted on the card");
        assert!(!a.session.current.as_ref().unwrap().revealed);
    }
    // Scroll keys scroll it and leave it open (40x12: it does not fit).
    a.update(Action::Resize(40, 12));
    press(&mut a, KeyCode::F(1));
    press(&mut a, KeyCode::Char('j'));
    press(&mut a, KeyCode::End);
    assert!(a.help && a.help_scroll > 1);
    press(&mut a, KeyCode::Home);
    assert_eq!((a.help, a.help_scroll), (true, 0));
    // Only Ctrl-C quits, from help too.
    key(&mut a, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(a.quit);
}

#[test]
fn help_over_browse_and_stats_closes_back_to_them_and_ctrl_c_quits_anywhere() {
    let tmp = TempDir::new().unwrap();
    let mut a = app(&tmp, Rc::new(Cell::new(0)));
    press(&mut a, KeyCode::Char('/'));
    assert!(matches!(a.overlay, Some(Overlay::Browse(_))));
    // F1 toggles help in browse; Esc and q close it, never the browser,
    // and a letter is not typed into the search.
    press(&mut a, KeyCode::F(1));
    assert!(a.help);
    press(&mut a, KeyCode::F(1));
    assert!(!a.help);
    for code in [KeyCode::Esc, KeyCode::Char('q')] {
        press(&mut a, KeyCode::F(1));
        press(&mut a, code);
        assert!(!a.help && !a.quit);
        let Some(Overlay::Browse(view)) = &a.overlay else {
            panic!("{code:?} on help closed the browser");
        };
        assert_eq!(view.browse.query, "");
    }
    key(&mut a, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(a.quit, "Ctrl-C quits from browse");
    drop(a);

    let mut a = app(&tmp, Rc::new(Cell::new(0)));
    press(&mut a, KeyCode::Char('t'));
    assert!(matches!(a.overlay, Some(Overlay::Stats(_))));
    press(&mut a, KeyCode::Char('?'));
    assert!(a.help);
    press(&mut a, KeyCode::Esc);
    assert!(!a.help && !a.quit && matches!(a.overlay, Some(Overlay::Stats(_))));
    key(&mut a, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(a.quit, "Ctrl-C quits from stats");
}

/// Opens the browser and selects the card on the study screen.
fn browse_to_current(a: &mut App) {
    let current = a.session.current.as_ref().unwrap().index;
    press(a, KeyCode::Char('/'));
    let Some(Overlay::Browse(view)) = &a.overlay else {
        panic!("no browser");
    };
    let at = view
        .browse
        .matches
        .iter()
        .position(|&i| i == current)
        .unwrap();
    for _ in 0..at {
        press(a, KeyCode::Down);
    }
    let Some(Overlay::Browse(view)) = &a.overlay else {
        panic!("no browser");
    };
    assert_eq!(view.browse.selected_record(), Some(current));
}

#[test]
fn a_card_suspended_from_the_browser_leaves_the_study_screen() {
    let tmp = TempDir::new().unwrap();
    let mut a = app(&tmp, Rc::new(Cell::new(0)));
    a.update(Action::Reveal);
    let card = current_id(&a).unwrap();
    browse_to_current(&mut a);
    key(&mut a, KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert!(a.session.store.card(&card).unwrap().suspended);
    press(&mut a, KeyCode::Esc);
    assert!(a.overlay.is_none());
    let next = current_id(&a).unwrap();
    assert_ne!(next, card, "the suspended card is still on screen");
    assert!(!a.session.current.as_ref().unwrap().revealed);
    // Grading goes to the next card; the suspended one never comes back.
    for _ in 0..10 {
        a.update(Action::Reveal);
        a.update(Action::Grade(Grade::Easy));
        assert_ne!(current_id(&a).as_deref(), Some(card.as_str()));
    }
    let state = a.session.store.card(&card).unwrap();
    assert_eq!(state.reps, 0, "the suspended card was graded");
}

#[test]
fn practice_from_the_browser_comes_back_to_it_and_to_the_session() {
    let tmp = TempDir::new().unwrap();
    let mut a = app(&tmp, Rc::new(Cell::new(0)));
    a.update(Action::Reveal);
    a.update(Action::Grade(Grade::Good));
    let card = current_id(&a).unwrap();
    let reviewed = a.session.stats.reviewed;
    press(&mut a, KeyCode::Char('/'));
    for c in "what".chars() {
        press(&mut a, KeyCode::Char(c));
    }
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.session.mode, Mode::Practice);
    assert!(a.overlay.is_none());
    a.update(Action::Reveal);
    a.update(Action::Grade(Grade::Again));
    a.update(Action::Reveal);
    a.update(Action::Grade(Grade::Good));
    // q: back to the browser, its query kept.
    press(&mut a, KeyCode::Char('q'));
    assert!(!a.quit, "q in the practice quit the app");
    assert_eq!(a.session.mode, Mode::Study);
    let Some(Overlay::Browse(view)) = &a.overlay else {
        panic!("not back in the browser");
    };
    assert_eq!(view.browse.query, "what");
    // Esc clears the query, Esc again: back to the study session, on the
    // card it was on.
    press(&mut a, KeyCode::Esc);
    press(&mut a, KeyCode::Esc);
    assert!(a.overlay.is_none() && !a.quit);
    assert_eq!(current_id(&a).unwrap(), card);
    assert_eq!(a.session.stats.reviewed, reviewed);
    assert_eq!(
        (a.session.side_runs.reviewed, a.session.side_runs.again),
        (2, 1)
    );
    // The practice answers are logged, the schedule untouched by them.
    let kinds: Vec<String> = a
        .session
        .store
        .read_log()
        .unwrap()
        .iter()
        .map(|e| e.kind.clone())
        .collect();
    assert_eq!(kinds.iter().filter(|k| k.as_str() == "practice").count(), 2);
    press(&mut a, KeyCode::Char('q'));
    assert!(a.quit);
}

#[test]
fn ctrl_c_in_a_practice_from_the_browser_ends_the_whole_session() {
    let tmp = TempDir::new().unwrap();
    let mut a = app(&tmp, Rc::new(Cell::new(0)));
    let card = current_id(&a).unwrap();
    press(&mut a, KeyCode::Char('/'));
    press(&mut a, KeyCode::Enter);
    a.update(Action::Reveal);
    a.update(Action::Grade(Grade::Good));
    key(&mut a, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(a.quit);
    // What the exit line reports is the study session, practice aside.
    assert_eq!(a.session.mode, Mode::Study);
    assert_eq!(current_id(&a).unwrap(), card);
    assert_eq!(a.session.side_runs.reviewed, 1);
}

#[test]
fn undo_on_the_study_screen_leaves_a_settings_change_alone() {
    let tmp = TempDir::new().unwrap();
    let mut a = app(&tmp, Rc::new(Cell::new(0)));
    let clock = a.session.clock();
    assert!(
        a.session
            .store
            .update_settings(&clock, |s| s.new_per_day = 7)
            .unwrap()
    );
    a.update(Action::Undo);
    assert_eq!(a.session.store.settings().new_per_day, 7);
    assert!(
        a.session
            .status
            .as_deref()
            .unwrap()
            .contains("`pyquiz undo`")
    );
    // A grade after it is this screen's to undo.
    let card = current_id(&a);
    a.update(Action::Reveal);
    a.update(Action::Grade(Grade::Good));
    a.update(Action::Undo);
    assert_eq!(current_id(&a), card);
    assert_eq!(a.session.store.settings().new_per_day, 7);
}

/// The screen as text, drawn as the terminal loop draws it.
fn screen(app: &App) -> String {
    use ratatui::{Terminal, backend::TestBackend};
    let mut t = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    t.draw(|f| f.render_widget(app, f.area())).unwrap();
    let buffer = t.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

#[test]
fn the_summary_time_stops_when_the_session_ends() {
    let tmp = TempDir::new().unwrap();
    let minutes = Rc::new(Cell::new(0));
    let mut a = app(&tmp, minutes.clone());
    let mut n = 0;
    while a.session.current.is_some() {
        n += 1;
        minutes.set(n);
        a.update(Action::Reveal);
        a.update(Action::Grade(Grade::Easy));
        assert!(n < 20, "the session does not end");
    }
    assert!(screen(&a).contains("Time"), "{}", screen(&a));
    let time = |a: &App| {
        screen(a)
            .lines()
            .find(|l| l.contains("Time"))
            .map(str::to_string)
            .unwrap()
    };
    // Started at 0, the last card graded at n minutes.
    let at_end = time(&a);
    assert!(at_end.contains(&format!("{n}m 00s")), "{at_end}");
    // An hour later, on the same screen, the same time.
    minutes.set(n + 60);
    a.update(Action::Tick);
    assert_eq!(time(&a), at_end);
}

#[test]
fn interview_clocks_stop_at_the_end_and_an_undo_keeps_the_time_taken() {
    let tmp = TempDir::new().unwrap();
    let minutes = Rc::new(Cell::new(0));
    let mut a = interview(&tmp, minutes.clone(), vec![0, 1], 180, 600);
    let now = |a: &App| a.session.clock().now();
    // First question: 2 minutes to reveal.
    minutes.set(2);
    a.update(Action::Reveal);
    a.update(Action::Mark(Mark::Nailed));
    // Second: shown at 2 minutes, revealed and marked at 3; the interview
    // is over then.
    minutes.set(3);
    a.update(Action::Reveal);
    a.update(Action::Mark(Mark::Missed));
    assert!(a.session.current.is_none());
    let left = a.session.interview.as_ref().unwrap().total_left(now(&a));
    assert_eq!(left, 600 - 180);
    minutes.set(9);
    assert_eq!(
        a.session.interview.as_ref().unwrap().total_left(now(&a)),
        left
    );
    let report = screen(&a);
    assert!(report.contains("total 7:00"), "{report}");
    // Undo brings the last question back with its clock as it was
    // (stopped at the minute it took, so 2:00 left), not restarted.
    a.update(Action::Undo);
    assert_eq!(current_id(&a).unwrap(), a.session.records[1].id);
    let i = a.session.interview.as_ref().unwrap();
    assert_eq!(i.question_elapsed(now(&a)), 60);
    minutes.set(10);
    assert_eq!(elapsed(&a), 60);
    // The interview's clock resumes where it stopped (7:00 left at the
    // undo) and runs again: 6:00 a minute later.
    assert!(screen(&a).contains("⏱ 2:00 · total 6:00"), "{}", screen(&a));
    assert!(
        a.session
            .status
            .as_deref()
            .unwrap()
            .contains("interview verdict missed"),
        "{:?}",
        a.session.status
    );
    // Undo the first one too: it took 2 minutes.
    a.update(Action::Undo);
    assert_eq!(current_id(&a).unwrap(), a.session.records[0].id);
    assert_eq!(elapsed(&a), 120);
}

#[test]
fn a_question_never_has_more_time_than_the_interview() {
    let tmp = TempDir::new().unwrap();
    let minutes = Rc::new(Cell::new(0));
    let mut a = interview(&tmp, minutes.clone(), vec![0, 1], 180, 60);
    assert!(screen(&a).contains("⏱ 1:00 · total 1:00"), "{}", screen(&a));
    minutes.set(2);
    a.update(Action::Tick);
    let s = screen(&a);
    assert!(s.contains("⏱ 0:00 · time's up"), "{s}");
    assert!(!s.contains("-1:00"), "{s}");
}

#[test]
fn the_gauge_never_runs_backwards_and_waiting_learning_cards_are_counted() {
    let tmp = TempDir::new().unwrap();
    // A frozen clock: learning steps come due only by learning ahead.
    let mut a = app(&tmp, Rc::new(Cell::new(0)));
    let mut fractions = vec![(0usize, a.session.remaining())];
    assert_eq!(a.session.session_counts().new, 3);
    let mut answers = 0;
    while a.session.current.is_some() && answers < 30 {
        a.update(Action::Reveal);
        a.update(Action::Grade(Grade::Good));
        answers += 1;
        fractions.push((a.session.stats.reviewed as usize, a.session.remaining()));
        if answers == 1 {
            // The card just answered waits on its step: still to come.
            let c = a.session.session_counts();
            assert_eq!((c.new, c.learning), (2, 1), "{c:?}");
        }
    }
    assert!(a.session.current.is_none(), "the session did not end");
    for pair in fractions.windows(2) {
        let ((d0, r0), (d1, r1)) = (pair[0], pair[1]);
        // d0/(d0+r0) <= d1/(d1+r1), in integers.
        assert!(
            d0 * (d1 + r1) <= d1 * (d0 + r0),
            "the gauge ran backwards: {d0}/{} then {d1}/{} in {fractions:?}",
            d0 + r0,
            d1 + r1
        );
    }
    assert_eq!(fractions.last().unwrap().1, 0);
}

#[test]
fn with_a_card_limit_the_header_counts_what_this_session_shows() {
    let tmp = TempDir::new().unwrap();
    let mut a = app_limited(
        &tmp,
        Rc::new(Cell::new(0)),
        ready(),
        SessionKind::Study,
        Some(2),
    );
    let c = a.session.session_counts();
    assert_eq!((c.new, c.learning, c.review), (2, 0, 0));
    assert_eq!(a.session.remaining(), 2);
    a.update(Action::Reveal);
    a.update(Action::Grade(Grade::Easy));
    let c = a.session.session_counts();
    assert_eq!((c.new, c.learning, c.review), (1, 0, 0));
    a.update(Action::Reveal);
    a.update(Action::Grade(Grade::Easy));
    assert!(a.session.current.is_none());
    assert_eq!(
        a.session.session_counts().new,
        0,
        "the rest of today's new cards are not this session's"
    );
}

#[test]
fn learning_ahead_does_not_depend_on_the_card_limit() {
    // Two cards answered Good wait on a step a minute or ten away; with
    // nothing else to show, both sessions learn ahead (Anki's 20 minutes).
    for limit in [None, Some(2)] {
        let tmp = TempDir::new().unwrap();
        let mut a = app_limited(
            &tmp,
            Rc::new(Cell::new(0)),
            ready(),
            SessionKind::Study,
            limit,
        );
        let mut shown = Vec::new();
        for _ in 0..2 {
            shown.push(current_id(&a).unwrap());
            a.update(Action::Reveal);
            a.update(Action::Grade(Grade::Good));
        }
        if limit.is_none() {
            // The third new card first.
            a.update(Action::Reveal);
            a.update(Action::Grade(Grade::Good));
        }
        let next = current_id(&a);
        assert!(
            next.as_ref().is_some_and(|id| shown.contains(id)),
            "limit {limit:?}: {next:?} after {shown:?}"
        );
    }
}

#[test]
fn the_interview_report_shows_questions_as_text_not_markdown() {
    let tmp = TempDir::new().unwrap();
    let bank = Bank::load(&LoadOptions::default()).unwrap();
    let records: Vec<_> = bank
        .records
        .into_iter()
        .filter(|r| r.has_answer && r.question.contains('`') && r.question.len() < 50)
        .take(2)
        .collect();
    assert_eq!(records.len(), 2);
    let config = InterviewConfig {
        per_question: 180,
        total: 1800,
        schedule: false,
    };
    let mut a = app_of_records(
        &tmp,
        Rc::new(Cell::new(0)),
        ready(),
        SessionKind::Interview(vec![0, 1], config),
        None,
        records,
    );
    for _ in 0..2 {
        a.update(Action::Reveal);
        a.update(Action::Mark(Mark::Partial));
    }
    let report = screen(&a);
    assert!(report.contains("Interview over"), "{report}");
    let rows: Vec<&str> = report.lines().filter(|l| l.contains("~ partial")).collect();
    assert_eq!(rows.len(), 2, "{report}");
    for row in rows {
        assert!(!row.contains('`'), "{row}");
    }
}

#[test]
fn a_message_is_information_and_the_next_key_clears_it() {
    let tmp = TempDir::new().unwrap();
    let mut a = app(&tmp, Rc::new(Cell::new(0)));
    a.update(Action::Undo);
    assert_eq!(a.session.status.as_deref(), Some("nothing to undo"));
    assert!(!a.session.problem, "nothing to undo is not a problem");
    // Time passing or a resize keeps it; the next key clears it, so it
    // never shows over the browser opened after it.
    a.update(Action::Tick);
    a.update(Action::Resize(80, 24));
    assert!(a.session.status.is_some());
    a.update(Action::OpenBrowse);
    assert_eq!(a.session.status, None);
    a.update(Action::Quit);
    a.update(Action::Suspend);
    let status = a.session.status.clone().unwrap();
    assert!(
        status.starts_with("suspended ") && status.ends_with("(u to undo)"),
        "{status}"
    );
    assert!(!a.session.problem);
    a.update(Action::ScrollDown(1));
    assert_eq!(a.session.status, None);
    // A key bound to nothing here clears it too.
    a.update(Action::Suspend);
    assert!(a.session.status.is_some());
    a.update(Action::Unbound);
    assert_eq!(a.session.status, None);
}

#[test]
fn the_summary_counts_cards_and_answers_and_retention_of_reviews_only() {
    let minutes = Rc::new(Cell::new(0));
    let tmp = TempDir::new().unwrap();
    let mut a = app(&tmp, minutes.clone());
    // Three new cards: one Again first (it comes back on its step), all
    // Easy in the end.
    a.update(Action::Reveal);
    a.update(Action::Grade(Grade::Again));
    assert_eq!(a.session.stats.cards, 1);
    assert_eq!(a.session.stats.retention(), None, "no review card yet");
    while a.session.current.is_some() {
        a.update(Action::Reveal);
        a.update(Action::Grade(Grade::Easy));
        minutes.set(minutes.get() + 2);
        a.update(Action::Tick);
    }
    let s = a.session.stats.clone();
    assert_eq!((s.cards, s.reviewed, s.again), (3, 4, 1));
    assert_eq!(s.retention(), None, "learning answers are not recall");
    drop(a);
    // A month later the three are reviews: Again on one, Good on two.
    minutes.set(60 * 24 * 30);
    let mut b = app(&tmp, minutes.clone());
    for grade in [Grade::Again, Grade::Good, Grade::Good] {
        b.update(Action::Reveal);
        b.update(Action::Grade(grade));
    }
    let s = b.session.stats.clone();
    assert_eq!((s.cards, s.reviews, s.reviews_passed), (3, 3, 2));
    assert_eq!(s.retention(), Some(2.0 / 3.0));
    b.update(Action::Undo);
    assert_eq!(b.session.stats.reviews, 2, "undo takes the answer back");
}

#[test]
fn escape_clears_the_search_before_it_closes_the_browser() {
    let tmp = TempDir::new().unwrap();
    let mut a = app(&tmp, Rc::new(Cell::new(0)));
    a.update(Action::OpenBrowse);
    let all = match &a.overlay {
        Some(Overlay::Browse(v)) => v.browse.matches.len(),
        _ => panic!("no browser"),
    };
    for c in "zzz".chars() {
        a.update(Action::Type(c));
    }
    a.update(Action::CloseBrowse);
    match &a.overlay {
        Some(Overlay::Browse(v)) => {
            assert_eq!(v.browse.query, "");
            assert_eq!(v.browse.matches.len(), all);
        }
        _ => panic!("Esc with a query typed closed the browser"),
    }
    // Topics step backwards too: from none to the last one, and back.
    a.update(Action::CycleTopicBack);
    let last = match &a.overlay {
        Some(Overlay::Browse(v)) => v.browse.topic,
        _ => None,
    };
    assert!(last.is_some());
    a.update(Action::CycleTopic);
    match &a.overlay {
        Some(Overlay::Browse(v)) => assert_eq!(v.browse.topic, None, "after the last, none"),
        _ => panic!(),
    }
    a.update(Action::CloseBrowse);
    assert!(a.overlay.is_none(), "Esc on an empty search closes");
}
