//! Anki's "Notes in Plain Text" as a deck (issue 16 §1): a file Anki's own
//! backend exported (tests/fixtures/decks/anki/notes.txt, written by
//! tests/anki/export_notes.py; CI makes it again and checks it with
//! tests/anki/check_text_import.py), and pyquiz's own Anki export read
//! back: every note's HTML the same when exported again.

use pyquiz::bank::Bank;
use pyquiz::export::anki;

const NOTES: &str = include_str!("fixtures/decks/anki/notes.txt");

fn load(name: &str, text: &str) -> Bank {
    Bank::from_files([(name, text.as_bytes())]).expect("loads")
}

#[test]
fn a_file_anki_exported_reads_note_by_note() {
    let bank = load("notes.txt", NOTES);
    assert_eq!(bank.sources[0].layout, "anki-text");
    let cards: Vec<(&str, &str)> = bank
        .records
        .iter()
        .map(|r| (r.question.as_str(), r.answer.as_str()))
        .collect();
    // Six Basic notes, and two Cloze notes of two and one deletions.
    assert_eq!(cards.len(), 9, "{cards:#?}");
    assert_eq!(
        cards[0],
        (
            "What does `len([1, 2])` return?",
            "2\n\nIt counts the **items**."
        )
    );
    assert!(
        cards[1]
            .1
            .contains("```python\ndef gen():\n    yield 1\n    yield 2\n```")
    );
    assert!(bank.records[1].has_code);
    assert_eq!(cards[2].0, "What do `x < y` and `a && b` mean?");
    assert_eq!(cards[3].1, "- list\n- tuple\n- range");
    assert_eq!(
        cards[4].1,
        "| Type | Mutable |\n|---|---|\n| list | yes |\n| tuple | no |"
    );
    assert_eq!(cards[5].0, "A field with a tab and \"quotes\"");
    assert_eq!(cards[6].0, "A […] is mutable; a tuple is not.");
    assert_eq!(
        cards[7].0,
        "A list is mutable; a [immutable sequence] is not."
    );
    assert!(
        cards[7]
            .1
            .starts_with("A list is mutable; a **tuple** is not.")
    );
    assert!(cards[8].0.contains("[…]") && cards[8].1.contains("for i in range(3):"));
    // Deck and tags come through.
    assert_eq!(bank.records[1].section, "Python::Functions");
    assert_eq!(bank.records[0].tags, ["builtins", "python"]);
    // Each card its own id, stable across loads.
    let ids: std::collections::HashSet<&str> = bank.records.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids.len(), 9);
    let again = load("notes.txt", NOTES);
    assert!(
        bank.records
            .iter()
            .zip(&again.records)
            .all(|(a, b)| a.id == b.id)
    );
}

/// The HTML fields of an Anki text export, in order.
fn fields(export: &[u8]) -> Vec<(String, String)> {
    let text = std::str::from_utf8(export).unwrap();
    let body: String = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n");
    csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[1].to_string(), r[2].to_string())
        })
        .collect()
}

fn export(bank: &Bank) -> Vec<u8> {
    let records: Vec<&pyquiz::bank::Record> =
        bank.records.iter().filter(|r| r.has_answer).collect();
    let mut out = Vec::new();
    anki::write(&records, anki::DEFAULT_DECK, &mut out).unwrap();
    out
}

#[test]
fn the_built_in_deck_exported_to_anki_reads_back_the_same() {
    let bank = Bank::load(&pyquiz::bank::LoadOptions::default()).unwrap();
    let first = export(&bank);
    let back = load("deck.txt", std::str::from_utf8(&first).unwrap());
    let second = export(&back);
    let (a, b) = (fields(&first), fields(&second));
    assert!(a.len() > 800, "{} notes", a.len());
    assert_eq!(a.len(), b.len());
    // Whitespace between tags is all that may differ.
    let squash = |h: &str| {
        h.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .replace("> <", "><")
    };
    let differ: Vec<&str> = a
        .iter()
        .zip(&b)
        .filter(|(x, y)| squash(&x.0) != squash(&y.0) || squash(&x.1) != squash(&y.1))
        .map(|(x, _)| x.0.as_str())
        .collect();
    assert!(
        differ.is_empty(),
        "{} of {} notes changed, first: {:?}",
        differ.len(),
        a.len(),
        differ.first()
    );
}
