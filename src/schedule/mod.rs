//! Scheduling: FSRS-6 through the `fsrs` crate, with Anki's card states,
//! learning steps, fuzz, answer-button previews, daily limits and queue order.
//! No terminal code lives here.

mod card;
mod clock;
pub mod format;
mod fuzz;
mod optimize;
mod plan;
mod practice;
mod queue;
mod scheduler;

pub use card::{CardState, Grade, Phase};
pub use clock::{Clock, ClockError, ROLLOVER_HOUR};
pub use optimize::{Fit, OptimizeError, Optimized, ReviewRecord, optimize, train_items};
pub use plan::{Plan, PlanError, plan};
pub use practice::practice_order;
pub use queue::{
    DEFAULT_NEW_PER_DAY, DEFAULT_REVIEWS_PER_DAY, DayCounts, Kind, LEARN_AHEAD, Limits,
    NewCardOrder, NewOrder, Queue, QueueCounts, QueueEntry, build as build_queue,
    without_answered_siblings,
};
pub use scheduler::{
    DEFAULT_LEARNING_STEPS, DEFAULT_RELEARNING_STEPS, DEFAULT_RETENTION, Interval,
    MAXIMUM_INTERVAL, Outcome, ScheduleError, Scheduler, SchedulerConfig, card_seed,
};
