//! A case's checklist: who asks for whom and the legal dates; the progress; the visible steps
//! in order with each answer and who gave it when; the authority assessment; the state of the
//! case (waiting, extension, decision, reply, destruction, AVG 19 recipients, ending) and what
//! closing still needs; an open prompt at the bottom. Everything is read from the app's copy of
//! the case and asked of the domain each frame; nothing here decides.
//!
//! - `steps` — the visible steps grouped by phase, each with its answer and who gave it when.
//! - `state` — the authority assessment and the state of the case after the steps, with what
//!   deciding or closing still needs.
//!
//! Here: the layout, and the facts at the top (who, the legal dates, the progress).

mod state;
mod steps;

use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::form::{draw_prompt, prompt_footer, prompt_height};
use super::text;
use super::{footer, status_line, titled};
use crate::app::{App, Mode};
use crate::domain::Case;
use crate::domain::checklist::{Need, Step, age_on};
use crate::i18n::domain as names;
use crate::i18n::workbench::WorkMsg;
use state::state_lines;
use steps::step_lines;

/// Draws the checklist of the open case into `area`.
pub fn draw(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some(c) = app.checklist() else {
        return;
    };
    let lang = app.lang();
    let prompt_rows = app.prompt().map_or(0, |p| prompt_height(&p.form));
    // A refusal can name several steps: the status line takes up to three rows.
    let status_text = status_line(app, theme);
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
    frame.render_widget(Paragraph::new(super::head(app, theme)), head);

    let case = &c.case;
    let title = format!(
        "{} · {} · {}",
        WorkMsg::Title.fill(lang, &[("id", &case.id.to_string())]),
        names::kind(case.kind, lang),
        names::status(case.status(), lang)
    );
    let title = super::with_also_open(app, case.id, title);
    let block = titled(theme, title);
    let inner = block.inner(body);
    frame.render_widget(block, body);

    let top = facts(app, theme, case);
    let state = state_lines(app, theme, case);
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
        Paragraph::new(step_lines(
            app,
            theme,
            c,
            steps_area.height,
            steps_area.width,
        )),
        steps_area,
    );
    frame.render_widget(Paragraph::new(state).wrap(Wrap { trim: false }), state_area);

    if let Some(p) = app.prompt() {
        draw_prompt(&p.title, &p.form, theme, frame, prompt);
    }
    frame.render_widget(
        Paragraph::new(status_text).wrap(Wrap { trim: false }),
        status,
    );
    let keys = match app.prompt() {
        Some(p) => prompt_footer(app, theme, &p.form),
        None => footer(app, theme, Mode::Checklist),
    };
    frame.render_widget(Paragraph::new(keys).wrap(Wrap { trim: false }), foot);
}

/// Who asks for whom, the legal dates with their warning, and the progress.
fn facts(app: &App, theme: &Theme, case: &Case) -> Vec<Line<'static>> {
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
        for (label, value, due, state) in text::dues(s, Some(case), lang) {
            let (level, words) = text::duty_words(due, state, now, lang);
            if !spans.is_empty() {
                spans.push(Span::raw(" · "));
            }
            let value = format!("{} {value}", label.text(lang));
            spans.push(Span::styled(value, theme.text));
            let warn = format!(" {} {words}", text::marker(level, lang));
            spans.push(Span::styled(warn, super::list::row_style(theme, s, level)));
        }
        out.push(Line::from(spans));
    }
    let required: Vec<&Step> = case
        .visible_steps(today)
        .into_iter()
        .filter(|s| case.need_by_answers(s) == Need::Required)
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
