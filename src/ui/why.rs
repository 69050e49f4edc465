//! Draws "Waarom deze datum?" over the case's detail or checklist: each deadline with the
//! steps the deadline code took, in words.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Padding, Paragraph, Wrap};

use super::{centred, footer};
use crate::app::why::Explained;
use crate::app::{App, Mode};
use crate::i18n::why::{WhyMsg, heading, instant, step};
use crate::ui::theme::Theme;

/// The explanation's lines.
pub fn lines(explained: &[Explained], app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let lang = app.lang();
    let mut lines = Vec::new();
    if explained.is_empty() {
        lines.push(Line::styled(WhyMsg::NoDates.text(lang), theme.muted));
    }
    for e in explained {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        let (head, steps) = match e {
            Explained::Date(which, date, steps) => (heading(*which, *date, lang), steps),
            Explained::Breach(at, steps) => (
                WhyMsg::Breach.fill(lang, &[("at", &instant(*at, lang))]),
                steps,
            ),
        };
        lines.push(Line::styled(head, theme.header));
        for s in steps {
            lines.push(Line::from(vec![
                Span::styled("  · ", theme.muted),
                Span::styled(step(s, lang), theme.text),
            ]));
        }
    }
    lines
}

/// Draws the explanation over `area`.
pub fn draw(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some((explained, scroll)) = app.why() else {
        return;
    };
    let lang = app.lang();
    let body = lines(explained, app, theme);
    // As high as the text (with room for lines that wrap), never past the screen.
    let want = u16::try_from(body.len() + body.len() / 2 + 2).unwrap_or(u16::MAX);
    let popup = centred(area, 100, want.min(area.height.saturating_sub(4)));
    frame.render_widget(Clear, popup);
    let title = Span::styled(format!(" {} ", WhyMsg::Title.text(lang)), theme.title);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .padding(Padding::horizontal(1))
        .title(title);
    // The screen below keeps its look, but its footer is this screen's: only these keys act.
    let foot = Rect {
        y: area.bottom().saturating_sub(1),
        height: area.height.min(1),
        ..area
    };
    frame.render_widget(Clear, foot);
    frame.render_widget(Paragraph::new(footer(app, theme, Mode::Why)), foot);
    frame.render_widget(
        Paragraph::new(body)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        popup,
    );
}
