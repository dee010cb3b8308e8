//! Prints a card's answer as the study screen renders it, in plain text
//! (`cargo run --example render_card -- ID [WIDTH]`).
fn main() {
    let mut args = std::env::args().skip(1);
    let id = args.next().unwrap_or_default();
    let width: usize = args.next().and_then(|w| w.parse().ok()).unwrap_or(80);
    let bank = pyquiz::bank::Bank::load(&Default::default()).expect("bank loads");
    let Some(record) = bank.records.iter().find(|r| r.id.starts_with(&id)) else {
        eprintln!("no card {id}");
        std::process::exit(2);
    };
    let hl = pyquiz::tui::highlight::Highlighter::new();
    let lines = pyquiz::tui::markdown::render(
        &record.answer,
        width,
        &pyquiz::tui::theme::Theme::plain(),
        Some(&hl),
    );
    println!("{}", pyquiz::tui::markdown::plain_text(&lines));
}
