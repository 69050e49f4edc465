//! Which steps show for a case on a day, given its answers and facts, and which required ones
//! are still missing.

use chrono::{DateTime, NaiveDate, Utc};

use super::answer::Answer;
use super::step::{Need, Phase, Show::*, Step, StepId};
use super::{ApBesluit, RisicoNiveau, age_on, steps};
use crate::domain::case::{Case, Relation};
use crate::domain::deadline::amsterdam_date;
use crate::domain::rights;

impl Case {
    pub(super) fn answer(&self, id: StepId) -> Option<&Answer> {
        self.answers.get(&id).map(|r| &r.answer)
    }

    /// Whether an answered yes/no step says yes (false when unanswered).
    pub fn said_yes(&self, id: StepId) -> bool {
        matches!(self.answer(id), Some(Answer::YesNo(true)))
    }

    /// The answer of a choice of ja and nee ([`super::JA_NEE`]); `None` when unanswered.
    pub fn yes_no_choice(&self, id: StepId) -> Option<bool> {
        self.choice(id)
            .and_then(super::YesNo::from_slug)
            .map(super::YesNo::is_yes)
    }

    /// The chosen option of a choice step, as its type; `None` when unanswered.
    pub fn chosen<T: super::ChoiceOption>(&self, id: StepId) -> Option<T> {
        self.choice(id).and_then(T::from_slug)
    }

    /// The chosen option of a choice step.
    pub fn choice(&self, id: StepId) -> Option<&str> {
        match self.answer(id) {
            Some(Answer::Choice(c)) => Some(c.as_str()),
            _ => None,
        }
    }

    /// Whether a step shows for this case on this day, given the answers so far.
    pub fn shows(&self, step: &Step, today: NaiveDate) -> bool {
        let relation = self.request.as_ref().map(|r| r.requester.relation);
        let age = self
            .request
            .as_ref()
            .map(|r| age_on(r.child.birth_date, today));
        match step.show {
            Always => true,
            IfYesNo(s, v) => matches!(self.answer(s), Some(Answer::YesNo(b)) if *b == v),
            IfChoice(s, v) => self.choice(s) == Some(v),
            UnlessChoice(s, v) => self.choice(s).is_some_and(|c| c != v),
            IfAnswered(s) => self.answers.contains_key(&s),
            ChildAtLeast(n) => age.is_some_and(|a| a >= n),
            ChildBetween(from, to) => age.is_some_and(|a| (from..to).contains(&a)),
            OtherForChildAtLeast(n) => {
                age.is_some_and(|a| a >= n) && relation.is_some_and(|r| r != Relation::Zelf)
            }
            GezagRelation => matches!(relation, Some(Relation::OuderMetGezag | Relation::Voogd)),
            // A pleegouder, a parent without gezag and a gezinsvoogd are handled as a third
            // party with the holder's written consent (domain.md §4 as revised).
            ThirdParty => matches!(
                relation,
                Some(
                    Relation::Derde
                        | Relation::Gemachtigde
                        | Relation::Pleegouder
                        | Relation::OuderZonderGezag
                        | Relation::Gezinsvoogd
                )
            ),
            OtherFor12To15Under(regime) => {
                self.request.as_ref().is_some_and(|r| r.regime == regime)
                    && age.is_some_and(|a| (12..16).contains(&a))
                    && relation.is_some_and(|r| r != Relation::Zelf)
            }
            ForKind(kind) => self.kind == kind,
            BreachDelay => {
                let due = rights::breach_deadline(self);
                self.chosen(StepId::ApMelding) == Some(ApBesluit::Gemeld)
                    && match (due, self.answer(StepId::ApGemeldOp)) {
                        (Some(due), Some(Answer::Instant(at))) => *at > due,
                        (Some(due), _) => today >= amsterdam_date(due),
                        (None, _) => false,
                    }
            }
        }
    }

    /// Whether a step must be answered at `now`: as its table says, except the reason for a
    /// breach's delay, which is required once the notification is or will be late (notified
    /// after the 72 hours, or the 72 hours passed before it) — a late notification is refused
    /// without it (AVG 33(1)) — and its category, required until the late notification is
    /// recorded (a new late notification is refused without it).
    pub fn need(&self, step: &Step, now: DateTime<Utc>) -> Need {
        if step.id == StepId::BetrokkenenInformeren {
            return self.need_by_answers(step);
        }
        if matches!(
            step.id,
            StepId::RedenVertraging | StepId::CategorieVertraging
        ) {
            let late = match (
                rights::breach_deadline(self),
                self.answer(StepId::ApGemeldOp),
            ) {
                (Some(due), Some(Answer::Instant(at))) => *at > due,
                (Some(due), _) => now > due,
                (None, _) => false,
            };
            // The category is not asked of a late notification recorded before the category
            // existed ("niet gecategoriseerd"); one recorded since has it.
            let asked = step.id == StepId::RedenVertraging
                || !self.answers.contains_key(&StepId::ApGemeldOp)
                || self.answers.contains_key(&StepId::CategorieVertraging);
            if late && asked && self.chosen(StepId::ApMelding) == Some(ApBesluit::Gemeld) {
                return Need::Required;
            }
        }
        step.need
    }

    /// Whether a step must be answered, by the answers alone: informing the data subjects is
    /// required only at hoog risico (AVG 34), though it may be recorded at every level.
    pub fn need_by_answers(&self, step: &Step) -> Need {
        if step.id == StepId::BetrokkenenInformeren
            && self.chosen(StepId::Risico) != Some(RisicoNiveau::HoogRisico)
        {
            return Need::Optional;
        }
        step.need
    }

    /// The steps that show now, in order.
    pub fn visible_steps(&self, today: NaiveDate) -> Vec<&'static Step> {
        steps(self.kind).filter(|s| self.shows(s, today)).collect()
    }

    /// Required steps that show but are not answered (in order).
    pub fn missing_steps(&self, today: NaiveDate, phase: Option<Phase>) -> Vec<StepId> {
        self.visible_steps(today)
            .into_iter()
            .filter(|s| {
                self.need_by_answers(s) == Need::Required && phase.is_none_or(|p| p == s.phase)
            })
            .filter(|s| !self.answers.contains_key(&s.id))
            .map(|s| s.id)
            .collect()
    }
}
