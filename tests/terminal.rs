//! The real binary in a real pseudo-terminal (portable-pty), its output
//! read through a terminal emulator (vt100). The harness answers the
//! terminal's cursor-position query (`ESC [ 6 n`) the way a terminal would.

mod common;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use tempfile::TempDir;

const WAIT: Duration = Duration::from_secs(20);

fn fixture() -> PathBuf {
    common::fixture("study-deck.md")
}

struct Term {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    output: Receiver<Vec<u8>>,
    parser: vt100::Parser,
    /// Everything the program wrote.
    raw: Vec<u8>,
    /// The default foreground and background this terminal reports to
    /// OSC 10/11 (`rgb:rrrr/gggg/bbbb`); `None` ignores those queries, as
    /// a terminal without them does.
    colours: Option<(&'static str, &'static str)>,
}

impl Term {
    fn start(data: &Path, envs: &[(&str, &str)], size: (u16, u16)) -> Term {
        Term::start_with(data, &[], envs, size)
    }

    fn start_with(data: &Path, args: &[&str], envs: &[(&str, &str)], size: (u16, u16)) -> Term {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows: size.1,
                cols: size.0,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_pyquiz"));
        cmd.args([
            "--no-default-content",
            "--content",
            fixture().to_str().unwrap(),
        ]);
        cmd.args(args);
        cmd.env_clear();
        cmd.env("PATH", std::env::var("PATH").unwrap_or_default());
        cmd.env("TERM", "xterm-256color");
        cmd.env("PYQUIZ_DATA_DIR", data);
        cmd.env("PYQUIZ_NOW", "2026-03-02T09:00:00Z");
        cmd.env("PYQUIZ_FUZZ", "0");
        cmd.env("TZ", "UTC");
        for (k, v) in envs {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        if tx.send(buf[..n].to_vec()).is_err() {
                            break;
                        }
                    }
                }
            }
        });
        Term {
            master: pair.master,
            writer,
            child,
            output: rx,
            parser: vt100::Parser::new(nz(size.1), nz(size.0), 0),
            raw: Vec::new(),
            colours: None,
        }
    }

    /// Feeds what arrived within `timeout` to the emulator; answers
    /// cursor-position queries. False once the program has closed the pty.
    fn pump(&mut self, timeout: Duration) -> bool {
        match self.output.recv_timeout(timeout) {
            Ok(bytes) => {
                self.parser.process(&bytes);
                self.raw.extend_from_slice(&bytes);
                // Answer the queries in the order they came, as a terminal
                // does: cursor position, device attributes (always), and
                // the default colours when this terminal reports them.
                let mut replies = String::new();
                for at in 0..bytes.len() {
                    let rest = &bytes[at..];
                    if rest.starts_with(b"\x1b[6n") {
                        let (row, col) = self.parser.screen().cursor_position();
                        replies.push_str(&format!("\x1b[{};{}R", row + 1, col + 1));
                    } else if rest.starts_with(b"\x1b[c") {
                        replies.push_str("\x1b[?62;22c");
                    } else if let Some((fg, bg)) = self.colours {
                        if rest.starts_with(b"\x1b]10;?") {
                            replies.push_str(&format!("\x1b]10;{fg}\x1b\\"));
                        } else if rest.starts_with(b"\x1b]11;?") {
                            replies.push_str(&format!("\x1b]11;{bg}\x07"));
                        }
                    }
                }
                if !replies.is_empty() {
                    self.writer.write_all(replies.as_bytes()).unwrap();
                    self.writer.flush().unwrap();
                }
                true
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => true,
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => false,
        }
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Waits until the screen satisfies `ok`; fails with the screen if not.
    fn wait_for(&mut self, what: &str, ok: impl Fn(&str) -> bool) {
        let start = Instant::now();
        while start.elapsed() < WAIT {
            if ok(&self.screen()) {
                return;
            }
            if !self.pump(Duration::from_millis(50)) && !ok(&self.screen()) {
                panic!("pyquiz ended before {what}:\n{}", self.screen());
            }
        }
        panic!("timed out waiting for {what}:\n{}", self.screen());
    }

    fn wait_text(&mut self, text: &str) {
        self.wait_for(text, |s| s.contains(text));
    }

    fn keys(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        self.parser.set_size(nz(rows), nz(cols));
    }

    /// Waits for the program to exit; returns its success and the output.
    /// Waits for a successful exit with the terminal restored; the screen
    /// as the program left it.
    fn finish_restored(self) -> vt100::Parser {
        let (ok, raw, parser) = self.finish();
        assert!(ok, "pyquiz failed:\n{}", parser.screen().contents());
        assert_terminal_restored(&raw, &parser);
        parser
    }

    fn finish(self) -> (bool, Vec<u8>, vt100::Parser) {
        let (code, raw, parser) = self.finish_with_code();
        (code == 0, raw, parser)
    }

    /// Sends `signal` to the program.
    fn signal(&self, signal: i32) {
        let pid = self.child.process_id().expect("a running child") as i32;
        // SAFETY: kill() sends a signal to the child this test started.
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
    }

    /// Waits for the program to exit; returns its exit code and the output.
    fn finish_with_code(mut self) -> (u32, Vec<u8>, vt100::Parser) {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            assert!(
                start.elapsed() < WAIT,
                "pyquiz did not exit:\n{}",
                self.screen()
            );
            self.pump(Duration::from_millis(50));
        };
        // The rest of the output: until the pty closes or goes quiet.
        while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(300)) {
            self.parser.process(&bytes);
            self.raw.extend_from_slice(&bytes);
        }
        (status.exit_code(), self.raw, self.parser)
    }
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("non-zero size")
}

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// The parameters of every SGR sequence (`ESC [ ... m`) in the output.
fn sgr_params(raw: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < raw.len() {
        if raw[i] == 0x1b && raw[i + 1] == b'[' {
            let start = i + 2;
            let mut j = start;
            while j < raw.len() && (raw[j].is_ascii_digit() || raw[j] == b';' || raw[j] == b':') {
                j += 1;
            }
            if j < raw.len() && raw[j] == b'm' {
                out.push(String::from_utf8_lossy(&raw[start..j]).into_owned());
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// True for an SGR parameter list that sets a colour (not counting 39 and
/// 49, which put back the terminal's own default colours).
fn sets_colour(params: &str) -> bool {
    params.split([';', ':']).any(|p| {
        matches!(
            p.parse::<u32>(),
            Ok(30..=38 | 40..=48 | 90..=97 | 100..=107)
        )
    })
}

fn assert_terminal_restored(raw: &[u8], parser: &vt100::Parser) {
    let entered = find_last(raw, b"\x1b[?1049h").expect("entered the alternate screen");
    let left = find_last(raw, b"\x1b[?1049l").expect("left the alternate screen");
    assert!(
        left > entered,
        "the alternate screen was left after it was entered"
    );
    let shown = find_last(raw, b"\x1b[?25h").expect("cursor shown");
    let hidden = find_last(raw, b"\x1b[?25l").expect("cursor hidden while running");
    assert!(shown > hidden, "the cursor is shown at the end");
    assert!(!parser.screen().alternate_screen());
    assert!(!parser.screen().hide_cursor());
    let mouse_off = find_last(raw, b"\x1b[?1000l").expect("mouse capture turned off");
    assert!(mouse_off > find_last(raw, b"\x1b[?1000h").unwrap());
}

#[test]
fn study_reveal_grade_quit_and_continue_next_time() {
    let data = TempDir::new().unwrap();
    let mut t = Term::start(data.path(), &[], (80, 24));
    t.wait_text("What is the difference between list and tuple?");
    t.wait_text("3 new · 0 learning · 0 review");
    t.keys(" ");
    t.wait_text("── Answer");
    t.keys("G"); // unbound: nothing happens
    t.keys("\x1b[F"); // End
    t.wait_text("return tuple(items)");
    // the code is coloured, on its own background
    let screen = t.parser.screen();
    let (rows, cols) = screen.size();
    let (rows, cols) = (rows.get(), cols.get());
    let row = (0..rows)
        .find(|&r| {
            screen
                .contents_between(r, 0, r, cols)
                .contains("def freeze")
        })
        .expect("def line on screen");
    let line = screen.contents_between(row, 0, row, cols);
    let col = line.find("def").unwrap() as u16;
    let cell = screen.cell(row, col).unwrap();
    assert_ne!(
        cell.fgcolor(),
        vt100::Color::Default,
        "`def` is highlighted"
    );
    assert_ne!(cell.bgcolor(), vt100::Color::Default, "code background");
    let colours: std::collections::HashSet<String> = (col..col + 45)
        .filter_map(|c| screen.cell(row, c))
        .map(|c| format!("{:?}", c.fgcolor()))
        .collect();
    assert!(colours.len() >= 3, "several colours: {colours:?}");
    // grade bar with previews, then Good
    t.wait_text("3  ✓ Good 10m");
    t.keys("3");
    t.wait_text("How do you create a virtual environment?");
    t.wait_text("2 new");
    t.keys("q");
    let parser = t.finish_restored();
    assert!(
        parser
            .screen()
            .contents()
            .contains("Studied 1 card: 1 answer (0 again).")
    );

    // Next time: the graded card waits for its learning step.
    let mut t = Term::start(data.path(), &[], (80, 24));
    t.wait_text("How do you create a virtual environment?");
    assert!(!t.screen().contains("list and tuple"));
    t.keys("\x03"); // Ctrl-C quits too
    t.finish_restored();
}

/// Reveals the fixture's first card, scrolls to its code, opens and closes
/// help, quits; returns the SGR parameter lists written.
fn colour_run(args: &[&str], envs: &[(&str, &str)]) -> Vec<String> {
    colour_run_in(None, args, envs).0
}

/// `colour_run_in` on a data directory whose theme setting is `theme`.
fn colour_run_with_setting(
    theme: &str,
    colours: Option<(&'static str, &'static str)>,
) -> (Vec<String>, bool) {
    let data = TempDir::new().unwrap();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_pyquiz"))
        .args(["config", "theme", theme])
        .env("PYQUIZ_DATA_DIR", data.path())
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    colour_run_on(data, colours, &[], &[])
}

/// `colour_run` in a terminal that reports these default colours; also
/// returns whether pyquiz asked for the background.
fn colour_run_in(
    colours: Option<(&'static str, &'static str)>,
    args: &[&str],
    envs: &[(&str, &str)],
) -> (Vec<String>, bool) {
    colour_run_on(TempDir::new().unwrap(), colours, args, envs)
}

fn colour_run_on(
    data: TempDir,
    colours: Option<(&'static str, &'static str)>,
    args: &[&str],
    envs: &[(&str, &str)],
) -> (Vec<String>, bool) {
    let mut t = Term::start_with(data.path(), args, envs, (80, 24));
    t.colours = colours;
    t.wait_text("What is the difference between list and tuple?");
    t.keys(" ");
    t.wait_text("── Answer");
    t.keys("\x1b[F");
    t.wait_text("return tuple(items)");
    // meaning is carried by symbols and labels
    t.wait_text("✗ Again");
    t.wait_text("✓ Good");
    t.keys("?");
    t.wait_text("Keys");
    t.keys("q"); // closes help
    t.keys("q");
    let (ok, raw, parser) = t.finish();
    assert!(ok);
    assert_terminal_restored(&raw, &parser);
    let params = sgr_params(&raw);
    assert!(!params.is_empty(), "bold and resets are still written");
    (params, count(&raw, b"\x1b]11;?") > 0)
}

const WHITE: (&str, &str) = ("rgb:0000/0000/0000", "rgb:ffff/ffff/ffff");
const BLACK: (&str, &str) = ("rgb:e5e5/e5e5/e5e5", "rgb:0000/0000/0000");
const SOLARIZED_DARK: (&str, &str) = ("rgb:8383/9494/9696", "rgb:0000/2b2b/3636");

/// Code blocks were drawn on palette black with the default foreground:
/// black on black on a white terminal (walk-through §2.3). pyquiz asks the
/// terminal for its background (OSC 11) and draws light code blocks on a
/// light one; COLORFGBG answers first when set; --theme skips the query.
#[test]
fn the_terminal_background_chooses_the_theme() {
    // SGR parameter lists holding this sequence of parameters
    let has = |p: &[String], seq: &str| {
        p.iter()
            .any(|p| format!(";{p};").contains(&format!(";{seq};")))
    };
    // palette black as a background (the dark theme's code block)
    let dark_band = |p: &[String]| has(p, "48;5;0");
    // grey 254 as a background (the light theme's code block)
    let light_band = |p: &[String]| has(p, "48;5;254");

    let (white, asked) = colour_run_in(Some(WHITE), &[], &[]);
    assert!(asked, "the background is asked for");
    assert!(light_band(&white) && !dark_band(&white), "{white:?}");
    for dark in [BLACK, SOLARIZED_DARK] {
        let (params, asked) = colour_run_in(Some(dark), &[], &[]);
        assert!(asked);
        assert!(dark_band(&params) && !light_band(&params), "{params:?}");
        // nothing in palette colour 8 (Solarized Dark's background)
        assert!(!has(&params, "38;5;8") && !has(&params, "90"), "{params:?}");
    }

    // COLORFGBG (rxvt, Konsole) decides without a query.
    let (params, asked) = colour_run_in(Some(BLACK), &[], &[("COLORFGBG", "0;15")]);
    assert!(!asked && light_band(&params), "{params:?}");

    // --theme and PYQUIZ_THEME choose; nothing is asked.
    let (params, asked) = colour_run_in(Some(WHITE), &["--theme", "dark"], &[]);
    assert!(!asked && dark_band(&params), "{params:?}");
    let (params, asked) = colour_run_in(Some(BLACK), &[], &[("PYQUIZ_THEME", "light")]);
    assert!(!asked && light_band(&params), "{params:?}");

    // So does the setting (pyquiz config theme).
    let (params, asked) = colour_run_with_setting("light", Some(BLACK));
    assert!(!asked && light_band(&params), "{params:?}");

    // A terminal that does not answer OSC 11 (only device attributes) is
    // dark, without waiting out the timeout.
    let (params, asked) = colour_run_in(None, &[], &[]);
    assert!(asked && dark_band(&params), "{params:?}");
}

fn colour_codes(params: &[String]) -> Vec<&String> {
    params.iter().filter(|p| sets_colour(p)).collect()
}

#[test]
fn no_color_writes_no_colour_codes() {
    let none = colour_run(&[], &[("NO_COLOR", "1")]);
    assert!(
        colour_codes(&none).is_empty(),
        "colour codes written: {:?}",
        colour_codes(&none)
    );
    // --color never: our plain theme alone (crossterm's own NO_COLOR filter
    // is not involved), so this fails if the theme leaks a colour.
    let never = colour_run(&["--color", "never"], &[]);
    assert!(
        colour_codes(&never).is_empty(),
        "colour codes written: {:?}",
        colour_codes(&never)
    );
    // The same run in colour does write them (the check above can fail).
    let colour = colour_run(&[], &[]);
    assert!(colour_codes(&colour).len() > 10);
    let forced = colour_run(&["--color", "always"], &[("NO_COLOR", "1")]);
    assert!(
        !colour_codes(&forced).is_empty(),
        "--color always overrides NO_COLOR"
    );
}

#[test]
fn resizing_redraws_and_too_small_says_so() {
    let data = TempDir::new().unwrap();
    let mut t = Term::start(data.path(), &[], (80, 24));
    t.wait_text("What is the difference between list and tuple?");
    t.resize(30, 10);
    t.wait_text("Terminal too small");
    t.resize(40, 12);
    t.wait_for("the narrow layout", |s| {
        s.contains("What is the difference between list") && s.contains("show the answer")
    });
    t.keys(" ");
    t.wait_text("4  ✓ Easy"); // grade bar on two rows
    t.resize(100, 30);
    t.wait_text("What is the difference between list and tuple?");
    t.keys("q");
    t.finish_restored();
}

#[test]
fn a_second_session_is_refused_while_one_runs() {
    let data = TempDir::new().unwrap();
    let mut t = Term::start(data.path(), &[], (80, 24));
    t.wait_text("What is the difference between list and tuple?");
    let second = std::process::Command::new(env!("CARGO_BIN_EXE_pyquiz"))
        .args(["grade", "1560", "good", "--no-default-content", "--content"])
        .arg(fixture())
        .env("PYQUIZ_DATA_DIR", data.path())
        .output()
        .unwrap();
    assert_eq!(second.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&second.stderr).contains("progress.lock"));
    t.keys("q");
    let (ok, _, _) = t.finish();
    assert!(ok);
}

/// Reliability F8, walkthrough 2.7: SIGTERM, SIGINT and SIGQUIT left the
/// terminal in the alternate screen, raw, with the mouse on.
#[test]
fn ending_signals_restore_the_terminal_after_saving() {
    for (signal, code) in [
        (libc::SIGTERM, 143),
        (libc::SIGINT, 130),
        (libc::SIGQUIT, 131),
        (libc::SIGHUP, 129),
    ] {
        let data = TempDir::new().unwrap();
        let mut t = Term::start(data.path(), &[], (80, 24));
        t.wait_text("What is the difference between list and tuple?");
        t.keys(" ");
        t.wait_text("── Answer");
        t.keys("3");
        t.wait_text("How do you create a virtual environment?");
        t.signal(signal);
        let (status, raw, parser) = t.finish_with_code();
        assert_eq!(status, code, "signal {signal}");
        assert_terminal_restored(&raw, &parser);
        let screen = parser.screen().contents();
        assert!(
            screen.contains(&format!("stopped by signal {signal}")),
            "{screen}"
        );
        assert_eq!(log_kinds(data.path()), ["review"], "the grade is saved");
        let p: serde_json::Value =
            serde_json::from_slice(&std::fs::read(data.path().join("progress.json")).unwrap())
                .unwrap();
        assert_eq!(
            p["review_log"]["entries"], 1,
            "checkpoint written on the way out"
        );
    }
}

/// A terminal that goes away without a SIGHUP reaching pyquiz (tmux's
/// kill-session, an emulator closed) left it spinning on end-of-file at
/// full CPU for as long as it ran. Now it exits, with the grade made
/// before in the log. The pty is opened by hand here:
/// portable-pty's reader keeps a copy of the master open, so the terminal
/// could never go away.
#[test]
fn a_terminal_that_goes_away_ends_the_session() {
    use std::os::fd::{FromRawFd, OwnedFd};
    use std::os::unix::process::CommandExt;

    let data = TempDir::new().unwrap();
    let (mut master, mut slave) = (0, 0);
    let size = libc::winsize {
        ws_row: 24,
        ws_col: 80,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty writes two fds into the given integers; the name and
    // termios pointers may be null.
    let opened = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(opened, 0);
    for fd in [master, slave] {
        // SAFETY: fcntl on an fd just opened; the child must not inherit
        // the master (it would keep the terminal there).
        assert_eq!(
            unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) },
            0
        );
    }
    // SAFETY: both fds were just opened and are owned here only.
    let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_pyquiz"));
    cmd.args([
        "--no-default-content",
        "--content",
        fixture().to_str().unwrap(),
    ])
    .env_clear()
    .env("PATH", std::env::var("PATH").unwrap_or_default())
    .env("TERM", "xterm-256color")
    .env("PYQUIZ_DATA_DIR", data.path())
    .env("PYQUIZ_NOW", "2026-03-02T09:00:00Z")
    .env("PYQUIZ_FUZZ", "0")
    .env("TZ", "UTC")
    .stdin(slave.try_clone().unwrap())
    .stdout(slave.try_clone().unwrap())
    .stderr(slave.try_clone().unwrap());
    // A session of its own with no controlling terminal, as when the pty
    // is not the one a hangup is signalled through (tmux's kill-session):
    // no SIGHUP comes, only end-of-file.
    // SAFETY: setsid is async-signal-safe.
    unsafe {
        cmd.pre_exec(|| {
            if libc::setsid() < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let mut child = cmd.spawn().unwrap();
    drop(cmd);
    drop(slave);
    let mut tty = std::fs::File::from(master);
    let mut parser = vt100::Parser::new(nz(24), nz(80), 0);
    let mut sent = 0;
    let start = Instant::now();
    // Read what it draws, answer its cursor queries, and grade one card.
    loop {
        assert!(start.elapsed() < WAIT, "{}", parser.screen().contents());
        let mut poll = libc::pollfd {
            fd: std::os::fd::AsRawFd::as_raw_fd(&tty),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd.
        if unsafe { libc::poll(&mut poll, 1, 100) } > 0 {
            let mut buf = [0u8; 8192];
            let n = tty.read(&mut buf).unwrap();
            for _ in 0..count(&buf[..n], b"\x1b[6n") {
                tty.write_all(b"\x1b[1;1R").unwrap();
            }
            parser.process(&buf[..n]);
        }
        let screen = parser.screen().contents();
        if sent == 0 && screen.contains("What is the difference between list and tuple?") {
            tty.write_all(b" ").unwrap();
            sent = 1;
        } else if sent == 1 && screen.contains("── Answer") {
            tty.write_all(b"3").unwrap();
            sent = 2;
        } else if sent == 2 && screen.contains("How do you create a virtual environment?") {
            break;
        }
    }
    // The terminal goes away: its master side is closed.
    drop(tty);
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            start.elapsed() < WAIT,
            "pyquiz kept running without its terminal"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    // 129 when the watch notices first; a write to the gone terminal may
    // fail first and end the session with an error instead. Either way it
    // ends by itself, with the grade kept.
    assert!(status.code().is_some(), "{status:?}");
    assert_eq!(log_kinds(data.path()), ["review"], "the grade is saved");
}

/// Walkthrough 2.8: Ctrl-Z was ignored in raw mode. Now it gives the
/// terminal back and stops (here, in a pty session of its own, the kernel
/// discards the stop, as for any orphaned process group); then the screen
/// is set up and drawn again and the session goes on.
#[test]
fn ctrl_z_gives_the_terminal_back_then_redraws() {
    let data = TempDir::new().unwrap();
    let mut t = Term::start(data.path(), &[], (80, 24));
    t.wait_text("What is the difference between list and tuple?");
    let before = t.raw.len();
    t.keys("\x1a");
    t.wait_for("the screen set up again", |_| true);
    let start = Instant::now();
    while start.elapsed() < WAIT {
        t.pump(Duration::from_millis(50));
        let after = &t.raw[before..];
        if find_last(after, b"\x1b[?1049h").is_some() && t.screen().contains("list and tuple") {
            break;
        }
    }
    let after = t.raw[before..].to_vec();
    let left = find_last(&after, b"\x1b[?1049l").expect("left the alternate screen");
    let back = find_last(&after, b"\x1b[?1049h").expect("entered it again");
    assert!(back > left);
    assert!(
        find_last(&after, b"\x1b[?25h").is_some_and(|shown| shown < back),
        "cursor shown while away"
    );
    t.wait_text("What is the difference between list and tuple?");
    t.keys(" ");
    t.wait_text("── Answer");
    t.keys("q");
    t.finish_restored();
}

#[test]
fn a_panic_restores_the_terminal_and_reports() {
    let data = TempDir::new().unwrap();
    let t = Term::start(data.path(), &[("PYQUIZ_TEST_PANIC", "1")], (80, 24));
    let (ok, raw, parser) = t.finish();
    assert!(!ok, "a panic exits non-zero");
    assert_terminal_restored(&raw, &parser);
    let screen = parser.screen().contents();
    assert!(screen.contains("deliberate panic"), "{screen}");
    // The message comes after the alternate screen was first left (by the
    // panic hook), so it stays on the main screen.
    let left = raw.windows(8).position(|w| w == b"\x1b[?1049l").unwrap();
    let message = find_last(&raw, b"deliberate panic").unwrap();
    assert!(message > left);
}

/// progress.json's cards, as JSON (Null when the file does not exist).
fn cards_in(data: &Path) -> serde_json::Value {
    match std::fs::read(data.join("progress.json")) {
        Ok(bytes) => serde_json::from_slice::<serde_json::Value>(&bytes).unwrap()["cards"].clone(),
        Err(_) => serde_json::Value::Null,
    }
}

fn log_kinds(data: &Path) -> Vec<String> {
    std::fs::read_to_string(data.join("reviews.jsonl"))
        .unwrap_or_default()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["kind"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn browse_search_filters_the_list_and_previews_the_card() {
    let data = TempDir::new().unwrap();
    let mut t = Term::start_with(data.path(), &["browse"], &[], (100, 30));
    t.wait_text("type to search");
    t.wait_text("3/3");
    t.keys("gil");
    t.wait_text("1/3");
    // The one match is listed and its answer is rendered in the preview.
    t.wait_text("What does the GIL protect?");
    t.wait_text("── Answer");
    assert!(!t.screen().contains("virtual environment"));
    // Tab searches the answers too: "immutable" is only in an answer.
    t.keys("\x15"); // Ctrl-U clears the query
    t.wait_text("3/3");
    t.keys("immutable");
    t.wait_text("0/3");
    t.keys("\t");
    t.wait_text("+answers");
    t.wait_text("1/3");
    t.wait_text("What is the difference between list and tuple?");
    // Esc clears the search; Esc again closes the browser, and `pyquiz
    // browse` with it.
    t.keys("\x1b");
    t.wait_text("3/3");
    t.keys("\x1b");
    t.finish_restored();
}

#[test]
fn practice_logs_answers_and_leaves_the_schedule_untouched() {
    let data = TempDir::new().unwrap();
    // One real grade first, so there is a schedule to leave alone.
    let mut t = Term::start(data.path(), &[], (80, 24));
    t.wait_text("list and tuple");
    t.keys(" ");
    t.wait_text("3  ✓ Good 10m");
    t.keys("4");
    t.wait_text("How do you create a virtual environment?");
    t.keys("q");
    assert!(t.finish().0);
    let before = std::fs::read(data.path().join("progress.json")).unwrap();
    let cards_before = cards_in(data.path());
    assert_eq!(cards_before.as_object().unwrap().len(), 1);

    let mut t = Term::start_with(data.path(), &["practice", "--seed", "3"], &[], (80, 24));
    t.wait_text("3 left · practice, no schedule change");
    for _ in 0..3 {
        t.keys(" ");
        t.wait_text("── Answer");
        // No interval previews: practice schedules nothing.
        assert!(!t.screen().contains("Good 10m"));
        t.keys("3");
    }
    t.wait_text("Practice complete");
    t.keys("q");
    let parser = t.finish_restored();
    assert!(
        parser
            .screen()
            .contents()
            .contains("card schedules are unchanged")
    );
    // Every card's state is exactly as before; three practice lines logged.
    assert_eq!(cards_in(data.path()), cards_before);
    assert_eq!(
        log_kinds(data.path()),
        ["review", "practice", "practice", "practice"]
    );
    let after: serde_json::Value =
        serde_json::from_slice(&std::fs::read(data.path().join("progress.json")).unwrap()).unwrap();
    let before: serde_json::Value = serde_json::from_slice(&before).unwrap();
    assert_eq!(after["today"], before["today"], "today's counts unchanged");
}

#[test]
fn interview_counts_down_marks_and_reports() {
    let data = TempDir::new().unwrap();
    let mut t = Term::start_with(
        data.path(),
        &["interview", "--count", "2", "--seed", "1"],
        &[],
        (80, 24),
    );
    // The clock is pinned (PYQUIZ_NOW), so the countdowns show their start.
    t.wait_text("⏱ 3:00 · total 30:00");
    t.keys(" ");
    t.wait_text("1  ✗ Missed");
    t.keys("3");
    t.wait_text("⏱ 3:00");
    t.keys(" ");
    t.wait_text("2  ~ Partial");
    t.keys("1");
    t.wait_text("Interview over");
    t.wait_text("2 of 2 questions · ✓ 1 nailed · ~ 0 partial · ✗ 1 missed");
    t.wait_text("Weakest topics:");
    t.wait_text("d drill the 1 question not nailed");
    t.keys("d");
    t.wait_text("1 left · practice");
    // q leaves the drill for the interview's report; q again quits.
    t.keys("q");
    t.wait_text("back to the interview");
    t.wait_text("Interview over");
    t.keys("q");
    t.finish_restored();
    assert!(
        cards_in(data.path())
            .as_object()
            .is_none_or(|c| c.is_empty())
    );
    assert_eq!(log_kinds(data.path()), ["interview", "interview"]);
}

#[test]
fn the_mouse_wheel_moves_the_browser_selection() {
    let data = TempDir::new().unwrap();
    let mut t = Term::start_with(data.path(), &["browse"], &[], (100, 30));
    t.wait_text("3/3");
    let selected = |screen: &str| {
        screen
            .lines()
            .find(|l| l.starts_with('▌'))
            .map(|l| l.chars().take(40).collect::<String>())
            .unwrap_or_default()
    };
    let first = selected(&t.screen());
    assert!(!first.is_empty(), "{}", t.screen());
    // Wheel down (SGR button 65) over the list, at column 6, row 6.
    t.keys("\x1b[<65;6;6M");
    t.wait_for("the next row selected", |s| {
        let now = selected(s);
        !now.is_empty() && now != first
    });
    // Wheel up (64) brings the selection back.
    t.keys("\x1b[<64;6;6M");
    t.wait_for("the first row selected again", |s| selected(s) == first);
    t.keys("\x1b");
    t.finish_restored();
}

#[test]
fn new_n_adds_to_todays_limit() {
    let data = TempDir::new().unwrap();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_pyquiz"))
        .args(["config", "new-per-day", "1"])
        .env("PYQUIZ_DATA_DIR", data.path())
        .status()
        .unwrap();
    assert!(status.success());
    let mut t = Term::start(data.path(), &[], (80, 24));
    t.wait_text("1 new · 0 learning");
    t.keys("q");
    t.finish_restored();
    // --new 1: one more than the limit of 1, not a limit of 1.
    let mut t = Term::start_with(data.path(), &["--new", "1"], &[], (80, 24));
    t.wait_text("2 new · 0 learning");
    t.keys("q");
    t.finish_restored();
}
