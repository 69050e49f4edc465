//! Rendering: reads the app's state, writes a frame, changes nothing. For now the theme.

pub mod theme;
