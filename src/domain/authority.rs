//! Who may exercise a right for a child: the table of domain.md §4 as one pure function,
//! [`assess`].
//!
//! The age **on the decision date** governs. The table has three columns: inzage (which the
//! other rights follow), vernietiging, and intrekken toestemming (decided by age alone, UAVG
//! art. 5). A conditional cell ("only with consent", "unless the hulpverlener judges…") is
//! resolved by the inputs: when its condition is recorded the outcome is [`Outcome::Mag`] and the
//! [`Reason`] names what was relied on; when it is not, the cell's own outcome stays, so the
//! checklist knows what to ask for.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::CaseKind;

/// Declares a fieldless enum together with `ALL`, the list of its variants, so that the test of
/// the texts cannot miss a variant added later.
macro_rules! enum_with_all {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $var:ident,)* }) => {
        $(#[$meta])*
        pub enum $name { $($(#[$vmeta])* $var,)* }
        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$var,)*];
        }
    };
}

mod age;
mod outcome;
mod table;

pub use age::{AuthorityDates, CrossedBirthday, DateError, MILESTONES, age_on, birthday};
pub use outcome::{NextStep, Outcome, Reason};

/// The dossier regime of the organisation (a setting): it decides the 12–15 cells.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DossierRegime {
    /// JGZ's medical child dossier under the WGBO (BW 7:446 ff.); the default.
    #[default]
    Wgbo,
    /// A CJG's jeugdhulpdossier under Jeugdwet §7.3.
    Jeugdwet,
}

impl DossierRegime {
    /// The spelling in `privdesk.toml` and the journal.
    pub fn slug(self) -> &'static str {
        match self {
            DossierRegime::Wgbo => "wgbo",
            DossierRegime::Jeugdwet => "jeugdwet",
        }
    }
}

/// The column of the table a right is decided by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    /// Inzage / afschrift, and every right that follows it: rectificatie, eigen verklaring,
    /// beperking, bezwaar, overdraagbaarheid ("whoever may see the data may exercise them").
    Inzage,
    /// Vernietiging, with its own column and the KNMG-meldcode rule.
    Vernietiging,
    /// Intrekken toestemming: whoever gave the consent, by age (UAVG art. 5).
    IntrekkenToestemming,
}

/// A datalek was offered where a right was expected: a breach is nobody's right to exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[error("a datalek is not a right that someone exercises")]
pub struct NotARight;

/// A right someone asks to exercise: a [`CaseKind`] other than `Datalek`, so that the table
/// never has to answer for a breach.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Right {
    kind: CaseKind,
    column: Column,
}

impl Right {
    /// The right for a verzoek kind; a datalek is refused.
    pub fn new(kind: CaseKind) -> Result<Self, NotARight> {
        let column = match kind {
            CaseKind::Vernietiging => Column::Vernietiging,
            CaseKind::IntrekkenToestemming => Column::IntrekkenToestemming,
            CaseKind::Inzage
            | CaseKind::Afschrift
            | CaseKind::Rectificatie
            | CaseKind::EigenVerklaring
            | CaseKind::Beperking
            | CaseKind::Overdraagbaarheid
            | CaseKind::Bezwaar => Column::Inzage,
            CaseKind::Datalek => return Err(NotARight),
        };
        Ok(Right { kind, column })
    }

    /// The case kind this right is.
    pub fn kind(self) -> CaseKind {
        self.kind
    }

    /// The column of the table that decides it.
    pub fn column(self) -> Column {
        self.column
    }
}

impl TryFrom<CaseKind> for Right {
    type Error = NotARight;
    fn try_from(kind: CaseKind) -> Result<Self, Self::Error> {
        Right::new(kind)
    }
}

/// Who asks, in relation to the child. Gezag is as registered in the BRP or the gezagsregister.
/// Two parents with gezag: either may ask, as [`RequesterRole::OuderMetGezag`]; a dispute
/// between them is escalated, never decided here.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RequesterRole {
    /// The child or young person whose dossier it is.
    Jeugdige,
    /// A parent with gezag (parental authority).
    OuderMetGezag,
    /// A voogd (guardian), also a gecertificeerde instelling with voogdij: acts as a parent with
    /// gezag.
    Voogd,
    /// A curator or mentor: exists only for an adult (from 18).
    CuratorOfMentor,
    /// A parent without gezag: information on important facts only (BW 1:377c).
    OuderZonderGezag,
    /// A foster parent without gezag.
    Pleegouder,
    /// A gezinsvoogd under an ondertoezichtstelling (OTS): the parents keep gezag.
    Gezinsvoogd,
    /// A third party: school, lawyer, insurer, another organisation.
    Derde,
    /// A gemachtigde: a lawyer or other representative who acts for whoever holds the right,
    /// with their written machtiging (domain.md §4).
    Gemachtigde,
}

/// The child's (or young person's) consent to this requester's request.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Toestemming {
    /// No consent recorded.
    #[default]
    Geen,
    /// Consent given (orally, recorded by the handler): enough for WGBO 7:457 at 12–15.
    Gegeven,
    /// Written consent: needed from 16 and for a third party.
    Schriftelijk,
}

/// Everything the table of §4 needs. Build it with [`AuthorityInput::new`] and set what is
/// known; `None` means "not judged yet", and the assessment asks for it only where the table
/// needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AuthorityInput {
    /// The organisation's dossier regime.
    pub regime: DossierRegime,
    /// The right asked for.
    pub right: Right,
    /// Birth, receipt, decision.
    pub dates: AuthorityDates,
    /// Who asks.
    pub requester: RequesterRole,
    /// Whether the child is wilsbekwaam in this matter, as judged by a professional.
    pub wilsbekwaam: Option<bool>,
    /// The child's own consent to this requester.
    pub child_consent: Toestemming,
    /// WGBO 7:457, child 12–15 and a parent asks: the professional has recorded that the child
    /// does not object and that giving the data does not harm the child.
    pub wgbo_oordeel_geen_bezwaar: bool,
    /// Jeugdwet, child 12–15 and a parent asks: the hulpverlener's judgement whether giving
    /// access harms the help.
    pub jeugdwet_schaadt_hulpverlening: Option<bool>,
    /// Signals of (suspected) child abuse or domestic violence (KNMG-meldcode): `None` until
    /// checked. Only vernietiging asks for it.
    pub signalen_mishandeling: Option<bool>,
    /// Written consent of the child's legal representative (parent with gezag or voogd; from 18
    /// curator or mentor), for a requester who is not the one holding the right.
    pub vertegenwoordiger_schriftelijke_toestemming: bool,
}

impl AuthorityInput {
    /// An input with the regime at its default (WGBO), nothing judged and no consent.
    pub fn new(right: Right, dates: AuthorityDates, requester: RequesterRole) -> Self {
        AuthorityInput {
            regime: DossierRegime::default(),
            right,
            dates,
            requester,
            wilsbekwaam: None,
            child_consent: Toestemming::Geen,
            wgbo_oordeel_geen_bezwaar: false,
            jeugdwet_schaadt_hulpverlening: None,
            signalen_mishandeling: None,
            vertegenwoordiger_schriftelijke_toestemming: false,
        }
    }
}

/// The answer of [`assess`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Assessment {
    /// What the table says.
    pub outcome: Outcome,
    /// The rule that decided.
    pub reason: Reason,
    /// The child's age on the decision date, which governs.
    pub age_at_decision: u32,
    /// A 12th, 16th or 18th birthday between receipt and decision, if one fell there.
    pub birthday_crossed: Option<CrossedBirthday>,
}

impl Assessment {
    /// Shorthand for [`Outcome::allows_processing`].
    pub fn allows_processing(&self) -> bool {
        self.outcome.allows_processing()
    }

    /// Shorthand for [`Outcome::leads_to_niet_ontvankelijk`].
    pub fn leads_to_niet_ontvankelijk(&self) -> bool {
        self.outcome.leads_to_niet_ontvankelijk()
    }
}

/// Assesses who may exercise the right asked for, by the table of domain.md §4, at the child's
/// age on the decision date.
pub fn assess(input: &AuthorityInput) -> Assessment {
    let age = input.dates.age_at_decision();
    let (outcome, reason) = match input.right.column() {
        Column::Inzage => table::inzage_column(input, age),
        Column::Vernietiging => table::vernietiging_column(input, age),
        Column::IntrekkenToestemming => table::intrekken_column(input, age),
    };
    Assessment {
        outcome,
        reason,
        age_at_decision: age,
        birthday_crossed: input.dates.birthday_crossed(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
