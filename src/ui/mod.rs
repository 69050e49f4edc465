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
pub mod overview;
pub mod text;
pub mod theme;
pub mod why;

use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::app::Banner;
use crate::app::{App, Confirm, Mode, Screen};
use crate::i18n::form::FormMsg;
use crate::i18n::ui::UiMsg;

/// The smallest screen privdesk draws its layout on; below it says "make the window larger".
pub const MIN_SIZE: (u16, u16) = (60, 20);

/// Draws the whole screen for the app's state.
pub fn draw(app: &App, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        too_small(app, theme, frame, area);
        return;
    }
    match app.screen() {
        Screen::Help => {
            draw_screen(app, theme, app.screen_below(), frame, area);
            help::draw(app, theme, frame, area);
        }
        Screen::Why => {
            draw_screen(app, theme, app.screen_below(), frame, area);
            why::draw(app, theme, frame, area);
        }
        screen => draw_screen(app, theme, screen, frame, area),
    }
    if let Some(question) = app.confirm() {
        confirm(app, theme, question, frame, area);
    }
}

fn draw_screen(app: &App, theme: &Theme, screen: Screen, frame: &mut Frame, area: Rect) {
    match screen {
        Screen::Detail(id) => detail::draw(app, theme, id, frame, area),
        Screen::NewRequest => form::draw(app, theme, frame, area),
        Screen::NewBreach => {
            let title = crate::i18n::breach::BreachMsg::NewBreachTitle.text(app.lang());
            form::draw_titled(app, theme, title, frame, area);
        }
        Screen::ApForm(id) => breach::draw_ap_form(app, theme, id, frame, area),
        Screen::Breaches => breach::draw_register(app, theme, frame, area),
        Screen::Overview => overview::draw(app, theme, frame, area),
        Screen::Checklist(_) => checklist::draw(app, theme, frame, area),
        Screen::List | Screen::Help | Screen::Why => list::draw(app, theme, frame, area),
    }
}

/// A screen too small for the layout: a short message instead of a broken one; the layout comes
/// back as soon as the terminal is large enough again.
fn too_small(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let lang = app.lang();
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
fn confirm(app: &App, theme: &Theme, question: Confirm, frame: &mut Frame, area: Rect) {
    let lang = app.lang();
    use crate::domain::case::Conflict;
    use crate::i18n::workbench::WorkMsg;
    // What a correction makes unlawful comes first, one line each (issue 18).
    let mut why: Vec<String> = Vec::new();
    let text = match question {
        Confirm::DiscardForm => FormMsg::AskDiscard.text(lang),
        Confirm::DiscardAndQuit => FormMsg::AskDiscardQuit.text(lang),
        Confirm::Correction {
            decision,
            extension,
        } => {
            why.push(WorkMsg::CorrectionMakes.text(lang).to_string());
            for (on, c) in [
                (decision, Conflict::Decision),
                (extension, Conflict::Extension),
            ] {
                if on {
                    why.push(format!("- {}", crate::i18n::domain::conflict(c, lang)));
                }
            }
            WorkMsg::AskCorrection.text(lang)
        }
    };
    let widest = why
        .iter()
        .map(|w| Span::raw(w.as_str()).width())
        .chain([Span::raw(text).width()])
        .max()
        .unwrap_or(0);
    let width = u16::try_from(widest + 4)
        .unwrap_or(u16::MAX)
        .min(area.width.saturating_sub(4))
        .max(10);
    // Rows: each text wrapped to the inner width, a blank line, the keys, the borders.
    let inner = usize::from(width.saturating_sub(2)).max(1);
    let rows: usize = why
        .iter()
        .map(String::as_str)
        .chain([text])
        .map(|t| Span::raw(t).width().max(1).div_ceil(inner))
        .sum::<usize>()
        + usize::from(!why.is_empty())
        + 4;
    let rect = centred(area, width, u16::try_from(rows).unwrap_or(u16::MAX));
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.field_focus);
    let mut lines: Vec<Line> = why
        .into_iter()
        .map(|w| Line::styled(w, theme.text).left_aligned())
        .collect();
    if !lines.is_empty() {
        lines.push(Line::default());
    }
    lines.extend([
        Line::styled(text, theme.title),
        Line::default(),
        footer(app, theme, Mode::Confirm),
    ]);
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
pub(crate) fn footer(app: &App, theme: &Theme, mode: Mode) -> Line<'static> {
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
pub(crate) fn head(app: &App, theme: &Theme) -> Line<'static> {
    let mut spans = banners(app, theme);
    spans.push(Span::styled(UiMsg::Title.text(app.lang()), theme.title));
    if let Some(who) = logged_in(app) {
        spans.push(Span::styled(who, theme.text));
    }
    Line::from(spans)
}

/// On a team's register: " · anna (behandelaar)" — who is logged in, and as what.
pub(crate) fn logged_in(app: &App) -> Option<String> {
    use crate::i18n::postgres::PgMsg;
    let lang = app.lang();
    let role = match app.role()? {
        crate::domain::Role::Handler => PgMsg::RoleHandler,
        crate::domain::Role::Fg => PgMsg::RoleFg,
    };
    let user = crate::domain::text::clean_line(app.user());
    Some(PgMsg::LoggedIn.fill(lang, &[("user", &user), ("role", role.text(lang))]))
}

/// A case's title with who else has it open on a team's register: "… · ook open bij anna".
pub(crate) fn with_also_open(app: &App, id: crate::domain::CaseId, title: String) -> String {
    match also_open(app, id) {
        Some(who) => format!("{title} · {who}"),
        None => title,
    }
}

/// "ook open bij anna, piet" when others have case `id` open (their names as plain text).
pub(crate) fn also_open(app: &App, id: crate::domain::CaseId) -> Option<String> {
    let names = app.also_open(id);
    if names.is_empty() {
        return None;
    }
    let names: Vec<String> = names
        .iter()
        .map(|n| crate::domain::text::clean_line(n).into_owned())
        .collect();
    Some(crate::i18n::postgres::PgMsg::AlsoOpen.fill(app.lang(), &[("users", &names.join(", "))]))
}

/// The bordered block a screen's body stands in, titled ` {title} `.
pub(crate) fn titled(theme: &theme::Theme, title: String) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(Span::styled(format!(" {title} "), theme.title))
}

/// The status line: the app's message, styled by whether it reports a failure.
pub(crate) fn status_line(app: &App, theme: &Theme) -> Line<'static> {
    match app.message() {
        Some(m) if m.error => Line::styled(m.text.clone(), theme.status_error),
        Some(m) => Line::styled(m.text.clone(), theme.status_ok),
        None => Line::default(),
    }
}

/// The banners that must not be missed: DEMO on a demo register, a damaged or read-only
/// register, and a journal whose chain the background check found broken; each followed by a
/// space.
pub(crate) fn banners(app: &App, theme: &Theme) -> Vec<Span<'static>> {
    let lang = app.lang();
    let mut out = Vec::new();
    for banner in app.banners() {
        let text = match banner {
            Banner::Demo => UiMsg::Demo.text(lang).to_string(),
            Banner::DiskFull => format!(" {} ", UiMsg::DiskFullBanner.text(lang)),
            Banner::Damaged => format!(" {} ", UiMsg::Damaged.text(lang)),
            Banner::ReadOnly => format!(" {} ", UiMsg::ReadOnlyBanner.text(lang)),
            Banner::Moved => format!(" {} ", crate::i18n::postgres::PgMsg::Moved.text(lang)),
            Banner::JournalBroken(line) => format!(
                " {} ",
                UiMsg::JournalBroken.fill(lang, &[("line", &line.to_string())])
            ),
            Banner::JournalUnreadable => format!(" {} ", UiMsg::JournalUnreadable.text(lang)),
            Banner::Offline => format!(" {} ", crate::i18n::postgres::PgMsg::Offline.text(lang)),
        };
        out.push(Span::styled(text, theme.banner));
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
