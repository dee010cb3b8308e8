//! Measures the study screen in a real pseudo-terminal: time from spawning
//! `pyquiz` to the question on screen (seen from outside) and to the first
//! drawn frame (from inside, `PYQUIZ_TIMINGS`), and each reveal of the card
//! with the longest code answer, from the key to the drawn answer: the
//! first reveal, then again after grading it Again (it comes straight back),
//! and the grade key to the next card drawn (its answer rendered then).
//!
//! cargo build --release && cargo run --release --example measure_tui [RUNS]

use std::io::{Read, Write};
use std::sync::mpsc::channel;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(10);
    let bin = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/pyquiz");
    let mut outside = Vec::new();
    let mut first_frame = Vec::new();
    let mut highlighter = Vec::new();
    let mut reveal_first = Vec::new();
    let mut reveal_again = Vec::new();
    let mut grade = Vec::new();
    for _ in 0..runs {
        let data = tempfile::tempdir().expect("tempdir");
        let timings = data.path().join("timings.json");
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("pty");
        let mut cmd = CommandBuilder::new(&bin);
        cmd.args(["--search", "What is Asyncio in Python"]);
        cmd.env("PYQUIZ_DATA_DIR", data.path());
        cmd.env("PYQUIZ_TIMINGS", &timings);
        cmd.env("PYQUIZ_NOW", "2026-03-02T09:00:00Z");
        cmd.env("TERM", "xterm-256color");
        let spawned = Instant::now();
        let mut child = pair.slave.spawn_command(cmd).expect("spawn");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let mut writer = pair.master.take_writer().expect("writer");
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        let mut parser = vt100::Parser::new(
            std::num::NonZeroU16::new(24).expect("rows"),
            std::num::NonZeroU16::new(80).expect("cols"),
            0,
        );
        let wait_for = |text: &str, parser: &mut vt100::Parser| {
            let start = Instant::now();
            while !parser.screen().contents().contains(text) {
                assert!(start.elapsed() < Duration::from_secs(10), "no {text:?}");
                if let Ok(bytes) = rx.recv_timeout(Duration::from_millis(20)) {
                    parser.process(&bytes);
                }
            }
        };
        wait_for("What is Asyncio in Python?", &mut parser);
        outside.push(spawned.elapsed());
        std::thread::sleep(Duration::from_millis(300));
        let mut key = |k: &str| {
            writer.write_all(k.as_bytes()).expect("write");
            writer.flush().expect("flush");
        };
        key(" ");
        wait_for("Again", &mut parser);
        key("1");
        std::thread::sleep(Duration::from_millis(200));
        key(" ");
        std::thread::sleep(Duration::from_millis(200));
        key("q");
        child.wait().expect("exit");
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&timings).expect("timings written"))
                .expect("json");
        first_frame.push(json["first_frame_ms"].as_f64().unwrap_or(f64::NAN));
        highlighter.push(json["highlighter_ready_ms"].as_f64().unwrap_or(f64::NAN));
        let reveals = json["reveal_ms"].as_array().cloned().unwrap_or_default();
        reveal_first.push(reveals.first().and_then(|v| v.as_f64()).unwrap_or(f64::NAN));
        reveal_again.push(reveals.get(1).and_then(|v| v.as_f64()).unwrap_or(f64::NAN));
        let grades = json["grade_ms"].as_array().cloned().unwrap_or_default();
        grade.push(grades.first().and_then(|v| v.as_f64()).unwrap_or(f64::NAN));
    }
    let ms: Vec<f64> = outside.iter().map(|d| d.as_secs_f64() * 1000.0).collect();
    report("spawn -> question on screen (outside)", ms);
    report("process start -> first frame drawn", first_frame);
    report(
        "process start -> highlighter ready, answer rendered",
        highlighter,
    );
    report("first reveal: key -> answer drawn", reveal_first);
    report("reveal after Again: key -> answer drawn", reveal_again);
    report("grade key -> next card drawn (answer pre-rendered)", grade);
}

fn report(what: &str, mut v: Vec<f64>) {
    v.sort_by(f64::total_cmp);
    let median = v[v.len() / 2];
    let max = v[v.len() - 1];
    println!(
        "{what:<55} median {median:7.2} ms  max {max:7.2} ms  (n={})",
        v.len()
    );
}
