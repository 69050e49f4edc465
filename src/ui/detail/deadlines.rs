//! The detail's deadlines: each legal date with its warning level and time left, the
//! organisation's internal target, and while an extension is possible the last day for its
//! notice.

use crate::ui::theme::Theme;
use ratatui::text::{Line, Span};

use super::LABEL;
use crate::app::App;
use crate::domain::deadline::{self, amsterdam_date, internal_target};
use crate::domain::summary::Due;
use crate::domain::{CaseKind, Summary};
use crate::i18n::detail::DetailMsg;
use crate::ui::text;

/// Each legal date with its level and time left; the internal target when configured.
pub(super) fn deadlines(out: &mut Vec<Line<'static>>, app: &App, theme: &Theme, s: &Summary) {
    let lang = app.lang();
    let now = app.now();
    let case = app
        .case_view()
        .filter(|v| v.id == s.id)
        .and_then(|v| v.case.as_ref());
    for (label, value, due, state) in text::dues(s, case, lang) {
        let (level, words) = text::duty_words(due, state, now, lang);
        out.push(Line::from(vec![
            Span::styled(format!("{:<LABEL$}", label.text(lang)), theme.muted),
            Span::styled(value, theme.text),
            Span::raw("  "),
            Span::styled(
                format!("{} {words}", text::marker(level, lang)),
                crate::ui::list::row_style(theme, s, level),
            ),
        ]));
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
    extension_window(out, app, theme, s);
}

/// While an extension is still possible, the last day to send its notice (the end of the first
/// month), marked due soon from 5 working days before it (domain.md §3.4).
fn extension_window(out: &mut Vec<Line<'static>>, app: &App, theme: &Theme, s: &Summary) {
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
