//! Draws a [`Form`]: a label column and a value column, one row per single-line field, the
//! message under a field whose value was refused, a multi-line field taking the rows left. The
//! focused field's label is `field_focus`, its cursor a reversed cell (visible without colour
//! and in headless screens); a refused field's label and message are `field_error`. When the
//! fields do not fit, the form scrolls so the focused field stays in view.
//!
//! Every screen with a form calls [`draw_fields`]; the new verzoek screen is [`draw`]. A prompt
//! (the checklist's short forms) is the same [`Form`] drawn compactly by [`draw_prompt`]: one
//! `label: value` row per field, the focused choice's options numbered under it, a key hint.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::text::{clip, tail};
use super::{footer, status_line, titled};
use crate::app::form::{Field, Form, Input, LineInput};
use crate::app::{App, Mode};
use crate::i18n::Lang;
use crate::i18n::form::FormMsg;
use crate::i18n::ui::UiMsg;
use crate::ui::theme::Theme;

/// Rows a multi-line field takes at least.
const MULTI_MIN_ROWS: u16 = 3;

/// The new-verzoek screen: header, the form in a block, status line, footer.
pub fn draw(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    draw_titled(
        app,
        theme,
        UiMsg::NewRequestTitle.text(app.lang()),
        frame,
        area,
    );
}

/// A form screen with this title (the new verzoek, the new datalek): header, the open form in
/// a block, status line, footer.
pub fn draw_titled(app: &App, theme: &Theme, title: &str, frame: &mut Frame, area: Rect) {
    let Some(form) = app.request_form() else {
        return;
    };
    let lang = app.lang();
    let [head, body, status, foot] = super::frame_parts(area);
    frame.render_widget(Paragraph::new(super::head(app, theme)), head);
    let block = titled(theme, title.to_string());
    let inner = block.inner(body);
    frame.render_widget(block, body);
    draw_fields(form, theme, lang, frame, inner);
    frame.render_widget(Paragraph::new(status_line(app, theme)), status);
    let mut keys = footer(app, theme, Mode::Form);
    // A choice's own keys are the field's, not the keymap's: the footer says them while one has
    // the focus.
    if let Some(Input::Choice { .. }) = form.focused().map(Field::input) {
        keys.spans.push(Span::raw("  "));
        keys.spans
            .push(Span::styled(Field::choice_keys(), theme.key_hint));
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
    let label_style = label_style(field, focused, theme);
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
    draw_value(field, focused, theme, lang, frame, value_rect);
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

/// A field's label tells at a glance which field has an error and which has the focus.
fn label_style(field: &Field, focused: bool, theme: &Theme) -> Style {
    if field.error().is_some() {
        theme.field_error
    } else if focused {
        theme.field_focus
    } else {
        theme.muted
    }
}

/// A field's value as its kind of input shows it: a line with its cursor and hint, a choice
/// between arrows, a text area.
fn draw_value(
    field: &Field,
    focused: bool,
    theme: &Theme,
    lang: Lang,
    frame: &mut Frame,
    value_rect: Rect,
) {
    match field.input() {
        Input::Text(l) | Input::Number(l) => frame.render_widget(
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
        Input::Choice { options, at, .. } => {
            let name = options
                .get(*at)
                .cloned()
                .unwrap_or_else(|| FormMsg::ChoiceUnset.text(lang).to_string());
            // Its keys are in the footer.
            let line = if focused {
                Line::from(vec![
                    Span::styled("◀ ", theme.key_hint),
                    Span::styled(name, theme.input.add_modifier(Modifier::BOLD)),
                    Span::styled(" ▶", theme.key_hint),
                ])
            } else {
                Line::from(vec![Span::raw("  "), Span::styled(name, theme.input)])
            };
            frame.render_widget(Paragraph::new(line), value_rect);
        }
        // Only a checklist prompt asks several choices; a form shows what is chosen.
        Input::Several { .. } => {
            let line = Line::from(vec![
                Span::raw("  "),
                Span::styled(field.value(), theme.input),
            ]);
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

/// Rows a prompt takes: a border, its fields, the options of a focused choice. Its keys are
/// in the footer ([`prompt_footer`]).
pub fn prompt_height(form: &Form) -> u16 {
    let options = match form.focused().map(Field::input) {
        Some(Input::Choice { options, .. } | Input::Several { options, .. }) => options.len(),
        _ => 0,
    };
    // A multi-line field shows its lines under its label (a note, an address).
    let lines: usize = form
        .fields()
        .iter()
        .filter(|f| f.is_multi_line())
        .map(|f| f.value().lines().count().max(1))
        .sum();
    u16::try_from(form.fields().len() + options + lines + 2).unwrap_or(u16::MAX)
}

/// The footer under a prompt: its keys from the keymap, the key that goes on named for
/// recording on the last field, and a focused choice's own digits. In a field of several
/// lines Enter is a new line and the keymap's other key goes on; in a field of several
/// options a digit or Space turns one on or off.
pub fn prompt_footer(app: &App, theme: &Theme, form: &Form) -> Line<'static> {
    let lang = app.lang();
    let last = form.focus() + 1 == form.fields().len();
    let multi = form.focused().is_some_and(Field::is_multi_line);
    let several = matches!(
        form.focused().map(Field::input),
        Some(Input::Several { .. })
    );
    let mut spans = Vec::new();
    let pair = |spans: &mut Vec<Span<'static>>, key: String, label: &str| {
        if !spans.is_empty() {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(key, theme.key_hint));
        spans.push(Span::styled(format!(" {label}"), theme.muted));
    };
    let digits = form.focused().and_then(Field::choice_digits);
    let keymap = app.keymap();
    for (key, label) in keymap.footer(Mode::Prompt, |a| app.applies(a)) {
        let next = if last {
            UiMsg::FootPromptRecord
        } else {
            UiMsg::FootPromptNext
        };
        let (key, label) = match (label, &digits) {
            (UiMsg::FootPromptNext, _) if multi => {
                // Enter is the field's own (a new line): the other key bound to going on.
                let other = keymap
                    .rows(Mode::Prompt)
                    .find(|b| b.action == crate::app::Action::PromptNext && b.key != key)
                    .map(|b| b.key.to_string())
                    .unwrap_or_default();
                pair(&mut spans, key.to_string(), UiMsg::FootNewLine.text(lang));
                (other, next)
            }
            (UiMsg::FootPromptNext, _) => (key.to_string(), next),
            // Choosing is for a choice, with its own digits beside the keymap's key.
            (UiMsg::FootChoose, None) if several => (key.to_string(), label),
            (UiMsg::FootChoose, None) => continue,
            (UiMsg::FootChoose, Some(d)) => (format!("{key}/{d}"), label),
            _ => (key.to_string(), label),
        };
        pair(&mut spans, key, label.text(lang));
    }
    if several {
        pair(&mut spans, "<Space>".into(), UiMsg::FootToggle.text(lang));
    }
    Line::from(spans)
}

/// Draws a prompt: `form` compactly in a block titled `title`, over whatever is in `area`.
pub fn draw_prompt(title: &str, form: &Form, theme: &Theme, frame: &mut Frame, area: Rect) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.field_focus)
        .title(Span::styled(format!(" {title} "), theme.title));
    let mut lines = Vec::new();
    let inner = usize::from(area.width.saturating_sub(2));
    for (i, f) in form.fields().iter().enumerate() {
        prompt_field_lines(&mut lines, f, i == form.focus(), inner, theme);
    }
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// One field of a prompt: its label and value on one row, a multi-line text's lines under
/// it, and a focused choice's options.
fn prompt_field_lines(
    lines: &mut Vec<Line<'static>>,
    f: &Field,
    focus: bool,
    inner: usize,
    theme: &Theme,
) {
    // A long text shows its end while typed (where the cursor is), its start otherwise.
    let room = inner.saturating_sub(f.label().chars().count() + 5).max(8);
    let value = prompt_value(f, focus, room);
    let label_style = label_style(f, focus, theme);
    lines.push(Line::from(vec![
        Span::styled(
            format!("{} {}: ", if focus { ">" } else { " " }, f.label()),
            label_style,
        ),
        Span::styled(value, theme.input),
    ]));
    if let Input::Multi(area) = f.input() {
        // Each line its own row, literal text; the cursor at the end of the focused one.
        let n = area.lines().len();
        for (k, l) in area.lines().iter().enumerate() {
            let cursor = if focus && k + 1 == n { "▏" } else { "" };
            lines.push(Line::styled(
                format!("    {}{cursor}", clip(l, inner.saturating_sub(6))),
                theme.input,
            ));
        }
    }
    if let (
        true,
        Input::Several {
            options,
            chosen,
            at,
        },
    ) = (focus, f.input())
    {
        for (n, o) in options.iter().enumerate() {
            let style = if n == *at { theme.selected } else { theme.text };
            let mark = if chosen.get(n).copied().unwrap_or(false) {
                "[x]"
            } else {
                "[ ]"
            };
            lines.push(Line::styled(format!("    {mark} {} {o}", n + 1), style));
        }
    }
    if let (true, Input::Choice { options, at, .. }) = (focus, f.input()) {
        for (n, o) in options.iter().enumerate() {
            let style = if n == *at { theme.selected } else { theme.text };
            let mark = if n == *at { "●" } else { "○" };
            lines.push(Line::styled(format!("    {mark} {} {o}", n + 1), style));
        }
    }
}

/// A long text shows its end while typed (where the cursor is), its start otherwise.
fn prompt_value(f: &Field, focus: bool, room: usize) -> String {
    match f.input() {
        Input::Choice { options, at, .. } => options.get(*at).cloned().unwrap_or_default(),
        Input::Several { .. } => clip(&f.value(), room),
        Input::Multi(_) => String::new(),
        Input::Text(l) | Input::Date(l) | Input::Instant(l) | Input::Number(l) if focus => {
            let (before, after): (String, String) = {
                let chars: Vec<char> = l.value().chars().collect();
                let at = l.cursor().min(chars.len());
                (chars[..at].iter().collect(), chars[at..].iter().collect())
            };
            let shown = format!("{}▏{after}", tail(&before, room.saturating_sub(1)));
            clip(&shown, room)
        }
        Input::Text(l) | Input::Date(l) | Input::Instant(l) | Input::Number(l) => {
            clip(l.value(), room)
        }
    }
}
