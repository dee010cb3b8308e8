//! Ingestion never panics: arbitrary bytes and mutated seed files either
//! parse into sound records or fail with an error naming file and line.

use proptest::prelude::*;
use pyquiz::bank::layout::LAYOUTS;
use pyquiz::bank::{BankError, content::EMBEDDED, parse_source, parse_source_with};

fn check(name: &str, bytes: &[u8]) -> Result<(), TestCaseError> {
    sound(name, bytes, parse_source(name, bytes))
}

fn sound(name: &str, bytes: &[u8], parsed: pyquiz::bank::Parsed) -> Result<(), TestCaseError> {
    match parsed {
        Ok((_, records)) => {
            prop_assert!(!records.is_empty());
            let mut ids = std::collections::HashSet::new();
            for r in &records {
                prop_assert!(!r.question.trim().is_empty());
                prop_assert!(!r.topics.is_empty());
                prop_assert_eq!(&r.source, name);
                prop_assert!(ids.insert(r.id.clone()), "duplicate id {}", r.id);
                prop_assert_eq!(r.has_answer, !r.answer.trim().is_empty());
            }
        }
        Err(e) => {
            prop_assert_eq!(e.file(), Some(name), "error without file: {}", e);
            let line = e.line();
            prop_assert!(line.is_some(), "error without line: {}", e);
            let lines = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
            prop_assert!(
                (1..=lines).contains(&line.unwrap()),
                "line {:?} outside 1..={}: {}",
                line,
                lines,
                e
            );
            let message = e.to_string();
            prop_assert!(
                message.starts_with(&format!("{name}:{}:", line.unwrap())),
                "{}",
                message
            );
            let is_io = matches!(e, BankError::Io { .. });
            prop_assert!(!is_io, "I/O error from in-memory bytes: {}", e);
        }
    }
    Ok(())
}

#[derive(Debug, Clone)]
enum Mutation {
    DeleteLines(usize, usize),
    DuplicateLines(usize, usize),
    SwapLines(usize, usize),
    InsertBytes(usize, Vec<u8>),
    Truncate(usize),
    FlipByte(usize, u8),
    IndentLine(usize, String),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1usize..40).prop_map(|(a, n)| Mutation::DeleteLines(a, n)),
        (any::<usize>(), 1usize..20).prop_map(|(a, n)| Mutation::DuplicateLines(a, n)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        (
            any::<usize>(),
            proptest::collection::vec(any::<u8>(), 1..16)
        )
            .prop_map(|(a, b)| Mutation::InsertBytes(a, b)),
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), any::<u8>()).prop_map(|(a, b)| Mutation::FlipByte(a, b)),
        (
            any::<usize>(),
            prop_oneof![
                Just("\t".to_string()),
                Just("    ".to_string()),
                Just(" ".to_string())
            ]
        )
            .prop_map(|(a, s)| Mutation::IndentLine(a, s)),
    ]
}

fn apply(bytes: &[u8], mutations: &[Mutation]) -> Vec<u8> {
    let mut lines: Vec<Vec<u8>> = bytes.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
    for m in mutations {
        let n = lines.len().max(1);
        match m {
            Mutation::DeleteLines(a, k) => {
                let start = a % n;
                let end = (start + k).min(lines.len());
                lines.drain(start..end);
            }
            Mutation::DuplicateLines(a, k) => {
                let start = a % n;
                let end = (start + k).min(lines.len());
                let copy: Vec<Vec<u8>> = lines[start..end].to_vec();
                lines.splice(end..end, copy);
            }
            Mutation::SwapLines(a, b) if !lines.is_empty() => lines.swap(a % n, b % n),
            Mutation::InsertBytes(a, ins) if !lines.is_empty() => {
                let line = &mut lines[a % n];
                let at = a % (line.len() + 1);
                line.splice(at..at, ins.iter().copied());
            }
            Mutation::Truncate(a) => {
                let mut flat = lines.join(&b'\n');
                flat.truncate(a % (flat.len() + 1));
                lines = flat.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
            }
            Mutation::FlipByte(a, b) if !lines.is_empty() => {
                let line = &mut lines[a % n];
                if !line.is_empty() {
                    let at = a % line.len();
                    line[at] = *b;
                }
            }
            Mutation::IndentLine(a, s) if !lines.is_empty() => {
                lines[a % n].splice(0..0, s.bytes());
            }
            _ => {}
        }
    }
    lines.join(&b'\n')
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        check("fuzz.md", &bytes)?;
    }

    #[test]
    fn arbitrary_text_with_markdown_shapes(
        lines in proptest::collection::vec(
            prop_oneof![
                "### Q[0-9]{1,3}: [a-z `*_]{0,30}\\??",
                "\\*\\*Difficulty\\*\\*: (Beginner|Advanced|x)",
                "[0-9]{1,2}\\. \\*\\*[a-z *]{0,20}\\*\\*",
                "<Accordion title=\"[0-9]\\. [a-z']{0,12}\">",
                "</Accordion>",
                "\\?\\?\\? success \"View Answer\"",
                "    !!! tip \"[a-z]{0,8}\"",
                "(A|Answer|👉): [a-z ]{0,20}",
                "[ \\t]{0,6}```[a-z]{0,8}",
                "[ \\t]{0,8}[a-z=()#:\\[\\]]{0,30}",
                "\\| [a-z ]{0,10} \\| [a-z ]{0,10} \\|",
                "---",
                "",
            ],
            0..60,
        )
    ) {
        check("shapes.md", lines.join("\n").as_bytes())?;
    }
}

/// Lines in the shapes of people's own decks.
fn deck_line() -> impl Strategy<Value = String> {
    prop_oneof![
        "(\\*\\*)?(Q|A|Question|Answer|Hints|Solution)( [0-9])?(\\*\\*)?:(\\*\\*)? [a-z `?]{0,20}",
        "#{1,4} (Q\\.|Q[0-9]:|Question [0-9]|[0-9]\\.)? ?[a-z 什么？؟]{0,16}\\??",
        "[a-z ]{0,12}:{2,3}[a-z`:\\[\\] ]{0,12}",
        "\\?\\??",
        "<!--SR:![0-9-]{0,10},[0-9],[0-9]{3}-->",
        "(- )?(\\(?[a-dA-D][).]|\\[[ x]\\]) [a-z`]{0,12}",
        "(\\*\\*)?(Correct answer|Answer|Ans)(\\*\\*)?: (\\(?[a-dA-D]\\)?)?( and [A-D])?[a-z —]{0,10}",
        "\\*\\*([0-9]\\. )?[a-z`]{0,16}\\??\\*\\*\\??",
        "<details( open)?><summary>[a-z?]{0,10}(</summary>)?[a-z<>/p]{0,12}(</details>)?",
        "(Difficulty|Tags|Level): [a-z, ]{0,12}",
        "(---|\\+\\+\\+|\\.\\.\\.)",
        "[a-z]{1,6}: [a-z\\[\\], ]{0,12}",
        "[ \\t]{0,6}```[a-z]{0,8}",
        "[ \\t]{0,8}[a-zé中 ]{0,24}",
        "",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Every layout, detected or forced, on text in the shapes of the
    /// general layouts: sound records or a clean error, and `pyquiz check`
    /// reports without panicking.
    #[test]
    fn every_layout_on_deck_shapes(lines in proptest::collection::vec(deck_line(), 0..50)) {
        let text = lines.join("\n");
        let bytes = text.as_bytes();
        check("deck.md", bytes)?;
        for &layout in LAYOUTS {
            sound("deck.md", bytes, parse_source_with("deck.md", bytes, Some(layout)))?;
            let report = pyquiz::bank::check::check("deck.md", bytes, Some(layout));
            prop_assert_eq!(report.recognized(), report.questions > 0);
        }
        let report = pyquiz::bank::check::check("deck.md", bytes, None);
        prop_assert!(report.warnings.iter().all(|w| w.line >= 1));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn mutated_seed_files(
        which in 0..EMBEDDED.len(),
        mutations in proptest::collection::vec(mutation(), 1..6),
    ) {
        let (name, bytes) = EMBEDDED[which];
        let mutated = apply(bytes, &mutations);
        check(name, &mutated)?;
    }
}
