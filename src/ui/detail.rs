//! A case's short detail: id, kind, status, requester, child, received, and each legal date
//! with its warning level and time left. The full detail (checklist, decision, letters) comes
//! later.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{banners, footer, status_line, text};
use crate::app::{App, Mode};
use crate::domain::summary::Due;
use crate::domain::{CaseId, CaseKind};
use crate::i18n::domain as names;
use crate::i18n::ui::UiMsg;

/// Draws the detail of case `id` into `area`.
pub fn draw(app: &App, id: CaseId, frame: &mut Frame, area: Rect) {
    let [head, body, status, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let theme = app.theme();
    let lang = app.lang();
    let title = UiMsg::DetailTitle.fill(lang, &[("id", &id.to_string())]);
    let mut head_spans = banners(app);
    head_spans.push(Span::styled(UiMsg::Title.text(lang), theme.title));
    frame.render_widget(Paragraph::new(Line::from(head_spans)), head);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(Span::styled(format!(" {title} "), theme.title));
    frame.render_widget(Paragraph::new(lines(app, id)).block(block), body);
    frame.render_widget(Paragraph::new(status_line(app)), status);
    frame.render_widget(Paragraph::new(footer(app, Mode::Detail)), foot);
}

fn lines(app: &App, id: CaseId) -> Vec<Line<'static>> {
    let Some(s) = app.summary(id) else {
        return Vec::new();
    };
    let theme = app.theme();
    let lang = app.lang();
    let now = app.now();
    let field = |label: UiMsg, value: String| {
        Line::from(vec![
            Span::styled(format!("{:<22}", label.text(lang)), theme.muted),
            Span::styled(value, theme.text),
        ])
    };
    let breach = s.kind == CaseKind::Datalek;
    let mut out = vec![
        Line::default(),
        field(UiMsg::FieldKind, names::kind(s.kind, lang).to_string()),
        field(
            UiMsg::FieldStatus,
            names::status(s.status, lang).to_string(),
        ),
        field(
            if breach {
                UiMsg::FieldReporter
            } else {
                UiMsg::FieldRequester
            },
            s.party.clone(),
        ),
    ];
    if !breach {
        out.push(field(UiMsg::FieldChild, s.child.clone()));
    }
    out.push(field(
        if breach {
            UiMsg::FieldAware
        } else {
            UiMsg::FieldReceived
        },
        s.received.format("%Y-%m-%d").to_string(),
    ));
    out.push(Line::default());
    let dues = [
        (
            UiMsg::FieldAnswerDue,
            s.answer_due.map(Due::Date),
            s.answer_done,
        ),
        (
            UiMsg::FieldDestructionDue,
            s.destruction_due.map(Due::Date),
            s.destruction_done,
        ),
        (
            UiMsg::FieldBreachDue,
            s.breach_due.map(Due::Instant),
            s.breach_done,
        ),
    ];
    for (label, due, done) in dues {
        let Some(due) = due else { continue };
        let level = due.level(now, done);
        let mut value = text::due(due);
        if label == UiMsg::FieldAnswerDue && s.extended {
            value.push_str(&format!(" ({})", UiMsg::Extended.text(lang)));
        }
        let mut spans = vec![
            Span::styled(format!("{:<22}", label.text(lang)), theme.muted),
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
    out.push(Line::default());
    out.push(Line::styled(UiMsg::DetailLater.text(lang), theme.muted));
    out
}
