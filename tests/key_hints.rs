//! Key hints come from the keymap (issue 17 point 3): a message names a key only through a
//! `{placeholder}` filled from the table, and every key a screen names is bound there, to the
//! action its words say.

mod common;

use common::screen::{Open, Session};
use privdesk::app::form::Field;
use privdesk::app::{Key, Keymap, Mode, Screen, parse_keys};
use privdesk::i18n::Lang;
use privdesk::i18n::authority::AuthorityMsg;
use privdesk::i18n::breach::BreachMsg;
use privdesk::i18n::detail::DetailMsg;
use privdesk::i18n::form::FormMsg;
use privdesk::i18n::letters::LettersMsg;
use privdesk::i18n::overview::OverviewMsg;
use privdesk::i18n::store::StoreMsg;
use privdesk::i18n::ui::UiMsg;
use privdesk::i18n::why::WhyMsg;
use privdesk::i18n::workbench::WorkMsg;

/// Every text the screens show that is a message (the areas the workbench draws from), both
/// languages, with what names it.
fn screen_messages() -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    for lang in [Lang::Nl, Lang::En] {
        macro_rules! area {
            ($($t:ty),*) => {$(
                for m in <$t>::ALL {
                    out.push((format!("{m:?} ({lang})"), m.text(lang)));
                }
            )*};
        }
        area!(
            UiMsg,
            WorkMsg,
            FormMsg,
            DetailMsg,
            BreachMsg,
            AuthorityMsg,
            StoreMsg,
            LettersMsg,
            OverviewMsg,
            WhyMsg
        );
    }
    out
}

/// The key names written into a text: a key in the notation (`<Esc>`), a key's own name
/// (Enter, Shift-Tab, PgDn, spatie, an arrow), a single letter given as a key (`b: besluit`,
/// `(s)`, `j/n`).
fn written_keys(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    // <...> that reads as one key.
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        let after = &rest[open..];
        match after.find('>') {
            Some(close) => {
                let token = &after[..=close];
                if matches!(parse_keys(token).as_deref(), Ok([_])) && token.len() > 2 {
                    found.push(token.to_string());
                }
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    let names = [
        "Enter",
        "Esc",
        "Escape",
        "Tab",
        "Backspace",
        "PgDn",
        "PgUp",
        "Ctrl",
        "F1",
        "spatie",
        "Space",
    ];
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .collect();
    for w in &words {
        if names.contains(w) || w.starts_with("Shift-") {
            found.push((*w).to_string());
        }
    }
    for arrow in ['←', '↑', '↓'] {
        if text.contains(arrow) {
            found.push(arrow.to_string());
        }
    }
    if text.contains("←/→") || text.contains("→/") {
        found.push("→".into());
    }
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if !c.is_alphabetic() && !matches!(c, '?' | '/') {
            continue;
        }
        let before = if i == 0 { None } else { Some(chars[i - 1]) };
        let single = before.is_none_or(|b| b.is_whitespace() || b == '(')
            && chars.get(i + 1).is_none_or(|n| !n.is_alphanumeric());
        if !single {
            continue;
        }
        let next = chars.get(i + 1).copied();
        let paren =
            before == Some('(') && next == Some(')') && (i < 2 || chars[i - 2].is_whitespace());
        let colon = next == Some(':') && chars.get(i + 2).is_none_or(|n| n.is_whitespace());
        let slash = next == Some('/')
            && chars.get(i + 2).is_some_and(|n| n.is_alphabetic())
            && chars.get(i + 3).is_none_or(|n| !n.is_alphanumeric());
        // `opheffen: B, eerst …`
        let listed = c.is_uppercase()
            && next == Some(',')
            && i >= 2
            && chars[i - 1] == ' '
            && chars[i - 2] == ':';
        if paren || colon || slash || listed {
            found.push(c.to_string());
        }
    }
    found
}

#[test]
fn no_message_on_the_screens_writes_a_key_itself() {
    let mut bad = Vec::new();
    for (name, text) in screen_messages() {
        let keys = written_keys(text);
        if !keys.is_empty() {
            bad.push(format!("{name}: {keys:?} in {text:?}"));
        }
    }
    assert!(
        bad.is_empty(),
        "messages that write a key instead of a {{key}} filled from the keymap:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_finder_sees_every_way_a_key_was_written() {
    for (text, key) in [
        ("Ontvangers: nog geen (a: toevoegen)", "a"),
        ("Sluiten kan (s).", "s"),
        ("weggooien? (j/n)", "j"),
        ("(Esc wist ze)", "Esc"),
        ("↑↓ of 1-9 kiezen", "↑"),
        ("Enter verder · Shift-Tab terug", "Shift-Tab"),
        ("←/→ of spatie: kiezen", "spatie"),
        ("druk <PgDn> voor meer", "<PgDn>"),
        ("(opheffen: B, eerst de verzoeker informeren)", "B"),
    ] {
        assert!(
            written_keys(text).contains(&key.to_string()),
            "{key} in {text:?}"
        );
    }
    for text in [
        "AVG 12(3) en 18(1)",
        "→ {key}: besluit",
        "answer(s) recorded",
        "Kind: Sam, 5 jaar",
        "<ID>-<brief>.docx",
    ] {
        assert_eq!(written_keys(text), Vec::<String>::new(), "{text:?}");
    }
}

/// A key hint on a screen: the key and the word after it, if any.
#[derive(Debug)]
struct Hint {
    key: String,
    word: Option<String>,
    row: String,
}

/// The key hints a screen shows: `K: word`, `(K)`, `(K word`, `word: K,`, `<K> word` — where
/// K is a key in the notation or a single character standing alone.
fn hints(rows: &[String]) -> Vec<Hint> {
    let mut out = Vec::new();
    for row in rows {
        let tokens: Vec<&str> = row.split(' ').collect();
        for (i, t) in tokens.iter().enumerate() {
            let next_word = tokens
                .get(i + 1)
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
                .filter(|w| !w.is_empty());
            let mut push = |key: &str, word: Option<String>| {
                out.push(Hint {
                    key: key.to_string(),
                    word,
                    row: row.clone(),
                })
            };
            // `<K> word`, `<K>/<L> word`, `(<K> word`, `<K>:`.
            if t.contains('<') {
                for part in t.trim_start_matches('(').split('/') {
                    let part = part.trim_end_matches([':', ')', ',', '.']);
                    if part.starts_with('<')
                        && part.ends_with('>')
                        && matches!(parse_keys(part).as_deref(), Ok([_]))
                    {
                        push(part, next_word.clone());
                    }
                }
                continue;
            }
            let chars: Vec<char> = t.chars().collect();
            match chars.as_slice() {
                // `K:` followed by a word.
                [k, ':'] if !k.is_ascii_digit() => push(&k.to_string(), next_word),
                // `(K)`, `(K).`, `(K):`, `(K);`
                ['(', k, ')', ..] if !k.is_ascii_digit() => push(&k.to_string(), None),
                // `(K:` followed by a word.
                ['(', k, ':'] if !k.is_ascii_digit() => push(&k.to_string(), next_word),
                // `(K` followed by a word (not a number: "(6 jaar)").
                ['(', k] if !k.is_ascii_digit() => push(&k.to_string(), next_word),
                // `word: K,`
                [k, ','] if i > 0 && tokens[i - 1].ends_with(':') && k.is_uppercase() => {
                    push(&k.to_string(), None)
                }
                _ => {}
            }
        }
    }
    out
}

/// The footer's pairs, `K label` two spaces apart: on every row (trimmed of a box's sides)
/// made of nothing else; a wrapped footer's last key may stand alone at its row's end.
fn footer_pairs(rows: &[String]) -> Vec<Hint> {
    let mut out = Vec::new();
    for row in rows {
        let inner = row.trim_matches(|c: char| c == '│' || c.is_whitespace());
        let chunks: Vec<&str> = inner
            .split("  ")
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        let is_key = |k: &str| {
            (k.len() == 1 && k.bytes().all(|b| b.is_ascii_graphic()))
                || (k.starts_with('<') && k.contains('>'))
        };
        let pairs: Vec<Option<(&str, &str)>> = chunks.iter().map(|c| c.split_once(' ')).collect();
        let footer = chunks.len() >= 2
            && pairs.iter().enumerate().all(|(i, p)| match p {
                Some((k, _)) => is_key(k),
                None => i + 1 == chunks.len() && is_key(chunks[i]),
            });
        if !footer {
            continue;
        }
        for (k, label) in pairs.into_iter().flatten() {
            out.push(Hint {
                key: k.to_string(),
                word: Some(label.to_string()),
                row: row.clone(),
            });
        }
    }
    out
}

/// Whether `word` says what one of the bindings of `key` in `modes` does: its stem is in the
/// binding's help text or footer label.
fn says(km: &Keymap, modes: &[Mode], key: Key, word: &str, lang: Lang) -> bool {
    let word = word.to_lowercase();
    let n = word.chars().count();
    let stem: String = word
        .chars()
        .take((n.saturating_sub(1)).clamp(3, 6))
        .collect();
    modes.iter().any(|m| {
        km.rows(*m).filter(|b| b.key == key).any(|b| {
            let help = b.help.text(lang).to_lowercase();
            let foot = b
                .footer
                .map(|f| f.text(lang).to_lowercase())
                .unwrap_or_default();
            help.contains(&stem)
                || foot.contains(&stem)
                || (b.footer == Some(UiMsg::FootPromptNext)
                    && UiMsg::FootPromptRecord
                        .text(lang)
                        .to_lowercase()
                        .contains(&stem))
        })
    })
}

/// The modes whose keys a screen may name: the one with the focus and the screen's own below a
/// prompt or a question.
fn modes_of(s: &Session) -> Vec<Mode> {
    let app = s.driver().app();
    let below = match app.screen() {
        Screen::Checklist(_) => Mode::Checklist,
        Screen::Detail(_) => Mode::Detail,
        Screen::NewRequest | Screen::NewBreach => Mode::Form,
        Screen::Breaches => Mode::Breaches,
        Screen::ApForm(_) => Mode::ApForm,
        Screen::Overview => Mode::Overview,
        Screen::Why => Mode::Why,
        Screen::List | Screen::Help => Mode::List,
    };
    vec![app.mode(), below]
}

/// Checks every hint on the session's screen against the keymap; returns how many it checked.
fn check_screen(s: &Session, lang: Lang, what: &str, bad: &mut Vec<String>) -> usize {
    let app = s.driver().app();
    if app.screen() == Screen::Help {
        return 0;
    }
    let km = app.keymap();
    let modes = modes_of(s);
    let own: Vec<String> = Field::choice_keys()
        .split('/')
        .map(str::to_string)
        .collect();
    let rows = s.rows();
    let mut found = hints(&rows);
    found.extend(
        footer_pairs(&rows)
            .into_iter()
            .filter(|h| !h.key.starts_with('<')),
    );
    for h in &found {
        let parsed = parse_keys(&h.key);
        let Ok([key]) = parsed.as_deref() else {
            bad.push(format!("{what}: {:?} is no key: {}", h.key, h.row));
            continue;
        };
        let key = *key;
        let bound = modes.iter().any(|m| km.action(*m, key).is_some());
        if !bound {
            if !own.contains(&key.to_string()) {
                bad.push(format!(
                    "{what}: {key} is not bound in {modes:?}: {}",
                    h.row
                ));
            }
            continue;
        }
        if let Some(word) = &h.word
            && !says(km, &modes, key, word, lang)
        {
            bad.push(format!(
                "{what}: {key} is bound in {modes:?}, but not to '{word}': {}",
                h.row
            ));
        }
    }
    found.len()
}

/// The case numbers on the list (status filter "alle").
fn case_ids(rows: &[String]) -> Vec<String> {
    rows.iter()
        .filter_map(|r| {
            r.split_whitespace()
                .find(|w| (w.starts_with("V-") || w.starts_with("D-")) && w.len() == 11)
                .map(str::to_string)
        })
        .collect()
}

/// Walks the screens of every `step`th case on the demo list (and the screens without a
/// case), checking each screen's hints.
fn walk(lang: Lang, step: usize) {
    let mut s = Session::open(Open {
        lang,
        ..Open::default()
    });
    let mut bad = Vec::new();
    let mut checked = 0;
    let rows = s.run("press s");
    checked += check_screen(&s, lang, "list", &mut bad);
    let ids = case_ids(&rows);
    assert!(ids.len() > 25, "{rows:?}");
    let ids: Vec<String> = ids.into_iter().step_by(step).collect();
    for (n, id) in ids.iter().enumerate() {
        // The case's checklist (where the hints that depend on the case's state are), the
        // prompt of its first step, then back; every fourth case's detail too (its hints are
        // the footer's; opening a case is a journal line, written through).
        s.run(&format!("press /\ntype {id}\npress <Enter>"));
        if n % 4 == 0 {
            s.run("press <Enter>");
            checked += check_screen(&s, lang, &format!("{id} detail"), &mut bad);
            s.run("press W");
            checked += check_screen(&s, lang, &format!("{id} why"), &mut bad);
            s.run("press <Esc>\npress <Esc>");
        }
        s.run("press c");
        checked += check_screen(&s, lang, &format!("{id} checklist"), &mut bad);
        s.run("press <Enter>");
        checked += check_screen(&s, lang, &format!("{id} prompt"), &mut bad);
        s.run("press <Esc>\npress <Esc>\npress <Esc>");
    }
    // A search that finds nothing; the new verzoek with a choice focused and a question; the
    // breach register and an AP form.
    s.run("press /\ntype zzzzzz\npress <Enter>");
    checked += check_screen(&s, lang, "no match", &mut bad);
    s.run("press <Esc>\npress n");
    checked += check_screen(&s, lang, "new verzoek", &mut bad);
    // Typed text in the requester's name: Esc asks first.
    s.run("press <Tab><Tab><Tab>\ntype Jan\npress <Esc>");
    assert_eq!(s.driver().app().mode(), Mode::Confirm);
    checked += check_screen(&s, lang, "question", &mut bad);
    s.run("press n\npress <Esc>\npress j\npress R");
    assert_eq!(s.driver().app().screen(), Screen::Breaches);
    checked += check_screen(&s, lang, "breaches", &mut bad);
    s.run("press a");
    checked += check_screen(&s, lang, "ap form", &mut bad);
    s.run("press <Esc>\npress <Esc>\npress o");
    assert_eq!(s.driver().app().screen(), Screen::Overview);
    checked += check_screen(&s, lang, "overview", &mut bad);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    // Every screen has at least its footer's hints.
    assert!(checked > ids.len() * 2 * 6, "only {checked} hints checked");
}

#[test]
fn every_key_a_screen_names_is_bound_there_to_what_it_says_nl() {
    walk(Lang::Nl, 1);
}

#[test]
fn every_key_a_screen_names_is_bound_there_to_what_it_says_en() {
    // The keys are the same in English; its words are checked on every fourth case.
    walk(Lang::En, 4);
}

/// The hints in the checklist's lines are the keymap's keys: the prompt has no key line of its
/// own (the footer says them, "vastleggen" on the last field), and a case without recipients
/// names the key that adds one.
#[test]
fn the_checklist_names_the_keymaps_keys_and_the_prompt_leaves_them_to_the_footer() {
    let mut s = Session::demo();
    let km = Keymap::default();
    let add = km.hint(
        Mode::Checklist,
        privdesk::app::Action::Task(privdesk::app::Task::AddRecipient),
    );
    let rows = s.run("press /\ntype V-2026-0015\npress <Enter>\npress c");
    assert!(
        rows.iter()
            .any(|r| r.contains(&format!("Ontvangers (AVG 19): nog geen ({add}: toevoegen)"))),
        "{}",
        rows.join("\n")
    );
    let rows = s.run("press b");
    let screen = rows.join("\n");
    assert!(!screen.contains("Shift-Tab terug"), "{screen}");
    assert!(!screen.contains("Enter verder"), "{screen}");
    assert!(screen.contains("<S-Tab> terug"), "{screen}");
    assert!(screen.contains("<Esc> annuleren"), "{screen}");
}
