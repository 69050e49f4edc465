//! What the journal's unit tests share: an instant, and a journal of many padded lines.

use chrono::{DateTime, Utc};

use crate::domain::Event;

use super::{ZERO_HASH, encode_line};

pub(super) fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// A journal of `n` changes whose lines are padded to about `pad` bytes: its bytes.
pub(super) fn padded_journal(n: u64, pad: usize) -> Vec<u8> {
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
