//! The app's state machine without a screen: opening records a read, key routing in search.
#![allow(clippy::unwrap_used)]

mod app_fixture;

use privdesk::app::{Action, App, Key, Mode, Screen};
use privdesk::clock::Clock;
use privdesk::domain::{CaseId, CaseKind, Event};
use privdesk::i18n::Lang;
use privdesk::store::{OpenOptions, Store};
use privdesk::ui::theme::Theme;

fn app() -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("register");
    app_fixture::fill(&db);
    let store = Store::open(&db, &OpenOptions::existing(app_fixture::now())).unwrap();
    (
        App::new(store, Clock::Fixed(app_fixture::now()), Lang::Nl),
        dir,
    )
}

fn key(c: char) -> Key {
    Key::char(c).unwrap()
}

fn named(k: &str) -> Key {
    privdesk::app::parse_keys(k).unwrap()[0]
}

#[test]
fn opening_a_case_records_that_it_was_read() {
    let (mut app, _dir) = app();
    app.update(Action::Open);
    let id = CaseId::new('V', 2026, 1);
    assert_eq!(app.screen(), Screen::Detail(id));
    let history = app.store().history(id).unwrap();
    assert!(
        matches!(history.last(), Some((_, _, user, Event::Viewed { case })) if *case == id && user == "Demo Gebruiker")
    );
}

#[test]
fn in_the_search_box_letters_are_text_and_arrows_still_move() {
    let (mut app, _dir) = app();
    app.handle_key(key('/'));
    assert_eq!(app.mode(), Mode::Search);
    for c in "q?jk".chars() {
        app.handle_key(key(c));
    }
    assert_eq!(app.search(), "q?jk");
    assert!(!app.should_quit());
    app.handle_key(named("<Esc>"));
    assert_eq!(app.search(), "");
    app.handle_key(key('/'));
    app.handle_key(key('e'));
    let before = app.selected();
    app.handle_key(named("<Down>"));
    assert_eq!(app.selected(), before + 1);
    assert_eq!(app.search(), "e");
}

#[test]
fn q_quits_from_the_list_but_only_backs_out_of_a_detail() {
    let (mut app, _dir) = app();
    app.update(Action::Open);
    // If opening failed, the status line says why.
    assert!(
        matches!(app.screen(), Screen::Detail(_)),
        "{:?}",
        app.message()
    );
    app.handle_key(key('q'));
    assert_eq!(app.screen(), Screen::List);
    assert!(!app.should_quit());
    app.handle_key(key('q'));
    assert!(app.should_quit());
}

#[test]
fn moving_never_leaves_the_list_and_an_empty_list_opens_nothing() {
    let (mut app, _dir) = app();
    for _ in 0..50 {
        app.update(Action::PageDown);
    }
    assert_eq!(app.selected(), app.visible_len() - 1);
    app.update(Action::Top);
    app.update(Action::Up);
    assert_eq!(app.selected(), 0);
    app.update(Action::SearchStart);
    for c in "zzz".chars() {
        app.update(Action::SearchChar(c));
    }
    assert_eq!(app.visible_len(), 0);
    app.update(Action::SearchDone);
    app.update(Action::Open);
    assert_eq!(app.screen(), Screen::List);
    assert!(app.message().unwrap().error);
}

#[test]
fn help_starts_with_the_keys_of_the_screen_it_was_opened_from() {
    let (mut app, _dir) = app();
    app.update(Action::Help);
    assert_eq!(app.help_sections()[0].0, Mode::List);
    app.update(Action::Back);
    app.update(Action::Open);
    app.update(Action::Help);
    assert_eq!(app.help_sections()[0].0, Mode::Detail);
    app.update(Action::Back);
    app.update(Action::Checklist);
    assert_eq!(app.mode(), Mode::Checklist);
    app.handle_key(key('?'));
    assert_eq!(app.screen(), Screen::Help);
    let sections = app.help_sections();
    assert_eq!(sections[0].0, Mode::Checklist);
    // Every mode still listed, once.
    assert_eq!(sections.len(), Mode::ALL.len());
}

/// The footer's keys on the screen shown now.
fn footer_keys(app: &App, mode: Mode) -> Vec<String> {
    app.keymap()
        .footer(mode, |a| app.applies(a))
        .into_iter()
        .map(|(k, _)| k.to_string())
        .collect()
}

#[test]
fn a_datalek_checklist_shows_its_own_keys_and_not_a_verzoeks() {
    let (mut app, _dir) = app();
    app.handle_key(key('/'));
    for c in "D-2026-0001".chars() {
        app.handle_key(key(c));
    }
    app.handle_key(named("<Enter>"));
    app.update(Action::Checklist);
    assert_eq!(app.mode(), Mode::Checklist);
    let keys = footer_keys(&app, Mode::Checklist);
    assert!(keys.contains(&"m".to_string()), "{keys:?}");
    for k in ["w", "v", "b", "r", "l"] {
        assert!(!keys.contains(&k.to_string()), "{k} in {keys:?}");
    }
    // The help, opened here, lists the checklist's keys that apply first.
    app.update(Action::Help);
    let (mode, lines) = &app.help_sections()[0];
    assert_eq!(*mode, Mode::Checklist);
    let listed: Vec<String> = lines
        .iter()
        .flat_map(|(keys, _)| keys.iter().map(ToString::to_string))
        .collect();
    assert!(listed.contains(&"m".to_string()) && !listed.contains(&"b".to_string()));
    // A verzoek's checklist: the other way round.
    for _ in 0..3 {
        app.update(Action::Back);
    }
    app.handle_key(named("<Esc>"));
    app.handle_key(key('/'));
    for c in "V-2026-0001".chars() {
        app.handle_key(key(c));
    }
    app.handle_key(named("<Enter>"));
    app.update(Action::Checklist);
    assert_eq!(app.mode(), Mode::Checklist);
    let keys = footer_keys(&app, Mode::Checklist);
    assert!(keys.contains(&"b".to_string()) && !keys.contains(&"m".to_string()));
}

#[test]
fn capital_d_toggles_only_the_datalekken() {
    let (mut app, _dir) = app();
    app.handle_key(named("D"));
    assert_eq!(app.kind_filter(), Some(CaseKind::Datalek));
    assert!(app.visible().all(|s| s.kind == CaseKind::Datalek));
    assert!(app.visible_len() > 0);
    app.handle_key(named("D"));
    assert_eq!(app.kind_filter(), None);
    // From another kind, D goes straight to the datalekken.
    app.handle_key(key('f'));
    app.handle_key(named("D"));
    assert_eq!(app.kind_filter(), Some(CaseKind::Datalek));
}

/// Waits (up to 20 s) until the app's background check of the journal's chain has finished.
fn chain_state(app: &App) -> privdesk::store::ChainState {
    for _ in 0..400 {
        if let Some(s) = app.chain_state() {
            return s.clone();
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("the chain check did not finish");
}

/// The first screen line (the header with its banners) at 160 columns.
fn header(app: &App) -> String {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(160, 30)).unwrap();
    let theme = Theme::load("default", None, true).unwrap();
    terminal
        .draw(|f| privdesk::ui::draw(app, &theme, f))
        .unwrap();
    let buffer = terminal.backend().buffer();
    (0..buffer.area.width)
        .map(|x| buffer[(x, 0)].symbol())
        .collect()
}

#[test]
fn a_journal_line_damaged_in_the_middle_is_found_after_open_and_bannered() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("register");
    app_fixture::fill(&db);
    // Intact: the check says so, and no banner.
    let store = Store::open(&db, &OpenOptions::existing(app_fixture::now())).unwrap();
    let app = App::new(store, Clock::Fixed(app_fixture::now()), Lang::Nl);
    let lines = std::fs::read_to_string(db.join("journal.jsonl")).unwrap();
    let count = lines.lines().count() as u64;
    assert_eq!(
        chain_state(&app),
        privdesk::store::ChainState::Intact(count)
    );
    assert!(!header(&app).contains("journaal"), "{}", header(&app));
    drop(app);
    // Line 3 changed by one letter: opening reads only the ends and opens healthy; the
    // background check names the line and the header says it.
    let mut text: Vec<String> = lines.lines().map(String::from).collect();
    assert!(text.len() > 4);
    text[2] = text[2].replacen("\"at\":\"20", "\"at\":\"19", 1);
    std::fs::write(db.join("journal.jsonl"), text.join("\n") + "\n").unwrap();
    let store = Store::open(&db, &OpenOptions::existing(app_fixture::now())).unwrap();
    assert_eq!(store.health(), &privdesk::store::Health::Ok);
    let app = App::new(store, Clock::Fixed(app_fixture::now()), Lang::Nl);
    match chain_state(&app) {
        privdesk::store::ChainState::Broken(bad) => assert_eq!(bad.line, 3),
        other => panic!("{other:?}"),
    }
    let head = header(&app);
    assert!(
        head.contains("journaal beschadigd vanaf regel 3: meld het de FG"),
        "{head}"
    );
}
