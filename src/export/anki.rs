//! Anki's text import format: a tab-separated file whose header lines tell
//! Anki the separator, that fields are HTML, the note type, the deck and
//! which columns hold the GUID and the tags. Fields are HTML rendered from
//! the Markdown (code in `<pre><code class="language-…">`, tables as
//! tables). The card id is the note's GUID, so importing a newer export
//! updates the notes instead of duplicating them.

use std::io::Write;

use pulldown_cmark::{Options, Parser, html};

use crate::bank::Record;

/// Anki deck the notes go to unless the person names another.
pub const DEFAULT_DECK: &str = "pyquiz::Python interview";

/// Markdown to HTML as Anki shows it.
pub fn html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut out = String::with_capacity(markdown.len() * 5 / 4 + 16);
    html::push_html(&mut out, Parser::new_ext(markdown, options));
    out.truncate(out.trim_end().len());
    out
}

/// A tag without spaces (Anki splits tags on spaces).
fn tag_part(s: &str) -> String {
    let s = s.strip_suffix(".md").unwrap_or(s);
    s.split_whitespace().collect::<Vec<_>>().join("_")
}

/// The note's tags: topics, difficulty and source, under `pyquiz::`.
pub fn tags(record: &Record) -> String {
    let mut tags: Vec<String> = record
        .topics
        .iter()
        .map(|t| format!("pyquiz::topic::{}", t.slug()))
        .collect();
    tags.push(format!("pyquiz::difficulty::{}", record.difficulty));
    tags.push(format!("pyquiz::source::{}", tag_part(&record.source)));
    tags.join(" ")
}

/// Writes the notes. Anki's importer reads quoted fields like CSV, so
/// fields with tabs, quotes or line breaks are quoted.
pub fn write(records: &[&Record], deck: &str, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "#separator:tab")?;
    writeln!(out, "#html:true")?;
    writeln!(out, "#notetype:Basic")?;
    writeln!(out, "#deck:{}", deck.replace(['\t', '\n', '\r'], " "))?;
    writeln!(out, "#columns:GUID\tFront\tBack\tTags")?;
    writeln!(out, "#guid column:1")?;
    writeln!(out, "#tags column:4")?;
    let mut w = csv::WriterBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .from_writer(out);
    for r in records {
        w.write_record([r.id.clone(), html(&r.question), html(&r.answer), tags(r)])
            .map_err(super::io_error)?;
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_and_tables_become_html() {
        let h = html(
            "Text with `x`.\n\n```python\nif a < b:\n    pass\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
        );
        assert!(h.contains("<code>x</code>"), "{h}");
        assert!(
            h.contains(
                "<pre><code class=\"language-python\">if a &lt; b:\n    pass\n</code></pre>"
            ),
            "{h}"
        );
        assert!(h.contains("<table>") && h.contains("<td>2</td>"), "{h}");
    }

    #[test]
    fn tags_have_no_spaces() {
        assert_eq!(tag_part("my notes.md"), "my_notes");
    }
}
