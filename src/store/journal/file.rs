//! The journal file held open under the register's lock: opened with its torn tail set aside
//! and its first and last lines checked, then appended to, each change fsynced.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::domain::Event;

use super::scan::{Scan, lines_before, read_range, rfind_newline};
use super::{
    BadLine, Change, FORMAT, JOURNAL_FILE, LineFault, ZERO_HASH, check_chain, encode_line,
    parse_line,
};

/// Errors of the journal writer.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    /// A read, write or fsync failed; the journal is unchanged (the partial line was cut off).
    #[error("journal io error: {0}")]
    Io(#[from] io::Error),
    /// The append failed and cutting the partial line back failed too: the journal may end
    /// in a partial line, so nothing more may be appended in this process.
    #[error("journal could not be cut back after a failed append: {0}")]
    Poisoned(io::Error),
    /// A line of the journal fails to parse or chain.
    #[error(transparent)]
    Line(#[from] BadLine),
}

/// A torn tail set aside at open: where its bytes went, and how many.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TornTail {
    /// The file holding the torn bytes.
    pub moved_to: PathBuf,
    /// How many bytes were cut from the journal.
    pub bytes: u64,
}

/// The open journal, for appending. The register's lock must be held.
#[derive(Debug)]
pub struct Journal {
    file: File,
    path: PathBuf,
    /// Length of the complete lines (where the next line starts).
    end: u64,
    /// The last line, if any.
    last: Option<Change>,
    /// The first line, if any (it says whether the register is a demo).
    first: Option<Change>,
    /// Set when a failed append could not be cut back.
    poisoned: bool,
}

impl Journal {
    /// Opens (creating if missing, 0600) the journal in `dir`. A torn tail is moved to
    /// `journal.torn-<stamp>` and cut away; the first and last lines are parsed and checked,
    /// and the last line's seq against the number of lines.
    ///
    /// The file is read once in 64 kB chunks, never held whole: at 100,000 cases the
    /// journal is hundreds of MB, and opening must cost neither that memory nor its parse.
    pub fn open(dir: &Path, stamp: &str) -> Result<(Journal, Option<TornTail>), JournalError> {
        let path = dir.join(JOURNAL_FILE);
        let existed = path.exists();
        let mut file = create_options().read(true).append(true).open(&path)?;
        if !existed {
            sync_dir(dir)?;
        }
        let scan = Scan::of(&mut file)?;
        let end = scan.last_newline.map_or(0, |p| p + 1);
        let torn = if end < scan.len {
            Some(set_torn_tail_aside(dir, &mut file, end, scan.len, stamp)?)
        } else {
            None
        };
        let first = match scan.last_newline {
            None => None,
            Some(_) => {
                let c = parse_line(&scan.first).map_err(|fault| BadLine { line: 1, fault })?;
                check_chain(&c, 1, ZERO_HASH).map_err(|fault| BadLine { line: 1, fault })?;
                Some(c)
            }
        };
        let last = match (scan.last_newline, scan.before_last_newline) {
            (Some(last_nl), Some(before)) => Some(last_line(&mut file, last_nl, before)?),
            _ => first.clone(),
        };
        Ok((
            Journal {
                file,
                path,
                end,
                last,
                first,
                poisoned: false,
            },
            torn,
        ))
    }

    /// The journal file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The last change, if any.
    pub fn last(&self) -> Option<&Change> {
        self.last.as_ref()
    }

    /// The first change, if any.
    pub fn first(&self) -> Option<&Change> {
        self.first.as_ref()
    }

    /// The seq of the last change (0 when empty).
    pub fn last_seq(&self) -> u64 {
        self.last.as_ref().map_or(0, |c| c.seq)
    }

    /// Whether a failed append could not be cut back (nothing more may be appended).
    pub fn is_poisoned(&self) -> bool {
        self.poisoned
    }

    /// Appends one change and `sync_data`s it: when this returns `Ok` the change is saved.
    /// On failure the journal is cut back to the previous line; if even that fails the
    /// journal is poisoned. Returns the byte offset where the new line starts (the working
    /// store's index of each case's lines) and the new line's change.
    pub fn append(
        &mut self,
        at: DateTime<Utc>,
        user: &str,
        events: Vec<Event>,
        cases: u64,
    ) -> Result<(u64, &Change), JournalError> {
        if self.poisoned {
            return Err(JournalError::Poisoned(io::Error::other("journal poisoned")));
        }
        let seq = self.last_seq() + 1;
        let prev = self
            .last
            .as_ref()
            .map_or_else(|| ZERO_HASH.to_string(), |c| c.hash.clone());
        let (line, hash) =
            encode_line(seq, &at, user, &events, cases, &prev).map_err(io::Error::other)?;
        let written = self
            .file
            .write_all(&line)
            .and_then(|()| self.file.sync_data());
        if let Err(e) = written {
            let cut = self
                .file
                .set_len(self.end)
                .and_then(|()| self.file.sync_data());
            return Err(match cut {
                Ok(()) => JournalError::Io(e),
                Err(e2) => {
                    self.poisoned = true;
                    JournalError::Poisoned(e2)
                }
            });
        }
        let offset = self.end;
        self.end += line.len() as u64;
        let change = Change {
            v: FORMAT,
            seq,
            at,
            user: user.to_string(),
            events,
            cases,
            prev,
            hash,
        };
        if seq == 1 {
            self.first = Some(change.clone());
        }
        Ok((offset, self.last.insert(change)))
    }
}

/// Options that create a file 0600 (on Unix) if missing.
pub fn create_options() -> OpenOptions {
    let mut o = OpenOptions::new();
    o.create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    o
}

/// Fsyncs a folder so a file created in it survives a crash (no-op where unsupported).
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Moves the bytes after the last newline (a line torn by a crash mid-append) to
/// `journal.torn-<stamp>` — never over an earlier one: it is evidence too — and cuts the journal
/// back to its last complete line.
fn set_torn_tail_aside(
    dir: &Path,
    file: &mut File,
    end: u64,
    len: u64,
    stamp: &str,
) -> Result<TornTail, JournalError> {
    let tail = read_range(file, end, len)?;
    let mut moved_to = dir.join(format!("journal.torn-{stamp}"));
    let mut n = 1;
    while moved_to.exists() {
        n += 1;
        moved_to = dir.join(format!("journal.torn-{stamp}-{n}"));
    }
    let mut t = create_options()
        .write(true)
        .create_new(true)
        .open(&moved_to)?;
    t.write_all(&tail)?;
    t.sync_all()?;
    file.set_len(end)?;
    file.sync_all()?;
    sync_dir(dir)?;
    Ok(TornTail {
        moved_to,
        bytes: len - end,
    })
}

/// The journal's last line (ending at `last_nl`, after the newline at `before`), checked: a
/// complete journal's last line is line number `seq` and chains to the line before it (read
/// from the end too), so a stray line (copied in, or from another journal) is named here by
/// its number — counted only then — and `privdesk repair` can set it aside (issue 16).
fn last_line(file: &mut File, last_nl: u64, before: u64) -> Result<Change, JournalError> {
    let line = read_range(file, before + 1, last_nl)?;
    let start = rfind_newline(file, before)?.map_or(0, |p| p + 1);
    let prev_line = read_range(file, start, before)?;
    let parsed = parse_line(&line).and_then(|c| match parse_line(&prev_line) {
        Ok(p) if c.seq >= 2 => check_chain(&c, p.seq + 1, &p.hash).map(|()| c),
        // A bad line before the last is `audit verify`'s to name.
        _ => Ok(c),
    });
    match parsed {
        Ok(c) if c.seq >= 2 => Ok(c),
        parsed => {
            let n = lines_before(file, last_nl + 1)?;
            let fault = match parsed {
                Err(fault) => fault,
                Ok(c) => LineFault::SeqGap {
                    expected: n,
                    found: c.seq,
                },
            };
            Err(BadLine { line: n, fault }.into())
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::fs;

    use super::*;
    use crate::store::journal::testing::{at, padded_journal};
    use crate::store::journal::{VerifyError, line_at, read_all_with_offsets, stream, verify};

    #[test]
    fn append_chains_and_verify_counts() {
        let dir = tempfile::tempdir().unwrap();
        let (mut j, torn) = Journal::open(dir.path(), "t").unwrap();
        assert!(torn.is_none());
        let t = at("2026-11-23T09:00:00Z");
        let (at1, c1) = j
            .append(t, "u", vec![Event::RegisterCreated { demo: false }], 0)
            .unwrap();
        assert_eq!(at1, 0);
        let h1 = c1.hash.clone();
        let (at2, c2) = j
            .append(t, "u", vec![Event::Exported { what: "csv".into() }], 0)
            .unwrap();
        assert_eq!(c2.prev, h1);
        let head = c2.hash.clone();
        let path = dir.path().join(JOURNAL_FILE);
        assert_eq!(verify(&path).unwrap(), (2, head));
        // The offsets append returns are where the lines start, as the readers see them.
        let bytes = fs::read(&path).unwrap();
        assert_eq!(
            at2 as usize,
            bytes.iter().position(|b| *b == b'\n').unwrap() + 1
        );
        let (changes, offsets) = read_all_with_offsets(&path).unwrap();
        assert_eq!(offsets, vec![0, at2]);
        let mut s = stream(&path).unwrap();
        assert_eq!(s.next_located().unwrap().unwrap().0, 0);
        assert_eq!(
            s.next_located().unwrap().unwrap(),
            (at2, changes[1].clone())
        );
        assert!(s.next_located().is_none());
        let mut r = io::BufReader::new(File::open(&path).unwrap());
        let line = line_at(&mut r, at2).unwrap().unwrap();
        assert_eq!(parse_line(&line).unwrap(), changes[1]);
        assert_eq!(line_at(&mut r, bytes.len() as u64).unwrap(), None);
        let (j2, _) = Journal::open(dir.path(), "t").unwrap();
        assert_eq!(j2.last_seq(), 2);
        assert_eq!(
            j2.first().unwrap().events,
            vec![Event::RegisterCreated { demo: false }]
        );
    }

    #[test]
    fn a_torn_tail_is_set_aside_and_cut() {
        let dir = tempfile::tempdir().unwrap();
        let (mut j, _) = Journal::open(dir.path(), "t").unwrap();
        j.append(
            at("2026-11-23T09:00:00Z"),
            "u",
            vec![Event::RegisterCreated { demo: false }],
            0,
        )
        .unwrap();
        drop(j);
        let path = dir.path().join(JOURNAL_FILE);
        let good = fs::read(&path).unwrap();
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(b"{\"v\":1,\"seq\":2,\"at").unwrap();
        drop(f);
        let (j, torn) = Journal::open(dir.path(), "20261123T090000Z").unwrap();
        let torn = torn.unwrap();
        assert_eq!(torn.bytes, 18);
        assert_eq!(
            fs::read(&torn.moved_to).unwrap(),
            b"{\"v\":1,\"seq\":2,\"at"
        );
        assert_eq!(fs::read(&path).unwrap(), good);
        assert_eq!(j.last_seq(), 1);
        drop(j);
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(b"{\"v\"").unwrap();
        drop(f);
        let (_, again) = Journal::open(dir.path(), "20261123T090000Z").unwrap();
        let again = again.unwrap();
        assert_ne!(again.moved_to, torn.moved_to);
        assert_eq!(fs::read(&again.moved_to).unwrap(), b"{\"v\"");
        assert_eq!(
            fs::read(&torn.moved_to).unwrap(),
            b"{\"v\":1,\"seq\":2,\"at"
        );
    }

    #[test]
    fn a_journal_larger_than_a_read_chunk_opens_at_its_last_line() {
        let dir = tempfile::tempdir().unwrap();
        let mut bytes = padded_journal(3000, 700);
        assert!(bytes.len() > 2 << 20, "spans several read chunks");
        let path = dir.path().join(JOURNAL_FILE);
        let good = bytes.clone();
        fs::write(&path, &good).unwrap();
        let prev = verify(&path).unwrap().1;
        bytes.extend_from_slice(b"{\"v\":1,\"seq\":3001");
        fs::write(&path, &bytes).unwrap();
        // Verify streams the file and stops at the torn tail, like open.
        assert_eq!(verify(&path).unwrap(), (3000, prev.clone()));
        let (j, torn) = Journal::open(dir.path(), "t").unwrap();
        assert_eq!(j.last_seq(), 3000);
        assert_eq!(j.last().unwrap().hash, prev);
        assert_eq!(torn.unwrap().bytes, 17);
        assert_eq!(fs::read(&path).unwrap(), good);
        // A line missing in the middle: open reads only the ends, `audit verify` names it.
        let text = String::from_utf8(good).unwrap();
        let mut lines: Vec<&str> = text.lines().collect();
        lines.remove(1500);
        fs::write(&path, lines.join("\n") + "\n").unwrap();
        assert_eq!(Journal::open(dir.path(), "t").unwrap().0.last_seq(), 3000);
        assert!(matches!(
            verify(&path),
            Err(VerifyError::Line(BadLine { line: 1501, .. }))
        ));
        // A last line that does not parse, or claims to be the first: named by its number.
        let mut bad = lines.clone();
        bad.push("{\"v\":1,\"seq\":");
        fs::write(&path, bad.join("\n") + "\n").unwrap();
        assert!(matches!(
            Journal::open(dir.path(), "t"),
            Err(JournalError::Line(BadLine { line: 3000, .. }))
        ));
        let first = lines[0];
        lines.push(first);
        fs::write(&path, lines.join("\n") + "\n").unwrap();
        assert!(matches!(
            Journal::open(dir.path(), "t"),
            Err(JournalError::Line(BadLine {
                line: 3000,
                fault: LineFault::SeqGap {
                    expected: 3000,
                    found: 1
                }
            }))
        ));
    }
}
