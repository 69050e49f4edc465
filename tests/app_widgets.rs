//! Widgets where colour is the behaviour: a late case's row in the theme's `late` style, a due
//! soon row in `due_soon`, and under NO_COLOR the text marker and the modifiers still carry it.
#![allow(clippy::unwrap_used)]

mod app_fixture;

use privdesk::app::App;
use privdesk::clock::Clock;
use privdesk::i18n::Lang;
use privdesk::store::{OpenOptions, Store};
use privdesk::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

fn app(no_color: bool) -> (App, Theme, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("register");
    app_fixture::fill(&db);
    let store = Store::open(&db, &OpenOptions::existing(app_fixture::now())).unwrap();
    let theme = Theme::load("default", None, no_color).unwrap();
    (
        App::new(store, Clock::Fixed(app_fixture::now()), Lang::Nl),
        theme,
        dir,
    )
}

fn draw(app: &App, theme: &Theme) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(120, 20)).unwrap();
    terminal
        .draw(|f| privdesk::ui::draw(app, theme, f))
        .unwrap();
    terminal.backend().buffer().clone()
}

fn row(buffer: &Buffer, y: u16) -> String {
    (0..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol())
        .collect::<String>()
}

#[test]
fn late_and_due_soon_rows_take_their_theme_styles() {
    let (app, theme, _dir) = app(false);
    let buffer = draw(&app, &theme);
    let theme = Theme::load("default", None, false).unwrap();
    // Row 3 is the first case (selected: reversed on top), row 4 the second late one,
    // row 5 the datalek due soon, row 7 one on time.
    assert!(
        row(&buffer, 4).starts_with("!! V-2026-0002"),
        "{}",
        row(&buffer, 4)
    );
    let late = &buffer[(20, 4)];
    assert_eq!(late.fg, theme.late.fg.unwrap());
    assert_eq!(late.fg, Color::LightRed);
    assert!(
        late.modifier
            .contains(Modifier::BOLD | Modifier::UNDERLINED)
    );
    assert!(
        row(&buffer, 5).starts_with("!  D-2026-0001"),
        "{}",
        row(&buffer, 5)
    );
    assert_eq!(buffer[(20, 5)].fg, theme.due_soon.fg.unwrap());
    assert!(
        row(&buffer, 7).starts_with("   V-2026-0005"),
        "{}",
        row(&buffer, 7)
    );
    assert_eq!(buffer[(20, 7)].fg, Color::Reset);
    // The selected row is reversed, whatever its warning.
    assert!(buffer[(20, 3)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn without_colour_the_marker_and_modifiers_still_say_late() {
    let (app, theme, _dir) = app(true);
    let buffer = draw(&app, &theme);
    let cell = &buffer[(20, 4)];
    assert_eq!(cell.fg, Color::Reset);
    assert!(
        cell.modifier
            .contains(Modifier::BOLD | Modifier::UNDERLINED)
    );
    assert!(row(&buffer, 4).starts_with("!! "));
    assert!(row(&buffer, 5).starts_with("!  "));
}
