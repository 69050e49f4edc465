//! The legal core: pure Rust, no IO, no clock reads. Everything else trusts it.

pub mod authority;
pub mod kind;

pub use kind::{CaseId, CaseKind};
