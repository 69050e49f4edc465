//! Rendering: reads the app's state, writes a frame, changes nothing.
//!
//! - `list` — the case list (home), with its header, filters, status line and footer.
//! - `detail` — a case's short detail.
//! - `form` — form fields, for every screen that asks the user to type.
//! - `help` — the keys, generated from the keymap table.
//! - `theme` — the semantic styles.
//! - `text` — shared formatting of dates and time left.

pub mod detail;
pub mod form;
pub mod help;
pub mod list;
pub mod text;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::{App, Mode, Screen};
use crate::i18n::ui::UiMsg;
use crate::store::Health;

/// Draws the whole screen for the app's state.
pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    match app.screen() {
        Screen::List => list::draw(app, frame, area),
        Screen::Detail(id) => detail::draw(app, id, frame, area),
        Screen::Help => {
            match app.screen_below() {
                Screen::Detail(id) => detail::draw(app, id, frame, area),
                _ => list::draw(app, frame, area),
            }
            help::draw(app, frame, area);
        }
    }
}

/// The footer: the current mode's keys marked for it in the keymap table.
pub(crate) fn footer(app: &App, mode: Mode) -> Line<'static> {
    let theme = app.theme();
    let lang = app.lang();
    let mut spans = Vec::new();
    for (key, label) in app.keymap().footer(mode) {
        if !spans.is_empty() {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(key.to_string(), theme.key_hint));
        spans.push(Span::styled(format!(" {}", label.text(lang)), theme.muted));
    }
    Line::from(spans)
}

/// The status line: the app's message, styled by whether it reports a failure.
pub(crate) fn status_line(app: &App) -> Line<'static> {
    let theme = app.theme();
    match app.message() {
        Some(m) if m.error => Line::styled(m.text.clone(), theme.status_error),
        Some(m) => Line::styled(m.text.clone(), theme.status_ok),
        None => Line::default(),
    }
}

/// The banners that must not be missed: DEMO on a demo register, and a damaged or read-only
/// register; each followed by a space.
pub(crate) fn banners(app: &App) -> Vec<Span<'static>> {
    let theme = app.theme();
    let lang = app.lang();
    let mut out = Vec::new();
    if app.is_demo() {
        out.push(Span::styled(UiMsg::Demo.text(lang), theme.banner));
        out.push(Span::raw(" "));
    }
    let health = match app.health() {
        Health::Ok => None,
        Health::Damaged(_) => Some(UiMsg::Damaged),
        Health::ReadOnly(_) => Some(UiMsg::ReadOnlyBanner),
    };
    if let Some(msg) = health {
        out.push(Span::styled(format!(" {} ", msg.text(lang)), theme.banner));
        out.push(Span::raw(" "));
    }
    out
}

/// A rectangle of at most `width` x `height`, centred in `area`.
pub(crate) fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}
