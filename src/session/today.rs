//! Today's queue for a selection, and the limits and new-card order it is
//! built with: one copy, used by the study session and by `pyquiz due`.

use crate::bank::Record;
use crate::schedule::{
    Clock, Limits, NewCardOrder, Queue, Scheduler, build_queue, without_answered_siblings,
};
use crate::store::{Settings, Store};

/// Today's queue of `records` (given in the order new cards come in):
/// siblings answered today stay back, what was done today counts against
/// the limits.
pub fn queue<'a>(
    records: impl IntoIterator<Item = &'a Record>,
    store: &Store,
    scheduler: &Scheduler,
    clock: &Clock,
    limits: Limits,
    order: crate::schedule::NewOrder,
) -> Queue {
    let cards = without_answered_siblings(
        records
            .into_iter()
            .map(|r| (r.id.as_str(), store.card(&r.id), r.siblings())),
        clock,
    );
    build_queue(
        cards,
        scheduler,
        clock,
        limits,
        store.done_today(clock),
        order,
    )
}

/// The daily limits: the flags where given, else the settings.
pub fn limits(settings: &Settings, new: Option<u32>, reviews: Option<u32>) -> Limits {
    Limits {
        new_per_day: new.unwrap_or(settings.new_per_day),
        reviews_per_day: reviews.unwrap_or(settings.reviews_per_day),
    }
}

/// The new-card order asked for: random when shuffled, else the one
/// given, else the setting.
pub fn new_order(given: Option<NewCardOrder>, shuffle: bool, settings: &Settings) -> NewCardOrder {
    if shuffle {
        NewCardOrder::Random
    } else {
        given.unwrap_or(settings.new_order)
    }
}

/// `records` in the order new cards come in: the learning path, or as
/// they are (source order; a random order is shuffled by the queue).
pub fn in_new_order<T: AsRef<Record>>(records: Vec<T>, order: NewCardOrder) -> Vec<T> {
    if order != NewCardOrder::Path {
        return records;
    }
    crate::bank::path::arrange(records)
}

/// How many new cards today, when the command line says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewToday {
    /// `--new N`: N more than today's limit allows.
    More(u32),
    /// `--exam`: this many today, those already studied included.
    Limit(u32),
}

impl NewToday {
    /// Today's new-card limit, from the configured one and the new cards
    /// already studied today.
    pub fn limit(self, configured: u32, done: u32) -> u32 {
        match self {
            NewToday::More(n) => configured.max(done).saturating_add(n),
            NewToday::Limit(n) => n,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::NewToday;

    #[test]
    fn more_new_cards_come_on_top_of_what_today_allows() {
        // Limit 20: none done gives 25; 12 done gives 20 + 5 (13 left);
        // past the limit already (30 done, the limit was raised then
        // lowered) the 5 still come.
        assert_eq!(NewToday::More(5).limit(20, 0), 25);
        assert_eq!(NewToday::More(5).limit(20, 12), 25);
        assert_eq!(NewToday::More(5).limit(20, 30), 35);
        assert_eq!(NewToday::More(u32::MAX).limit(20, 0), u32::MAX);
        // An exam plan sets the day's count, what is done included.
        assert_eq!(NewToday::Limit(3).limit(20, 1), 3);
    }
}
