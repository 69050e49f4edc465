//! The legal core: pure Rust, no IO, no clock reads. Everything else trusts it.
//!
//! - `kind` — case kinds and human case ids.
//! - `calendar`, `deadline`, `instant` — Dutch holidays, month arithmetic, legal dates, warnings.
//! - `case`, `event` — the case model and `Case::apply`, the one way a case changes.
//! - `checklist` — the steps per kind as data, and what a decision or a close still needs.
//! - `breach` — the AP meldformulier and the breach register, as data.
//! - `rights` — the authority and breach rules read from a case.
//! - `duty` — each legal duty of a case with its deadline and when it was met.
//! - `overlap` — what a change touches of a case; whether two changes made at once clash.
//! - `report` — the FG's figures, for the overview and the yearly report (domain.md §6, §8).
//! - `summary` — what the list shows, with its legal dates computed once.
//! - `workflow` — the team's rules on a change: vier ogen per decision type, what the FG may
//!   append (issue 22).

pub mod authority;
pub mod breach;
pub mod calendar;
pub mod case;
pub mod checklist;
pub mod deadline;
pub mod duty;
pub mod event;
pub mod instant;
pub mod kind;
pub mod letter;
pub mod overlap;
pub mod report;
pub mod rights;
pub mod role;
pub mod summary;
pub mod text;
pub mod workflow;

pub use case::{Case, Status};
pub use event::{Event, Stamp};
pub use kind::{CaseId, CaseKind};
pub use letter::LetterKind;
pub use role::Role;
pub use summary::Summary;
