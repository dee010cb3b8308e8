//! The README's table of study keys matches the keymap: every key it names
//! is bound on the study screen, and every key bound there is in it.

use std::collections::BTreeSet;

use pyquiz::session::drill::Mode;
use pyquiz::tui::keymap::{BINDINGS, Screens};
use ratatui::crossterm::event::KeyCode;

/// A key as the README writes it (`j`, `PgDn`, `Ctrl-C`, `arrows`).
fn keys_named(token: &str) -> Vec<String> {
    let code = |c: KeyCode| format!("{c:?}");
    match token {
        "arrows" => vec![code(KeyCode::Up), code(KeyCode::Down)],
        "Space" => vec![code(KeyCode::Char(' '))],
        "Enter" => vec![code(KeyCode::Enter)],
        "Esc" => vec![code(KeyCode::Esc)],
        "PgDn" => vec![code(KeyCode::PageDown)],
        "PgUp" => vec![code(KeyCode::PageUp)],
        "Home" => vec![code(KeyCode::Home)],
        "End" => vec![code(KeyCode::End)],
        "F1" => vec![code(KeyCode::F(1))],
        t if t.starts_with("Ctrl-") => vec![format!("Ctrl-{}", &t[5..])],
        t if t.chars().count() == 1 => vec![code(KeyCode::Char(t.chars().next().unwrap()))],
        t => panic!("the README names a key this test does not know: {t:?}"),
    }
}

fn readme_keys() -> BTreeSet<String> {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let table: Vec<&str> = readme
        .lines()
        .skip_while(|l| *l != "| Key | Does |")
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .collect();
    assert!(table.len() > 5, "the README's key table is missing");
    let mut keys = BTreeSet::new();
    for row in table {
        let first = row.split('|').nth(1).unwrap();
        // Backticked keys, and the bare word "arrows".
        for (i, part) in first.split('`').enumerate() {
            if i % 2 == 1 {
                keys.extend(keys_named(part));
            } else if part.contains("arrows") {
                keys.extend(keys_named("arrows"));
            }
        }
    }
    keys
}

fn keymap_keys() -> BTreeSet<String> {
    let mut keys: BTreeSet<String> = BINDINGS
        .iter()
        .filter(|b| b.screens.has(Screens::SESSION) && b.modes_contain(Mode::Study))
        .flat_map(|b| b.keys)
        .map(|k| {
            if k.ctrl {
                format!("Ctrl-{}", k.code)
            } else {
                format!("{:?}", k.code)
            }
        })
        .collect();
    // Bound on every screen, outside the table.
    keys.insert("Ctrl-C".to_string());
    keys.insert("Ctrl-Z".to_string());
    keys
}

#[test]
fn the_readme_key_table_is_the_study_screens_keymap() {
    let readme = readme_keys();
    let keymap = keymap_keys();
    let missing: Vec<_> = keymap.difference(&readme).collect();
    let extra: Vec<_> = readme.difference(&keymap).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "bound but not in the README: {missing:?}; in the README but not bound: {extra:?}"
    );
}
