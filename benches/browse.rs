//! The browser at 100,000 cards (the embedded bank repeated with distinct
//! ids and questions): what one keystroke costs, from the key's action to
//! the frame drawn on ratatui's TestBackend at 80x24, including the
//! selected card's preview being rendered when the selection changes.
//!
//! - first letter: from an empty query, every card is matched (the worst
//!   case); measured as the letter plus the Backspace that brings the full
//!   list back, divided by two;
//! - typing on: each further letter narrows the previous matches;
//! - with answers: the same first letter with answer search on;
//! - the slowest single keystroke of typing a two-word query and deleting it.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use pyquiz::bank::{Bank, LoadOptions, Record};
#[path = "../tests/common/app.rs"]
mod app_builder;

use app_builder::AppBuilder;
use pyquiz::tui::app::{Action, App};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const CARDS: usize = 100_000;

fn records() -> Vec<Record> {
    let bank = Bank::load(&LoadOptions::default()).expect("bank");
    let base: Vec<Record> = bank.records.into_iter().filter(|r| r.has_answer).collect();
    (0..CARDS)
        .map(|i| {
            let mut r = base[i % base.len()].clone();
            let round = i / base.len();
            r.id = format!("{}-{round}", r.id);
            if round > 0 {
                r.question = format!("{} (variant {round})", r.question);
            }
            r
        })
        .collect()
}

fn app(dir: &std::path::Path) -> App {
    let mut app = AppBuilder::new(records()).title("bench").build(dir);
    app.update(Action::OpenBrowse);
    app
}

fn key(app: &mut App, terminal: &mut Terminal<TestBackend>, action: Action) {
    app.update(action);
    terminal
        .draw(|f| f.render_widget(&*app, f.area()))
        .expect("draw");
}

fn browse(c: &mut Criterion) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut app = app(tmp.path());
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let mut group = c.benchmark_group("browse 100k cards");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(8));

    group.bench_function("first letter + backspace (two full scans)", |b| {
        b.iter(|| {
            key(&mut app, &mut terminal, Action::Type('a'));
            key(&mut app, &mut terminal, Action::DeleteChar);
        })
    });

    // "contex" typed on after "c": five narrowing keystrokes, then back.
    key(&mut app, &mut terminal, Action::Type('c'));
    group.bench_function("typing on: 5 letters narrowing, 5 backspaces", |b| {
        b.iter(|| {
            for ch in "ontex".chars() {
                key(&mut app, &mut terminal, Action::Type(ch));
            }
            for _ in 0..5 {
                key(&mut app, &mut terminal, Action::DeleteChar);
            }
        })
    });
    key(&mut app, &mut terminal, Action::DeleteChar);

    // The slowest single keystroke while typing "context manager" from an
    // empty query and deleting it again (31 keystrokes): each sample is
    // that maximum.
    group.bench_function("slowest keystroke typing and deleting a query", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let mut slowest = Duration::ZERO;
                let mut timed = |app: &mut App, t: &mut Terminal<TestBackend>, a| {
                    let start = std::time::Instant::now();
                    key(app, t, a);
                    slowest = slowest.max(start.elapsed());
                };
                let query = "context manager";
                for ch in query.chars() {
                    timed(&mut app, &mut terminal, Action::Type(ch));
                }
                for _ in 0..query.len() {
                    timed(&mut app, &mut terminal, Action::DeleteChar);
                }
                total += slowest;
            }
            total
        })
    });

    group.bench_function("move the selection (preview rendered)", |b| {
        b.iter(|| {
            key(&mut app, &mut terminal, Action::SelectDown);
            key(&mut app, &mut terminal, Action::SelectUp);
        })
    });

    key(&mut app, &mut terminal, Action::ToggleAnswers);
    group.bench_function("with answers: first letter + backspace", |b| {
        b.iter(|| {
            key(&mut app, &mut terminal, Action::Type('q'));
            key(&mut app, &mut terminal, Action::DeleteChar);
        })
    });
    group.finish();
    black_box(&app);
}

criterion_group!(benches, browse);
criterion_main!(benches);
