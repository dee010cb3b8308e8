//! The same question asked by several sources: found conservatively and
//! studied as one card.
//!
//! Each answered question becomes a set of content tokens (see `tokens`).
//! Two questions from different sources are similar when the weighted
//! Jaccard similarity of their tokens is at least [`THRESHOLD`]. Clusters
//! grow by complete linkage: two groups join only if *every* pair across
//! them is similar and no source would appear twice, so a middle question
//! never chains two unrelated ones together. A question asked twice in one
//! file stays two cards (the bank's ruling); prompt-only entries are left
//! out.

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
    total: f32,
}

/// Weighted Jaccard similarity of two sorted token lists.
fn similarity(a: &Candidate, b: &Candidate, weights: &[f32]) -> f32 {
    let (mut i, mut j, mut shared) = (0, 0, 0.0);
    while i < a.tokens.len() && j < b.tokens.len() {
        match a.tokens[i].cmp(&b.tokens[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += weights[a.tokens[i] as usize];
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.total + b.total - shared;
    if union > 0.0 { shared / union } else { 0.0 }
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
    let mut sources: FxHashMap<&str, u32> = FxHashMap::default();
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut ids: Vec<u32> = Vec::new();
    for (index, r) in records.iter().enumerate().filter(|(_, r)| r.has_answer) {
        ids.clear();
        for t in record_tokens.get(index).into_iter().flatten() {
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
        let total = ids.iter().map(|&t| weights[t as usize]).sum();
        candidates.push(Candidate {
            index,
            source,
            tokens: ids.clone(),
            total,
        });
    }

    // Questions of one source are never merged: with fewer than two
    // sources there is nothing to compare.
    if sources.len() < 2 {
        return Vec::new();
    }

    // Prefix filter (as in all-pairs similarity joins): order every token
    // by rarity (how many questions hold it, then its id), the same order
    // for all questions. A question's prefix is its rarest tokens up to the
    // point where the rest weigh less than THRESHOLD of it. Two questions
    // with similarity >= THRESHOLD share at least THRESHOLD of each one's
    // weight, so the rarest token they share lies in both prefixes. Only
    // prefix tokens are indexed and probed: a token common to thousands of
    // questions sits in few prefixes, which keeps the work near linear.
    let mut df = vec![0u32; weights.len()];
    for candidate in &candidates {
        for &t in &candidate.tokens {
            df[t as usize] += 1;
        }
    }
    let rarity = |t: &u32| (df[*t as usize], *t);
    let prefixes: Vec<Vec<u32>> = candidates
        .iter()
        .map(|a| {
            let mut by_rarity = a.tokens.clone();
            by_rarity.sort_unstable_by_key(rarity);
            let mut rest = a.total;
            let mut len = 0;
            for &t in &by_rarity {
                if rest < THRESHOLD * a.total {
                    break;
                }
                rest -= weights[t as usize];
                len += 1;
            }
            by_rarity.truncate(len);
            by_rarity
        })
        .collect();
    // Postings of prefix tokens: (source, candidate), sorted, so that a
    // question skips its own source's holders and earlier questions by
    // binary search instead of looking at each.
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
    let mut holders = vec![(0u32, 0u32); starts[weights.len()] as usize];
    for (c, prefix) in prefixes.iter().enumerate() {
        for &t in prefix {
            holders[filled[t as usize] as usize] = (candidates[c].source, c as u32);
            filled[t as usize] += 1;
        }
    }
    for t in 0..weights.len() {
        holders[starts[t] as usize..starts[t + 1] as usize].sort_unstable();
    }
    let postings = |t: u32| &holders[starts[t as usize] as usize..starts[t as usize + 1] as usize];
    let mut pairs: Vec<(f32, u32, u32)> = Vec::new();
    let mut looked = vec![u32::MAX; candidates.len()];
    for (c, a) in candidates.iter().enumerate() {
        for &t in &prefixes[c] {
            let list = postings(t);
            let mut at = 0;
            while at < list.len() {
                let source = list[at].0;
                let segment_end = at + list[at..].partition_point(|h| h.0 == source);
                if source != a.source {
                    let from = at + list[at..segment_end].partition_point(|h| h.1 as usize <= c);
                    for &(_, d) in &list[from..segment_end] {
                        let d = d as usize;
                        if looked[d] == c as u32 {
                            continue;
                        }
                        looked[d] = c as u32;
                        let b = &candidates[d];
                        if a.total.min(b.total) < THRESHOLD * a.total.max(b.total) {
                            continue;
                        }
                        let s = similarity(a, b, &weights);
                        if s >= THRESHOLD {
                            pairs.push((s, c as u32, d as u32));
                        }
                    }
                }
                at = segment_end;
            }
        }
    }
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
        let disjoint = groups[a].iter().all(|&x| {
            groups[b]
                .iter()
                .all(|&y| candidates[x].source != candidates[y].source)
        });
        let all_similar = disjoint
            && groups[a].iter().all(|&x| {
                groups[b]
                    .iter()
                    .all(|&y| similarity(&candidates[x], &candidates[y], &weights) >= THRESHOLD)
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
                    (c != first).then(|| {
                        (
                            first,
                            similarity(&candidates[c], &candidates[first], &weights),
                        )
                    })
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
