//! Step 1 of ingestion: bytes to text. UTF-8 only; a byte-order mark is
//! stripped and CRLF / lone CR line ends become LF.

use super::error::BankError;

/// Decodes a content file. A file that is not UTF-8 is an error naming the
/// file and the line of the first bad byte.
pub fn decode(file: &str, bytes: &[u8]) -> Result<String, BankError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let line = 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count();
        BankError::NotUtf8 {
            file: file.to_string(),
            line,
            offset,
        }
    })?;
    Ok(normalize_newlines(text))
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
    fn strips_bom_and_crlf() {
        let text = decode("a.md", b"\xEF\xBB\xBFline one\r\nline two\rthree\n").unwrap();
        assert_eq!(text, "line one\nline two\nthree\n");
    }

    #[test]
    fn non_utf8_names_file_and_line() {
        let err = decode("deck.md", b"ok\nstill ok\nbad \xFF here").unwrap_err();
        match err {
            BankError::NotUtf8 { file, line, offset } => {
                assert_eq!(file, "deck.md");
                assert_eq!(line, 3);
                assert_eq!(offset, 16);
            }
            other => panic!("unexpected error {other:?}"),
        }
    }
}
