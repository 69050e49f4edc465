//! Throw-away registers never outlive their session: a session ended by SIGTERM, SIGINT or
//! SIGHUP (a closed terminal) removes its temporary register folder before it exits, and at
//! start the folders `privdesk-<pid>-*` that processes no longer running left behind (killed
//! by SIGKILL, a crash) are removed. The crate forbids `unsafe`: `signal-hook` delivers the
//! signals to a thread of our own, where removing a folder is allowed.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use signal_hook::consts::signal::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

/// The prefix of a throw-away register's folder in the temporary folder:
/// `privdesk-<pid>-<n>`.
pub const TEMP_PREFIX: &str = "privdesk-";

/// On SIGTERM, SIGINT or SIGHUP: removes `folder`, restores the terminal when `terminal` (the
/// workbench had taken it over), and exits with 128 + the signal's number, as a shell reports
/// a process ended by that signal. Fails only when the signals cannot be caught.
pub fn remove_on_signal(folder: PathBuf, terminal: bool) -> std::io::Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGINT, SIGHUP])?;
    std::thread::Builder::new()
        .name("privdesk-signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                let _ = std::fs::remove_dir_all(&folder);
                if terminal {
                    // Quietly: after SIGHUP the terminal is gone, and nothing may print.
                    let _ = ratatui::try_restore();
                }
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
}

/// The pid in a throw-away register's folder name `privdesk-<pid>-<n>`, if it is one.
pub fn temp_folder_pid(name: &OsStr) -> Option<i32> {
    let rest = name.to_str()?.strip_prefix(TEMP_PREFIX)?;
    let (pid, n) = rest.split_once('-')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(pid) || !digits(n) {
        return None;
    }
    pid.parse().ok()
}

/// Whether a process with this pid runs (ours or another user's).
fn running(pid: i32) -> bool {
    let Some(pid) = rustix::process::Pid::from_raw(pid) else {
        return false;
    };
    match rustix::process::test_kill_process(pid) {
        Ok(()) => true,
        // It exists, but belongs to someone else.
        Err(e) => e != rustix::io::Errno::SRCH,
    }
}

/// Removes the throw-away register folders in `base` whose process no longer runs; folders of
/// running processes, of other users (unreadable to us), symbolic links and other names stay.
/// Returns how many were removed.
pub fn sweep_stale(base: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(base) else {
        return 0;
    };
    let own = std::process::id();
    let mut removed = 0;
    for entry in entries.flatten() {
        let Some(pid) = temp_folder_pid(&entry.file_name()) else {
            continue;
        };
        if u32::try_from(pid).is_ok_and(|p| p == own) || running(pid) {
            continue;
        }
        let path = entry.path();
        let is_dir = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir());
        if is_dir && std::fs::remove_dir_all(&path).is_ok() {
            removed += 1;
        }
    }
    removed
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn only_throw_away_folder_names_carry_a_pid() {
        assert_eq!(temp_folder_pid(OsStr::new("privdesk-123-0")), Some(123));
        assert_eq!(temp_folder_pid(OsStr::new("privdesk-123-45")), Some(123));
        for other in [
            "privdesk-app-tests-empty.toml",
            "privdesk-123",
            "privdesk--0",
            "privdesk-12a-0",
            "privdesk-123-0x",
            "iets-123-0",
        ] {
            assert_eq!(temp_folder_pid(OsStr::new(other)), None, "{other}");
        }
    }

    #[test]
    fn the_sweep_removes_folders_of_dead_processes_only() {
        let base = tempfile::tempdir().unwrap();
        // A child that has exited and been reaped: its pid runs no more (unless reused at
        // once, which the assertion below would show as a kept folder).
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        let stale = base.path().join(format!("privdesk-{dead}-0"));
        let mine = base
            .path()
            .join(format!("privdesk-{}-0", std::process::id()));
        let other = base.path().join("privdesk-notes");
        for d in [&stale, &mine, &other] {
            std::fs::create_dir(d).unwrap();
            std::fs::write(d.join("journal.jsonl"), "x").unwrap();
        }
        assert_eq!(sweep_stale(base.path()), 1);
        assert!(!stale.exists());
        assert!(mine.exists());
        assert!(other.exists());
    }
}
