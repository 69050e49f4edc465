//! Answering the step under the cursor: `y`/`n` for a yes/no step (or a choice of ja and nee),
//! otherwise its prompt, filled with the answer recorded before. After an answer the cursor
//! moves on, and the next open step that y/n cannot answer opens its prompt, so typed text
//! never lands on the checklist's commands.

use super::Records;
use crate::app::form::{Field, Form};
use crate::app::{Action, App, Mode};
use crate::domain::checklist::{self, Answer, AnswerType, Need, Step, StepId, YesNo};
use crate::domain::deadline::amsterdam_date;
use crate::i18n::Lang;
use crate::i18n::checklist::{option, question};
use crate::i18n::workbench::WorkMsg;

impl App {
    /// Answers the yes/no step under the cursor.
    pub(in crate::app) fn answer_yes_no(&mut self, yes: bool) {
        let Some(step) = self.current_step() else {
            return;
        };
        match step.ty {
            AnswerType::YesNo => {
                self.record_answer(step.id, Answer::YesNo(yes), false);
            }
            // A ja/nee choice (wilsbekwaam) takes the same keys.
            ty @ AnswerType::Choice(_) if takes_yes_no(ty) => {
                let slug = YesNo::from_bool(yes).slug();
                self.record_answer(step.id, Answer::Choice(slug.to_string()), false);
            }
            _ => {
                let key = self.keymap().hint(Mode::Checklist, Action::Answer);
                self.say(WorkMsg::NotYesNo.fill(self.lang, &[("key", &key)]), true);
            }
        }
    }

    /// Opens the prompt that answers the step under the cursor.
    pub(in crate::app) fn answer_prompt(&mut self) {
        let Some(step) = self.current_step() else {
            return;
        };
        let lang = self.lang;
        let label = question(step.id, lang);
        let current = self
            .checklist()
            .and_then(|c| c.case.answers.get(&step.id))
            .map(|r| r.answer.clone());
        let field = match step.ty {
            AnswerType::YesNo => Field::yes_no(
                label,
                option(YesNo::Ja.slug(), lang).into(),
                option(YesNo::Nee.slug(), lang).into(),
                !matches!(current, Some(Answer::YesNo(false))),
            ),
            AnswerType::Choice(opts) => choice_field(step, opts, label, current.as_ref(), lang),
            AnswerType::Choices(opts) => several_field(opts, label, current.as_ref(), lang),
            AnswerType::Date => self.date_answer_field(step, label, current.as_ref()),
            AnswerType::Instant => self.instant_answer_field(label, current.as_ref()),
            AnswerType::Text => self.text_answer_field(step, label, current.as_ref()),
            AnswerType::Number => self.number_answer_field(step, label, current.as_ref()),
        };
        self.open_prompt(Records::Answer(step.id), WorkMsg::PromptAnswer, vec![field]);
    }

    /// A date step starts at the likeliest date: the one recorded, else the day of awareness
    /// of a breach's incident or the receipt of a withdrawal, else today.
    fn date_answer_field(&self, step: &Step, label: &str, current: Option<&Answer>) -> Field {
        // A breach's incident began by the moment the organisation became aware of it:
        // that day is the likely answer, never a day after it (today may be days later).
        let aware = self
            .checklist()
            .and_then(|c| c.case.breach.as_ref())
            .filter(|_| step.id == StepId::IncidentBegin)
            .map(|b| amsterdam_date(b.aware_at));
        // A withdrawal of consent takes effect on receipt (AVG 7(3)).
        let received = self
            .checklist()
            .filter(|_| step.id == StepId::IngangsdatumIntrekking)
            .and_then(|c| c.case.received());
        let d = match current {
            Some(Answer::Date(d)) => *d,
            _ => aware.or(received).unwrap_or_else(|| self.today()),
        };
        Field::date(label, Some(d)).required()
    }

    /// A new answer starts at now (the AP notification is usually recorded as it is made).
    fn instant_answer_field(&self, label: &str, current: Option<&Answer>) -> Field {
        let t = match current {
            Some(Answer::Instant(t)) => *t,
            _ => self.now,
        };
        Field::instant(label, Some(t)).required()
    }

    /// The AP contact comes from the settings, not retyped per breach.
    fn text_answer_field(&self, step: &Step, label: &str, current: Option<&Answer>) -> Field {
        match current {
            Some(Answer::Text(t)) => Field::text(label).filled(t),
            _ => {
                let c = &self.config.ap_contact;
                let default = match step.id {
                    StepId::ContactNaam => c.naam.as_deref(),
                    StepId::ContactFunctie => c.functie.as_deref(),
                    StepId::ContactTelefoon => c.telefoon.as_deref(),
                    _ => None,
                };
                Field::text(label).filled(default.unwrap_or(""))
            }
        }
    }

    /// An optional count ("aantal betrokkenen hoogstens") may be left empty, as its label
    /// says (issue 18); a required one must be filled.
    fn number_answer_field(&self, step: &Step, label: &str, current: Option<&Answer>) -> Field {
        let field = match current {
            Some(Answer::Number(n)) => Field::number(label).filled(&n.to_string()),
            _ => Field::number(label),
        };
        let optional = self
            .checklist()
            .is_some_and(|c| c.case.need(step, self.now) == Need::Optional);
        if optional { field } else { field.required() }
    }

    /// The answer of a step's prompt, read as the step's type (the prompt checked its form).
    pub(super) fn answer_of(&mut self, step: StepId, form: &mut Form) -> Option<Answer> {
        let ty = checklist::find(self.checklist()?.case.kind, step)?.ty;
        let lang = self.lang;
        let answer = match ty {
            AnswerType::YesNo => Answer::YesNo(form.choice(0) == 0),
            AnswerType::Choice(opts) => Answer::Choice(opts.get(form.choice(0))?.to_string()),
            AnswerType::Choices(opts) => Answer::Choices(
                form.chosen(0)
                    .iter()
                    .filter_map(|i| opts.get(*i))
                    .map(|o| o.to_string())
                    .collect(),
            ),
            AnswerType::Date => Answer::Date(form.date(0, lang)??),
            AnswerType::Instant => Answer::Instant(form.instant(0, lang)??),
            AnswerType::Number => Answer::Number(form.number(0, lang)??),
            AnswerType::Text => Answer::Text(form.text(0)),
        };
        Some(answer)
    }

    /// Records the answer of a step; on success moves on (see the module documentation).
    ///
    /// The same answer again writes no journal line (issue 18): it is said, and the cursor
    /// moves on. A follow-up prompt opens only after an answer given in a prompt (Enter): after
    /// `y` or `n` the next step is shown under the cursor, so the next key typed is never
    /// swallowed by a prompt the handler did not see open.
    pub(super) fn record_answer(
        &mut self,
        step: StepId,
        answer: Answer,
        from_prompt: bool,
    ) -> bool {
        let Some(case) = self.case_id() else {
            return false;
        };
        let unchanged = self
            .checklist()
            .and_then(|c| c.case.answers.get(&step))
            .is_some_and(|r| r.answer == answer);
        let saved = if unchanged {
            self.say(WorkMsg::AnswerUnchanged.text(self.lang).to_string(), false);
            true
        } else {
            let event = crate::domain::Event::Answered { case, step, answer };
            self.save_change(event, WorkMsg::DoneAnswer)
        };
        if saved {
            self.prompt_cancel();
            // On to the step after the one answered (the list may have changed around it).
            let today = self.today();
            if let Some(c) = self.checklist_mut() {
                let steps = c.case.visible_steps(today);
                if let Some(at) = steps.iter().position(|s| s.id == step)
                    && let Some(next) = steps.get((at + 1).min(steps.len().saturating_sub(1)))
                {
                    c.cursor = next.id;
                }
            }
            // The next step, if it is still open and no y/n answers it, opens its prompt.
            let next = self.current_step().filter(|s| {
                s.id != step
                    && self
                        .checklist()
                        .is_some_and(|c| !c.case.answers.contains_key(&s.id))
            });
            if let Some(next) = next
                && !takes_yes_no(next.ty)
                && from_prompt
                && !unchanged
            {
                self.answer_prompt();
            }
        }
        saved
    }
}

/// Whether y/n answer a step: a yes/no question, or a choice of exactly ja and nee.
fn takes_yes_no(ty: AnswerType) -> bool {
    match ty {
        AnswerType::YesNo => true,
        AnswerType::Choice(opts) => opts == checklist::JA_NEE,
        _ => false,
    }
}

/// A choice starts at the option recorded. The risk of a breach and a child's consent have
/// no default: an accidental Enter must not record "geen" (issue 18). A choice of ja and nee
/// takes y and n.
fn choice_field(
    step: &Step,
    opts: &[&str],
    label: &str,
    current: Option<&Answer>,
    lang: Lang,
) -> Field {
    let names: Vec<String> = opts.iter().map(|o| option(o, lang).to_string()).collect();
    if current.is_none() && matches!(step.id, StepId::Risico | StepId::ToestemmingKind) {
        return Field::choice_unset(label, names);
    }
    let at = match current {
        Some(Answer::Choice(c)) => opts.iter().position(|o| o == c).unwrap_or(0),
        _ => 0,
    };
    match names.as_slice() {
        [yes, no] if takes_yes_no(step.ty) => {
            Field::yes_no(label, yes.clone(), no.clone(), at == 0)
        }
        _ => Field::choice(label, names, at),
    }
}

/// Several natures (issue 18): the ones recorded are on, also a single one recorded before.
fn several_field(opts: &[&str], label: &str, current: Option<&Answer>, lang: Lang) -> Field {
    let on: Vec<usize> = current
        .map(|a| {
            a.slugs()
                .iter()
                .filter_map(|s| opts.iter().position(|o| o == s))
                .collect()
        })
        .unwrap_or_default();
    let names = opts.iter().map(|o| option(o, lang).to_string()).collect();
    Field::several(label, names, &on).required()
}
