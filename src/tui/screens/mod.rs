//! One file per screen. Each draws from `&App` into its areas.

pub mod browse;
pub mod empty_day;
pub mod help;
pub mod interview_end;
pub mod stats;
pub mod study;
pub mod summary;
