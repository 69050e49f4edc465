//! The child's age on a date, and the three dates the assessment needs.
//!
//! Kept apart from the table because the intake shows the age on receipt before any authority
//! question is asked, and because 29 February needs a rule of its own.

use chrono::{Datelike, NaiveDate};

/// The birthdays at which the table of domain.md §4 changes: 12 and 16 (the child's own rights),
/// 18 (gezag ends; curator and mentor begin).
pub const MILESTONES: [u32; 3] = [12, 16, 18];

/// The date on which someone born on `born` reaches `age` years; `None` only outside chrono's
/// calendar.
///
/// **Choice — 29 February.** Someone born on 29 February reaches a new age on 29 February in a
/// leap year and on **1 March** in any other year. On 1 March every reading agrees that the full
/// years have passed; on 28 February one reading says they have not (the 29th has not yet come
/// and gone). Age thresholds move authority from the parents to the child, so privdesk moves it
/// only once no reading disputes it. Born 29 Feb 2000: 17 on 1 Mar 2017, still 16 on 28 Feb 2017.
pub fn birthday(born: NaiveDate, age: u32) -> Option<NaiveDate> {
    let year = born.year().checked_add(i32::try_from(age).ok()?)?;
    NaiveDate::from_ymd_opt(year, born.month(), born.day())
        // Only 29 February in a common year fails above (`born` itself is a valid date).
        .or_else(|| NaiveDate::from_ymd_opt(year, 3, 1))
}

/// Age in whole years on `on`, with [`birthday`]'s rule for 29 February; `None` when `on` is
/// before `born`.
pub fn age_on(born: NaiveDate, on: NaiveDate) -> Option<u32> {
    if on < born {
        return None;
    }
    let years = u32::try_from(on.year() - born.year()).ok()?;
    let reached = birthday(born, years)?;
    Some(if on < reached {
        years.saturating_sub(1)
    } else {
        years
    })
}

/// The dates were not in the order birth ≤ receipt ≤ decision, so no age can govern.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// The child was born after the request was received.
    #[error("date of birth after the date of receipt")]
    BornAfterReceipt,
    /// The decision is dated before the request was received.
    #[error("decision dated before the date of receipt")]
    DecisionBeforeReceipt,
}

/// A 12th, 16th or 18th birthday between receipt and decision: the screen must say that the age
/// on the decision date governs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CrossedBirthday {
    /// The age reached (one of [`MILESTONES`]; the highest one when more than one was crossed).
    pub age: u32,
    /// The day it was reached, after receipt and at the latest on the decision date.
    pub on: NaiveDate,
}

/// The child's date of birth, the date of receipt and the date of the decision, checked to be in
/// that order so that the age on each is defined. At intake, before a decision, the caller passes
/// the day it assesses on as the decision date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AuthorityDates {
    born: NaiveDate,
    received: NaiveDate,
    decided: NaiveDate,
    age_at_receipt: u32,
    age_at_decision: u32,
}

impl AuthorityDates {
    /// Checks the order birth ≤ receipt ≤ decision and computes both ages.
    pub fn new(
        born: NaiveDate,
        received: NaiveDate,
        decided: NaiveDate,
    ) -> Result<Self, DateError> {
        if decided < received {
            return Err(DateError::DecisionBeforeReceipt);
        }
        let age_at_receipt = age_on(born, received).ok_or(DateError::BornAfterReceipt)?;
        let age_at_decision = age_on(born, decided).ok_or(DateError::BornAfterReceipt)?;
        Ok(AuthorityDates {
            born,
            received,
            decided,
            age_at_receipt,
            age_at_decision,
        })
    }

    /// The child's date of birth.
    pub fn born(&self) -> NaiveDate {
        self.born
    }

    /// The date the request was received.
    pub fn received(&self) -> NaiveDate {
        self.received
    }

    /// The date of the decision (or of the assessment, before there is one).
    pub fn decided(&self) -> NaiveDate {
        self.decided
    }

    /// The age on receipt, which the intake shows.
    pub fn age_at_receipt(&self) -> u32 {
        self.age_at_receipt
    }

    /// The age on the decision date: the age that governs (domain.md §4).
    pub fn age_at_decision(&self) -> u32 {
        self.age_at_decision
    }

    /// The highest milestone birthday reached after receipt and on or before the decision date.
    pub fn birthday_crossed(&self) -> Option<CrossedBirthday> {
        MILESTONES
            .iter()
            .rev()
            .find(|&&m| self.age_at_receipt < m && m <= self.age_at_decision)
            .and_then(|&age| birthday(self.born, age).map(|on| CrossedBirthday { age, on }))
    }
}
