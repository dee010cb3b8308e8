//! hashcards' documented syntax (github.com/eudoxia0/hashcards, README
//! "Format"): `Q:`/`A:` cards over one or several lines, `C:` cloze notes
//! whose every `[bracket]` is a card of its own (images, links and escaped
//! brackets excepted), `---` separators, and TOML front matter naming the
//! deck. tests/fixtures/decks/hashcards/python.md, written here in that
//! syntax, holds 4 basic cards and 3 cloze notes of 2, 1 and 2 deletions.

use pyquiz::bank::{Bank, CardKind};

#[test]
fn every_card_of_a_hashcards_deck() {
    let text = include_str!("fixtures/decks/hashcards/python.md");
    let bank = Bank::from_files([("python.md", text.as_bytes())]).expect("loads");
    assert_eq!(bank.sources[0].layout, "qa-labels");
    let cards: Vec<(CardKind, &str, &str)> = bank
        .records
        .iter()
        .map(|r| (r.kind, r.question.as_str(), r.answer.as_str()))
        .collect();
    assert_eq!(cards.len(), 9, "{cards:#?}");
    let basic = cards.iter().filter(|c| c.0 == CardKind::Basic).count();
    assert_eq!(basic, 4, "{cards:#?}");
    assert_eq!(cards[0].1, "What does `len([])` return?");
    assert_eq!(cards[1].1, "A […] is mutable; a tuple is not.");
    assert_eq!(cards[1].2, "A **list** is mutable; a tuple is not.");
    assert_eq!(cards[2].1, "A list is mutable; a […] is not.");
    assert_eq!(cards[3].2, "- `str`\n- `tuple`\n- `bytes`");
    assert!(cards[4].1.ends_with("even when […]."), "{}", cards[4].1);
    assert!(cards[4].2.contains("**an exception is raised**"));
    // A code block in the question, and one opened on the `A:` line.
    assert!(cards[5].1.starts_with("What does this print?"));
    assert!(cards[5].2.contains("[3, 2, 1]") && bank.records[5].has_code);
    // Escaped brackets and the image are not deletions.
    assert!(
        cards[6].1.contains("from […] up to but not including b"),
        "{}",
        cards[6].1
    );
    assert!(cards[7].1.contains("including […]"));
    assert!(cards[6].1.contains("![diagram](slices.png)"));
    // A link's text is not a deletion: a plain card.
    assert_eq!(cards[8].0, CardKind::Basic);
    assert!(
        cards[8]
            .1
            .contains("[documentation](https://docs.python.org)")
    );
    // The deck name from the TOML front matter; the deletions of one note
    // are siblings.
    assert!(bank.records.iter().all(|r| r.section == "Python"));
    assert_eq!(bank.records[1].note, bank.records[2].note);
    assert_ne!(bank.records[1].note, bank.records[4].note);
    assert!(bank.records[0].note.is_none());
    // Siblings look alike but are never merged as one question.
    assert!(bank.clusters.is_empty(), "{:?}", bank.clusters);
}

mod common;

/// The deletions of one note are siblings: once one is answered, the others
/// wait for tomorrow (as the copies of a merged question do).
#[test]
fn a_cloze_notes_siblings_wait_for_tomorrow() {
    let data = tempfile::tempdir().unwrap();
    let deck = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/decks/hashcards/python.md"
    );
    let run = |now: &str, args: &[&str]| {
        let mut cmd = assert_cmd::Command::cargo_bin("pyquiz").unwrap();
        cmd.env("PYQUIZ_DATA_DIR", data.path())
            .env("PYQUIZ_NOW", now)
            .env("PYQUIZ_FUZZ", "0")
            .args(["--no-default-content", "--content", deck])
            .args(args);
        cmd
    };
    let today = "2026-03-02T09:00:00Z";
    let cards = common::json_output(&mut run(today, &["list", "--json"]));
    let cards = cards.as_array().unwrap();
    let (first, second) = (
        cards[1]["id"].as_str().unwrap(),
        cards[2]["id"].as_str().unwrap(),
    );
    assert_eq!(cards[1]["kind"], "cloze");
    assert_eq!(cards[1]["note"], cards[2]["note"]);
    assert!(cards[0].get("kind").is_none(), "a plain card names no kind");
    let queued = |now: &str| -> Vec<String> {
        let due = common::json_output(&mut run(now, &["due", "--json", "--order", "source"]));
        due["queue"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(queued(today).iter().any(|id| id == second));
    run(today, &["grade", first, "good"]).assert().success();
    assert!(
        !queued(today).iter().any(|id| id == second),
        "the sibling waits"
    );
    assert!(queued("2026-03-03T09:00:00Z").iter().any(|id| id == second));
}
