//! Helpers shared by the integration tests (and benches, by path).

#![allow(dead_code)]

pub mod adversarial;
pub mod app;

/// Runs a `pyquiz` command that must succeed and parses what it prints as
/// JSON.
pub fn json_output(cmd: &mut assert_cmd::Command) -> serde_json::Value {
    let out = cmd.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out).expect("valid JSON")
}

/// The `pyquiz` binary on data directory `data` at time `now` (RFC 3339),
/// in UTC, without fuzz, and with none of the caller's `COLUMNS`,
/// `NO_COLOR` or `PYQUIZ_THEME`.
pub fn pyquiz(data: &std::path::Path, now: &str) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("pyquiz").expect("the pyquiz binary");
    cmd.env("PYQUIZ_DATA_DIR", data)
        .env("PYQUIZ_NOW", now)
        .env("TZ", "UTC")
        .env("PYQUIZ_FUZZ", "0")
        .env_remove("COLUMNS")
        .env_remove("NO_COLOR")
        .env_remove("PYQUIZ_THEME");
    cmd
}

/// A file under `tests/fixtures`.
pub fn fixture(path: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}
