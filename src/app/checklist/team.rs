//! A team's way of working on a case (issue 22), from the detail or the checklist: give the
//! case to another behandelaar (`O`), approve a proposal or send it back (`K`), the FG's advice
//! (`A`) and whether it was followed (`P`). Each is one journal line; the rules are the
//! domain's (`case::vier_ogen`, `workflow`), enforced by the register's save.

use super::Records;
use crate::app::form::Field;
use crate::app::form::read_date;
use crate::app::{App, Task};
use crate::domain::Event;
use crate::domain::case::Subject;
use crate::i18n::team::{self, TeamMsg};

/// What a second handler can judge, in the order the prompt offers them.
const SUBJECTS: [Subject; 3] = [Subject::Besluit, Subject::Verlenging, Subject::NietMelden];

impl App {
    /// The prompt of a team task; one that has nothing to act on says so at once.
    pub(in crate::app) fn start_team(&mut self, task: Task) {
        let Some(case) = self.work_case() else {
            return;
        };
        let lang = self.lang;
        let t = |m: TeamMsg| m.text(lang).to_string();
        let (title, fields) = match task {
            Task::Reassign => (
                TeamMsg::PromptReassign,
                vec![Field::text(&t(TeamMsg::FieldHandler)).required()],
            ),
            Task::Approve => {
                let awaiting: Vec<String> = self
                    .awaiting_subjects()
                    .into_iter()
                    .map(|s| team::subject(s, lang).to_string())
                    .collect();
                if awaiting.is_empty() {
                    self.say(t(TeamMsg::NothingAwaits), true);
                    return;
                }
                let verdicts = vec![t(TeamMsg::VerdictApprove), t(TeamMsg::VerdictSendBack)];
                (
                    TeamMsg::PromptApprove,
                    vec![
                        Field::choice(&t(TeamMsg::FieldWhat), awaiting, 0),
                        Field::choice(&t(TeamMsg::FieldVerdict), verdicts, 0),
                        Field::text(&t(TeamMsg::FieldWhy)),
                    ],
                )
            }
            Task::Advise => (
                TeamMsg::PromptAdvice,
                vec![
                    Field::multi(&t(TeamMsg::FieldAdvice)).required(),
                    Field::date(&t(TeamMsg::FieldAdviceDate), Some(self.today())).required(),
                ],
            ),
            Task::AnswerAdvice => {
                if !case.advice.values().any(|a| a.response.is_none()) {
                    self.say(t(TeamMsg::NoOpenAdvice), true);
                    return;
                }
                (
                    TeamMsg::PromptAdviceAnswer,
                    vec![
                        Field::choice(
                            &t(TeamMsg::FieldFollowed),
                            vec![t(TeamMsg::Yes), t(TeamMsg::No)],
                            0,
                        ),
                        Field::text(&t(TeamMsg::FieldWhyNot)),
                    ],
                )
            }
            _ => return,
        };
        self.open_prompt_titled(Records::Task(task), t(title), fields);
    }

    /// The proposals of the case in view that wait for a second handler.
    fn awaiting_subjects(&self) -> Vec<Subject> {
        let Some(case) = self.work_case() else {
            return Vec::new();
        };
        SUBJECTS
            .into_iter()
            .filter(|s| case.proposal(*s).is_some_and(|p| p.awaiting()))
            .collect()
    }

    /// Records the open team prompt; a refusal keeps it open and says why.
    pub(super) fn submit_team(&mut self, task: Task) {
        let (Some(id), Some(p), Some(case)) = (self.case_id(), self.prompt(), self.work_case())
        else {
            return;
        };
        let form = p.form.clone();
        let team_register = self.store.role().is_some();
        let (event, done) = match task {
            Task::Reassign => (
                Event::HandlerAssigned {
                    case: id,
                    handler: form.text(0).trim().to_string(),
                },
                TeamMsg::DoneReassign,
            ),
            Task::Approve => {
                let Some(subject) = self.awaiting_subjects().get(form.choice(0)).copied() else {
                    return;
                };
                if form.choice(1) == 0 {
                    (
                        Event::Approved {
                            case: id,
                            subject,
                            version: case.last_seq,
                            niet_geverifieerd: !team_register,
                        },
                        TeamMsg::DoneApproved,
                    )
                } else {
                    (
                        Event::SentBack {
                            case: id,
                            subject,
                            reason: form.text(2),
                        },
                        TeamMsg::DoneSentBack,
                    )
                }
            }
            Task::Advise => (
                Event::AdviceGiven {
                    case: id,
                    text: form.text(0),
                    on: read_date(&form.text(1)).unwrap_or_else(|_| self.today()),
                },
                TeamMsg::DoneAdvice,
            ),
            Task::AnswerAdvice => {
                // The oldest advice still unanswered.
                let Some(advice) = case
                    .advice
                    .iter()
                    .find(|(_, a)| a.response.is_none())
                    .map(|(seq, _)| *seq)
                else {
                    return;
                };
                (
                    Event::AdviceAnswered {
                        case: id,
                        advice,
                        followed: form.choice(0) == 0,
                        why: form.text(1),
                    },
                    TeamMsg::DoneAdviceAnswer,
                )
            }
            _ => return,
        };
        if self.save_team_change(event, done) {
            self.close_prompt();
        }
    }
}
