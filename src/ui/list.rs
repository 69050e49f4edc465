//! The case list (home): header with counts, the filters and search, the table of cases in
//! urgency order, the status line and the footer.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};

use super::{banners, footer, status_line, text};
use crate::app::handler_filter::HandlerFilter;
use crate::app::{Action, App, FilterLabel, Mode, StatusFilter, Urgency};
use crate::domain::deadline::Level;
use crate::domain::{Status, Summary};
use crate::i18n::domain as names;
use crate::i18n::team::TeamMsg;
use crate::i18n::ui::UiMsg;
use crate::ui::theme::Theme;

/// Draws the list screen into `area`.
pub fn draw(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let [head, filters, table, status, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(header(app, theme)), head);
    frame.render_widget(Paragraph::new(filter_line(app, theme)), filters);
    draw_table(app, theme, frame, table);
    frame.render_widget(Paragraph::new(status_line(app, theme)), status);
    let mode = if app.searching() {
        Mode::Search
    } else {
        Mode::List
    };
    frame.render_widget(Paragraph::new(footer(app, theme, mode)), foot);
}

/// Title, DEMO banner and the counts: open, bijna, te laat, wachtend.
fn header(app: &App, theme: &Theme) -> Line<'static> {
    let lang = app.lang();
    let c = app.counts();
    let mut spans = banners(app, theme);
    spans.push(Span::styled(UiMsg::Title.text(lang), theme.title));
    // A team's register: who is logged in, and as what.
    if let Some(who) = super::logged_in(app) {
        spans.push(Span::styled(who, theme.text));
    }
    spans.push(Span::raw("   "));
    let count = |msg: UiMsg, n: usize, style: Style| {
        Span::styled(msg.fill(lang, &[("n", &n.to_string())]), style)
    };
    spans.push(count(UiMsg::CountOpen, c.open, theme.text));
    spans.push(Span::raw(" · "));
    let soon = if c.bijna > 0 {
        theme.due_soon
    } else {
        theme.text
    };
    spans.push(count(UiMsg::CountBijna, c.bijna, soon));
    spans.push(Span::raw(" · "));
    let late = if c.te_laat > 0 {
        theme.late
    } else {
        theme.text
    };
    spans.push(count(UiMsg::CountTeLaat, c.te_laat, late));
    spans.push(Span::raw(" · "));
    spans.push(count(UiMsg::CountWachtend, c.wachtend, theme.text));
    if let Some(next) = c.breach_next {
        // The datalek clock: how many breaches still run, and the nearest one's time left.
        let due = crate::domain::summary::Due::Instant(next);
        let now = app.now();
        let style = match due.level(now, false) {
            Level::TeLaat => theme.late,
            Level::Bijna => theme.due_soon,
            _ => theme.text,
        };
        spans.push(Span::raw(" · "));
        spans.push(Span::styled(
            crate::i18n::breach::BreachMsg::CountBreach.fill(
                lang,
                &[
                    ("n", &c.breaches.to_string()),
                    ("left", &text::left_long(due, now, lang)),
                ],
            ),
            style,
        ));
    }
    Line::from(spans)
}

/// The kind and status shown, the search, and how many rows match.
fn filter_line(app: &App, theme: &Theme) -> Line<'static> {
    let lang = app.lang();
    let kind = app
        .kind_filter()
        .map_or(UiMsg::AllKinds.text(lang), |k| names::kind(k, lang));
    let status = match app.status_filter() {
        StatusFilter::Actief => UiMsg::StatusActief.text(lang),
        StatusFilter::Alle => UiMsg::StatusAlle.text(lang),
        StatusFilter::Is(s) => names::status(s, lang),
    };
    let mut spans = vec![
        Span::styled(
            UiMsg::FilterKind.fill(lang, &[("value", kind)]),
            theme.muted,
        ),
        Span::raw("   "),
        Span::styled(
            UiMsg::FilterStatus.fill(lang, &[("value", status)]),
            theme.muted,
        ),
    ];
    // The filters beyond kind and status, while set: shown so a short list is never a mystery.
    for label in app.filters().labels() {
        let (msg, value) = match label {
            FilterLabel::Urgency(u) => (
                UiMsg::FilterUrgency,
                match u {
                    Urgency::TeLaat => UiMsg::UrgencyTeLaat.text(lang).to_string(),
                    Urgency::Bijna => UiMsg::UrgencyBijna.text(lang).to_string(),
                },
            ),
            FilterLabel::Decision(d) => {
                (UiMsg::FilterDecision, names::decision(d, lang).to_string())
            }
            FilterLabel::Year(y) => (UiMsg::FilterYear, y.to_string()),
            FilterLabel::Handler(h) => (
                UiMsg::FilterHandler,
                match h {
                    HandlerFilter::Alle => continue,
                    HandlerFilter::Mijn => TeamMsg::FilterMine.text(lang).to_string(),
                    HandlerFilter::WachtOpGoedkeuring => {
                        TeamMsg::FilterAwaiting.text(lang).to_string()
                    }
                    HandlerFilter::Van(h) => crate::domain::text::clean_line(&h).into_owned(),
                },
            ),
            FilterLabel::Kind(_) | FilterLabel::Status(_) => continue,
        };
        spans.push(Span::raw("   "));
        spans.push(Span::styled(
            msg.fill(lang, &[("value", &value)]),
            theme.due_soon,
        ));
    }
    if app.searching() || !app.search().is_empty() {
        spans.push(Span::raw("   "));
        let cursor = if app.searching() { "▏" } else { "" };
        let label = UiMsg::FilterSearch.fill(lang, &[("value", "")]);
        spans.push(Span::styled(label, theme.muted));
        let style = if app.searching() {
            theme.field_focus
        } else {
            theme.input
        };
        spans.push(Span::styled(format!("{}{cursor}", app.search()), style));
        if app.shown_by_id() > 0 {
            spans.push(Span::raw("   "));
            spans.push(Span::styled(
                UiMsg::FoundById.text(lang).to_string(),
                theme.due_soon,
            ));
        }
    }
    spans.push(Span::raw("   "));
    spans.push(Span::styled(
        UiMsg::FilterShown.fill(
            lang,
            &[
                ("shown", &app.visible_len().to_string()),
                ("total", &app.total_len().to_string()),
            ],
        ),
        theme.muted,
    ));
    Line::from(spans)
}

/// The requester with the case's tags: a restriction in force, a case flagged for review
/// after a correction (issue 18).
fn party_with_tags(s: &Summary, lang: crate::i18n::Lang) -> String {
    let mut text = s.party.clone();
    if s.review {
        text = format!("{text} {}", UiMsg::TagReview.text(lang));
    }
    if s.awaiting_approval {
        text = format!("{text} {}", UiMsg::TagAwaitingApproval.text(lang));
    }
    if s.restriction {
        text = format!("{text} {}", UiMsg::TagRestriction.text(lang));
    }
    text
}

/// The style of a case's row: its warning first, then waiting or closed.
pub fn row_style(theme: &Theme, s: &Summary, level: Level) -> Style {
    match level {
        Level::TeLaat => theme.late,
        Level::Bijna => theme.due_soon,
        _ if s.status == Status::Wachtend => theme.waiting,
        _ if !s.status.is_active() => theme.closed,
        _ => theme.text,
    }
}

fn draw_table(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let lang = app.lang();
    let now = app.now();
    if app.visible_len() == 0 {
        let msg = if app.total_len() == 0 {
            UiMsg::EmptyRegister
        } else {
            UiMsg::NoMatch
        };
        let key = app.keymap().hint(Mode::List, Action::Back);
        let lines = vec![
            Line::default(),
            Line::styled(msg.fill(lang, &[("key", &key)]), theme.muted),
        ];
        frame.render_widget(Paragraph::new(lines), area);
        return;
    }
    let body = usize::from(area.height.saturating_sub(1));
    // The behandelaar's column (issue 22): on a team's register, or once cases have more
    // than one handler; a register of one handler does not spend the room.
    let handlers = area.width >= 100 && app.shows_handlers();
    let handler_w: u16 = if handlers { 16 } else { 0 };
    let rows = app.visible().skip(app.offset()).take(body).map(|s| {
        let level = s.level(now);
        let nearest = s.nearest();
        let (due, left) = match nearest {
            Some(d) => (text::due(d), text::left_short(d, now, lang)),
            None => (String::new(), UiMsg::NoDeadline.text(lang).to_string()),
        };
        let mut cells = vec![
            Cell::from(text::marker(level, lang)),
            Cell::from(s.id.to_string()),
            Cell::from(names::kind(s.kind, lang)),
            // Who else has the case open goes first: a long name must not cut it off.
            Cell::from(match super::also_open(app, s.id) {
                Some(who) => format!("{who} · {}", party_with_tags(s, lang)),
                None => party_with_tags(s, lang),
            }),
        ];
        if handlers {
            cells.push(Cell::from(s.handler.clone()));
        }
        cells.extend([
            Cell::from(names::status(s.status, lang)),
            Cell::from(due),
            Cell::from(Line::from(left).right_aligned()),
        ]);
        Row::new(cells).style(row_style(theme, s, level))
    });
    let mut titles = vec![
        Cell::from(""),
        Cell::from(UiMsg::ColId.text(lang)),
        Cell::from(UiMsg::ColKind.text(lang)),
        Cell::from(UiMsg::ColParty.text(lang)),
    ];
    if handlers {
        titles.push(Cell::from(UiMsg::ColHandler.text(lang)));
    }
    titles.extend([
        Cell::from(UiMsg::ColStatus.text(lang)),
        Cell::from(UiMsg::ColDeadline.text(lang)),
        Cell::from(Line::from(UiMsg::ColLeft.text(lang)).right_aligned()),
    ]);
    let header = Row::new(titles).style(theme.header);
    // The requester keeps at least 16 columns on a narrow screen; the kind gives way first.
    // Below 72 columns (down to the 60 of the smallest layout) the kind goes (the filter line
    // still names it) and status and time left narrow, so the id stays whole and the requester
    // keeps some room.
    let narrow = area.width < 72;
    let due = if area.width >= 100 { 18 } else { 16 };
    let (status_w, left_w) = if narrow { (9, 5) } else { (11, 7) };
    let room = area
        .width
        .saturating_sub(2 + 11 + status_w + due + left_w + 6 + handler_w);
    let kind = if narrow {
        0
    } else {
        21.min(room.saturating_sub(16)).max(8)
    };
    let mut widths = vec![
        Constraint::Length(2),
        Constraint::Length(11),
        Constraint::Length(kind),
        Constraint::Fill(1),
    ];
    if handlers {
        widths.push(Constraint::Length(handler_w));
    }
    widths.extend([
        Constraint::Length(status_w),
        Constraint::Length(due),
        Constraint::Length(left_w),
    ]);
    let table = Table::new(rows, widths)
        .header(header)
        .column_spacing(1)
        .row_highlight_style(theme.selected);
    let mut state =
        TableState::default().with_selected(Some(app.selected().saturating_sub(app.offset())));
    frame.render_stateful_widget(table, area, &mut state);
}
