//! Hand-labelled samples (issue 15 §2-3): each record's right topics, the
//! topics it may be filed under first, the plausible difficulties, and why.
//!
//! - tests/labels/builtin.json: 245 records of the built-in bank, those at
//!   positions 0 and 3 modulo 7 among the answered records of
//!   `list --no-merge`.
//! - tests/labels/devlovers.json: 60 records (every fourth) of a deck the
//!   rules were not written against, in a layout of its own
//!   (tests/fixtures/decks/devlovers, MIT licence, source named there).
//!
//! - tests/labels/difficulty_fresh.json: difficulty alone for 75 more
//!   records of the built-in bank (position 1 modulo 7, inferred
//!   difficulty), labelled after the difficulty rules were frozen, without
//!   seeing what they give: a held-out set none of the rules was tuned on.
//!
//! In the first two files the even positions are the half the rules were
//! tuned on,
//! the odd ones held out. The figures, with precision and recall per topic
//! on the held-out halves, are printed (`cargo test --test labels --
//! --nocapture`) and may not fall below what the rules reach now.

use std::collections::{BTreeMap, HashMap};

use pyquiz::bank::{Bank, LoadOptions, Record};
use serde::Deserialize;

#[derive(Deserialize)]
struct Label {
    id: String,
    question: String,
    topics: Vec<String>,
    first: Vec<String>,
    difficulty: Vec<String>,
    why: String,
}

struct Figures {
    first: f64,
    listed: f64,
    inferred_difficulty: f64,
}

/// Per topic: listed and right, listed and wrong, right and not listed.
type PerTopic = BTreeMap<String, [u32; 3]>;

fn figures(
    labels: &[&Label],
    records: &HashMap<&str, &Record>,
    per_topic: &mut PerTopic,
) -> Figures {
    let (mut first, mut listed, mut listed_ok) = (0, 0, 0);
    let (mut inferred, mut inferred_ok) = (0, 0);
    for l in labels {
        let r = records[l.id.as_str()];
        assert_eq!(
            r.question, l.question,
            "{}: the labelled question changed",
            l.id
        );
        let slugs: Vec<&str> = r.topics.iter().map(|t| t.slug()).collect();
        first += usize::from(l.first.iter().any(|f| f == slugs[0]));
        for s in &slugs {
            listed += 1;
            let right = l.topics.iter().any(|t| t == s);
            listed_ok += usize::from(right);
            per_topic.entry(s.to_string()).or_default()[usize::from(!right)] += 1;
        }
        for t in &l.topics {
            if !slugs.contains(&t.as_str()) {
                per_topic.entry(t.clone()).or_default()[2] += 1;
            }
        }
        if r.difficulty_source == pyquiz::bank::DifficultySource::Inferred {
            inferred += 1;
            inferred_ok += usize::from(l.difficulty.iter().any(|d| d == r.difficulty.as_str()));
        }
    }
    Figures {
        first: first as f64 / labels.len() as f64,
        listed: listed_ok as f64 / listed as f64,
        inferred_difficulty: inferred_ok as f64 / inferred.max(1) as f64,
    }
}

fn labels(json: &str, count: usize) -> Vec<Label> {
    let labels: Vec<Label> = serde_json::from_str(json).expect("labels parse");
    assert_eq!(labels.len(), count);
    let topics: Vec<&str> = pyquiz::bank::Topic::ALL.iter().map(|t| t.slug()).collect();
    for l in &labels {
        assert!(!l.why.is_empty(), "{}: a label needs its reason", l.id);
        for t in l.topics.iter().chain(&l.first) {
            assert!(topics.contains(&t.as_str()), "{}: unknown topic {t}", l.id);
        }
        assert!(l.first.iter().all(|f| l.topics.contains(f)), "{}", l.id);
        assert!(
            l.difficulty
                .iter()
                .all(|d| ["easy", "medium", "hard"].contains(&d.as_str())),
            "{}",
            l.id
        );
    }
    labels
}

/// Prints both halves' figures and returns the held-out half's.
fn measure(name: &str, labels: &[Label], bank: &Bank, per_topic: &mut PerTopic) -> Figures {
    let records: HashMap<&str, &Record> = bank.records.iter().map(|r| (r.id.as_str(), r)).collect();
    let tuned: Vec<&Label> = labels.iter().step_by(2).collect();
    let held_out: Vec<&Label> = labels.iter().skip(1).step_by(2).collect();
    figures(&tuned, &records, &mut PerTopic::new()).print(name, "tuned on", tuned.len());
    let f = figures(&held_out, &records, per_topic);
    f.print(name, "held out", held_out.len());
    f
}

impl Figures {
    fn print(&self, deck: &str, half: &str, n: usize) {
        eprintln!(
            "{deck}, {half} ({n}): first topic right {:.1}%, listed topics right {:.1}%, inferred difficulty plausible {:.1}%",
            100.0 * self.first,
            100.0 * self.listed,
            100.0 * self.inferred_difficulty
        );
    }
}

#[test]
fn topics_and_difficulty_on_the_labelled_samples() {
    let builtin = labels(include_str!("labels/builtin.json"), 245);
    let devlovers = labels(include_str!("labels/devlovers.json"), 60);
    let mut per_topic = PerTopic::new();
    let bank = Bank::load(&LoadOptions::default()).unwrap();
    let b = measure("built-in", &builtin, &bank, &mut per_topic);
    let deck = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/decks/devlovers/README.en.md"
    );
    let other = Bank::load(&LoadOptions {
        no_default_content: true,
        content: vec![deck.into()],
        ..LoadOptions::default()
    })
    .unwrap();
    let d = measure("devlovers", &devlovers, &other, &mut per_topic);
    eprintln!("held out, per topic (precision of listed, recall of labelled):");
    for (topic, [right, wrong, missed]) in &per_topic {
        eprintln!(
            "  {topic:22} precision {right}/{}  recall {right}/{}",
            right + wrong,
            right + missed
        );
    }
    assert!(b.first >= 0.98, "built-in first topic {:.3}", b.first);
    assert!(b.listed >= 0.98, "built-in listed topics {:.3}", b.listed);
    assert!(
        b.inferred_difficulty >= 0.86,
        "built-in difficulty {:.3}",
        b.inferred_difficulty
    );
    assert!(d.first >= 0.96, "devlovers first topic {:.3}", d.first);
    assert!(d.listed >= 0.96, "devlovers listed topics {:.3}", d.listed);
    assert!(
        d.inferred_difficulty >= 0.9,
        "devlovers difficulty {:.3}",
        d.inferred_difficulty
    );
}

#[derive(Deserialize)]
struct DifficultyLabel {
    id: String,
    question: String,
    difficulty: Vec<String>,
    why: String,
}

#[test]
fn inferred_difficulty_on_the_fresh_held_out_sample() {
    let labels: Vec<DifficultyLabel> =
        serde_json::from_str(include_str!("labels/difficulty_fresh.json")).expect("labels parse");
    assert_eq!(labels.len(), 75);
    let bank = Bank::load(&LoadOptions::default()).unwrap();
    let records: HashMap<&str, &Record> = bank.records.iter().map(|r| (r.id.as_str(), r)).collect();
    let mut plausible = 0;
    for l in &labels {
        assert!(!l.why.is_empty(), "{}: a label needs its reason", l.id);
        let r = records[l.id.as_str()];
        assert_eq!(r.question, l.question, "a labelled question changed");
        assert_eq!(
            r.difficulty_source,
            pyquiz::bank::DifficultySource::Inferred,
            "{}",
            l.id
        );
        if l.difficulty.iter().any(|d| d == r.difficulty.as_str()) {
            plausible += 1;
        } else {
            eprintln!(
                "  {} for {:?} ({})",
                r.difficulty.as_str(),
                l.question,
                l.why
            );
        }
    }
    let share = plausible as f64 / labels.len() as f64;
    eprintln!(
        "fresh held-out ({}): inferred difficulty plausible {:.1}%",
        labels.len(),
        100.0 * share
    );
    assert!(share >= 0.88, "fresh difficulty {share:.3}");
}
