//! The journal file read from its ends a chunk at a time, never whole: what opening needs of it,
//! and the byte ranges the readers ask for.

use std::fs::File;
use std::io::{self, BufRead, Read, Seek, SeekFrom};

use super::line::count_newlines;

/// What opening needs of the journal file: its length, where its last two lines end, and its
/// first line. Read from both ends, never whole, so opening does not grow with the journal
/// (checking every line is `audit verify`'s work, and replay's when it reads the journal).
pub(super) struct Scan {
    pub(super) len: u64,
    /// The offset of the last newline (the end of the last complete line).
    pub(super) last_newline: Option<u64>,
    /// The offset of the newline before it (the last complete line starts after it).
    pub(super) before_last_newline: Option<u64>,
    /// The first line, without its newline (empty when there is no complete line).
    pub(super) first: Vec<u8>,
}

/// The number of newlines in the file's first `upto` bytes (only to name a failing line).
pub(super) fn lines_before(file: &mut File, upto: u64) -> io::Result<u64> {
    file.seek(SeekFrom::Start(0))?;
    let mut reader = io::BufReader::with_capacity(1 << 16, Read::by_ref(file).take(upto));
    let mut n = 0;
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(n);
        }
        n += count_newlines(buf) as u64;
        let used = buf.len();
        reader.consume(used);
    }
}

/// How much of the journal one read takes when scanning for a line's end.
pub(super) const SCAN_CHUNK: u64 = 1 << 16;

impl Scan {
    pub(super) fn of(file: &mut File) -> io::Result<Scan> {
        let len = file.metadata()?.len();
        let last_newline = rfind_newline(file, len)?;
        let before_last_newline = match last_newline {
            Some(p) => rfind_newline(file, p)?,
            None => None,
        };
        let mut first = Vec::new();
        if let Some(last) = last_newline {
            let mut at = 0;
            while at <= last {
                let end = (at + SCAN_CHUNK).min(last + 1);
                let chunk = read_range(file, at, end)?;
                match chunk.iter().position(|b| *b == b'\n') {
                    Some(i) => {
                        first.extend_from_slice(&chunk[..i]);
                        break;
                    }
                    None => first.extend_from_slice(&chunk),
                }
                at = end;
            }
        }
        Ok(Scan {
            len,
            last_newline,
            before_last_newline,
            first,
        })
    }
}

/// The offset of the last newline before `before`, read backwards a chunk at a time.
pub(super) fn rfind_newline(file: &mut File, before: u64) -> io::Result<Option<u64>> {
    let mut end = before;
    while end > 0 {
        let start = end.saturating_sub(SCAN_CHUNK);
        let chunk = read_range(file, start, end)?;
        if let Some(i) = chunk.iter().rposition(|b| *b == b'\n') {
            return Ok(Some(start + i as u64));
        }
        end = start;
    }
    Ok(None)
}

pub(super) fn read_range(file: &mut File, start: u64, end: u64) -> io::Result<Vec<u8>> {
    let len = usize::try_from(end.saturating_sub(start)).map_err(io::Error::other)?;
    let mut out = vec![0u8; len];
    file.seek(SeekFrom::Start(start))?;
    file.read_exact(&mut out)?;
    Ok(out)
}
