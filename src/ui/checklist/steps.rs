//! The checklist's steps: the visible ones grouped by phase, the cursor's row kept in view,
//! each with its answer as the screen writes it and who gave it when.

use crate::ui::theme::Theme;
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::app::checklist::Checklist;
use crate::domain::checklist::{Answer, Need, Phase, YesNo};
use crate::i18n::Lang;
use crate::i18n::checklist::{option, question};
use crate::i18n::workbench::WorkMsg;
use crate::ui::text::{self, clip};

/// The visible steps, grouped by phase, scrolled so the cursor stays in view.
pub(super) fn step_lines(
    app: &App,
    theme: &Theme,
    c: &Checklist,
    height: u16,
    width: u16,
) -> Vec<Line<'static>> {
    let lang = app.lang();
    let steps = c.case.visible_steps(app.today());
    let mut rows: Vec<(Option<usize>, Line<'static>)> = Vec::new();
    let mut phase = None;
    let width = usize::from(width);
    let qwidth = (width / 2).clamp(20, 64);
    let awidth = width.saturating_sub(qwidth + 4 + 34).clamp(8, 40);
    for (i, step) in steps.iter().enumerate() {
        if phase != Some(step.phase) {
            phase = Some(step.phase);
            let name = match step.phase {
                Phase::Intake => WorkMsg::PhaseIntake,
                Phase::Beoordeling => WorkMsg::PhaseBeoordeling,
                Phase::Datalek => WorkMsg::PhaseDatalek,
            };
            rows.push((
                None,
                Line::styled(name.text(lang).to_string(), theme.header),
            ));
        }
        let record = c.case.answers.get(&step.id);
        let need = c.case.need(step, app.now());
        let mark = match (record, need) {
            (Some(_), _) => "✓",
            (None, Need::Required) => "·",
            (None, Need::Optional) => " ",
        };
        let cursor = if step.id == c.cursor { ">" } else { " " };
        let mut q = question(step.id, lang).to_string();
        if need == Need::Optional {
            q = format!("{q} {}", WorkMsg::Optional.text(lang));
        }
        let answer = record.map_or_else(
            || WorkMsg::Unanswered.text(lang).to_string(),
            |r| answer_text(&r.answer, lang),
        );
        let by = record.map_or_else(String::new, |r| {
            WorkMsg::AnswerBy.fill(lang, &[("by", &r.by), ("at", &text::instant(r.at))])
        });
        let style = if step.id == c.cursor {
            theme.selected
        } else if record.is_some() {
            theme.text
        } else {
            theme.muted
        };
        let line = Line::from(vec![
            Span::styled(
                format!(
                    "{cursor}{mark} {:<qw$} {:<aw$} ",
                    clip(&q, qwidth),
                    clip(&answer, awidth),
                    qw = qwidth,
                    aw = awidth
                ),
                style,
            ),
            Span::styled(by, theme.muted),
        ]);
        rows.push((Some(i), line));
    }
    let height = usize::from(height).max(1);
    let at = rows
        .iter()
        .position(|(i, _)| *i == Some(c.cursor_row(&steps)))
        .unwrap_or(0);
    let skip = (at + 1).saturating_sub(height);
    rows.into_iter().skip(skip).map(|(_, l)| l).collect()
}

/// An answer as the screen writes it.
fn answer_text(a: &Answer, lang: Lang) -> String {
    match a {
        Answer::YesNo(yes) => option(YesNo::from_bool(*yes).slug(), lang).to_string(),
        Answer::Choice(c) => option(c, lang).to_string(),
        Answer::Choices(cs) => cs
            .iter()
            .map(|c| option(c, lang))
            .collect::<Vec<_>>()
            .join(", "),
        Answer::Date(d) => d.to_string(),
        Answer::Instant(t) => text::instant(*t),
        Answer::Text(t) => t.clone(),
        Answer::Number(n) => n.to_string(),
    }
}
