//! The datalek screens: the AP form view (the breach's fields in the order of the AP's
//! meldformulier, section by section, what is still empty marked) and the breach register
//! (every datalek with the fields of AVG 33(5)).

use crate::ui::theme::Theme;
use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};

use super::{footer, head, status_line, text, titled};
use crate::app::breach::{FormRow, form_rows};
use crate::app::{App, Mode};
use crate::domain::breach::{Fact, Field, REGISTER, applies, is_filled, is_optional};
use crate::domain::checklist::StepId;
use crate::domain::deadline::Level;
use crate::domain::duty::{DutyKind, DutyState, duty};
use crate::domain::summary::Due;
use crate::domain::{Case, CaseId, rights};
use crate::i18n::Lang;
use crate::i18n::breach::{self as words, BreachMsg};
use crate::i18n::domain as names;
use crate::i18n::ui::UiMsg;

/// The widest a label column gets; longer questions wrap.
const LABEL_MAX: usize = 44;

/// Breaks `text` into lines of at most `width` characters at spaces (a longer word is cut),
/// keeping the text's own line breaks.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(8);
    let mut out = Vec::new();
    for para in text.lines() {
        let mut line = String::new();
        for word in para.split_whitespace() {
            let mut word = word.to_string();
            while word.chars().count() > width {
                if !line.is_empty() {
                    out.push(std::mem::take(&mut line));
                }
                let cut: String = word.chars().take(width).collect();
                word = word.chars().skip(width).collect();
                out.push(cut);
            }
            let len = line.chars().count();
            if len > 0 && len + 1 + word.chars().count() > width {
                out.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&word);
        }
        out.push(line);
    }
    if out.is_empty() {
        out.push(String::new());
    }
    out
}

/// An instant as the screens write it: Amsterdam wall time.
fn shown(t: DateTime<Utc>) -> String {
    text::instant(t)
}

/// A field's lines: the label, then its value (wrapped under the value column), or the mark
/// that it is still empty. The 72-hour mark carries its time left while the duty is open.
fn field_lines(
    app: &App,
    theme: &Theme,
    case: &Case,
    field: Field,
    label_w: usize,
    width: usize,
) -> Vec<Line<'static>> {
    let lang = app.lang();
    let value_w = width.saturating_sub(label_w + 3).max(12);
    let labels = wrap(words::label(field, lang), label_w);
    let (values, style) = match words::value(case, field, lang, shown) {
        Some(v) => {
            let mut v = v;
            if field == Field::Fact(Fact::Deadline)
                && let Some(due) = rights::breach_deadline(case)
            {
                v.push_str(&deadline_note(app, case, due));
            }
            (wrap(&v, value_w), theme.text)
        }
        None if is_optional(case, field) => (
            vec![BreachMsg::Optional.text(lang).to_string()],
            theme.muted,
        ),
        None => (
            vec![BreachMsg::ToFill.text(lang).to_string()],
            theme.due_soon,
        ),
    };
    let style = if field == Field::Fact(Fact::Deadline) {
        deadline_style(app, theme, case).unwrap_or(style)
    } else {
        style
    };
    let n = labels.len().max(values.len());
    (0..n)
        .map(|i| {
            let label = labels.get(i).cloned().unwrap_or_default();
            let value = values.get(i).cloned().unwrap_or_default();
            Line::from(vec![
                Span::raw("  "),
                Span::styled(format!("{label:<label_w$} "), theme.muted),
                Span::styled(value, style),
            ])
        })
        .collect()
}

/// `  !! te laat (3u10 over tijd)` beside the 72-hour mark, `  voldaan` once notified in
/// time, `  !! te laat voldaan (36u00 na de termijn)` once notified late.
fn deadline_note(app: &App, case: &Case, due: DateTime<Utc>) -> String {
    let (level, words) = notification_words(app, case, due);
    let marker = text::marker(level, app.lang()).trim();
    if marker.is_empty() {
        format!("  {words}")
    } else {
        format!("  {marker} {words}")
    }
}

/// The notification duty's level and words at the app's now.
fn notification_words(app: &App, case: &Case, due: DateTime<Utc>) -> (Level, String) {
    let state = duty(case, DutyKind::Notification).map_or(DutyState::Moot, |d| d.state);
    text::duty_words(Due::Instant(due), state, app.now(), app.lang())
}

fn deadline_style(app: &App, theme: &Theme, case: &Case) -> Option<Style> {
    let due = rights::breach_deadline(case)?;
    Some(match notification_words(app, case, due).0 {
        Level::TeLaat => theme.late,
        Level::Bijna => theme.due_soon,
        _ => theme.text,
    })
}

/// The label column's width for these fields.
fn label_width<'a>(fields: impl Iterator<Item = &'a Field>, lang: Lang, width: usize) -> usize {
    fields
        .map(|f| words::label(*f, lang).chars().count())
        .max()
        .unwrap_or(10)
        .min(LABEL_MAX)
        .min(width / 2)
}

/// Draws the AP form view of the open breach.
pub fn draw_ap_form(app: &App, theme: &Theme, id: CaseId, frame: &mut Frame, area: Rect) {
    let [top, body, status, foot] = super::frame_parts(area);
    let lang = app.lang();
    frame.render_widget(Paragraph::new(head(app, theme)), top);
    let mut title = BreachMsg::ApFormTitle.fill(lang, &[("id", &id.to_string())]);
    let mut lines = Vec::new();
    if let Some(case) = app.ap_form() {
        let rows = form_rows(case, app.now());
        let fields: Vec<Field> = rows
            .iter()
            .filter_map(|r| match r {
                FormRow::Field(f) => Some(*f),
                FormRow::Section(_) => None,
            })
            .collect();
        let open = fields
            .iter()
            .filter(|f| !is_filled(case, **f) && !is_optional(case, **f))
            .count();
        let state = if open == 0 {
            BreachMsg::ApFormComplete.text(lang).to_string()
        } else if open == 1 {
            BreachMsg::ApFormOpenOne.text(lang).to_string()
        } else {
            BreachMsg::ApFormOpen.fill(lang, &[("n", &open.to_string())])
        };
        title = format!("{title} · {state}");
        let width = usize::from(body.width.saturating_sub(4));
        let label_w = label_width(fields.iter(), lang, width);
        for row in rows.iter().skip(app.ap_form_scroll()) {
            match row {
                FormRow::Section(s) => {
                    if !lines.is_empty() {
                        lines.push(Line::default());
                    }
                    lines.push(Line::styled(words::section(*s, lang), theme.header));
                }
                FormRow::Field(f) => {
                    lines.extend(field_lines(app, theme, case, *f, label_w, width))
                }
            }
        }
    }
    frame.render_widget(Paragraph::new(lines).block(titled(theme, title)), body);
    frame.render_widget(Paragraph::new(status_line(app, theme)), status);
    frame.render_widget(Paragraph::new(footer(app, theme, Mode::ApForm)), foot);
}

/// A step's answer in words for a register cell, `—` while empty.
fn cell(case: &Case, step: StepId, lang: Lang) -> String {
    words::value(case, Field::Step(step), lang, shown).unwrap_or_else(|| "—".into())
}

/// Draws the breach register: every datalek in a table, the selected one's AVG 33(5) fields
/// below it.
pub fn draw_register(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let [top, body, status, foot] = super::frame_parts(area);
    let lang = app.lang();
    frame.render_widget(Paragraph::new(head(app, theme)), top);
    let cases = app.breaches();
    let title = format!(
        "{} · {}",
        BreachMsg::RegisterTitle.text(lang),
        BreachMsg::RegisterCount.fill(lang, &[("n", &cases.len().to_string())])
    );
    let outer = titled(theme, title);
    let inner = outer.inner(body);
    frame.render_widget(outer, body);
    if cases.is_empty() {
        let lines = vec![
            Line::default(),
            Line::styled(BreachMsg::RegisterEmpty.text(lang), theme.muted),
        ];
        frame.render_widget(Paragraph::new(lines), inner);
    } else {
        let table_h = u16::try_from(cases.len() + 1)
            .unwrap_or(u16::MAX)
            .min(inner.height / 3)
            .max(2);
        let [table_area, gap, detail] = Layout::vertical([
            Constraint::Length(table_h),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(inner);
        let _ = gap;
        draw_register_table(app, theme, frame, table_area);
        if let Some(case) = cases.get(app.breach_selected()) {
            draw_register_fields(app, theme, case, frame, detail);
        }
    }
    frame.render_widget(Paragraph::new(status_line(app, theme)), status);
    frame.render_widget(Paragraph::new(footer(app, theme, Mode::Breaches)), foot);
}

fn draw_register_table(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let lang = app.lang();
    let rows = app.breaches().iter().map(|c| {
        let (aware, nature) = c.breach.as_ref().map_or_else(Default::default, |b| {
            (shown(b.aware_at), names::nature(b.nature, lang).to_string())
        });
        Row::new([
            Cell::from(c.id.to_string()),
            Cell::from(aware),
            Cell::from(nature),
            Cell::from(cell(c, StepId::Risico, lang)),
            Cell::from(cell(c, StepId::ApMelding, lang)),
            Cell::from(names::status(c.status(), lang)),
        ])
    });
    let header = Row::new([
        Cell::from(UiMsg::ColId.text(lang)),
        Cell::from(BreachMsg::ColAware.text(lang)),
        Cell::from(BreachMsg::ColNature.text(lang)),
        Cell::from(BreachMsg::ColRisk.text(lang)),
        Cell::from(BreachMsg::ColAp.text(lang)),
        Cell::from(UiMsg::ColStatus.text(lang)),
    ])
    .style(theme.header);
    let widths = [
        Constraint::Length(11),
        Constraint::Length(16),
        Constraint::Fill(2),
        Constraint::Length(11),
        Constraint::Length(11),
        Constraint::Length(11),
    ];
    let table = Table::new(rows, widths)
        .header(header)
        .column_spacing(1)
        .row_highlight_style(theme.selected);
    let mut state = TableState::default().with_selected(Some(app.breach_selected()));
    frame.render_stateful_widget(table, area, &mut state);
}

/// The selected breach's register fields: those that apply or were recorded.
fn draw_register_fields(app: &App, theme: &Theme, case: &Case, frame: &mut Frame, area: Rect) {
    let lang = app.lang();
    // The 72-hour mark first, with where the duty stands: a late notification stays late.
    let fields: Vec<Field> = std::iter::once(Field::Fact(Fact::Deadline))
        .chain(REGISTER.iter().copied())
        .filter(|f| applies(case, *f, app.now()) || is_filled(case, *f))
        .collect();
    let width = usize::from(area.width.saturating_sub(2));
    let label_w = label_width(fields.iter(), lang, width);
    let mut lines = vec![Line::styled(case.id.to_string(), theme.header)];
    for f in fields {
        lines.extend(field_lines(app, theme, case, f, label_w, width));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wrap_breaks_at_spaces_keeps_line_breaks_and_cuts_long_words() {
        assert_eq!(wrap("een twee drie", 8), vec!["een twee", "drie"]);
        assert_eq!(wrap("a\nb", 20), vec!["a", "b"]);
        assert_eq!(wrap("abcdefghijkl", 8), vec!["abcdefgh", "ijkl"]);
        assert_eq!(wrap("", 8), vec![""]);
    }
}
