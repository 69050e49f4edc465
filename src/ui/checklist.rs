//! A case's checklist: who asks for whom and the legal dates; the progress; the visible steps
//! in order with each answer and who gave it when; the authority assessment; the state of the
//! case (waiting, extension, decision, reply, destruction, AVG 19 recipients, ending) and what
//! closing still needs; an open prompt at the bottom. Everything is read from the app's copy of
//! the case and asked of the domain each frame; nothing here decides.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::form::{draw_prompt, prompt_height};
use super::text::{self, clip};
use super::{footer, status_line, titled};
use crate::app::checklist::{Checklist, late_refusal};
use crate::app::{App, Mode};
use crate::domain::case::{Ending, RecipientOutcome};
use crate::domain::checklist::{Answer, Need, Phase, Step, age_on, may_close, may_decide};
use crate::domain::{Case, rights};
use crate::i18n::Lang;
use crate::i18n::checklist::{option, question};
use crate::i18n::domain as names;
use crate::i18n::workbench::WorkMsg;

/// Draws the checklist of the open case into `area`.
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let Some(c) = app.checklist() else {
        return;
    };
    let theme = app.theme();
    let lang = app.lang();
    let prompt_rows = app.prompt().map_or(0, |p| prompt_height(&p.form));
    // A refusal can name several steps: the status line takes up to three rows.
    let status_text = status_line(app);
    let status_rows = status_text
        .width()
        .div_ceil(usize::from(area.width.max(1)))
        .clamp(1, 3);
    let [head, body, prompt, status, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(prompt_rows),
        Constraint::Length(u16::try_from(status_rows).unwrap_or(1)),
        Constraint::Length(2),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(super::head(app)), head);

    let case = &c.case;
    let title = format!(
        "{} · {} · {}",
        WorkMsg::Title.fill(lang, &[("id", &case.id.to_string())]),
        names::kind(case.kind, lang),
        names::status(case.status(), lang)
    );
    let block = titled(theme, title);
    let inner = block.inner(body);
    frame.render_widget(block, body);

    let top = facts(app, case);
    let state = state_lines(app, case);
    // The state wraps: count the rows each line takes at this width.
    let w = usize::from(inner.width.max(1));
    let state_rows: usize = state.iter().map(|l| l.width().div_ceil(w).max(1)).sum();
    let state_rows = u16::try_from(state_rows).unwrap_or(u16::MAX);
    let [top_area, steps_area, state_area] = Layout::vertical([
        Constraint::Length(u16::try_from(top.len()).unwrap_or(0)),
        Constraint::Fill(1),
        Constraint::Length(state_rows.min(inner.height / 2)),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(top), top_area);
    frame.render_widget(
        Paragraph::new(step_lines(app, c, steps_area.height, steps_area.width)),
        steps_area,
    );
    frame.render_widget(Paragraph::new(state).wrap(Wrap { trim: false }), state_area);

    if let Some(p) = app.prompt() {
        draw_prompt(&p.title, &p.form, theme, lang, frame, prompt);
    }
    frame.render_widget(
        Paragraph::new(status_text).wrap(Wrap { trim: false }),
        status,
    );
    let mode = if app.prompt().is_some() {
        Mode::Prompt
    } else {
        Mode::Checklist
    };
    frame.render_widget(
        Paragraph::new(footer(app, mode)).wrap(Wrap { trim: false }),
        foot,
    );
}

/// Who asks for whom, the legal dates with their warning, and the progress.
fn facts(app: &App, case: &Case) -> Vec<Line<'static>> {
    let theme = app.theme();
    let lang = app.lang();
    let now = app.now();
    let today = app.today();
    let mut out = Vec::new();
    if let Some(r) = &case.request {
        out.push(Line::from(vec![
            Span::styled(
                WorkMsg::Party.fill(
                    lang,
                    &[
                        ("requester", &r.requester.name),
                        ("relation", names::relation(r.requester.relation, lang)),
                        ("child", &r.child.name),
                        ("age", &age_on(r.child.birth_date, today).to_string()),
                    ],
                ),
                theme.text,
            ),
            Span::styled(
                format!(
                    " · {} · {}",
                    WorkMsg::Received.fill(lang, &[("date", &r.received.to_string())]),
                    WorkMsg::Regime.fill(lang, &[("regime", r.regime.slug())])
                ),
                theme.muted,
            ),
        ]));
    }
    if let Some(s) = app.summary(case.id) {
        let mut spans = Vec::new();
        for (label, value, due, done) in text::dues(s, lang) {
            let level = due.level(now, done);
            if !spans.is_empty() {
                spans.push(Span::raw(" · "));
            }
            let value = format!("{} {value}", label.text(lang));
            spans.push(Span::styled(value, theme.text));
            let mut warn = format!(
                " {} {}",
                text::marker(level, lang),
                text::level(level, lang)
            );
            if !done {
                warn.push_str(&format!(" ({})", text::left_long(due, now, lang)));
            }
            spans.push(Span::styled(warn, super::list::row_style(theme, s, level)));
        }
        out.push(Line::from(spans));
    }
    let required: Vec<&Step> = case
        .visible_steps(today)
        .into_iter()
        .filter(|s| s.need == Need::Required)
        .collect();
    let done = required
        .iter()
        .filter(|s| case.answers.contains_key(&s.id))
        .count();
    out.push(Line::styled(
        WorkMsg::Progress.fill(
            lang,
            &[
                ("done", &done.to_string()),
                ("total", &required.len().to_string()),
            ],
        ),
        theme.header,
    ));
    out
}

/// The visible steps, grouped by phase, scrolled so the cursor stays in view.
fn step_lines(app: &App, c: &Checklist, height: u16, width: u16) -> Vec<Line<'static>> {
    let theme = app.theme();
    let lang = app.lang();
    let steps = c.case.visible_steps(app.today());
    let mut rows: Vec<(Option<usize>, Line<'static>)> = Vec::new();
    let mut phase = None;
    let width = usize::from(width);
    let qwidth = (width / 2).clamp(20, 64);
    let awidth = width.saturating_sub(qwidth + 4 + 34).clamp(8, 40);
    for (i, step) in steps.iter().enumerate() {
        if phase != Some(step.phase) {
            phase = Some(step.phase);
            let name = match step.phase {
                Phase::Intake => WorkMsg::PhaseIntake,
                Phase::Beoordeling => WorkMsg::PhaseBeoordeling,
                Phase::Datalek => WorkMsg::PhaseDatalek,
            };
            rows.push((
                None,
                Line::styled(name.text(lang).to_string(), theme.header),
            ));
        }
        let record = c.case.answers.get(&step.id);
        let mark = match (record, step.need) {
            (Some(_), _) => "✓",
            (None, Need::Required) => "·",
            (None, Need::Optional) => " ",
        };
        let cursor = if i == c.cursor { ">" } else { " " };
        let mut q = question(step.id, lang).to_string();
        if step.need == Need::Optional {
            q = format!("{q} {}", WorkMsg::Optional.text(lang));
        }
        let answer = record.map_or_else(
            || WorkMsg::Unanswered.text(lang).to_string(),
            |r| answer_text(&r.answer, lang),
        );
        let by = record.map_or_else(String::new, |r| {
            WorkMsg::AnswerBy.fill(lang, &[("by", &r.by), ("at", &text::instant(r.at))])
        });
        let style = if i == c.cursor {
            theme.selected
        } else if record.is_some() {
            theme.text
        } else {
            theme.muted
        };
        let line = Line::from(vec![
            Span::styled(
                format!(
                    "{cursor}{mark} {:<qw$} {:<aw$} ",
                    clip(&q, qwidth),
                    clip(&answer, awidth),
                    qw = qwidth,
                    aw = awidth
                ),
                style,
            ),
            Span::styled(by, theme.muted),
        ]);
        rows.push((Some(i), line));
    }
    let height = usize::from(height).max(1);
    let at = rows
        .iter()
        .position(|(i, _)| *i == Some(c.cursor))
        .unwrap_or(0);
    let skip = (at + 1).saturating_sub(height);
    rows.into_iter().skip(skip).map(|(_, l)| l).collect()
}

/// An answer as the screen writes it.
fn answer_text(a: &Answer, lang: Lang) -> String {
    match a {
        Answer::YesNo(true) => option("ja", lang).to_string(),
        Answer::YesNo(false) => option("nee", lang).to_string(),
        Answer::Choice(c) => option(c, lang).to_string(),
        Answer::Date(d) => d.to_string(),
        Answer::Instant(t) => text::instant(*t),
        Answer::Text(t) => t.clone(),
        Answer::Number(n) => n.to_string(),
    }
}

/// The authority assessment, and the state of the case after the steps.
fn state_lines(app: &App, case: &Case) -> Vec<Line<'static>> {
    let theme = app.theme();
    let lang = app.lang();
    let today = app.today();
    let mut out = vec![Line::default()];
    if let Some(a) = rights::authority(case, today) {
        let style = if a.allows_processing() {
            theme.text
        } else {
            theme.due_soon
        };
        out.push(Line::from(vec![
            Span::styled(
                WorkMsg::Authority.fill(lang, &[("outcome", a.outcome.text(lang))]),
                style,
            ),
            Span::styled(format!(" — {}", a.reason_text(lang)), theme.muted),
        ]));
        use crate::domain::authority::NextStep;
        let hint = match a.outcome.next_step() {
            NextStep::NietOntvankelijk => Some(WorkMsg::AuthorityToNietOntvankelijk),
            NextStep::Refuse => Some(WorkMsg::AuthorityToAfgewezen),
            _ => None,
        };
        if let (Some(h), None) = (hint, &case.decision) {
            out.push(Line::styled(h.text(lang).to_string(), theme.due_soon));
        }
    }
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
    if let Some(on) = case.destruction_confirmed {
        out.push(Line::styled(
            WorkMsg::DestroyedOn.fill(lang, &[("date", &on.to_string())]),
            theme.text,
        ));
    } else if case.kind == crate::domain::CaseKind::Vernietiging
        && case.decision.as_ref().is_some_and(|d| {
            matches!(
                d.decision,
                crate::domain::case::Decision::Toegewezen
                    | crate::domain::case::Decision::DeelsToegewezen
            )
        })
    {
        out.push(Line::styled(
            WorkMsg::DestroyPending.text(lang).to_string(),
            theme.due_soon,
        ));
    }
    let finished = case.closed.is_some() || case.ending.is_some();
    if crate::domain::checklist::has_recipients(case.kind) {
        if case.recipients.is_empty() && !finished {
            out.push(Line::styled(
                WorkMsg::NoRecipientsYet.text(lang).to_string(),
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
                line.push_str(&format!(" — {}", WorkMsg::RecipientKeys.text(lang)));
            }
            out.push(Line::styled(line, theme.text));
        }
    }
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
                WorkMsg::ReopenKey.text(lang)
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
                        WorkMsg::MayClose.text(lang).to_string(),
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
                        WorkMsg::MayDecide.fill(lang, &[("decisions", &open.join(", "))]),
                        theme.status_ok,
                    ));
                }
            }
        }
    }
    out
}
