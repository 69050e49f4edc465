//! The register on disk: the only code that touches it (design.md "The register on disk").
//!
//! - `journal` — the append-only, fsynced, hash-chained change lines: the truth.

pub mod journal;
