//! The kinds of case and their human ids.
//!
//! Kept apart from `case.rs` because deadlines, checklists, the store and the command line all
//! need the kind and the id without the rest of the case model.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What a case is about: one of the rights a requester may exercise (a *verzoek*), or a
/// *datalek* (a breach report). Dutch legal names, as the desk uses them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CaseKind {
    /// Right of access (AVG 15; WGBO 7:456).
    Inzage,
    /// A copy of the dossier (AVG 15(3); WGBO 7:456); the first copy is free.
    Afschrift,
    /// Correction of factual errors (AVG 16; WGBO 7:454).
    Rectificatie,
    /// The requester's own statement added to the dossier (WGBO 7:454 lid 2).
    EigenVerklaring,
    /// Destruction of (part of) the dossier (WGBO 7:455; Jeugdwet 7.3.9; AVG 17).
    Vernietiging,
    /// Restriction of processing (AVG 18).
    Beperking,
    /// Data portability (AVG 20); never for the JGZ's statutory task.
    Overdraagbaarheid,
    /// Objection to processing (AVG 21).
    Bezwaar,
    /// Withdrawal of consent (AVG 7(3)); takes effect at once, never extended.
    IntrekkenToestemming,
    /// A personal-data breach (AVG 33, 34): 72 clock hours to notify the AP.
    Datalek,
}

impl CaseKind {
    /// Every kind, in the order the desk lists them.
    pub const ALL: [CaseKind; 10] = [
        CaseKind::Inzage,
        CaseKind::Afschrift,
        CaseKind::Rectificatie,
        CaseKind::EigenVerklaring,
        CaseKind::Vernietiging,
        CaseKind::Beperking,
        CaseKind::Overdraagbaarheid,
        CaseKind::Bezwaar,
        CaseKind::IntrekkenToestemming,
        CaseKind::Datalek,
    ];

    /// The verzoek kinds (every kind but the datalek).
    pub const VERZOEKEN: [CaseKind; 9] = [
        CaseKind::Inzage,
        CaseKind::Afschrift,
        CaseKind::Rectificatie,
        CaseKind::EigenVerklaring,
        CaseKind::Vernietiging,
        CaseKind::Beperking,
        CaseKind::Overdraagbaarheid,
        CaseKind::Bezwaar,
        CaseKind::IntrekkenToestemming,
    ];

    /// The command-line and journal spelling: Dutch kebab-case (`eigen-verklaring`).
    pub fn slug(self) -> &'static str {
        match self {
            CaseKind::Inzage => "inzage",
            CaseKind::Afschrift => "afschrift",
            CaseKind::Rectificatie => "rectificatie",
            CaseKind::EigenVerklaring => "eigen-verklaring",
            CaseKind::Vernietiging => "vernietiging",
            CaseKind::Beperking => "beperking",
            CaseKind::Overdraagbaarheid => "overdraagbaarheid",
            CaseKind::Bezwaar => "bezwaar",
            CaseKind::IntrekkenToestemming => "intrekken-toestemming",
            CaseKind::Datalek => "datalek",
        }
    }

    /// A breach report rather than a request.
    pub fn is_datalek(self) -> bool {
        self == CaseKind::Datalek
    }

    /// Whether AVG 12(3)'s extension by two months exists for this kind (not for a withdrawal of
    /// consent, which 12(3) does not cover, nor for a breach).
    pub fn may_extend(self) -> bool {
        !matches!(self, CaseKind::Datalek | CaseKind::IntrekkenToestemming)
    }

    /// The letter that starts this kind's case id: `V` for a verzoek, `D` for a datalek.
    pub fn id_letter(self) -> char {
        if self.is_datalek() { 'D' } else { 'V' }
    }
}

impl fmt::Display for CaseKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

/// An unknown kind was named; the caller lists the valid ones (in the user's language).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown case kind")]
pub struct UnknownKind;

impl FromStr for CaseKind {
    type Err = UnknownKind;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CaseKind::ALL
            .iter()
            .copied()
            .find(|k| k.slug() == s)
            .ok_or(UnknownKind)
    }
}

/// A human case id, `V-2026-0042` or `D-2026-0007`: numbered per letter and year of
/// registration, never reused; the number widens past 9999.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CaseId {
    /// `V` (verzoek) or `D` (datalek).
    pub letter: char,
    /// The year of registration.
    pub year: i32,
    /// The running number within letter and year, from 1.
    pub number: u32,
}

impl CaseId {
    /// A new id.
    pub fn new(letter: char, year: i32, number: u32) -> Self {
        CaseId {
            letter,
            year,
            number,
        }
    }

    /// The id a new case of `kind` carries until the register saves it and gives it its
    /// number: ids are assigned inside the save, never taken beforehand (two handlers
    /// registering at once would take the same one).
    pub fn provisional(kind: CaseKind) -> Self {
        CaseId::new(kind.id_letter(), 0, 0)
    }

    /// Whether this is a [`CaseId::provisional`] id, not yet assigned.
    pub fn is_provisional(&self) -> bool {
        self.number == 0
    }
}

impl fmt::Display for CaseId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}-{:04}", self.letter, self.year, self.number)
    }
}

/// A string that is not a case id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a case id (expected V-YYYY-NNNN or D-YYYY-NNNN)")]
pub struct BadCaseId;

impl FromStr for CaseId {
    type Err = BadCaseId;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut parts = s.split('-');
        let (Some(l), Some(y), Some(n), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(BadCaseId);
        };
        let letter = match l {
            "V" => 'V',
            "D" => 'D',
            _ => return Err(BadCaseId),
        };
        if y.len() != 4
            || n.len() < 4
            || !y.bytes().all(|b| b.is_ascii_digit())
            || !n.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(BadCaseId);
        }
        let year = y.parse().map_err(|_| BadCaseId)?;
        let number: u32 = n.parse().map_err(|_| BadCaseId)?;
        if number == 0 {
            return Err(BadCaseId);
        }
        Ok(CaseId::new(letter, year, number))
    }
}

impl Serialize for CaseId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for CaseId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_through_their_slug() {
        for k in CaseKind::ALL {
            assert_eq!(k.slug().parse::<CaseKind>(), Ok(k));
            assert_eq!(
                serde_json::to_string(&k).ok(),
                Some(format!("\"{}\"", k.slug()))
            );
        }
        assert_eq!("Inzage".parse::<CaseKind>(), Err(UnknownKind));
    }

    #[test]
    fn case_ids_print_four_digits_and_widen() {
        assert_eq!(CaseId::new('V', 2026, 42).to_string(), "V-2026-0042");
        assert_eq!(CaseId::new('D', 2026, 12345).to_string(), "D-2026-12345");
        assert_eq!("V-2026-0042".parse(), Ok(CaseId::new('V', 2026, 42)));
        assert_eq!("D-2026-12345".parse(), Ok(CaseId::new('D', 2026, 12345)));
        for bad in [
            "X-2026-0001",
            "V-26-0001",
            "V-2026-1",
            "V-2026-0000",
            "V-2026-00a1",
            "V-2026-0001-1",
        ] {
            assert_eq!(bad.parse::<CaseId>(), Err(BadCaseId), "{bad}");
        }
    }

    #[test]
    fn ids_order_by_letter_year_number() {
        let a = CaseId::new('V', 2026, 9999);
        let b = CaseId::new('V', 2026, 10000);
        assert!(a < b);
    }
}
