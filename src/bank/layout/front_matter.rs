//! Front matter at the top of a deck: YAML between `---` lines (closed by
//! `---` or `...`), or TOML between `+++` lines. Its lines are blanked out
//! before the layout is detected, so they never become questions and every
//! other line keeps its number; the few keys pyquiz understands apply to
//! every card of the file: `difficulty` (or `level`), `tags` (or `topics`,
//! `keywords`) and `title`. A full YAML parser is not needed for three
//! keys: scalars, `[a, b]` lists and `- item` lists are read, the rest is
//! ignored.

use crate::bank::model::Difficulty;
use crate::bank::text::Trim;

/// What a file's front matter says about its cards.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// Lines it takes, fences included (0: the file has none).
    pub lines: usize,
    pub title: Option<String>,
    pub difficulty: Option<Difficulty>,
    pub tags: Vec<String>,
}

/// Reads the front matter of `lines` if the first line opens one.
pub fn read(lines: &[&str]) -> FrontMatter {
    let Some(first) = lines.first().map(|l| l.trim_end_ws()) else {
        return FrontMatter::default();
    };
    let toml = match first {
        "---" => false,
        "+++" => true,
        _ => return FrontMatter::default(),
    };
    let close = lines.iter().skip(1).position(|l| {
        let t = l.trim_end_ws();
        if toml {
            t == "+++"
        } else {
            t == "---" || t == "..."
        }
    });
    let Some(close) = close.map(|c| c + 1) else {
        return FrontMatter::default();
    };
    let body = &lines[1..close];
    // hashcards writes TOML between `---` lines (`name = "Deck"`).
    let toml = toml
        || (body.iter().any(|l| key_value(l.trim_ws(), true).is_some())
            && !body.iter().any(|l| key_value(l.trim_ws(), false).is_some()));
    // A rule at the top of a document followed by prose is not front
    // matter: every non-blank line must be a key, a list item or indented.
    let looks_like_data = !body.is_empty()
        && body.iter().all(|l| {
            let t = l.trim_ws();
            t.is_empty()
                || t.starts_with('#')
                || t.starts_with("- ")
                || l.starts_with([' ', '\t'])
                || key_value(t, toml).is_some()
                || (toml && t.starts_with('['))
        });
    if !looks_like_data {
        return FrontMatter::default();
    }
    let mut fm = FrontMatter {
        lines: close + 1,
        ..FrontMatter::default()
    };
    let mut list_key: Option<String> = None;
    for line in body {
        let t = line.trim_ws();
        if let Some(item) = t.strip_prefix("- ") {
            if list_key.as_deref().is_some_and(is_tags_key) {
                push_tag(&mut fm.tags, item);
            }
            continue;
        }
        let Some((key, value)) = key_value(t, toml) else {
            continue;
        };
        let key = key.to_ascii_lowercase();
        list_key = value.is_empty().then(|| key.clone());
        match key.as_str() {
            // `name`: hashcards' deck name.
            "title" | "name" if !value.is_empty() => fm.title = Some(unquote(value).to_string()),
            "difficulty" | "level" => fm.difficulty = Difficulty::from_label(unquote(value)),
            k if is_tags_key(k) => {
                let inner = value
                    .strip_prefix('[')
                    .and_then(|v| v.strip_suffix(']'))
                    .unwrap_or(value);
                for item in inner.split(',') {
                    push_tag(&mut fm.tags, item);
                }
            }
            _ => {}
        }
    }
    fm
}

fn is_tags_key(key: &str) -> bool {
    matches!(key, "tags" | "topics" | "keywords" | "categories")
}

fn push_tag(tags: &mut Vec<String>, item: &str) {
    let tag = unquote(item.trim_ws()).trim_start_matches('#').trim_ws();
    if !tag.is_empty() && !tags.iter().any(|t| t == tag) {
        tags.push(tag.to_string());
    }
}

/// `key: value` (YAML) or `key = value` (TOML).
fn key_value(line: &str, toml: bool) -> Option<(&str, &str)> {
    let (key, value) = line.split_once(if toml { '=' } else { ':' })?;
    let key = key.trim_ws();
    let is_key = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'));
    is_key.then(|| (key, value.trim_ws()))
}

fn unquote(value: &str) -> &str {
    let v = value.trim_ws();
    v.strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .or_else(|| v.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
        .unwrap_or(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fm(text: &str) -> FrontMatter {
        let lines: Vec<&str> = text.lines().collect();
        read(&lines)
    }

    #[test]
    fn yaml_keys_and_lists() {
        let f = fm(
            "---\ntitle: \"Async deck\"\ndifficulty: Advanced\ntags: [python, \"asyncio\"]\nauthor: me\n---\n# Q\n",
        );
        assert_eq!(f.lines, 6);
        assert_eq!(f.title.as_deref(), Some("Async deck"));
        assert_eq!(f.difficulty, Some(Difficulty::Hard));
        assert_eq!(f.tags, ["python", "asyncio"]);
        let f = fm("---\ntopics:\n  - '#oop'\n  - classes\nlevel: easy\n...\n");
        assert_eq!(f.lines, 6);
        assert_eq!(f.tags, ["oop", "classes"]);
        assert_eq!(f.difficulty, Some(Difficulty::Easy));
    }

    #[test]
    fn toml_and_non_front_matter() {
        let f = fm("+++\ntitle = 'T'\ntags = [\"a\", \"b\"]\n+++\n");
        assert_eq!((f.lines, f.tags.len()), (4, 2));
        // A rule above prose is not front matter.
        assert_eq!(fm("---\nSome prose here.\n---\n").lines, 0);
        assert_eq!(fm("---\ntitle: never closed\n").lines, 0);
        assert_eq!(fm("# Title\n---\na: b\n---\n").lines, 0);
    }
}
