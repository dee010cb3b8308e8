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
