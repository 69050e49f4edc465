//! The clock is read at the moment of each action: on a real register the `at` of every saved
//! line follows the wall clock while someone works, with no tick in between.
#![allow(clippy::unwrap_used)]

mod common;

use std::time::Duration;

use chrono::Utc;
use privdesk::app::{Action, App, Screen};
use privdesk::clock::Clock;
use privdesk::domain::Event;
use privdesk::i18n::Lang;
use privdesk::store::{OpenOptions, Store};

#[test]
fn each_saved_line_carries_the_instant_of_its_key_press_not_the_start_of_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("register");
    let mut store = Store::open(
        &db,
        &OpenOptions {
            create: Some(false),
            now: Utc::now(),
            cli_user: Some("Test Gebruiker".into()),
            config_user: None,
        },
    )
    .unwrap();
    let id = common::register_at(&mut store, "Jan de Vries", Utc::now());
    assert!(!store.is_demo());
    let mut app = App::new(store, Clock::System, Lang::Nl);

    // Three reads of the case, 1.1 s apart, with no Tick: the clock moves by itself.
    let mut windows = Vec::new();
    for _ in 0..3 {
        std::thread::sleep(Duration::from_millis(1100));
        let before = Utc::now();
        app.update(Action::Open);
        let after = Utc::now();
        assert_eq!(app.screen(), Screen::Detail(id));
        assert!(
            before <= app.now() && app.now() <= after,
            "the screen's now"
        );
        app.update(Action::Back);
        windows.push((before, after));
    }
    let reads: Vec<_> = app
        .store()
        .history(id)
        .unwrap()
        .into_iter()
        .filter(|(_, _, _, e)| matches!(e, Event::Viewed { .. }))
        .map(|(_, at, _, _)| at)
        .collect();
    assert_eq!(reads.len(), 3);
    for (at, (before, after)) in reads.iter().zip(&windows) {
        assert!(
            before <= at && at <= after,
            "a read at {at} outside its key press {before}..{after}"
        );
    }
    assert!(reads.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn a_fixed_clock_is_still_fixed_between_actions() {
    // The demo's `now` stands still: the same instant after several actions.
    let dir = tempfile::tempdir().unwrap();
    let t = common::now();
    let store = Store::open(
        &dir.path().join("register"),
        &OpenOptions {
            create: Some(true),
            now: t,
            cli_user: None,
            config_user: None,
        },
    )
    .unwrap();
    let mut app = App::new(store, Clock::Fixed(t), Lang::Nl);
    std::thread::sleep(Duration::from_millis(20));
    app.update(Action::Down);
    app.update(Action::Tick);
    assert_eq!(app.now(), t);
}
