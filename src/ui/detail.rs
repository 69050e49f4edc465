//! A case's detail: every registered fact, the legal deadline(s) with warning level and time
//! left, the internal target (when `[streefdagen]` sets one for the kind), who may make the
//! request (the authority table's outcome and reason), the checklist's progress, the notes, and
//! the case's history from the journal, one line per event (who, when, what).
//!
//! On a wide screen (≥ 160 columns) the history stands beside the facts; otherwise below them.
//! PgUp/PgDn, Home/End scroll; the scroll is clamped here, where the wrapped length is known.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::form::{draw_prompt, prompt_height};
use super::{footer, status_line, text, titled};
use crate::app::{App, Mode};
use crate::domain::authority::DossierRegime;
use crate::domain::checklist::age_on;
use crate::domain::deadline::{self, amsterdam_date, internal_target};
use crate::domain::summary::Due;
use crate::domain::{Case, CaseId, CaseKind, Summary, rights};
use crate::i18n::Lang;
use crate::i18n::detail::{self as words, DetailMsg};
use crate::i18n::domain as names;
use crate::i18n::ui::UiMsg;
use crate::ui::theme::Theme;

/// The width from which the history stands beside the facts.
const TWO_COLUMNS: u16 = 160;
/// The width of the label column.
const LABEL: usize = 22;

/// Draws the detail of case `id` into `area`.
pub fn draw(app: &App, id: CaseId, frame: &mut Frame, area: Rect) {
    let [head, body, status, foot] = super::frame_parts(area);
    let theme = app.theme();
    let lang = app.lang();
    let mut title = UiMsg::DetailTitle.fill(lang, &[("id", &id.to_string())]);
    if let Some(s) = app.summary(id) {
        title = format!(
            "{title} · {} · {}",
            names::kind(s.kind, lang),
            names::status(s.status, lang)
        );
    }
    frame.render_widget(Paragraph::new(super::head(app)), head);
    let block = titled(theme, title);
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let scroll = app.case_view().map_or(0, |v| v.scroll);
    let facts = facts(app, id);
    let history = history(app);
    if inner.width >= TWO_COLUMNS {
        let [left, gap, right] = Layout::horizontal([
            Constraint::Percentage(55),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(inner);
        frame.render_widget(
            Block::default()
                .borders(Borders::LEFT)
                .border_style(theme.border),
            gap,
        );
        scrolled(frame, facts, left, scroll);
        scrolled(frame, history, right, scroll);
    } else {
        let mut all = facts;
        all.push(Line::default());
        all.extend(history);
        scrolled(frame, all, inner, scroll);
    }
    // A prompt (the letter key) stands over the bottom of the body.
    let mode = match app.prompt() {
        Some(p) => {
            let rows = prompt_height(&p.form).min(body.height);
            let rect = Rect {
                y: body.y + body.height - rows,
                height: rows,
                ..body
            };
            draw_prompt(&p.title, &p.form, theme, lang, frame, rect);
            Mode::Prompt
        }
        None => Mode::Detail,
    };
    frame.render_widget(Paragraph::new(status_line(app)), status);
    frame.render_widget(Paragraph::new(footer(app, mode)), foot);
}

/// Draws wrapped lines scrolled by `scroll` rows, clamped so the last row stays at the bottom.
fn scrolled(frame: &mut Frame, lines: Vec<Line<'static>>, area: Rect, scroll: u16) {
    let width = usize::from(area.width.max(1));
    let rows: usize = lines.iter().map(|l| l.width().max(1).div_ceil(width)).sum();
    let max = rows.saturating_sub(usize::from(area.height));
    let scroll = usize::from(scroll).min(max);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
        area,
    );
}

fn heading(theme: &Theme, text: &str) -> Line<'static> {
    Line::styled(text.to_string(), theme.header)
}

fn field(theme: &Theme, label: &str, value: String) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{label:<LABEL$}"), theme.muted),
        Span::styled(value, theme.text),
    ])
}

/// The facts, deadlines, authority, checklist and notes.
fn facts(app: &App, id: CaseId) -> Vec<Line<'static>> {
    let theme = app.theme();
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
        deadlines(&mut out, app, s);
    }
    if let Some(case) = case {
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

fn registered_facts(
    out: &mut Vec<Line<'static>>,
    case: &Case,
    theme: &Theme,
    lang: Lang,
    today: NaiveDate,
) {
    let date = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    if let Some(r) = &case.request {
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
        let age = age_on(r.child.birth_date, today).to_string();
        let born =
            DetailMsg::Born.fill(lang, &[("date", &date(r.child.birth_date)), ("age", &age)]);
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
    if let Some(b) = &case.breach {
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

/// Each legal date with its level and time left; the internal target when configured.
fn deadlines(out: &mut Vec<Line<'static>>, app: &App, s: &Summary) {
    let theme = app.theme();
    let lang = app.lang();
    let now = app.now();
    for (label, value, due, done) in text::dues(s, lang) {
        let level = due.level(now, done);
        let mut spans = vec![
            Span::styled(format!("{:<LABEL$}", label.text(lang)), theme.muted),
            Span::styled(value, theme.text),
            Span::raw("  "),
            Span::styled(
                format!("{} {}", text::marker(level, lang), text::level(level, lang)),
                super::list::row_style(theme, s, level),
            ),
        ];
        if !done {
            spans.push(Span::styled(
                format!(" ({})", text::left_long(due, now, lang)),
                theme.text,
            ));
        }
        out.push(Line::from(spans));
    }
    // The internal target: calendar days after receipt, only when the config sets it.
    if s.kind != CaseKind::Datalek
        && s.status.is_active()
        && let Some(days) = app.config().streefdagen.get(&s.kind)
        && let Ok(target) = internal_target(s.received, u32::from(*days))
    {
        let left = deadline::days_left(target, amsterdam_date(now));
        out.push(Line::from(vec![
            Span::styled(
                format!("{:<LABEL$}", DetailMsg::Target.text(lang)),
                theme.muted,
            ),
            Span::styled(text::due(Due::Date(target)), theme.text),
            Span::styled(
                format!("  ({})", text::left_long(Due::Date(target), now, lang)),
                if left < 0 {
                    theme.due_soon
                } else {
                    theme.muted
                },
            ),
        ]));
    }
    extension_window(out, app, s);
}

/// While an extension is still possible, the last day to send its notice (the end of the first
/// month), marked due soon from 5 working days before it (domain.md §3.4).
fn extension_window(out: &mut Vec<Line<'static>>, app: &App, s: &Summary) {
    let theme = app.theme();
    let lang = app.lang();
    let today = amsterdam_date(app.now());
    if !s.kind.may_extend() || s.extended || s.answer_done || !s.status.is_active() {
        return;
    }
    let (Ok(last), Ok(warn_from)) = (
        deadline::extension_notice_deadline(s.kind, s.received),
        deadline::extension_notice_warn_from(s.kind, s.received),
    ) else {
        return;
    };
    if today > last {
        return;
    }
    // Marked in words too, so the warning reads without colour.
    let (style, marker) = if today >= warn_from {
        (theme.due_soon, text::marker(deadline::Level::Bijna, lang))
    } else {
        (theme.muted, " ")
    };
    out.push(Line::from(vec![
        Span::styled(
            format!("{:<LABEL$}", DetailMsg::ExtendBy.text(lang)),
            theme.muted,
        ),
        Span::styled(text::due(Due::Date(last)), theme.text),
        Span::styled(
            format!("  {marker} {}", DetailMsg::ExtendNote.text(lang)),
            style,
        ),
    ]));
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
            out.push(Line::styled(a.outcome.text(lang).to_string(), style));
            out.push(Line::styled(a.reason_text(lang), theme.text));
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

/// The history from the journal: one line per event, oldest first.
fn history(app: &App) -> Vec<Line<'static>> {
    let theme = app.theme();
    let lang = app.lang();
    let mut out = vec![heading(theme, DetailMsg::SectionHistory.text(lang))];
    let Some(view) = app.case_view() else {
        return out;
    };
    if view.history.is_empty() {
        out.push(Line::styled(
            DetailMsg::NoHistory.text(lang).to_string(),
            theme.muted,
        ));
    }
    for (_, at, user, event) in &view.history {
        out.push(Line::from(vec![
            Span::styled(format!("{}  ", text::instant(*at)), theme.muted),
            Span::styled(format!("{user}  "), theme.text),
            Span::styled(words::event(event, lang), theme.text),
        ]));
    }
    out
}
