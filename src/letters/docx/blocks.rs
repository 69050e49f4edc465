//! A rendered letter as blocks for Word: the templates' Markdown (paragraphs, `## ` headings,
//! `- ` list items, `**bold**`, a `\` line end as a line break) read back into paragraphs and
//! runs. Values stand between the literal marks (`escape::Markup::Literal`) and are taken as
//! characters, never as markup; in the template's own text a backslash escape gives its
//! character.

use crate::letters::escape::{BREAK, CLOSE, OPEN};

/// What a block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A paragraph.
    Paragraph,
    /// A heading (`## `): bold, kept with the next paragraph.
    Heading,
    /// A list item (`- `): a paragraph with a literal bullet.
    Item,
}

/// A piece of a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Inline {
    /// Text, bold or not (a tab or a value's line break stays in it as `\t`, `\n`).
    Text { text: String, bold: bool },
}

/// A paragraph of the letter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Block {
    pub kind: Kind,
    pub inlines: Vec<Inline>,
}

impl Block {
    /// The block's text, for tests and checks.
    #[cfg(test)]
    pub fn text(&self) -> String {
        self.inlines
            .iter()
            .map(|Inline::Text { text, .. }| text.as_str())
            .collect()
    }
}

/// The letter's blocks, in order.
pub(crate) fn blocks(text: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut current: Option<Block> = None;
    let mut hard_break = false;
    let mut bold = false;
    for line in text.lines() {
        if line.trim().is_empty() {
            out.extend(current.take());
            bold = false;
            continue;
        }
        let (kind, rest) = if let Some(r) = line.strip_prefix("## ").or(line.strip_prefix("# ")) {
            (Some(Kind::Heading), r)
        } else if let Some(r) = line.strip_prefix("- ") {
            (Some(Kind::Item), r)
        } else {
            (None, line)
        };
        // An odd number of backslashes at the end: the last is a line break (an even number
        // are escaped backslashes).
        let trailing = rest.chars().rev().take_while(|c| *c == '\\').count();
        let (rest, breaks) = match rest.strip_suffix('\\') {
            Some(r) if trailing % 2 == 1 => (r, true),
            _ => (rest, false),
        };
        let block = match (kind, current.take()) {
            (Some(k), prev) => {
                out.extend(prev);
                bold = false;
                Block {
                    kind: k,
                    inlines: Vec::new(),
                }
            }
            (None, Some(mut b)) => {
                push(&mut b.inlines, if hard_break { "\n" } else { " " }, bold);
                b
            }
            (None, None) => Block {
                kind: Kind::Paragraph,
                inlines: Vec::new(),
            },
        };
        let mut block = block;
        inline(rest, &mut block.inlines, &mut bold);
        let heading = block.kind == Kind::Heading;
        current = Some(block);
        if heading {
            out.extend(current.take());
            bold = false;
        }
        hard_break = breaks;
    }
    out.extend(current);
    // A paragraph left empty (a value with nothing in it) is no paragraph.
    out.retain(|b| {
        b.inlines
            .iter()
            .any(|Inline::Text { text, .. }| !text.trim().is_empty())
    });
    out
}

fn push(inlines: &mut Vec<Inline>, s: &str, bold: bool) {
    if s.is_empty() {
        return;
    }
    if let Some(Inline::Text { text, bold: b }) = inlines.last_mut()
        && *b == bold
    {
        text.push_str(s);
        return;
    }
    inlines.push(Inline::Text {
        text: s.to_string(),
        bold,
    });
}

/// One line of a block: marks, escapes and `**`.
fn inline(line: &str, inlines: &mut Vec<Inline>, bold: &mut bool) {
    let mut chars = line.chars().peekable();
    let mut literal = false;
    let mut buf = String::new();
    while let Some(c) = chars.next() {
        if literal {
            match c {
                CLOSE => literal = false,
                BREAK => buf.push('\n'),
                c => buf.push(c),
            }
            continue;
        }
        match c {
            OPEN => literal = true,
            CLOSE | BREAK => {}
            '\\' if chars.peek().is_some_and(char::is_ascii_punctuation) => {
                if let Some(n) = chars.next() {
                    buf.push(n);
                }
            }
            '*' if chars.peek() == Some(&'*') => {
                chars.next();
                push(inlines, &buf, *bold);
                buf.clear();
                *bold = !*bold;
            }
            c => buf.push(c),
        }
    }
    push(inlines, &buf, *bold);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(s: &str) -> String {
        format!("{OPEN}{}{CLOSE}", s.replace('\n', &BREAK.to_string()))
    }

    #[test]
    fn paragraphs_headings_items_and_bold() {
        let text = "Datum: 1 mei\\\nBetreft: x\n\n## Kop\n\nEen **vet** woord\nloopt door.\n\n- een\n- twee\n";
        let b = blocks(text);
        assert_eq!(b.len(), 5);
        assert_eq!(b[0].text(), "Datum: 1 mei\nBetreft: x");
        assert_eq!(b[1].kind, Kind::Heading);
        assert_eq!(b[1].text(), "Kop");
        assert_eq!(
            b[2].inlines[1],
            Inline::Text {
                text: "vet".into(),
                bold: true
            }
        );
        assert_eq!(b[2].text(), "Een vet woord loopt door.");
        assert_eq!((b[3].kind, b[3].text()), (Kind::Item, "een".to_string()));
        assert_eq!(b[4].text(), "twee");
    }

    #[test]
    fn a_literal_value_is_never_markup() {
        let name = "<b>&amp; **x** [x](y) \\ # a\nb\tc";
        let b = blocks(&format!("Beste {},\n", lit(name)));
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].text(), format!("Beste {name},"));
        assert!(b[0].inlines.iter().all(|Inline::Text { bold, .. }| !bold));
    }
}
