//! Draws the FG's overview: the tiles, the late and due-soon cases with why, the months as a
//! bar chart that reads without colour (the bars are characters, the numbers stand beside
//! them, `NO_COLOR` drops only the colours), the handling times and the breaches.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};

use super::{footer, head, status_line, text, titled};
use crate::app::overview::{AtRisk, Holdup, Overview};
use crate::app::{App, Mode};
use crate::domain::deadline::Level;
use crate::domain::duty::DutyKind;
use crate::domain::summary::Due;
use crate::i18n::Lang;
use crate::i18n::checklist::question;
use crate::i18n::domain as names;
use crate::i18n::overview::OverviewMsg as M;
use crate::ui::theme::Theme;

/// Draws the overview into `area`.
pub fn draw(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let [top, body, status, foot] = super::frame_parts(area);
    frame.render_widget(Paragraph::new(head(app, theme)), top);
    let outer = titled(theme, M::Title.text(app.lang()).to_string());
    let inner = outer.inner(body);
    frame.render_widget(outer, body);
    if let Some(o) = app.overview() {
        let [tiles, handlers, table, _, bottom] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(15),
        ])
        .areas(inner);
        frame.render_widget(Paragraph::new(tile_line(app, theme, o)), tiles);
        if let Some(line) = handler_line(app, theme, o, usize::from(handlers.width)) {
            frame.render_widget(Paragraph::new(line), handlers);
        }
        draw_table(app, theme, o, frame, table);
        let [months, figures] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                .spacing(2)
                .areas(bottom);
        frame.render_widget(
            Paragraph::new(month_lines(app, theme, o, months.width)),
            months,
        );
        frame.render_widget(Paragraph::new(figure_lines(app, theme, o)), figures);
    }
    frame.render_widget(Paragraph::new(status_line(app, theme)), status);
    frame.render_widget(Paragraph::new(footer(app, theme, Mode::Overview)), foot);
}

/// The tiles in one line: open, te laat, bijna, wachtend, verlengd, the running 72 hours.
fn tile_line(app: &App, theme: &Theme, o: &Overview) -> Line<'static> {
    let lang = app.lang();
    let t = &o.tiles;
    let n = |m: M, v: usize| m.fill(lang, &[("n", &v.to_string())]);
    let mut spans = vec![
        Span::styled(n(M::TileOpen, t.open), theme.text),
        Span::raw(" │ "),
        Span::styled(
            format!(
                "{} {}",
                text::marker(Level::TeLaat, lang),
                n(M::TileLate, t.te_laat)
            ),
            if t.te_laat > 0 {
                theme.late
            } else {
                theme.text
            },
        ),
        Span::raw(" │ "),
        Span::styled(
            format!(
                "{}{}",
                text::marker(Level::Bijna, lang),
                n(M::TileSoon, t.bijna)
            ),
            if t.bijna > 0 {
                theme.due_soon
            } else {
                theme.text
            },
        ),
        Span::raw(" │ "),
        Span::styled(n(M::TileWaiting, t.wachtend), theme.text),
        Span::raw(" │ "),
        Span::styled(n(M::TileExtended, t.extended), theme.text),
        Span::raw(" │ "),
        Span::styled(n(M::TileBreaches, t.breaches), theme.text),
    ];
    if let Some(next) = t.breach_next {
        let left = text::left_short(Due::Instant(next), o.at, lang);
        spans.push(Span::styled(
            format!(" ({})", M::TileBreachNext.fill(lang, &[("left", &left)])),
            theme.due_soon,
        ));
    }
    Line::from(spans)
}

/// The open cases per behandelaar, by name, as many as fit in `width` with how many more
/// there are; nothing where the overview counts no handlers.
fn handler_line(app: &App, theme: &Theme, o: &Overview, width: usize) -> Option<Line<'static>> {
    let lang = app.lang();
    let handlers = o.handlers.as_ref()?;
    let mut out = M::HandlersOpen.text(lang).to_string();
    if handlers.is_empty() {
        out.push(' ');
        out.push_str(M::HandlersNone.text(lang));
    }
    for (i, (name, n)) in handlers.iter().enumerate() {
        let name = if name.is_empty() {
            M::HandlerUnknown.text(lang).to_string()
        } else {
            text::clip(name, 24)
        };
        let part = format!("{}{name} {n}", if i == 0 { " " } else { " · " });
        let rest = handlers.len() - i;
        let more = M::HandlersMore.fill(lang, &[("n", &(rest - 1).to_string())]);
        let room = if rest > 1 {
            more.chars().count() + 1
        } else {
            0
        };
        if out.chars().count() + part.chars().count() + room > width {
            out.push(' ');
            out.push_str(&M::HandlersMore.fill(lang, &[("n", &rest.to_string())]));
            break;
        }
        out.push_str(&part);
    }
    Some(Line::styled(out, theme.text))
}

/// Why a row is late or due soon, in words.
pub fn why(r: &AtRisk, lang: Lang) -> String {
    let duty = match r.duty {
        Some(DutyKind::Answer) => M::DutyAnswer.text(lang),
        Some(DutyKind::Destruction) => M::DutyDestruction.text(lang),
        Some(DutyKind::Notification) => M::DutyNotification.text(lang),
        None => "",
    };
    let holdup = match &r.holdup {
        Holdup::Waiting(since) => {
            M::WhyWaiting.fill(lang, &[("date", &since.format("%d-%m").to_string())])
        }
        Holdup::Step(step) => M::WhyStep.fill(lang, &[("step", question(*step, lang))]),
        Holdup::ReplyNotSent => M::WhyReply.text(lang).to_string(),
        Holdup::None => M::WhyDuty.text(lang).to_string(),
    };
    if duty.is_empty() {
        holdup
    } else {
        format!("{duty}: {holdup}")
    }
}

fn draw_table(app: &App, theme: &Theme, o: &Overview, frame: &mut Frame, area: Rect) {
    let lang = app.lang();
    let total = o.tiles.te_laat + o.tiles.bijna;
    let title = if o.rows.len() < total {
        let key = app
            .keymap()
            .hint(Mode::List, crate::app::Action::NextUrgency);
        M::AtRiskCut.fill(
            lang,
            &[
                ("shown", &o.rows.len().to_string()),
                ("n", &total.to_string()),
                ("key", &key),
            ],
        )
    } else {
        M::AtRisk.fill(lang, &[("n", &total.to_string())])
    };
    let [title_area, rest] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    frame.render_widget(Paragraph::new(Line::styled(title, theme.title)), title_area);
    if o.rows.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(M::NoneAtRisk.text(lang), theme.muted)),
            rest,
        );
        return;
    }
    let header = Row::new(
        [
            M::ColLevel,
            M::ColCase,
            M::ColKind,
            M::ColDue,
            M::ColLeft,
            M::ColWhy,
        ]
        .map(|m| Cell::from(m.text(lang))),
    )
    .style(theme.header);
    // What is left for "why": the fixed columns, their gaps and the selection mark.
    let why_w = usize::from(rest.width.saturating_sub(11 + 12 + 18 + 16 + 7 + 5 + 2));
    let rows = o.rows.iter().map(|r| {
        let style = match r.level {
            Level::TeLaat => theme.late,
            _ => theme.due_soon,
        };
        Row::new([
            Cell::from(format!(
                "{} {}",
                text::marker(r.level, lang),
                text::level(r.level, lang)
            )),
            Cell::from(r.id.to_string()),
            Cell::from(names::kind(r.kind, lang)),
            Cell::from(text::due(r.due)),
            Cell::from(text::left_short(r.due, o.at, lang)),
            Cell::from(words_within(&why(r, lang), why_w)),
        ])
        .style(style)
    });
    let widths = [
        Constraint::Length(11),
        Constraint::Length(12),
        Constraint::Length(18),
        Constraint::Length(16),
        Constraint::Length(7),
        Constraint::Fill(1),
    ];
    let table = Table::new(rows, widths)
        .header(header)
        .row_highlight_style(theme.selected)
        .highlight_symbol("▶ ");
    let mut state = TableState::default().with_selected(Some(o.selected));
    frame.render_stateful_widget(table, rest, &mut state);
}

/// At most `n` characters, cut after a whole word with `…` (never mid-word, never after an
/// opening bracket).
fn words_within(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    let mut out = String::new();
    for word in s.split(' ') {
        let len = out.chars().count() + word.chars().count() + 2;
        if len > n || word.starts_with('(') {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.push('…');
    out
}

/// The months, oldest first: a bar of received requests, its on-time part `█` and the rest
/// `░`, and the numbers beside it.
fn month_lines(app: &App, theme: &Theme, o: &Overview, width: u16) -> Vec<Line<'static>> {
    let lang = app.lang();
    let mut lines = vec![Line::styled(M::Months.text(lang), theme.title)];
    let max = o
        .figures
        .months
        .iter()
        .map(|m| m.received)
        .max()
        .unwrap_or(0)
        .max(1);
    // "2026-01 " + bar + " 123 ontv., 99 op tijd (80%)"
    let bar_w = u64::from(width.saturating_sub(38).max(4));
    for m in &o.figures.months {
        let full = (m.received * bar_w).div_ceil(max);
        let on = (m.on_time * full).checked_div(m.received).unwrap_or(0);
        let pct = (m.on_time * 100)
            .checked_div(m.received)
            .map_or_else(|| "–".to_string(), |p| format!("{p}%"));
        let numbers = M::MonthRow.fill(
            lang,
            &[
                ("received", &m.received.to_string()),
                ("on_time", &m.on_time.to_string()),
                ("pct", &pct),
            ],
        );
        let on_bar = "█".repeat(usize::try_from(on).unwrap_or(0));
        let rest_bar = "░".repeat(usize::try_from(full - on).unwrap_or(0));
        let pad = " ".repeat(usize::try_from(bar_w - full).unwrap_or(0));
        lines.push(Line::from(vec![
            Span::styled(format!("{}-{:02} ", m.year, m.month), theme.muted),
            Span::styled(on_bar, theme.on_time),
            Span::styled(rest_bar, theme.muted),
            Span::raw(pad),
            Span::styled(format!(" {numbers}"), theme.text),
        ]));
    }
    lines
}

/// The handling times per kind and the breach figures.
fn figure_lines(app: &App, theme: &Theme, o: &Overview) -> Vec<Line<'static>> {
    let lang = app.lang();
    let mut lines = vec![
        Line::styled(M::Handling.text(lang), theme.title),
        Line::styled(
            format!(
                "{:<22}{:>11}{:>9}{:>6}",
                M::ColKind.text(lang),
                M::ColReplies.text(lang),
                M::ColMedian.text(lang),
                M::ColP90.text(lang)
            ),
            theme.header,
        ),
    ];
    for h in &o.figures.handling {
        let median = h.median.map_or_else(|| "–".into(), |m| format!("{m:.1}"));
        let p90 = h.p90.map_or_else(|| "–".into(), |p| p.to_string());
        lines.push(Line::styled(
            format!(
                "{:<22}{:>11}{:>9}{:>6}",
                text::clip(names::kind(h.kind, lang), 21),
                h.replies,
                median,
                p90
            ),
            theme.text,
        ));
    }
    let b = &o.figures.breaches;
    lines.push(Line::styled(M::Breaches.text(lang), theme.title));
    lines.push(Line::styled(
        M::BreachRegistered.fill(lang, &[("n", &b.registered.to_string())]),
        theme.text,
    ));
    lines.push(Line::styled(
        M::BreachNotified.fill(
            lang,
            &[
                ("in_time", &b.in_time.to_string()),
                ("late", &b.late.to_string()),
                ("not", &b.not_notified.to_string()),
            ],
        ),
        if b.late > 0 { theme.late } else { theme.text },
    ));
    let a = &o.figures.advice;
    lines.push(Line::styled(
        M::Advice.fill(
            lang,
            &[
                ("given", &a.given.to_string()),
                ("followed", &a.followed.to_string()),
                ("not", &a.not_followed.to_string()),
            ],
        ),
        theme.text,
    ));
    lines
}
