//! The new-datalek form (`N` on the list): when the organisation became aware (date and time,
//! Amsterdam; not in the future), who reported it, what happened, a description, and — if a
//! processor found it — the processor and when it told the organisation. The 72 hours run from
//! the earlier of the two moments (domain.md §3.3); the domain computes that, the form only
//! collects the facts.
//!
//! It is a form of the shared field API (`app::form`) in the app's one form slot, so key routing,
//! Tab/Shift-Tab, `<C-s>` and Esc-asks-first work as in the new-verzoek form. Saving reads every
//! field first (all refusals at their fields at once), then hands one `BreachRegistered` change
//! to the store, whose domain check is the authority (awareness not in the future); a refusal
//! lands at the field it is about, and nothing reaches the journal.

use super::App;
use super::form::{Field, Form};
use super::screen::View;
use crate::domain::CaseId;
use crate::domain::case::CaseField;
use crate::domain::case::{BreachFacts, BreachNature, Refusal};
use crate::domain::{CaseKind, Event};
use crate::i18n::breach::BreachMsg;
use crate::i18n::domain as names;
use crate::i18n::form::FormMsg;

// The fields, in form order.
const AWARE: usize = 0;
const REPORTED_BY: usize = 1;
const NATURE: usize = 2;
const DESCRIPTION: usize = 3;
const PROCESSOR: usize = 4;
const PROCESSOR_NOTICE: usize = 5;

impl App {
    /// Opens an empty datalek form, aware "now" (the usual case: the report just came in). A
    /// register that cannot be written says so instead.
    pub(super) fn open_breach_form(&mut self) {
        if let Err(e) = self.store.writable() {
            let text = BreachMsg::NotWritable.fill(self.lang, &[("why", &e.message(self.lang))]);
            self.say(text, true);
            return;
        }
        let lang = self.lang;
        let label = |m: BreachMsg| m.text(lang);
        let natures = BreachNature::ALL
            .iter()
            .map(|n| names::nature(*n, lang).to_string())
            .collect();
        let fields = vec![
            Field::instant(label(BreachMsg::LabelAware), Some(self.now)).required(),
            Field::text(label(BreachMsg::LabelReportedBy)).required(),
            Field::choice(label(BreachMsg::LabelNature), natures, 0),
            Field::multi(label(BreachMsg::LabelDescription)),
            Field::text(label(BreachMsg::LabelProcessor)),
            Field::instant(label(BreachMsg::LabelProcessorNotice), None),
        ];
        self.screens
            .push(View::NewBreach(Box::new(Form::new(fields)), None));
    }

    /// `<C-s>` in the datalek form: reads the fields, saves the datalek as one change and opens
    /// its detail (with its 72-hour mark); a refusal leaves the form filled and says why.
    pub(super) fn save_breach(&mut self) {
        let lang = self.lang;
        let Some(form) = self.form_mut() else {
            return;
        };
        form.clear_errors();
        let aware = form.instant(AWARE, lang).flatten();
        let reported_by = form.required_text(REPORTED_BY, lang);
        let nature = BreachNature::ALL
            .get(form.choice(NATURE))
            .copied()
            .unwrap_or(BreachNature::Anders);
        let description = form.text(DESCRIPTION);
        let processor = form.text(PROCESSOR);
        let notice = form.instant(PROCESSOR_NOTICE, lang);
        // A processor's notice needs the processor it came from.
        if matches!(notice, Some(Some(_))) && processor.is_empty() {
            form.set_error(PROCESSOR, BreachMsg::ProcessorNeeded.text(lang).to_string());
        }
        let (Some(aware_at), Some(reported_by), Some(processor_notice_at)) =
            (aware, reported_by, notice)
        else {
            self.refused_at_fields();
            return;
        };
        if form.has_errors() {
            self.refused_at_fields();
            return;
        }
        let event = Event::BreachRegistered {
            case: CaseId::provisional(CaseKind::Datalek),
            breach: BreachFacts {
                aware_at,
                processor_notice_at,
                processor,
                reported_by,
                nature,
                description,
            },
        };
        self.save_new_case(event, App::breach_refused);
    }

    /// Puts a domain refusal at the field it is about, or on the status line.
    fn breach_refused(&mut self, r: &Refusal) {
        let lang = self.lang;
        let now = self
            .now
            .with_timezone(&chrono_tz::Europe::Amsterdam)
            .format("%Y-%m-%d %H:%M")
            .to_string();
        let future = || BreachMsg::InFuture.fill(lang, &[("now", &now)]);
        let at = match r {
            Refusal::Required(CaseField::ReportedBy) => {
                Some((REPORTED_BY, FormMsg::Required.text(lang).to_string()))
            }
            Refusal::InFuture(CaseField::AwareAt) => Some((AWARE, future())),
            Refusal::InFuture(CaseField::ProcessorNoticeAt) => Some((PROCESSOR_NOTICE, future())),
            _ => None,
        };
        self.refused_at(at, r);
    }
}
