//! repeater's documented syntax (github.com/shaankhosla/repeater,
//! docs/src/card-format.md): `Q:`/`A:` cards over several lines, one-line
//! `question::answer` cards, `C:` cloze notes with `[brackets]`, `---`
//! ending a card, a new marker closing the card before it.
//! tests/fixtures/decks/repeater/python.md, written here in that syntax,
//! holds 4 basic cards, 1 one-liner and a cloze note of 2 deletions.

use pyquiz::bank::{Bank, CardKind};

#[test]
fn every_card_of_a_repeater_deck() {
    let text = include_str!("fixtures/decks/repeater/python.md");
    let bank = Bank::from_files([("python.md", text.as_bytes())]).expect("loads");
    let cards: Vec<(CardKind, &str, &str)> = bank
        .records
        .iter()
        .map(|r| (r.kind, r.question.as_str(), r.answer.as_str()))
        .collect();
    assert_eq!(cards.len(), 7, "{cards:#?}");
    assert_eq!(cards[0].1, "What does `sorted()` return?");
    assert_eq!(cards[1].2, "`is`\n`is not`");
    // Notes after the separator are no card's.
    assert!(cards.iter().all(|c| !c.2.contains("Plain notes")));
    assert_eq!(
        (cards[2].1, cards[2].2),
        (
            "What does `enumerate` yield?",
            "Pairs of an index and an item."
        )
    );
    assert_eq!(cards[3].0, CardKind::Cloze);
    assert_eq!(cards[3].1, "A […] holds each element once.");
    assert_eq!(cards[4].1, "A set holds each element […].");
    assert_eq!((cards[5].1, cards[5].2), ("First?", "Ends here"));
    assert_eq!(
        (cards[6].1, cards[6].2),
        ("Second starts now", "and ends here")
    );
}
