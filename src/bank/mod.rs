//! The question bank: content files in, normalized records out.
//!
//! decode → repair mojibake → detect layout → parse → normalize.
//! This module never touches the terminal.

pub mod cache;
pub mod check;
mod cloze;
mod code;
pub mod content;
mod decode;
mod difficulty;
pub mod dupes;
mod error;
pub mod files;
mod filter;
mod id;
pub mod layout;
pub(crate) mod literal;
mod model;
pub mod mojibake;
pub mod native;
pub mod path;
mod phrases;
mod text;
pub mod topics;

pub use code::{Language, detect_language};
pub use error::BankError;
pub use filter::{
    Filter, FilterError, parse_difficulties, parse_search, parse_sources, parse_topics,
};
pub use model::{CardKind, Difficulty, DifficultySource, Member, Record};
pub use topics::Topic;

use crate::bank::text::Trim;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The layout name a source was read with, as the static name the
/// layouts give (for the bank cache).
fn layout_by_name(name: &str) -> Option<&'static str> {
    if name == native::LAYOUT {
        return Some(native::LAYOUT);
    }
    layout::LAYOUTS
        .iter()
        .map(|l| l.name())
        .find(|n| *n == name)
}

/// One loaded content file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceInfo {
    /// File name, as records name it in `source`.
    pub name: String,
    /// The file as it was given (a `--content` path, or the name of a
    /// built-in file).
    pub path: String,
    /// Layout that was detected.
    pub layout: &'static str,
    /// Number of records it gave.
    pub records: usize,
}

/// Where the bank's content comes from.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Leave the embedded default deck out.
    pub no_default_content: bool,
    /// Extra files or directories of `.md` files.
    pub content: Vec<PathBuf>,
    /// Read the `content` files with this layout (a name from
    /// [`layout::LAYOUTS`]) instead of detecting each one's.
    pub layout: Option<&'static str>,
}

/// The normalized question bank.
#[derive(Debug, Clone, Default)]
pub struct Bank {
    pub records: Vec<Record>,
    pub sources: Vec<SourceInfo>,
    /// Problems that did not stop loading (a file in a directory that holds
    /// no question, a file given twice).
    pub warnings: Vec<String>,
    /// The same question asked by several sources (member indices refer to
    /// the records as loaded, before [`Bank::merge_duplicates`]).
    pub clusters: Vec<dupes::Cluster>,
    /// Whether each cluster has become one record.
    pub merged: bool,
}

/// One file's parse: the layout detected and the records, or the error.
pub type Parsed = Result<(&'static str, Vec<Record>), BankError>;

/// Parses one content file into records.
pub fn parse_source(name: &str, bytes: &[u8]) -> Parsed {
    parse_source_with(name, bytes, None)
}

/// Like [`parse_source`], with the layout given (`--layout`) instead of
/// detected.
pub fn parse_source_with(
    name: &str,
    bytes: &[u8],
    forced: Option<&'static dyn layout::Layout>,
) -> Parsed {
    let text = decode::decode(name, bytes)?;
    // pyquiz's own layout is read back exactly as it was written.
    if forced.is_none() && native::is_native(&text) {
        return Ok((native::LAYOUT, native::parse(name, &text)?));
    }
    parse_repaired(name, &mojibake::repair(&text), forced)
}

/// The rest of [`parse_source_with`], from decoded and repaired text.
pub(crate) fn parse_repaired(
    name: &str,
    text: &str,
    forced: Option<&'static dyn layout::Layout>,
) -> Parsed {
    let (layout, raw) = layout::parse(name, text, forced)?;
    let mut ids = id::IdAssigner::default();
    let mut sections = SectionFacts::default();
    let records = raw
        .into_iter()
        .map(|card| normalize(name, card, &mut ids, &mut sections))
        .collect();
    Ok((layout, records))
}

/// Topic hits and difficulty prior of each section name, computed once:
/// most cards share their section with many others.
#[derive(Default)]
struct SectionFacts {
    known: rustc_hash::FxHashMap<String, (topics::Hits, i32)>,
}

impl SectionFacts {
    fn get(&mut self, section: &str) -> &(topics::Hits, i32) {
        if !self.known.contains_key(section) {
            let facts = (topics::hits(section), difficulty::section_prior(section));
            self.known.insert(section.to_string(), facts);
        }
        &self.known[section]
    }
}

fn normalize(
    source: &str,
    card: layout::RawCard,
    ids: &mut id::IdAssigner,
    sections: &mut SectionFacts,
) -> Record {
    let question = text::squash_spaces(&card.question);
    // Lowercase words: the id's key, and what topics and difficulty read.
    let key = id::normalize_question(&question);
    // Layouts hand over finished Markdown (see `code::answer_markdown`);
    // Python's names in prose are made literal (the id's key above is
    // read from the question as written, so ids stay as they were).
    let (answer, has_code) = (
        literal::identifiers_as_code(&card.answer).into_owned(),
        card.has_code,
    );
    let encoded = difficulty::encode(&key);
    let (section_hits, section_prior) = sections.get(&card.section);
    let topics = topics::classify(&topics::TopicEvidence {
        question: &encoded,
        tags: &card.tags,
        section: section_hits,
        answer: &answer,
    });
    let (difficulty, difficulty_source) = match card.difficulty {
        Some(d) => (d, DifficultySource::Labeled),
        None => (
            difficulty::infer(
                difficulty::Hints {
                    section: *section_prior,
                    topic: topics.first().copied(),
                },
                &key,
                &encoded,
            ),
            DifficultySource::Inferred,
        ),
    };
    Record {
        id: ids.assign_normalized(source, &key),
        source: source.to_string(),
        has_answer: !answer.trim_ws().is_empty(),
        has_code,
        question: literal::identifiers_as_code(&question).into_owned(),
        answer,
        difficulty,
        difficulty_source,
        topics,
        section: card.section,
        tags: card.tags,
        asked_by: card.asked_by,
        line: card.line,
        cluster: None,
        kind: card.kind,
        note: card.note.clone(),
        members: Vec::new(),
    }
}

/// Threads to parse with: one per core.
fn all_cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// A file's parse, and its records' duplicate-matching tokens.
type ParsedWithTokens = (Parsed, Vec<Vec<String>>);

fn parse_with_tokens(file: File<'_>) -> ParsedWithTokens {
    let parsed = parse_source_with(file.name, file.bytes, file.layout);
    let tokens = match &parsed {
        Ok((_, records)) => dupes::record_tokens(records),
        Err(_) => Vec::new(),
    };
    (parsed, tokens)
}

/// Parses files on up to `threads` threads; results come back in input order.
fn parse_all(files: &[File<'_>], threads: usize) -> Vec<ParsedWithTokens> {
    let threads = threads.min(files.len());
    if threads <= 1 {
        return files.iter().map(|&file| parse_with_tokens(file)).collect();
    }
    // Largest files first, so that no thread is left with a big one at the end.
    let mut order: Vec<usize> = (0..files.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(files[i].bytes.len()));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut results: Vec<Option<ParsedWithTokens>> = (0..files.len()).map(|_| None).collect();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(&i) = order.get(k) else { break };
                        done.push((i, parse_with_tokens(files[i])));
                    }
                    done
                })
            })
            .collect();
        for worker in workers {
            // A panic in a parser is a bug; re-raise it here.
            for (i, result) in worker
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e))
            {
                results[i] = Some(result);
            }
        }
    });
    results
        .into_iter()
        .map(|r| r.expect("every file was parsed"))
        .collect()
}

/// A file to load, and how a failure to find questions in it is treated.
struct Input<'a> {
    name: String,
    bytes: std::borrow::Cow<'a, [u8]>,
    /// The `--content` directory it was found in, if any.
    dir: Option<usize>,
    /// The file as the person gave it (`None` for a built-in file).
    path: Option<String>,
    /// Part of the built-in deck.
    embedded: bool,
}

/// A file handed to the parsers.
#[derive(Clone, Copy)]
struct File<'a> {
    name: &'a str,
    bytes: &'a [u8],
    /// `--layout`, if given.
    layout: Option<&'static dyn layout::Layout>,
}

impl Bank {
    /// Loads the embedded deck (unless left out) and every `--content` path.
    /// Files are parsed in parallel; the bank keeps their order.
    pub fn load(options: &LoadOptions) -> Result<Bank, BankError> {
        let mut bank = Bank::default();
        let mut inputs: Vec<Input<'static>> = Vec::new();
        if !options.no_default_content {
            for (name, bytes) in content::EMBEDDED {
                inputs.push(Input {
                    name: name.to_string(),
                    bytes: (*bytes).into(),
                    dir: None,
                    path: None,
                    embedded: true,
                });
            }
        }
        let gathered = files::gather(&options.content)?;
        // Warnings about the folders (not the decks' contents) are made
        // afresh each time and come first.
        let folder_warnings = gathered.warnings;
        for found in &gathered.files {
            let bytes = files::read(&found.path)?;
            inputs.push(Input {
                name: file_name(&found.path),
                bytes: bytes.into(),
                dir: found.dir,
                path: Some(found.path.display().to_string()),
                embedded: false,
            });
        }
        let dirs: Vec<&Path> = options.content.iter().map(PathBuf::as_path).collect();
        let forced = match options.layout {
            Some(name) => Some(
                layout::by_name(name).ok_or_else(|| BankError::UnknownLayout {
                    name: name.to_string(),
                    known: layout::layout_names(),
                })?,
            ),
            None => None,
        };
        let keys: Vec<cache::KeyInput> = inputs
            .iter()
            .map(|i| cache::KeyInput {
                name: &i.name,
                path: i.path.as_deref(),
                bytes: &i.bytes,
            })
            .collect();
        let cache = cache::BankCache::for_inputs(&keys, forced.map(|l| l.name()));
        if let Some(mut cached) = cache.as_ref().and_then(cache::BankCache::load) {
            cached.warnings.splice(0..0, folder_warnings);
            return Ok(cached);
        }
        let files: Vec<File> = inputs
            .iter()
            .map(|i| File {
                name: i.name.as_str(),
                bytes: &i.bytes,
                // The built-in deck is always read with its own layouts.
                layout: if i.embedded { None } else { forced },
            })
            .collect();
        let mut loaded_per_dir = vec![None::<usize>; dirs.len()];
        let mut tokens: Vec<Vec<String>> = Vec::new();
        let parsed = parse_all(&files, all_cores());
        for (input, (result, file_tokens)) in inputs.iter().zip(parsed) {
            // Messages name a deck file as the person gave it.
            let shown = input.path.as_deref().unwrap_or(&input.name);
            if let Some(dir) = input.dir {
                loaded_per_dir[dir].get_or_insert(0);
            }
            match (result, input.dir) {
                // In a directory, a file that is not a deck (a README, a
                // SOURCES list) is reported but does not stop the others.
                (Err(BankError::NoQuestions { .. }), Some(_)) => bank.warnings.push(format!(
                    "{}: no question was recognized; skipped",
                    crate::display::escape_line(shown)
                )),
                (result, dir) => {
                    let (layout, records) = result.map_err(|e| e.at_path(shown))?;
                    if let Some(dir) = dir {
                        *loaded_per_dir[dir].get_or_insert(0) += records.len();
                    }
                    bank.push(&input.name, shown, layout, records)?;
                    tokens.extend(file_tokens);
                }
            }
        }
        if let Some(empty) = loaded_per_dir.iter().position(|&n| n == Some(0)) {
            return Err(BankError::NoQuestions {
                file: dirs[empty].display().to_string(),
                line: 1,
                tried: layout::layout_names(),
            });
        }
        bank.find_duplicates(&tokens);
        if let Some(cache) = &cache {
            cache.store(&bank);
        }
        bank.warnings.splice(0..0, folder_warnings);
        Ok(bank)
    }

    /// Builds a bank from in-memory files (tests, benches), parsed on all cores.
    pub fn from_files<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    ) -> Result<Bank, BankError> {
        Bank::from_files_on(files, all_cores())
    }

    /// Like [`Bank::from_files`], on one thread (for comparison in benches).
    pub fn from_files_sequential<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    ) -> Result<Bank, BankError> {
        Bank::from_files_on(files, 1)
    }

    fn from_files_on<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
        threads: usize,
    ) -> Result<Bank, BankError> {
        let files: Vec<File> = files
            .into_iter()
            .map(|(name, bytes)| File {
                name,
                bytes,
                layout: None,
            })
            .collect();
        let mut bank = Bank::default();
        let mut tokens: Vec<Vec<String>> = Vec::new();
        for (file, (result, file_tokens)) in files.iter().zip(parse_all(&files, threads)) {
            let (layout, records) = result?;
            bank.push(file.name, file.name, layout, records)?;
            tokens.extend(file_tokens);
        }
        bank.find_duplicates(&tokens);
        Ok(bank)
    }

    /// Finds the questions several sources ask (see [`dupes`]), marks each
    /// with its cluster, and gives unlabeled members their cluster's label.
    fn find_duplicates(&mut self, tokens: &[Vec<String>]) {
        self.clusters = dupes::find(&self.records, tokens);
        dupes::propagate_difficulty(&mut self.records, &self.clusters);
        for cluster in &self.clusters {
            for m in &cluster.members {
                self.records[m.index].cluster = Some(cluster.id.clone());
            }
        }
    }

    /// Makes each cluster one record (see [`dupes::merge`]); `--no-merge`
    /// skips this and studies every source's question on its own.
    pub fn merge_duplicates(&mut self) {
        if !self.merged {
            if !self.clusters.is_empty() {
                self.records = dupes::merge(std::mem::take(&mut self.records), &self.clusters);
            }
            self.merged = true;
        }
    }

    /// Adds one file's records; `path` is the file as the person gave it
    /// (for messages), `name` its source name.
    fn push(
        &mut self,
        name: &str,
        path: &str,
        layout: &'static str,
        records: Vec<Record>,
    ) -> Result<(), BankError> {
        if let Some(other) = self.sources.iter().find(|s| s.name == name) {
            return Err(BankError::Parse {
                file: path.to_string(),
                line: 1,
                message: format!(
                    "another content file named {name} is already loaded ({}); sources are known by their file names, so rename one of them",
                    other.path
                ),
            });
        }
        let ids: HashSet<&str> = self.records.iter().map(|r| r.id.as_str()).collect();
        if let Some(dup) = records.iter().find(|r| ids.contains(r.id.as_str())) {
            return Err(BankError::DuplicateId {
                file: path.to_string(),
                id: dup.id.clone(),
            });
        }
        self.sources.push(SourceInfo {
            name: name.to_string(),
            path: path.to_string(),
            layout,
            records: records.len(),
        });
        self.records.extend(records);
        Ok(())
    }

    /// Records matching a filter, in bank order.
    pub fn filtered<'a>(&'a self, filter: &'a Filter) -> impl Iterator<Item = &'a Record> + 'a {
        self.records.iter().filter(move |r| filter.matches(r))
    }

    /// Names of all sources records come from, in bank order: the content
    /// files, or for a pyquiz deck the sources its cards name.
    pub fn source_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for r in &self.records {
            if names.last() != Some(&r.source.as_str()) && !names.contains(&r.source.as_str()) {
                names.push(&r.source);
            }
        }
        names
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}
