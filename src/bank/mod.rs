//! The question bank: content files in, normalized records out.
//!
//! decode → repair mojibake → detect layout → parse → normalize.
//! This module never touches the terminal.

mod code;
pub mod content;
mod decode;
mod difficulty;
mod error;
mod filter;
mod id;
pub mod layout;
mod model;
pub mod mojibake;
mod phrases;
mod text;
pub mod topics;

pub use code::{Language, detect_language};
pub use error::BankError;
pub use filter::{Filter, FilterError, parse_difficulties, parse_sources, parse_topics};
pub use model::{Difficulty, DifficultySource, Record};
pub use topics::Topic;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// One loaded content file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceInfo {
    /// File name, as records name it in `source`.
    pub name: String,
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
}

/// The normalized question bank.
#[derive(Debug, Clone, Default)]
pub struct Bank {
    pub records: Vec<Record>,
    pub sources: Vec<SourceInfo>,
    /// Problems that did not stop loading (a file in a directory that holds
    /// no question, a file given twice).
    pub warnings: Vec<String>,
}

/// Parses one content file into records.
pub fn parse_source(name: &str, bytes: &[u8]) -> Result<(&'static str, Vec<Record>), BankError> {
    let text = decode::decode(name, bytes)?;
    let text = mojibake::repair(&text);
    let (layout, raw) = layout::parse(name, &text)?;
    let mut ids = id::IdAssigner::default();
    let records = raw
        .into_iter()
        .map(|card| normalize(name, card, &mut ids))
        .collect();
    Ok((layout, records))
}

fn normalize(source: &str, card: layout::RawCard, ids: &mut id::IdAssigner) -> Record {
    let question = text::squash_spaces(&card.question);
    // Layouts hand over tidy Markdown; relabelling only rewrites info strings.
    let answer = code::relabel_fences(&card.answer);
    let has_code = answer.lines().any(|l| text::fence(l).is_some());
    let (difficulty, difficulty_source) = match card.difficulty {
        Some(d) => (d, DifficultySource::Labeled),
        None => (
            difficulty::infer(&card.section, &question),
            DifficultySource::Inferred,
        ),
    };
    let topics = topics::classify(&topics::TopicEvidence {
        question: &question,
        tags: &card.tags,
        section: &card.section,
        answer: &answer,
    });
    Record {
        id: ids.assign(source, &question),
        source: source.to_string(),
        has_answer: !answer.trim().is_empty(),
        has_code,
        question,
        answer,
        difficulty,
        difficulty_source,
        topics,
        section: card.section,
        tags: card.tags,
        asked_by: card.asked_by,
        line: card.line,
    }
}

impl Bank {
    /// Loads the embedded deck (unless left out) and every `--content` path.
    pub fn load(options: &LoadOptions) -> Result<Bank, BankError> {
        let mut bank = Bank::default();
        let mut seen: HashSet<(String, Vec<u8>)> = HashSet::new();
        if !options.no_default_content {
            for (name, bytes) in content::EMBEDDED {
                seen.insert((name.to_string(), bytes.to_vec()));
                bank.add(name, bytes)?;
            }
        }
        for path in &options.content {
            bank.add_path(path, &mut seen)?;
        }
        Ok(bank)
    }

    /// Builds a bank from in-memory files (tests, benches).
    pub fn from_files<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    ) -> Result<Bank, BankError> {
        let mut bank = Bank::default();
        for (name, bytes) in files {
            bank.add(name, bytes)?;
        }
        Ok(bank)
    }

    fn add(&mut self, name: &str, bytes: &[u8]) -> Result<(), BankError> {
        if self.sources.iter().any(|s| s.name == name) {
            return Err(BankError::Parse {
                file: name.to_string(),
                line: 1,
                message:
                    "another content file with this name is already loaded; rename one of them"
                        .into(),
            });
        }
        let (layout, records) = parse_source(name, bytes)?;
        let ids: HashSet<&str> = self.records.iter().map(|r| r.id.as_str()).collect();
        if let Some(dup) = records.iter().find(|r| ids.contains(r.id.as_str())) {
            return Err(BankError::DuplicateId {
                file: name.to_string(),
                id: dup.id.clone(),
            });
        }
        self.sources.push(SourceInfo {
            name: name.to_string(),
            layout,
            records: records.len(),
        });
        self.records.extend(records);
        Ok(())
    }

    fn add_path(
        &mut self,
        path: &Path,
        seen: &mut HashSet<(String, Vec<u8>)>,
    ) -> Result<(), BankError> {
        let io = |source| BankError::Io {
            path: path.to_path_buf(),
            source,
        };
        let meta = std::fs::metadata(path).map_err(io)?;
        if !meta.is_dir() {
            let bytes = std::fs::read(path).map_err(io)?;
            return self.add_file(path, bytes, seen);
        }
        let mut files = Vec::new();
        collect_markdown(path, &mut files)?;
        if files.is_empty() {
            return Err(BankError::EmptyDirectory {
                path: path.to_path_buf(),
            });
        }
        let before = self.records.len();
        for file in files {
            let bytes = std::fs::read(&file).map_err(|source| BankError::Io {
                path: file.clone(),
                source,
            })?;
            match self.add_file(&file, bytes, seen) {
                // In a directory, a file that is not a deck (a README, a
                // SOURCES list) is reported but does not stop the others.
                Err(BankError::NoQuestions { file: name, .. }) => self.warnings.push(format!(
                    "{}: no question was recognized; skipped ({name})",
                    file.display()
                )),
                other => other?,
            }
        }
        if self.records.len() == before {
            return Err(BankError::NoQuestions {
                file: path.display().to_string(),
                line: 1,
                tried: layout::layout_names(),
            });
        }
        Ok(())
    }

    fn add_file(
        &mut self,
        path: &Path,
        bytes: Vec<u8>,
        seen: &mut HashSet<(String, Vec<u8>)>,
    ) -> Result<(), BankError> {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        let key = (name.clone(), bytes);
        if seen.contains(&key) {
            self.warnings.push(format!(
                "{}: already loaded as {name}; skipped",
                path.display()
            ));
            return Ok(());
        }
        self.add(&name, &key.1)?;
        seen.insert(key);
        Ok(())
    }

    /// Records matching a filter, in bank order.
    pub fn filtered<'a>(&'a self, filter: &'a Filter) -> impl Iterator<Item = &'a Record> + 'a {
        self.records.iter().filter(move |r| filter.matches(r))
    }

    /// Names of all loaded sources.
    pub fn source_names(&self) -> Vec<&str> {
        self.sources.iter().map(|s| s.name.as_str()).collect()
    }
}

fn collect_markdown(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), BankError> {
    let io = |source| BankError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .map_err(io)?;
    entries.sort();
    for path in entries {
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            collect_markdown(&path, out)?;
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
        {
            out.push(path);
        }
    }
    Ok(())
}
