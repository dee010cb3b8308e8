//! Files pyquiz reads and writes outside its data directory (reliability
//! review F4, F7 and the unclear messages of section 1): deck loading reads
//! only regular files, each once, with links back into a folder read once
//! and a size cap; `export -o` replaces regular files atomically, writes
//! through links, and streams into devices and FIFOs without replacing
//! them; messages name the path as given and say what the bytes look like.

#![cfg(unix)]

mod common;

use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;
use tempfile::TempDir;

const DECK: &str = "## Q. What is a tuple?\n\nAn immutable sequence.\n\n## Q. What is a list?\n\nA mutable sequence.\n";

fn pyquiz(data: &Path) -> Command {
    let mut cmd = common::pyquiz(data, "2026-11-05T10:00:00Z");
    cmd.env_remove("PYQUIZ_FUZZ")
        .timeout(Duration::from_secs(20));
    cmd
}

fn run(data: &Path, args: &[&str]) -> (i32, String, String) {
    let out = pyquiz(data).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn mkfifo(path: &Path) {
    assert!(
        std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .unwrap()
            .success()
    );
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn list_ids(data: &Path, content: &Path) -> (i32, Vec<String>, String) {
    let (code, out, err) = run(
        data,
        &[
            "--no-default-content",
            "--content",
            s(content),
            "list",
            "--json",
        ],
    );
    let ids = serde_json::from_str::<serde_json::Value>(&out)
        .ok()
        .and_then(|v| {
            v.as_array().map(|a| {
                a.iter()
                    .map(|r| r["id"].as_str().unwrap().to_string())
                    .collect()
            })
        })
        .unwrap_or_default();
    (code, ids, err)
}

/// F4: a FIFO given directly, or inside a folder, hung both commands.
#[test]
fn a_fifo_is_refused_or_skipped_never_waited_on() {
    let tmp = TempDir::new().unwrap();
    let fifo = tmp.path().join("f.md");
    mkfifo(&fifo);
    for args in [
        vec!["check", s(&fifo)],
        vec!["--no-default-content", "--content", s(&fifo), "list"],
    ] {
        let (code, _, err) = run(tmp.path(), &args);
        assert_eq!(code, 1, "{args:?}: {err}");
        assert!(err.contains("a FIFO, not a regular file"), "{err}");
        assert!(err.contains(s(&fifo)), "names the path as given: {err}");
    }
    let dir = tmp.path().join("d");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("a.md"), DECK).unwrap();
    mkfifo(&dir.join("b.md"));
    let (code, ids, err) = list_ids(tmp.path(), &dir);
    assert_eq!(code, 0, "{err}");
    assert_eq!(ids.len(), 2);
    assert!(
        err.contains("b.md: a FIFO, not a regular file; skipped"),
        "{err}"
    );
}

/// F4: two links to the folder itself made the path set grow without end;
/// one self-link was followed 40 levels deep and reported 41 times.
#[test]
fn links_back_into_a_folder_are_read_once() {
    let tmp = TempDir::new().unwrap();
    let fan = tmp.path().join("fan");
    std::fs::create_dir(&fan).unwrap();
    std::fs::write(fan.join("a.md"), DECK).unwrap();
    std::os::unix::fs::symlink(".", fan.join("x")).unwrap();
    std::os::unix::fs::symlink(".", fan.join("y")).unwrap();
    std::os::unix::fs::symlink("a.md", fan.join("same.md")).unwrap();
    let (code, out, err) = run(tmp.path(), &["check", s(&fan)]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.matches("a.md").count(), 1, "one report: {out}");
    assert!(
        !out.contains("same.md"),
        "a link to a file already read: {out}"
    );
    assert_eq!(
        err.matches("a link to a folder already read; skipped")
            .count(),
        2,
        "{err}"
    );
    let (code, ids, err) = list_ids(tmp.path(), &fan);
    assert_eq!(code, 0, "{err}");
    assert_eq!(ids.len(), 2);
    assert!(!err.contains("given more than once"), "{err}");
}

/// F4: /dev/zero was read until memory ran out.
#[test]
fn devices_and_oversized_files_are_refused_with_the_limit() {
    let tmp = TempDir::new().unwrap();
    let (code, _, err) = run(tmp.path(), &["check", "/dev/zero"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("/dev/zero: a device, not a regular file"),
        "{err}"
    );
    // A sparse file past the cap: refused by its size, never read.
    let big = tmp.path().join("big.md");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(pyquiz::bank::files::MAX_FILE_BYTES + 1).unwrap();
    let (code, _, err) = run(tmp.path(), &["check", s(&big)]);
    assert_eq!(code, 1);
    assert!(
        err.contains(": 64.0 MiB, larger than the 64 MiB a deck file may be"),
        "{err}"
    );
    assert!(err.contains("split it"), "{err}");
}

/// An unreadable subfolder aborted the whole folder's load.
#[test]
fn an_unreadable_subfolder_is_reported_and_the_rest_loads() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("deck");
    let locked = dir.join("locked");
    std::fs::create_dir_all(&locked).unwrap();
    std::fs::write(dir.join("a.md"), DECK).unwrap();
    std::fs::write(
        locked.join("b.md"),
        "## Q. What does zip() return?\n\nAn iterator of tuples.\n\n## Q. What is a generator?\n\nA lazy iterator.\n",
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads any folder: as root (CI), run pyquiz as `nobody`.
    // (A copy of the binary in the 0755 temp folder: `nobody` may not be
    // able to reach the build folder.)
    // Copied by `cp`: a copy written from this process could leave its
    // descriptor open in another test's child at exec ("text file busy").
    let bin = tmp.path().join("pyquiz");
    assert!(
        std::process::Command::new("cp")
            .arg(assert_cmd::cargo::cargo_bin("pyquiz"))
            .arg(&bin)
            .status()
            .unwrap()
            .success()
    );
    let mut cmd = if std::fs::read_dir(&locked).is_ok() {
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin);
        c
    } else {
        std::process::Command::new(&bin)
    };
    let out = cmd
        .args([
            "--no-default-content",
            "--content",
            s(&dir),
            "list",
            "--json",
        ])
        .env("PYQUIZ_DATA_DIR", tmp.path().join("data"))
        .output()
        .unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let records: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(records.as_array().unwrap().len(), 2, "a.md's two cards");
    assert!(
        err.contains(&format!("{}: Permission denied", locked.display())),
        "{err}"
    );
    assert!(err.contains("skipped"), "{err}");
}

/// Two a.md in different subfolders were refused without naming either.
#[test]
fn messages_name_paths_as_given() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("deck");
    std::fs::create_dir_all(dir.join("one")).unwrap();
    std::fs::create_dir_all(dir.join("two")).unwrap();
    std::fs::write(dir.join("one/a.md"), DECK).unwrap();
    std::fs::write(dir.join("two/a.md"), DECK.replace("tuple", "dict")).unwrap();
    let (code, _, err) = list_ids(tmp.path(), &dir);
    assert_eq!(code, 1);
    assert!(
        err.contains(&format!("{}:1:", dir.join("two/a.md").display())),
        "{err}"
    );
    assert!(err.contains(s(&dir.join("one/a.md"))), "{err}");
    // Invalid UTF-8 in a subfolder: the path, not just the base name.
    let bad = tmp.path().join("bad");
    std::fs::create_dir_all(bad.join("sub")).unwrap();
    std::fs::write(bad.join("sub/a.md"), b"## Q. Caf\xe9?\n\nx\n").unwrap();
    let (code, _, err) = list_ids(tmp.path(), &bad);
    assert_eq!(code, 1);
    assert!(
        err.contains(&format!(
            "{}:1: not valid UTF-8",
            bad.join("sub/a.md").display()
        )),
        "{err}"
    );
    assert!(err.contains("Windows-1252"), "{err}");
}

/// Reliability F3: a file name forged a second warning line.
#[test]
fn control_characters_in_file_names_are_shown_escaped() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("deck");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("a.md"), DECK).unwrap();
    std::fs::write(dir.join("bad\nfake: error \x1b[2J.md"), "just prose\n").unwrap();
    let (code, _, err) = list_ids(tmp.path(), &dir);
    assert_eq!(code, 0, "{err}");
    assert_eq!(err.lines().count(), 1, "one warning line: {err}");
    assert!(err.contains("bad\\nfake: error \\x1b[2J.md"), "{err}");
    assert!(!err.contains('\x1b'));
}

fn export(data: &Path, to: &Path) -> (i32, String) {
    let (code, _, err) = run(
        data,
        &[
            "--no-default-content",
            "--content",
            s(&data.join("deck.md")),
            "export",
            "--format",
            "csv",
            "-o",
            s(to),
        ],
    );
    (code, err)
}

/// F7: `export -o` renamed a temporary file over whatever PATH was.
#[test]
fn export_replaces_regular_files_writes_through_links_and_streams_into_devices() {
    let tmp = TempDir::new().unwrap();
    let data = tmp.path();
    std::fs::write(data.join("deck.md"), DECK).unwrap();
    // a regular file: replaced, keeping its permissions
    let plain = data.join("out.csv");
    std::fs::write(&plain, "old").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&plain, std::fs::Permissions::from_mode(0o640)).unwrap();
    assert_eq!(export(data, &plain).0, 0);
    let text = std::fs::read_to_string(&plain).unwrap();
    assert!(text.contains("What is a tuple?"), "{text}");
    let mode = std::fs::metadata(&plain).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    // a link: its target is written, the link stays a link
    let target = data.join("target.csv");
    std::fs::write(&target, "old").unwrap();
    let link = data.join("link.csv");
    std::os::unix::fs::symlink("target.csv", &link).unwrap();
    assert_eq!(export(data, &link).0, 0);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .contains("What is a list?")
    );
    // a FIFO: streamed into (a reader on the other side), not replaced
    let fifo = data.join("pipe");
    mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    assert_eq!(export(data, &fifo).0, 0);
    assert!(reader.join().unwrap().contains("What is a tuple?"));
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
    // a character device: written to, still a device
    assert_eq!(export(data, Path::new("/dev/null")).0, 0);
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
    // `-` is standard output
    let (code, out, _) = run(
        data,
        &[
            "--no-default-content",
            "--content",
            s(&data.join("deck.md")),
            "export",
            "--format",
            "csv",
            "-o",
            "-",
        ],
    );
    assert_eq!(code, 0);
    assert!(out.contains("What is a tuple?"));
    // a folder: a clear error naming it, no temporary path
    let (code, err) = export(data, data);
    assert_eq!(code, 1);
    assert!(
        err.contains(&format!(
            "could not write {}: it is a directory",
            data.display()
        )),
        "{err}"
    );
    assert_eq!(err.matches(".tmp").count(), 1, "no temporary path: {err}");
}

/// Reliability F3: `list`, `check` and `card` printed a deck's ESC, BEL,
/// BS and C1 characters raw (a deck cleared the screen and set the
/// clipboard through OSC 52), and U+202E reversed lines.
#[test]
fn deck_text_reaches_the_terminal_only_as_visible_escapes() {
    let tmp = TempDir::new().unwrap();
    let deck = tmp.path().join("evil.md");
    let question = "What does \u{1b}[2J\u{1b}]52;c;cHduZWQgYnkgcHlxdWl6\u{7} do to Saf\u{8}\u{8}\u{8}\u{8}EVIL \u{9b}31m \u{202e}txet?";
    std::fs::write(
        &deck,
        format!("## Q. {question}\n\nIt \u{1b}[31mclears\u{1b}[0m the screen.\n\n## Q. What is a tuple?\n\nAn immutable sequence.\n"),
    )
    .unwrap();
    let content = ["--no-default-content", "--content", s(&deck)];
    let id = {
        let (_, out, _) = run(tmp.path(), &[&content[..], &["list", "--json"]].concat());
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v[0]["question"], question, "JSON is exact");
        assert!(out.contains("\\u001b[2J"), "serde escapes controls");
        v[0]["id"].as_str().unwrap().to_string()
    };
    let commands: Vec<Vec<&str>> = vec![
        [&content[..], &["list"]].concat(),
        vec!["check", s(&deck)],
        [&content[..], &["card", &id]].concat(),
        [&content[..], &["topics"]].concat(),
        [&content[..], &["dupes"]].concat(),
        [&content[..], &["due"]].concat(),
        [&content[..], &["grade", &id, "good"]].concat(),
        [&content[..], &["undo"]].concat(),
    ];
    for args in commands {
        let out = pyquiz(tmp.path()).args(&args).output().unwrap();
        for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            let text = String::from_utf8_lossy(bytes);
            let bad: Vec<char> = text
                .chars()
                .filter(|&c| c != '\n' && c != '\t' && pyquiz::display::is_unsafe_char(c))
                .collect();
            assert!(bad.is_empty(), "{args:?} {stream}: {bad:?} in {text}");
        }
        let stdout = String::from_utf8_lossy(&out.stdout);
        if args.contains(&"list") || args.contains(&"card") {
            assert!(
                stdout.contains("\\x1b[2J"),
                "{args:?}: shown as an escape: {stdout}"
            );
            assert!(stdout.contains("\\u{202e}"), "{args:?}: {stdout}");
        }
    }
}

/// The parsed-bank cache for large decks: used when the deck is the same,
/// never changes a result, and a changed deck or a damaged cache file is
/// parsed afresh.
#[test]
fn the_bank_cache_never_changes_what_a_load_gives() {
    let tmp = TempDir::new().unwrap();
    let deck = tmp.path().join("big.md");
    let mut text = String::new();
    let mut k = 0;
    while text.len() < pyquiz::bank::cache::MIN_BYTES + 1000 {
        text.push_str(&format!(
            "## Q. How does widget {k} differ from gadget {}?\n\nWidget {k} keeps its state; gadget {} does not, so two calls never share it.\n\n",
            k * 7,
            k * 7
        ));
        k += 1;
    }
    std::fs::write(&deck, &text).unwrap();
    let cache = tmp.path().join("cache");
    let list = |cache_dir: &Path| {
        let out = pyquiz(&tmp.path().join("data"))
            .env("PYQUIZ_CACHE_DIR", cache_dir)
            .args(["--content", s(&deck), "list", "--json"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let fresh = list(Path::new(""));
    let first = list(&cache);
    let files: Vec<_> = std::fs::read_dir(&cache).unwrap().flatten().collect();
    assert_eq!(files.len(), 1, "one cache file written");
    let cached = list(&cache);
    assert_eq!(first, fresh);
    assert_eq!(cached, fresh, "read from the cache: the same records");
    // A damaged cache file is ignored (and replaced): cut short, or its
    // lengths garbled, or another format's.
    let bytes = std::fs::read(files[0].path()).unwrap();
    std::fs::write(files[0].path(), &bytes[..bytes.len() / 2]).unwrap();
    assert_eq!(list(&cache), fresh);
    let mut garbled = bytes.clone();
    for b in garbled.iter_mut().skip(60).step_by(97) {
        *b = 0xff;
    }
    std::fs::write(files[0].path(), &garbled).unwrap();
    assert_eq!(list(&cache), fresh);
    std::fs::write(files[0].path(), b"{\"format\":1,").unwrap();
    assert_eq!(list(&cache), fresh);
    assert_eq!(
        std::fs::read(files[0].path()).unwrap(),
        bytes,
        "rewritten whole"
    );
    // A changed deck is parsed afresh.
    std::fs::write(
        &deck,
        format!("{text}## Q. What is the new one?\n\nIt is new.\n"),
    )
    .unwrap();
    let changed = String::from_utf8(list(&cache)).unwrap();
    assert!(changed.contains("What is the new one?"));
    assert_eq!(changed, String::from_utf8(list(Path::new(""))).unwrap());
}
