//! Reading the journal back: streamed and checked one line at a time, verified, the lines after
//! a seq (from the end when it is near), every line at once, or the line at an offset.

use std::fs::{self, File};
use std::io::{self, BufRead, Seek, SeekFrom};
use std::path::Path;

use super::scan::{SCAN_CHUNK, read_range};
use super::{BadLine, Change, ZERO_HASH, check_chain, complete_lines, parse_all, parse_line};

/// What `verify` found wrong: the disk, or a line.
#[derive(Debug, thiserror::Error)]
pub enum VerifyError {
    /// The journal could not be read.
    #[error("journal unreadable: {0}")]
    Io(#[from] io::Error),
    /// A line fails.
    #[error(transparent)]
    Line(#[from] BadLine),
}

/// Verifies a journal file without taking the register's lock: every complete line's hash,
/// `prev` and `seq`. Returns the number of changes and the head hash (`ZERO_HASH` when empty).
/// The file is streamed line by line, so verifying a journal of hundreds of MB takes a line's
/// memory, not the file's.
pub fn verify(path: &Path) -> Result<(u64, String), VerifyError> {
    let mut lines = stream(path)?;
    for change in &mut lines {
        change?;
    }
    Ok((lines.count, lines.prev))
}

/// Streams the complete lines of a journal file as changes, each checked (hash, `prev`,
/// `seq`) as it is read; a torn tail ends the stream. For repair, backup and verify of large
/// journals: one line in memory at a time.
pub fn stream(path: &Path) -> io::Result<Stream> {
    Ok(Stream {
        reader: io::BufReader::with_capacity(1 << 16, File::open(path)?),
        line: Vec::new(),
        prev: ZERO_HASH.to_string(),
        count: 0,
        pos: 0,
        good_end: 0,
        failed: false,
        error: None,
    })
}

/// The iterator of [`stream`]. After the end, `count` and `prev` are the number of changes and
/// the head hash.
#[derive(Debug)]
pub struct Stream {
    reader: io::BufReader<File>,
    line: Vec<u8>,
    /// The hash of the last line read.
    pub prev: String,
    /// The number of lines read.
    pub count: u64,
    /// The number of bytes read: where the next line starts.
    pos: u64,
    /// Where the last line that passed ends (the journal's length without a bad line after).
    good_end: u64,
    failed: bool,
    /// The failure that ended [`Stream::located_ok`].
    error: Option<VerifyError>,
}

impl Stream {
    /// The next change with the byte offset where its line starts (the working store indexes
    /// each case's lines by offset).
    pub fn next_located(&mut self) -> Option<Result<(u64, Change), VerifyError>> {
        if self.failed {
            return None;
        }
        let start = self.pos;
        self.line.clear();
        match self.reader.read_until(b'\n', &mut self.line) {
            Err(e) => {
                self.failed = true;
                return Some(Err(e.into()));
            }
            // The end, or a torn tail: only complete lines count.
            Ok(_) if self.line.last() != Some(&b'\n') => return None,
            Ok(_) => {}
        }
        self.pos += self.line.len() as u64;
        self.line.pop();
        let n = self.count + 1;
        let bad = |fault| VerifyError::Line(BadLine { line: n, fault });
        let checked = parse_line(&self.line)
            .and_then(|c| check_chain(&c, n, &self.prev).map(|()| c))
            .map_err(bad);
        match checked {
            Ok(change) => {
                self.prev.clone_from(&change.hash);
                self.count = n;
                self.good_end = self.pos;
                Some(Ok((start, change)))
            }
            Err(e) => {
                self.failed = true;
                Some(Err(e))
            }
        }
    }
}

impl Stream {
    /// The located changes up to the first line that fails, whose failure is kept for
    /// [`Stream::failure`]: for a consumer that takes an iterator of changes (replay, the
    /// index) and must still learn that the journal did not read to its end.
    pub fn located_ok(&mut self) -> impl Iterator<Item = Located> + '_ {
        std::iter::from_fn(move || match self.next_located()? {
            Ok(located) => Some(located),
            Err(e) => {
                self.error = Some(e);
                None
            }
        })
    }

    /// Where the last line that passed ends: after a failure, where the failing line starts.
    pub fn good_end(&self) -> u64 {
        self.good_end
    }

    /// Why [`Stream::located_ok`] stopped before the end, if it did.
    pub fn failure(&mut self) -> Option<VerifyError> {
        self.error.take()
    }
}

impl Iterator for Stream {
    type Item = Result<Change, VerifyError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_located().map(|r| r.map(|(_, change)| change))
    }
}

/// The journal's lines after change `seq`, with their offsets, and change `seq` itself: what a
/// working store that has applied up to `seq` still needs. Read from the end when `seq` is
/// near it (the usual case: a kill between a save's two steps leaves one line to replay), so
/// opening a large register after a crash does not read its whole journal; else streamed from
/// the start, keeping only those lines. The lines after `seq` are chain-checked from it.
pub fn lines_after(path: &Path, seq: u64) -> Result<(Option<Change>, Vec<Located>), VerifyError> {
    lines_after_within(path, seq, NEAR_END)
}

fn lines_after_within(
    path: &Path,
    seq: u64,
    near_end: u64,
) -> Result<(Option<Change>, Vec<Located>), VerifyError> {
    let near = match seq {
        0 => None,
        _ => line_near_end(path, seq, near_end)?,
    };
    let mut stream = match near {
        Some((after, at_seq)) => {
            let mut tail = stream(path)?;
            tail.reader.seek(SeekFrom::Start(after))?;
            tail.pos = after;
            tail.good_end = after;
            tail.prev.clone_from(&at_seq.hash);
            tail.count = seq;
            let rest = tail.located_ok().collect();
            return match tail.failure() {
                Some(e) => Err(e),
                None => Ok((Some(at_seq), rest)),
            };
        }
        None => stream(path)?,
    };
    let mut at_seq = None;
    let mut rest = Vec::new();
    while let Some(line) = stream.next_located() {
        let (offset, change) = line?;
        if change.seq == seq {
            at_seq = Some(change);
        } else if change.seq > seq {
            rest.push((offset, change));
        }
    }
    Ok((at_seq, rest))
}

/// A change with the offset where its line starts.
pub type Located = (u64, Change);

/// How far from the end [`lines_after`] looks for its starting line before it streams the
/// journal from the start instead.
const NEAR_END: u64 = 16 << 20;

/// Change `seq` if it lies in the last `near_end` bytes, with the offset just past its line.
/// Lines that do not parse are passed over here: the stream that follows checks what counts.
fn line_near_end(path: &Path, seq: u64, near_end: u64) -> io::Result<Option<(u64, Change)>> {
    let mut file = File::open(path)?;
    let end = file.metadata()?.len();
    let mut window = (SCAN_CHUNK * 16).min(near_end);
    loop {
        let from = end.saturating_sub(window);
        let bytes = read_range(&mut file, from, end)?;
        // Before `from` the first piece may be part of a line: skip it.
        let skip = match from {
            0 => 0,
            _ => bytes
                .iter()
                .position(|b| *b == b'\n')
                .map_or(bytes.len(), |i| i + 1),
        };
        let mut start = skip;
        for line in complete_lines(&bytes[skip..]) {
            let next = start + line.len() + 1;
            if let Ok(c) = parse_line(line)
                && c.seq == seq
            {
                return Ok(Some((from + next as u64, c)));
            }
            start = next;
        }
        if from == 0 || window >= near_end {
            return Ok(None);
        }
        window *= 4;
    }
}

/// Reads every complete line of a journal file and checks the chain; for replay, history,
/// backup and repair.
pub fn read_all(path: &Path) -> Result<Vec<Change>, VerifyError> {
    Ok(parse_all(&fs::read(path)?)?)
}

/// [`read_all`] with the byte offset where each line starts (for the working store's index of
/// each case's lines): the changes and their offsets, index for index.
pub fn read_all_with_offsets(path: &Path) -> Result<(Vec<Change>, Vec<u64>), VerifyError> {
    let bytes = fs::read(path)?;
    let changes = parse_all(&bytes)?;
    let offsets = line_starts(&bytes).take(changes.len()).collect();
    Ok((changes, offsets))
}

/// The byte offsets where the lines of a journal's bytes start: 0, then after every newline.
fn line_starts(bytes: &[u8]) -> impl Iterator<Item = u64> + '_ {
    std::iter::once(0).chain(
        bytes
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .map(|(i, _)| i as u64 + 1),
    )
}

/// Reads the line that starts at byte `offset` (without its newline): `None` when no complete
/// line is there (the file ends first). Nothing is checked: the caller parses the line.
pub fn line_at<R: BufRead + Seek>(reader: &mut R, offset: u64) -> io::Result<Option<Vec<u8>>> {
    reader.seek(SeekFrom::Start(offset))?;
    let mut line = Vec::new();
    reader.read_until(b'\n', &mut line)?;
    if line.pop() != Some(b'\n') {
        return Ok(None);
    }
    Ok(Some(line))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::domain::Event;
    use crate::store::journal::testing::{at, padded_journal};
    use crate::store::journal::{JOURNAL_FILE, Journal, LineFault};

    #[test]
    fn lines_after_a_seq_are_read_from_the_end_or_streamed_and_chain_checked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(JOURNAL_FILE);
        let bytes = padded_journal(2000, 700);
        assert!(
            bytes.len() as u64 > SCAN_CHUNK * 16,
            "beyond the first window"
        );
        fs::write(&path, &bytes).unwrap();
        let (all, offsets) = read_all_with_offsets(&path).unwrap();
        let expect = |seq: u64| {
            let rest: Vec<Located> = offsets
                .iter()
                .copied()
                .zip(all.iter().cloned())
                .skip(seq as usize)
                .collect();
            (seq.checked_sub(1).map(|i| all[i as usize].clone()), rest)
        };
        // Near the end, further back (the window grows), nothing left, from the start; and
        // with a window too small to reach the line: streamed from the start, same answer.
        for seq in [1999, 1990, 1000, 10, 2000, 0] {
            assert_eq!(lines_after(&path, seq).unwrap(), expect(seq), "{seq}");
            assert_eq!(
                lines_after_within(&path, seq, 4096).unwrap(),
                expect(seq),
                "{seq}"
            );
        }
        // A line after the seq that breaks the chain fails, whichever way it was reached.
        let text = String::from_utf8(bytes).unwrap();
        let mut lines: Vec<String> = text.lines().map(String::from).collect();
        lines[1998] = lines[1998].replace("xxx", "xxy");
        fs::write(&path, lines.join("\n") + "\n").unwrap();
        assert!(lines_after(&path, 1995).is_err());
        assert!(lines_after_within(&path, 1995, 4096).is_err());
        // The line at the seq itself damaged: not found near the end, and streaming fails.
        assert!(lines_after(&path, 1999).is_err());
    }

    #[test]
    fn verify_names_the_first_bad_line() {
        let dir = tempfile::tempdir().unwrap();
        let (mut j, _) = Journal::open(dir.path(), "t").unwrap();
        let t = at("2026-11-23T09:00:00Z");
        j.append(t, "u", vec![Event::RegisterCreated { demo: false }], 0)
            .unwrap();
        j.append(t, "u", vec![Event::BackedUp { head: None }], 0)
            .unwrap();
        j.append(t, "u", vec![Event::BackedUp { head: None }], 0)
            .unwrap();
        drop(j);
        let path = dir.path().join(JOURNAL_FILE);
        let text = fs::read_to_string(&path).unwrap();
        let mut lines: Vec<String> = text.lines().map(String::from).collect();
        lines[1] = lines[1].replace("backed_up", "backed_uq");
        fs::write(&path, lines.join("\n") + "\n").unwrap();
        match verify(&path) {
            Err(VerifyError::Line(b)) => {
                assert_eq!(b.line, 2);
                assert_eq!(b.fault, LineFault::HashMismatch);
            }
            other => panic!("{other:?}"),
        }
        lines[1] = "garbage".into();
        fs::write(&path, lines.join("\n") + "\n").unwrap();
        assert!(matches!(
            verify(&path),
            Err(VerifyError::Line(BadLine { line: 2, .. }))
        ));
    }
}
