//! A semantic theme: widgets ask for `theme.late` or `theme.selected`, never a raw colour.
//!
//! Three themes are compiled in from `themes/*.toml` (`default`, `light`, `high-contrast`). A
//! file `<name>.toml` in the folder given to [`Theme::load`] (the config folder) overrides the
//! compiled-in theme of that name style by style: a style it defines replaces the compiled-in
//! one whole, the styles it leaves out stay. Only those three names exist, so an override never
//! has to define everything.
//!
//! A theme file has one table per style:
//!
//! ```toml
//! [late]
//! fg = "red"                   # a colour name (below) or "#rrggbb"; leave out for the default
//! bg = "#1c1c1c"
//! modifiers = ["bold"]         # bold, dim, italic, underlined, reversed, crossed_out
//! ```
//!
//! Colour names: `reset black red green yellow blue magenta cyan gray darkgray lightred
//! lightgreen lightyellow lightblue lightmagenta lightcyan white`, read without regard to case,
//! `-`, `_` or spaces (`dark-gray`), with `grey` for `gray`.
//!
//! With `NO_COLOR` every colour is dropped and the modifiers stay, so the themes carry their
//! meaning in modifiers too: the selected row is `reversed`, late and error styles are `bold`.
//!
//! - `load` — reading a theme: the compiled-in file, the override style by style, colours and
//!   modifiers, `NO_COLOR`.
//! - `error` — why a theme could not be loaded, naming the file, in the user's language.

mod error;
mod load;

pub use error::{ThemeError, ThemeFile};

use ratatui::style::{Modifier, Style};

/// The compiled-in themes, by name: the files in `themes/`.
const BUILTIN: [(&str, &str); 3] = [
    ("default", include_str!("../../../themes/default.toml")),
    ("light", include_str!("../../../themes/light.toml")),
    (
        "high-contrast",
        include_str!("../../../themes/high-contrast.toml"),
    ),
];

/// The valid theme names, for the config's `thema` and `--theme`.
pub const THEME_NAMES: [&str; 3] = [BUILTIN[0].0, BUILTIN[1].0, BUILTIN[2].0];

/// The modifiers a theme may name, with their TOML spelling.
const MODIFIERS: [(&str, Modifier); 6] = [
    ("bold", Modifier::BOLD),
    ("dim", Modifier::DIM),
    ("italic", Modifier::ITALIC),
    ("underlined", Modifier::UNDERLINED),
    ("reversed", Modifier::REVERSED),
    ("crossed_out", Modifier::CROSSED_OUT),
];

/// Declares the theme's styles once: the struct's fields, the names in the TOML files, and the
/// lookup by name, so the three cannot drift apart.
macro_rules! styles {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        /// The styles of every semantic element of the screen.
        #[derive(Clone, Debug, Default, PartialEq, Eq)]
        pub struct Theme {
            $($(#[$doc])* pub $name: Style,)*
        }

        /// The style names, as written in theme files (the field names).
        pub const STYLE_NAMES: &[&str] = &[$(stringify!($name),)*];

        impl Theme {
            /// The style called `name` in a theme file.
            fn slot(&mut self, name: &str) -> Option<&mut Style> {
                match name {
                    $(stringify!($name) => Some(&mut self.$name),)*
                    _ => None,
                }
            }

            /// Every style, for stripping colours.
            fn all_mut(&mut self) -> [&mut Style; STYLE_NAMES.len()] {
                [$(&mut self.$name,)*]
            }
        }
    };
}

styles! {
    /// Ordinary text on the base background.
    text,
    /// Secondary text: hints, empty cells, dates of closed cases.
    muted,
    /// Column headers of tables.
    header,
    /// The selected row of a list.
    selected,
    /// A case past a deadline whose duty is not done (te laat).
    late,
    /// A case with at most 5 working days left, or a breach under 24 hours (bijna).
    due_soon,
    /// An open case with time to spare.
    on_time,
    /// A case waiting for the requester (wachtend).
    waiting,
    /// A closed case.
    closed,
    /// The keys in the footer and the help.
    key_hint,
    /// A status-line message that something worked.
    status_ok,
    /// A status-line message that something failed.
    status_error,
    /// A banner that must not be missed: DEMO, a damaged working store, read-only.
    banner,
    /// Borders of blocks.
    border,
    /// Titles of blocks and screens.
    title,
    /// The form field that has focus.
    field_focus,
    /// A form field whose value is refused.
    field_error,
    /// Text being typed in a field or the search box.
    input,
}
