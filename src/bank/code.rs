//! Code in answers: which language a block really holds, and finding code
//! that a source wrote without fences so it can be fenced.

use crate::bank::text::Trim;
use std::borrow::Cow;

use super::text::{fence, indent_width};

/// Languages pyquiz labels code blocks with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    Python,
    Bash,
    Sql,
    Json,
    Toml,
    JavaScript,
    Text,
}

impl Language {
    pub fn as_str(self) -> &'static str {
        match self {
            Language::Python => "python",
            Language::Bash => "bash",
            Language::Sql => "sql",
            Language::Json => "json",
            Language::Toml => "toml",
            Language::JavaScript => "javascript",
            Language::Text => "text",
        }
    }

    fn from_hint(hint: &str) -> Option<Language> {
        let word = hint.split_whitespace().next()?.to_ascii_lowercase();
        Some(match word.as_str() {
            "python" | "py" | "python3" | "pycon" => Language::Python,
            "bash" | "sh" | "shell" | "console" | "zsh" => Language::Bash,
            "sql" | "postgresql" | "mysql" | "sqlite" => Language::Sql,
            "json" => Language::Json,
            "toml" => Language::Toml,
            "javascript" | "js" => Language::JavaScript,
            "text" | "txt" | "plain" | "output" => Language::Text,
            _ => return None,
        })
    }
}

/// Commands a shell line may start with.
fn is_shell_command(word: &str) -> bool {
    matches!(
        word,
        "pip"
            | "pip3"
            | "python"
            | "python3"
            | "uvicorn"
            | "gunicorn"
            | "hypercorn"
            | "poetry"
            | "pipenv"
            | "conda"
            | "pytest"
            | "docker"
            | "docker-compose"
            | "alembic"
            | "celery"
            | "mypy"
            | "black"
            | "flake8"
            | "ruff"
            | "pylint"
            | "isort"
            | "virtualenv"
            | "source"
            | "export"
            | "curl"
            | "git"
            | "py-spy"
            | "kubectl"
            | "npm"
            | "sudo"
            | "apt"
            | "apt-get"
            | "brew"
            | "mkdir"
            | "cd"
            | "ls"
            | "cat"
            | "echo"
            | "wget"
            | "tox"
            | "coverage"
            | "locust"
            | "redis-cli"
            | "psql"
            | "make"
            | "chmod"
            | "twine"
            | "pyenv"
            | "nohup"
            | "sphinx-build"
            | "pdoc"
            | "snakeviz"
            | "kill"
            | "ab"
            | "wrk"
            | "bandit"
    )
}

const SQL_STARTS: &[&str] = &[
    "SELECT ",
    "INSERT INTO",
    "UPDATE ",
    "DELETE FROM",
    "CREATE TABLE",
    "CREATE INDEX",
    "ALTER TABLE",
    "DROP TABLE",
    "WITH ",
    "BEGIN;",
    "COMMIT;",
];

const SQL_CONTINUATIONS: &[&str] = &[
    "FROM ",
    "WHERE ",
    "JOIN ",
    "LEFT JOIN",
    "RIGHT JOIN",
    "INNER JOIN",
    "ON ",
    "VALUES",
    "ORDER BY",
    "GROUP BY",
    "HAVING ",
    "LIMIT ",
    "OFFSET ",
    "SET ",
    "AND ",
    "OR ",
    "RETURNING ",
    ");",
    ")",
];

const PYTHON_KEYWORDS: &[&str] = &[
    "and", "or", "not", "in", "is", "for", "if", "else", "lambda", "await", "async", "yield",
    "return", "from", "import", "as", "with", "None", "True", "False", "def", "class", "pass",
];

/// Simple statements a Python line may start with and have no `=`, `(`,
/// `[` or `:` (`import os`, `return x`, `pass`).
const STATEMENT_WORDS: &[&str] = &[
    "from", "import", "return", "yield", "raise", "await", "del", "assert", "global", "nonlocal",
    "pass", "break", "continue",
];

/// Compound statements whose body may follow on the same line.
const COMPOUND: &[&str] = &[
    "if ",
    "elif ",
    "while ",
    "for ",
    "with ",
    "try",
    "except",
    "else",
    "finally",
    "async with ",
    "async for ",
];

/// Position of the first `:` outside quotes and brackets.
fn header_colon(t: &str) -> Option<usize> {
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    for (i, c) in t.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '(' | '[' | '{') => depth += 1,
            (None, ')' | ']' | '}') => depth -= 1,
            (None, ':') if depth == 0 => return Some(i),
            _ => {}
        }
    }
    None
}

/// Words that make a line read as English rather than a command.
fn reads_as_prose(line: &str) -> bool {
    if line.contains('→') || line.contains('⇒') {
        return true;
    }
    let lower = line.to_ascii_lowercase();
    [
        " is ", " are ", " the ", " to ", " for ", " when ", " which ", " it ",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// Three alphabetic words in a row outside quotes and brackets.
fn has_word_run(text: &str) -> bool {
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    let mut run = 0;
    for token in text.split(' ') {
        let plain = quote.is_none() && depth == 0;
        for c in token.chars() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (None, '"' | '\'') => quote = Some(c),
                (None, '(' | '[' | '{') => depth += 1,
                (None, ')' | ']' | '}') => depth -= 1,
                _ => {}
            }
        }
        let word = token.trim_end_matches([',', '.', ';', ':']);
        let prose_word = word.chars().count() > 1
            && word.chars().all(|c| c.is_alphabetic())
            && !PYTHON_KEYWORDS.contains(&word);
        if plain && prose_word {
            run += 1;
            if run >= 3 {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn is_dotted_name(s: &str) -> bool {
    if let Some(rest) = s.strip_prefix('.') {
        // relative imports: `from . import x`, `from ..pkg import y`
        let rest = rest.trim_start_matches('.');
        return rest.is_empty() || rest.split('.').all(is_identifier);
    }
    !s.is_empty() && s.split('.').all(is_identifier)
}

/// A Python statement or expression line (not indented).
pub fn is_python_line(line: &str) -> bool {
    let t = line.trim_ws();
    if t.is_empty() || t.contains('→') {
        return false;
    }
    // Every shape below has one of these characters or starts with a
    // statement keyword: most prose is turned away here, cheaply.
    let first_word = t.split([' ', ';']).next().unwrap_or("");
    if !t.contains(['=', '(', '[', ':'])
        && !t.starts_with(['@', '>'])
        && !STATEMENT_WORDS.contains(&first_word)
    {
        return false;
    }
    // `import pdb; pdb.set_trace()`
    if t.contains("; ") && !t.ends_with(';') {
        return t.split("; ").all(is_python_line);
    }
    if let Some(rest) = t.strip_prefix("from ") {
        return rest
            .split_once(" import ")
            .is_some_and(|(module, names)| is_dotted_name(module) && !has_word_run(names));
    }
    if let Some(rest) = t.strip_prefix("import ") {
        return rest.split(',').all(|part| {
            let mut words = part.split_whitespace();
            match (words.next(), words.next(), words.next(), words.next()) {
                (Some(m), None, None, None) => is_dotted_name(m),
                (Some(m), Some("as"), Some(alias), None) => {
                    is_dotted_name(m) && is_identifier(alias)
                }
                _ => false,
            }
        });
    }
    let starts = |p: &str| t.starts_with(p);
    // `with open(p) as f: pass`, `if x: main()`, `try: 1/0`
    let compound = COMPOUND
        .iter()
        .any(|kw| starts(kw) && (kw.ends_with(' ') || t[kw.len()..].starts_with([' ', ':'])));
    if compound && let Some(colon) = header_colon(t) {
        let (header, body) = (&t[..colon], t[colon + 1..].trim_ws());
        if !has_word_run(header) && (body.is_empty() || body == "..." || !has_word_run(body)) {
            return true;
        }
    }
    // A bare expression such as a comprehension: `[x**2 for x in xs]`.
    if (t.starts_with('[') && t.ends_with(']') || t.starts_with('(') && t.ends_with(')'))
        && !has_word_run(t)
        && t.len() > 2
    {
        return true;
    }
    if (starts("def ") || starts("async def ")) && t.contains('(') {
        return true;
    }
    if let Some(rest) = t.strip_prefix("class ") {
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        return !name.is_empty() && rest[name.len()..].trim_start_ws().starts_with(['(', ':']);
    }
    if let Some(rest) = t.strip_prefix('@') {
        let name = rest.split('(').next().unwrap_or("");
        return is_dotted_name(name) && (!rest.contains('(') || t.ends_with(')'));
    }
    if t.starts_with(">>> ") {
        return true;
    }
    for kw in [
        "if ",
        "elif ",
        "while ",
        "for ",
        "with ",
        "except",
        "async with ",
        "async for ",
    ] {
        if starts(kw) && t.ends_with(':') && !has_word_run(&t[..t.len() - 1]) {
            return true;
        }
    }
    if matches!(
        t,
        "try:" | "else:" | "finally:" | "pass" | "break" | "continue" | "return"
    ) {
        return true;
    }
    for kw in [
        "return ",
        "yield ",
        "raise ",
        "await ",
        "del ",
        "assert ",
        "global ",
        "nonlocal ",
    ] {
        if starts(kw) && !has_word_run(t) {
            return true;
        }
    }
    if starts("print(") && t.ends_with(')') {
        return true;
    }
    is_assignment(t) || is_call(t)
}

fn strip_comment(t: &str) -> &str {
    match t.find("  #") {
        Some(i) => t[..i].trim_end_ws(),
        None => t,
    }
}

fn is_assignment(t: &str) -> bool {
    let code = strip_comment(t);
    let bytes = code.as_bytes();
    let Some(eq) = (0..bytes.len()).find(|&i| {
        bytes[i] == b'='
            && bytes.get(i + 1) != Some(&b'=')
            && (i == 0 || !matches!(bytes[i - 1], b'=' | b'<' | b'>' | b'!'))
    }) else {
        return false;
    };
    let lhs = code[..eq]
        .trim_end_matches(['+', '-', '*', '/', '|', '&', '%'])
        .trim_ws();
    let rhs = code[eq + 1..].trim_ws();
    if lhs.is_empty() || rhs.is_empty() || has_word_run(rhs) || rhs.ends_with('.') {
        return false;
    }
    // `x: int = 3` annotations, `a, b = ...` and `obj.attr[key] = ...` targets.
    let (target, annotation) = lhs.split_once(':').unwrap_or((lhs, ""));
    annotation.split_whitespace().count() <= 2
        && target.split(',').all(|part| {
            let part = part.trim_ws();
            let base = part.split('[').next().unwrap_or(part);
            !base.contains(' ') && is_dotted_name(base)
        })
}

fn is_call(t: &str) -> bool {
    let code = strip_comment(t);
    let Some(open) = code.find('(') else {
        return false;
    };
    is_dotted_name(&code[..open]) && code.ends_with(')') && !has_word_run(&code[open..])
}

/// A shell command line such as `pip install fastapi` or `$ pytest -q`.
pub fn is_shell_line(line: &str) -> bool {
    let t = line.trim_ws().trim_start_matches("$ ");
    let first = t.split_whitespace().next().unwrap_or("");
    is_shell_command(first)
        && t.len() > first.len()
        && !reads_as_prose(t)
        && !t.ends_with('.')
        && !t.contains("()")
}

fn is_sql_start(line: &str) -> bool {
    let t = line.trim_ws();
    SQL_STARTS.iter().any(|s| t.starts_with(s))
        && !reads_as_prose(&t.to_ascii_lowercase().replace("select ", ""))
}

fn is_sql_continuation(line: &str) -> bool {
    let t = line.trim_ws();
    SQL_CONTINUATIONS.iter().any(|s| t.starts_with(s))
}

fn is_comment_line(line: &str) -> bool {
    let t = line.trim_start_ws();
    t == "#" || t.starts_with("# ")
}

fn is_bracket_line(line: &str) -> bool {
    let t = line.trim_ws();
    !t.is_empty()
        && t.chars()
            .all(|c| matches!(c, ')' | ']' | '}' | ',' | ';' | ':'))
}

/// Decides which language a block of code holds. `hint` is the fence's info
/// string, used only when the content itself says nothing.
pub fn detect_language(code: &str, hint: Option<&str>) -> Language {
    let lines: Vec<&str> = crate::bank::text::lines(code);
    detect_language_of_lines(&lines, hint)
}

fn detect_language_of_lines<S: AsRef<str>>(all_lines: &[S], hint: Option<&str>) -> Language {
    let lines = || {
        all_lines
            .iter()
            .map(|l| l.as_ref())
            .filter(|l| !l.trim_ws().is_empty())
    };
    let Some(first) = lines().next() else {
        return hint.and_then(Language::from_hint).unwrap_or(Language::Text);
    };
    if first.trim_start_ws().starts_with(['{', '[']) {
        let joined = lines().collect::<Vec<_>>().join("\n");
        if serde_json::from_str::<serde_json::Value>(joined.trim_ws()).is_ok() {
            return Language::Json;
        }
    }
    let significant = || lines().filter(|l| !is_comment_line(l));
    let Some(first_significant) = significant().next() else {
        return hint
            .and_then(Language::from_hint)
            .unwrap_or(Language::Python);
    };
    let is_toml_header = |l: &str| {
        let t = l.trim_ws();
        t.starts_with('[') && t.ends_with(']') && !t.contains(',') && !t.contains(' ')
    };
    let is_toml_pair = |l: &str| {
        l.split_once(" = ").is_some_and(|(k, v)| {
            let v = v.trim_ws();
            is_identifier(&k.trim_ws().replace(['-', '.'], "_"))
                && (v.starts_with('"')
                    || v.starts_with('[')
                    || v.starts_with('{')
                    || v == "true"
                    || v == "false"
                    || v.parse::<f64>().is_ok())
        })
    };
    if significant().any(is_toml_header)
        && significant().all(|l| is_toml_header(l) || is_toml_pair(l))
    {
        return Language::Toml;
    }
    if is_sql_start(first_significant)
        && significant().all(|l| !is_python_line(l) || is_sql_start(l) || is_sql_continuation(l))
    {
        return Language::Sql;
    }
    if significant().all(|l| is_shell_line(l) || l.trim_end_ws().ends_with('\\')) {
        return Language::Bash;
    }
    // Python wins over JavaScript whenever both show; look for it first,
    // which usually stops at the first line.
    let py_signal = significant()
        .any(|l| is_python_line(l) || indent_width(l) > 0 && l.trim_end_ws().ends_with(':'));
    if py_signal {
        return Language::Python;
    }
    let js_signal = significant().any(|l| {
        let t = l.trim_ws();
        t.starts_with("const ")
            || t.starts_with("let ")
            || t.starts_with("function ")
            || t.contains("console.log")
            || t.contains("=> {")
    });
    if js_signal {
        return Language::JavaScript;
    }
    match hint.and_then(Language::from_hint) {
        Some(Language::JavaScript) | None => Language::Text,
        Some(lang) => lang,
    }
}

/// Finishes an answer's Markdown in one pass over its lines: trailing
/// spaces trimmed, blank lines at both ends dropped, runs of blank lines
/// outside code folded into one, and every closed fence labelled with the
/// language its content really holds (info strings are not trusted: 000's
/// `javascript` fences hold Python). Also says whether the answer has code.
pub fn answer_markdown<S: AsRef<str>>(lines: &[S]) -> (String, bool) {
    let line = |i: usize| lines[i].as_ref().trim_end_ws();
    let mut out = String::with_capacity(lines.iter().map(|l| l.as_ref().len() + 1).sum());
    // Blank lines seen since the last line written: written only when a
    // line follows them, so trailing ones are dropped.
    let mut blanks = 0usize;
    let mut has_code = false;
    // Appends a line after the blank lines waiting before it.
    fn write(out: &mut String, text: &str, blanks: &mut usize) {
        if !out.is_empty() {
            out.extend(std::iter::repeat_n('\n', 1 + *blanks));
        }
        *blanks = 0;
        out.push_str(text);
    }
    let mut i = 0;
    while i < lines.len() {
        let text = line(i);
        if text.is_empty() {
            if !out.is_empty() {
                blanks = 1;
            }
            i += 1;
            continue;
        }
        let Some((run, info)) = fence(text) else {
            write(&mut out, text, &mut blanks);
            i += 1;
            continue;
        };
        has_code = true;
        let close = (i + 1..lines.len())
            .find(|&j| fence(line(j)).is_some_and(|(r, inf)| inf.is_empty() && r.starts_with(run)));
        let Some(close) = close else {
            // An unclosed fence runs to the end: everything after it is
            // code, kept as it is.
            write(&mut out, text, &mut blanks);
            for j in i + 1..lines.len() {
                let text = line(j);
                if text.is_empty() {
                    blanks += 1;
                } else {
                    write(&mut out, text, &mut blanks);
                }
            }
            break;
        };
        let hint = (!info.is_empty()).then_some(info);
        let lang = detect_language_of_lines(&lines[i + 1..close], hint);
        let indent = &text[..text.len() - text.trim_start_ws().len()];
        write(&mut out, indent, &mut blanks);
        out.push_str(run);
        out.push_str(lang.as_str());
        for j in i + 1..=close {
            out.push('\n');
            out.push_str(line(j));
        }
        i = close + 1;
    }
    (out, has_code)
}

/// Finds code written without fences (the 003 layout) and wraps each run
/// of it in a fenced block labelled with its language. Prose such as
/// `pip freeze > requirements.txt → save dependencies.` stays prose.
pub fn fence_bare_code<S: AsRef<str>>(lines: &[S]) -> Vec<Cow<'_, str>> {
    let line = |i: usize| lines[i].as_ref();
    let mut out: Vec<Cow<'_, str>> = Vec::with_capacity(lines.len() + 8);
    let mut i = 0;
    while i < lines.len() {
        if fence(line(i)).is_some() {
            // Already fenced: copy through to the closing fence.
            out.push(Cow::Borrowed(line(i)));
            i += 1;
            while i < lines.len() {
                out.push(Cow::Borrowed(line(i)));
                let closing = fence(line(i)).is_some();
                i += 1;
                if closing {
                    break;
                }
            }
            continue;
        }
        if let Some(end) = code_block_end(lines, i) {
            let body = &lines[i..end];
            let lang = detect_language_of_lines(body, None);
            out.push(Cow::Owned(format!("```{}", lang.as_str())));
            out.extend(body.iter().map(|l| Cow::Borrowed(l.as_ref())));
            out.push(Cow::Borrowed("```"));
            i = end;
        } else {
            out.push(Cow::Borrowed(line(i)));
            i += 1;
        }
    }
    out
}

fn starts_code(line: &str) -> bool {
    indent_width(line) == 0 && (is_python_line(line) || is_shell_line(line) || is_sql_start(line))
}

/// If a bare code block starts at `start`, the index just past its end.
fn code_block_end<S: AsRef<str>>(lines: &[S], start: usize) -> Option<usize> {
    let first = lines[start].as_ref();
    let comment_start = is_comment_line(first) && {
        let next = lines[start + 1..]
            .iter()
            .map(AsRef::as_ref)
            .find(|l| !l.trim_ws().is_empty());
        next.is_some_and(|n| starts_code(n) || is_comment_line(n))
    };
    if !starts_code(first) && !comment_start {
        return None;
    }
    let sql = is_sql_start(first);
    let mut end = start + 1;
    let mut i = start + 1;
    let mut open_brackets = bracket_balance(first);
    while i < lines.len() {
        let line = lines[i].as_ref();
        if line.trim_ws().is_empty() {
            i += 1;
            continue;
        }
        let continues = open_brackets > 0
            || indent_width(line) > 0
            || starts_code(line)
            || is_comment_line(line)
            || is_bracket_line(line)
            || (sql && is_sql_continuation(line))
            || lines[end - 1]
                .as_ref()
                .trim_end_ws()
                .ends_with(['\\', ',', '(', '[', '{']);
        if !continues || fence(line).is_some() {
            break;
        }
        open_brackets += bracket_balance(line);
        i += 1;
        end = i;
    }
    // A single short call or assignment inside a sentence-like list is
    // still code; but a lone comment is not a block.
    if end == start + 1 && is_comment_line(first) {
        return None;
    }
    Some(end)
}

fn bracket_balance(line: &str) -> i32 {
    let mut balance = 0;
    let mut quote: Option<char> = None;
    for c in line.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '#') => break,
            (None, '(' | '[' | '{') => balance += 1,
            (None, ')' | ']' | '}') => balance -= 1,
            _ => {}
        }
    }
    balance.max(-1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owned(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    #[test]
    fn answers_are_tidied_and_fences_labelled_in_one_pass() {
        let (md, code) = answer_markdown(&owned(
            "\n\na  \n\n\n\nb\n```javascript\ndef f():  \n\n\n    return 1\n```\n\n\n  ~~~\nSELECT 1;\n  ~~~\n\n",
        ));
        assert!(code);
        assert_eq!(
            md,
            "a\n\nb\n```python\ndef f():\n\n\n    return 1\n```\n\n  ~~~sql\nSELECT 1;\n  ~~~"
        );
        // An unclosed fence runs to the end, blank lines and all, unlabelled.
        let (md, code) = answer_markdown(&owned("x\n```py\na = 1\n\n\n```python\nb\n\n"));
        assert!(code);
        assert_eq!(md, "x\n```py\na = 1\n\n\n```python\nb");
        let (md, code) = answer_markdown(&owned("\n  \nplain\n"));
        assert!(!code);
        assert_eq!(md, "plain");
        assert_eq!(answer_markdown::<&str>(&[]), (String::new(), false));
    }

    #[test]
    fn languages() {
        assert_eq!(
            detect_language("import os\nprint(os.getcwd())", Some("javascript")),
            Language::Python
        );
        assert_eq!(
            detect_language("pip install package_name", Some("javascript")),
            Language::Bash
        );
        assert_eq!(
            detect_language("virtualenv myenv", Some("javascript")),
            Language::Bash
        );
        assert_eq!(
            detect_language("SELECT id, name\nFROM users\nWHERE id = 1;", None),
            Language::Sql
        );
        assert_eq!(
            detect_language("{\"a\": 1, \"b\": [1, 2]}", None),
            Language::Json
        );
        assert_eq!(
            detect_language(
                "[tool.poetry]\nname = \"app\"\nversion = \"0.1.0\"",
                Some("toml")
            ),
            Language::Toml
        );
        assert_eq!(detect_language("├── app\n└── tests", None), Language::Text);
        assert_eq!(
            detect_language("const x = 1;\nconsole.log(x);", None),
            Language::JavaScript
        );
    }

    #[test]
    fn prose_is_not_code() {
        for prose in [
            "pip freeze > requirements.txt → save dependencies.",
            "import math → Must call with prefix: math.sqrt(16).",
            "Module = single .py file. Package = collection of modules with __init__.py.",
            "get_db() runs first, result passed into read_items.",
            "Example:",
            "Use a middleware component that intercepts requests and tracks count per client.",
            "python is a great language.",
        ] {
            assert!(!starts_code(prose), "{prose:?} taken as code");
        }
    }

    #[test]
    fn bare_code_is_fenced() {
        let input = owned(
            "Example:\n\nfrom fastapi import Depends\n\ndef get_db():\n    return \"DB\"\n\n@app.get(\"/items/\")\ndef read_items(db=Depends(get_db)):\n    return {\"db\": db}\n\n\n👉 get_db() runs first.",
        );
        let out = fence_bare_code(&input).join("\n");
        assert_eq!(
            out,
            "Example:\n\n```python\nfrom fastapi import Depends\n\ndef get_db():\n    return \"DB\"\n\n@app.get(\"/items/\")\ndef read_items(db=Depends(get_db)):\n    return {\"db\": db}\n```\n\n\n👉 get_db() runs first."
        );
    }

    #[test]
    fn comment_lines_inside_code_stay_code() {
        let input = owned("# SELECT\nrows = conn.execute(q)\n# INSERT\nconn.execute(i)\n\nDone.");
        let out = fence_bare_code(&input).join("\n");
        assert_eq!(
            out,
            "```python\n# SELECT\nrows = conn.execute(q)\n# INSERT\nconn.execute(i)\n```\n\nDone."
        );
    }

    #[test]
    fn shell_and_sql_blocks() {
        let out = fence_bare_code(&owned("Run:\n\nuvicorn main:app --reload\n\nThen.")).join("\n");
        assert!(
            out.contains("```bash\nuvicorn main:app --reload\n```"),
            "{out}"
        );
        let out =
            fence_bare_code(&owned("SELECT u.id\nFROM users u\nWHERE u.id = 1;\nOk.")).join("\n");
        assert!(
            out.starts_with("```sql\nSELECT u.id\nFROM users u\nWHERE u.id = 1;\n```"),
            "{out}"
        );
    }

    #[test]
    fn one_line_python_is_python() {
        for line in [
            "with open('file') as f: pass",
            "[x**2 for x in range(10)]",
            "if __name__ == '__main__': main()",
            "try: 1/0",
            "except ZeroDivisionError: pass",
            "import json; d = json.loads(s)",
            "add = lambda x, y: x + y",
            "import pdb; pdb.set_trace()",
            "for i, v in enumerate(list): ...",
        ] {
            assert!(is_python_line(line), "{line:?} not taken as Python");
            assert_eq!(
                detect_language(line, Some("javascript")),
                Language::Python,
                "{line:?}"
            );
        }
    }
}
