//! The new-verzoek form: its fields, and saving it as one `Registered` change.
//!
//! Saving reads every field (a date that is no date, or an empty required field, is refused
//! at the field, all at once), then hands the event to the store, whose domain check is the one
//! authority on the rules (receipt not in the future, not before the child's birth): a refusal
//! lands at the field it is about. Nothing reaches the journal unless the whole change is valid,
//! and a refused save leaves the form as typed.

use super::form::{Field, Form};
use super::screen::View;
use super::{Action, App, Confirm, Screen};
use crate::domain::case::CaseField;
use crate::domain::case::{
    Channel, Child, Refusal, Relation, ReplyMethod, RequestFacts, Requester, Salutation,
};
use crate::domain::deadline::amsterdam_date;
use crate::domain::{CaseId, CaseKind, Event};
use crate::i18n::Lang;
use crate::i18n::domain as names;
use crate::i18n::form::FormMsg;
use crate::store::StoreError;

// The fields, in form order.
const KIND: usize = 0;
const RECEIVED: usize = 1;
const CHANNEL: usize = 2;
const REQUESTER: usize = 3;
const RELATION: usize = 4;
const CONTACT: usize = 5;
const REPLY: usize = 6;
const ADDRESS: usize = 7;
const CHILD: usize = 8;
const BIRTH: usize = 9;
const NOTES: usize = 10;
/// After the notes, so the fields before keep their places.
const SALUTATION: usize = 11;
const SURNAME: usize = 12;

impl App {
    /// What an action does in a form (a new verzoek or datalek).
    pub(super) fn update_form(&mut self, action: Action) {
        let lang = self.lang;
        match action {
            Action::Quit if self.form_is_dirty() => self.set_confirm(Some(Confirm::DiscardAndQuit)),
            Action::Quit => self.quit = true,
            Action::Back => self.cancel_request(),
            Action::NextField => self.with_form(Form::next),
            Action::PrevField => self.with_form(Form::prev),
            Action::FieldInput(key) => self.with_form(|f| {
                if !f.input(key) {
                    f.say_too_long(lang);
                }
            }),
            Action::Save if self.screen() == Screen::NewBreach => self.save_breach(),
            Action::Save => self.save_request(),
            _ => {}
        }
    }

    /// What an action does to the question about throwing a form away.
    pub(super) fn update_confirm(&mut self, action: Action) {
        match action {
            Action::Yes => self.answer_yes(),
            Action::No => self.set_confirm(None),
            _ => {}
        }
    }

    /// Whether a form is open with something typed in it.
    pub(super) fn form_is_dirty(&self) -> bool {
        self.request_form().is_some_and(Form::is_dirty)
    }

    /// Applies `f` to the open form.
    pub(super) fn with_form(&mut self, f: impl FnOnce(&mut Form)) {
        if let Some(form) = self.form_mut() {
            f(form);
        }
    }

    /// Opens an empty form: kind Inzage, received today, channel e-mail, a parent with gezag, the
    /// answer the way the request came (a postal address only when that is post).
    /// A register that cannot be written says so instead.
    pub(super) fn open_request_form(&mut self) {
        if let Err(e) = self.store.writable() {
            let text = FormMsg::NotWritable.fill(self.lang, &[("why", &e.message(self.lang))]);
            self.say(text, true);
            return;
        }
        let lang = self.lang;
        let today = amsterdam_date(self.now);
        let label = |m: FormMsg| m.text(lang);
        let kinds = CaseKind::VERZOEKEN
            .iter()
            .map(|k| names::kind(*k, lang).to_string())
            .collect();
        let channels = Channel::ALL
            .iter()
            .map(|c| names::channel(*c, lang).to_string())
            .collect();
        let relations = Relation::ALL
            .iter()
            .map(|r| names::relation(*r, lang).to_string())
            .collect();
        // "The way the request came" first, then the methods (AVG 12(3) last sentence, 15(3)).
        let replies = std::iter::once(label(FormMsg::ReplyAsChannel).to_string())
            .chain(
                ReplyMethod::ALL
                    .iter()
                    .map(|m| names::reply_method(*m, lang).to_string()),
            )
            .collect();
        let fields = vec![
            Field::choice(label(FormMsg::LabelKind), kinds, 0),
            Field::date(label(FormMsg::LabelReceived), Some(today)).required(),
            Field::choice(label(FormMsg::LabelChannel), channels, 0),
            Field::text(label(FormMsg::LabelRequester)).required(),
            Field::choice(label(FormMsg::LabelRelation), relations, 0),
            Field::text(label(FormMsg::LabelContact)),
            Field::choice(label(FormMsg::LabelReply), replies, 0),
            Field::multi(label(FormMsg::LabelAddress)),
            Field::text(label(FormMsg::LabelChild)).required(),
            Field::date(label(FormMsg::LabelBirth), None).required(),
            Field::multi(label(FormMsg::LabelNotes)),
            Field::choice(
                label(FormMsg::LabelSalutation),
                [
                    FormMsg::SalutationNeutral,
                    FormMsg::SalutationMevrouw,
                    FormMsg::SalutationHeer,
                ]
                .iter()
                .map(|m| label(*m).to_string())
                .collect(),
                0,
            ),
            Field::text(label(FormMsg::LabelSurname)),
        ];
        self.screens
            .push(View::NewRequest(Box::new(Form::new(fields)), None));
    }

    /// Esc in the form: asks first when something was typed, else closes it.
    pub(super) fn cancel_request(&mut self) {
        if self.form_is_dirty() {
            self.set_confirm(Some(Confirm::DiscardForm));
        } else {
            self.close_request_form();
        }
    }

    fn close_request_form(&mut self) {
        if matches!(self.screen(), Screen::NewRequest | Screen::NewBreach) {
            self.screens.pop();
        }
    }

    /// Yes to the open question.
    pub(super) fn answer_yes(&mut self) {
        let question = self.confirm();
        self.set_confirm(None);
        match question {
            Some(Confirm::DiscardForm) => self.close_request_form(),
            Some(Confirm::DiscardAndQuit) => {
                self.close_request_form();
                self.quit = true;
            }
            Some(Confirm::Correction { .. }) => self.confirm_correction(),
            None => {}
        }
    }

    /// `<C-s>`: reads the fields, saves the verzoek as one change, and opens its detail; a
    /// refusal leaves the form filled and says why at the field or on the status line.
    pub(super) fn save_request(&mut self) {
        let lang = self.lang;
        let Some(form) = self.form_mut() else {
            return;
        };
        form.clear_errors();
        let kind = CaseKind::VERZOEKEN
            .get(form.choice(KIND))
            .copied()
            .unwrap_or(CaseKind::Inzage);
        let received = form.date(RECEIVED, lang).flatten();
        let channel = Channel::ALL
            .get(form.choice(CHANNEL))
            .copied()
            .unwrap_or(Channel::Email);
        let requester = form.required_text(REQUESTER, lang);
        let relation = Relation::ALL
            .get(form.choice(RELATION))
            .copied()
            .unwrap_or(Relation::OuderMetGezag);
        let contact = form.text(CONTACT);
        let (reply, address) = reply_and_address(form, channel, lang);
        let child = form.required_text(CHILD, lang);
        let birth = form.date(BIRTH, lang).flatten();
        let notes = form.text(NOTES);
        let salutation = salutation(form, lang);
        let (Some(received), Some(requester), Some(child), Some(birth)) =
            (received, requester, child, birth)
        else {
            self.refused_at_fields();
            return;
        };
        if form.has_errors() {
            self.refused_at_fields();
            return;
        }
        let event = Event::Registered {
            case: CaseId::provisional(kind),
            request: RequestFacts {
                kind,
                received,
                channel,
                requester: Requester {
                    name: requester,
                    relation,
                    contact,
                    address,
                    salutation,
                },
                child: Child {
                    name: child,
                    birth_date: birth,
                },
                notes,
                regime: self.config.organisatie.dossierregime,
                reply: Some(reply),
            },
        };
        self.save_new_case(event, App::refused);
    }

    /// Saves a new case's one change and opens its detail. A domain refusal goes to `refused`,
    /// which puts it at the field it is about; any other failure is said on the status line.
    pub(super) fn save_new_case(&mut self, event: Event, refused: fn(&mut App, &Refusal)) {
        let lang = self.lang;
        match self.commit(vec![event], &[]) {
            Ok(saved) => {
                // The journal holds the change: it is saved, whatever the working store did.
                let warning = saved.warning.map(|e| e.message(lang));
                if let Some(&id) = saved.assigned.first() {
                    self.registered(id, warning);
                }
            }
            Err(StoreError::Refused(r)) => refused(self, &r),
            Err(e) => {
                let text = FormMsg::NotSavedWhy.fill(lang, &[("why", &e.message(lang))]);
                self.say(text, true);
            }
        }
    }

    /// Puts a domain refusal at the field it is about, or on the status line.
    fn refused(&mut self, r: &Refusal) {
        let lang = self.lang;
        let today = amsterdam_date(self.now).format("%Y-%m-%d").to_string();
        let at = match r {
            Refusal::Required(CaseField::Requester) => {
                Some((REQUESTER, FormMsg::Required.text(lang).into()))
            }
            Refusal::Required(CaseField::Child) => {
                Some((CHILD, FormMsg::Required.text(lang).into()))
            }
            Refusal::Required(CaseField::Address) => {
                Some((ADDRESS, FormMsg::AddressNeeded.text(lang).into()))
            }
            Refusal::InFuture(CaseField::Received) => {
                Some((RECEIVED, FormMsg::InFuture.fill(lang, &[("today", &today)])))
            }
            Refusal::InFuture(CaseField::BirthDate) => {
                Some((BIRTH, FormMsg::InFuture.fill(lang, &[("today", &today)])))
            }
            Refusal::TooEarly(CaseField::BirthDate) => {
                Some((BIRTH, FormMsg::BeforeYear1900.text(lang).into()))
            }
            Refusal::TooEarly(CaseField::Received) => {
                Some((RECEIVED, FormMsg::BeforeBirth.text(lang).into()))
            }
            _ => None,
        };
        self.refused_at(at, r);
    }

    /// A domain refusal at field `at` with its message, or, about no field, on the status line.
    pub(super) fn refused_at(&mut self, at: Option<(usize, String)>, r: &Refusal) {
        match at {
            Some((field, message)) => {
                self.with_form(|f| f.set_error(field, message));
                self.refused_at_fields();
            }
            None => {
                let why = names::refusal(r, self.lang);
                self.say(FormMsg::NotSavedWhy.fill(self.lang, &[("why", &why)]), true);
            }
        }
    }

    /// The status line after a refusal at the fields; the focus goes to the first of them.
    pub(super) fn refused_at_fields(&mut self) {
        self.with_form(|f| {
            if let Some(i) = f.first_error() {
                f.set_focus(i);
            }
        });
        self.say(FormMsg::NotSaved.text(self.lang).to_string(), true);
    }

    /// After a save: the form closes, the list knows the case (selected), its detail opens.
    pub(super) fn registered(&mut self, id: CaseId, warning: Option<String>) {
        self.close_request_form();
        if let Some(at) = self
            .list
            .visible
            .iter()
            .position(|&i| self.list.summaries[i].id == id)
        {
            self.select(at);
        }
        self.push_detail(id);
        match warning {
            Some(w) => self.say(w, true),
            None => {
                let text = FormMsg::Saved.fill(self.lang, &[("id", &id.to_string())]);
                self.say(text, false);
            }
        }
    }
}

/// The reply method (from the channel unless chosen) and the postal address, which is there
/// only when the answer goes by post (data minimisation): an error at the field otherwise.
fn reply_and_address(form: &mut Form, channel: Channel, lang: Lang) -> (ReplyMethod, String) {
    let reply = match form.choice(REPLY) {
        0 => ReplyMethod::for_channel(channel),
        n => ReplyMethod::ALL
            .get(n - 1)
            .copied()
            .unwrap_or(ReplyMethod::for_channel(channel)),
    };
    // The postal address only when the answer goes by post (data minimisation).
    let address = form.text(ADDRESS);
    match (reply == ReplyMethod::Post, address.is_empty()) {
        (true, true) => form.set_error(ADDRESS, FormMsg::AddressNeeded.text(lang).into()),
        (false, false) => form.set_error(ADDRESS, FormMsg::AddressNotNeeded.text(lang).into()),
        _ => {}
    }
    (reply, address)
}

/// A form of address only as recorded, with the surname as the requester writes it: a
/// surname without a form of address (or the reverse) is an error at the field.
fn salutation(form: &mut Form, lang: Lang) -> Option<Salutation> {
    let surname = form.text(SURNAME);
    match (form.choice(SALUTATION), surname.is_empty()) {
        (0, true) => None,
        (0, false) => {
            form.set_error(SURNAME, FormMsg::SurnameNotNeeded.text(lang).into());
            None
        }
        (_, true) => {
            form.set_error(SURNAME, FormMsg::SurnameNeeded.text(lang).into());
            None
        }
        (1, false) => Some(Salutation::Mevrouw(surname)),
        (_, false) => Some(Salutation::Heer(surname)),
    }
}
