//! Fast matching of many keyword phrases against short texts: the phrases'
//! words are interned once, and each phrase is found through its first word.

use rustc_hash::FxHashMap as HashMap;

use super::text::words;

/// A set of phrases, each carrying a value of type `K`.
pub struct PhraseIndex<K> {
    vocabulary: HashMap<String, u32>,
    by_first: HashMap<u32, Vec<(K, Vec<u32>)>>,
}

/// A text's words as vocabulary ids (`u32::MAX` for words no phrase uses).
pub struct Encoded(Vec<u32>);

impl<K: Copy> PhraseIndex<K> {
    pub fn new<'a>(phrases: impl IntoIterator<Item = (K, &'a str)>) -> Self {
        Self::with_vocabulary(HashMap::default(), phrases)
    }

    /// An index whose vocabulary extends `base`'s: a text encoded by this
    /// index can be matched against `base` too, so it is encoded once.
    pub fn extending<'a, J>(
        base: &PhraseIndex<J>,
        phrases: impl IntoIterator<Item = (K, &'a str)>,
    ) -> Self {
        Self::with_vocabulary(base.vocabulary.clone(), phrases)
    }

    fn with_vocabulary<'a>(
        mut vocabulary: HashMap<String, u32>,
        phrases: impl IntoIterator<Item = (K, &'a str)>,
    ) -> Self {
        let mut by_first: HashMap<u32, Vec<(K, Vec<u32>)>> = HashMap::default();
        for (key, phrase) in phrases {
            let ids: Vec<u32> = words(phrase)
                .map(|w| {
                    let next = vocabulary.len() as u32;
                    *vocabulary.entry(w.to_lowercase()).or_insert(next)
                })
                .collect();
            if let Some(&first) = ids.first() {
                by_first.entry(first).or_default().push((key, ids));
            }
        }
        PhraseIndex {
            vocabulary,
            by_first,
        }
    }

    pub fn encode(&self, text: &str) -> Encoded {
        Encoded(
            words(text)
                .map(|w| {
                    let id = self.vocabulary.get(w).copied();
                    id.or_else(|| {
                        w.chars()
                            .any(char::is_uppercase)
                            .then(|| self.vocabulary.get(&w.to_lowercase()).copied())
                            .flatten()
                    })
                    .unwrap_or(u32::MAX)
                })
                .collect(),
        )
    }

    /// Calls `found` once for each phrase of a reading that takes, from
    /// left to right, the longest phrase starting at each word and skips
    /// the words it covers: "event loop" is not also "loop", nor
    /// "`__init__.py`" also "`__init__`". A phrase listed under several
    /// keys is found under each, in the order they were listed.
    pub fn for_each_longest_match(&self, text: &Encoded, mut found: impl FnMut(K)) {
        let ids = &text.0;
        let mut i = 0;
        while i < ids.len() {
            let candidates = self.by_first.get(&ids[i]).map_or(&[][..], Vec::as_slice);
            let matching = || {
                candidates
                    .iter()
                    .filter(|(_, phrase)| ids[i..].starts_with(phrase))
            };
            match matching().map(|(_, phrase)| phrase.len()).max() {
                // A phrase listed under several keys counts for each.
                Some(longest) => {
                    for (key, _) in matching().filter(|(_, p)| p.len() == longest) {
                        found(*key);
                    }
                    i += longest;
                }
                None => i += 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_phrases_by_words() {
        let index = PhraseIndex::new([(1, "event loop"), (2, "gil"), (3, "args")]);
        let mut found = Vec::new();
        index.for_each_longest_match(
            &index.encode("The Event Loop and the GIL; *args, event"),
            |k| found.push(k),
        );
        assert_eq!(found, [1, 2, 3]);
        let mut none = Vec::new();
        index.for_each_longest_match(&index.encode("eventloop"), |k| none.push(k));
        assert!(none.is_empty());
    }

    #[test]
    fn longest_reading_covers_words_once() {
        let index = PhraseIndex::new([(1, "loop"), (2, "event loop"), (3, "event"), (4, "py")]);
        let mut found = Vec::new();
        index.for_each_longest_match(&index.encode("event loop, loop event py"), |k| {
            found.push(k)
        });
        assert_eq!(found, [2, 1, 3, 4]);
    }
}
