//! The key-script driver over ratatui's `TestBackend`; for now the script parser.

pub mod script;
