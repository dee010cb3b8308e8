//! Hostile but plausible deck shapes, each made at a chosen size: the
//! shapes the reliability review found superlinear or heavy (unclosed and
//! nested `<details>`, a long heading over many questions, deep nesting,
//! huge lines), and the other layouts' characteristic lines repeated.
//! Shared by tests/adversarial.rs (bounded sizes, in CI) and
//! benches/adversarial.rs (1 MB and 4 MB).

#![allow(dead_code)]

/// Makes a deck of about the given number of bytes.
pub type Maker = fn(usize) -> Vec<u8>;

/// (name, maker) for every shape.
pub const SHAPES: &[(&str, Maker)] = &[
    ("unclosed details", unclosed_details),
    ("nested details", nested_details),
    ("long heading over many questions", long_heading),
    ("deep one-line list and quote", deep_nesting),
    ("one huge question line", huge_line),
    ("questions without answers", unanswered),
    ("obsidian :: lines", colons),
    ("unclosed code fences", unclosed_fences),
    ("bold questions", bold_questions),
    ("Q:/A: labels", labels),
    ("multiple choice", multiple_choice),
    ("NUL and lone CR", nul_and_cr),
];

fn repeat_to(bytes: usize, mut unit: impl FnMut(usize) -> String) -> Vec<u8> {
    let mut out = String::with_capacity(bytes + 256);
    let mut k = 0;
    while out.len() < bytes {
        out.push_str(&unit(k));
        k += 1;
    }
    out.into_bytes()
}

pub fn unclosed_details(bytes: usize) -> Vec<u8> {
    repeat_to(bytes, |k| {
        format!("<details><summary>What is {k}?</summary>\nanswer {k}\n")
    })
}

pub fn nested_details(bytes: usize) -> Vec<u8> {
    let open = "<details><summary>What?</summary>\n";
    let close = "</details>\n";
    let n = bytes / (open.len() + close.len());
    format!("{}x\n{}", open.repeat(n), close.repeat(n)).into_bytes()
}

/// Half the bytes one section heading, half questions under it.
pub fn long_heading(bytes: usize) -> Vec<u8> {
    let mut out = format!("# {}\n\n", "section ".repeat(bytes / 16));
    out.push_str(
        &String::from_utf8(repeat_to(bytes / 2, |k| {
            format!("## Q. What is thing {k}?\n\nanswer {k}\n\n")
        }))
        .unwrap_or_default(),
    );
    out.into_bytes()
}

pub fn deep_nesting(bytes: usize) -> Vec<u8> {
    let n = bytes / 4;
    format!(
        "## Q. What is deep?\n\n{}x\n\n{}y\n\n## Q. Next?\n\n[{}\n",
        "- ".repeat(n),
        "> ".repeat(n),
        "[".repeat(n)
    )
    .into_bytes()
}

pub fn huge_line(bytes: usize) -> Vec<u8> {
    format!(
        "## Q. What is {}?\n\nAn answer.\n\n## Q. And \\\\{}?\n\nx\n",
        "x".repeat(bytes / 2),
        "\\\\".repeat(bytes / 4)
    )
    .into_bytes()
}

pub fn unanswered(bytes: usize) -> Vec<u8> {
    repeat_to(bytes, |k| format!("## Q. What is item {k}?\n"))
}

pub fn colons(bytes: usize) -> Vec<u8> {
    repeat_to(bytes, |k| {
        format!("What is {k}::It is {k}\nxs[::2] and a::b::c {k}\n")
    })
}

pub fn unclosed_fences(bytes: usize) -> Vec<u8> {
    repeat_to(bytes, |k| format!("```\n## Q. What is {k}?\n\nx\n"))
}

pub fn bold_questions(bytes: usize) -> Vec<u8> {
    repeat_to(bytes, |k| format!("**What is {k}?**\n\n"))
}

pub fn labels(bytes: usize) -> Vec<u8> {
    repeat_to(bytes, |k| {
        format!("Q: What is {k}?\nA:\n```python\nprint({k})\n```\n")
    })
}

pub fn multiple_choice(bytes: usize) -> Vec<u8> {
    repeat_to(bytes, |k| {
        format!("### Which is {k}?\nA) one\nB) two\n- [ ] three\nAnswer: B\n\n")
    })
}

pub fn nul_and_cr(bytes: usize) -> Vec<u8> {
    repeat_to(bytes, |k| format!("## Q. What\0 is {k}?\r\ranswer\0\r"))
}

/// A small deterministic generator (xorshift), so the mutation corpus is
/// the same on every run.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// One mutation of `seed` of the kinds the review's fuzzing used.
pub fn mutate(seed: &[u8], rng: &mut Rng) -> (&'static str, Vec<u8>) {
    let mut b = seed.to_vec();
    let kind = rng.below(10);
    let name = match kind {
        0 => {
            b.truncate(rng.below(b.len()));
            "truncate"
        }
        1 => {
            for _ in 0..1 + rng.below(64) {
                let i = rng.below(b.len());
                b[i] ^= 1 << rng.below(8);
            }
            "byte flips"
        }
        2 => {
            let text = String::from_utf8_lossy(&b).replace("```", "");
            b = text.into_bytes();
            "deleted fences"
        }
        3 => {
            let at = rng.below(b.len());
            let depth = 1 + rng.below(5000);
            let nest: Vec<u8> = ["- ", "> ", "1. ", "<details>"][rng.below(4)]
                .repeat(depth)
                .into_bytes();
            b.splice(at..at, nest);
            "deep nesting"
        }
        4 => {
            let at = rng.below(b.len());
            let line = vec![b"x\\*_`<["[rng.below(7)]; 1 + rng.below(200_000)];
            b.splice(at..at, line);
            "huge line"
        }
        5 => {
            for _ in 0..1 + rng.below(100) {
                let i = rng.below(b.len());
                b[i] = 0;
            }
            "NUL"
        }
        6 => {
            for _ in 0..1 + rng.below(100) {
                let i = rng.below(b.len());
                b[i] = [0xFF, 0xC0, 0xED, 0x80][rng.below(4)];
            }
            "invalid UTF-8"
        }
        7 => {
            b = b
                .into_iter()
                .map(|c| if c == b'\n' { b'\r' } else { c })
                .collect();
            "lone CR"
        }
        8 => {
            let text = String::from_utf8_lossy(&b).into_owned();
            let mut lines: Vec<&str> = text.lines().collect();
            let n = lines.len();
            for _ in 0..n / 10 {
                let (i, j) = (rng.below(n), rng.below(n));
                lines.swap(i, j);
            }
            b = lines.join("\n").into_bytes();
            "shuffled lines"
        }
        _ => {
            let a = rng.below(b.len());
            let len = rng.below(b.len() - a);
            let chunk = b[a..a + len].to_vec();
            let at = rng.below(b.len());
            b.splice(at..at, chunk);
            "spliced copy"
        }
    };
    (name, b)
}
