//! The checklist's state lines: the authority assessment, waiting, extension, decision, reply,
//! destruction, the AVG 19 recipients, the ending, and what deciding or closing still needs,
//! each asked of the domain.

use crate::ui::theme::Theme;
use chrono::NaiveDate;
use ratatui::text::{Line, Span};

use crate::app::action::{Action, Task};
use crate::app::checklist::late_refusal;
use crate::app::{App, Mode};
use crate::domain::case::{Ending, RecipientOutcome};
use crate::domain::checklist::{may_close, may_decide};
use crate::domain::{Case, rights};
use crate::i18n::Lang;
use crate::i18n::domain as names;
use crate::i18n::workbench::WorkMsg;

/// The authority assessment, and the state of the case after the steps.
pub(super) fn state_lines(app: &App, theme: &Theme, case: &Case) -> Vec<Line<'static>> {
    let lang = app.lang();
    let today = app.today();
    // A key a line names, from the keymap (the checklist's).
    // The FG's keymap has no task keys: the line names who can do it instead.
    let key = |t: Task| {
        let hint = app.keymap().hint(Mode::Checklist, Action::Task(t));
        if hint.is_empty() {
            crate::i18n::postgres::PgMsg::ByHandler
                .text(lang)
                .to_string()
        } else {
            hint
        }
    };
    let mut out = vec![Line::default()];
    authority_lines(&mut out, case, theme, lang, today, &key);
    handling_lines(&mut out, case, theme, lang);
    decision_lines(&mut out, case, theme, lang, today);
    destruction_part_lines(&mut out, case, theme, lang);
    dispute_and_review_lines(&mut out, case, theme, lang, &key);
    restriction_lines(&mut out, case, theme, lang, &key);
    destroyed_lines(&mut out, case, theme, lang, &key);
    recipient_lines(&mut out, case, theme, lang, &key);
    ending_lines(&mut out, case, theme, lang, today, &key);
    out
}

/// The authority assessment, with the decision it points to while none is recorded.
fn authority_lines(
    out: &mut Vec<Line<'static>>,
    case: &Case,
    theme: &Theme,
    lang: Lang,
    today: NaiveDate,
    key: &dyn Fn(Task) -> String,
) {
    if let Some(a) = rights::authority(case, today) {
        let style = if a.allows_processing() {
            theme.text
        } else {
            theme.due_soon
        };
        out.push(Line::from(vec![
            Span::styled(
                WorkMsg::Authority.fill(
                    lang,
                    &[("outcome", crate::i18n::authority::outcome(a.outcome, lang))],
                ),
                style,
            ),
            Span::styled(
                format!(" — {}", crate::i18n::authority::assessment_reason(&a, lang)),
                theme.muted,
            ),
        ]));
        use crate::domain::authority::NextStep;
        let hint = match a.outcome.next_step() {
            NextStep::NietOntvankelijk => Some(WorkMsg::AuthorityToNietOntvankelijk),
            NextStep::Refuse => Some(WorkMsg::AuthorityToAfgewezen),
            _ => None,
        };
        if let (Some(h), None) = (hint, &case.decision) {
            out.push(Line::styled(
                h.fill(lang, &[("key", &key(Task::Decide))]),
                theme.due_soon,
            ));
        }
    }
}

/// Waiting for the requester and an extension: both move what the handler expects next.
fn handling_lines(out: &mut Vec<Line<'static>>, case: &Case, theme: &Theme, lang: Lang) {
    if let Some(w) = &case.waiting {
        out.push(Line::styled(
            WorkMsg::Waiting.fill(
                lang,
                &[("since", &w.since.to_string()), ("awaiting", &w.awaiting)],
            ),
            theme.waiting,
        ));
    }
    if let Some(x) = &case.extension {
        out.push(Line::styled(
            WorkMsg::Extension.fill(
                lang,
                &[
                    ("ground", names::extension_reason(x.reason, lang)),
                    ("date", &x.notice_sent.to_string()),
                    ("explanation", &x.explanation),
                ],
            ),
            theme.text,
        ));
    }
}

/// The decision with its reasons, an AVG 12(4) late refusal, and when the reply went out.
fn decision_lines(
    out: &mut Vec<Line<'static>>,
    case: &Case,
    theme: &Theme,
    lang: Lang,
    today: NaiveDate,
) {
    if let Some(d) = &case.decision {
        out.push(Line::styled(
            WorkMsg::Decision.fill(
                lang,
                &[
                    ("decision", names::decision(d.decision, lang)),
                    ("date", &d.on.to_string()),
                    ("by", &d.by),
                ],
            ),
            theme.header,
        ));
        if !d.reason.is_empty() {
            out.push(Line::styled(
                WorkMsg::DecisionReason.fill(lang, &[("reason", &d.reason)]),
                theme.text,
            ));
        }
        match &d.explanation {
            Some(e) if !e.is_empty() => out.push(Line::styled(
                WorkMsg::DecisionExplanation.fill(lang, &[("explanation", e)]),
                theme.text,
            )),
            None if d.decision.needs_reason() => out.push(Line::styled(
                WorkMsg::DecisionNoExplanation.text(lang).to_string(),
                theme.late,
            )),
            _ => {}
        }
        if !d.kept.is_empty() {
            out.push(Line::styled(
                WorkMsg::DecisionKept.fill(lang, &[("kept", &d.kept)]),
                theme.text,
            ));
        }
        // AVG 12(4): the warning stands while the refusal's month has passed unanswered, and
        // after a reply sent too late.
        let sent = case.reply_sent.unwrap_or(today);
        if let Some(last) = late_refusal(case, sent) {
            out.push(Line::styled(
                WorkMsg::LateRefusalStanding.fill(lang, &[("date", &last.to_string())]),
                theme.late,
            ));
        }
    }
    if let Some(on) = case.reply_sent {
        out.push(Line::styled(
            WorkMsg::ReplySentOn.fill(lang, &[("date", &on.to_string())]),
            theme.text,
        ));
    }
}

/// Issue 18: each part of a destruction is its own record, and late after the WGBO date.
fn destruction_part_lines(out: &mut Vec<Line<'static>>, case: &Case, theme: &Theme, lang: Lang) {
    for (on, msg) in [
        (case.destroyed_in_source, WorkMsg::DestroyedInSourceOn),
        (
            case.destroyed_at_processors,
            WorkMsg::DestroyedAtProcessorsOn,
        ),
        (
            case.destruction_confirmation_sent,
            WorkMsg::DestructionConfirmationSentOn,
        ),
    ] {
        if let Some(on) = on {
            out.push(Line::styled(
                msg.fill(lang, &[("date", &on.to_string())]),
                theme.text,
            ));
        }
    }
    if case.destruction_late()
        && let Some(due) = case
            .request
            .as_ref()
            .and_then(|r| crate::domain::deadline::destruction_deadline(case.kind, r.received).ok())
    {
        out.push(Line::styled(
            WorkMsg::DestroyedLate.fill(lang, &[("date", &due.to_string())]),
            theme.late,
        ));
    }
}

/// What holds a decision back: a dispute between parents, or a correction under review.
fn dispute_and_review_lines(
    out: &mut Vec<Line<'static>>,
    case: &Case,
    theme: &Theme,
    lang: Lang,
    key: &dyn Fn(Task) -> String,
) {
    if let Some(d) = &case.dispute {
        let line = match &d.resolved {
            None => Line::styled(
                WorkMsg::DisputeOpen.fill(
                    lang,
                    &[
                        ("to", &d.to),
                        ("date", &d.since.to_string()),
                        ("key", &key(Task::Dispute)),
                    ],
                ),
                theme.late,
            ),
            Some((on, how)) => Line::styled(
                WorkMsg::DisputeResolvedOn
                    .fill(lang, &[("how", how.as_str()), ("date", &on.to_string())]),
                theme.text,
            ),
        };
        out.push(line);
    }
    // A confirmed correction made the recorded decision or extension unlawful (issue 18).
    if let Some(r) = &case.review {
        let what: Vec<&str> = r
            .conflicts
            .iter()
            .map(|c| crate::i18n::domain::conflict(*c, lang))
            .collect();
        out.push(Line::styled(
            WorkMsg::UnderReview.fill(
                lang,
                &[
                    ("date", &r.since.to_string()),
                    ("what", &what.join("; ")),
                    ("key", &key(Task::Decide)),
                ],
            ),
            theme.late,
        ));
    }
}

/// A Beperking: whether the restriction is still in force, announced to end, or lifted.
fn restriction_lines(
    out: &mut Vec<Line<'static>>,
    case: &Case,
    theme: &Theme,
    lang: Lang,
    key: &dyn Fn(Task) -> String,
) {
    if case.kind == crate::domain::CaseKind::Beperking {
        if case.restriction_in_force() {
            out.push(Line::styled(
                WorkMsg::RestrictionInForce.fill(lang, &[("key", &key(Task::Lift))]),
                theme.due_soon,
            ));
            if let Some(on) = case.lift_announced {
                out.push(Line::styled(
                    WorkMsg::LiftAnnouncedOn.fill(lang, &[("date", &on.to_string())]),
                    theme.text,
                ));
            }
        } else if let Some(on) = case.restriction_lifted {
            out.push(Line::styled(
                WorkMsg::RestrictionLiftedOn.fill(lang, &[("date", &on.to_string())]),
                theme.text,
            ));
        }
    }
}

/// A Vernietiging granted: destroyed on a date, or still to do.
fn destroyed_lines(
    out: &mut Vec<Line<'static>>,
    case: &Case,
    theme: &Theme,
    lang: Lang,
    key: &dyn Fn(Task) -> String,
) {
    if let Some(on) = case.destroyed_on() {
        out.push(Line::styled(
            WorkMsg::DestroyedOn.fill(lang, &[("date", &on.to_string())]),
            theme.text,
        ));
    } else if case.destroyed_on().is_none()
        && case.kind == crate::domain::CaseKind::Vernietiging
        && case.decision.as_ref().is_some_and(|d| {
            matches!(
                d.decision,
                crate::domain::case::Decision::Toegewezen
                    | crate::domain::case::Decision::DeelsToegewezen
            )
        })
    {
        out.push(Line::styled(
            WorkMsg::DestroyPending.fill(lang, &[("key", &key(Task::Destroyed))]),
            theme.due_soon,
        ));
    }
}

/// AVG 19: who the data went to and whether each was told.
fn recipient_lines(
    out: &mut Vec<Line<'static>>,
    case: &Case,
    theme: &Theme,
    lang: Lang,
    key: &dyn Fn(Task) -> String,
) {
    let finished = case.closed.is_some() || case.ending.is_some();
    if crate::domain::checklist::has_recipients(case.kind) {
        if case.recipients.is_empty() && !finished {
            out.push(Line::styled(
                WorkMsg::NoRecipientsYet.fill(lang, &[("key", &key(Task::AddRecipient))]),
                theme.muted,
            ));
        } else if !case.recipients.is_empty() {
            let list: Vec<String> = case
                .recipients
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let state = match &r.outcome {
                        None => WorkMsg::RecipientOpen.text(lang).to_string(),
                        Some(RecipientOutcome::Told(d)) => {
                            WorkMsg::RecipientTold.fill(lang, &[("date", &d.to_string())])
                        }
                        Some(RecipientOutcome::Impossible(why)) => {
                            WorkMsg::RecipientImpossible.fill(lang, &[("reason", why)])
                        }
                    };
                    format!("{}. {} ({state})", i + 1, r.name)
                })
                .collect();
            let mut line = format!("{} {}", WorkMsg::Recipients.text(lang), list.join("; "));
            if case.recipients.iter().any(|r| r.outcome.is_none()) {
                let keys = WorkMsg::RecipientKeys.fill(
                    lang,
                    &[
                        ("told", &key(Task::RecipientTold)),
                        ("impossible", &key(Task::RecipientImpossible)),
                    ],
                );
                line.push_str(&format!(" — {keys}"));
            }
            out.push(Line::styled(line, theme.text));
        }
    }
}

/// How the case ended, or (while open) what the next step needs.
fn ending_lines(
    out: &mut Vec<Line<'static>>,
    case: &Case,
    theme: &Theme,
    lang: Lang,
    today: NaiveDate,
    key: &dyn Fn(Task) -> String,
) {
    match (&case.ending, case.closed) {
        (Some(Ending::Ingetrokken { on, how }), _) => out.push(Line::styled(
            WorkMsg::WithdrawnOn.fill(lang, &[("date", &on.to_string()), ("how", how)]),
            theme.closed,
        )),
        (Some(Ending::Vervallen { reason }), _) => out.push(Line::styled(
            WorkMsg::VoidBecause.fill(lang, &[("reason", reason)]),
            theme.closed,
        )),
        (None, Some(on)) => out.push(Line::styled(
            format!(
                "{} — {}",
                WorkMsg::ClosedOn.fill(lang, &[("date", &on.to_string())]),
                WorkMsg::ReopenKey.fill(lang, &[("key", &key(Task::Reopen))])
            ),
            theme.closed,
        )),
        (None, None) => {
            if let Some((n, why)) = &case.reopened {
                out.push(Line::styled(
                    WorkMsg::ReopenedBecause.fill(lang, &[("n", &n.to_string()), ("reason", why)]),
                    theme.text,
                ));
            }
            // What the next step needs, in the domain's words.
            if case.decision.is_some() || case.kind.is_datalek() {
                match may_close(case, today) {
                    Ok(()) => out.push(Line::styled(
                        WorkMsg::MayClose.fill(lang, &[("key", &key(Task::Close))]),
                        theme.status_ok,
                    )),
                    Err(r) => out.push(Line::styled(
                        WorkMsg::MayNotClose.fill(lang, &[("why", &names::refusal(&r, lang))]),
                        theme.muted,
                    )),
                }
            } else {
                // Which decisions the domain would take now.
                let open: Vec<&str> = crate::domain::case::Decision::ALL
                    .iter()
                    .filter(|d| may_decide(case, **d, today).is_ok())
                    .map(|d| names::decision(*d, lang))
                    .collect();
                if !open.is_empty() {
                    out.push(Line::styled(
                        WorkMsg::MayDecide.fill(
                            lang,
                            &[("decisions", &open.join(", ")), ("key", &key(Task::Decide))],
                        ),
                        theme.status_ok,
                    ));
                }
            }
        }
    }
}
