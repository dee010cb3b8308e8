//! Hostile input, bounded so CI stays quick: every adversarial shape at
//! 256 KB, and 300 mutations of the built-in documents (truncations, byte
//! flips, deleted fences, deep nesting, huge lines, NUL, invalid UTF-8,
//! lone CR, shuffles, splices), through ingestion and `pyquiz check`'s
//! report, under every layout forced as well as detected. Each gives
//! sound records or a clean error, never a panic. Speed and memory are in
//! benches/adversarial.rs.

mod common;

use common::adversarial::{Rng, SHAPES, mutate};
use pyquiz::bank::check::check;
use pyquiz::bank::content::EMBEDDED;
use pyquiz::bank::layout::LAYOUTS;
use pyquiz::bank::{Bank, Record};

fn sound(records: &[Record]) {
    for r in records {
        assert!(!r.id.is_empty());
        assert!(!r.question.trim().is_empty(), "{r:?}");
    }
}

fn ingest(name: &str, bytes: &[u8]) -> usize {
    match Bank::from_files([(name, bytes)]) {
        Ok(bank) => {
            sound(&bank.records);
            bank.records.len()
        }
        Err(e) => {
            assert!(!e.to_string().is_empty());
            0
        }
    }
}

#[test]
fn every_adversarial_shape_ingests_or_fails_cleanly() {
    for (name, make) in SHAPES {
        let bytes = make(256 << 10);
        let cards = ingest("hostile.md", &bytes);
        let report = check(name, &bytes, None);
        // What ingestion found, the report found too.
        assert!(cards == 0 || report.recognized(), "{name}");
        for layout in LAYOUTS {
            let _ = check(name, &bytes, Some(*layout));
        }
        eprintln!("{name}: {} KB, {cards} cards", bytes.len() >> 10);
    }
}

#[test]
fn mutations_of_the_built_in_documents_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut kinds = std::collections::BTreeMap::<&str, usize>::new();
    for case in 0..300 {
        let (file, seed) = EMBEDDED[case % EMBEDDED.len()];
        let (kind, bytes) = mutate(seed, &mut rng);
        *kinds.entry(kind).or_default() += 1;
        ingest(file, &bytes);
        let _ = check(file, &bytes, None);
        if case % 10 == 0 {
            let layout = LAYOUTS[rng.below(LAYOUTS.len())];
            let _ = check(file, &bytes, Some(layout));
        }
    }
    assert!(kinds.len() >= 9, "{kinds:?}");
    eprintln!("{kinds:?}");
}
