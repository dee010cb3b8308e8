//! Helpers shared by the integration tests (and benches, by path).

pub mod adversarial;
