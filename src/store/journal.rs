//! The journal: append-only, fsynced, hash-chained change lines — the truth of the register and
//! its audit trail (design.md "The register on disk").
//!
//! One change is one line of compact JSON:
//! `{"v":1,"seq":N,"at":"<UTC>","user":"...","events":[...],"cases":K,"prev":"<hex>","hash":"<hex>"}`.
//! `hash` is always the last member: the lowercase hex SHA-256 of the line's bytes without its
//! final `,"hash":"<64 hex>"` (the closing `}` stays). We hash exactly the bytes on disk and never
//! re-serialise a struct to verify, so anyone can check the chain with `sha256sum` and a script.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufRead, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::domain::Event;

/// The journal's file name inside the register folder.
pub const JOURNAL_FILE: &str = "journal.jsonl";
/// The journal format written by this version (`v`).
pub const FORMAT: u32 = 1;
/// The `prev` of the first line: 64 zeros.
pub const ZERO_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The suffix every line ends with: `,"hash":"` + 64 hex + `"}`.
const HASH_PREFIX: &[u8] = b",\"hash\":\"";
const HASH_SUFFIX_LEN: usize = HASH_PREFIX.len() + 64 + 2;

/// One change as read back from a journal line.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// The line format (`FORMAT`).
    pub v: u32,
    /// The change's sequence number, from 1, contiguous.
    pub seq: u64,
    /// When the change was made (UTC).
    pub at: DateTime<Utc>,
    /// Who made it.
    pub user: String,
    /// What happened.
    pub events: Vec<Event>,
    /// The number of cases after the change.
    pub cases: u64,
    /// The previous line's hash (`ZERO_HASH` for the first).
    pub prev: String,
    /// This line's hash.
    pub hash: String,
}

/// The members of a line before its hash, in wire order (serialised, then hashed).
#[derive(Serialize)]
struct Body<'a> {
    v: u32,
    seq: u64,
    at: &'a DateTime<Utc>,
    user: &'a str,
    events: &'a [Event],
    cases: u64,
    prev: &'a str,
}

/// Why a journal line fails verification. Carries no content of the line (personal data).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LineFault {
    /// Not UTF-8, not JSON, or not a change line.
    #[error("unparsable line")]
    Unparsable,
    /// The line does not end with its `hash` member.
    #[error("no hash member at the end")]
    NoHash,
    /// The stored hash is not the SHA-256 of the line.
    #[error("hash does not match the line")]
    HashMismatch,
    /// `prev` is not the previous line's hash.
    #[error("prev does not match the previous line's hash")]
    PrevMismatch,
    /// `seq` is not the previous seq plus one.
    #[error("seq {found}, expected {expected}")]
    SeqGap {
        /// The seq expected.
        expected: u64,
        /// The seq found.
        found: u64,
    },
    /// A line format this version does not know.
    #[error("unknown line format v{0}")]
    Version(u32),
    /// The first line does not record the register's creation.
    #[error("first line does not create the register")]
    NoCreation,
}

/// A failing line: its number (from 1) and why.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {fault}")]
pub struct BadLine {
    /// The line number, from 1 (equal to the seq the line should have).
    pub line: u64,
    /// Why it fails.
    pub fault: LineFault,
}

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

/// The SHA-256 of `bytes` in lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Builds the line for a change (with its trailing newline) and returns it with its hash.
pub fn encode_line(
    seq: u64,
    at: &DateTime<Utc>,
    user: &str,
    events: &[Event],
    cases: u64,
    prev: &str,
) -> Result<(Vec<u8>, String), serde_json::Error> {
    let body = Body {
        v: FORMAT,
        seq,
        at,
        user,
        events,
        cases,
        prev,
    };
    let mut bytes = serde_json::to_vec(&body)?;
    let hash = sha256_hex(&bytes);
    // Body ends in `}`: insert the hash member before it.
    bytes.pop();
    bytes.extend_from_slice(HASH_PREFIX);
    bytes.extend_from_slice(hash.as_bytes());
    bytes.extend_from_slice(b"\"}\n");
    Ok((bytes, hash))
}

/// Checks one line's own hash (without its newline) and returns the stored hash.
/// The hash is computed over the exact bytes: the line minus its final `,"hash":"…"`, `}` kept.
pub fn check_line_hash(line: &[u8]) -> Result<String, LineFault> {
    if line.len() < HASH_SUFFIX_LEN + 2 || !line.ends_with(b"\"}") {
        return Err(LineFault::NoHash);
    }
    let cut = line.len() - HASH_SUFFIX_LEN;
    if &line[cut..cut + HASH_PREFIX.len()] != HASH_PREFIX {
        return Err(LineFault::NoHash);
    }
    let stored = &line[cut + HASH_PREFIX.len()..line.len() - 2];
    if !stored
        .iter()
        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(b))
    {
        return Err(LineFault::NoHash);
    }
    let mut hasher = Sha256::new();
    hasher.update(&line[..cut]);
    hasher.update(b"}");
    let computed = hex::encode(hasher.finalize());
    if computed.as_bytes() != stored {
        return Err(LineFault::HashMismatch);
    }
    Ok(computed)
}

/// Parses one line (without its newline): its hash first, then its JSON.
pub fn parse_line(line: &[u8]) -> Result<Change, LineFault> {
    let hash = check_line_hash(line)?;
    let change: Change = serde_json::from_slice(line).map_err(|_| LineFault::Unparsable)?;
    if change.v != FORMAT {
        return Err(LineFault::Version(change.v));
    }
    if change.hash != hash {
        // A duplicated `hash` member earlier in the line would make the parsed one differ.
        return Err(LineFault::Unparsable);
    }
    Ok(change)
}

/// The complete lines of a journal's bytes (each without its newline); a torn tail (bytes after
/// the last newline) is not included.
pub fn complete_lines(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    let body = &bytes[..complete_len(bytes)];
    // `body` is empty or ends in a newline: drop the empty piece after the last one.
    body.split(|b| *b == b'\n').take(count_newlines(body))
}

fn count_newlines(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| **b == b'\n').count()
}

/// The length of the complete lines: up to and including the last newline.
pub fn complete_len(bytes: &[u8]) -> usize {
    bytes.iter().rposition(|b| *b == b'\n').map_or(0, |p| p + 1)
}

/// Checks a line against its predecessor: seq contiguous, prev chained, first line creates.
pub fn check_chain(change: &Change, expected_seq: u64, prev_hash: &str) -> Result<(), LineFault> {
    if change.seq != expected_seq {
        return Err(LineFault::SeqGap {
            expected: expected_seq,
            found: change.seq,
        });
    }
    if change.prev != prev_hash {
        return Err(LineFault::PrevMismatch);
    }
    if expected_seq == 1
        && !matches!(
            change.events.as_slice(),
            [Event::RegisterCreated { .. }, ..]
        )
    {
        return Err(LineFault::NoCreation);
    }
    Ok(())
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

/// Parses and chains every complete line of a journal's bytes (a torn tail is ignored).
pub fn parse_all(bytes: &[u8]) -> Result<Vec<Change>, BadLine> {
    let mut prev = ZERO_HASH.to_string();
    let mut out = Vec::new();
    for (i, line) in complete_lines(bytes).enumerate() {
        let n = i as u64 + 1;
        let bad = |fault| BadLine { line: n, fault };
        let change = parse_line(line).map_err(bad)?;
        check_chain(&change, n, &prev).map_err(bad)?;
        prev.clone_from(&change.hash);
        out.push(change);
    }
    Ok(out)
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
        let mut torn = None;
        if end < scan.len {
            let tail = read_range(&mut file, end, scan.len)?;
            // Never overwrite an earlier torn tail: it is evidence too.
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
            torn = Some(TornTail {
                moved_to,
                bytes: scan.len - end,
            });
        }
        let first = match scan.last_newline {
            None => None,
            Some(_) => {
                let c = parse_line(&scan.first).map_err(|fault| BadLine { line: 1, fault })?;
                check_chain(&c, 1, ZERO_HASH).map_err(|fault| BadLine { line: 1, fault })?;
                Some(c)
            }
        };
        let last = match (scan.last_newline, scan.before_last_newline) {
            (Some(last_nl), Some(before)) => {
                let line = read_range(&mut file, before + 1, last_nl)?;
                // A complete journal's last line is line number `seq`; one that is not (or does
                // not parse) is named by its number, counted only then.
                match parse_line(&line) {
                    Ok(c) if c.seq >= 2 => Some(c),
                    parsed => {
                        let n = lines_before(&mut file, last_nl + 1)?;
                        let fault = match parsed {
                            Err(fault) => fault,
                            Ok(c) => LineFault::SeqGap {
                                expected: n,
                                found: c.seq,
                            },
                        };
                        return Err(BadLine { line: n, fault }.into());
                    }
                }
            }
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

/// What opening needs of the journal file: its length, where its last two lines end, and its
/// first line. Read from both ends, never whole, so opening does not grow with the journal
/// (checking every line is `audit verify`'s work, and replay's when it reads the journal).
struct Scan {
    len: u64,
    /// The offset of the last newline (the end of the last complete line).
    last_newline: Option<u64>,
    /// The offset of the newline before it (the last complete line starts after it).
    before_last_newline: Option<u64>,
    /// The first line, without its newline (empty when there is no complete line).
    first: Vec<u8>,
}

/// The number of newlines in the file's first `upto` bytes (only to name a failing line).
fn lines_before(file: &mut File, upto: u64) -> io::Result<u64> {
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
const SCAN_CHUNK: u64 = 1 << 16;

impl Scan {
    fn of(file: &mut File) -> io::Result<Scan> {
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
fn rfind_newline(file: &mut File, before: u64) -> io::Result<Option<u64>> {
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

fn read_range(file: &mut File, start: u64, end: u64) -> io::Result<Vec<u8>> {
    let len = usize::try_from(end.saturating_sub(start)).map_err(io::Error::other)?;
    let mut out = vec![0u8; len];
    file.seek(SeekFrom::Start(start))?;
    file.read_exact(&mut out)?;
    Ok(out)
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    /// A line written by hand, its hash computed with
    /// `printf '%s' '{"v":1,"seq":1,"at":"2026-11-23T09:00:00Z","user":"Demo Gebruiker","events":[{"type":"register_created","demo":true}],"cases":0,"prev":"0000000000000000000000000000000000000000000000000000000000000000"}' | sha256sum`.
    const HAND_BODY: &str = r#"{"v":1,"seq":1,"at":"2026-11-23T09:00:00Z","user":"Demo Gebruiker","events":[{"type":"register_created","demo":true}],"cases":0,"prev":"0000000000000000000000000000000000000000000000000000000000000000"}"#;
    const HAND_HASH: &str = "5b316ea254d2bbe38ae461612b5e459be79b5371354b8d2ef28052c93d96d50f";

    #[test]
    fn the_hash_rule_matches_a_line_computed_by_hand() {
        let (line, hash) = encode_line(
            1,
            &at("2026-11-23T09:00:00Z"),
            "Demo Gebruiker",
            &[Event::RegisterCreated { demo: true }],
            0,
            ZERO_HASH,
        )
        .unwrap();
        assert_eq!(hash, HAND_HASH);
        let expected = format!(
            "{},\"hash\":\"{HAND_HASH}\"}}\n",
            &HAND_BODY[..HAND_BODY.len() - 1]
        );
        assert_eq!(String::from_utf8(line.clone()).unwrap(), expected);
        let parsed = parse_line(&line[..line.len() - 1]).unwrap();
        assert_eq!(parsed.hash, HAND_HASH);
        assert_eq!(parsed.events, vec![Event::RegisterCreated { demo: true }]);
    }

    #[test]
    fn a_changed_byte_breaks_the_line_hash() {
        let (line, _) = encode_line(
            1,
            &at("2026-11-23T09:00:00Z"),
            "Demo Gebruiker",
            &[Event::RegisterCreated { demo: true }],
            0,
            ZERO_HASH,
        )
        .unwrap();
        let mut bad = line[..line.len() - 1].to_vec();
        let i = bad.iter().position(|b| *b == b'D').unwrap();
        bad[i] = b'E';
        assert_eq!(parse_line(&bad), Err(LineFault::HashMismatch));
        assert_eq!(parse_line(b"{}"), Err(LineFault::NoHash));
        assert_eq!(parse_line(b"not json at all"), Err(LineFault::NoHash));
    }

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

    /// A journal of `n` changes whose lines are padded to about `pad` bytes: its bytes.
    fn padded_journal(n: u64, pad: usize) -> Vec<u8> {
        let t = at("2026-11-23T09:00:00Z");
        let mut bytes = Vec::new();
        let mut prev = ZERO_HASH.to_string();
        for seq in 1..=n {
            let events = if seq == 1 {
                vec![Event::RegisterCreated { demo: false }]
            } else {
                vec![Event::Exported {
                    what: "x".repeat(pad),
                }]
            };
            let (line, hash) = encode_line(seq, &t, "u", &events, 0, &prev).unwrap();
            bytes.extend_from_slice(&line);
            prev = hash;
        }
        bytes
    }

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

    #[test]
    fn verify_names_the_first_bad_line() {
        let dir = tempfile::tempdir().unwrap();
        let (mut j, _) = Journal::open(dir.path(), "t").unwrap();
        let t = at("2026-11-23T09:00:00Z");
        j.append(t, "u", vec![Event::RegisterCreated { demo: false }], 0)
            .unwrap();
        j.append(t, "u", vec![Event::BackedUp], 0).unwrap();
        j.append(t, "u", vec![Event::BackedUp], 0).unwrap();
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
