//! One journal line: its format, its hash, parsing it, and checking it against the line before.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::domain::Event;

use super::{FORMAT, ZERO_HASH};

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

pub(super) fn count_newlines(bytes: &[u8]) -> usize {
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::store::journal::testing::at;

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
}
