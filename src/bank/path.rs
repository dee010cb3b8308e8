//! The learning path: the order new cards are introduced in by default.
//!
//! Each card gets a stage from its difficulty and its first topic's tier:
//! easy before medium before hard, and foundations (basics, data
//! structures, strings, functions, classes, errors) before the everyday
//! library and tooling topics, before internals, concurrency, async,
//! performance, the web, databases, security and system design. Stage =
//! difficulty (0-2) + tier (0-2), so an easy card on internals comes with
//! the medium foundations, and a hard internals card last. Within a stage
//! each topic's cards are spread evenly over it (in source order inside a
//! topic), so a day's new cards mix the stage's topics in proportion and
//! are never all about one thing while others are left.

use super::{Difficulty, Record, Topic};

/// How far into the path a topic sits: 0 foundations, 1 the everyday
/// library and tooling, 2 internals, concurrency and systems.
pub fn tier(topic: Topic) -> u8 {
    match topic {
        Topic::Basics
        | Topic::DataStructures
        | Topic::Strings
        | Topic::Functions
        | Topic::Oop
        | Topic::ErrorHandling => 0,
        Topic::IteratorsGenerators
        | Topic::DecoratorsClosures
        | Topic::FilesIo
        | Topic::ModulesPackaging
        | Topic::Stdlib
        | Topic::Typing
        | Topic::TestingDebugging
        | Topic::DesignPatterns
        | Topic::CodingProblems
        | Topic::DataScience
        | Topic::Networking
        | Topic::Tooling => 1,
        Topic::Concurrency
        | Topic::Async
        | Topic::MemoryInternals
        | Topic::Performance
        | Topic::WebFastapi
        | Topic::Databases
        | Topic::Security
        | Topic::SystemDesign => 2,
    }
}

fn stage(record: &Record) -> u8 {
    let difficulty = match record.difficulty {
        Difficulty::Easy => 0,
        Difficulty::Medium => 1,
        Difficulty::Hard => 2,
    };
    let tier = record.topics.first().map_or(1, |&t| tier(t));
    difficulty + tier
}

/// The positions of `records` in learning-path order (a permutation of
/// `0..records.len()`). Linear in the records but for one sort.
pub fn order<R: AsRef<Record>>(records: &[R]) -> Vec<usize> {
    // (stage, topic tier, topic) groups, each in source order.
    let mut groups: std::collections::BTreeMap<(u8, u8, Option<Topic>), Vec<usize>> =
        Default::default();
    for (i, r) in records.iter().enumerate() {
        let r = r.as_ref();
        let topic = r.topics.first().copied();
        groups
            .entry((stage(r), topic.map_or(1, tier), topic))
            .or_default()
            .push(i);
    }
    let mut out = Vec::with_capacity(records.len());
    let mut stages: Vec<(u8, Vec<Vec<usize>>)> = Vec::new();
    for ((stage, _, _), members) in groups {
        match stages.last_mut() {
            Some((s, lists)) if *s == stage => lists.push(members),
            _ => stages.push((stage, vec![members])),
        }
    }
    for (_, lists) in stages {
        // Each topic's cards spread evenly over the stage: the k-th of n
        // sits at (k + 1/2) / n of the way through it. A large topic is
        // then spread over the whole stage instead of filling its end, as
        // taking turns did once the small topics ran out.
        // (place, topic size, topic, card): on a tie the smaller topic
        // goes first, so a large one does not come twice in a row.
        let mut placed: Vec<(u64, u64, usize, usize)> = Vec::new();
        for (g, list) in lists.iter().enumerate() {
            let n = list.len() as u64;
            for (k, &i) in list.iter().enumerate() {
                // (2k + 1) / 2n, scaled to an integer, exact for any n.
                let at = ((2 * k as u64 + 1) << 32) / (2 * n);
                placed.push((at, n, g, i));
            }
        }
        placed.sort_unstable();
        out.extend(placed.into_iter().map(|(_, _, _, i)| i));
    }
    out
}

/// `records` rearranged in learning-path order (see [`order`]).
pub fn arrange<R: AsRef<Record>>(records: Vec<R>) -> Vec<R> {
    let positions = order(&records);
    let mut slots: Vec<Option<R>> = records.into_iter().map(Some).collect();
    positions
        .into_iter()
        .filter_map(|i| slots[i].take())
        .collect()
}

impl AsRef<Record> for Record {
    fn as_ref(&self) -> &Record {
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: &str, difficulty: Difficulty, topic: Topic) -> Record {
        Record {
            id: id.into(),
            source: "s.md".into(),
            question: id.into(),
            answer: "a".into(),
            has_answer: true,
            has_code: false,
            difficulty,
            difficulty_source: crate::bank::DifficultySource::Labeled,
            topics: vec![topic],
            section: String::new(),
            tags: Vec::new(),
            asked_by: Vec::new(),
            line: 1,
            cluster: None,
            kind: Default::default(),
            note: None,
            members: Vec::new(),
        }
    }

    #[test]
    fn easy_foundations_first_hard_internals_last_topics_spread_out() {
        use Difficulty::*;
        let records = vec![
            record("gil", Hard, Topic::Concurrency),
            record("event-loop", Medium, Topic::Async),
            record("list", Easy, Topic::DataStructures),
            record("dict", Easy, Topic::DataStructures),
            record("tuple", Easy, Topic::DataStructures),
            record("def", Easy, Topic::Functions),
            record("class", Easy, Topic::Oop),
            record("with", Medium, Topic::ErrorHandling),
            record("yield", Easy, Topic::IteratorsGenerators),
            record("asyncio-run", Easy, Topic::Async),
        ];
        let order: Vec<&str> = order(&records)
            .into_iter()
            .map(|i| records[i].id.as_str())
            .collect();
        assert_eq!(
            order,
            [
                // Stage 0: easy foundations, each topic spread over it.
                "list",
                "def",
                "class",
                "dict",
                "tuple",
                // Stage 1: medium foundations and easy everyday topics.
                "with",
                "yield",
                // Stage 2: easy internals-tier, then medium everyday.
                "asyncio-run",
                // Stage 3: medium async; stage 4: hard concurrency.
                "event-loop",
                "gil",
            ]
        );
        let mut sorted = super::order(&records);
        sorted.sort();
        assert_eq!(sorted, (0..records.len()).collect::<Vec<_>>());
    }
}
