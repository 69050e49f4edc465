//! The one keymap table: rows of (mode, key, action, help text, footer label). Dispatch, the
//! footer and the `?` help are all read from it, so the help cannot drift from the keys.
//!
//! Key routing (design.md): while the search box has focus, printable keys are text; the table
//! of [`Mode::Search`] holds the keys that reach the app first (Esc, Enter, Backspace, Ctrl and
//! the navigation keys).
//!
//! - this file — the modes, the keymap read from the table, and what dispatch, the footer and
//!   the help ask of it.
//! - `table` — the default table itself, row by row.

mod table;

use super::action::Action;
use super::key::{Key, parse_keys};
use crate::i18n::ui::UiMsg;
use table::DEFAULT;

/// Which part of the app has the user's attention: the "screen" column of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    /// The case list.
    List,
    /// The case list with the search box focused.
    Search,
    /// A case's detail.
    Detail,
    /// The help overlay.
    Help,
    /// A datalek's AP form view.
    ApForm,
    /// The breach register.
    Breaches,
    /// The FG's overview.
    Overview,
    /// "Waarom deze datum?" over a case.
    Why,
    /// A case's checklist.
    Checklist,
    /// A prompt on the checklist: printable keys are text (or pick an option).
    Prompt,
    /// A form (the new verzoek): printable keys are text for the focused field.
    Form,
    /// A yes/no question (throw typed input away?).
    Confirm,
}

impl Mode {
    /// Every mode, in the order the help lists them.
    pub const ALL: [Mode; 12] = [
        Mode::List,
        Mode::Search,
        Mode::Overview,
        Mode::Detail,
        Mode::Checklist,
        Mode::Why,
        Mode::Prompt,
        Mode::ApForm,
        Mode::Breaches,
        Mode::Form,
        Mode::Confirm,
        Mode::Help,
    ];

    /// The heading of this mode's keys in the help.
    pub fn title(self) -> UiMsg {
        match self {
            Mode::List => UiMsg::ModeList,
            Mode::Search => UiMsg::ModeSearch,
            Mode::Detail => UiMsg::ModeDetail,
            Mode::Help => UiMsg::ModeHelp,
            Mode::ApForm => UiMsg::ModeApForm,
            Mode::Breaches => UiMsg::ModeBreaches,
            Mode::Overview => UiMsg::ModeOverview,
            Mode::Why => UiMsg::ModeWhy,
            Mode::Checklist => UiMsg::ModeChecklist,
            Mode::Prompt => UiMsg::ModePrompt,
            Mode::Form => UiMsg::ModeForm,
            Mode::Confirm => UiMsg::ModeConfirm,
        }
    }
}

/// A mode's help: each action's keys together with its help text.
pub type HelpLines = Vec<(Vec<Key>, UiMsg)>;

/// One binding, with its key read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Binding {
    /// Where it applies.
    pub mode: Mode,
    /// The key.
    pub key: Key,
    /// What it does.
    pub action: Action,
    /// Its line in the help.
    pub help: UiMsg,
    /// Its label in the footer, if it is shown there.
    pub footer: Option<UiMsg>,
}

/// The keymap: the table with its keys read once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keymap {
    rows: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        let rows = DEFAULT
            .iter()
            .filter_map(|&(mode, key, action, help, footer)| {
                // The table is tested to parse; a row that did not would only lose its key.
                let key = match parse_keys(key).ok()?.as_slice() {
                    [k] => *k,
                    _ => return None,
                };
                Some(Binding {
                    mode,
                    key,
                    action,
                    help,
                    footer,
                })
            })
            .collect();
        Keymap { rows }
    }
}

impl Keymap {
    /// The keymap of a login's role: the FG's has no key that would change a case but the
    /// one that records her advice, a handler's no advice key (the database refuses both such
    /// changes; the footer and the help do not offer them).
    pub fn for_role(role: Option<crate::domain::Role>) -> Keymap {
        let mut map = Keymap::default();
        map.rows.retain(|b| b.action.allowed_for(role));
        map
    }

    /// The action bound to `key` in `mode`, if any.
    pub fn action(&self, mode: Mode, key: Key) -> Option<Action> {
        self.rows
            .iter()
            .find(|b| b.mode == mode && b.key == key)
            .map(|b| b.action)
    }

    /// Whether a key is bound to `action` in `mode`.
    pub fn binds(&self, mode: Mode, action: Action) -> bool {
        self.rows
            .iter()
            .any(|b| b.mode == mode && b.action == action)
    }

    /// The key a hint names for `action` in `mode`: the one the footer shows, else the first
    /// in table order; `None` when nothing binds it there.
    pub fn key_for(&self, mode: Mode, action: Action) -> Option<Key> {
        let mut rows = self.rows(mode).filter(|b| b.action == action);
        let first = rows.next()?;
        Some(
            std::iter::once(first)
                .chain(rows)
                .find(|b| b.footer.is_some())
                .unwrap_or(first)
                .key,
        )
    }

    /// The key of [`Keymap::key_for`] as a hint writes it, in the key notation (`<Esc>`, `b`),
    /// for a message's `{key}` placeholder (gitui's `get_hint`): a message never writes a key
    /// itself, so a key bound elsewhere changes every text that names it. Empty when unbound.
    pub fn hint(&self, mode: Mode, action: Action) -> String {
        self.key_for(mode, action)
            .map(|k| k.to_string())
            .unwrap_or_default()
    }

    /// The bindings of a mode, in table order.
    pub fn rows(&self, mode: Mode) -> impl Iterator<Item = &Binding> {
        self.rows.iter().filter(move |b| b.mode == mode)
    }

    /// The help of a mode: each action's keys together (in table order) with its help text,
    /// for the actions `applies` keeps.
    pub fn help(&self, mode: Mode, applies: impl Fn(Action) -> bool) -> HelpLines {
        let mut out: HelpLines = Vec::new();
        for b in self.rows(mode).filter(|b| applies(b.action)) {
            match out.iter_mut().find(|(_, h)| *h == b.help) {
                Some((keys, _)) => keys.push(b.key),
                None => out.push((vec![b.key], b.help)),
            }
        }
        out
    }

    /// The footer of a mode: (key, label) of the rows marked for it whose action `applies`
    /// keeps.
    pub fn footer(&self, mode: Mode, applies: impl Fn(Action) -> bool) -> Vec<(Key, UiMsg)> {
        self.rows(mode)
            .filter(|b| applies(b.action))
            .filter_map(|b| b.footer.map(|f| (b.key, f)))
            .collect()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_fgs_keymap_offers_no_key_that_changes_a_case() {
        use crate::app::action::Task;
        use crate::domain::Role;
        let fg = Keymap::for_role(Some(Role::Fg));
        let handler = Keymap::for_role(Some(Role::Handler));
        let changing = [
            Action::NewRequest,
            Action::NewBreach,
            Action::AnswerYes,
            Action::Task(Task::Decide),
            Action::Task(Task::Letter),
        ];
        for a in changing {
            assert!(Mode::ALL.iter().any(|m| handler.binds(*m, a)), "{a:?}");
            assert!(!Mode::ALL.iter().any(|m| fg.binds(*m, a)), "{a:?}");
        }
        let advise = Action::Task(Task::Advise);
        for m in Mode::ALL {
            assert!(
                fg.rows(m)
                    .all(|b| !b.action.changes_case() || b.action == advise)
            );
            let footer = fg.footer(m, |_| true);
            assert!(footer.iter().all(|(k, _)| {
                fg.action(m, *k)
                    .is_none_or(|a| !a.changes_case() || a == advise)
            }));
        }
        // Her advice is hers: her keymap has its key, a handler's has not (issue 22).
        assert!(fg.binds(Mode::Detail, advise) && fg.binds(Mode::Checklist, advise));
        assert!(!Mode::ALL.iter().any(|m| handler.binds(*m, advise)));
        // She still reads: open, the checklist, search, the breach register.
        assert!(fg.binds(Mode::List, Action::Open));
        assert!(fg.binds(Mode::List, Action::Checklist));
        assert!(fg.binds(Mode::List, Action::Breaches));
        assert_eq!(Keymap::for_role(None), Keymap::default());
    }

    #[test]
    fn every_row_parses_to_one_key() {
        assert_eq!(Keymap::default().rows.len(), DEFAULT.len());
    }

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        let km = Keymap::default();
        for (i, a) in km.rows.iter().enumerate() {
            for b in &km.rows[i + 1..] {
                assert!(
                    !(a.mode == b.mode && a.key == b.key),
                    "{} bound twice in {:?}",
                    a.key,
                    a.mode
                );
            }
        }
    }

    #[test]
    fn a_hint_names_the_key_the_footer_shows_else_the_first_bound() {
        use crate::app::action::Task;
        let km = Keymap::default();
        assert_eq!(km.hint(Mode::List, Action::Back), "<Esc>");
        assert_eq!(km.hint(Mode::Checklist, Action::Task(Task::Decide)), "b");
        // j and y both say yes; the footer shows j.
        assert_eq!(km.hint(Mode::Confirm, Action::Yes), "j");
        // k and <Up>: no footer row, the first.
        assert_eq!(km.hint(Mode::List, Action::Up), "k");
        assert_eq!(km.hint(Mode::List, Action::Task(Task::Decide)), "");
    }

    #[test]
    fn a_form_keeps_printable_keys_for_text() {
        let km = Keymap::default();
        for b in km.rows(Mode::Form) {
            assert!(b.key.text_char().is_none(), "{} would steal text", b.key);
        }
    }

    #[test]
    fn the_search_box_keeps_printable_keys_for_text() {
        let km = Keymap::default();
        for b in km.rows(Mode::Search).chain(km.rows(Mode::Prompt)) {
            assert!(b.key.text_char().is_none(), "{} would steal text", b.key);
        }
    }
}
