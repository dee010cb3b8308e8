//! Step 1 of ingestion: bytes to text. UTF-8, or UTF-16 with a byte-order
//! mark (which says unambiguously what it is); a UTF-8 byte-order mark is
//! stripped and CRLF / lone CR line ends become LF. Anything else is an
//! error that says what the bytes look like.

use super::error::BankError;

/// Decodes a content file. A file that is not UTF-8 is an error naming the
/// file, the line of the first bad byte, and what the bytes look like
/// (UTF-16 without a byte-order mark, UTF-32, Latin-1 / Windows-1252).
pub fn decode(file: &str, bytes: &[u8]) -> Result<String, BankError> {
    let not_utf8 = |offset: usize, looks_like: &str| BankError::NotUtf8 {
        file: file.to_string(),
        line: 1 + bytes[..offset.min(bytes.len())]
            .iter()
            .filter(|&&b| b == b'\n')
            .count(),
        offset,
        looks_like: looks_like.to_string(),
    };
    if bytes.starts_with(b"\xFF\xFE\0\0") || bytes.starts_with(b"\0\0\xFE\xFF") {
        return Err(not_utf8(
            0,
            ": it is UTF-32 (it starts with a UTF-32 byte-order mark)",
        ));
    }
    let boms: [(&[u8], CodeUnit, &str); 2] = [
        (b"\xFF\xFE", u16::from_le_bytes, "LE"),
        (b"\xFE\xFF", u16::from_be_bytes, "BE"),
    ];
    for (bom, unit, order) in boms {
        if let Some(rest) = bytes.strip_prefix(bom) {
            return utf16(rest, unit)
                .map(|t| normalize_newlines(&t))
                .ok_or_else(|| {
                    not_utf8(
                        0,
                        &format!(
                            ": it starts with a UTF-16 {order} byte-order mark but is not valid UTF-16"
                        ),
                    )
                });
        }
    }
    if let Some(order) = utf16_without_bom(bytes) {
        return Err(not_utf8(
            0,
            &format!(
                ": it looks like UTF-16 {order} without a byte-order mark (every other byte is 0)"
            ),
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let looks_like = if looks_like_single_byte(bytes) {
            ": it looks like Latin-1 or Windows-1252 (`iconv -f WINDOWS-1252 -t UTF-8` converts it)"
        } else {
            ""
        };
        not_utf8(offset, looks_like)
    })?;
    Ok(normalize_newlines(text))
}

/// Reads one UTF-16 code unit from two bytes, in one byte order.
type CodeUnit = fn([u8; 2]) -> u16;

fn utf16(bytes: &[u8], unit: CodeUnit) -> Option<String> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
    String::from_utf16(&units).ok()
}

/// "LE" or "BE" when the first few KB have a zero in nearly every odd
/// (LE) or even (BE) byte and hardly any in the others: ASCII-range text
/// saved as UTF-16 with no byte-order mark. (Such a file is valid UTF-8,
/// full of NULs, and reads as no questions at all.)
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static str> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zero_even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let zero_odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    let most = pairs * 7 / 10;
    let few = pairs / 10;
    if zero_odd >= most && zero_even <= few {
        Some("LE")
    } else if zero_even >= most && zero_odd <= few {
        Some("BE")
    } else {
        None
    }
}

/// Whether invalid UTF-8 reads like a single-byte encoding: high bytes
/// standing alone between ASCII, not in UTF-8's lead/continuation shapes.
fn looks_like_single_byte(bytes: &[u8]) -> bool {
    let high = bytes.iter().filter(|&&b| b >= 0x80).count();
    if high == 0 || bytes.contains(&0) {
        return false;
    }
    let lone = bytes
        .windows(3)
        .filter(|w| w[1] >= 0x80 && w[0] < 0x80 && w[2] < 0x80)
        .count();
    lone * 2 >= high
}

fn normalize_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_with_a_bom_is_read_and_without_one_is_named() {
        let text = "## Q. What is a tuple?\r\n\r\nAn immutable sequence.\r\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let expected = "## Q. What is a tuple?\n\nAn immutable sequence.\n";
        assert_eq!(
            decode("a.md", &[&b"\xFF\xFE"[..], &le].concat()).unwrap(),
            expected
        );
        assert_eq!(
            decode("a.md", &[&b"\xFE\xFF"[..], &be].concat()).unwrap(),
            expected
        );
        let e = decode("a.md", &le).unwrap_err().to_string();
        assert!(e.contains("UTF-16 LE without a byte-order mark"), "{e}");
        let e = decode("a.md", &be).unwrap_err().to_string();
        assert!(e.contains("UTF-16 BE without a byte-order mark"), "{e}");
        let e = decode("a.md", b"\xFF\xFE\0\0#\0\0\0")
            .unwrap_err()
            .to_string();
        assert!(e.contains("UTF-32"), "{e}");
    }

    #[test]
    fn windows_1252_is_named_with_the_fix() {
        // "Café résumé – naïve" in Windows-1252
        let e = decode("a.md", b"## Caf\xe9 r\xe9sum\xe9 \x96 na\xefve?\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("a.md:1: not valid UTF-8 (byte offset 6)"), "{e}");
        assert!(e.contains("Latin-1 or Windows-1252"), "{e}");
        // a truncated UTF-8 sequence is not called Latin-1
        let e = decode("a.md", "é".as_bytes().split_at(1).0)
            .unwrap_err()
            .to_string();
        assert!(!e.contains("Latin-1"), "{e}");
    }

    #[test]
    fn strips_bom_and_crlf() {
        let text = decode("a.md", b"\xEF\xBB\xBFline one\r\nline two\rthree\n").unwrap();
        assert_eq!(text, "line one\nline two\nthree\n");
    }

    #[test]
    fn non_utf8_names_file_and_line() {
        let err = decode("deck.md", b"ok\nstill ok\nbad \xFF here").unwrap_err();
        match err {
            BankError::NotUtf8 {
                file, line, offset, ..
            } => {
                assert_eq!(file, "deck.md");
                assert_eq!(line, 3);
                assert_eq!(offset, 16);
            }
            other => panic!("unexpected error {other:?}"),
        }
    }
}
