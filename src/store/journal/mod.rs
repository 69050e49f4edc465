//! The journal: append-only, fsynced, hash-chained change lines — the truth of the register and
//! its audit trail (design.md "The register on disk").
//!
//! One change is one line of compact JSON:
//! `{"v":1,"seq":N,"at":"<UTC>","user":"...","events":[...],"cases":K,"prev":"<hex>","hash":"<hex>"}`.
//! `hash` is always the last member: the lowercase hex SHA-256 of the line's bytes without its
//! final `,"hash":"<64 hex>"` (the closing `}` stays). We hash exactly the bytes on disk and never
//! re-serialise a struct to verify, so anyone can check the chain with `sha256sum` and a script.
//!
//! - `line` — one line: its format, its hash, parsing it and checking it against the one
//!   before.
//! - `file` — the journal file held open under the register's lock: opened with its torn tail
//!   set aside, appended to and fsynced.
//! - `scan` — the file read from its ends a chunk at a time, so opening does not grow with it.
//! - `read` — reading it back: streamed and checked, verified, the lines after a seq, a line
//!   at an offset.

mod file;
mod line;
mod read;
mod scan;
#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod testing;

pub use file::{Journal, JournalError, TornTail, create_options, sync_dir};
pub use line::{
    BadLine, Change, LineFault, check_chain, check_line_hash, complete_len, complete_lines,
    encode_line, parse_all, parse_line, sha256_hex,
};
pub use read::{
    Located, Stream, VerifyError, line_at, lines_after, read_all, read_all_with_offsets, stream,
    verify,
};

/// The journal's file name inside the register folder.
pub const JOURNAL_FILE: &str = "journal.jsonl";
/// The journal format written by this version (`v`).
pub const FORMAT: u32 = 1;
/// The `prev` of the first line: 64 zeros.
pub const ZERO_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";
