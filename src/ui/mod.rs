//! Rendering: reads the app's state, writes a frame, changes nothing.
//!
//! - `list` — the case list (home), with its header, filters, status line and footer.
//! - `detail` — a case's short detail.
//! - `breach` — the datalek screens: the AP form view and the breach register.
//! - `form` — form fields, for every screen that asks the user to type.
//! - `checklist` — a case's checklist workbench and its prompts.
//! - `help` — the keys, generated from the keymap table.
//! - `theme` — the semantic styles.
//! - `text` — shared formatting of dates and time left.

pub mod breach;
pub mod checklist;
pub mod detail;
pub mod form;
pub mod help;
pub mod list;
pub mod text;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::app::{App, Confirm, Mode, Screen};
use crate::i18n::form::FormMsg;
use crate::i18n::ui::UiMsg;
use crate::store::{ChainState, Health};

/// The smallest screen privdesk draws its layout on; below it says "make the window larger".
pub const MIN_SIZE: (u16, u16) = (60, 20);

/// Draws the whole screen for the app's state.
pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        too_small(app, frame, area);
        return;
    }
    match app.screen() {
        Screen::Help => {
            draw_screen(app, app.screen_below(), frame, area);
            help::draw(app, frame, area);
        }
        screen => draw_screen(app, screen, frame, area),
    }
    if let Some(question) = app.confirm() {
        confirm(app, question, frame, area);
    }
}

fn draw_screen(app: &App, screen: Screen, frame: &mut Frame, area: Rect) {
    match screen {
        Screen::Detail(id) => detail::draw(app, id, frame, area),
        Screen::NewRequest => form::draw(app, frame, area),
        Screen::NewBreach => {
            let title = crate::i18n::breach::BreachMsg::NewBreachTitle.text(app.lang());
            form::draw_titled(app, title, frame, area);
        }
        Screen::ApForm(id) => breach::draw_ap_form(app, id, frame, area),
        Screen::Breaches => breach::draw_register(app, frame, area),
        Screen::Checklist(_) => checklist::draw(app, frame, area),
        Screen::List | Screen::Help => list::draw(app, frame, area),
    }
}

/// A screen too small for the layout: a short message instead of a broken one; the layout comes
/// back as soon as the terminal is large enough again.
fn too_small(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang();
    let theme = app.theme();
    let size = [
        ("w", area.width.to_string()),
        ("h", area.height.to_string()),
        ("minw", MIN_SIZE.0.to_string()),
        ("minh", MIN_SIZE.1.to_string()),
    ];
    let size: Vec<(&str, &str)> = size.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let lines = vec![
        Line::styled(UiMsg::TooSmall.text(lang), theme.title),
        Line::styled(UiMsg::TooSmallSize.fill(lang, &size), theme.muted),
    ];
    let rect = centred(area, area.width, 2);
    frame.render_widget(
        Paragraph::new(lines)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        rect,
    );
}

/// The yes/no question, over the screen.
fn confirm(app: &App, question: Confirm, frame: &mut Frame, area: Rect) {
    let lang = app.lang();
    let theme = app.theme();
    let text = match question {
        Confirm::DiscardForm => FormMsg::AskDiscard.text(lang),
        Confirm::DiscardAndQuit => FormMsg::AskDiscardQuit.text(lang),
    };
    let width = u16::try_from(Span::raw(text).width() + 4).unwrap_or(u16::MAX);
    let rect = centred(area, width.min(area.width.saturating_sub(4)), 5);
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.field_focus);
    let lines = vec![
        Line::styled(text, theme.title),
        Line::default(),
        footer(app, Mode::Confirm),
    ];
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        rect,
    );
}

/// The footer: the mode's keys marked for it in the keymap table, those that apply to the case
/// in view.
pub(crate) fn footer(app: &App, mode: Mode) -> Line<'static> {
    let theme = app.theme();
    let lang = app.lang();
    let mut spans = Vec::new();
    for (key, label) in app.keymap().footer(mode, |a| app.applies(a)) {
        if !spans.is_empty() {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(key.to_string(), theme.key_hint));
        spans.push(Span::styled(format!(" {}", label.text(lang)), theme.muted));
    }
    Line::from(spans)
}

/// A screen's rows: the header, a bordered body, the status line and the footer.
pub(crate) fn frame_parts(area: Rect) -> [Rect; 4] {
    ratatui::layout::Layout::vertical([
        ratatui::layout::Constraint::Length(1),
        ratatui::layout::Constraint::Fill(1),
        ratatui::layout::Constraint::Length(1),
        ratatui::layout::Constraint::Length(1),
    ])
    .areas(area)
}

/// The header row of a screen: the banners that must not be missed, then privdesk's name.
pub(crate) fn head(app: &App) -> Line<'static> {
    let mut spans = banners(app);
    spans.push(Span::styled(
        UiMsg::Title.text(app.lang()),
        app.theme().title,
    ));
    Line::from(spans)
}

/// The bordered block a screen's body stands in, titled ` {title} `.
pub(crate) fn titled(theme: &theme::Theme, title: String) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(Span::styled(format!(" {title} "), theme.title))
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

/// The banners that must not be missed: DEMO on a demo register, a damaged or read-only
/// register, and a journal whose chain the background check found broken; each followed by a
/// space.
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
        Health::Damaged(crate::store::Damage::DiskFull) => Some(UiMsg::DiskFullBanner.text(lang)),
        Health::Damaged(_) => Some(UiMsg::Damaged.text(lang)),
        // Moved to a team's register: read-only for good, not until a restart.
        Health::ReadOnly(crate::store::ReadOnlyWhy::Moved) => {
            Some(crate::i18n::postgres::PgMsg::Moved.text(lang))
        }
        Health::ReadOnly(_) => Some(UiMsg::ReadOnlyBanner.text(lang)),
    };
    if let Some(text) = health {
        out.push(Span::styled(format!(" {text} "), theme.banner));
        out.push(Span::raw(" "));
    }
    let chain = match app.chain_state() {
        Some(ChainState::Broken(bad)) => {
            Some(UiMsg::JournalBroken.fill(lang, &[("line", &bad.line.to_string())]))
        }
        Some(ChainState::Unreadable(_)) => Some(UiMsg::JournalUnreadable.text(lang).to_string()),
        _ => None,
    };
    if let Some(text) = chain {
        out.push(Span::styled(format!(" {text} "), theme.banner));
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
