//! `pyquiz due`: what can be studied now, and when the next card comes.

use std::io::Write;

use clap::Args;
use serde::Serialize;

use crate::bank::Bank;
use crate::cli::args::FilterArgs;
use crate::cli::env::{self, Env, when};
use crate::cli::error::CliError;
use crate::schedule::{DayCounts, Limits, NewCardOrder, Queue, QueueCounts, QueueEntry};
use crate::session::today;
use crate::store::{Access, Store};

/// Daily limits and new-card order for one run.
#[derive(Debug, Clone, Default, Args)]
pub struct QueueArgs {
    /// New cards per day (default: the setting, 20 unless changed).
    #[arg(long, value_name = "N")]
    pub new_limit: Option<u32>,
    /// Reviews per day (default: the setting, 200 unless changed).
    #[arg(long, value_name = "N")]
    pub review_limit: Option<u32>,
    /// The order of new cards: path (easy and foundational topics first,
    /// topics mixed), source (the files' order) or random (default:
    /// the new-order setting, path unless changed).
    #[arg(long, value_enum, value_name = "ORDER")]
    pub order: Option<OrderArg>,
    /// The same as --order random.
    #[arg(long, conflicts_with = "order")]
    pub shuffle: bool,
    /// Seed for a random order, for a repeatable one.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
}

/// `--order`'s values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OrderArg {
    /// Easy and foundational topics first, topics mixed.
    Path,
    /// The content files' order.
    Source,
    /// Shuffled.
    Random,
}

impl From<OrderArg> for NewCardOrder {
    fn from(o: OrderArg) -> NewCardOrder {
        match o {
            OrderArg::Path => NewCardOrder::Path,
            OrderArg::Source => NewCardOrder::Source,
            OrderArg::Random => NewCardOrder::Random,
        }
    }
}

/// The order asked for: `--shuffle`, else `--order`, else the setting.
pub fn chosen_order(order: Option<OrderArg>, shuffle: bool, store: &Store) -> NewCardOrder {
    today::new_order(order.map(NewCardOrder::from), shuffle, store.settings())
}

impl QueueArgs {
    pub fn limits(&self, store: &Store) -> Limits {
        today::limits(store.settings(), self.new_limit, self.review_limit)
    }

    pub fn order(&self, store: &Store) -> NewCardOrder {
        chosen_order(self.order, self.shuffle, store)
    }
}

/// Today's queue for the filtered bank.
pub fn queue(
    bank: &Bank,
    filter: &FilterArgs,
    args: &QueueArgs,
    store: &Store,
    clock: &crate::schedule::Clock,
) -> Result<Queue, CliError> {
    let filter = filter.resolve(bank)?;
    let scheduler = env::scheduler(store.settings())?;
    let order = args.order(store);
    let records = today::in_new_order(bank.filtered(&filter).collect(), order);
    Ok(today::queue(
        records,
        store,
        &scheduler,
        clock,
        args.limits(store),
        order.queue_order(args.seed.unwrap_or_else(rand::random)),
    ))
}

#[derive(Serialize)]
struct DueReport<'a> {
    now: jiff::Timestamp,
    today: jiff::civil::Date,
    #[serde(flatten)]
    counts: QueueCounts,
    next_due: Option<jiff::Timestamp>,
    done_today: Done,
    limits: LimitsOut,
    queue: &'a [QueueEntry],
}

#[derive(Serialize)]
struct Done {
    new: u32,
    reviews: u32,
}

#[derive(Serialize)]
struct LimitsOut {
    new_per_day: u32,
    reviews_per_day: u32,
}

pub fn run(
    env: &mut Env,
    filter: &FilterArgs,
    args: &QueueArgs,
    json: bool,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let store = &env.store(Access::ReadOnly)?;
    let bank: &Bank = &env.bank;
    let clock = env::clock()?;
    let q = queue(bank, filter, args, store, &clock)?;
    let DayCounts { new, reviews } = store.done_today(&clock);
    let limits = args.limits(store);
    if json {
        let report = DueReport {
            now: clock.now(),
            today: clock.today(),
            counts: q.counts,
            next_due: if q.is_empty() {
                q.next_due
            } else {
                Some(clock.now())
            },
            done_today: Done { new, reviews },
            limits: LimitsOut {
                new_per_day: limits.new_per_day,
                reviews_per_day: limits.reviews_per_day,
            },
            queue: &q.entries,
        };
        serde_json::to_writer_pretty(&mut *out, &report)?;
        writeln!(out)?;
        return Ok(());
    }
    let c = q.counts;
    writeln!(
        out,
        "Due now: {} learning, {} review, {} new ({} in all)",
        c.learning,
        c.review,
        c.new,
        q.entries.len()
    )?;
    match (q.is_empty(), q.next_due) {
        (true, Some(next)) => writeln!(out, "Next card: {}", when(&clock, next))?,
        (true, None) => writeln!(out, "Nothing is scheduled.")?,
        (false, _) => {}
    }
    writeln!(
        out,
        "Answered today: {new} new, {reviews} reviews (limits: {} new, {} reviews per day)",
        limits.new_per_day, limits.reviews_per_day
    )?;
    Ok(())
}
