//! One file per command: `pyquiz X` lives in `x.rs`. The study session
//! with no command is `study.rs`, which also opens the screens that
//! `browse`, `stats`, `practice` and `interview` show.

pub mod browse;
pub mod card;
pub mod check;
pub mod completions;
pub mod config;
pub mod due;
pub mod dupes;
pub mod export;
pub mod grade;
pub mod interview;
pub mod list;
pub mod optimize;
pub mod overview;
pub mod plan;
pub mod practice;
pub mod recover;
pub mod stats;
pub mod study;
pub mod suspend;
pub mod topics;
pub mod undo;
