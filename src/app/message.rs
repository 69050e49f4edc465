//! The status line's message: what the last action did, or why it did not.

use super::App;

/// A status-line message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// The text, in the user's language.
    pub text: String,
    /// Whether it reports a failure.
    pub error: bool,
}

impl App {
    /// The status-line message.
    pub fn message(&self) -> Option<&Message> {
        self.message.as_ref()
    }

    /// Puts `text` on the status line (until the next action), as a failure when `error`.
    pub(super) fn say(&mut self, text: String, error: bool) {
        self.message = Some(Message { text, error });
    }
}
