//! Draws a [`Form`]: a label column and a value column, one row per single-line field, the
//! message under a field whose value was refused, a multi-line field taking the rows left. The
//! focused field's label is `field_focus`, its cursor a reversed cell (visible without colour
//! and in headless screens); a refused field's label and message are `field_error`. When the
//! fields do not fit, the form scrolls so the focused field stays in view.
//!
//! Every screen with a form calls [`draw_fields`]; the new verzoek screen is [`draw`].

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{banners, footer, status_line};
use crate::app::form::{Field, Form, Input, LineInput};
use crate::app::{App, Mode};
use crate::i18n::Lang;
use crate::i18n::form::FormMsg;
use crate::i18n::ui::UiMsg;
use crate::ui::theme::Theme;

/// Rows a multi-line field takes at least.
const MULTI_MIN_ROWS: u16 = 3;

/// The new-verzoek screen: header, the form in a block, status line, footer.
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    draw_titled(app, UiMsg::NewRequestTitle.text(app.lang()), frame, area);
}

/// A form screen with this title (the new verzoek, the new datalek): header, the open form in
/// a block, status line, footer.
pub fn draw_titled(app: &App, title: &str, frame: &mut Frame, area: Rect) {
    let Some(form) = app.request_form() else {
        return;
    };
    let theme = app.theme();
    let lang = app.lang();
    let [head, body, status, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let mut head_spans = banners(app);
    head_spans.push(Span::styled(UiMsg::Title.text(lang), theme.title));
    frame.render_widget(Paragraph::new(Line::from(head_spans)), head);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(Span::styled(format!(" {title} "), theme.title));
    let inner = block.inner(body);
    frame.render_widget(block, body);
    draw_fields(form, theme, lang, frame, inner);
    frame.render_widget(Paragraph::new(status_line(app)), status);
    let mut keys = footer(app, Mode::Form);
    // A choice's own keys are the field's, not the keymap's: the footer says them while one has
    // the focus.
    if let Some(Input::Choice { .. }) = form.focused().map(Field::input) {
        keys.spans.push(Span::raw("  "));
        keys.spans
            .push(Span::styled("<Left>/<Right>/<Space>", theme.key_hint));
        keys.spans.push(Span::styled(
            format!(" {}", UiMsg::FootChoose.text(lang)),
            theme.muted,
        ));
    }
    frame.render_widget(Paragraph::new(keys), foot);
}

/// The rows a field takes (its value, and its message if any), given the rows a multi-line
/// field gets.
fn height(field: &Field, multi_rows: u16) -> u16 {
    let value = if field.is_multi_line() { multi_rows } else { 1 };
    value + u16::from(field.error().is_some())
}

/// Draws the fields of `form` into `area`.
pub fn draw_fields(form: &Form, theme: &Theme, lang: Lang, frame: &mut Frame, area: Rect) {
    let fields = form.fields();
    if area.height == 0 || area.width == 0 {
        return;
    }
    let label_w = fields
        .iter()
        .map(|f| Span::raw(f.label()).width() + 3)
        .max()
        .unwrap_or(10)
        .min(usize::from(area.width / 3));
    let label_w = u16::try_from(label_w).unwrap_or(u16::MAX);
    // A multi-line field gets the rows the single-line fields leave, at least MULTI_MIN_ROWS.
    let fixed: u16 = fields
        .iter()
        .filter(|f| !f.is_multi_line())
        .map(|f| height(f, 0))
        .sum::<u16>()
        + fields
            .iter()
            .filter(|f| f.is_multi_line())
            .map(|f| u16::from(f.error().is_some()))
            .sum::<u16>();
    let multis = u16::try_from(fields.iter().filter(|f| f.is_multi_line()).count()).unwrap_or(1);
    let multi_rows = area
        .height
        .saturating_sub(fixed)
        .checked_div(multis)
        .map_or(0, |r| r.max(MULTI_MIN_ROWS));
    // Scroll whole fields so the focused one is in view.
    let heights: Vec<u16> = fields.iter().map(|f| height(f, multi_rows)).collect();
    let focus = form.focus().min(fields.len().saturating_sub(1));
    let mut first = 0;
    while first < focus {
        let used: u16 = heights[first..=focus].iter().sum();
        if used <= area.height {
            break;
        }
        first += 1;
    }
    let mut y = area.y;
    let bottom = area.y + area.height;
    for (i, field) in fields.iter().enumerate().skip(first) {
        if y >= bottom {
            break;
        }
        let focused = i == form.focus();
        let h = heights[i].min(bottom - y);
        let rect = Rect::new(area.x, y, area.width, h);
        draw_field(field, focused, theme, lang, frame, rect, label_w);
        y += h;
    }
}

fn draw_field(
    field: &Field,
    focused: bool,
    theme: &Theme,
    lang: Lang,
    frame: &mut Frame,
    rect: Rect,
    label_w: u16,
) {
    let label_style = if field.error().is_some() {
        theme.field_error
    } else if focused {
        theme.field_focus
    } else {
        theme.muted
    };
    let mark = if field.is_required() {
        FormMsg::RequiredMark.text(lang)
    } else {
        ""
    };
    let pointer = if focused { "›" } else { " " };
    let label = format!("{pointer}{}{mark}", field.label());
    let [label_area, value_area] =
        Layout::horizontal([Constraint::Length(label_w), Constraint::Fill(1)]).areas(rect);
    frame.render_widget(
        Paragraph::new(Line::styled(label, label_style)),
        Rect {
            height: 1,
            ..label_area
        },
    );
    let error_rows = u16::from(field.error().is_some());
    let value_rect = Rect {
        height: value_area.height.saturating_sub(error_rows).max(1),
        ..value_area
    };
    match field.input() {
        Input::Text(l) => frame.render_widget(
            Paragraph::new(line_input(l, focused, theme, None)),
            value_rect,
        ),
        Input::Date(l) => {
            let hint = FormMsg::DateHint.text(lang);
            frame.render_widget(
                Paragraph::new(line_input(l, focused, theme, Some(hint))),
                value_rect,
            )
        }
        Input::Instant(l) => {
            let hint = FormMsg::InstantHint.text(lang);
            frame.render_widget(
                Paragraph::new(line_input(l, focused, theme, Some(hint))),
                value_rect,
            )
        }
        Input::Choice { options, at } => {
            let name = options.get(*at).cloned().unwrap_or_default();
            let line = if focused {
                Line::from(vec![
                    Span::styled("◀ ", theme.key_hint),
                    Span::styled(name, theme.input.add_modifier(Modifier::BOLD)),
                    Span::styled(" ▶", theme.key_hint),
                    Span::styled(
                        format!("   {}", FormMsg::ChoiceHint.text(lang)),
                        theme.muted,
                    ),
                ])
            } else {
                Line::from(vec![Span::raw("  "), Span::styled(name, theme.input)])
            };
            frame.render_widget(Paragraph::new(line), value_rect);
        }
        Input::Multi(area) => {
            let mut area = (**area).clone();
            area.set_style(theme.input);
            area.set_block(
                Block::default()
                    .borders(Borders::LEFT)
                    .border_style(if focused {
                        theme.field_focus
                    } else {
                        theme.border
                    }),
            );
            let cursor = if focused {
                Style::default().add_modifier(Modifier::REVERSED)
            } else {
                theme.input
            };
            area.set_cursor_style(cursor);
            frame.render_widget(&area, value_rect);
        }
    }
    if let Some(error) = field.error() {
        let rect = Rect {
            y: value_area.y + value_area.height.saturating_sub(1),
            height: 1,
            ..value_area
        };
        frame.render_widget(
            Paragraph::new(Line::styled(format!("⚠ {error}"), theme.field_error)),
            rect,
        );
    }
}

/// A single-line value; focused, with its cursor as a reversed cell; a hint after it.
fn line_input(l: &LineInput, focused: bool, theme: &Theme, hint: Option<&str>) -> Line<'static> {
    let mut spans = vec![Span::raw("  ")];
    if focused {
        let chars: Vec<char> = l.value().chars().collect();
        let at = l.cursor().min(chars.len());
        let before: String = chars[..at].iter().collect();
        let under: String = chars.get(at).map_or(" ".to_string(), |c| c.to_string());
        let after: String = chars
            .get(at + 1..)
            .map_or(String::new(), |r| r.iter().collect());
        spans.push(Span::styled(before, theme.input));
        spans.push(Span::styled(
            under,
            theme.input.add_modifier(Modifier::REVERSED),
        ));
        spans.push(Span::styled(after, theme.input));
    } else {
        spans.push(Span::styled(l.value().to_string(), theme.input));
    }
    if let Some(hint) = hint
        && (focused || l.value().is_empty())
    {
        spans.push(Span::styled(format!("   {hint}"), theme.muted));
    }
    Line::from(spans)
}
