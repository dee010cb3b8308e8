//! `export --format csv`: one row per card, the record and its state.

use std::io::Write;

use crate::bank::Record;
use crate::store::Store;

const HEADER: [&str; 16] = [
    "id",
    "source",
    "difficulty",
    "topics",
    "question",
    "answer",
    "has_answer",
    "has_code",
    "state",
    "due",
    "stability",
    "fsrs_difficulty",
    "reps",
    "lapses",
    "suspended",
    "last_review",
];

pub fn write_csv(records: &[&Record], store: &Store, out: &mut dyn Write) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let row =
        |w: &mut csv::Writer<_>, fields: &[String]| w.write_record(fields).map_err(super::io_error);
    row(&mut w, &HEADER.map(String::from))?;
    let opt = |v: Option<String>| v.unwrap_or_default();
    for r in records {
        let card = store.card(&r.id);
        let topics: Vec<&str> = r.topics.iter().map(|t| t.slug()).collect();
        row(
            &mut w,
            &[
                r.id.clone(),
                r.source.clone(),
                r.difficulty.as_str().to_string(),
                topics.join(";"),
                r.question.clone(),
                r.answer.clone(),
                r.has_answer.to_string(),
                r.has_code.to_string(),
                card.map_or("new", |c| c.phase.name()).to_string(),
                opt(card.and_then(|c| c.due).map(|d| d.to_string())),
                opt(card.and_then(|c| c.stability).map(|s| s.to_string())),
                opt(card.and_then(|c| c.difficulty).map(|d| d.to_string())),
                card.map_or(0, |c| c.reps).to_string(),
                card.map_or(0, |c| c.lapses).to_string(),
                card.is_some_and(|c| c.suspended).to_string(),
                opt(card.and_then(|c| c.last_review).map(|d| d.to_string())),
            ],
        )?;
    }
    w.flush()
}
