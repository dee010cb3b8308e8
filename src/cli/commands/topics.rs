//! `pyquiz topics`: every topic with its counts per difficulty.

use std::io::Write;

use serde::Serialize;

use crate::bank::{Bank, Difficulty, Filter, Topic};
use crate::cli::args::FilterArgs;
use crate::cli::env::Env;
use crate::cli::error::CliError;

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct TopicCount {
    pub topic: &'static str,
    pub title: &'static str,
    pub easy: usize,
    pub medium: usize,
    pub hard: usize,
    pub total: usize,
}

/// Counts per topic over the filtered records. A record with several
/// topics counts once in each.
pub fn count(bank: &Bank, filter: &Filter) -> Vec<TopicCount> {
    Topic::ALL
        .iter()
        .map(|&topic| {
            let mut c = TopicCount {
                topic: topic.slug(),
                title: topic.title(),
                easy: 0,
                medium: 0,
                hard: 0,
                total: 0,
            };
            for r in bank.filtered(filter).filter(|r| r.topics.contains(&topic)) {
                match r.difficulty {
                    Difficulty::Easy => c.easy += 1,
                    Difficulty::Medium => c.medium += 1,
                    Difficulty::Hard => c.hard += 1,
                }
                c.total += 1;
            }
            c
        })
        .collect()
}

pub fn run(
    env: &mut Env,
    filter: &FilterArgs,
    json: bool,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let filter = &env.filter(filter)?;
    let bank: &Bank = &env.bank;
    let counts = count(bank, filter);
    if json {
        serde_json::to_writer_pretty(&mut *out, &counts)?;
        writeln!(out)?;
        return Ok(());
    }
    let questions = bank.filtered(filter).count();
    writeln!(
        out,
        "{:<22} {:>5} {:>7} {:>5} {:>6}  TITLE",
        "TOPIC", "EASY", "MEDIUM", "HARD", "TOTAL"
    )?;
    for c in &counts {
        writeln!(
            out,
            "{:<22} {:>5} {:>7} {:>5} {:>6}  {}",
            c.topic, c.easy, c.medium, c.hard, c.total, c.title
        )?;
    }
    writeln!(
        out,
        "{questions} questions; a question with several topics counts in each."
    )?;
    Ok(())
}
