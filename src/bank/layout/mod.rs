//! Step 3 of ingestion: recognize a document's layout and parse it into raw
//! cards. One file per layout.

mod anki_text;
mod bold_numbered_list;
mod bold_questions;
mod carddown;
pub mod front_matter;
mod heading_questions;
mod html_details;
mod mdx_accordion;
mod mkdocs_admonition;
mod multiple_choice;
mod obsidian_sr;
mod qa_labels;
mod qa_series;
mod question_headings;

use super::error::BankError;
use super::model::Difficulty;
use crate::bank::text::Trim;
use crate::bank::text::section_title;

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
    /// A cloze deletion, or a plain card.
    pub kind: crate::bank::CardKind,
    /// The note a cloze deletion was made from (see `Record::note`).
    pub note: Option<String>,
}

/// A document layout pyquiz can read.
pub trait Layout: Sync {
    /// Short name, used in messages and `--layout`.
    fn name(&self) -> &'static str;
    /// What the layout looks like, in a few words (for `pyquiz check` and
    /// messages).
    fn about(&self) -> &'static str;
    /// The kinds of line ([`kind`]) its score counts.
    fn kinds(&self) -> u16 {
        kind::BUILT_IN
    }
    /// How strongly the text looks like this layout: the number of
    /// characteristic lines; 0 means "not this layout". `lines` are the
    /// lines of its [`Layout::kinds`] only.
    fn score(&self, lines: &[&str]) -> usize;
    /// Parses the text. `file` is used in error messages.
    fn parse(&self, file: &str, lines: &[&str]) -> Result<Vec<RawCard>, BankError>;
}

/// Every known layout, in the order ties are broken: the layouts of the
/// built-in decks first, then the general ones.
pub static LAYOUTS: &[&dyn Layout] = &[
    &question_headings::QuestionHeadings,
    &mkdocs_admonition::MkDocsAdmonition,
    &mdx_accordion::MdxAccordion,
    &bold_numbered_list::BoldNumberedList,
    &qa_series::QaSeries,
    &html_details::HtmlDetails,
    &qa_labels::QaLabels,
    &obsidian_sr::ObsidianSr,
    &multiple_choice::MultipleChoice,
    &heading_questions::HeadingQuestions,
    &bold_questions::BoldQuestions,
    &anki_text::AnkiText,
    &carddown::Carddown,
];

/// Names of all layouts, for messages.
pub fn layout_names() -> String {
    LAYOUTS
        .iter()
        .map(|l| l.name())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The layout called `name` (as `--layout` gives it).
pub fn by_name(name: &str) -> Option<&'static dyn Layout> {
    LAYOUTS
        .iter()
        .copied()
        .find(|l| l.name().eq_ignore_ascii_case(name.trim_ws()))
}

/// Kinds of line a layout's score may count, by how the line starts
/// (after indentation). A layout scores only the lines of its kinds, so
/// prose is never scored and each layout skips the others' lines.
pub mod kind {
    pub const HEADING: u16 = 1;
    /// `*` or `_`: bold text, bullets.
    pub const EMPHASIS: u16 = 1 << 1;
    pub const DIGIT: u16 = 1 << 2;
    /// `<` or `- <`: HTML and MDX tags.
    pub const TAG: u16 = 1 << 3;
    /// `A`: `A:`, `Answer:`.
    pub const CAPITAL_A: u16 = 1 << 4;
    /// `?` (admonitions, Obsidian separators) or `!`.
    pub const MARK: u16 = 1 << 5;
    pub const PIPE: u16 = 1 << 6;
    /// 👉, ✅, ✔ before an answer.
    pub const POINTER: u16 = 1 << 7;
    /// A label word (`Q:`, `Question 3:`, `Solution:`, `Correct answer:`).
    pub const LABEL: u16 = 1 << 8;
    /// A ticked task box, `- [x]`.
    pub const TICK: u16 = 1 << 9;
    /// Holds `::` (Obsidian one-liners, SR comments).
    pub const COLONS: u16 = 1 << 10;
    /// Holds carddown's `🧠` or `#flashcard` marker.
    pub const CARD_MARKER: u16 = 1 << 11;
    /// What the built-in deck's layouts score.
    pub const BUILT_IN: u16 = HEADING | EMPHASIS | DIGIT | TAG | CAPITAL_A | MARK | PIPE | POINTER;
}

/// The kinds of a line (0: no layout scores it).
fn kinds(line: &str) -> u16 {
    let indent = line
        .bytes()
        .take_while(|&b| b == b' ' || b == b'\t')
        .count();
    let t = &line[indent..];
    let Some(&first) = t.as_bytes().first() else {
        return 0;
    };
    // A label word (`Q:`, `Solution`, `Correct answer:`).
    let label = |text: &str| {
        qa_labels::label_start(text)
            || text
                .get(..7)
                .is_some_and(|w| w.eq_ignore_ascii_case("correct"))
    };
    // A label after heading marks or emphasis: `### Solution`, `**Q:**`.
    let labelled = |marks: u8| {
        label(
            t.trim_start_matches(char::from(marks))
                .trim_start_matches([' ', '*']),
        )
    };
    match first {
        b'#' if labelled(b'#') => kind::HEADING | kind::LABEL,
        b'#' => kind::HEADING,
        b'*' if labelled(b'*') => kind::EMPHASIS | kind::LABEL,
        b'*' => kind::EMPHASIS,
        b'_' if t.starts_with("__") => kind::EMPHASIS | kind::LABEL,
        b'0'..=b'9' => kind::DIGIT,
        b'<' => kind::TAG,
        b'A' => kind::CAPITAL_A | kind::LABEL,
        b'?' | b'!' => kind::MARK,
        b'|' => kind::PIPE,
        // 👉 starts with this byte, ✅ and ✔ with the next.
        0xF0 if t.starts_with('👉') => kind::POINTER,
        0xE2 if t.starts_with(['✅', '✔']) => kind::POINTER,
        b'-' if t.starts_with("- <") => kind::TAG,
        b'-' if t.starts_with("- [x") || t.starts_with("- [X") => kind::TICK,
        // The first letters of label words (see `qa_labels::WORDS`).
        b'q' | b'Q' | b'p' | b'P' | b'a' | b's' | b'S' | b'h' | b'H' | b'e' | b'E' | b'n'
        | b'N' | b'c' | b'C'
            if label(t) =>
        {
            kind::LABEL
        }
        _ => 0,
    }
}

/// Which lines hold `::` (Obsidian one-liners, SR comments), found with
/// one SIMD search of the whole text rather than one per line (which cost
/// more than every layout's scoring together). `lines` must be slices of
/// `text`, in order, as `str::lines` gives them; a line that is not is
/// never found (the search is checked line by line, so it is never found
/// wrongly either).
fn colon_lines(text: &str, lines: &[&str]) -> Vec<usize> {
    lines_holding(text, lines, "::")
}

/// Which lines hold `needle` (see [`colon_lines`]).
fn lines_holding(text: &str, lines: &[&str], needle: &str) -> Vec<usize> {
    let mut found = Vec::new();
    let base = text.as_ptr() as usize;
    let mut line = 0;
    for at in memchr::memmem::find_iter(text.as_bytes(), needle.as_bytes()) {
        // The line holding byte `at`: the last one starting at or before it.
        while line + 1 < lines.len() {
            let next = lines[line + 1];
            let start = (next.as_ptr() as usize).wrapping_sub(base);
            if start <= at {
                line += 1;
            } else {
                break;
            }
        }
        if found.last() != Some(&line) && lines.get(line).is_some_and(|l| l.contains(needle)) {
            found.push(line);
        }
    }
    found
}

/// Each layout's score for a text, in [`LAYOUTS`] order. `lines` are the
/// text's lines (see [`colon_lines`]).
pub fn scores(text: &str, lines: &[&str]) -> Vec<(&'static dyn Layout, usize)> {
    let colons = colon_lines(text, lines);
    let mut next_colon = colons.iter().peekable();
    let mut marked = lines_holding(text, lines, "🧠");
    marked.extend(lines_holding(text, lines, "#flashcard"));
    marked.sort_unstable();
    marked.dedup();
    let mut next_marked = marked.iter().peekable();
    let candidates: Vec<(u16, &str)> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let mut k = kinds(l);
            if next_colon.next_if(|&&c| c == i).is_some() {
                k |= kind::COLONS;
            }
            if next_marked.next_if(|&&c| c == i).is_some() {
                k |= kind::CARD_MARKER;
            }
            (k, *l)
        })
        .filter(|&(k, _)| k != 0)
        .collect();
    let mut mine: Vec<&str> = Vec::with_capacity(candidates.len());
    LAYOUTS
        .iter()
        .map(|&layout| {
            let wanted = layout.kinds();
            mine.clear();
            mine.extend(
                candidates
                    .iter()
                    .filter(|(k, _)| k & wanted != 0)
                    .map(|&(_, l)| l),
            );
            (layout, layout.score(&mine))
        })
        .collect()
}

/// Picks the layout that best explains the text: the highest score, ties
/// going to the earlier layout.
pub fn detect(text: &str, lines: &[&str]) -> Option<&'static dyn Layout> {
    best(&scores(text, lines))
}

/// The winner of [`scores`]: the highest score above 0, ties going to the
/// earlier layout.
pub fn best(scores: &[(&'static dyn Layout, usize)]) -> Option<&'static dyn Layout> {
    let mut best: Option<(&'static dyn Layout, usize)> = None;
    for &(layout, score) in scores {
        if score > 0 && best.is_none_or(|(_, s)| score > s) {
            best = Some((layout, score));
        }
    }
    best.map(|(l, _)| l)
}

/// Detects the layout (unless `forced`) and parses. A file no layout
/// recognizes, or one whose layout yields no question, is an error naming
/// the file. Front matter is read first and applies to every card.
pub fn parse(
    file: &str,
    text: &str,
    forced: Option<&'static dyn Layout>,
) -> Result<(&'static str, Vec<RawCard>), BankError> {
    let mut lines: Vec<&str> = crate::bank::text::lines(text);
    let fm = front_matter::read(&lines);
    for line in lines.iter_mut().take(fm.lines) {
        *line = &line[..0];
    }
    let no_questions = || BankError::NoQuestions {
        file: file.to_string(),
        line: 1,
        tried: forced.map_or_else(layout_names, |l| l.name().to_string()),
    };
    let layout = match forced {
        Some(layout) => layout,
        None => detect(text, &lines).ok_or_else(no_questions)?,
    };
    let mut cards = layout.parse(file, &lines)?;
    // A heading with nothing after its number is not a question.
    cards.retain(|c| !c.question.trim_ws().is_empty());
    if cards.is_empty() {
        return Err(no_questions());
    }
    if fm.lines > 0 {
        for card in &mut cards {
            if card.difficulty.is_none() {
                card.difficulty = fm.difficulty;
            }
            for tag in &fm.tags {
                if !card.tags.contains(tag) {
                    card.tags.push(tag.clone());
                }
            }
            if card.section.is_empty()
                && let Some(title) = &fm.title
            {
                card.section = section_title(title.clone());
            }
        }
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
        .map(|r| (level, r.trim_ws().trim_end_matches('#').trim_ws()))
}

/// Tracks the fenced code blocks of a document so that `# comment` lines
/// inside code are never taken for headings.
#[derive(Default)]
pub(crate) struct FenceTracker {
    open: Option<String>,
}

impl FenceTracker {
    /// Is a code block open after the lines fed so far?
    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }

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

/// A question written over several lines, as one line of inline Markdown:
/// lines joined with spaces, and any code in it (questions such as "what
/// does this print?") kept as inline code, a line a span.
pub(crate) fn question_text<S: AsRef<str>>(lines: &[S]) -> String {
    let mut out = String::new();
    let mut fences = FenceTracker::default();
    for line in lines {
        let line = line.as_ref();
        let is_fence = super::text::fence(line).is_some();
        let in_code = fences.in_code(line);
        let t = line.trim_ws();
        if is_fence || t.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        if in_code {
            out.push('`');
            out.push_str(t);
            out.push('`');
        } else {
            out.push_str(t);
        }
    }
    super::text::squash_spaces(&out)
}

/// A card's own metadata line in a general layout: `Difficulty: Easy`,
/// `**Level:** hard`, `Tags: generators, iterators`, `**Topics**: oop`.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum MetaLine {
    Difficulty(Difficulty),
    Tags(Vec<String>),
}

pub(crate) fn meta_line(line: &str) -> Option<MetaLine> {
    let t = line.trim_ws().trim_start_matches(['-', '*', '_', ' ']);
    let colon = t.find(':')?;
    let key = t[..colon].trim_end_matches(['*', '_']).trim_ws();
    let value = t[colon + 1..].trim_start_matches(['*', '_']).trim_ws();
    if value.is_empty() {
        return None;
    }
    match key.to_ascii_lowercase().as_str() {
        "difficulty" | "level" => Difficulty::from_label(value).map(MetaLine::Difficulty),
        "tags" | "topics" => Some(MetaLine::Tags(
            value
                .split([',', ' '])
                .map(|t| t.trim_ws().trim_start_matches('#').trim_matches('`'))
                .filter(|t| !t.is_empty())
                .map(str::to_string)
                .collect(),
        )),
        _ => None,
    }
}

/// Takes a body's metadata lines out into the card.
pub(crate) fn take_meta<'a>(card: &mut RawCard, body: Vec<&'a str>) -> Vec<&'a str> {
    let mut fences = FenceTracker::default();
    body.into_iter()
        .filter(|line| {
            if fences.in_code(line) {
                return true;
            }
            match meta_line(line) {
                Some(MetaLine::Difficulty(d)) if card.difficulty.is_none() => {
                    card.difficulty = Some(d);
                    false
                }
                Some(MetaLine::Tags(tags)) if card.tags.is_empty() => {
                    card.tags = tags;
                    false
                }
                _ => true,
            }
        })
        .collect()
}

/// Does a heading or bold line read like a question? It ends with a
/// question mark (any script's), or starts with a question number: `Q.`,
/// `Q12:`, `Question 12`, `12.`, `12)`.
pub(crate) fn question_like(text: &str) -> bool {
    let t = super::text::strip_outer_bold(text).trim_end_matches(['*', '_', ' ']);
    if t.ends_with(['?', '？', '؟']) {
        return true;
    }
    let b = t.as_bytes();
    let after_q = if t
        .get(..8)
        .is_some_and(|w| w.eq_ignore_ascii_case("question"))
    {
        let rest = t[8..].trim_start_ws();
        return rest.is_empty()
            || rest.starts_with(|c: char| c.is_ascii_digit() || c == ':' || c == '.');
    } else if b.first().is_some_and(|c| *c == b'Q' || *c == b'q') {
        &t[1..]
    } else {
        t
    };
    let digits = after_q.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &after_q[digits..];
    let numbered_q = after_q.len() < t.len();
    (digits > 0 || numbered_q)
        && (rest.starts_with(". ") || rest.starts_with(": ") || rest.starts_with(") "))
}

/// `Q. text`, `Q12: text`, `Question 12: text`, `12. text` → `text`.
pub(crate) fn strip_question_number(text: &str) -> String {
    let t = text.trim_ws();
    let lower = t.get(..8).map(str::to_ascii_lowercase);
    let t = if lower.as_deref() == Some("question") {
        let rest = t[8..].trim_start_ws();
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let rest = rest[digits..].trim_start_ws();
        rest.strip_prefix([':', '.', ')'])
            .unwrap_or(rest)
            .trim_start_ws()
    } else if let Some(rest) = t
        .strip_prefix("Q. ")
        .or_else(|| t.strip_prefix("Q: "))
        .or_else(|| t.strip_prefix("Q) "))
    {
        rest
    } else {
        t
    };
    super::text::strip_numbering(t)
}

/// A card the reader has just met: its question line (0-based index),
/// question and section, with no answer lines yet.
pub(crate) fn open_card<'a>(
    index: usize,
    question: String,
    section: &str,
) -> (RawCard, Vec<&'a str>) {
    (
        RawCard {
            line: index + 1,
            question,
            section: section.to_string(),
            ..RawCard::default()
        },
        Vec::new(),
    )
}
