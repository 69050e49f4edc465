//! Saving a change through the register: the one way the app records anything. The list takes
//! the changed summaries the save returns (no case is read back to learn what was just saved),
//! and a change saved with a warning says so.

use super::App;
use crate::domain::Event;
use crate::store::{Saved, Seen, StoreError};

impl App {
    /// Saves one change at the instant of the action, with the versions the user saw. On
    /// success the list holds the changed cases as saved and a warning (saved, but the store
    /// turned read-only) is on the status line; the caller says what was done only when
    /// [`Saved::warning`] is empty.
    pub(super) fn commit(
        &mut self,
        events: Vec<Event>,
        seen: &[Seen],
    ) -> Result<Saved, StoreError> {
        let saved = self.store.save(events, seen, self.now)?;
        // A notification of this save is not others' news.
        self.live.head = self.live.head.max(saved.seq);
        self.take_summaries(&saved.changed);
        if let Some(w) = &saved.warning {
            let text = w.message(self.lang);
            self.say(text, true);
        }
        Ok(saved)
    }
}
