//! The terminal driver's event function, tested directly: a bracketed paste lands whole as one
//! insertion, the keys after it are handled in the same burst, and a field's maximum cuts what
//! does not fit with a message at the field.
#![allow(clippy::unwrap_used)]

use privdesk::app::{Action, App, Mode};
use privdesk::clock::Clock;
use privdesk::i18n::Lang;
use privdesk::i18n::form::FormMsg;
use privdesk::store::{OpenOptions, Store};
use privdesk::terminal::{apply, apply_pending};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

fn app() -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut opts = OpenOptions::existing(chrono::Utc::now());
    opts.create = Some(true);
    let store = Store::open(&dir.path().join("register"), &opts).unwrap();
    (App::new(store, Clock::System, Lang::Nl), dir)
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// Opens the new-verzoek form with the focus on the field labelled `label`.
fn focus(app: &mut App, label: FormMsg) -> usize {
    app.update(Action::NewRequest);
    let i = app
        .request_form()
        .unwrap()
        .fields()
        .iter()
        .position(|f| f.label() == label.text(Lang::Nl))
        .unwrap();
    for _ in 0..i {
        app.update(Action::NextField);
    }
    i
}

/// 4 KB of notes with line breaks and characters that look like markup or keys.
fn notes() -> String {
    let mut s = String::new();
    let mut n = 0;
    while s.len() < 4096 {
        n += 1;
        s.push_str(&format!(
            "regel {n}: gebeld met moeder, *stuurt* ID [x](http://x) q j ?\n"
        ));
    }
    s
}

#[test]
fn a_4_kb_bracketed_paste_lands_whole_and_the_tab_after_it_is_handled_in_the_same_burst() {
    let (mut app, _dir) = app();
    let i = focus(&mut app, FormMsg::LabelNotes);
    let text = notes();
    let mut waiting = vec![key(KeyCode::BackTab)].into_iter();
    apply_pending(&mut app, Event::Paste(text.clone()), || Ok(waiting.next())).unwrap();
    let form = app.request_form().unwrap();
    assert_eq!(form.text(i), text.trim(), "the whole paste, literally");
    assert_eq!(
        form.focus(),
        i - 1,
        "the Shift-Tab after the paste moved the focus"
    );
    assert_eq!(
        app.mode(),
        Mode::Form,
        "no character of the paste acted as a key"
    );
}

#[test]
fn a_paste_with_carriage_returns_keeps_its_lines() {
    // tmux and xterm send a pasted line break as CR.
    let (mut app, _dir) = app();
    let i = focus(&mut app, FormMsg::LabelNotes);
    apply(
        &mut app,
        Event::Paste("eerste regel\rtweede regel\r\nderde".into()),
    );
    let form = app.request_form().unwrap();
    assert_eq!(form.text(i), "eerste regel\ntweede regel\nderde");
}

#[test]
fn a_paste_into_a_single_line_field_is_one_line_and_never_submits_the_form() {
    let (mut app, _dir) = app();
    let i = focus(&mut app, FormMsg::LabelRequester);
    apply(
        &mut app,
        Event::Paste("Jan\r\nde\tVries\u{1b}[31m\u{202e}".into()),
    );
    let form = app.request_form().unwrap();
    assert_eq!(form.text(i), "Jan de Vries[31m");
    assert_eq!(app.mode(), Mode::Form);
    assert!(form.fields()[i].error().is_none());
}

#[test]
fn a_paste_beyond_the_maximum_is_cut_with_a_message_and_typing_stops_there() {
    let (mut app, _dir) = app();
    let i = focus(&mut app, FormMsg::LabelNotes);
    let max = privdesk::app::form::MULTI_MAX;
    apply(&mut app, Event::Paste("a".repeat(max + 50)));
    let form = app.request_form().unwrap();
    assert_eq!(form.text(i).chars().count(), max);
    let error = form.fields()[i].error().unwrap().to_string();
    assert!(error.contains(&max.to_string()), "{error}");
    // A key typed at the maximum is refused too, with the same message.
    apply(&mut app, key(KeyCode::Char('b')));
    let form = app.request_form().unwrap();
    assert_eq!(form.text(i).chars().count(), max);
    assert!(!form.text(i).contains('b'));
    assert!(form.fields()[i].error().is_some());
}

#[test]
fn the_maximum_counts_characters_not_bytes() {
    let (mut app, _dir) = app();
    let i = focus(&mut app, FormMsg::LabelNotes);
    let max = privdesk::app::form::MULTI_MAX;
    apply(&mut app, Event::Paste("ë".repeat(max)));
    let form = app.request_form().unwrap();
    assert_eq!(form.text(i).chars().count(), max, "every ë fits");
    assert!(form.fields()[i].error().is_none());
}
