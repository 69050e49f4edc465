//! The detail's facts column: the registered facts of a verzoek or a datalek, the deadlines
//! (from `deadlines`), who may make the request, the checklist's progress and the notes.

use chrono::NaiveDate;
use ratatui::text::{Line, Span};

use super::deadlines::deadlines;
use super::{field, heading};
use crate::app::App;
use crate::domain::authority::DossierRegime;
use crate::domain::case::{BreachFacts, RequestFacts};
use crate::domain::checklist::age_on;
use crate::domain::deadline::amsterdam_date;
use crate::domain::{Case, CaseId, rights};
use crate::i18n::Lang;
use crate::i18n::detail::DetailMsg;
use crate::i18n::domain as names;
use crate::i18n::ui::UiMsg;
use crate::ui::text;
use crate::ui::theme::Theme;

/// The facts, deadlines, authority, checklist and notes.
pub(super) fn facts(app: &App, theme: &Theme, id: CaseId) -> Vec<Line<'static>> {
    let lang = app.lang();
    let today = amsterdam_date(app.now());
    let view = app.case_view().filter(|v| v.id == id);
    let case = view.and_then(|v| v.case.as_ref());
    let summary = app.summary(id);
    let mut out = Vec::new();
    if let Some(why) = view.and_then(|v| v.error.as_ref()) {
        out.push(Line::styled(
            DetailMsg::ReadError.fill(lang, &[("why", why)]),
            theme.status_error,
        ));
        out.push(Line::default());
    }
    if let Some(case) = case {
        registered_facts(&mut out, case, theme, lang, today);
        super::team::team_lines(&mut out, case, app.role().is_some(), theme, lang);
    } else if let Some(s) = summary {
        out.push(field(
            theme,
            UiMsg::FieldRequester.text(lang),
            s.party.clone(),
        ));
        out.push(field(
            theme,
            UiMsg::FieldReceived.text(lang),
            s.received.format("%Y-%m-%d").to_string(),
        ));
    }
    if let Some(s) = summary {
        out.push(Line::default());
        out.push(heading(theme, DetailMsg::SectionDeadlines.text(lang)));
        deadlines(&mut out, app, theme, s);
    }
    if let Some(case) = case {
        state_lines(&mut out, case, theme, lang);
        if let Some(r) = &case.request {
            authority(&mut out, case, theme, lang, today, r.child.birth_date);
        }
        checklist(&mut out, case, theme, lang, today);
        if let Some(notes) = case.request.as_ref().map(|r| &r.notes)
            && !notes.trim().is_empty()
        {
            out.push(Line::default());
            out.push(heading(theme, DetailMsg::SectionNotes.text(lang)));
            out.extend(
                notes
                    .lines()
                    .map(|l| Line::styled(l.to_string(), theme.text)),
            );
        }
    }
    out
}

/// Issue 18: what the case's state means for the family at a glance — a restriction in force
/// or lifted, a dispute escalated, a destruction done after the WGBO date.
fn state_lines(out: &mut Vec<Line<'static>>, case: &Case, theme: &Theme, lang: Lang) {
    // A confirmed correction made the recorded decision or extension unlawful.
    if let Some(r) = &case.review {
        let what: Vec<&str> = r
            .conflicts
            .iter()
            .map(|c| names::conflict(*c, lang))
            .collect();
        out.push(Line::styled(
            format!(
                "{}: {}",
                DetailMsg::Review.text(lang),
                DetailMsg::ReviewValue.fill(
                    lang,
                    &[("date", &r.since.to_string()), ("what", &what.join("; "))]
                )
            ),
            theme.late,
        ));
    }
    let moved = case.deadline_corrections().count();
    if moved > 0 {
        out.push(Line::styled(
            format!("{} ({moved}×)", DetailMsg::DeadlineCorrected.text(lang)),
            theme.due_soon,
        ));
    }
    if case.restriction_in_force() {
        out.push(Line::styled(
            DetailMsg::RestrictionInForce.text(lang).to_string(),
            theme.due_soon,
        ));
    } else if let Some(on) = case.restriction_lifted {
        out.push(Line::styled(
            DetailMsg::RestrictionLiftedOn.fill(lang, &[("date", &on.to_string())]),
            theme.text,
        ));
    }
    if let Some(d) = case.dispute.as_ref().filter(|d| d.resolved.is_none()) {
        out.push(Line::styled(
            DetailMsg::DisputeOpen.fill(lang, &[("to", &d.to)]),
            theme.late,
        ));
    }
    if case.destruction_late()
        && let Some(on) = case.destroyed_on()
    {
        out.push(Line::styled(
            DetailMsg::DestroyedLate.fill(lang, &[("date", &on.to_string())]),
            theme.late,
        ));
    }
}

fn registered_facts(
    out: &mut Vec<Line<'static>>,
    case: &Case,
    theme: &Theme,
    lang: Lang,
    today: NaiveDate,
) {
    if let Some(r) = &case.request {
        request_facts(out, r, theme, lang, today);
    }
    if let Some(b) = &case.breach {
        breach_facts(out, b, theme, lang);
    }
    out.push(field(
        theme,
        DetailMsg::RegisteredBy.text(lang),
        DetailMsg::RegisteredByValue.fill(
            lang,
            &[
                ("at", &text::instant(case.registered_at)),
                ("user", &case.registered_by),
            ],
        ),
    ));
}

/// A verzoek's facts as registered (or corrected): the requester's contact and address only
/// when given, the child's age today.
fn request_facts(
    out: &mut Vec<Line<'static>>,
    r: &RequestFacts,
    theme: &Theme,
    lang: Lang,
    today: NaiveDate,
) {
    let date = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    out.push(heading(theme, DetailMsg::SectionCase.text(lang)));
    out.push(field(
        theme,
        UiMsg::FieldReceived.text(lang),
        date(r.received),
    ));
    out.push(field(
        theme,
        DetailMsg::Channel.text(lang),
        names::channel(r.channel, lang).to_string(),
    ));
    out.push(field(
        theme,
        UiMsg::FieldRequester.text(lang),
        r.requester.name.clone(),
    ));
    out.push(field(
        theme,
        DetailMsg::Relation.text(lang),
        names::relation(r.requester.relation, lang).to_string(),
    ));
    if !r.requester.contact.trim().is_empty() {
        out.push(field(
            theme,
            DetailMsg::Contact.text(lang),
            r.requester.contact.clone(),
        ));
    }
    let method = names::reply_method(r.reply_method(), lang);
    let reply = match r.reply {
        Some(_) => method.to_string(),
        None => DetailMsg::ReplyFromChannel.fill(lang, &[("method", method)]),
    };
    out.push(field(theme, DetailMsg::ReplyBy.text(lang), reply));
    if !r.requester.address.trim().is_empty() {
        let lines: Vec<&str> = r
            .requester
            .address
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        out.push(field(
            theme,
            DetailMsg::Address.text(lang),
            lines.join(", "),
        ));
    }
    let age = age_on(r.child.birth_date, today).to_string();
    let born = DetailMsg::Born.fill(lang, &[("date", &date(r.child.birth_date)), ("age", &age)]);
    out.push(field(
        theme,
        UiMsg::FieldChild.text(lang),
        format!("{}, {born}", r.child.name),
    ));
    let regime = match r.regime {
        DossierRegime::Wgbo => DetailMsg::RegimeWgbo,
        DossierRegime::Jeugdwet => DetailMsg::RegimeJeugdwet,
    };
    out.push(field(
        theme,
        DetailMsg::Regime.text(lang),
        regime.text(lang).to_string(),
    ));
}

/// A datalek's facts as registered (or corrected); a multi-line description keeps its lines.
fn breach_facts(out: &mut Vec<Line<'static>>, b: &BreachFacts, theme: &Theme, lang: Lang) {
    out.push(heading(theme, DetailMsg::SectionBreach.text(lang)));
    out.push(field(
        theme,
        UiMsg::FieldAware.text(lang),
        text::instant(b.aware_at),
    ));
    if let Some(p) = b.processor_notice_at {
        out.push(field(
            theme,
            DetailMsg::ProcessorNotice.text(lang),
            text::instant(p),
        ));
    }
    out.push(field(
        theme,
        UiMsg::FieldReporter.text(lang),
        b.reported_by.clone(),
    ));
    out.push(field(
        theme,
        DetailMsg::Nature.text(lang),
        names::nature(b.nature, lang).to_string(),
    ));
    if !b.processor.trim().is_empty() {
        out.push(field(
            theme,
            DetailMsg::Processor.text(lang),
            b.processor.clone(),
        ));
    }
    // A multi-line description keeps its lines, under its label.
    for (i, line) in b.description.trim().lines().enumerate() {
        let label = if i == 0 {
            DetailMsg::Description.text(lang)
        } else {
            ""
        };
        out.push(field(theme, label, line.to_string()));
    }
}

/// Who may make the request: the authority table's outcome and reason, at today's age.
fn authority(
    out: &mut Vec<Line<'static>>,
    case: &Case,
    theme: &Theme,
    lang: Lang,
    today: NaiveDate,
    birth: NaiveDate,
) {
    out.push(Line::default());
    out.push(heading(theme, DetailMsg::SectionAuthority.text(lang)));
    match rights::authority(case, today) {
        Some(a) => {
            let style = if a.allows_processing() {
                theme.on_time
            } else {
                theme.due_soon
            };
            out.push(Line::styled(
                crate::i18n::authority::outcome(a.outcome, lang).to_string(),
                style,
            ));
            out.push(Line::styled(
                crate::i18n::authority::assessment_reason(&a, lang),
                theme.text,
            ));
            let age = age_on(birth, today).to_string();
            out.push(Line::styled(
                DetailMsg::AgeAtDecision.fill(lang, &[("age", &age)]),
                theme.muted,
            ));
        }
        None => out.push(Line::styled(
            DetailMsg::NoAuthority.text(lang).to_string(),
            theme.muted,
        )),
    }
}

/// "7 van 12 stappen beantwoord; nog 3 verplicht".
fn checklist(
    out: &mut Vec<Line<'static>>,
    case: &Case,
    theme: &Theme,
    lang: Lang,
    today: NaiveDate,
) {
    let visible = case.visible_steps(today);
    if visible.is_empty() {
        return;
    }
    let done = visible
        .iter()
        .filter(|s| case.answers.contains_key(&s.id))
        .count();
    let missing = case.missing_steps(today, None).len();
    let progress = DetailMsg::Progress.fill(
        lang,
        &[
            ("done", &done.to_string()),
            ("total", &visible.len().to_string()),
        ],
    );
    let rest = if missing == 0 {
        DetailMsg::ProgressComplete.text(lang).to_string()
    } else {
        DetailMsg::ProgressMissing.fill(lang, &[("n", &missing.to_string())])
    };
    out.push(Line::default());
    out.push(heading(theme, DetailMsg::SectionChecklist.text(lang)));
    out.push(Line::from(vec![
        Span::styled(progress, theme.text),
        Span::styled(format!("; {rest}"), theme.muted),
    ]));
}
