//! Stable card ids: a hash of the source file name and the normalized
//! question text, plus an occurrence number when a file asks the same
//! question more than once. Editing an answer or reordering files keeps ids.

use rustc_hash::FxHashMap as HashMap;

use super::text::words;

/// FNV-1a, 64 bit: tiny, and fixed forever (unlike std's hasher).
pub(crate) fn fnv1a(bytes: impl IntoIterator<Item = u8>) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// Question text as the id sees it: lowercase words, Markdown and
/// punctuation ignored, so fixing a typo in emphasis keeps the id.
pub fn normalize_question(question: &str) -> String {
    let mut out = String::with_capacity(question.len());
    for word in words(question) {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            out.extend(word.chars().flat_map(char::to_lowercase));
        }
    }
    out
}

/// Assigns ids in source order.
#[derive(Default)]
pub struct IdAssigner {
    /// Occurrences so far, by hash of source and normalized question.
    seen: HashMap<u64, u32>,
}

impl IdAssigner {
    /// The id of `question` (as written) in `source`.
    #[cfg(test)]
    pub fn assign(&mut self, source: &str, question: &str) -> String {
        self.assign_normalized(source, &normalize_question(question))
    }

    /// The id of a question already normalized by [`normalize_question`].
    pub fn assign_normalized(&mut self, source: &str, normalized: &str) -> String {
        let hash = fnv1a(source.bytes().chain([0]).chain(normalized.bytes()));
        let n = self.seen.entry(hash).or_insert(0);
        *n += 1;
        let base = format!("{:012x}", hash >> 16);
        if *n == 1 { base } else { format!("{base}-{n}") }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_and_occurrence_numbered() {
        let mut ids = IdAssigner::default();
        let a = ids.assign("deck.md", "What is **X**?");
        let b = ids.assign("deck.md", "what is x");
        let c = ids.assign("other.md", "What is X?");
        assert_eq!(a.len(), 12);
        assert_eq!(b, format!("{a}-2"));
        assert_ne!(a, c);
        // Fixed forever: this value must never change.
        assert_eq!(IdAssigner::default().assign("deck.md", "What is X?"), a);
        assert_eq!(
            a,
            format!(
                "{:012x}",
                fnv1a(b"deck.md\0what is x".iter().copied()) >> 16
            )
        );
    }
}
