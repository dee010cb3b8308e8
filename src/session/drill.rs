//! Sessions outside the schedule: practice (grades are logged, FSRS state
//! is untouched) and the mock interview (a countdown per question and for
//! the whole session; nailed, partial or missed).

use std::collections::VecDeque;

use jiff::Timestamp;

use crate::bank::Topic;
use crate::schedule::Grade;

/// What kind of session the app runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Today's scheduled cards.
    Study,
    /// A chosen set of cards, regardless of due dates; no schedule change.
    Practice,
    /// A timed mock interview.
    Interview,
}

/// An interview verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Missed,
    Partial,
    Nailed,
}

impl Mark {
    pub const ALL: [Mark; 3] = [Mark::Missed, Mark::Partial, Mark::Nailed];

    pub fn name(self) -> &'static str {
        match self {
            Mark::Missed => "missed",
            Mark::Partial => "partial",
            Mark::Nailed => "nailed",
        }
    }

    /// The grade it stands for when the interview updates the schedule.
    pub fn grade(self) -> Grade {
        match self {
            Mark::Missed => Grade::Again,
            Mark::Partial => Grade::Hard,
            Mark::Nailed => Grade::Good,
        }
    }

    /// Credit for the weakest-topic ranking.
    fn score(self) -> f64 {
        match self {
            Mark::Missed => 0.0,
            Mark::Partial => 0.5,
            Mark::Nailed => 1.0,
        }
    }
}

/// How the interview is run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InterviewConfig {
    /// Seconds per question.
    pub per_question: u32,
    /// Seconds for the whole interview.
    pub total: u32,
    /// Also grade the cards in the schedule (nailed = Good, partial = Hard,
    /// missed = Again).
    pub schedule: bool,
}

/// One answered interview question.
#[derive(Debug, Clone, PartialEq)]
pub struct Answered {
    pub index: usize,
    pub mark: Mark,
    /// From the question appearing to the answer being revealed.
    pub seconds: u32,
}

/// A running interview.
#[derive(Debug, Clone)]
pub struct Interview {
    pub config: InterviewConfig,
    pub started: Timestamp,
    /// When the question on screen appeared.
    pub question_started: Timestamp,
    /// When its answer was revealed (the clock stops then).
    pub revealed_at: Option<Timestamp>,
    pub answered: Vec<Answered>,
    /// When the last question was answered: the clocks stop there.
    pub ended: Option<Timestamp>,
}

impl Interview {
    pub fn new(config: InterviewConfig, now: Timestamp) -> Interview {
        Interview {
            config,
            started: now,
            question_started: now,
            revealed_at: None,
            answered: Vec::new(),
            ended: None,
        }
    }

    /// `now`, or the end once the interview is over.
    fn at(&self, now: Timestamp) -> Timestamp {
        self.ended.map_or(now, |end| end.min(now))
    }

    /// Shows an answered question again as it was when it was answered:
    /// its clock stopped at the time it took.
    pub fn reopen(&mut self, seconds: u32, now: Timestamp) {
        // The time spent on the report does not count against the total.
        if let Some(end) = self.ended.take() {
            self.started = self
                .started
                .checked_add(now.duration_since(end))
                .unwrap_or(self.started);
        }
        self.revealed_at = Some(now);
        self.question_started = now
            .checked_sub(jiff::SignedDuration::from_secs(i64::from(seconds)))
            .unwrap_or(now);
    }

    fn secs(from: Timestamp, to: Timestamp) -> i64 {
        to.duration_since(from).as_secs()
    }

    /// Seconds the current question has taken (stopped at the reveal).
    pub fn question_elapsed(&self, now: Timestamp) -> u32 {
        let end = self.revealed_at.unwrap_or(self.at(now));
        Self::secs(self.question_started, end).max(0) as u32
    }

    /// Seconds left for the current question (negative: over time).
    pub fn question_left(&self, now: Timestamp) -> i64 {
        i64::from(self.config.per_question) - i64::from(self.question_elapsed(now))
    }

    /// Seconds left for the whole interview (negative: over time).
    pub fn total_left(&self, now: Timestamp) -> i64 {
        i64::from(self.config.total) - Self::secs(self.started, self.at(now))
    }

    /// Topics ranked weakest first by mean credit (missed 0, partial ½,
    /// nailed 1), with how many questions touched each.
    pub fn weakest_topics(
        &self,
        topics_of: impl Fn(usize) -> Vec<Topic>,
    ) -> Vec<(Topic, f64, u32)> {
        let mut by_topic: Vec<(Topic, f64, u32)> = Vec::new();
        for a in &self.answered {
            for t in topics_of(a.index) {
                match by_topic.iter_mut().find(|(x, ..)| *x == t) {
                    Some(entry) => {
                        entry.1 += a.mark.score();
                        entry.2 += 1;
                    }
                    None => by_topic.push((t, a.mark.score(), 1)),
                }
            }
        }
        for entry in &mut by_topic {
            entry.1 /= f64::from(entry.2);
        }
        by_topic.sort_by(|a, b| a.1.total_cmp(&b.1).then(b.2.cmp(&a.2)));
        by_topic
    }

    /// Questions not nailed, in the order they were asked.
    /// Some question was not nailed (there is something to drill).
    pub fn has_missed(&self) -> bool {
        self.answered.iter().any(|a| a.mark != Mark::Nailed)
    }

    pub fn to_drill(&self) -> Vec<usize> {
        self.answered
            .iter()
            .filter(|a| a.mark != Mark::Nailed)
            .map(|a| a.index)
            .collect()
    }
}

/// The cards of a practice or interview session still to come.
#[derive(Debug, Clone, Default)]
pub struct Drill {
    pub queue: VecDeque<usize>,
}

/// How many cards later a practice card answered Again comes back.
pub const AGAIN_GAP: usize = 3;

/// `m:ss`, or `-m:ss` over time.
pub fn clock_face(secs: i64) -> String {
    let sign = if secs < 0 { "-" } else { "" };
    let s = secs.unsigned_abs();
    format!("{sign}{}:{:02}", s / 60, s % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countdowns_stop_at_the_reveal() {
        let t0: Timestamp = "2026-01-01T10:00:00Z".parse().unwrap();
        let config = InterviewConfig {
            per_question: 180,
            total: 1800,
            schedule: false,
        };
        let mut i = Interview::new(config, t0);
        let later = |s: i64| t0.checked_add(jiff::SignedDuration::from_secs(s)).unwrap();
        assert_eq!(i.question_left(later(100)), 80);
        i.revealed_at = Some(later(200));
        assert_eq!(i.question_left(later(500)), -20);
        assert_eq!(i.total_left(later(500)), 1300);
        assert_eq!(clock_face(-20), "-0:20");
        assert_eq!(clock_face(1300), "21:40");
    }

    #[test]
    fn weakest_topics_rank_by_credit() {
        let config = InterviewConfig {
            per_question: 1,
            total: 1,
            schedule: false,
        };
        let mut i = Interview::new(config, Timestamp::UNIX_EPOCH);
        for (index, mark) in [(0, Mark::Nailed), (1, Mark::Missed), (2, Mark::Partial)] {
            i.answered.push(Answered {
                index,
                mark,
                seconds: 1,
            });
        }
        let topics = |k: usize| match k {
            0 => vec![Topic::Basics],
            1 => vec![Topic::Concurrency, Topic::Basics],
            _ => vec![Topic::Concurrency],
        };
        let ranked = i.weakest_topics(topics);
        assert_eq!(ranked[0], (Topic::Concurrency, 0.25, 2));
        assert_eq!(ranked[1], (Topic::Basics, 0.5, 2));
        assert_eq!(i.to_drill(), [1, 2]);
    }
}
