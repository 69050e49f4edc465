//! The legal core: pure Rust, no IO, no clock reads. Everything else trusts it.

pub mod calendar;
pub mod deadline;
pub mod instant;
pub mod kind;

pub use kind::{CaseId, CaseKind};
