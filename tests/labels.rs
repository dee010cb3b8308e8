//! The hand-labelled sample of the built-in bank (tests/labels/builtin.json,
//! issue 15 §2-3): each record's right topics, the topics it may be filed
//! under first, the plausible difficulties, and why. Every seventh answered
//! record of `list --no-merge`, 122 in all; the even positions are the half
//! the rules were tuned on, the odd ones held out.
//!
//! The figures are printed (`cargo test --test labels -- --nocapture`) and
//! may not fall below what the rules reach now on the held-out half.

use std::collections::HashMap;

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

fn figures(labels: &[&Label], records: &HashMap<&str, &Record>) -> Figures {
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
            listed_ok += usize::from(l.topics.iter().any(|t| t == s));
        }
        if r.difficulty_source != pyquiz::bank::DifficultySource::Labeled {
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

#[test]
fn topics_and_difficulty_on_the_labelled_sample() {
    let labels: Vec<Label> =
        serde_json::from_str(include_str!("labels/builtin.json")).expect("labels parse");
    assert_eq!(labels.len(), 122);
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
    let bank = Bank::load(&LoadOptions::default()).unwrap();
    let records: HashMap<&str, &Record> = bank.records.iter().map(|r| (r.id.as_str(), r)).collect();
    let tuned: Vec<&Label> = labels.iter().step_by(2).collect();
    let held_out: Vec<&Label> = labels.iter().skip(1).step_by(2).collect();
    for (name, part) in [("tuned on", &tuned), ("held out", &held_out)] {
        let f = figures(part, &records);
        eprintln!(
            "{name} ({}): first topic right {:.1}%, listed topics right {:.1}%, inferred difficulty plausible {:.1}%",
            part.len(),
            100.0 * f.first,
            100.0 * f.listed,
            100.0 * f.inferred_difficulty
        );
    }
    let f = figures(&held_out, &records);
    assert!(f.first >= 0.96, "first topic {:.3}", f.first);
    assert!(f.listed >= 0.87, "listed topics {:.3}", f.listed);
    assert!(
        f.inferred_difficulty >= 0.64,
        "difficulty {:.3}",
        f.inferred_difficulty
    );
}
