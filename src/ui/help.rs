//! The `?` overlay: the keys of every mode, generated from the keymap table (so it can't drift
//! from dispatch), the keys of the screen it was opened from first (`App::help_sections`).

use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Padding, Paragraph};

use super::{centred, footer};
use crate::app::{App, Mode};
use crate::i18n::ui::UiMsg;

/// Draws the help over `area`.
pub fn draw(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let lang = app.lang();
    let mut lines = Vec::new();
    for (mode, keys) in app.help_sections() {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::styled(mode.title().text(lang), theme.header));
        for (keys, help) in keys {
            let keys: Vec<String> = keys.iter().map(ToString::to_string).collect();
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<18}", keys.join(", ")), theme.key_hint),
                Span::styled(help.text(lang), theme.text),
            ]));
        }
    }
    let popup = centred(area, 70, area.height.saturating_sub(2));
    frame.render_widget(Clear, popup);
    let title = Span::styled(format!(" {} ", UiMsg::HelpTitle.text(lang)), theme.title);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .padding(Padding::horizontal(1))
        .title(title)
        .title_bottom(footer(app, theme, Mode::Help));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((app.help_scroll(), 0)),
        popup,
    );
}
