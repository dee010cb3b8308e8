//! Snapshots of every screen on ratatui's TestBackend, at 80×24 and at
//! 40×12: the question, the revealed answer (a table, and a highlighted code
//! block: content and colours), the help overlay, the summary, the empty
//! day, and the too-small message. The deck is tests/fixtures/study-deck.md
//! and the clock is fixed, so every run draws the same cells.

use std::fmt::Write as _;

use pyquiz::bank::{Bank, LoadOptions};
use pyquiz::schedule::Grade;
mod common;

use common::app::AppBuilder;
use pyquiz::session::SessionKind;
use pyquiz::session::drill::{InterviewConfig, Mark};
use pyquiz::tui::app::{Action, App};
use pyquiz::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
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
    AppBuilder::new(records)
        .title("all questions (3 questions)")
        .limits(new_per_day, 200)
        .kind(kind)
        .no_fuzz()
        .theme(theme)
        .size(size.0, size.1)
        .build(dir.path())
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
        assert!(a.session.current.is_some(), "the lapsed card returns");
        a.update(Action::Reveal);
        a.update(Action::Grade(Grade::Easy));
        assert!(a.session.current.is_none());
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
        assert!(a.session.empty_at_start);
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
    let first = a.session.record().unwrap().id.clone();
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
    assert!(
        a.session.store.read_log().unwrap().is_empty(),
        "nothing graded"
    );
    assert!(
        a.session.store.progress().cards.is_empty(),
        "nothing suspended or buried"
    );
    assert!(!a.session.current.as_ref().unwrap().revealed);
    assert!(a.overlay.is_none() && !a.help);
    a.update(Action::Resize(80, 24));
    assert_eq!(
        a.session.record().unwrap().id,
        first,
        "the same card, unseen"
    );
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
            a.update(Action::Type(c));
        }
        let t = draw(&a);
        insta::assert_snapshot!(name("browse_search", size), text(&t));
        let screen = all_text(t.backend().buffer());
        assert!(screen.contains("1/3"), "one match of three");
        // Esc clears the search first, then closes.
        a.update(Action::CloseBrowse);
        assert!(a.overlay.is_some());
        a.update(Action::CloseBrowse);
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

/// A terminal's colours: its default foreground and background and the
/// 16 palette entries (RGB).
struct TermColours {
    name: &'static str,
    fg: u32,
    bg: u32,
    palette: [u32; 16],
}

const XTERM: [u32; 16] = [
    0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5, 0x7f7f7f,
    0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff,
];
/// Ethan Schoonover's Solarized, as terminals ship it (base02, red, green,
/// yellow, blue, magenta, cyan, base2, base03, orange, base01, base00,
/// base0, violet, base1, base3).
const SOLARIZED: [u32; 16] = [
    0x073642, 0xdc322f, 0x859900, 0xb58900, 0x268bd2, 0xd33682, 0x2aa198, 0xeee8d5, 0x002b36,
    0xcb4b16, 0x586e75, 0x657b83, 0x839496, 0x6c71c4, 0x93a1a1, 0xfdf6e3,
];

const XTERM_LIGHT: TermColours = TermColours {
    name: "xterm, black on white",
    fg: 0x000000,
    bg: 0xffffff,
    palette: XTERM,
};
const XTERM_DARK: TermColours = TermColours {
    name: "xterm, white on black",
    fg: 0xe5e5e5,
    bg: 0x000000,
    palette: XTERM,
};
const SOLARIZED_DARK: TermColours = TermColours {
    name: "Solarized Dark",
    fg: 0x839496,
    bg: 0x002b36,
    palette: SOLARIZED,
};
const SOLARIZED_LIGHT: TermColours = TermColours {
    name: "Solarized Light",
    fg: 0x657b83,
    bg: 0xfdf6e3,
    palette: SOLARIZED,
};

impl TermColours {
    /// The RGB a cell colour shows as; `None` is the default (`Reset`).
    fn rgb(&self, c: Color, default: u32) -> u32 {
        let indexed = |n: u8| -> u32 {
            match n {
                0..=15 => self.palette[usize::from(n)],
                16..=231 => {
                    let level = |v: u8| if v == 0 { 0 } else { 55 + 40 * u32::from(v) };
                    let n = n - 16;
                    (level(n / 36) << 16) | (level(n / 6 % 6) << 8) | level(n % 6)
                }
                _ => {
                    let v = 8 + 10 * u32::from(n - 232);
                    (v << 16) | (v << 8) | v
                }
            }
        };
        match c {
            Color::Reset => default,
            Color::Black => indexed(0),
            Color::Red => indexed(1),
            Color::Green => indexed(2),
            Color::Yellow => indexed(3),
            Color::Blue => indexed(4),
            Color::Magenta => indexed(5),
            Color::Cyan => indexed(6),
            Color::Gray => indexed(7),
            Color::DarkGray => indexed(8),
            Color::LightRed => indexed(9),
            Color::LightGreen => indexed(10),
            Color::LightYellow => indexed(11),
            Color::LightBlue => indexed(12),
            Color::LightMagenta => indexed(13),
            Color::LightCyan => indexed(14),
            Color::White => indexed(15),
            Color::Indexed(n) => indexed(n),
            Color::Rgb(r, g, b) => (u32::from(r) << 16) | (u32::from(g) << 8) | u32::from(b),
        }
    }
}

/// WCAG 2 contrast ratio of two sRGB colours (1 to 21).
fn contrast(a: u32, b: u32) -> f64 {
    let luminance = |c: u32| {
        let channel = |v: u32| {
            let v = f64::from(v) / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c >> 16 & 0xff)
            + 0.7152 * channel(c >> 8 & 0xff)
            + 0.0722 * channel(c & 0xff)
    };
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The screens a session shows, drawn with `theme` at 80×24.
fn every_screen(theme: &Theme) -> Vec<(&'static str, Buffer)> {
    let buffer = |a: &App| draw(a).backend().buffer().clone();
    let mut out = Vec::new();
    let tmp = TempDir::new().unwrap();
    let mut a = app(&tmp, (80, 24), theme.clone(), 20);
    out.push(("question", buffer(&a)));
    a.update(Action::Reveal);
    out.push(("answer, top", buffer(&a)));
    a.update(Action::ScrollBottom);
    out.push(("answer, end", buffer(&a)));
    a.update(Action::ToggleHelp);
    out.push(("help", buffer(&a)));
    a.update(Action::ToggleHelp);
    a.update(Action::Grade(Grade::Again));
    a.update(Action::OpenBrowse);
    out.push(("browse", buffer(&a)));
    a.update(Action::CloseBrowse);
    a.update(Action::OpenStats);
    out.push(("stats", buffer(&a)));
    let tmp = TempDir::new().unwrap();
    let config = InterviewConfig {
        per_question: 180,
        total: 1800,
        schedule: false,
    };
    let mut a = app_of_kind(
        &tmp,
        (80, 24),
        theme.clone(),
        20,
        SessionKind::Interview(vec![2, 0, 1], config),
    );
    a.update(Action::Reveal);
    out.push(("interview", buffer(&a)));
    out
}

/// The least contrast of any glyph on these screens in that terminal, with
/// where it is.
fn least_contrast(screens: &[(&str, Buffer)], term: &TermColours) -> (f64, String) {
    let mut least = (f64::MAX, String::new());
    for (screen, buf) in screens {
        for y in 0..buf.area.height {
            for x in 0..buf.area.width {
                let cell = &buf[(x, y)];
                if cell.symbol().trim().is_empty() {
                    continue;
                }
                let (mut fg, mut bg) = (term.rgb(cell.fg, term.fg), term.rgb(cell.bg, term.bg));
                if cell.modifier.contains(Modifier::REVERSED) {
                    std::mem::swap(&mut fg, &mut bg);
                }
                let c = contrast(fg, bg);
                if c < least.0 {
                    least = (
                        c,
                        format!(
                            "{screen} ({x},{y}) {:?} fg={:?} bg={:?}",
                            cell.symbol(),
                            cell.fg,
                            cell.bg
                        ),
                    );
                }
            }
        }
    }
    least
}

/// Walk-through §2.3: code was black on black on a light terminal and
/// colour 8 vanished on Solarized Dark. Each theme, in the terminals it is
/// meant for, keeps every glyph at a contrast of at least 2.5:1 (WCAG asks
/// 3:1 of large text; Solarized's own accents on its base02 are 2.6:1).
#[test]
fn every_glyph_is_legible_in_light_and_dark_terminals() {
    const LEGIBLE: f64 = 2.5;
    let dark = every_screen(&Theme::dark());
    let light = every_screen(&Theme::light());
    for (screens, term) in [
        (&dark, &XTERM_DARK),
        (&dark, &SOLARIZED_DARK),
        (&light, &XTERM_LIGHT),
        (&light, &SOLARIZED_LIGHT),
    ] {
        let (c, at) = least_contrast(screens, term);
        eprintln!("{}: least contrast {c:.2} at {at}", term.name);
        assert!(c >= LEGIBLE, "{}: {c:.2} at {at}", term.name);
    }
    // The measure can fail: the dark theme on a white terminal is not
    // legible (yellow and cyan on white).
    let (c, at) = least_contrast(&dark, &XTERM_LIGHT);
    assert!(c < LEGIBLE, "{c:.2} at {at}");
}

#[test]
fn light_theme_answer_styles() {
    let tmp = TempDir::new().unwrap();
    let mut a = app(&tmp, (80, 24), Theme::light(), 20);
    a.update(Action::Reveal);
    a.update(Action::ScrollBottom);
    let t = draw(&a);
    insta::assert_snapshot!(
        "answer_end_styles_light_80x24",
        styles(t.backend().buffer())
    );
}
