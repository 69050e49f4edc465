//! Values are data, never markup: everything a user typed (a name, an address, a reason) is
//! escaped so that a CommonMark reader — the converter to PDF or Word — sees literal text, never
//! a link, emphasis, a heading, a list, a quote, a rule or HTML (domain.md §7).
//!
//! Every character CommonMark gives a meaning anywhere in a line is backslash-escaped (a
//! backslash before ASCII punctuation always yields the character itself); the characters that
//! mean something only at the start of a line (`-`, `+`, `=`, and the `.` or `)` after a
//! number) are escaped there. Leading and trailing spaces go (indentation would make a code
//! block, two trailing spaces a line break), and so do empty lines (they would end the letter's
//! paragraph).

/// Characters escaped wherever they stand.
const ALWAYS: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '#', '!', '&', '~', '|', '{', '}',
];

/// One line of a value, escaped.
fn line(text: &str) -> String {
    let text = text.trim();
    let mut out = String::with_capacity(text.len() + 8);
    // A run of digits at the start: the `.` or `)` after it would make an ordered list.
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    for (i, c) in text.chars().enumerate() {
        let at_start = i == 0 && matches!(c, '-' | '+' | '=');
        let after_number = digits > 0 && i == digits && matches!(c, '.' | ')');
        if ALWAYS.contains(&c) || at_start || after_number {
            out.push('\\');
        }
        // Control characters (a tab would indent) become a space.
        out.push(if c.is_control() { ' ' } else { c });
    }
    out
}

/// The lines of a value, each escaped, empty ones left out.
pub(super) fn lines(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(line)
        .collect()
}

/// A value as literal text; its lines joined by a hard line break (`\` at the end of a line),
/// so they stay lines without ending the paragraph they stand in.
pub(super) fn text(text: &str) -> String {
    lines(text).join("\\\n")
}

/// How a typed value reaches a template: escaped Markdown (the `.md` letter), or literal text
/// between private-use marks that the Word writer takes as plain characters (`docx`), a line
/// break inside it marked too — never markup in either.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Markup {
    /// Backslash-escaped CommonMark.
    Markdown,
    /// Literal text between [`OPEN`] and [`CLOSE`], a line break as [`BREAK`].
    Literal,
}

/// Opens a literal value (a private-use character, removed from what users type).
pub(crate) const OPEN: char = '\u{E000}';
/// Closes a literal value.
pub(crate) const CLOSE: char = '\u{E001}';
/// A line break inside a literal value.
pub(crate) const BREAK: char = '\u{E002}';

fn is_mark(c: char) -> bool {
    matches!(c, OPEN | CLOSE | BREAK)
}

/// A value's own line as literal text: marks and carriage returns out.
fn literal(text: &str) -> String {
    // An empty value stays empty, so a template's `{% if %}` on it reads false.
    let text: String = text
        .chars()
        .filter(|c| !is_mark(*c) && *c != '\r')
        .collect();
    let text = text.trim();
    if text.is_empty() {
        return String::new();
    }
    let mut out = String::with_capacity(text.len() + 6);
    out.push(OPEN);
    out.extend(text.chars().map(|c| if c == '\n' { BREAK } else { c }));
    out.push(CLOSE);
    out
}

impl Markup {
    /// A value as text of this markup.
    pub(super) fn text(self, value: &str) -> String {
        match self {
            Markup::Markdown => text(value),
            Markup::Literal => literal(value),
        }
    }

    /// The non-empty lines of a value, each as text of this markup.
    pub(super) fn lines(self, value: &str) -> Vec<String> {
        match self {
            Markup::Markdown => lines(value),
            Markup::Literal => value
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(literal)
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_and_plain_text_left_alone() {
        assert_eq!(text("Fenna Fictief"), "Fenna Fictief");
        assert_eq!(text("J. de Vries-Smit"), "J. de Vries-Smit");
        assert_eq!(text("*a* _b_ `c`"), "\\*a\\* \\_b\\_ \\`c\\`");
        assert_eq!(text("[x](http://e.test)"), "\\[x\\](http://e.test)");
        assert_eq!(text("<b>"), "\\<b\\>");
        assert_eq!(text("1. een"), "1\\. een");
        assert_eq!(text("12) twaalf"), "12\\) twaalf");
        assert_eq!(text("---"), "\\---");
        assert_eq!(text("# kop"), "\\# kop");
        assert_eq!(text("> citaat"), "\\> citaat");
        assert_eq!(text("a\\"), "a\\\\");
    }

    #[test]
    fn lines_are_trimmed_and_joined_with_a_hard_break() {
        assert_eq!(text("  een  \n\n    twee\t"), "een\\\ntwee");
        assert_eq!(
            lines("Postbus 1\n\n1000 AA Stad"),
            ["Postbus 1", "1000 AA Stad"]
        );
    }

    #[test]
    fn a_literal_value_is_marked_and_an_empty_one_stays_empty() {
        assert_eq!(
            Markup::Literal.text(" a*b\n\tc \u{E001}"),
            "\u{E000}a*b\u{E002}\tc\u{E001}"
        );
        // Empty, so `{% if besluit.bewaard %}` is false in a Word letter as in Markdown.
        assert_eq!(Markup::Literal.text("  \n "), "");
        assert_eq!(
            Markup::Literal.lines("a\n\n b "),
            ["\u{E000}a\u{E001}", "\u{E000}b\u{E001}"]
        );
    }
}
