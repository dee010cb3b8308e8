//! pyquiz: drill Python interview questions with spaced repetition.
//!
//! The library holds everything; `main.rs` only parses the command line and
//! maps errors to exit codes.

pub mod bank;
pub mod caches;
pub mod cli;
pub mod display;
pub mod export;
pub mod schedule;
pub mod session;
pub mod stats;
pub mod store;
pub mod tui;
