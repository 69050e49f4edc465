//! What a register with several writers reports between key presses (issue 20): others'
//! saves, who has which case open, a lost and a regained connection. A register of one writer
//! (the local and the in-memory one) reports nothing: [`Register::live`](super::Register::live)
//! gives `None` and [`Register::catch_up`](super::Register::catch_up) finds nothing new.
//!
//! The reports come from a thread of the store's own over a channel, so the terminal loop never
//! waits on the network: it drains the channel between keys and catches up when told to.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender};

use chrono::{DateTime, Utc};

use crate::domain::{CaseId, Event, Summary};

/// Another workbench with a case open.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Presence {
    /// The case.
    pub case: CaseId,
    /// The login working on it (as the database names it).
    pub user: String,
}

/// One report of a live register.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LiveEvent {
    /// A change was saved (by anyone): the journal's head is at least this seq.
    Saved(u64),
    /// Who else has which case open now (the whole set, replacing the last one).
    Present(Vec<Presence>),
    /// The connection to the register was lost: read-only until [`LiveEvent::Back`].
    Lost,
    /// Connected again: catch up by seq.
    Back,
}

/// The app's end of a live register: its reports, and where it says which case is open.
#[derive(Debug)]
pub struct Live {
    events: Receiver<LiveEvent>,
    open: Sender<Option<CaseId>>,
}

impl Live {
    /// Both ends of the channels: the app's [`Live`], and the store thread's receiver of the
    /// open case and sender of reports.
    pub fn pair() -> (Live, Receiver<Option<CaseId>>, Sender<LiveEvent>) {
        let (event_tx, event_rx) = std::sync::mpsc::channel();
        let (open_tx, open_rx) = std::sync::mpsc::channel();
        (
            Live {
                events: event_rx,
                open: open_tx,
            },
            open_rx,
            event_tx,
        )
    }

    /// The next report already waiting, if any (never blocks). `None` also when the store's
    /// thread has ended.
    pub fn next(&self) -> Option<LiveEvent> {
        self.events.try_recv().ok()
    }

    /// Tells the others which case this workbench has open (`None`: none). Dropping the
    /// [`Live`] says goodbye.
    pub fn set_open(&self, case: Option<CaseId>) {
        let _ = self.open.send(case);
    }
}

/// A change someone saved, as its journal line says.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// Its seq.
    pub seq: u64,
    /// When it was saved.
    pub at: DateTime<Utc>,
    /// Who saved it.
    pub user: String,
    /// What it did.
    pub events: Vec<Event>,
}

/// What others saved since this session last caught up.
#[derive(Clone, Debug, Default)]
pub struct CaughtUp {
    /// The journal's head seq now.
    pub head: u64,
    /// The summaries of the cases others changed, as they are now.
    pub changed: Vec<Arc<Summary>>,
    /// Others' changes, oldest first (the newest few hundred when there were more).
    pub changes: Vec<Change>,
}

impl CaughtUp {
    /// Whether others saved anything.
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty() && self.changes.is_empty()
    }
}
