//! FSRS-6 scheduling with Anki's card states, steps, fuzz and ordering.

use fsrs::{FSRS, MemoryState, NextStates};
use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

use super::card::{CardState, Grade, Phase};
use super::clock::Clock;
use super::fuzz;

/// Anki's learning steps: 1 minute, 10 minutes.
pub const DEFAULT_LEARNING_STEPS: [i64; 2] = [60, 600];
/// Anki's relearning step: 10 minutes.
pub const DEFAULT_RELEARNING_STEPS: [i64; 1] = [600];
pub const DEFAULT_RETENTION: f32 = 0.9;
pub const MAXIMUM_INTERVAL: u32 = 36_500;

/// What the scheduler is tuned with.
#[derive(Debug, Clone, PartialEq)]
pub struct SchedulerConfig {
    /// 21 FSRS-6 parameters; empty means the defaults.
    pub parameters: Vec<f32>,
    pub desired_retention: f32,
    pub maximum_interval: u32,
    pub learning_steps: Vec<SignedDuration>,
    pub relearning_steps: Vec<SignedDuration>,
    /// Spread review intervals over Anki's fuzz range.
    pub fuzz: bool,
}

impl Default for SchedulerConfig {
    fn default() -> Self {
        SchedulerConfig {
            parameters: Vec::new(),
            desired_retention: DEFAULT_RETENTION,
            maximum_interval: MAXIMUM_INTERVAL,
            learning_steps: DEFAULT_LEARNING_STEPS
                .map(SignedDuration::from_secs)
                .to_vec(),
            relearning_steps: DEFAULT_RELEARNING_STEPS
                .map(SignedDuration::from_secs)
                .to_vec(),
            fuzz: true,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ScheduleError {
    #[error("invalid FSRS parameters: {0}")]
    Parameters(String),
    #[error("desired retention must be between 0.70 and 0.99, not {0}")]
    Retention(f32),
    #[error("FSRS could not compute the next state: {0}")]
    Fsrs(String),
}

/// How long until a card comes back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "unit", rename_all = "snake_case")]
pub enum Interval {
    /// A learning or relearning step, in seconds.
    Step { seconds: i64 },
    /// Whole study days (review phase).
    Days { days: u32 },
}

impl Interval {
    pub fn duration(self) -> SignedDuration {
        match self {
            Interval::Step { seconds } => SignedDuration::from_secs(seconds),
            Interval::Days { days } => SignedDuration::from_secs(i64::from(days) * 86_400),
        }
    }

    /// Anki-style text: `<1m`, `10m`, `3d`, `3.5mo`, `1.2y`.
    pub fn label(self) -> String {
        match self {
            Interval::Step { .. } => super::format::interval(self.duration()),
            Interval::Days { days } => super::format::days(days),
        }
    }
}

/// The result of one grade: the card afterwards and how it got there.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub grade: Grade,
    pub card: CardState,
    pub interval: Interval,
    /// Study days since the previous review (0 for a new card).
    pub elapsed_days: u32,
}

pub struct Scheduler {
    fsrs: FSRS,
    config: SchedulerConfig,
    /// Parameter 20, the forgetting curve's decay.
    decay: f32,
}

impl Scheduler {
    pub fn new(config: SchedulerConfig) -> Result<Scheduler, ScheduleError> {
        if !(0.7..=0.99).contains(&config.desired_retention) {
            return Err(ScheduleError::Retention(config.desired_retention));
        }
        if !config.parameters.is_empty() && config.parameters.len() != 21 {
            return Err(ScheduleError::Parameters(format!(
                "expected 21 FSRS-6 parameters, found {}",
                config.parameters.len()
            )));
        }
        let fsrs =
            FSRS::new(&config.parameters).map_err(|e| ScheduleError::Parameters(e.to_string()))?;
        let decay = config
            .parameters
            .get(20)
            .copied()
            .unwrap_or(fsrs::DEFAULT_PARAMETERS[20]);
        Ok(Scheduler {
            fsrs,
            config,
            decay,
        })
    }

    /// The 21 parameters in force (the defaults when none were set).
    pub fn parameters(&self) -> Vec<f32> {
        if self.config.parameters.is_empty() {
            fsrs::DEFAULT_PARAMETERS.to_vec()
        } else {
            self.config.parameters.clone()
        }
    }

    /// Decay (parameter 20), for retrievability.
    pub fn decay(&self) -> f32 {
        self.decay
    }

    /// Probability of recall at `at` (fractional days since the last review).
    pub fn retrievability(&self, card: &CardState, at: Timestamp) -> Option<f32> {
        let days = at.duration_since(card.last_review?).as_secs_f64() / 86_400.0;
        self.retrievability_after(card, days.max(0.0) as f32)
    }

    /// Probability of recall on today's study day, counted in whole days as
    /// the scheduler counts them; used to order due reviews.
    pub fn retrievability_today(&self, card: &CardState, clock: &Clock) -> Option<f32> {
        let days = Clock::days_between(clock.day_of(card.last_review?), clock.today());
        self.retrievability_after(card, days.max(0) as f32)
    }

    fn retrievability_after(&self, card: &CardState, days: f32) -> Option<f32> {
        let memory = MemoryState {
            stability: card.stability?,
            difficulty: card.difficulty?,
        };
        Some(fsrs::current_retrievability(memory, days, self.decay()))
    }

    /// What each of the four grades would do to `card` now. `seed` is the
    /// card's fuzz seed (see [`card_seed`]). `answer` returns exactly one of
    /// these, so a preview is always what the grade then does.
    pub fn preview(
        &self,
        seed: u64,
        card: &CardState,
        clock: &Clock,
    ) -> Result<[Outcome; 4], ScheduleError> {
        let now = clock.now();
        let today = clock.today();
        let elapsed = match card.last_review {
            Some(last) => Clock::days_between(clock.day_of(last), today).max(0) as u32,
            None => 0,
        };
        let memory = match (card.phase, card.stability, card.difficulty) {
            (Phase::New, _, _) => None,
            (_, Some(stability), Some(difficulty)) => Some(MemoryState {
                stability,
                difficulty,
            }),
            _ => None,
        };
        let next: NextStates = self
            .fsrs
            .next_states(memory, self.config.desired_retention, elapsed)
            .map_err(|e| ScheduleError::Fsrs(e.to_string()))?;
        let states = [&next.again, &next.hard, &next.good, &next.easy];

        // Phase and step (or "graduates") for each grade.
        let moves = Grade::ALL.map(|grade| self.phase_move(card, grade));

        // Whole-day intervals for the grades that end in review, kept in
        // Anki's order: each passing grade at least a day past the one
        // before it, so Hard < Good < Easy on review cards.
        let factor = (self.config.fuzz).then(|| fuzz::fuzz_factor(seed, card.reps));
        let max = self.config.maximum_interval;
        let mut days: [Option<u32>; 4] = [None; 4];
        let mut floor = 1;
        for grade in Grade::ALL {
            if let Move::Graduate = moves[grade.index()] {
                let raw = states[grade.index()].interval;
                let minimum = if grade == Grade::Again { 1 } else { floor };
                let d = fuzz::apply(raw, minimum, max, factor);
                days[grade.index()] = Some(d);
                if grade != Grade::Again {
                    floor = (d + 1).min(max);
                }
            }
        }

        let outcomes = Grade::ALL.map(|grade| {
            let i = grade.index();
            let memory = states[i].memory;
            let mut after = card.clone();
            after.stability = Some(memory.stability);
            after.difficulty = Some(memory.difficulty);
            after.last_review = Some(now);
            after.reps = card.reps.saturating_add(1);
            after.buried_until = None;
            if card.phase == Phase::Review && grade == Grade::Again {
                after.lapses = card.lapses.saturating_add(1);
            }
            let interval = match moves[i] {
                Move::Graduate => {
                    let d = days[i].unwrap_or(1);
                    after.phase = Phase::Review;
                    after.step = None;
                    after.interval_days = Some(d);
                    after.due = Some(clock.day_start(Clock::add_days(today, i64::from(d))));
                    Interval::Days { days: d }
                }
                Move::Step { phase, step, delay } => {
                    after.phase = phase;
                    after.step = Some(step);
                    after.due = Some(now.saturating_add(delay).unwrap_or(now));
                    Interval::Step {
                        seconds: delay.as_secs(),
                    }
                }
            };
            Outcome {
                grade,
                card: after,
                interval,
                elapsed_days: elapsed,
            }
        });
        Ok(outcomes)
    }

    /// Grades `card` now.
    pub fn answer(
        &self,
        seed: u64,
        card: &CardState,
        grade: Grade,
        clock: &Clock,
    ) -> Result<Outcome, ScheduleError> {
        let [again, hard, good, easy] = self.preview(seed, card, clock)?;
        Ok(match grade {
            Grade::Again => again,
            Grade::Hard => hard,
            Grade::Good => good,
            Grade::Easy => easy,
        })
    }

    /// The step logic of Anki (and py-fsrs) for one grade.
    fn phase_move(&self, card: &CardState, grade: Grade) -> Move {
        let (phase, steps) = match card.phase {
            Phase::New | Phase::Learning => (Phase::Learning, &self.config.learning_steps),
            Phase::Relearning => (Phase::Relearning, &self.config.relearning_steps),
            Phase::Review => {
                return match grade {
                    Grade::Again if !self.config.relearning_steps.is_empty() => Move::Step {
                        phase: Phase::Relearning,
                        step: 0,
                        delay: self.config.relearning_steps[0],
                    },
                    _ => Move::Graduate,
                };
            }
        };
        let step = card.step.unwrap_or(0) as usize;
        if steps.is_empty() || (step >= steps.len() && grade != Grade::Again) {
            return Move::Graduate;
        }
        match grade {
            Grade::Again => Move::Step {
                phase,
                step: 0,
                delay: steps[0],
            },
            Grade::Hard => {
                let delay = if step == 0 && steps.len() == 1 {
                    SignedDuration::from_secs_f64(steps[0].as_secs_f64() * 1.5)
                } else if step == 0 {
                    SignedDuration::from_secs_f64((steps[0] + steps[1]).as_secs_f64() / 2.0)
                } else {
                    steps[step.min(steps.len() - 1)]
                };
                Move::Step {
                    phase,
                    step: step as u32,
                    delay,
                }
            }
            Grade::Good => {
                if step + 1 >= steps.len() {
                    Move::Graduate
                } else {
                    Move::Step {
                        phase,
                        step: step as u32 + 1,
                        delay: steps[step + 1],
                    }
                }
            }
            Grade::Easy => Move::Graduate,
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Move {
    Graduate,
    Step {
        phase: Phase,
        step: u32,
        delay: SignedDuration,
    },
}

/// A card's fuzz seed, from its id (FNV-1a, so it is stable across builds).
pub fn card_seed(id: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in id.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}
