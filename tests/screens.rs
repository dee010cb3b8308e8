//! Snapshots of every screen on ratatui's TestBackend, at 80×24 and at
//! 40×12: the question, the revealed answer (a table, and a highlighted code
//! block: content and colours), the help overlay, the summary, the empty
//! day, and the too-small message. The deck is tests/fixtures/study-deck.md
//! and the clock is fixed, so every run draws the same cells.

use std::fmt::Write as _;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use pyquiz::bank::{Bank, LoadOptions};
use pyquiz::schedule::{Clock, Grade, Limits, NewOrder, Scheduler, SchedulerConfig};
use pyquiz::store::{Access, Store};
use pyquiz::tui::app::{Action, App, Session, SessionKind, Ui};
use pyquiz::tui::browse::BrowseAction;
use pyquiz::tui::drill::{InterviewConfig, Mark};
use pyquiz::tui::highlight::{Highlighter, HighlighterSlot};
use pyquiz::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Size;
use ratatui::style::{Color, Modifier};
use tempfile::TempDir;

fn deck() -> Vec<pyquiz::bank::Record> {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/study-deck.md");
    Bank::load(&LoadOptions {
        no_default_content: true,
        content: vec![path],
        layout: None,
    })
    .unwrap()
    .records
}

fn app(dir: &TempDir, size: (u16, u16), theme: Theme, new_per_day: u32) -> App {
    app_of_kind(dir, size, theme, new_per_day, SessionKind::Study)
}

fn app_of_kind(
    dir: &TempDir,
    size: (u16, u16),
    theme: Theme,
    new_per_day: u32,
    kind: SessionKind,
) -> App {
    app_with(dir, size, theme, new_per_day, kind, deck())
}

fn app_with(
    dir: &TempDir,
    size: (u16, u16),
    theme: Theme,
    new_per_day: u32,
    kind: SessionKind,
    records: Vec<pyquiz::bank::Record>,
) -> App {
    let store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    let now: Timestamp = "2026-03-02T09:00:00Z".parse().unwrap();
    App::new(
        Session {
            records,
            title: "all questions (3 questions)".to_string(),
            limits: Limits {
                new_per_day,
                reviews_per_day: 200,
            },
            order: NewOrder::Source,
            card_limit: None,
            kind,
        },
        store,
        Scheduler::new(SchedulerConfig {
            fuzz: false,
            ..SchedulerConfig::default()
        })
        .unwrap(),
        Box::new(move || Clock::new(now, TimeZone::UTC)),
        Ui {
            theme,
            highlighter: HighlighterSlot::ready(Highlighter::new()),
            size: Size::new(size.0, size.1),
        },
    )
}

fn draw(app: &App) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    t.draw(|f| f.render_widget(app, f.area())).unwrap();
    t
}

/// One row as a terminal shows it: a wide character covers the cell
/// after it.
fn row_text(buf: &Buffer, y: u16) -> String {
    let mut row = String::new();
    let mut x = 0;
    while x < buf.area.width {
        let symbol = buf[(x, y)].symbol();
        row.push_str(symbol);
        x += unicode_width::UnicodeWidthStr::width(symbol).max(1) as u16;
    }
    row
}

/// The screen's text, one row per line, framed so trailing blanks show.
fn text(t: &Terminal<TestBackend>) -> String {
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        writeln!(out, "│{}│", row_text(buf, y)).unwrap();
    }
    out
}

fn colour(c: Color) -> String {
    format!("{c:?}")
}

/// Runs of cells with the same style, per row: `x..x fg bg modifiers`,
/// skipping runs with the default style.
fn styles(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut runs: Vec<(u16, u16, String)> = Vec::new();
        for x in 0..buf.area.width {
            let c = &buf[(x, y)];
            let mut key = String::new();
            if c.fg != Color::Reset {
                write!(key, " fg={}", colour(c.fg)).unwrap();
            }
            if c.bg != Color::Reset {
                write!(key, " bg={}", colour(c.bg)).unwrap();
            }
            if c.modifier != Modifier::empty() {
                write!(key, " {:?}", c.modifier).unwrap();
            }
            match runs.last_mut() {
                Some(last) if last.2 == key && last.1 == x => last.1 = x + 1,
                _ => runs.push((x, x + 1, key)),
            }
        }
        let runs: Vec<String> = runs
            .into_iter()
            .filter(|r| !r.2.is_empty())
            .map(|(a, b, k)| format!("{a}..{b}{k}"))
            .collect();
        if !runs.is_empty() {
            writeln!(out, "{y:>2}: {}", runs.join(" | ")).unwrap();
        }
    }
    out
}

fn all_text(buf: &Buffer) -> String {
    buf.content().iter().map(|c| c.symbol()).collect()
}

const SIZES: [(u16, u16); 2] = [(80, 24), (40, 12)];

fn name(screen: &str, size: (u16, u16)) -> String {
    format!("{screen}_{}x{}", size.0, size.1)
}

#[test]
fn question_view() {
    for size in SIZES {
        let tmp = TempDir::new().unwrap();
        let a = app(&tmp, size, Theme::ansi(), 20);
        let t = draw(&a);
        insta::assert_snapshot!(name("question", size), text(&t));
    }
}

#[test]
fn answer_with_table_and_code() {
    for size in SIZES {
        let tmp = TempDir::new().unwrap();
        let mut a = app(&tmp, size, Theme::ansi(), 20);
        a.update(Action::Reveal);
        let t = draw(&a);
        insta::assert_snapshot!(name("answer_top", size), text(&t));
        a.update(Action::ScrollBottom);
        let t = draw(&a);
        let screen = text(&t);
        assert!(screen.contains("return tuple(items)"), "{screen}");
        insta::assert_snapshot!(name("answer_end", size), screen);
        insta::assert_snapshot!(
            name("answer_end_styles", size),
            styles(t.backend().buffer())
        );
    }
}

/// Cards in Chinese, Japanese, Arabic and Hebrew (tests/fixtures/layouts/
/// scripts.md): wide characters take two cells and wrap between
/// characters, right-to-left text keeps its order, and every row is exactly
/// the screen's width.
#[test]
fn cards_in_any_script() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/layouts/scripts.md");
    let records = Bank::load(&LoadOptions {
        no_default_content: true,
        content: vec![path],
        layout: None,
    })
    .unwrap()
    .records;
    for size in SIZES {
        let tmp = TempDir::new().unwrap();
        let mut a = app_with(
            &tmp,
            size,
            Theme::ansi(),
            20,
            SessionKind::Study,
            records.clone(),
        );
        let mut screens = String::new();
        for _ in 0..3 {
            a.update(Action::Reveal);
            let t = draw(&a);
            let buf = t.backend().buffer();
            for y in 0..buf.area.height {
                let row = row_text(buf, y);
                assert_eq!(
                    unicode_width::UnicodeWidthStr::width(row.as_str()),
                    usize::from(buf.area.width),
                    "row {y}: {row:?}"
                );
            }
            screens.push_str(&text(&t));
            a.update(Action::Grade(Grade::Good));
        }
        insta::assert_snapshot!(name("scripts", size), screens);
    }
}

#[test]
fn code_is_coloured_on_its_background_and_plain_without_colour() {
    let tmp = TempDir::new().unwrap();
    let mut a = app(&tmp, (80, 24), Theme::ansi(), 20);
    a.update(Action::Reveal);
    a.update(Action::ScrollBottom);
    let t = draw(&a);
    let buf = t.backend().buffer();
    let row = (0..buf.area.height)
        .find(|&y| {
            let line: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
            line.contains("def freeze")
        })
        .expect("the code is on screen");
    let x = (0..buf.area.width)
        .find(|&x| buf[(x, row)].symbol() == "d")
        .unwrap();
    assert_eq!(buf[(x, row)].bg, Color::Black, "code background");
    assert_ne!(buf[(x, row)].fg, Color::Reset, "`def` is highlighted");
    let fgs: std::collections::BTreeSet<String> =
        (x..x + 40).map(|x| colour(buf[(x, row)].fg)).collect();
    assert!(fgs.len() >= 3, "several colours on the def line: {fgs:?}");

    let tmp = TempDir::new().unwrap();
    let mut plain = app(&tmp, (80, 24), Theme::plain(), 20);
    plain.update(Action::Reveal);
    plain.update(Action::ScrollBottom);
    let t = draw(&plain);
    let buf = t.backend().buffer();
    assert!(all_text(buf).contains("def freeze"));
    for cell in buf.content() {
        assert_eq!(
            (cell.fg, cell.bg),
            (Color::Reset, Color::Reset),
            "no colour at all"
        );
    }
}

#[test]
fn help_overlay() {
    for size in SIZES {
        let tmp = TempDir::new().unwrap();
        let mut a = app(&tmp, size, Theme::ansi(), 20);
        a.update(Action::ToggleHelp);
        let t = draw(&a);
        insta::assert_snapshot!(name("help", size), text(&t));
    }
}

#[test]
fn summary_after_the_last_card() {
    for size in SIZES {
        let tmp = TempDir::new().unwrap();
        let mut a = app(&tmp, size, Theme::ansi(), 20);
        for grade in [Grade::Easy, Grade::Again, Grade::Easy] {
            a.update(Action::Reveal);
            a.update(Action::Grade(grade));
        }
        // the Again card is back in a minute; answer it once more
        assert!(a.current.is_some(), "the lapsed card returns");
        a.update(Action::Reveal);
        a.update(Action::Grade(Grade::Easy));
        assert!(a.current.is_none());
        let t = draw(&a);
        let screen = text(&t);
        insta::assert_snapshot!(name("summary", size), screen);
    }
}

#[test]
fn empty_day() {
    for size in SIZES {
        let tmp = TempDir::new().unwrap();
        let a = app(&tmp, size, Theme::ansi(), 0);
        assert!(a.empty_at_start);
        let t = draw(&a);
        insta::assert_snapshot!(name("empty_day", size), text(&t));
    }
}

#[test]
fn too_small() {
    let tmp = TempDir::new().unwrap();
    let a = app(&tmp, (30, 8), Theme::ansi(), 20);
    let t = draw(&a);
    insta::assert_snapshot!("too_small_30x8", text(&t));
}

/// Reliability F10: at 30×8 only "Terminal too small" shows, yet Space
/// then 3 graded a card nobody saw.
#[test]
fn behind_the_too_small_screen_keys_do_nothing_but_quit() {
    let tmp = TempDir::new().unwrap();
    let mut a = app(&tmp, (30, 8), Theme::ansi(), 20);
    let first = a.record().unwrap().id.clone();
    for action in [
        Action::Reveal,
        Action::Grade(Grade::Good),
        Action::Suspend,
        Action::Bury,
        Action::Undo,
        Action::OpenBrowse,
        Action::ToggleHelp,
    ] {
        a.update(action);
    }
    assert!(a.store.read_log().unwrap().is_empty(), "nothing graded");
    assert!(
        a.store.progress().cards.is_empty(),
        "nothing suspended or buried"
    );
    assert!(!a.current.as_ref().unwrap().revealed);
    assert!(a.overlay.is_none() && !a.help);
    a.update(Action::Resize(80, 24));
    assert_eq!(a.record().unwrap().id, first, "the same card, unseen");
    a.update(Action::Resize(30, 8));
    a.update(Action::Quit);
    assert!(a.quit);
}

/// Reliability F3: the TUI dropped ESC and friends, but a U+202E override
/// from a deck reached the terminal and reversed the line.
#[test]
fn no_control_or_bidi_character_from_a_deck_reaches_a_cell() {
    let tmp = TempDir::new().unwrap();
    let deck = tmp.path().join("evil.md");
    std::fs::write(
        &deck,
        "## Q. What does \u{1b}[2J\u{1b}]52;c;cHduZWQ=\u{7} do \u{202e}sdrawkcab\u{202c} here?\n\n\
         Answer with \u{2066}isolate\u{2069} and \u{9b}C1 and a tab\there.\n\n\
         ```python\nprint('\u{202e}x')\n```\n",
    )
    .unwrap();
    let records = Bank::load(&LoadOptions {
        no_default_content: true,
        content: vec![deck],
        layout: None,
    })
    .unwrap()
    .records;
    assert!(
        records[0].question.contains('\u{202e}'),
        "the record keeps its text"
    );
    for size in SIZES {
        let dir = TempDir::new().unwrap();
        let mut a = app_with(
            &dir,
            size,
            Theme::ansi(),
            20,
            SessionKind::Study,
            records.clone(),
        );
        for step in 0..2 {
            let t = draw(&a);
            let buf = t.backend().buffer();
            for cell in buf.content() {
                assert!(
                    !cell.symbol().chars().any(pyquiz::display::is_unsafe_char),
                    "step {step}: {:?}",
                    cell.symbol()
                );
            }
            assert!(all_text(buf).contains("sdrawkcab"), "{}", all_text(buf));
            a.update(Action::Reveal);
        }
    }
}

#[test]
fn browse_screen() {
    for size in SIZES {
        let tmp = TempDir::new().unwrap();
        let mut a = app(&tmp, size, Theme::ansi(), 20);
        // One card studied, so the list shows a state and a due time.
        a.update(Action::Reveal);
        a.update(Action::Grade(Grade::Easy));
        a.update(Action::OpenBrowse);
        insta::assert_snapshot!(name("browse_all", size), text(&draw(&a)));
        for c in "tupl".chars() {
            a.update(Action::Browse(BrowseAction::Type(c)));
        }
        let t = draw(&a);
        insta::assert_snapshot!(name("browse_search", size), text(&t));
        let screen = all_text(t.backend().buffer());
        assert!(screen.contains("1/3"), "one match of three");
        a.update(Action::Browse(BrowseAction::Close));
        assert!(a.overlay.is_none());
    }
}

#[test]
fn stats_screen() {
    for size in SIZES {
        let tmp = TempDir::new().unwrap();
        let mut a = app(&tmp, size, Theme::ansi(), 20);
        a.update(Action::Reveal);
        a.update(Action::Grade(Grade::Good));
        a.update(Action::Reveal);
        a.update(Action::Grade(Grade::Again));
        a.update(Action::OpenStats);
        insta::assert_snapshot!(name("stats_top", size), text(&draw(&a)));
        a.update(Action::ScrollBottom);
        insta::assert_snapshot!(name("stats_end", size), text(&draw(&a)));
    }
}

#[test]
fn interview_screens() {
    for size in SIZES {
        let tmp = TempDir::new().unwrap();
        let config = InterviewConfig {
            per_question: 180,
            total: 1800,
            schedule: false,
        };
        let mut a = app_of_kind(
            &tmp,
            size,
            Theme::ansi(),
            20,
            SessionKind::Interview(vec![2, 0, 1], config),
        );
        insta::assert_snapshot!(name("interview_question", size), text(&draw(&a)));
        a.update(Action::Reveal);
        insta::assert_snapshot!(name("interview_answer", size), text(&draw(&a)));
        a.update(Action::Mark(Mark::Nailed));
        a.update(Action::Reveal);
        a.update(Action::Mark(Mark::Missed));
        a.update(Action::Reveal);
        a.update(Action::Mark(Mark::Partial));
        let t = draw(&a);
        insta::assert_snapshot!(name("interview_end", size), text(&t));
    }
}
