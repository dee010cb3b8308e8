//! `pyquiz dupes`: every cluster of questions that several sources ask, with
//! its members, their sources and the similarity that joined each.

use std::io::Write;

use serde::Serialize;

use crate::bank::Bank;
use crate::bank::dupes::{THRESHOLD, best_phrased};
use crate::cli::args::FilterArgs;
use crate::cli::env::Env;
use crate::cli::error::CliError;

#[derive(Serialize)]
struct ClusterOut<'a> {
    cluster: &'a str,
    /// The merged card's question.
    question: &'a str,
    members: Vec<MemberOut<'a>>,
}

#[derive(Serialize)]
struct MemberOut<'a> {
    id: &'a str,
    source: &'a str,
    question: &'a str,
    /// The similarity that joined it, and the member it joined.
    similarity: Option<f32>,
    joined: Option<&'a str>,
    shared_tokens: &'a [String],
}

/// `bank` must not be merged yet: clusters are shown member by member.
pub fn run(
    env: &mut Env,
    filter: &FilterArgs,
    json: bool,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let filter = &env.filter(filter)?;
    let bank: &Bank = &env.bank;
    let clusters: Vec<ClusterOut> = bank
        .clusters
        .iter()
        .filter(|c| {
            c.members
                .iter()
                .any(|m| filter.matches(&bank.records[m.index]))
        })
        .map(|c| ClusterOut {
            cluster: &c.id,
            question: &bank.records[c.members[best_phrased(&bank.records, c)].index].question,
            members: c
                .members
                .iter()
                .map(|m| {
                    let r = &bank.records[m.index];
                    MemberOut {
                        id: &r.id,
                        source: &r.source,
                        question: &r.question,
                        similarity: m.similarity,
                        joined: m.joined.as_deref(),
                        shared_tokens: &m.shared,
                    }
                })
                .collect(),
        })
        .collect();
    if json {
        serde_json::to_writer_pretty(&mut *out, &clusters)?;
        writeln!(out)?;
        return Ok(());
    }
    for c in &clusters {
        writeln!(out, "{}  {}", c.cluster, c.question)?;
        for m in &c.members {
            let link = match (m.similarity, m.joined) {
                (Some(s), Some(j)) => {
                    format!("{s:.2} with {j} on {}", m.shared_tokens.join(", "))
                }
                _ => "first".to_string(),
            };
            writeln!(out, "  {}  {:<34} {}", m.id, m.source, m.question)?;
            writeln!(out, "  {:12}  joined: {link}", "")?;
        }
        writeln!(out)?;
    }
    let members: usize = clusters.iter().map(|c| c.members.len()).sum();
    writeln!(
        out,
        "{} clusters of {members} questions (similarity >= {THRESHOLD}); each is studied as one card unless --no-merge.",
        clusters.len()
    )?;
    Ok(())
}
