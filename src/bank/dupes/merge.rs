//! Turning a cluster into one card, and sharing difficulty labels within it.

use super::Cluster;
use crate::bank::model::{DifficultySource, Member, Record};
use crate::bank::text::Trim;
use crate::bank::{Difficulty, Topic};

/// How well a question is phrased, higher is better: a question ending in
/// `?` beats a bare title ("Closures"), one question beats two run together
/// ("What is X? How do you use it?"), sentence case beats Title Case, and
/// length near a typical question's (about 50 characters) wins ties.
pub fn phrasing_score(question: &str) -> i32 {
    let q = question.trim_ws();
    let mut score = 0;
    if q.ends_with('?') {
        score += 6;
    }
    if q.matches('?').count() > 1 {
        score -= 4;
    }
    if q.contains(" - ") {
        score -= 2;
    }
    let words: Vec<&str> = q.split_whitespace().collect();
    let capitalised = words
        .iter()
        .skip(1)
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    if words.len() >= 4 && capitalised * 2 > words.len() {
        score -= 2;
    }
    score - (q.chars().count() as i32 - 50).abs() / 20
}

/// How much an answer gives: its length, with code worth more.
pub fn richness(r: &Record) -> usize {
    r.answer.len() + if r.has_code { 600 } else { 0 }
}

/// The label most labeled members carry (the harder on a tie).
fn consensus(records: &[Record], cluster: &Cluster) -> Option<Difficulty> {
    let mut counts = [0usize; 3];
    for m in &cluster.members {
        let r = &records[m.index];
        if r.difficulty_source == DifficultySource::Labeled {
            counts[r.difficulty as usize] += 1;
        }
    }
    let best = (0..3).rev().max_by_key(|&d| (counts[d], d))?;
    (counts[best] > 0).then(|| Difficulty::ALL[best])
}

/// An unlabeled member takes the label of its cluster's labeled members
/// (`difficulty_source: cluster`), before anything is inferred from its
/// section name or wording.
pub fn propagate_difficulty(records: &mut [Record], clusters: &[Cluster]) {
    for cluster in clusters {
        let Some(label) = consensus(records, cluster) else {
            continue;
        };
        for m in &cluster.members {
            let r = &mut records[m.index];
            if r.difficulty_source == DifficultySource::Inferred {
                r.difficulty = label;
                r.difficulty_source = DifficultySource::Cluster;
            }
        }
    }
}

/// Replaces each cluster's members by one card, placed where its first
/// member was: the question as its best-phrased member asks it, the richest
/// answer first and the others in `members`. The card's id is its
/// best-phrased member's id (the store may keep an older one; see
/// `Store::merged_keys`).
pub fn merge(records: Vec<Record>, clusters: &[Cluster]) -> Vec<Record> {
    let mut cluster_of: Vec<Option<usize>> = vec![None; records.len()];
    for (c, cluster) in clusters.iter().enumerate() {
        for m in &cluster.members {
            cluster_of[m.index] = Some(c);
        }
    }
    let mut merged: Vec<Option<Record>> = clusters
        .iter()
        .map(|cluster| Some(merged_card(&records, cluster)))
        .collect();
    let mut out = Vec::with_capacity(records.len());
    for (i, record) in records.into_iter().enumerate() {
        match cluster_of[i] {
            None => out.push(record),
            Some(c) => {
                if let Some(card) = merged[c].take() {
                    out.push(card);
                }
            }
        }
    }
    out
}

/// The member (position in `cluster.members`) whose question is best
/// phrased; the earlier member on a tie.
pub fn best_phrased(records: &[Record], cluster: &Cluster) -> usize {
    (0..cluster.members.len())
        .max_by_key(|&i| {
            let question = &records[cluster.members[i].index].question;
            (phrasing_score(question), std::cmp::Reverse(i))
        })
        .unwrap_or(0)
}

fn merged_card(records: &[Record], cluster: &Cluster) -> Record {
    let member = |i: usize| &records[cluster.members[i].index];
    let n = cluster.members.len();
    let phrased = best_phrased(records, cluster);
    // Answers, richest first.
    let mut by_richness: Vec<usize> = (0..n).collect();
    by_richness.sort_by_key(|&i| (std::cmp::Reverse(richness(member(i))), i));
    let richest = member(by_richness[0]);
    let (difficulty, difficulty_source) = match consensus(records, cluster) {
        Some(d) => (d, DifficultySource::Labeled),
        None => (
            member(phrased).difficulty,
            member(phrased).difficulty_source,
        ),
    };
    // Topics most members share, at most three.
    let mut topics: Vec<(usize, usize, Topic)> = Vec::new();
    for (order, topic) in by_richness
        .iter()
        .flat_map(|&i| member(i).topics.iter().copied())
        .enumerate()
    {
        match topics.iter_mut().find(|(_, _, t)| *t == topic) {
            Some((count, _, _)) => *count += 1,
            None => topics.push((1, order, topic)),
        }
    }
    topics.sort_by_key(|&(count, order, _)| (std::cmp::Reverse(count), order));
    let union = |field: fn(&Record) -> &Vec<String>| {
        let mut all: Vec<String> = Vec::new();
        for &i in &by_richness {
            for v in field(member(i)) {
                if !all.iter().any(|a| a.eq_ignore_ascii_case(v)) {
                    all.push(v.clone());
                }
            }
        }
        all
    };
    Record {
        id: member(phrased).id.clone(),
        source: richest.source.clone(),
        question: member(phrased).question.clone(),
        answer: richest.answer.clone(),
        has_answer: true,
        has_code: richest.has_code,
        difficulty,
        difficulty_source,
        topics: topics.into_iter().take(3).map(|(_, _, t)| t).collect(),
        section: richest.section.clone(),
        tags: union(|r| &r.tags),
        asked_by: union(|r| &r.asked_by),
        line: richest.line,
        cluster: Some(cluster.id.clone()),
        kind: member(phrased).kind,
        note: member(phrased).note.clone(),
        members: by_richness
            .iter()
            .map(|&i| {
                let r = member(i);
                Member {
                    id: r.id.clone(),
                    source: r.source.clone(),
                    question: r.question.clone(),
                    answer: r.answer.clone(),
                    has_code: r.has_code,
                    difficulty: r.difficulty,
                    difficulty_source: r.difficulty_source,
                    similarity: cluster.members[i].similarity,
                }
            })
            .collect(),
    }
}
