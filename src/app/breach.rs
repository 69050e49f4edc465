//! The datalek's own screens: the breach register (AVG 33(5): every datalek, notified or not)
//! and the AP form view of one breach (its fields in the order of the AP's meldformulier, so the
//! handler fills the AP's form in one pass). Both read whole cases from the register when they
//! open, so drawing never touches the store.

use chrono::{DateTime, Utc};

use super::screen::View;
use super::{Action, App, Screen};
use crate::domain::breach::{AP_FORM, Field, Section, applies};
use crate::domain::{Case, CaseId, CaseKind, Event};
use crate::i18n::breach::BreachMsg;

/// One row of the AP form: a section heading, or a field that applies with its value (`None`
/// while still empty).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormRow {
    /// A section of the meldformulier.
    Section(Section),
    /// A field of the section that applies to this breach.
    Field(Field),
}

/// The AP form's rows for a breach at `now`: every section, in order, with the fields that
/// apply (a field hidden by earlier answers, such as the AP's number when it was decided not
/// to notify, is left out, and so is a section left without fields).
pub fn form_rows(case: &Case, now: DateTime<Utc>) -> Vec<FormRow> {
    let mut rows = Vec::new();
    for (section, fields) in AP_FORM {
        let shown: Vec<FormRow> = fields
            .iter()
            .filter(|f| applies(case, **f, now))
            .map(|f| FormRow::Field(*f))
            .collect();
        // A section none of whose fields apply (the contact when not notified) is left out.
        if !shown.is_empty() {
            rows.push(FormRow::Section(*section));
            rows.extend(shown);
        }
    }
    rows
}

impl App {
    /// Every datalek as read when the register opened, newest first.
    pub fn breaches(&self) -> &[Case] {
        self.find_view(|v| match v {
            View::Breaches(cases, _) => Some(cases.as_slice()),
            _ => None,
        })
        .unwrap_or_default()
    }

    /// The register's selected row.
    pub fn breach_selected(&self) -> usize {
        self.find_view(|v| match v {
            View::Breaches(_, selected) => Some(selected),
            _ => None,
        })
        .copied()
        .unwrap_or(0)
    }

    /// The breach whose AP form is open.
    pub fn ap_form(&self) -> Option<&Case> {
        self.find_view(|v| match v {
            View::ApForm(case, _) => Some(&**case),
            _ => None,
        })
    }

    /// The AP form's first row in view.
    pub fn ap_form_scroll(&self) -> usize {
        self.find_view(|v| match v {
            View::ApForm(_, scroll) => Some(scroll),
            _ => None,
        })
        .copied()
        .unwrap_or(0)
    }

    /// What an action does on the breach register.
    pub(super) fn update_breaches(&mut self, action: Action) {
        match action {
            Action::Up | Action::Down => self.select_breach(action == Action::Down),
            Action::ApForm => self.open_ap_form(self.ap_form_target()),
            Action::Back => self.back(),
            _ => {}
        }
    }

    /// What an action does on a breach's AP form.
    pub(super) fn update_ap_form(&mut self, action: Action) {
        let page = isize::try_from(self.list.page).unwrap_or(1);
        match action {
            Action::Up => self.scroll_ap_form(-1),
            Action::Down => self.scroll_ap_form(1),
            Action::PageUp => self.scroll_ap_form(-page),
            Action::PageDown => self.scroll_ap_form(page),
            Action::Back => self.back(),
            _ => {}
        }
    }

    /// Opens the breach register: reads every datalek and records that they were read (the
    /// register shows their facts; AVG accountability), all in one change. If it cannot be
    /// recorded, the register stays closed and the status line says why.
    pub(super) fn open_breaches(&mut self) {
        let ids: Vec<CaseId> = self
            .list
            .summaries
            .iter()
            .filter(|s| s.kind == CaseKind::Datalek)
            .map(|s| s.id)
            .rev()
            .collect();
        let mut cases = Vec::with_capacity(ids.len());
        for id in &ids {
            match self.store.case(*id) {
                Ok(Some(c)) => cases.push(c),
                Ok(None) => {}
                Err(e) => {
                    let why = e.message(self.lang);
                    let text = BreachMsg::CaseUnreadable
                        .fill(self.lang, &[("id", &id.to_string()), ("why", &why)]);
                    self.say(text, true);
                    return;
                }
            }
        }
        if !cases.is_empty() {
            let viewed = cases.iter().map(|c| Event::Viewed { case: c.id }).collect();
            if let Err(e) = self.commit(viewed, &[]) {
                let why = e.message(self.lang);
                self.say(
                    BreachMsg::NotRecorded.fill(self.lang, &[("why", &why)]),
                    true,
                );
                return;
            }
        }
        self.screens.push(View::Breaches(cases, 0));
    }

    /// Opens the AP form of a breach (already read: from its detail or the register).
    pub(super) fn open_ap_form(&mut self, id: Option<CaseId>) {
        let Some(id) = id else {
            self.say(
                crate::i18n::ui::UiMsg::NothingSelected
                    .text(self.lang)
                    .to_string(),
                true,
            );
            return;
        };
        match self.store.case(id) {
            Ok(Some(c)) if c.kind == CaseKind::Datalek => {
                self.screens.push(View::ApForm(Box::new(c), 0));
            }
            Ok(_) => self.say(
                BreachMsg::ApFormOnlyBreach.text(self.lang).to_string(),
                true,
            ),
            Err(e) => {
                let why = e.message(self.lang);
                let text = BreachMsg::CaseUnreadable
                    .fill(self.lang, &[("id", &id.to_string()), ("why", &why)]);
                self.say(text, true);
            }
        }
    }

    /// The case the AP form key means here: the detail's or checklist's case, or the register's
    /// selected row.
    pub(super) fn ap_form_target(&self) -> Option<CaseId> {
        match self.screen() {
            Screen::Detail(id) | Screen::Checklist(id) => Some(id),
            Screen::Breaches => self.breaches().get(self.breach_selected()).map(|c| c.id),
            _ => None,
        }
    }

    /// Moves the register's selection.
    pub(super) fn select_breach(&mut self, down: bool) {
        if let Some(View::Breaches(cases, selected)) = self.top_mut() {
            let last = cases.len().saturating_sub(1);
            *selected = if down {
                selected.saturating_add(1).min(last)
            } else {
                selected.saturating_sub(1)
            };
        }
    }

    /// Scrolls the AP form by `rows` (negative: up), never past its last row.
    pub(super) fn scroll_ap_form(&mut self, rows: isize) {
        let now = self.now;
        if let Some(View::ApForm(case, scroll)) = self.top_mut() {
            let last = form_rows(case, now).len().saturating_sub(1);
            *scroll = scroll.saturating_add_signed(rows).min(last);
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::domain::case::{BreachFacts, BreachNature};
    use crate::domain::checklist::{Answer, StepId};
    use crate::domain::instant::parse_instant;
    use crate::domain::{Stamp, breach::Section};

    #[test]
    fn a_breach_not_notified_leaves_out_the_contact_section_and_the_ap_number() {
        let at = parse_instant("2027-03-27T09:00").unwrap();
        let stamp = |seq| Stamp {
            seq,
            at,
            user: "t".into(),
        };
        let id = CaseId::new('D', 2027, 1);
        let mut case = Case::register(
            &Event::BreachRegistered {
                case: id,
                breach: BreachFacts {
                    aware_at: parse_instant("2027-03-26T16:00").unwrap(),
                    processor_notice_at: None,
                    processor: String::new(),
                    reported_by: "Otto".into(),
                    nature: BreachNature::Verloren,
                    description: String::new(),
                },
            },
            &stamp(1),
        )
        .unwrap();
        let before = form_rows(&case, at);
        assert!(before.contains(&FormRow::Section(Section::Contact)));
        for (seq, (step, answer)) in [
            (StepId::Risico, Answer::Choice("geen".into())),
            (StepId::ApMelding, Answer::Choice("niet_gemeld".into())),
        ]
        .into_iter()
        .enumerate()
        {
            let e = Event::Answered {
                case: id,
                step,
                answer,
            };
            case.apply(&e, &stamp(seq as u64 + 2)).unwrap();
        }
        let after = form_rows(&case, at);
        assert!(!after.contains(&FormRow::Section(Section::Contact)));
        assert!(!after.contains(&FormRow::Field(Field::Step(StepId::ApMeldnummer))));
        assert!(after.contains(&FormRow::Field(Field::Step(StepId::ApMelding))));
        assert_eq!(after.first(), Some(&FormRow::Section(Section::Melding)));
    }
}
