//! Text that cannot be true or safe (issue 16): control characters (ESC and the rest, which a
//! terminal or an editor obeys) and the bidirectional overrides and isolates (which make a
//! line read differently from what it holds, "Trojan Source") are stripped from every text
//! that reaches a letter, an export or a message, as typed input already is.

use std::borrow::Cow;

/// Whether `c` is a bidirectional override, embedding, isolate or mark.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Whether `c` is stripped from a one-line text: every control character and bidi control.
fn unsafe_in_line(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// Whether `c` is stripped from a multi-line text: as in a line, but line breaks and tabs stay.
fn unsafe_in_text(c: char) -> bool {
    !matches!(c, '\n' | '\t') && unsafe_in_line(c)
}

fn strip(s: &str, drop: fn(char) -> bool) -> Cow<'_, str> {
    if s.chars().any(drop) {
        Cow::Owned(s.chars().filter(|c| !drop(*c)).collect())
    } else {
        Cow::Borrowed(s)
    }
}

/// A one-line text without control characters (line breaks included) or bidi controls.
pub fn clean_line(s: &str) -> Cow<'_, str> {
    strip(s, unsafe_in_line)
}

/// A multi-line text without control characters (except line breaks and tabs; a CR goes) or
/// bidi controls.
pub fn clean_text(s: &str) -> Cow<'_, str> {
    strip(s, unsafe_in_text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_overrides_go_line_breaks_stay_in_text() {
        let evil = "Jan\u{1b}[31m \u{202E}reveR\u{202C}\r\nTweede\tregel\u{7}";
        assert_eq!(clean_line(evil), "Jan[31m reveRTweederegel");
        assert_eq!(clean_text(evil), "Jan[31m reveR\nTweede\tregel");
        assert!(matches!(clean_line("Anna Jansen"), Cow::Borrowed(_)));
        assert_eq!(clean_line("a\u{2066}b\u{2069}c\u{200F}"), "abc");
    }
}
