//! The state machine: no drawing, no terminal. For now only the key notation; the App, its
//! Action enum and the keymap table come on top of it.

pub mod key;

pub use key::{Key, KeyParseError, parse_keys};
