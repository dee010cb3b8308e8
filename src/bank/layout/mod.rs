//! Step 3 of ingestion: recognize a document's layout and parse it into raw
//! cards. One file per layout.

mod bold_numbered_list;
mod html_details;
mod mdx_accordion;
mod mkdocs_admonition;
mod qa_series;
mod question_headings;

use super::error::BankError;
use super::model::Difficulty;

/// A question as a layout parser found it, before normalization.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawCard {
    /// 1-based line of the question in the source file.
    pub line: usize,
    /// Question text: inline Markdown, numbering removed.
    pub question: String,
    /// Answer Markdown, finished with `code::answer_markdown` (empty when
    /// the source gives none).
    pub answer: String,
    /// Whether the answer holds a fenced code block.
    pub has_code: bool,
    /// Nearest section heading, as written.
    pub section: String,
    /// Difficulty the source states, if it does.
    pub difficulty: Option<Difficulty>,
    /// Raw tags from the source.
    pub tags: Vec<String>,
    /// Companies said to ask the question.
    pub asked_by: Vec<String>,
}

/// A document layout pyquiz can read.
pub trait Layout: Sync {
    /// Short name, used in messages and `--layout`.
    fn name(&self) -> &'static str;
    /// How strongly the text looks like this layout: the number of
    /// characteristic lines; 0 means "not this layout".
    fn score(&self, lines: &[&str]) -> usize;
    /// Parses the text. `file` is used in error messages.
    fn parse(&self, file: &str, lines: &[&str]) -> Result<Vec<RawCard>, BankError>;
}

/// Every known layout, in the order ties are broken.
pub static LAYOUTS: &[&dyn Layout] = &[
    &question_headings::QuestionHeadings,
    &mkdocs_admonition::MkDocsAdmonition,
    &mdx_accordion::MdxAccordion,
    &bold_numbered_list::BoldNumberedList,
    &qa_series::QaSeries,
    &html_details::HtmlDetails,
];

/// Names of all layouts, for messages.
pub fn layout_names() -> String {
    LAYOUTS
        .iter()
        .map(|l| l.name())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Can a line count towards any layout's score? Every characteristic line
/// starts (after indentation) with one of these; skipping the rest keeps
/// the scores the same and saves scoring prose five times.
fn may_score(line: &str) -> bool {
    let t = line.trim_start();
    t.chars().next().is_some_and(|c| {
        matches!(c, '#' | '*' | '?' | '!' | '<' | 'A' | '👉' | '|') || c.is_ascii_digit()
    }) || t.starts_with("- <")
}

/// Picks the layout that best explains the text.
pub fn detect(lines: &[&str]) -> Option<&'static dyn Layout> {
    let candidates: Vec<&str> = lines.iter().copied().filter(|l| may_score(l)).collect();
    let mut best: Option<(&'static dyn Layout, usize)> = None;
    for &layout in LAYOUTS {
        let score = layout.score(&candidates);
        if score > 0 && best.is_none_or(|(_, s)| score > s) {
            best = Some((layout, score));
        }
    }
    best.map(|(l, _)| l)
}

/// Detects the layout and parses. A file no layout recognizes, or one whose
/// layout yields no question, is an error naming the file.
pub fn parse(file: &str, text: &str) -> Result<(&'static str, Vec<RawCard>), BankError> {
    let lines: Vec<&str> = text.lines().collect();
    let no_questions = || BankError::NoQuestions {
        file: file.to_string(),
        line: 1,
        tried: layout_names(),
    };
    let layout = detect(&lines).ok_or_else(no_questions)?;
    let mut cards = layout.parse(file, &lines)?;
    // A heading with nothing after its number is not a question.
    cards.retain(|c| !c.question.trim().is_empty());
    if cards.is_empty() {
        return Err(no_questions());
    }
    Ok((layout.name(), cards))
}

/// Text of a Markdown ATX heading of exactly `level`, if the line is one.
pub(crate) fn heading(line: &str, level: usize) -> Option<&str> {
    any_heading(line)
        .filter(|&(l, _)| l == level)
        .map(|(_, t)| t)
}

/// Text of any ATX heading of level 1 to 6.
pub(crate) fn any_heading(line: &str) -> Option<(usize, &str)> {
    if !line.starts_with('#') {
        return None;
    }
    let level = line.bytes().take_while(|&b| b == b'#').count();
    if level > 6 {
        return None;
    }
    let rest = &line[level..];
    if rest.is_empty() {
        return Some((level, ""));
    }
    rest.strip_prefix(' ')
        .map(|r| (level, r.trim().trim_end_matches('#').trim()))
}

/// Tracks the fenced code blocks of a document so that `# comment` lines
/// inside code are never taken for headings.
#[derive(Default)]
pub(crate) struct FenceTracker {
    open: Option<String>,
}

impl FenceTracker {
    /// Feeds one line; returns true if the line is inside a code block or is
    /// one of its fences.
    pub fn in_code(&mut self, line: &str) -> bool {
        if let Some((run, info)) = super::text::fence(line) {
            match &self.open {
                None => self.open = Some(run.to_string()),
                Some(open) if info.is_empty() && run.starts_with(open.as_str()) => self.open = None,
                Some(_) => {}
            }
            return true;
        }
        self.open.is_some()
    }
}
