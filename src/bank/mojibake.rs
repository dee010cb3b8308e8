//! Step 2 of ingestion: repair mojibake, text that was UTF-8 but was decoded
//! as Windows-1252 (`ðŸ‘†` → 👆) or Mac Roman (`‚Äô` → ’) and saved again.
//!
//! The repair works on each maximal run of non-ASCII characters on its own:
//! the run is encoded back to bytes with one of the two legacy code pages and
//! kept only if those bytes are valid UTF-8. Genuine non-ASCII text (a real
//! `’`, `é`, CJK) does not round-trip that way and is left alone, which a
//! whole-file re-decode could not promise.

use std::borrow::Cow;

/// Mac Roman bytes 0x80..=0xFF. 0xF0 is Apple's logo, U+F8FF.
const MAC_ROMAN: [char; 128] = [
    '\u{00C4}', '\u{00C5}', '\u{00C7}', '\u{00C9}', '\u{00D1}', '\u{00D6}', '\u{00DC}', '\u{00E1}',
    '\u{00E0}', '\u{00E2}', '\u{00E4}', '\u{00E3}', '\u{00E5}', '\u{00E7}', '\u{00E9}', '\u{00E8}',
    '\u{00EA}', '\u{00EB}', '\u{00ED}', '\u{00EC}', '\u{00EE}', '\u{00EF}', '\u{00F1}', '\u{00F3}',
    '\u{00F2}', '\u{00F4}', '\u{00F6}', '\u{00F5}', '\u{00FA}', '\u{00F9}', '\u{00FB}', '\u{00FC}',
    '\u{2020}', '\u{00B0}', '\u{00A2}', '\u{00A3}', '\u{00A7}', '\u{2022}', '\u{00B6}', '\u{00DF}',
    '\u{00AE}', '\u{00A9}', '\u{2122}', '\u{00B4}', '\u{00A8}', '\u{2260}', '\u{00C6}', '\u{00D8}',
    '\u{221E}', '\u{00B1}', '\u{2264}', '\u{2265}', '\u{00A5}', '\u{00B5}', '\u{2202}', '\u{2211}',
    '\u{220F}', '\u{03C0}', '\u{222B}', '\u{00AA}', '\u{00BA}', '\u{03A9}', '\u{00E6}', '\u{00F8}',
    '\u{00BF}', '\u{00A1}', '\u{00AC}', '\u{221A}', '\u{0192}', '\u{2248}', '\u{2206}', '\u{00AB}',
    '\u{00BB}', '\u{2026}', '\u{00A0}', '\u{00C0}', '\u{00C3}', '\u{00D5}', '\u{0152}', '\u{0153}',
    '\u{2013}', '\u{2014}', '\u{201C}', '\u{201D}', '\u{2018}', '\u{2019}', '\u{00F7}', '\u{25CA}',
    '\u{00FF}', '\u{0178}', '\u{2044}', '\u{20AC}', '\u{2039}', '\u{203A}', '\u{FB01}', '\u{FB02}',
    '\u{2021}', '\u{00B7}', '\u{201A}', '\u{201E}', '\u{2030}', '\u{00C2}', '\u{00CA}', '\u{00C1}',
    '\u{00CB}', '\u{00C8}', '\u{00CD}', '\u{00CE}', '\u{00CF}', '\u{00CC}', '\u{00D3}', '\u{00D4}',
    '\u{F8FF}', '\u{00D2}', '\u{00DA}', '\u{00DB}', '\u{00D9}', '\u{0131}', '\u{02C6}', '\u{02DC}',
    '\u{00AF}', '\u{02D8}', '\u{02D9}', '\u{02DA}', '\u{00B8}', '\u{02DD}', '\u{02DB}', '\u{02C7}',
];

/// Windows-1252 bytes 0x80..=0x9F; the five bytes the code page leaves
/// undefined are taken as the C1 controls, as browsers and ftfy do.
const CP1252_80_9F: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}',
    '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

fn cp1252_byte(c: char) -> Option<u8> {
    let cp = c as u32;
    if (0xA0..=0xFF).contains(&cp) {
        return Some(cp as u8);
    }
    CP1252_80_9F
        .iter()
        .position(|&m| m == c)
        .map(|i| 0x80 + i as u8)
}

fn mac_roman_byte(c: char) -> Option<u8> {
    MAC_ROMAN
        .iter()
        .position(|&m| m == c)
        .map(|i| 0x80 + i as u8)
}

/// Re-encodes a run with one code page and decodes the bytes as UTF-8.
fn round_trip(run: &str, byte_of: fn(char) -> Option<u8>) -> Option<String> {
    let bytes: Option<Vec<u8>> = run.chars().map(byte_of).collect();
    String::from_utf8(bytes?).ok()
}

/// Whether a run's first character could be the first byte of a UTF-8
/// sequence (0xC2 to 0xF4) in either code page: if not, neither round trip
/// can succeed, and most genuine text (`’`, `é`, CJK) stops here without
/// being copied.
fn could_start_utf8(c: char) -> bool {
    let lead = |b: Option<u8>| b.is_some_and(|b| (0xC2..=0xF4).contains(&b));
    lead(cp1252_byte(c)) || lead(mac_roman_byte(c))
}

fn repair_run(run: &str) -> Option<String> {
    if !run.chars().next().is_some_and(could_start_utf8) {
        return None;
    }
    let mut current = run.to_string();
    let mut changed = false;
    // Text that went through the wrong decoder twice needs two passes.
    for _ in 0..3 {
        let next =
            round_trip(&current, cp1252_byte).or_else(|| round_trip(&current, mac_roman_byte));
        match next {
            Some(fixed) if fixed != current => {
                current = fixed;
                changed = true;
            }
            _ => break,
        }
    }
    changed.then_some(current)
}

/// The first byte at or after `from` that is not ASCII, looking at eight
/// bytes at a time (most of a document is ASCII).
fn next_non_ascii(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = &bytes[from..];
    let ascii_words = rest
        .chunks_exact(8)
        .take_while(|chunk| {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            u64::from_ne_bytes(word) & 0x8080_8080_8080_8080 == 0
        })
        .count();
    let skip = ascii_words * 8;
    rest[skip..]
        .iter()
        .position(|&b| b >= 0x80)
        .map(|n| from + skip + n)
}

/// Repairs every mojibake run in `text`, leaving genuine non-ASCII alone.
pub fn repair(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    // Runs of non-ASCII characters are runs of bytes >= 0x80 (UTF-8 lead
    // and continuation bytes alike), found without decoding characters.
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    let mut last = 0;
    let mut at = 0;
    while let Some(start) = next_non_ascii(bytes, at) {
        let end = bytes[start..]
            .iter()
            .position(|&b| b < 0x80)
            .map_or(bytes.len(), |n| start + n);
        if let Some(fixed) = repair_run(&text[start..end]) {
            let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
            out.push_str(&text[last..start]);
            out.push_str(&fixed);
            last = end;
        }
        at = end;
    }
    match out {
        None => Cow::Borrowed(text),
        Some(mut out) => {
            out.push_str(&text[last..]);
            Cow::Owned(out)
        }
    }
}

/// Sequences that only occur in mojibake; used by tests and `check`.
pub const MOJIBAKE_MARKERS: &[&str] = &["â€", "ðŸ", "‚Ä", "‚Ü", "‚ú", "‚ù", "üî", "üü", "\u{F8FF}"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_emoji() {
        assert_eq!(repair("Back to Top ðŸ‘†"), "Back to Top 👆");
    }

    #[test]
    fn mac_roman_quotes_and_arrows() {
        assert_eq!(repair("Python‚Äôs GIL ‚Üí lock"), "Python’s GIL → lock");
    }

    #[test]
    fn mac_roman_emoji_with_apple_logo() {
        assert_eq!(repair("\u{F8FF}üî¥ Hard"), "🔴 Hard");
        assert_eq!(repair("\u{F8FF}üëâ"), "👉");
    }

    #[test]
    fn adjacent_mojibake_sequences_in_one_run() {
        assert_eq!(repair("x ‚Ä¶‚Äù y"), "x …” y");
        assert_eq!(repair("‚îú‚îÄ‚îÄ app"), "├── app");
    }

    #[test]
    fn genuine_text_is_untouched() {
        for s in [
            "Python’s “quoted” text",
            "café naïve",
            "日本語のテキスト",
            "שלום עולם",
            "emoji 🐍 stays",
            "Ü and ü",
        ] {
            assert!(matches!(repair(s), Cow::Borrowed(_)), "{s} was changed");
        }
    }

    /// What a Windows-1252 decoder makes of UTF-8 bytes.
    fn misdecode(text: &str) -> String {
        text.bytes()
            .map(|b| {
                if !(0x80..0xA0).contains(&b) {
                    char::from(b)
                } else {
                    CP1252_80_9F[(b - 0x80) as usize]
                }
            })
            .collect()
    }

    #[test]
    fn double_encoded_text_is_repaired_fully() {
        let twice = misdecode(&misdecode("’"));
        assert_eq!(repair(&misdecode("’")), "’");
        assert_eq!(repair(&twice), "’");
    }
}
