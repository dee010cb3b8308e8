//! The study screen's costs: from nothing to the first drawn frame (bank,
//! store, queue, question rendered, frame drawn; the highlighter loads on
//! another thread meanwhile), loading the highlighter, rendering the card
//! with the longest code answer (what showing a card costs), and a reveal
//! (update + draw) once that card is rendered. Frames are drawn on
//! ratatui's TestBackend at 80x24.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use pyquiz::bank::{Bank, LoadOptions, Record};
use pyquiz::schedule::Kind;
#[path = "../tests/common/app.rs"]
mod app_builder;

use app_builder::AppBuilder;
use pyquiz::tui::app::{Action, App};
use pyquiz::tui::highlight::{Highlighter, HighlighterSlot};
use pyquiz::tui::theme::Theme;
use pyquiz::tui::view::CardView;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The answer with the most code in fenced blocks.
const LONGEST_CODE: &str = "d8654da408be";

fn app(dir: &std::path::Path, records: Vec<Record>, highlighter: HighlighterSlot) -> App {
    AppBuilder::new(records)
        .title("bench")
        .highlighter(highlighter)
        .build(dir)
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal
        .draw(|f| f.render_widget(app, f.area()))
        .expect("draw");
}

fn first_frame(c: &mut Criterion) {
    let tmp = tempfile::tempdir().expect("tempdir");
    c.bench_function(
        "start to first frame (bank, store, queue, question, draw)",
        |b| {
            b.iter(|| {
                let slot = HighlighterSlot::load_in_background();
                let bank = Bank::load(&LoadOptions::default()).expect("bank");
                let records: Vec<Record> =
                    bank.records.into_iter().filter(|r| r.has_answer).collect();
                let a = app(tmp.path(), records, slot);
                let mut t = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
                draw(&mut t, &a);
                // the loader thread is joined outside the first frame's time
                // in the real session; here it is left to finish on drop
                black_box(a.session.current.is_some())
            })
        },
    );
}

fn highlighter(c: &mut Criterion) {
    c.bench_function("load the highlighter (syntaxes + theme)", |b| {
        b.iter(Highlighter::new)
    });
}

fn longest_card(c: &mut Criterion) {
    let bank = Bank::load(&LoadOptions::default()).expect("bank");
    let record = bank
        .records
        .iter()
        .find(|r| r.id == LONGEST_CODE)
        .expect("the longest-code card")
        .clone();
    let hl = Highlighter::new();
    let theme = Theme::ansi();
    c.bench_function(
        "render the longest-code card (markdown + highlighting)",
        |b| {
            b.iter(|| {
                CardView::render(
                    black_box(&record),
                    0,
                    Kind::New,
                    0,
                    76,
                    &theme,
                    Some(&hl),
                    true,
                )
            })
        },
    );

    let tmp = tempfile::tempdir().expect("tempdir");
    let mut a = app(tmp.path(), vec![record], HighlighterSlot::ready(hl));
    let mut t = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    c.bench_function("reveal the longest-code card and draw the frame", |b| {
        b.iter(|| {
            if let Some(cur) = &mut a.session.current {
                cur.revealed = false;
            }
            a.update(Action::Reveal);
            draw(&mut t, &a);
        })
    });
}

criterion_group!(benches, first_frame, highlighter, longest_card);
criterion_main!(benches);
