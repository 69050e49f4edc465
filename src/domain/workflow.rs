//! The team's rules on a change as a whole (issue 22, domain.md §8), checked by every store's
//! save path before the events are applied: which decisions a second handler must approve
//! (the organisation's choice), what the FG may append (advice, never a decision or an
//! approval), and whether an approval can name its approver as proved.
//!
//! What a single case allows (self-approval, a stale approval, a letter waiting) is the case's
//! own rule, in `case::vier_ogen`; this module holds what depends on who saves and on the
//! organisation's settings, which a case does not know.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::case::{Case, DecisionType, Refusal, Subject};
use super::event::Event;
use super::kind::{CaseId, CaseKind};
use super::role::Role;
use super::summary::Summary;

/// Which decision types need a second pair of eyes on this register.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VierOgen {
    /// The types proposed and approved rather than recorded at once (empty: vier ogen off).
    pub types: BTreeSet<DecisionType>,
}

impl VierOgen {
    /// Vier ogen on for these types.
    pub fn on(types: impl IntoIterator<Item = DecisionType>) -> VierOgen {
        VierOgen {
            types: types.into_iter().collect(),
        }
    }

    /// Whether a decision of this type must be proposed.
    pub fn requires(&self, t: DecisionType) -> bool {
        self.types.contains(&t)
    }

    /// Whether the event records something this register makes a proposal of: a refusal, an
    /// extension, not notifying the AP, as configured. `kind` is the case's.
    pub fn requires_for(&self, event: &Event, kind: CaseKind) -> bool {
        self.proposal_for(event, kind).is_some()
    }

    /// The proposal the event must be followed by on this register, if any.
    pub fn proposal_for(&self, event: &Event, kind: CaseKind) -> Option<Subject> {
        let (t, subject) = match event {
            Event::Decided { decision, .. } => (
                DecisionType::of_decision(kind, *decision)?,
                Subject::Besluit,
            ),
            Event::Extended { .. } => (DecisionType::Verlenging, Subject::Verlenging),
            Event::Answered { step, answer, .. } => {
                (DecisionType::of_answer(*step, answer)?, Subject::NietMelden)
            }
            _ => return None,
        };
        self.requires(t).then_some(subject)
    }
}

/// Who saves a change: the role of a team's login, or none on a register of one whose user
/// is a name typed at start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Saver {
    /// The login's role (`None`: a local register, no roles, nobody's name proved).
    pub role: Option<Role>,
}

/// Checks a new change against the team's rules: the FG appends only reads, exports, reports,
/// backups and advice; advice is the FG's on a team's register; a decision of a configured type is
/// recorded as a proposal; an approval on a local register says it is not verified (and on a
/// team's register it is). `kinds` gives each case's kind (the summaries).
pub fn check_change(
    policy: &VierOgen,
    saver: Saver,
    events: &[Event],
    kinds: &BTreeMap<CaseId, Arc<Summary>>,
) -> Result<(), Refusal> {
    for event in events {
        let fg_may = matches!(
            event,
            Event::Viewed { .. }
                | Event::Exported { .. }
                | Event::ReportMade { .. }
                | Event::BackedUp { .. }
                | Event::AdviceGiven { .. }
        );
        if saver.role == Some(Role::Fg) && !fg_may {
            return Err(Refusal::RoleMayNot);
        }
        if saver.role == Some(Role::Handler) && matches!(event, Event::AdviceGiven { .. }) {
            return Err(Refusal::RoleMayNot);
        }
        if let Event::Approved {
            niet_geverifieerd, ..
        } = event
            && *niet_geverifieerd != saver.role.is_none()
        {
            return Err(Refusal::Verification);
        }
    }
    // A decision of a configured type is followed, in the same change, by its proposal.
    for (i, event) in events.iter().enumerate() {
        let Some(id) = event.case() else { continue };
        let kind = kinds.get(&id).map_or(CaseKind::Inzage, |s| s.kind);
        let Some(subject) = policy.proposal_for(event, kind) else {
            continue;
        };
        let proposed = events[i + 1..].iter().any(
            |e| matches!(e, Event::Proposed { case, subject: s } if *case == id && *s == subject),
        );
        if !proposed {
            return Err(Refusal::ApprovalRequired);
        }
    }
    Ok(())
}

/// Cases per behandelaar, for the overview.
pub fn per_handler<'a>(
    summaries: impl IntoIterator<Item = &'a Summary>,
) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for s in summaries {
        *out.entry(s.handler.clone()).or_insert(0) += 1;
    }
    out
}

/// The FG's advice in a set of cases: given, answered as followed, answered as not followed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdviceCount {
    /// Advice given.
    pub given: usize,
    /// Followed.
    pub followed: usize,
    /// Not followed (with the reason recorded).
    pub not_followed: usize,
}

impl AdviceCount {
    /// The advice of one case.
    pub fn of(case: &Case) -> AdviceCount {
        let mut out = AdviceCount {
            given: case.advice.len(),
            ..AdviceCount::default()
        };
        for a in case.advice.values() {
            match &a.response {
                Some(r) if r.followed => out.followed += 1,
                Some(_) => out.not_followed += 1,
                None => {}
            }
        }
        out
    }

    /// Adds another set's counts to these.
    pub fn add(&mut self, other: AdviceCount) {
        self.given += other.given;
        self.followed += other.followed;
        self.not_followed += other.not_followed;
    }

    /// No advice given.
    pub fn is_empty(&self) -> bool {
        self.given == 0
    }
}

/// Counts the advice of a set of cases (the yearly report counts the cases received that
/// year).
pub fn advice_count<'a>(summaries: impl IntoIterator<Item = &'a Summary>) -> AdviceCount {
    let mut out = AdviceCount::default();
    for s in summaries {
        out.add(s.advice);
    }
    out
}
