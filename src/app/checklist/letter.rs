//! Making a letter from the case (ontvangstbevestiging, verlenging, besluit): the letters
//! library renders it and refuses what the law would find wanting; the letter is written and
//! recorded in the journal, or not kept at all.

use crate::app::App;
use crate::i18n::workbench::WorkMsg;
use crate::letters::{self, LetterKind};

impl App {
    /// Makes a letter from the case: renders it (the letters library refuses what the law would
    /// find wanting), writes it to the configured folder or the register's letters folder
    /// (`letters::letters_dir`), and records it; the status line shows the path.
    pub(super) fn make_letter(&mut self, kind: LetterKind) {
        let lang = self.lang;
        let Some(case) = self.work_case() else {
            return;
        };
        // The one rule of `privdesk letter` (without its --out): `brieven.map`, else the
        // register's private letters folder; the same function makes it, in the default
        // format (Word).
        let brieven = &self.config.brieven;
        let signatory = brieven.signatory(self.store.user());
        let templates = letters::override_dir();
        let made = letters::letters_dir(None, brieven.map.as_deref(), &self.store.name()).and_then(
            |dir| {
                let request = letters::LetterRequest {
                    kind,
                    case: &case,
                    org: &self.config.organisatie,
                    lang,
                    today: self.today(),
                    format: letters::Format::default(),
                    dir: &dir,
                    briefpapier: brieven.briefpapier.as_deref(),
                    signatory: &signatory,
                    templates: templates.as_deref(),
                };
                letters::make_letter(&request).map(|m| (m.event(&request), m))
            },
        );
        match made {
            Err(e) => {
                let text = WorkMsg::LetterRefused.fill(lang, &[("why", &e.message(lang))]);
                self.say(text, true);
            }
            Ok((event, made)) => {
                match self.commit(vec![event], &[]) {
                    Ok(_) => {
                        self.prompt_cancel();
                        if self.screen() == crate::app::Screen::Detail(case.id) {
                            // The detail's history shows the letter.
                            self.load_case_view(case.id);
                        }
                        let path = made.path.display().to_string();
                        let mut text = WorkMsg::LetterMade.fill(lang, &[("path", &path)]);
                        // A date the letter states that the desk must know about.
                        let warned = letters::warnings(kind, &case, self.today());
                        for w in &warned {
                            text.push_str(" — ");
                            text.push_str(&w.message(lang));
                        }
                        self.say(text, !warned.is_empty());
                    }
                    Err(e) => {
                        // Not in the audit trail: the letter must not exist either (as
                        // `privdesk letter` does).
                        made.discard();
                        let text =
                            WorkMsg::LetterNotRecorded.fill(lang, &[("why", &e.message(lang))]);
                        self.say(text, true);
                    }
                }
            }
        }
    }
}

/// The name of a letter.
pub fn letter_name(kind: LetterKind) -> WorkMsg {
    match kind {
        LetterKind::Ontvangstbevestiging => WorkMsg::LetterOntvangst,
        LetterKind::Verlenging => WorkMsg::LetterVerlenging,
        LetterKind::Besluit => WorkMsg::LetterBesluit,
        LetterKind::AankondigingOpheffing => WorkMsg::LetterAankondigingOpheffing,
    }
}
