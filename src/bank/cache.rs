//! A cache of parsed banks, for large decks: parsing 50 MB of Markdown takes
//! most of a second; reading back what it gave takes a fraction of that.
//! Only loads with at least [`MIN_BYTES`] of deck files use it.
//!
//! The cache lives in the platform cache directory (`~/.cache/pyquiz` on
//! Linux; `PYQUIZ_CACHE_DIR` moves it, and `PYQUIZ_CACHE_DIR=` with an
//! empty value turns it off). A cache file is keyed by a hash of
//! everything a parse depends on: every input's name, path and bytes,
//! `--layout`, and the pyquiz executable itself (its size and time of
//! last change), so a changed deck or a rebuilt pyquiz parses afresh. The
//! file also records the inputs' names and sizes, checked on load. A cache
//! file that is missing, damaged or from another key is ignored; failing
//! to write one is not an error. It never changes what a load gives.

use std::hash::Hasher;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::dupes::{Cluster, ClusterMember};
use super::topics::Topic;
use super::{Bank, CardKind, Difficulty, DifficultySource, Record, SourceInfo};

/// Loads with fewer bytes of deck files than this are parsed every time
/// (the built-in deck alone parses in a few milliseconds).
pub const MIN_BYTES: usize = 4 << 20;

/// How many cache files are kept (the most recently written).
const KEEP: usize = 3;

/// Bumped whenever the cached shape changes.
const FORMAT: u32 = 3;

/// One input of a load, as the key sees it.
pub struct KeyInput<'a> {
    pub name: &'a str,
    pub path: Option<&'a str>,
    pub bytes: &'a [u8],
}

pub struct BankCache {
    path: PathBuf,
    key: String,
    inputs: Vec<(String, u64)>,
}

#[derive(Serialize, Deserialize)]
struct Cached {
    format: u32,
    key: String,
    inputs: Vec<(String, u64)>,
    records: Vec<CachedRecord>,
    sources: Vec<CachedSource>,
    warnings: Vec<String>,
    clusters: Vec<CachedCluster>,
}

/// A [`Record`] of an unmerged bank, every field written (bincode has no
/// field names, so none may be left out) and its line kept.
#[derive(Serialize, Deserialize)]
struct CachedRecord {
    id: String,
    source: String,
    question: String,
    answer: String,
    has_answer: bool,
    has_code: bool,
    difficulty: Difficulty,
    difficulty_source: DifficultySource,
    topics: Vec<Topic>,
    section: String,
    tags: Vec<String>,
    asked_by: Vec<String>,
    line: usize,
    cluster: Option<String>,
    kind: CardKind,
    note: Option<String>,
}

impl From<CachedRecord> for Record {
    fn from(r: CachedRecord) -> Record {
        Record {
            id: r.id,
            source: r.source,
            question: r.question,
            answer: r.answer,
            has_answer: r.has_answer,
            has_code: r.has_code,
            difficulty: r.difficulty,
            difficulty_source: r.difficulty_source,
            topics: r.topics,
            section: r.section,
            tags: r.tags,
            asked_by: r.asked_by,
            line: r.line,
            cluster: r.cluster,
            kind: r.kind,
            note: r.note,
            members: Vec::new(),
        }
    }
}

impl From<&Record> for CachedRecord {
    fn from(r: &Record) -> CachedRecord {
        CachedRecord {
            id: r.id.clone(),
            source: r.source.clone(),
            question: r.question.clone(),
            answer: r.answer.clone(),
            has_answer: r.has_answer,
            has_code: r.has_code,
            difficulty: r.difficulty,
            difficulty_source: r.difficulty_source,
            topics: r.topics.clone(),
            section: r.section.clone(),
            tags: r.tags.clone(),
            asked_by: r.asked_by.clone(),
            line: r.line,
            cluster: r.cluster.clone(),
            kind: r.kind,
            note: r.note.clone(),
        }
    }
}

#[derive(Serialize, Deserialize)]
struct CachedSource {
    name: String,
    path: String,
    layout: String,
    records: usize,
}

#[derive(Serialize, Deserialize)]
struct CachedCluster {
    id: String,
    members: Vec<CachedMember>,
}

#[derive(Serialize, Deserialize)]
struct CachedMember {
    index: usize,
    id: String,
    similarity: Option<f32>,
    joined: Option<String>,
    shared: Vec<String>,
}

/// The running executable's size and time of change, so that a rebuilt
/// pyquiz (whose parser may differ) never reads an older one's cache.
fn executable_stamp() -> Option<(u64, u128)> {
    let meta = std::fs::metadata(std::env::current_exe().ok()?).ok()?;
    let changed = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_nanos();
    Some((meta.len(), changed))
}

impl BankCache {
    /// The cache for a load of `inputs`, or `None` when the load is small,
    /// the cache is turned off, or the executable cannot be identified.
    pub fn for_inputs(inputs: &[KeyInput<'_>], layout: Option<&str>) -> Option<BankCache> {
        let total: usize = inputs.iter().map(|i| i.bytes.len()).sum();
        if total < MIN_BYTES {
            return None;
        }
        let dir = crate::caches::dir()?;
        let (size, changed) = executable_stamp()?;
        // Two differently seeded 64-bit hashes of the same stream (about
        // 10 ms each for 50 MB): a 128-bit key.
        let mut one = rustc_hash::FxHasher::default();
        let mut two = rustc_hash::FxHasher::with_seed(0x517c_c1b7_2722_0a95);
        let mut feed = |bytes: &[u8]| {
            for h in [&mut one, &mut two] {
                h.write_usize(bytes.len());
                h.write(bytes);
            }
        };
        feed(env!("CARGO_PKG_VERSION").as_bytes());
        feed(&FORMAT.to_le_bytes());
        feed(&size.to_le_bytes());
        feed(&changed.to_le_bytes());
        feed(layout.unwrap_or("").as_bytes());
        for input in inputs {
            feed(input.name.as_bytes());
            feed(input.path.unwrap_or("").as_bytes());
            feed(input.bytes);
        }
        let key = format!("{:016x}{:016x}", one.finish(), two.finish());
        Some(BankCache {
            path: dir.join(format!("bank-{key}.bin")),
            key,
            inputs: inputs
                .iter()
                .map(|i| (i.name.to_string(), i.bytes.len() as u64))
                .collect(),
        })
    }

    /// The bank a previous load of the same inputs gave, if it is cached.
    pub fn load(&self) -> Option<Bank> {
        let cached: Cached = crate::caches::read_bincode(&self.path, FORMAT)?;
        if cached.format != FORMAT || cached.key != self.key || cached.inputs != self.inputs {
            return None;
        }
        let records: Vec<Record> = cached.records.into_iter().map(Record::from).collect();
        let mut sources = Vec::with_capacity(cached.sources.len());
        for s in cached.sources {
            sources.push(SourceInfo {
                layout: super::layout_by_name(&s.layout)?,
                name: s.name,
                path: s.path,
                records: s.records,
            });
        }
        let clusters = cached
            .clusters
            .into_iter()
            .map(|c| Cluster {
                id: c.id,
                members: c
                    .members
                    .into_iter()
                    .map(|m| ClusterMember {
                        index: m.index,
                        id: m.id,
                        similarity: m.similarity,
                        joined: m.joined,
                        shared: m.shared,
                    })
                    .collect(),
            })
            .collect::<Vec<_>>();
        if clusters
            .iter()
            .flat_map(|c| &c.members)
            .any(|m| m.index >= records.len())
        {
            return None;
        }
        Some(Bank {
            records,
            sources,
            warnings: cached.warnings,
            clusters,
            merged: false,
        })
    }

    /// Keeps `bank` (as loaded, before merging) for the next load of the
    /// same inputs. Best effort: a cache that cannot be written is skipped.
    pub fn store(&self, bank: &Bank) {
        if bank.merged || bank.records.iter().any(|r| !r.members.is_empty()) {
            return;
        }
        let cached = Cached {
            format: FORMAT,
            key: self.key.clone(),
            inputs: self.inputs.clone(),
            records: bank.records.iter().map(CachedRecord::from).collect(),
            sources: bank
                .sources
                .iter()
                .map(|s| CachedSource {
                    name: s.name.clone(),
                    path: s.path.clone(),
                    layout: s.layout.to_string(),
                    records: s.records,
                })
                .collect(),
            warnings: bank.warnings.clone(),
            clusters: bank
                .clusters
                .iter()
                .map(|c| CachedCluster {
                    id: c.id.clone(),
                    members: c
                        .members
                        .iter()
                        .map(|m| CachedMember {
                            index: m.index,
                            id: m.id.clone(),
                            similarity: m.similarity,
                            joined: m.joined.clone(),
                            shared: m.shared.clone(),
                        })
                        .collect(),
                })
                .collect(),
        };
        let written = crate::caches::write_bincode(&self.path, &cached);
        if written && let Some(dir) = self.path.parent() {
            prune(dir, &self.path);
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Removes all but the [`KEEP`] most recent cache files.
fn prune(dir: &Path, keep: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut files: Vec<(std::time::SystemTime, PathBuf)> = entries
        .flatten()
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            // Format 1 caches were JSON.
            name.starts_with("bank-") && (name.ends_with(".bin") || name.ends_with(".json"))
        })
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .filter(|(_, p)| p != keep)
        .collect();
    files.sort();
    let excess = files.len().saturating_sub(KEEP - 1);
    for (_, path) in files.into_iter().take(excess) {
        let _ = std::fs::remove_file(path);
    }
}
