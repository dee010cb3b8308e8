//! The same question asked by several sources: found conservatively and
//! studied as one card.
//!
//! Each answered question becomes a set of content tokens (see `tokens`).
//! Two questions are similar when the weighted Jaccard similarity of their
//! tokens is at least [`THRESHOLD`]. Clusters grow by complete linkage: two
//! groups join only if *every* pair across them is similar, so a middle
//! question never chains two unrelated ones together. A source that asks a
//! question twice (in two series, say) is merged like two sources asking
//! it; prompt-only entries are left out.

mod merge;
mod tokens;

pub use merge::{best_phrased, merge, phrasing_score, propagate_difficulty, richness};
pub use tokens::tokens;

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::model::Record;

/// Least similarity (0 to 1) at which two questions are the same question.
pub const THRESHOLD: f32 = 0.8;

/// One member of a cluster.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClusterMember {
    /// Index into the bank's records as loaded (before merging).
    #[serde(skip)]
    pub index: usize,
    pub id: String,
    /// The similarity of the link that joined it to the cluster, and the
    /// member it joined through (`None` for the first member).
    pub similarity: Option<f32>,
    pub joined: Option<String>,
    /// The tokens both questions of that link share.
    pub shared: Vec<String>,
}

/// Questions that are one question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cluster {
    /// Stable while the members are the same: a hash of their ids.
    pub id: String,
    /// In bank order.
    pub members: Vec<ClusterMember>,
}

struct Candidate {
    index: usize,
    source: u32,
    tokens: Vec<u32>,
    /// Scoped to Python itself (`tokens::IN_PYTHON`).
    in_python: bool,
}

/// The weighted Jaccard similarity of two questions' tokens.
fn similarity(a: &Candidate, b: &Candidate, weights: &[f32]) -> f32 {
    let (a, b) = (&a.tokens, &b.tokens);
    let (mut i, mut j, mut shared) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += weights[a[i] as usize];
                i += 1;
                j += 1;
            }
        }
    }
    let total = |t: &[u32]| t.iter().map(|&t| weights[t as usize]).sum::<f32>();
    let union = total(a) + total(b) - shared;
    if union > 0.0 { shared / union } else { 0.0 }
}

/// The pairs of `members` (indices into `candidates`) whose similarity
/// under `weights` is at least [`THRESHOLD`], as (similarity, c, d) with
/// c < d.
///
/// Prefix filter (as in all-pairs similarity joins): order every token by
/// rarity (how many questions hold it, then its id), the same order for
/// all questions. A question's prefix is its rarest tokens up to the point
/// where the rest weigh less than THRESHOLD of it. Two questions with
/// similarity >= THRESHOLD share at least THRESHOLD of each one's weight,
/// so the rarest token they share lies in both prefixes. Only prefix tokens
/// are indexed and probed: a token common to thousands of questions sits in
/// few prefixes, which keeps the work near linear.
fn similar_pairs(
    candidates: &[Candidate],
    members: &[usize],
    weights: &[f32],
    df: &[u32],
) -> Vec<(f32, u32, u32)> {
    let rarity = |t: &u32| (df[*t as usize], *t);
    let total = |c: usize| -> f32 {
        candidates[c]
            .tokens
            .iter()
            .map(|&t| weights[t as usize])
            .sum()
    };
    let totals: Vec<f32> = members.iter().map(|&c| total(c)).collect();
    let prefixes: Vec<Vec<u32>> = members
        .iter()
        .zip(&totals)
        .map(|(&c, &all)| {
            let mut by_rarity = candidates[c].tokens.clone();
            by_rarity.sort_unstable_by_key(rarity);
            let mut rest = all;
            let mut len = 0;
            for &t in &by_rarity {
                if rest < THRESHOLD * all {
                    break;
                }
                rest -= weights[t as usize];
                len += 1;
            }
            by_rarity.truncate(len);
            by_rarity
        })
        .collect();
    // Postings of prefix tokens: members in order, so that a question skips
    // earlier ones by binary search instead of looking at each.
    let mut starts = vec![0u32; weights.len() + 1];
    for prefix in &prefixes {
        for &t in prefix {
            starts[t as usize + 1] += 1;
        }
    }
    for t in 0..weights.len() {
        starts[t + 1] += starts[t];
    }
    let mut filled = starts.clone();
    let mut holders = vec![0u32; starts[weights.len()] as usize];
    for (m, prefix) in prefixes.iter().enumerate() {
        for &t in prefix {
            holders[filled[t as usize] as usize] = m as u32;
            filled[t as usize] += 1;
        }
    }
    let postings = |t: u32| &holders[starts[t as usize] as usize..starts[t as usize + 1] as usize];
    let mut pairs = Vec::new();
    let mut looked = vec![u32::MAX; members.len()];
    for m in 0..members.len() {
        for &t in &prefixes[m] {
            let list = postings(t);
            let from = list.partition_point(|&h| h as usize <= m);
            for &n in &list[from..] {
                let n = n as usize;
                if looked[n] == m as u32 {
                    continue;
                }
                looked[n] = m as u32;
                let (a, b) = (totals[m], totals[n]);
                if a.min(b) < THRESHOLD * a.max(b) {
                    continue;
                }
                let (c, d) = (members[m], members[n]);
                let s = similarity(&candidates[c], &candidates[d], weights);
                if s >= THRESHOLD {
                    pairs.push((s, c.min(d) as u32, c.max(d) as u32));
                }
            }
        }
    }
    pairs
}

/// The content tokens of each record's question (none for a prompt-only
/// entry, which is never merged), for [`find`]. Ingestion makes them on
/// the thread that parsed the file.
pub fn record_tokens(records: &[Record]) -> Vec<Vec<String>> {
    records
        .iter()
        .map(|r| {
            if r.has_answer {
                tokens(&r.question)
            } else {
                Vec::new()
            }
        })
        .collect()
}

/// Finds the clusters of the bank's answered questions, given each
/// record's [`record_tokens`].
pub fn find(records: &[Record], record_tokens: &[Vec<String>]) -> Vec<Cluster> {
    let mut vocabulary: FxHashMap<&str, u32> = FxHashMap::default();
    let mut weights: Vec<f32> = Vec::new();
    let mut words: Vec<&str> = Vec::new();
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut sources: FxHashMap<&str, u32> = FxHashMap::default();
    let mut ids: Vec<u32> = Vec::new();
    for (index, r) in records.iter().enumerate().filter(|(_, r)| r.has_answer) {
        ids.clear();
        let mut in_python = false;
        for t in record_tokens.get(index).into_iter().flatten() {
            if t == tokens::IN_PYTHON {
                in_python = true;
                continue;
            }
            let id = match vocabulary.get(t.as_str()) {
                Some(&id) => id,
                None => {
                    let id = weights.len() as u32;
                    weights.push(tokens::weight(t));
                    words.push(t);
                    vocabulary.insert(t, id);
                    id
                }
            };
            ids.push(id);
        }
        if ids.is_empty() {
            continue;
        }
        ids.sort_unstable();
        ids.dedup();
        let next = sources.len() as u32;
        let source = *sources.entry(r.source.as_str()).or_insert(next);
        candidates.push(Candidate {
            index,
            source,
            tokens: ids.clone(),
            in_python,
        });
    }

    if candidates.len() < 2 {
        return Vec::new();
    }

    let mut df = vec![0u32; weights.len()];
    for candidate in &candidates {
        for &t in &candidate.tokens {
            df[t as usize] += 1;
        }
    }
    let all: Vec<usize> = (0..candidates.len()).collect();
    let mut pairs = similar_pairs(&candidates, &all, &weights, &df);

    // Within one source, a token that a tenth of its questions hold is the
    // source's context (notes on FastAPI say "in FastAPI" everywhere): it
    // counts as little as a weak word there, so "How to enable CORS in
    // FastAPI?" and "How to enable CORS?" from one file are one question,
    // while another source's "What is type hinting?" stays apart from "How
    // does FastAPI use type hints?". A question scoped to Python itself
    // asks about the language, not the context ("What is dependency
    // injection in Python?" beside "... in FastAPI"): it is compared with
    // plain weights only.
    // Each source's candidates, in one pass (a directory may hold many
    // files).
    let mut by_source: Vec<Vec<usize>> = vec![Vec::new(); sources.len()];
    for (c, candidate) in candidates.iter().enumerate() {
        if !candidate.in_python {
            by_source[candidate.source as usize].push(c);
        }
    }
    let mut source_weights: Vec<Option<Vec<f32>>> = vec![None; sources.len()];
    for (members, context) in by_source.iter().zip(source_weights.iter_mut()) {
        let mut held: FxHashMap<u32, u32> = FxHashMap::default();
        for &c in members {
            for &t in &candidates[c].tokens {
                *held.entry(t).or_default() += 1;
            }
        }
        let least = (members.len() / 10).max(20) as u32;
        let common: Vec<u32> = held
            .iter()
            .filter(|&(&t, &n)| n > least && words[t as usize] != tokens::DO)
            .map(|(&t, _)| t)
            .collect();
        if common.is_empty() {
            continue;
        }
        let mut own = weights.clone();
        for t in common {
            own[t as usize] = own[t as usize].min(tokens::WEAK_WEIGHT);
        }
        pairs.extend(similar_pairs(&candidates, members, &own, &df));
        *context = Some(own);
    }
    // The similarity of two candidates: under their source's context
    // weights when they share a source, else the plain ones.
    let pair_similarity = |x: usize, y: usize| -> f32 {
        let (a, b) = (&candidates[x], &candidates[y]);
        let plain = similarity(a, b, &weights);
        match &source_weights[a.source as usize] {
            Some(own) if a.source == b.source && !a.in_python && !b.in_python => {
                plain.max(similarity(a, b, own))
            }
            _ => plain,
        }
    };
    // The deletions of one cloze note are different cards by design: never
    // the same question.
    let siblings = |x: usize, y: usize| {
        let (a, b) = (&records[candidates[x].index], &records[candidates[y].index]);
        a.note.is_some() && a.note == b.note
    };
    pairs.retain(|&(_, c, d)| !siblings(c as usize, d as usize));
    // A pair both joins found once, at its higher similarity.
    pairs.sort_by(|x, y| x.1.cmp(&y.1).then(x.2.cmp(&y.2)).then(y.0.total_cmp(&x.0)));
    pairs.dedup_by(|later, kept| later.1 == kept.1 && later.2 == kept.2);
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));

    // Complete linkage.
    let mut group_of: Vec<usize> = (0..candidates.len()).collect();
    let mut groups: Vec<Vec<usize>> = (0..candidates.len()).map(|c| vec![c]).collect();
    let mut links: Vec<Vec<(usize, usize, f32)>> = vec![Vec::new(); candidates.len()];
    for &(s, c, d) in &pairs {
        let (a, b) = (group_of[c as usize], group_of[d as usize]);
        if a == b {
            continue;
        }
        let all_similar = groups[a].iter().all(|&x| {
            groups[b]
                .iter()
                .all(|&y| !siblings(x, y) && pair_similarity(x, y) >= THRESHOLD)
        });
        if !all_similar {
            continue;
        }
        let (keep, gone) = (a.min(b), a.max(b));
        let moved = std::mem::take(&mut groups[gone]);
        for &x in &moved {
            group_of[x] = keep;
        }
        groups[keep].extend(moved);
        let moved_links = std::mem::take(&mut links[gone]);
        links[keep].extend(moved_links);
        links[keep].push((c as usize, d as usize, s));
    }

    let mut clusters: Vec<Cluster> = Vec::new();
    for (g, group) in groups.iter().enumerate() {
        if group.len() < 2 {
            continue;
        }
        let mut members: Vec<usize> = group.clone();
        members.sort_by_key(|&c| candidates[c].index);
        let first = members[0];
        let shared_words = |x: usize, y: usize| -> Vec<String> {
            candidates[x]
                .tokens
                .iter()
                .filter(|t| candidates[y].tokens.binary_search(t).is_ok())
                .map(|&t| words[t as usize].to_string())
                .collect::<std::collections::BTreeSet<String>>()
                .into_iter()
                .collect()
        };
        let cluster_members: Vec<ClusterMember> = members
            .iter()
            .map(|&c| {
                // The strongest link from this member to one before it.
                let link = links[g]
                    .iter()
                    .filter_map(|&(x, y, s)| {
                        let other = if x == c {
                            y
                        } else if y == c {
                            x
                        } else {
                            return None;
                        };
                        (candidates[other].index < candidates[c].index).then_some((other, s))
                    })
                    .max_by(|p, q| p.1.total_cmp(&q.1));
                let link = link.or_else(|| {
                    // Joined through a later member: name the strongest link.
                    (c != first).then(|| (first, pair_similarity(c, first)))
                });
                ClusterMember {
                    index: candidates[c].index,
                    id: records[candidates[c].index].id.clone(),
                    similarity: link.map(|(_, s)| (s * 100.0).round() / 100.0),
                    joined: link.map(|(o, _)| records[candidates[o].index].id.clone()),
                    shared: link.map(|(o, _)| shared_words(c, o)).unwrap_or_default(),
                }
            })
            .collect();
        let key: Vec<&str> = cluster_members.iter().map(|m| m.id.as_str()).collect();
        let hash = super::id::fnv1a(key.join("\0").bytes());
        clusters.push(Cluster {
            id: format!("c{:011x}", hash >> 20),
            members: cluster_members,
        });
    }
    clusters.sort_by_key(|c| c.members[0].index);
    clusters
}
