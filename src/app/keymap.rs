//! The one keymap table: rows of (mode, key, action, help text, footer label). Dispatch, the
//! footer and the `?` help are all read from it, so the help cannot drift from the keys.
//!
//! Key routing (design.md): while the search box has focus, printable keys are text; the table
//! of [`Mode::Search`] holds the keys that reach the app first (Esc, Enter, Backspace, Ctrl and
//! the navigation keys).

use super::action::{Action, Task};
use super::key::{Key, parse_keys};
use crate::i18n::ui::UiMsg;

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
    pub const ALL: [Mode; 10] = [
        Mode::List,
        Mode::Search,
        Mode::Detail,
        Mode::Checklist,
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
            Mode::Checklist => UiMsg::ModeChecklist,
            Mode::Prompt => UiMsg::ModePrompt,
            Mode::Form => UiMsg::ModeForm,
            Mode::Confirm => UiMsg::ModeConfirm,
        }
    }
}

/// One row of the table as written in the source: the key in the key notation.
type Row = (Mode, &'static str, Action, UiMsg, Option<UiMsg>);

use Action as A;
use Mode::{ApForm, Breaches, Checklist, Confirm, Detail, Form, Help, List, Prompt, Search};
use Task as T;
use UiMsg as M;

/// The default keymap. Several keys for one action sit on consecutive rows; the help shows them
/// together.
const DEFAULT: &[Row] = &[
    (List, "k", A::Up, M::HelpUp, None),
    (List, "<Up>", A::Up, M::HelpUp, None),
    (List, "j", A::Down, M::HelpDown, Some(M::FootMove)),
    (List, "<Down>", A::Down, M::HelpDown, None),
    (List, "<PgUp>", A::PageUp, M::HelpPageUp, None),
    (List, "<PgDn>", A::PageDown, M::HelpPageDown, None),
    (List, "<Home>", A::Top, M::HelpTop, None),
    (List, "g", A::Top, M::HelpTop, None),
    (List, "<End>", A::Bottom, M::HelpBottom, None),
    (List, "G", A::Bottom, M::HelpBottom, None),
    (List, "<Enter>", A::Open, M::HelpOpen, Some(M::FootOpen)),
    (
        List,
        "/",
        A::SearchStart,
        M::HelpSearch,
        Some(M::FootSearch),
    ),
    (List, "f", A::NextKind, M::HelpNextKind, Some(M::FootKind)),
    (List, "F", A::PrevKind, M::HelpPrevKind, None),
    (List, "D", A::OnlyBreaches, M::HelpOnlyBreaches, None),
    (
        List,
        "s",
        A::NextStatus,
        M::HelpNextStatus,
        Some(M::FootStatus),
    ),
    (List, "S", A::PrevStatus, M::HelpPrevStatus, None),
    (
        List,
        "c",
        A::Checklist,
        M::HelpChecklist,
        Some(M::FootChecklist),
    ),
    (
        List,
        "n",
        A::NewRequest,
        M::HelpNewRequest,
        Some(M::FootNew),
    ),
    (
        List,
        "N",
        A::NewBreach,
        M::HelpNewBreach,
        Some(M::FootNewBreach),
    ),
    (List, "<Esc>", A::Back, M::HelpClear, None),
    (
        List,
        "R",
        A::Breaches,
        M::HelpBreaches,
        Some(M::FootBreaches),
    ),
    (List, "?", A::Help, M::HelpHelp, Some(M::FootHelp)),
    (List, "q", A::Quit, M::HelpQuit, Some(M::FootQuit)),
    (List, "<C-c>", A::Quit, M::HelpQuit, None),
    (
        Search,
        "<Enter>",
        A::SearchDone,
        M::HelpSearchDone,
        Some(M::FootSearchDone),
    ),
    (
        Search,
        "<Esc>",
        A::SearchCancel,
        M::HelpSearchCancel,
        Some(M::FootSearchCancel),
    ),
    (
        Search,
        "<BS>",
        A::SearchBackspace,
        M::HelpSearchBackspace,
        None,
    ),
    (Search, "<Up>", A::Up, M::HelpUp, None),
    (Search, "<Down>", A::Down, M::HelpDown, Some(M::FootMove)),
    (Search, "<PgUp>", A::PageUp, M::HelpPageUp, None),
    (Search, "<PgDn>", A::PageDown, M::HelpPageDown, None),
    (Search, "<C-c>", A::Quit, M::HelpQuit, None),
    (Detail, "k", A::Up, M::HelpPrevCase, None),
    (Detail, "<Up>", A::Up, M::HelpPrevCase, None),
    (Detail, "j", A::Down, M::HelpNextCase, Some(M::FootNextCase)),
    (Detail, "<Down>", A::Down, M::HelpNextCase, None),
    (Detail, "a", A::ApForm, M::HelpApForm, Some(M::FootApForm)),
    (
        Detail,
        "l",
        A::Task(T::Letter),
        M::HelpLetter,
        Some(M::FootLetter),
    ),
    (
        Detail,
        "c",
        A::Checklist,
        M::HelpChecklist,
        Some(M::FootChecklist),
    ),
    (
        Detail,
        "<PgDn>",
        A::PageDown,
        M::HelpScrollDown,
        Some(M::FootScroll),
    ),
    (Detail, "<PgUp>", A::PageUp, M::HelpScrollUp, None),
    (Detail, "<Home>", A::Top, M::HelpScrollTop, None),
    (Detail, "<End>", A::Bottom, M::HelpScrollBottom, None),
    (Detail, "<Esc>", A::Back, M::HelpBack, Some(M::FootBack)),
    (Detail, "q", A::Back, M::HelpBack, None),
    (Detail, "?", A::Help, M::HelpHelp, Some(M::FootHelp)),
    (Detail, "<C-c>", A::Quit, M::HelpQuit, None),
    (ApForm, "k", A::Up, M::HelpScrollUp, None),
    (ApForm, "<Up>", A::Up, M::HelpScrollUp, None),
    (ApForm, "j", A::Down, M::HelpScrollDown, Some(M::FootScroll)),
    (ApForm, "<Down>", A::Down, M::HelpScrollDown, None),
    (ApForm, "<PgUp>", A::PageUp, M::HelpPageUp, None),
    (ApForm, "<PgDn>", A::PageDown, M::HelpPageDown, None),
    (ApForm, "<Esc>", A::Back, M::HelpBack, Some(M::FootBack)),
    (ApForm, "q", A::Back, M::HelpBack, None),
    (ApForm, "?", A::Help, M::HelpHelp, Some(M::FootHelp)),
    (ApForm, "<C-c>", A::Quit, M::HelpQuit, None),
    (Breaches, "k", A::Up, M::HelpPrevBreach, None),
    (Breaches, "<Up>", A::Up, M::HelpPrevBreach, None),
    (Breaches, "j", A::Down, M::HelpNextBreach, Some(M::FootMove)),
    (Breaches, "<Down>", A::Down, M::HelpNextBreach, None),
    (Breaches, "a", A::ApForm, M::HelpApForm, Some(M::FootApForm)),
    (Breaches, "<Enter>", A::ApForm, M::HelpApForm, None),
    (Breaches, "<Esc>", A::Back, M::HelpBack, Some(M::FootBack)),
    (Breaches, "q", A::Back, M::HelpBack, None),
    (Breaches, "?", A::Help, M::HelpHelp, Some(M::FootHelp)),
    (Breaches, "<C-c>", A::Quit, M::HelpQuit, None),
    (Checklist, "k", A::Up, M::HelpPrevStep, None),
    (Checklist, "<Up>", A::Up, M::HelpPrevStep, None),
    (Checklist, "j", A::Down, M::HelpNextStep, Some(M::FootMove)),
    (Checklist, "<Down>", A::Down, M::HelpNextStep, None),
    (
        Checklist,
        "y",
        A::AnswerYes,
        M::HelpAnswerYes,
        Some(M::FootYes),
    ),
    (
        Checklist,
        "n",
        A::AnswerNo,
        M::HelpAnswerNo,
        Some(M::FootNo),
    ),
    (
        Checklist,
        "<Enter>",
        A::Answer,
        M::HelpAnswer,
        Some(M::FootAnswer),
    ),
    (
        Checklist,
        "w",
        A::Task(T::Wait),
        M::HelpWait,
        Some(M::FootWait),
    ),
    (
        Checklist,
        "v",
        A::Task(T::Extend),
        M::HelpExtend,
        Some(M::FootExtend),
    ),
    (
        Checklist,
        "b",
        A::Task(T::Decide),
        M::HelpDecide,
        Some(M::FootDecide),
    ),
    (
        Checklist,
        "r",
        A::Task(T::ReplySent),
        M::HelpReplySent,
        Some(M::FootReplySent),
    ),
    (
        Checklist,
        "x",
        A::Task(T::Destroyed),
        M::HelpDestroyed,
        None,
    ),
    (
        Checklist,
        "a",
        A::Task(T::AddRecipient),
        M::HelpAddRecipient,
        None,
    ),
    (
        Checklist,
        "t",
        A::Task(T::RecipientTold),
        M::HelpRecipientTold,
        None,
    ),
    (
        Checklist,
        "o",
        A::Task(T::RecipientImpossible),
        M::HelpRecipientImpossible,
        None,
    ),
    (
        Checklist,
        "s",
        A::Task(T::Close),
        M::HelpClose,
        Some(M::FootClose),
    ),
    (Checklist, "I", A::Task(T::Withdraw), M::HelpWithdraw, None),
    (Checklist, "V", A::Task(T::Void), M::HelpVoid, None),
    (Checklist, "H", A::Task(T::Reopen), M::HelpReopen, None),
    (
        Checklist,
        "l",
        A::Task(T::Letter),
        M::HelpLetter,
        Some(M::FootLetter),
    ),
    (
        Checklist,
        "m",
        A::ApForm,
        M::HelpApForm,
        Some(M::FootApForm),
    ),
    (Checklist, "<Esc>", A::Back, M::HelpBack, Some(M::FootBack)),
    (Checklist, "q", A::Back, M::HelpBack, None),
    (Checklist, "?", A::Help, M::HelpHelp, Some(M::FootHelp)),
    (Checklist, "<C-c>", A::Quit, M::HelpQuit, None),
    (
        Prompt,
        "<Enter>",
        A::PromptNext,
        M::HelpPromptNext,
        Some(M::FootPromptNext),
    ),
    (Prompt, "<Tab>", A::PromptNext, M::HelpPromptNext, None),
    (
        Prompt,
        "<S-Tab>",
        A::PromptPrev,
        M::HelpPromptPrev,
        Some(M::FootPromptPrev),
    ),
    (
        Prompt,
        "<Esc>",
        A::PromptCancel,
        M::HelpPromptCancel,
        Some(M::FootPromptCancel),
    ),
    (Prompt, "<Up>", A::Up, M::HelpChoiceUp, None),
    (
        Prompt,
        "<Down>",
        A::Down,
        M::HelpChoiceDown,
        Some(M::FootChoose),
    ),
    (Prompt, "<C-c>", A::Quit, M::HelpQuit, None),
    (
        Form,
        "<Tab>",
        A::NextField,
        M::HelpNextField,
        Some(M::FootNextField),
    ),
    (Form, "<Enter>", A::NextField, M::HelpNextField, None),
    (Form, "<Down>", A::NextField, M::HelpNextField, None),
    (
        Form,
        "<S-Tab>",
        A::PrevField,
        M::HelpPrevField,
        Some(M::FootPrevField),
    ),
    (Form, "<Up>", A::PrevField, M::HelpPrevField, None),
    (Form, "<C-s>", A::Save, M::HelpSave, Some(M::FootSave)),
    (
        Form,
        "<Esc>",
        A::Back,
        M::HelpCancelForm,
        Some(M::FootCancel),
    ),
    (Form, "<F1>", A::Help, M::HelpHelp, Some(M::FootHelp)),
    (Form, "<C-c>", A::Quit, M::HelpQuit, None),
    (Confirm, "j", A::Yes, M::HelpYes, Some(M::FootYes)),
    (Confirm, "y", A::Yes, M::HelpYes, None),
    (Confirm, "n", A::No, M::HelpNo, Some(M::FootNo)),
    (Confirm, "<Esc>", A::No, M::HelpNo, None),
    (Confirm, "<C-c>", A::No, M::HelpNo, None),
    (Help, "<Esc>", A::Back, M::HelpBack, Some(M::FootBack)),
    (Help, "?", A::Back, M::HelpBack, None),
    (Help, "q", A::Back, M::HelpBack, None),
    (Help, "k", A::Up, M::HelpScrollUp, None),
    (Help, "<Up>", A::Up, M::HelpScrollUp, None),
    (Help, "j", A::Down, M::HelpScrollDown, Some(M::FootScroll)),
    (Help, "<Down>", A::Down, M::HelpScrollDown, None),
    (Help, "<C-c>", A::Quit, M::HelpQuit, None),
];

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
    /// The action bound to `key` in `mode`, if any.
    pub fn action(&self, mode: Mode, key: Key) -> Option<Action> {
        self.rows
            .iter()
            .find(|b| b.mode == mode && b.key == key)
            .map(|b| b.action)
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
    use crate::app::App;

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
    fn every_action_reachable_in_a_mode_has_a_row_there_and_no_row_is_dead() {
        let km = Keymap::default();
        for mode in Mode::ALL {
            for action in Action::KEYED {
                let accepted = App::accepts(mode, action);
                let bound = km.rows(mode).any(|b| b.action == action);
                assert_eq!(
                    accepted, bound,
                    "{action:?} in {mode:?}: accepted {accepted}, bound {bound}"
                );
            }
        }
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
