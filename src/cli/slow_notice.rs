//! A line on standard error when something takes longer than a delay, for the workbench's
//! start: opening a large register can keep the terminal blank for seconds.

use std::io::Write;

/// Says on standard error that something is under way when it takes longer than a delay: a
/// large register's upgrade or replay keeps the terminal blank for seconds before the first
/// frame. Dropping it cancels the line, or waits until it is written, so the line never lands
/// on the screen the workbench takes over.
pub struct SlowNotice {
    cancel: Option<std::sync::mpsc::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl SlowNotice {
    /// Writes `text` on standard error after `delay`, unless the notice is dropped first.
    pub fn after(delay: std::time::Duration, text: String) -> SlowNotice {
        let (cancel, wait) = std::sync::mpsc::channel::<()>();
        let thread = std::thread::spawn(move || {
            if let Err(std::sync::mpsc::RecvTimeoutError::Timeout) = wait.recv_timeout(delay) {
                let _ = writeln!(std::io::stderr(), "{text}");
            }
        });
        SlowNotice {
            cancel: Some(cancel),
            thread: Some(thread),
        }
    }
}

impl Drop for SlowNotice {
    fn drop(&mut self) {
        drop(self.cancel.take());
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
