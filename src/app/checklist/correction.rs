//! Correcting a registered fact (issue 18 point 2), from the detail or the checklist: `C`
//! asks which fact, then its new value (the recorded one filled in) and the reason. The
//! domain checks the value as the registration would and recomputes deadlines and authority;
//! a correction that would make a recorded decision or extension unlawful is shown on the
//! status line and saved only after `j` (the decision kept, the case flagged for review).

use super::Records;
use crate::app::form::{Field, Form};
use crate::app::{App, Confirm, Task};
use crate::domain::case::{
    BreachNature, Channel, Conflict, Correction, FactField, Refusal, Relation,
};
use crate::domain::{Case, Event};
use crate::i18n::Lang;
use crate::i18n::detail::correction_values;
use crate::i18n::domain as names;
use crate::i18n::workbench::WorkMsg;
use crate::store::{Seen, StoreError};

/// The fact's value as the case holds it now, as a correction from and to itself.
fn current(case: &Case, field: FactField) -> Option<Correction> {
    use FactField as F;
    if let Some(b) = &case.breach {
        return Some(match field {
            F::AwareAt => Correction::AwareAt {
                from: b.aware_at,
                to: b.aware_at,
            },
            F::ProcessorNotice => Correction::ProcessorNotice {
                from: b.processor_notice_at,
                to: b.processor_notice_at,
            },
            F::Nature => Correction::Nature {
                from: b.nature,
                to: b.nature,
            },
            _ => return None,
        });
    }
    let r = case.request.as_ref()?;
    let text = |t: &String| (t.clone(), t.clone());
    Some(match field {
        F::Received => Correction::Received {
            from: r.received,
            to: r.received,
        },
        F::Channel => Correction::Channel {
            from: r.channel,
            to: r.channel,
        },
        F::Requester => {
            let (from, to) = text(&r.requester.name);
            Correction::Requester { from, to }
        }
        F::Relation => Correction::Relation {
            from: r.requester.relation,
            to: r.requester.relation,
        },
        F::Contact => {
            let (from, to) = text(&r.requester.contact);
            Correction::Contact { from, to }
        }
        F::Address => {
            let (from, to) = text(&r.requester.address);
            Correction::Address { from, to }
        }
        F::Child => {
            let (from, to) = text(&r.child.name);
            Correction::Child { from, to }
        }
        F::BirthDate => Correction::BirthDate {
            from: r.child.birth_date,
            to: r.child.birth_date,
        },
        F::AwareAt | F::ProcessorNotice | F::Nature => return None,
    })
}

/// The field a new value is typed into, the recorded value filled in.
fn value_field(c: &Correction, label: &str, lang: Lang) -> Field {
    let choice =
        |names: Vec<String>, at: Option<usize>| Field::choice(label, names, at.unwrap_or(0));
    match c {
        Correction::Received { from, .. } | Correction::BirthDate { from, .. } => {
            Field::date(label, Some(*from)).required()
        }
        Correction::Channel { from, .. } => choice(
            Channel::ALL
                .iter()
                .map(|c| names::channel(*c, lang).to_string())
                .collect(),
            Channel::ALL.iter().position(|c| c == from),
        ),
        Correction::Relation { from, .. } => choice(
            Relation::ALL
                .iter()
                .map(|r| names::relation(*r, lang).to_string())
                .collect(),
            Relation::ALL.iter().position(|r| r == from),
        ),
        Correction::Nature { from, .. } => choice(
            BreachNature::ALL
                .iter()
                .map(|n| names::nature(*n, lang).to_string())
                .collect(),
            BreachNature::ALL.iter().position(|n| n == from),
        ),
        Correction::Requester { from, .. } | Correction::Child { from, .. } => {
            Field::text(label).filled(from).required()
        }
        Correction::Contact { from, .. } => Field::text(label).filled(from),
        Correction::Address { from, .. } => Field::multi_filled(label, from),
        Correction::AwareAt { from, .. } => Field::instant(label, Some(*from)).required(),
        Correction::ProcessorNotice { from, .. } => Field::instant(label, *from),
    }
}

/// The correction typed into `form` (its field 0), from the recorded value; `None` when the
/// value does not read (the reason is at the field).
fn typed(c: &Correction, form: &mut Form, lang: Lang) -> Option<Correction> {
    let text = form.text(0);
    let at = form.choice(0);
    Some(match c {
        Correction::Received { from, .. } => Correction::Received {
            from: *from,
            to: form.date(0, lang)??,
        },
        Correction::BirthDate { from, .. } => Correction::BirthDate {
            from: *from,
            to: form.date(0, lang)??,
        },
        Correction::Channel { from, .. } => Correction::Channel {
            from: *from,
            to: *Channel::ALL.get(at)?,
        },
        Correction::Relation { from, .. } => Correction::Relation {
            from: *from,
            to: *Relation::ALL.get(at)?,
        },
        Correction::Nature { from, .. } => Correction::Nature {
            from: *from,
            to: *BreachNature::ALL.get(at)?,
        },
        Correction::Requester { from, .. } => Correction::Requester {
            from: from.clone(),
            to: text,
        },
        Correction::Child { from, .. } => Correction::Child {
            from: from.clone(),
            to: text,
        },
        Correction::Contact { from, .. } => Correction::Contact {
            from: from.clone(),
            to: text,
        },
        Correction::Address { from, .. } => Correction::Address {
            from: from.clone(),
            to: text,
        },
        Correction::AwareAt { from, .. } => Correction::AwareAt {
            from: *from,
            to: form.instant(0, lang)??,
        },
        Correction::ProcessorNotice { from, .. } => Correction::ProcessorNotice {
            from: *from,
            to: form.instant(0, lang)?,
        },
    })
}

impl App {
    /// `C`: the prompt that asks which registered fact to correct.
    pub(in crate::app) fn start_correction(&mut self) {
        let Some(case) = self.work_case() else {
            return;
        };
        let lang = self.lang;
        let facts = FactField::of(&case)
            .iter()
            .map(|f| names::fact_field(*f, lang).to_string())
            .collect();
        let field = Field::choice(WorkMsg::FieldFact.text(lang), facts, 0);
        self.open_prompt(
            Records::Task(Task::Correct),
            WorkMsg::PromptCorrectWhich,
            vec![field],
        );
    }

    /// The fact chosen (the `at`th of the case's): the prompt of its new value, the recorded
    /// one filled in, and the reason.
    pub(super) fn correction_chosen(&mut self, at: usize) {
        let Some(case) = self.work_case() else {
            return;
        };
        let lang = self.lang;
        let Some(field) = FactField::of(&case).get(at).copied() else {
            return;
        };
        let Some(now) = current(&case, field) else {
            return;
        };
        let (shown, _) = correction_values(&now, lang);
        let label = WorkMsg::FieldNewValue.fill(lang, &[("now", &shown)]);
        let fields = vec![
            value_field(&now, &label, lang),
            Field::text(WorkMsg::FieldCorrectionReason.text(lang)).required(),
        ];
        self.open_prompt(Records::Correct(field), WorkMsg::PromptCorrect, fields);
        if let Some(p) = self.prompt_mut() {
            p.title =
                WorkMsg::PromptCorrect.fill(lang, &[("field", names::fact_field(field, lang))]);
        }
    }

    /// Records the correction of the open prompt. `confirmed`: the handler answered `j` to
    /// what it makes unlawful. A conflict not yet confirmed asks (the prompt stays open under
    /// the question); any other refusal is said and the prompt stays open to fix it.
    pub(super) fn submit_correction(&mut self, field: FactField, confirmed: bool) {
        let (Some(case), Some(id)) = (self.work_case(), self.case_id()) else {
            return;
        };
        let lang = self.lang;
        let Some(now) = current(&case, field) else {
            return;
        };
        let Some(p) = self.prompt_mut() else {
            return;
        };
        let Some(correction) = typed(&now, &mut p.form, lang) else {
            let why = p.form.fields()[0].error().unwrap_or("").to_string();
            let label = p.form.fields()[0].label().to_string();
            let text = WorkMsg::BadField.fill(lang, &[("field", &label), ("why", &why)]);
            self.say(text, true);
            return;
        };
        let event = Event::Corrected {
            case: id,
            correction,
            reason: p.form.text(1),
            review: confirmed,
        };
        let seen = [Seen::of(&case)];
        match self.commit(vec![event], &seen) {
            Ok(saved) => {
                self.close_prompt();
                let case = saved.cases.into_iter().find(|c| c.id == id);
                if self.show_case(id, case) {
                    let after = self.work_case();
                    let last = after.as_ref().and_then(|c| c.corrections.last());
                    let done = match last {
                        Some(c) if !c.conflicts.is_empty() => WorkMsg::DoneCorrectReview,
                        Some(c) if c.moved_deadline => WorkMsg::DoneCorrectMoved,
                        _ => WorkMsg::DoneCorrect,
                    };
                    self.say(done.text(lang).to_string(), false);
                }
            }
            Err(StoreError::Refused(Refusal::CorrectionConflicts(cs))) if !confirmed => {
                self.set_confirm(Some(Confirm::Correction {
                    decision: cs.contains(&Conflict::Decision),
                    extension: cs.contains(&Conflict::Extension),
                }));
                let hint = |a| self.keymap.hint(crate::app::Mode::Confirm, a);
                let (yes, no) = (hint(crate::app::Action::Yes), hint(crate::app::Action::No));
                let text =
                    WorkMsg::CorrectionConflictsAsk.fill(lang, &[("yes", &yes), ("no", &no)]);
                self.say(text, true);
            }
            Err(e) => self.say(e.message(lang), true),
        }
    }

    /// `j` on the question a conflicting correction asked: record it, flagged for review.
    pub(in crate::app) fn confirm_correction(&mut self) {
        if let Some(Records::Correct(field)) = self.prompt().map(|p| p.records) {
            self.submit_correction(field, true);
        }
    }
}
