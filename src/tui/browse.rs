//! The browser's state: a query matched fuzzily against the questions (and,
//! with a toggle, the answers), difficulty and topic filters changed in
//! place, a sort order, and the selection. Each keystroke narrows the
//! previous matches when it can (typing on at the end of the query), so the
//! list stays quick on very large decks.

use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str, Utf32String};

use super::action::Action;
use crate::bank::{Difficulty, Record, Topic};
use crate::schedule::{CardState, Phase};

/// From this many candidates a query is matched on all cores.
const PARALLEL_FROM: usize = 20_000;

/// List order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// Best match first while there is a query, else source order.
    Match,
    Source,
    /// Soonest due first (overdue first; unseen last).
    Due,
    /// Hard first.
    Difficulty,
    /// Most lapses first.
    Lapses,
}

impl Sort {
    pub fn name(self) -> &'static str {
        match self {
            Sort::Match => "best match",
            Sort::Source => "source order",
            Sort::Due => "due",
            Sort::Difficulty => "difficulty",
            Sort::Lapses => "lapses",
        }
    }

    fn next(self) -> Sort {
        match self {
            Sort::Match => Sort::Source,
            Sort::Source => Sort::Due,
            Sort::Due => Sort::Difficulty,
            Sort::Difficulty => Sort::Lapses,
            Sort::Lapses => Sort::Match,
        }
    }
}

/// What the list shows of a card's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Brief {
    pub phase: Phase,
    pub suspended: bool,
    /// Due time as seconds since the epoch (None: never studied).
    pub due: Option<i64>,
    pub lapses: u32,
}

impl Brief {
    pub fn of(card: Option<&CardState>) -> Brief {
        let card = card.cloned().unwrap_or_default();
        Brief {
            phase: card.phase,
            suspended: card.suspended,
            due: card
                .due
                .filter(|_| card.phase != Phase::New)
                .map(|t| t.as_second()),
            lapses: card.lapses,
        }
    }
}

pub struct Browse {
    pub query: String,
    pub search_answers: bool,
    pub difficulty: Option<Difficulty>,
    pub topic: Option<Topic>,
    pub sort: Sort,
    /// Record indices listed, in order.
    pub matches: Vec<usize>,
    /// Position of the selection in `matches`.
    pub selected: usize,
    /// First list row shown.
    pub offset: usize,
    pub preview_scroll: u16,
    /// Each record's state, as listed.
    pub briefs: Vec<Brief>,
    /// Topics present in the records, for cycling.
    topics: Vec<Topic>,
    /// Each question as the list shows it: its Markdown as plain text
    /// (`enumerate()`, not `` `enumerate()` ``).
    pub titles: Vec<String>,
    questions: Vec<Utf32String>,
    answers_lower: Option<Vec<String>>,
    /// One matcher per core.
    matchers: Vec<Matcher>,
    /// The queries typed since the last filter change that are prefixes of
    /// the current one, each with the records it matched (before sorting):
    /// typing on narrows the newest; Backspace goes back to an older one
    /// without matching again.
    chain: Vec<(String, Vec<(usize, u32)>)>,
}

/// A question's Markdown as one line of plain text; most questions have
/// no Markdown in them and are taken as they are.
fn plain(question: &str) -> String {
    if question.contains(['`', '*', '_', '[', '<', '&', '\\']) {
        crate::display::markdown_line(question)
    } else {
        question.to_string()
    }
}

impl Browse {
    pub fn new(records: &[Record], briefs: Vec<Brief>) -> Browse {
        let mut topics: Vec<Topic> = Vec::new();
        let mut present = [false; 64];
        for r in records {
            for t in &r.topics {
                present[*t as usize] = true;
            }
        }
        for t in Topic::ALL {
            if present[*t as usize] {
                topics.push(*t);
            }
        }
        let titles: Vec<String> = records.iter().map(|r| plain(&r.question)).collect();
        let mut browse = Browse {
            query: String::new(),
            search_answers: false,
            difficulty: None,
            topic: None,
            sort: Sort::Match,
            matches: Vec::new(),
            selected: 0,
            offset: 0,
            preview_scroll: 0,
            briefs,
            topics,
            questions: titles
                .iter()
                .map(|t| Utf32String::from(t.as_str()))
                .collect(),
            titles,
            answers_lower: None,
            matchers: (0..std::thread::available_parallelism().map_or(1, |n| n.get()))
                .map(|_| Matcher::new(Config::DEFAULT))
                .collect(),
            chain: Vec::new(),
        };
        browse.refilter(records);
        browse
    }

    /// The selected record's index, if the list is not empty.
    pub fn selected_record(&self) -> Option<usize> {
        self.matches.get(self.selected).copied()
    }

    /// Applies an action; returns true when the selection changed to
    /// another card (its preview must be rendered again).
    pub fn update(&mut self, action: Action, records: &[Record], page: usize) -> bool {
        let before = self.selected_record();
        match action {
            Action::Type(c) => {
                self.query.push(c);
                self.refilter(records);
            }
            Action::DeleteChar => {
                self.query.pop();
                self.refilter(records);
            }
            Action::ClearQuery => {
                self.query.clear();
                self.refilter(records);
            }
            Action::ToggleAnswers => {
                self.search_answers = !self.search_answers;
                self.chain.clear();
                self.refilter(records);
            }
            Action::CycleDifficulty => {
                self.difficulty = match self.difficulty {
                    None => Some(Difficulty::Easy),
                    Some(Difficulty::Easy) => Some(Difficulty::Medium),
                    Some(Difficulty::Medium) => Some(Difficulty::Hard),
                    Some(Difficulty::Hard) => None,
                };
                self.chain.clear();
                self.refilter(records);
            }
            Action::CycleTopic => {
                self.topic = match self.topic {
                    None => self.topics.first().copied(),
                    Some(t) => {
                        let i = self.topics.iter().position(|&x| x == t);
                        i.and_then(|i| self.topics.get(i + 1)).copied()
                    }
                };
                self.chain.clear();
                self.refilter(records);
            }
            Action::CycleTopicBack => {
                self.topic = match self.topic {
                    None => self.topics.last().copied(),
                    Some(t) => {
                        let i = self.topics.iter().position(|&x| x == t);
                        i.and_then(|i| i.checked_sub(1))
                            .and_then(|i| self.topics.get(i))
                            .copied()
                    }
                };
                self.chain.clear();
                self.refilter(records);
            }
            Action::CycleSort => {
                self.sort = self.sort.next();
                let keep = self.selected_record();
                self.resort(records);
                if let Some(k) = keep {
                    self.selected = self.matches.iter().position(|&i| i == k).unwrap_or(0);
                }
            }
            Action::SelectUp => self.selected = self.selected.saturating_sub(1),
            Action::SelectDown => self.selected += 1,
            Action::SelectPageUp => self.selected = self.selected.saturating_sub(page.max(1)),
            Action::SelectPageDown => self.selected += page.max(1),
            Action::SelectFirst => self.selected = 0,
            Action::SelectLast => self.selected = usize::MAX,
            Action::PreviewDown => self.preview_scroll = self.preview_scroll.saturating_add(3),
            Action::PreviewUp => self.preview_scroll = self.preview_scroll.saturating_sub(3),
            _ => {}
        }
        self.selected = self.selected.min(self.matches.len().saturating_sub(1));
        self.keep_visible(page);
        let changed = self.selected_record() != before;
        if changed {
            self.preview_scroll = 0;
        }
        changed
    }

    /// Scrolls the list so the selection is on one of `rows` rows.
    pub fn keep_visible(&mut self, rows: usize) {
        let rows = rows.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
    }

    fn passes_filters(&self, r: &Record) -> bool {
        self.difficulty.is_none_or(|d| r.difficulty == d)
            && self.topic.is_none_or(|t| r.topics.contains(&t))
    }

    /// Matches the query against the records (or against the last matches
    /// when the query only grew), then sorts.
    fn refilter(&mut self, records: &[Record]) {
        let query = self.query.trim().to_string();
        // Keep only the queries the new one extends (or equals).
        while self
            .chain
            .last()
            .is_some_and(|(q, _)| !query.starts_with(q.as_str()) || query.contains('!'))
        {
            self.chain.pop();
        }
        let cached = self
            .chain
            .last()
            .filter(|(q, _)| *q == query)
            .map(|(_, scored)| scored.clone());
        let scored: Vec<(usize, u32)> = if let Some(scored) = cached {
            scored
        } else if query.is_empty() {
            (0..records.len())
                .filter(|&i| self.passes_filters(&records[i]))
                .map(|i| (i, 0))
                .collect()
        } else {
            // Typing on narrows: every match of the longer query matched
            // the shorter one (not so with `!` negations).
            let narrow_from = self.chain.last().filter(|(q, _)| !q.is_empty());
            let candidates: Vec<usize> = match narrow_from {
                Some((_, prev)) => prev.iter().map(|&(i, _)| i).collect(),
                None => (0..records.len())
                    .filter(|&i| self.passes_filters(&records[i]))
                    .collect(),
            };
            let pattern = Pattern::parse(&query, CaseMatching::Smart, Normalization::Smart);
            if self.search_answers && self.answers_lower.is_none() {
                self.answers_lower =
                    Some(records.iter().map(|r| r.answer.to_lowercase()).collect());
            }
            let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
            let answers = self
                .answers_lower
                .as_deref()
                .filter(|_| self.search_answers);
            let questions = &self.questions;
            let score = |chunk: &[usize], matcher: &mut Matcher| {
                let mut out = Vec::with_capacity(chunk.len());
                let mut chars = Vec::new();
                for &i in chunk {
                    if let Some(score) =
                        pattern_score(&pattern, questions[i].slice(..), matcher, &mut chars)
                    {
                        out.push((i, score + 1000));
                    } else if let Some(answers) = answers
                        && words.iter().all(|w| answers[i].contains(w.as_str()))
                    {
                        out.push((i, 0));
                    }
                }
                out
            };
            // Large lists are matched on every core, each with its matcher.
            let parts = if candidates.len() >= PARALLEL_FROM {
                self.matchers.len()
            } else {
                1
            };
            let chunk = candidates.len().div_ceil(parts).max(1);
            if parts == 1 {
                score(&candidates, &mut self.matchers[0])
            } else {
                std::thread::scope(|scope| {
                    let handles: Vec<_> = candidates
                        .chunks(chunk)
                        .zip(self.matchers.iter_mut())
                        .map(|(part, matcher)| scope.spawn(|| score(part, matcher)))
                        .collect();
                    let mut out = Vec::with_capacity(candidates.len());
                    for h in handles {
                        out.extend(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
                    }
                    out
                })
            }
        };
        if self.chain.last().is_none_or(|(q, _)| *q != query) {
            self.chain.push((query, scored.clone()));
        }
        self.apply_order(scored, records);
        self.selected = 0;
        self.offset = 0;
        self.preview_scroll = 0;
    }

    fn resort(&mut self, records: &[Record]) {
        if let Some((_, scored)) = self.chain.last() {
            let scored = scored.clone();
            self.apply_order(scored, records);
        }
    }

    fn apply_order(&mut self, mut scored: Vec<(usize, u32)>, records: &[Record]) {
        let briefs = &self.briefs;
        match self.sort {
            Sort::Match if !self.query.trim().is_empty() => {
                scored.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)))
            }
            Sort::Match | Sort::Source => scored.sort_unstable_by_key(|&(i, _)| i),
            Sort::Due => {
                scored.sort_unstable_by_key(|&(i, _)| (briefs[i].due.unwrap_or(i64::MAX), i))
            }
            Sort::Difficulty => {
                scored.sort_unstable_by_key(|&(i, _)| (std::cmp::Reverse(records[i].difficulty), i))
            }
            Sort::Lapses => {
                scored.sort_unstable_by_key(|&(i, _)| (std::cmp::Reverse(briefs[i].lapses), i))
            }
        }
        self.matches = scored.into_iter().map(|(i, _)| i).collect();
    }
}

/// The pattern's score for one question: `Pattern::score`, except that a
/// case-sensitive `^prefix`, `suffix$` or `^exact$` atom is matched against
/// the question as code points. nucleo-matcher 0.3.1 compares such an atom
/// with the whole of an ASCII haystack, so `^How` matched only a question
/// that is exactly "How" (fixed upstream in helix-editor/nucleo#71, not yet
/// released).
fn pattern_score(
    pattern: &Pattern,
    question: Utf32Str<'_>,
    matcher: &mut Matcher,
    chars: &mut Vec<char>,
) -> Option<u32> {
    let mut total = 0;
    for atom in &pattern.atoms {
        let anchored = matches!(
            atom.kind,
            AtomKind::Prefix | AtomKind::Postfix | AtomKind::Exact
        );
        let cased = || atom.needle_text().chars().any(char::is_uppercase);
        let score = match question {
            Utf32Str::Ascii(bytes) if anchored && cased() => {
                chars.clear();
                chars.extend(bytes.iter().map(|&b| b as char));
                atom.score(Utf32Str::Unicode(chars), matcher)
            }
            _ => atom.score(question, matcher),
        };
        total += u32::from(score?);
    }
    Some(total)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_list_shows_questions_as_text_not_markdown() {
        assert_eq!(
            super::plain("What is the use of `enumerate()`?"),
            "What is the use of enumerate()?"
        );
        assert_eq!(super::plain("What is **GIL**?"), "What is GIL?");
        assert_eq!(
            super::plain("How do you reverse a list?"),
            "How do you reverse a list?"
        );
    }

    use super::*;
    use crate::bank::{Bank, LoadOptions};

    fn bank() -> Vec<Record> {
        Bank::load(&LoadOptions::default()).unwrap().records
    }

    #[test]
    fn typing_narrows_fuzzily_and_backspace_widens() {
        let records = bank();
        let briefs = records.iter().map(|_| Brief::of(None)).collect();
        let mut b = Browse::new(&records, briefs);
        assert_eq!(b.matches.len(), records.len());
        for c in "gil".chars() {
            b.update(Action::Type(c), &records, 10);
        }
        let gil = b.matches.len();
        assert!(gil > 0 && gil < records.len());
        let top = &records[b.matches[0]].question;
        assert!(top.to_lowercase().contains("gil"), "{top}");
        // Narrowing from the last matches gives what a fresh search gives.
        for c in " thread".chars() {
            b.update(Action::Type(c), &records, 10);
        }
        let narrowed = b.matches.clone();
        let mut fresh = Browse::new(&records, records.iter().map(|_| Brief::of(None)).collect());
        for c in "gil thread".chars() {
            fresh.query.push(c);
        }
        fresh.refilter(&records);
        assert_eq!(narrowed, fresh.matches);
        for _ in 0.." thread".len() {
            b.update(Action::DeleteChar, &records, 10);
        }
        assert_eq!(b.matches.len(), gil);
    }

    #[test]
    fn large_lists_match_the_same_on_all_cores() {
        let base = bank();
        let repeats = PARALLEL_FROM / base.len() + 1;
        let records: Vec<Record> = (0..repeats).flat_map(|_| base.iter().cloned()).collect();
        assert!(records.len() >= PARALLEL_FROM);
        let brief = |n: usize| (0..n).map(|_| Brief::of(None)).collect();
        let mut small = Browse::new(&base, brief(base.len()));
        let mut large = Browse::new(&records, brief(records.len()));
        for c in "decor".chars() {
            small.update(Action::Type(c), &base, 10);
            large.update(Action::Type(c), &records, 10);
        }
        assert!(!small.matches.is_empty());
        assert_eq!(large.matches.len(), small.matches.len() * repeats);
        let mut firsts: Vec<usize> = large
            .matches
            .iter()
            .filter(|&&i| i < base.len())
            .copied()
            .collect();
        let mut expected = small.matches.clone();
        firsts.sort();
        expected.sort();
        assert_eq!(firsts, expected);
    }

    #[test]
    fn filters_sorts_and_selection() {
        let records = bank();
        let briefs = records.iter().map(|_| Brief::of(None)).collect();
        let mut b = Browse::new(&records, briefs);
        b.update(Action::CycleDifficulty, &records, 10);
        assert!(
            b.matches
                .iter()
                .all(|&i| records[i].difficulty == Difficulty::Easy)
        );
        b.update(Action::CycleTopic, &records, 10);
        let topic = b.topic.unwrap();
        assert!(
            b.matches
                .iter()
                .all(|&i| records[i].topics.contains(&topic))
        );
        b.update(Action::SelectLast, &records, 5);
        assert_eq!(b.selected, b.matches.len() - 1);
        assert!(b.offset + 5 > b.selected);
        // Sorting keeps the selected card selected.
        let selected = b.selected_record();
        b.update(Action::CycleSort, &records, 5);
        b.update(Action::CycleSort, &records, 5);
        b.update(Action::CycleSort, &records, 5);
        assert_eq!(b.sort, Sort::Difficulty);
        assert_eq!(b.selected_record(), selected);
    }

    #[test]
    fn answer_search_finds_words_only_in_answers() {
        let records = bank();
        let briefs = records.iter().map(|_| Brief::of(None)).collect();
        let mut b = Browse::new(&records, briefs);
        for c in "memoryview".chars() {
            b.update(Action::Type(c), &records, 10);
        }
        let questions_only = b.matches.len();
        b.update(Action::ToggleAnswers, &records, 10);
        assert!(b.matches.len() > questions_only);
        // The added ones are answer matches, listed after the question matches.
        assert!(
            b.matches[questions_only..]
                .iter()
                .all(|&i| records[i].answer.to_lowercase().contains("memoryview"))
        );
    }

    #[test]
    fn anchored_searches_respect_smart_case_on_ascii_questions() {
        let records = bank();
        let briefs = records.iter().map(|_| Brief::of(None)).collect();
        let mut b = Browse::new(&records, briefs);
        let count = |b: &mut Browse, query: &str| {
            b.update(Action::ClearQuery, &records, 10);
            for c in query.chars() {
                b.update(Action::Type(c), &records, 10);
            }
            b.matches.len()
        };
        let starting = |p: &str| records.iter().filter(|r| r.question.starts_with(p)).count();
        let how = starting("How");
        assert!(how > 100, "{how}");
        assert_eq!(count(&mut b, "^How"), how);
        assert!(count(&mut b, "^how") >= how);
        // Words are separate terms (fzf): ^What, then is, the, G anywhere.
        count(&mut b, "^What is the G");
        let listed: Vec<&str> = b
            .matches
            .iter()
            .map(|&i| records[i].question.as_str())
            .collect();
        assert!(listed.iter().all(|q| q.starts_with("What")), "{listed:?}");
        let gil = records
            .iter()
            .filter(|r| r.question.starts_with("What is the G"))
            .count();
        assert!(
            gil > 0
                && listed
                    .iter()
                    .filter(|q| q.starts_with("What is the G"))
                    .count()
                    == gil
        );
        let ending = records
            .iter()
            .filter(|r| r.question.ends_with("Python?"))
            .count();
        assert!(ending > 10);
        assert_eq!(count(&mut b, "Python?$"), ending);
        // Case-sensitive means it: no question starts with a capital "HOW".
        assert_eq!(count(&mut b, "^HOW"), starting("HOW"));
        assert_eq!(count(&mut b, "!^How"), records.len() - how);
    }
}
