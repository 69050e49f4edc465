//! A case's detail: every registered fact, the legal deadline(s) with warning level and time
//! left, the internal target (when `[streefdagen]` sets one for the kind), who may make the
//! request (the authority table's outcome and reason), the checklist's progress, the notes, and
//! the case's history from the journal, one line per event (who, when, what).
//!
//! On a wide screen (≥ 160 columns) the history stands beside the facts; otherwise below them.
//! PgUp/PgDn, Home/End scroll; the scroll is clamped here, where the wrapped length is known.
//!
//! - `facts` — the facts column: what was registered, who may make the request, the
//!   checklist's progress, the notes.
//! - `deadlines` — the legal dates with level and time left, the internal target, the
//!   extension window.
//! - `team` — the behandelaar, vier ogen's proposals and the FG's advice (issue 22).
//!
//! Here: the layout, the scrolling, the history column and the two line shapes both columns use.

mod deadlines;
mod facts;
mod team;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::form::{draw_prompt, prompt_footer, prompt_height};
use super::{footer, status_line, text, titled};
use crate::app::{App, Mode};
use crate::domain::CaseId;
use crate::i18n::detail::{self as words, DetailMsg};
use crate::i18n::domain as names;
use crate::i18n::ui::UiMsg;
use crate::ui::theme::Theme;
use facts::facts;

/// The width from which the history stands beside the facts.
const TWO_COLUMNS: u16 = 160;
/// The width of the label column.
const LABEL: usize = 22;

/// Draws the detail of case `id` into `area`.
pub fn draw(app: &App, theme: &Theme, id: CaseId, frame: &mut Frame, area: Rect) {
    let [head, body, status, foot] = super::frame_parts(area);
    let lang = app.lang();
    let mut title = UiMsg::DetailTitle.fill(lang, &[("id", &id.to_string())]);
    if let Some(s) = app.summary(id) {
        title = format!(
            "{title} · {} · {}",
            names::kind(s.kind, lang),
            names::status(s.status, lang)
        );
    }
    frame.render_widget(Paragraph::new(super::head(app, theme)), head);
    let title = super::with_also_open(app, id, title);
    let block = titled(theme, title);
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let scroll = app.case_view().map_or(0, |v| v.scroll);
    let facts = facts(app, theme, id);
    let history = history(app, theme);
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
    let keys = match app.prompt() {
        Some(p) => {
            let rows = prompt_height(&p.form).min(body.height);
            let rect = Rect {
                y: body.y + body.height - rows,
                height: rows,
                ..body
            };
            draw_prompt(&p.title, &p.form, theme, frame, rect);
            prompt_footer(app, theme, &p.form)
        }
        None => footer(app, theme, Mode::Detail),
    };
    frame.render_widget(Paragraph::new(status_line(app, theme)), status);
    frame.render_widget(Paragraph::new(keys), foot);
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

/// The history from the journal: one line per event, oldest first.
fn history(app: &App, theme: &Theme) -> Vec<Line<'static>> {
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
        // A note's own lines, as typed (literal text), under its line.
        if let crate::domain::Event::NoteAdded { text, .. } = event {
            out.extend(
                text.lines()
                    .map(|l| Line::styled(format!("    {l}"), theme.text)),
            );
        }
    }
    out
}
