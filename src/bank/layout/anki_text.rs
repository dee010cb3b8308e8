//! Layout of Anki's "Notes in Plain Text" export (and of the files Anki
//! imports as text): `#key:value` header lines, then one note per row,
//! fields split by the header's separator and quoted like CSV where a field
//! holds the separator, a quote or a line break:
//!
//! ```text
//! #separator:tab
//! #html:true
//! #guid column:1
//! #notetype column:2
//! #deck column:3
//! #tags column:6
//! M]k?kkY>g_<TAB>Basic<TAB>Python::Basics<TAB>What does <code>len([])</code> return?<TAB>0<br>An empty list.<TAB>builtins
//! ```
//!
//! The GUID, note type, deck and tags columns (wherever the headers put
//! them) are metadata: the deck becomes the section, the tags the card's
//! tags. Of the other fields, the first is the question and the rest the
//! answer. HTML fields (`#html:true`) become Markdown: `<pre>` a fenced
//! code block (its language from `class="language-x"`), `<br>`, `<div>` and
//! `<p>` line breaks, `<b>`, `<i>`, `<code>` emphasis and code, `<li>`
//! bullets, entities decoded, other tags dropped. A cloze note (`{{c1::…}}`
//! in its first field) becomes one card per cloze number: the text with
//! that number's deletions shown as `[…]` (or `[hint]`) asks, the text with
//! them in bold, and the note's other fields, answer.

use super::{Layout, RawCard, kind, question_text};
use crate::bank::cloze;
use crate::bank::error::BankError;
use crate::bank::text::Trim;

pub struct AnkiText;

/// What the header lines say.
struct Headers {
    /// Lines the headers take at the top of the file.
    lines: usize,
    separator: u8,
    html: bool,
    /// 0-based columns of the metadata fields.
    guid: Option<usize>,
    notetype: Option<usize>,
    deck: Option<usize>,
    tags: Option<usize>,
    /// `#notetype:`, `#deck:` and `#tags:` for every note.
    notetype_all: Option<String>,
    deck_all: Option<String>,
    tags_all: Vec<String>,
}

/// A header line's key and value: `#separator:tab` → ("separator", "tab").
fn header(line: &str) -> Option<(String, &str)> {
    let rest = line.strip_prefix('#')?;
    // A Markdown heading has a space or another `#` here.
    if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let (key, value) = rest.split_once(':')?;
    if key.len() > 16 {
        return None;
    }
    let key = key.trim_ws().to_ascii_lowercase();
    KEYS.contains(&key.as_str())
        .then_some((key, value.trim_ws()))
}

/// The header keys Anki reads (rslib's text import metadata).
const KEYS: &[&str] = &[
    "separator",
    "html",
    "columns",
    "notetype",
    "deck",
    "tags",
    "guid column",
    "notetype column",
    "deck column",
    "tags column",
    "if matches",
];

/// A separator header's character: a name Anki knows or the character.
fn separator(value: &str) -> Option<u8> {
    Some(match value.to_ascii_lowercase().as_str() {
        "tab" | "\\t" => b'\t',
        "comma" => b',',
        "semicolon" => b';',
        "pipe" => b'|',
        "space" => b' ',
        "colon" => b':',
        _ if value.len() == 1 => value.as_bytes()[0],
        _ => return None,
    })
}

fn read_headers(lines: &[&str]) -> Headers {
    let mut h = Headers {
        lines: 0,
        separator: b'\t',
        html: false,
        guid: None,
        notetype: None,
        deck: None,
        tags: None,
        notetype_all: None,
        deck_all: None,
        tags_all: Vec::new(),
    };
    // Columns are 1-based in the headers.
    let column = |v: &str| v.parse::<usize>().ok().filter(|&n| n > 0).map(|n| n - 1);
    for line in lines {
        let Some((key, value)) = header(line) else {
            break;
        };
        h.lines += 1;
        match key.as_str() {
            "separator" => h.separator = separator(value).unwrap_or(b'\t'),
            "html" => h.html = value.eq_ignore_ascii_case("true"),
            "guid column" => h.guid = column(value),
            "notetype column" => h.notetype = column(value),
            "deck column" => h.deck = column(value),
            "tags column" => h.tags = column(value),
            "notetype" => h.notetype_all = Some(value.to_string()),
            "deck" => h.deck_all = Some(value.to_string()),
            "tags" => h.tags_all = value.split_whitespace().map(str::to_string).collect(),
            _ => {}
        }
    }
    h
}

/// `&nbsp;`, `&lt;`, `&#39;`, `&#x27;` … as the characters they encode;
/// an unknown entity is left as written.
fn decode(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let decoded = after.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &after[..end];
            let c = match name {
                "nbsp" => Some(' '),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => {
                    let number = name.strip_prefix('#')?;
                    let code = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse().ok()?,
                    };
                    char::from_u32(code)
                }
            }?;
            Some((c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The byte offset of the first `<name` tag (any case) at or after `from`.
fn find_tag(html: &str, name: &str, from: usize) -> Option<usize> {
    let bytes = html.as_bytes();
    let n = name.len();
    memchr::memchr_iter(b'<', bytes.get(from..)?)
        .map(|at| from + at)
        .find(|&at| {
            bytes
                .get(at + 1..at + 1 + n)
                .is_some_and(|w| w.eq_ignore_ascii_case(name.as_bytes()))
                && bytes
                    .get(at + 1 + n)
                    .is_none_or(|&b| b == b'>' || b == b' ' || b == b'/')
        })
}

/// The tag's name, lowercase, and whether it closes: `</B>` → ("b", true).
fn tag_name(tag: &str) -> (String, bool) {
    let inner = tag.trim_start_matches('<').trim_end_matches('>').trim_ws();
    let closing = inner.starts_with('/');
    let name = inner
        .trim_start_matches('/')
        .split(|c: char| c.is_whitespace() || c == '/')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    (name, closing)
}

/// Markdown being written from HTML, block by block.
#[derive(Default)]
struct Writer {
    out: Vec<String>,
    /// Inline text of the block being written.
    line: String,
    /// `<blockquote>` depth.
    quote: usize,
    /// Open lists: ordered, and the next item's number.
    lists: Vec<(bool, usize)>,
    /// The marker of a list item whose first line is not written yet.
    marker: Option<String>,
    /// A blank line goes before the next block.
    blank: bool,
    /// A table being collected: rows of cells, and the cell being written.
    table: Option<(Vec<Vec<String>>, Option<String>)>,
    /// The table's column alignments (`text-align` of its first row).
    align: Vec<&'static str>,
    /// The last line written ends in a hard break (`\\`), from a `<br>`.
    hard: bool,
}

impl Writer {
    fn prefix(&self) -> String {
        "> ".repeat(self.quote)
    }

    /// Indentation of a list item's continuation lines.
    fn indent(&self) -> String {
        " ".repeat(self.lists.iter().map(|&(o, _)| if o { 3 } else { 2 }).sum())
    }

    fn push_line(&mut self, text: &str) {
        if self.blank && !self.out.is_empty() {
            let quote = self.prefix();
            self.out.push(quote.trim_end_ws().to_string());
        }
        self.blank = false;
        let lead = match self.marker.take() {
            Some(marker) => {
                let depth = self.lists.len().saturating_sub(1);
                let outer: usize = self.lists[..depth]
                    .iter()
                    .map(|&(o, _)| if o { 3 } else { 2 })
                    .sum();
                format!("{}{marker}", " ".repeat(outer))
            }
            None if self.lists.is_empty() => String::new(),
            None => self.indent(),
        };
        self.out.push(format!("{}{lead}{text}", self.prefix()));
        self.hard = false;
    }

    /// Ends the text written so far as a line of its own.
    fn flush(&mut self) {
        let text = std::mem::take(&mut self.line);
        let text = text.trim_ws();
        if !text.is_empty() {
            self.push_line(text);
        }
    }

    /// Ends a block: what follows is set apart by a blank line (list items
    /// of one list excepted, see `item`).
    fn end_block(&mut self) {
        self.flush();
        self.unbreak();
        self.blank = true;
    }

    /// A `<br>` is a line break within a block; at a block's end it breaks
    /// nothing (and a `\\` there would show).
    fn unbreak(&mut self) {
        if self.hard
            && let Some(last) = self.out.last_mut()
        {
            last.pop();
        }
        self.hard = false;
    }

    fn line_break(&mut self) {
        if self.line.trim_ws().is_empty() {
            return;
        }
        self.line.truncate(self.line.trim_end_ws().len());
        self.line.push('\\');
        self.flush();
        self.hard = true;
    }

    fn item(&mut self) {
        self.flush();
        self.unbreak();
        let Some((ordered, next)) = self.lists.last_mut() else {
            return;
        };
        let marker = if *ordered {
            *next += 1;
            format!("{}. ", *next - 1)
        } else {
            "- ".to_string()
        };
        self.marker = Some(marker);
        // Items of one list are not set apart; a nested list starts right
        // under its item.
        self.blank = false;
    }

    fn text(&mut self, text: &str) {
        // HTML whitespace: runs are one space.
        let target = match &mut self.table {
            Some((_, Some(cell))) => cell,
            _ => &mut self.line,
        };
        let mut last_space = target.ends_with(' ') || target.is_empty();
        for c in text.chars() {
            if c.is_whitespace() && c != '\u{a0}' {
                if !last_space {
                    target.push(' ');
                }
                last_space = true;
            } else {
                target.push(c);
                last_space = false;
            }
        }
    }

    fn inline(&mut self, mark: &str) {
        match &mut self.table {
            Some((_, Some(cell))) => cell.push_str(mark),
            _ => self.line.push_str(mark),
        }
    }

    fn code_block(&mut self, language: &str, code: &str) {
        // In a list item the code follows its text directly (a blank line
        // would make the list loose).
        let in_item = !self.lists.is_empty();
        self.end_block();
        self.blank &= !in_item;
        self.hard = false;
        self.push_line(&format!("```{language}"));
        for l in code.trim_matches('\n').split('\n') {
            self.push_line(l.trim_end_ws());
        }
        self.push_line("```");
        self.blank = true;
    }

    fn finish_table(&mut self) {
        let Some((rows, _)) = self.table.take() else {
            return;
        };
        let align = std::mem::take(&mut self.align);
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        if width == 0 {
            return;
        }
        self.end_block();
        for (i, row) in rows.iter().enumerate() {
            let cells: Vec<String> = (0..width)
                .map(|c| row.get(c).map_or("", |s| s.trim_ws()).replace('|', "\\|"))
                .collect();
            self.push_line(&format!("| {} |", cells.join(" | ")));
            if i == 0 {
                let rule: Vec<&str> = (0..width)
                    .map(|c| align.get(c).copied().unwrap_or("---"))
                    .collect();
                self.push_line(&format!("|{}|", rule.join("|")));
            }
        }
        self.blank = true;
    }
}

/// The value of attribute `name` in a tag (`<ol start="2">`).
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let lower = tag.to_ascii_lowercase();
    let at = lower.find(&format!(" {name}="))? + name.len() + 2;
    let rest = &tag[at..];
    let (quote, rest) = match rest.as_bytes().first() {
        Some(b'"') => ('"', &rest[1..]),
        Some(b'\'') => ('\'', &rest[1..]),
        _ => (' ', rest),
    };
    let end = rest.find([quote, '>']).unwrap_or(rest.len());
    Some(&rest[..end])
}

/// The byte offset just past the tag that starts at `lt`.
fn tag_end(html: &str, lt: usize) -> usize {
    html[lt..].find('>').map_or(html.len(), |g| lt + g + 1)
}

/// A `<pre>` block from its opening tag: the language (`class="language-x"`
/// on it or its `<code>`), the code, and where the block ends. Inside code
/// a `<br>` is a line end and other tags (a highlighter's spans) go.
fn pre_block(html: &str, pre: usize) -> (String, String, usize) {
    let open_end = tag_end(html, pre);
    let close = find_tag(html, "/pre", open_end).unwrap_or(html.len());
    let inner = &html[open_end..close];
    let opening: String = html[pre..open_end].to_string()
        + find_tag(inner, "code", 0).map_or("", |c| &inner[c..tag_end(inner, c)]);
    let language = opening
        .find("language-")
        .map(|i| {
            opening[i + 9..]
                .split(|ch: char| !(ch.is_alphanumeric() || ch == '+' || ch == '#'))
                .next()
                .unwrap_or("")
                .to_string()
        })
        .unwrap_or_default();
    let mut code = String::with_capacity(inner.len());
    let mut rest = inner;
    while let Some(lt) = rest.find('<') {
        code.push_str(&rest[..lt]);
        let gt = tag_end(rest, lt);
        if tag_name(&rest[lt..gt]).0 == "br" {
            code.push('\n');
        }
        rest = &rest[gt..];
    }
    code.push_str(rest);
    let end = (close + "</pre>".len()).min(html.len());
    (language, decode(&code), end)
}

/// An HTML field as Markdown lines (see the module's rules).
fn html_to_markdown(html: &str) -> Vec<String> {
    let mut w = Writer::default();
    let mut at = 0;
    while let Some(off) = html[at..].find('<') {
        let lt = at + off;
        w.text(&decode(&html[at..lt]));
        let gt = tag_end(html, lt);
        let tag = &html[lt..gt];
        let (name, closing) = tag_name(tag);
        at = gt;
        match (name.as_str(), closing) {
            ("pre", false) => {
                let (language, code, end) = pre_block(html, lt);
                w.code_block(&language, &code);
                at = end;
            }
            ("b" | "strong", _) => w.inline("**"),
            ("i" | "em", _) => w.inline("*"),
            ("s" | "del" | "strike", _) => w.inline("~~"),
            ("code" | "kbd", _) => w.inline("`"),
            ("br", _) => w.line_break(),
            ("p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6", _) => {
                w.end_block();
                if !closing && name.starts_with('h') {
                    let level = name[1..].parse::<usize>().unwrap_or(1);
                    w.line.push_str(&format!("{} ", "#".repeat(level)));
                }
            }
            ("hr", _) => {
                w.end_block();
                w.push_line("---");
                w.blank = true;
            }
            ("blockquote", false) => {
                w.end_block();
                w.quote += 1;
            }
            ("blockquote", true) => {
                w.end_block();
                w.quote = w.quote.saturating_sub(1);
            }
            ("ul" | "ol", false) => {
                if w.lists.is_empty() {
                    w.end_block();
                } else {
                    w.flush();
                }
                let start = attribute(tag, "start").and_then(|n| n.trim_ws().parse().ok());
                w.lists.push((name == "ol", start.unwrap_or(1)));
            }
            ("ul" | "ol", true) => {
                w.flush();
                w.lists.pop();
                if w.lists.is_empty() {
                    w.blank = true;
                }
            }
            ("li", false) => w.item(),
            ("li", true) => w.flush(),
            ("table", false) => {
                w.end_block();
                w.table = Some((Vec::new(), None));
            }
            ("table", true) => w.finish_table(),
            ("tr", false) => {
                if let Some((rows, _)) = &mut w.table {
                    rows.push(Vec::new());
                }
            }
            ("td" | "th", false) => {
                if let Some((rows, cell)) = &mut w.table {
                    *cell = Some(String::new());
                    if rows.len() <= 1 {
                        let style = attribute(tag, "style").unwrap_or("").to_ascii_lowercase();
                        let align = attribute(tag, "align").unwrap_or("").to_ascii_lowercase();
                        let says =
                            |a: &str| align == a || style.contains(&format!("text-align: {a}"));
                        let rule = if says("center") {
                            ":---:"
                        } else if says("right") {
                            "---:"
                        } else if says("left") {
                            ":---"
                        } else {
                            "---"
                        };
                        let column = rows.last().map_or(0, Vec::len);
                        if w.align.len() == column {
                            w.align.push(rule);
                        }
                    }
                }
            }
            ("td" | "th", true) => {
                if let Some((rows, cell)) = &mut w.table
                    && let Some(text) = cell.take()
                {
                    if rows.is_empty() {
                        rows.push(Vec::new());
                    }
                    if let Some(row) = rows.last_mut() {
                        row.push(text);
                    }
                }
            }
            _ => {}
        }
    }
    w.text(&decode(&html[at..]));
    w.end_block();
    w.out
}

/// A field as Markdown lines.
fn field_lines(field: &str, html: bool) -> Vec<String> {
    if html {
        html_to_markdown(field)
    } else {
        field.lines().map(|l| l.trim_end_ws().to_string()).collect()
    }
}

impl Layout for AnkiText {
    fn name(&self) -> &'static str {
        "anki-text"
    }

    fn about(&self) -> &'static str {
        "Anki's Notes in Plain Text export: `#separator:tab`, `#html:true` headers, one note a row"
    }

    fn kinds(&self) -> u16 {
        kind::HEADING
    }

    fn score(&self, lines: &[&str]) -> usize {
        // A header only Anki's format has wins outright: no Markdown
        // document starts a line with `#separator:` or `#tags column:`.
        let decisive = lines.iter().any(|l| {
            header(l).is_some_and(|(key, _)| {
                key == "separator" || key == "html" || key.ends_with(" column")
            })
        });
        if decisive { 1_000_000 } else { 0 }
    }

    fn parse(&self, file: &str, lines: &[&str]) -> Result<Vec<RawCard>, BankError> {
        let h = read_headers(lines);
        let body = lines[h.lines..].join("\n");
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(h.separator)
            .has_headers(false)
            .flexible(true)
            .from_reader(body.as_bytes());
        let meta = [h.guid, h.notetype, h.deck, h.tags];
        let mut cards = Vec::new();
        for row in reader.records() {
            let row = row.map_err(|e| BankError::Parse {
                file: file.to_string(),
                line: h.lines + e.position().map_or(1, |p| p.line() as usize),
                message: format!("this row of Anki's text format cannot be read: {e}"),
            })?;
            let line = h.lines + row.position().map_or(1, |p| p.line() as usize);
            let fields: Vec<&str> = row
                .iter()
                .enumerate()
                .filter(|(i, _)| !meta.contains(&Some(*i)))
                .map(|(_, f)| f)
                .collect();
            let Some((&first, rest)) = fields.split_first() else {
                continue;
            };
            if first.trim_ws().is_empty() && rest.iter().all(|f| f.trim_ws().is_empty()) {
                continue;
            }
            let mut tags: Vec<String> = h.tags_all.clone();
            if let Some(t) = h.tags.and_then(|c| row.get(c)) {
                tags.extend(t.split_whitespace().map(str::to_string));
            }
            let section = h
                .deck
                .and_then(|c| row.get(c))
                .map(str::to_string)
                .or_else(|| h.deck_all.clone())
                .unwrap_or_default();
            let notetype = h
                .notetype
                .and_then(|c| row.get(c))
                .or(h.notetype_all.as_deref())
                .unwrap_or("");
            let front = field_lines(first, h.html);
            let mut back: Vec<String> = Vec::new();
            for f in rest.iter().filter(|f| !f.trim_ws().is_empty()) {
                if !back.is_empty() {
                    back.push(String::new());
                }
                back.extend(field_lines(f, h.html));
            }
            let card = |question: String, answer_lines: &[String]| {
                let (answer, has_code) = crate::bank::code::answer_markdown(answer_lines);
                RawCard {
                    line,
                    question,
                    answer,
                    has_code,
                    section: section.clone(),
                    tags: tags.clone(),
                    ..RawCard::default()
                }
            };
            let text = front.join("\n");
            let deletions = cloze::anki(&text);
            let cloze_type = notetype.is_empty() || notetype.to_lowercase().contains("cloze");
            if deletions.is_empty() || !cloze_type {
                cards.push(card(question_text(&front), &back));
            } else {
                cards.extend(cloze::cards(
                    &text,
                    &deletions,
                    &back,
                    &card(String::new(), &[]),
                ));
            }
        }
        Ok(cards)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What Anki 26.9's backend wrote for four notes (`export_note_csv` with
    /// HTML, tags, deck, note type and GUID).
    const EXPORT: &str = "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:6\nM]k?kkY>g_\tBasic\tPython::Basics\tWhat does <code>len([1, 2])</code> return?\t2<br>It counts <b>items</b>.\tbuiltins python\npKO);Dx=UT\tBasic\tPython::Basics\tWrite a generator\t\"<div>Use <i>yield</i>:</div><pre><code>def gen():\n    yield 1\n    yield 2</code></pre>\"\t\n\"Pi#$&bmC-F\"\tCloze\tPython::Basics\tA {{c1::list}} is mutable; a {{c2::tuple::immutable sequence}} is not.\t\"See <a href=\"\"https://docs.python.org\"\">docs</a>\"\t\nplY}>G%w9d\tBasic\tPython::Basics\t\"Tab\tand \"\"quotes\"\"\"\tx &lt; y &amp;&amp; y &gt; z\t\n";

    fn parse(text: &str) -> Vec<RawCard> {
        let lines: Vec<&str> = text.lines().collect();
        AnkiText.parse("deck.txt", &lines).unwrap()
    }

    #[test]
    fn reads_what_anki_exports() {
        let lines: Vec<&str> = EXPORT.lines().collect();
        let headings: Vec<&str> = lines
            .iter()
            .copied()
            .filter(|l| l.starts_with('#'))
            .collect();
        assert!(AnkiText.score(&headings) > 0);
        let cards = parse(EXPORT);
        let questions: Vec<&str> = cards.iter().map(|c| c.question.as_str()).collect();
        assert_eq!(
            questions,
            [
                "What does `len([1, 2])` return?",
                "Write a generator",
                "A […] is mutable; a tuple is not.",
                "A list is mutable; a [immutable sequence] is not.",
                "Tab and \"quotes\"",
            ]
        );
        assert_eq!(cards[0].answer, "2\\\nIt counts **items**.");
        assert_eq!(cards[0].tags, ["builtins", "python"]);
        assert_eq!(cards[0].section, "Python::Basics");
        assert_eq!(cards[0].line, 7);
        assert!(cards[1].has_code);
        assert_eq!(
            cards[1].answer,
            "Use *yield*:\n\n```python\ndef gen():\n    yield 1\n    yield 2\n```"
        );
        assert_eq!(
            cards[2].answer,
            "A **list** is mutable; a tuple is not.\n\nSee docs"
        );
        assert_eq!(
            cards[3].answer,
            "A list is mutable; a **tuple** is not.\n\nSee docs"
        );
        assert_eq!(cards[4].answer, "x < y && y > z");
        assert_eq!(cards[4].line, 12);
    }

    #[test]
    fn headers_choose_separator_columns_and_plain_text() {
        let text = "#separator:semicolon\n#html:false\n#deck:Python\n#tags:imported\nWhat is 1 < 2?;True\n\"A; B\";C\n";
        let cards = parse(text);
        assert_eq!(cards.len(), 2);
        assert_eq!(cards[0].question, "What is 1 < 2?");
        assert_eq!(cards[0].answer, "True");
        assert_eq!(cards[0].section, "Python");
        assert_eq!(cards[0].tags, ["imported"]);
        assert_eq!(cards[1].question, "A; B");
    }

    #[test]
    fn entities_decode() {
        assert_eq!(
            decode("a&nbsp;b &#39;c&#x27; &bogus; &"),
            "a b 'c' &bogus; &"
        );
    }

    #[test]
    fn a_cloze_in_code_is_shown_as_code() {
        let text = "#separator:tab\n#html:true\n\"<pre><code>for i in {{c1::range}}(3):\n    print(i)</code></pre>\"\t\n";
        let cards = parse(text);
        assert_eq!(cards.len(), 1);
        assert!(cards[0].question.contains("[…]"), "{}", cards[0].question);
        assert!(cards[0].has_code);
        assert!(
            cards[0].answer.contains("for i in range(3):"),
            "{}",
            cards[0].answer
        );
    }
}
