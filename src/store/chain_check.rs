//! The whole journal's hash chain, checked in the background after the register opens.
//!
//! Opening reads the journal at its two ends only, so that it stays fast however long the
//! journal grows; a line damaged or removed in the middle is what `privdesk audit verify` finds.
//! The workbench runs that same check on a thread of its own once the register is open, so the
//! desk hears of a broken audit trail on the day it breaks, without waiting for the FG's next
//! verify and without delaying the first frame.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use super::Store;
use super::journal::{self, BadLine, VerifyError};

/// What the background check found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChainState {
    /// Every line up to the end checks: the number of changes.
    Intact(u64),
    /// A line fails: its number and why.
    Broken(BadLine),
    /// The journal could not be read to its end (the reason, no personal data).
    Unreadable(String),
}

/// A running (or finished) background check of the journal's chain.
#[derive(Clone, Debug, Default)]
pub struct ChainCheck {
    result: Arc<OnceLock<ChainState>>,
}

impl ChainCheck {
    /// Starts checking the journal at `path` on a thread of its own.
    fn start(path: PathBuf) -> ChainCheck {
        let check = ChainCheck::default();
        let result = Arc::clone(&check.result);
        let spawned = std::thread::Builder::new()
            .name("privdesk-chain-check".into())
            .spawn(move || {
                let state = match journal::verify(&path) {
                    Ok((count, _head)) => ChainState::Intact(count),
                    Err(VerifyError::Line(bad)) => ChainState::Broken(bad),
                    Err(VerifyError::Io(e)) => ChainState::Unreadable(e.kind().to_string()),
                };
                let _ = result.set(state);
            });
        // A check that cannot start says so: the journal was not checked.
        if let Err(e) = spawned {
            let _ = check
                .result
                .set(ChainState::Unreadable(e.kind().to_string()));
        }
        check
    }

    /// Runs `check` on a thread of its own (a store that reads its journal from elsewhere).
    pub fn spawn(check: impl FnOnce() -> ChainState + Send + 'static) -> ChainCheck {
        let out = ChainCheck::default();
        let result = Arc::clone(&out.result);
        let spawned = std::thread::Builder::new()
            .name("privdesk-chain-check".into())
            .spawn(move || {
                let _ = result.set(check());
            });
        if let Err(e) = spawned {
            let _ = out.result.set(ChainState::Unreadable(e.kind().to_string()));
        }
        out
    }

    /// A check that has already finished with `state` (a store that chains each line as it
    /// appends it, and has nothing to read back).
    pub fn finished(state: ChainState) -> ChainCheck {
        let check = ChainCheck::default();
        let _ = check.result.set(state);
        check
    }

    /// The outcome, once the check has finished.
    pub fn state(&self) -> Option<&ChainState> {
        self.result.get()
    }

    /// Blocks until the check has finished, and gives its outcome: headless runs the check
    /// before its first command, so a script sees the same screen in every run.
    pub fn wait(&self) -> &ChainState {
        self.result.wait()
    }
}

impl Store {
    /// Starts checking the whole journal's chain in the background (see the module).
    pub fn check_chain_in_background(&self) -> ChainCheck {
        ChainCheck::start(self.journal.path().to_path_buf())
    }
}
