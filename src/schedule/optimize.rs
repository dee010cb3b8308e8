//! Fitting personal FSRS-6 parameters to the review log, as Anki's
//! "Optimize" button does, and keeping them only when they fit better.

use fsrs::{ComputeParametersInput, FSRS, FSRSItem, FSRSReview, compute_parameters};
use jiff::Timestamp;
use rustc_hash::FxHashMap;

use super::card::Grade;

/// Training items needed before fitting: the `fsrs` crate only trains the
/// full model (not just the initial stabilities) from 64 items on.
pub const MIN_TRAINING_ITEMS: usize = 64;

/// One graded review, as the optimizer needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewRecord {
    pub card: String,
    pub time: Timestamp,
    pub grade: Grade,
    /// Study days since the card's previous review (0 for the first).
    pub elapsed_days: u32,
}

/// How well a parameter set predicts the person's own reviews.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    pub log_loss: f32,
    pub rmse_bins: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Optimized {
    pub items: usize,
    pub current: Fit,
    pub fitted: Fit,
    pub parameters: Vec<f32>,
}

impl Optimized {
    /// Whether the fitted parameters predict the history better (lower log loss).
    pub fn is_better(&self) -> bool {
        self.fitted.log_loss < self.current.log_loss
    }
}

#[derive(Debug, thiserror::Error)]
pub enum OptimizeError {
    #[error(
        "not enough review history to optimize yet: {have} of {need} reviews made on a later day than the card's previous review"
    )]
    NotEnough { have: usize, need: usize },
    #[error("the FSRS optimizer failed: {0}")]
    Fsrs(String),
}

/// The training items of a log: for every review made on a later day than
/// the card's previous one, the card's history up to and including it.
pub fn train_items(records: &[ReviewRecord]) -> Vec<FSRSItem> {
    let mut by_card: FxHashMap<&str, Vec<&ReviewRecord>> = FxHashMap::default();
    let mut order: Vec<&str> = Vec::new();
    for r in records {
        by_card
            .entry(r.card.as_str())
            .or_insert_with(|| {
                order.push(r.card.as_str());
                Vec::new()
            })
            .push(r);
    }
    let mut items = Vec::new();
    for card in order {
        let mut history = by_card.remove(card).unwrap_or_default();
        history.sort_by_key(|r| r.time);
        let reviews: Vec<FSRSReview> = history
            .iter()
            .enumerate()
            .map(|(i, r)| FSRSReview {
                rating: r.grade.rating(),
                delta_t: if i == 0 { 0 } else { r.elapsed_days },
            })
            .collect();
        for end in 1..reviews.len() {
            if reviews[end].delta_t > 0 {
                items.push(FSRSItem {
                    reviews: reviews[..=end].to_vec(),
                });
            }
        }
    }
    items
}

/// Fits parameters to `records` and evaluates both sets on them.
pub fn optimize(records: &[ReviewRecord], current: &[f32]) -> Result<Optimized, OptimizeError> {
    let items = train_items(records);
    if items.len() < MIN_TRAINING_ITEMS {
        return Err(OptimizeError::NotEnough {
            have: items.len(),
            need: MIN_TRAINING_ITEMS,
        });
    }
    let fitted = compute_parameters(ComputeParametersInput {
        train_set: items.clone(),
        ..ComputeParametersInput::default()
    })
    .map_err(|e| OptimizeError::Fsrs(e.to_string()))?;
    let evaluate = |parameters: &[f32]| -> Result<Fit, OptimizeError> {
        let model = FSRS::new(parameters).map_err(|e| OptimizeError::Fsrs(e.to_string()))?;
        let eval = model
            .evaluate(items.clone(), |_| true)
            .map_err(|e| OptimizeError::Fsrs(e.to_string()))?;
        Ok(Fit {
            log_loss: eval.log_loss,
            rmse_bins: eval.rmse_bins,
        })
    };
    Ok(Optimized {
        items: items.len(),
        current: evaluate(current)?,
        fitted: evaluate(&fitted)?,
        parameters: fitted,
    })
}
