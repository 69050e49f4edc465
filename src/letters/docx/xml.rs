//! A small tree of an XML part, enough to fill a briefpapier: elements keep their start tag as
//! written (name and attributes untouched), text keeps its escaped form, so what privdesk does
//! not change is written back byte for byte. Parsed with quick-xml.

use quick_xml::Reader;
use quick_xml::events::Event;

/// A node of a part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Node {
    /// An element and its content.
    Elem(Elem),
    /// Character data, escaped as in the file.
    Text(String),
    /// A declaration, comment, processing instruction, CDATA or DOCTYPE, as written.
    Raw(String),
}

/// An element: its qualified name, its start tag's inside (`w:p w:rsidR="00A1"`), its content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Elem {
    pub name: String,
    pub start: String,
    pub children: Vec<Node>,
}

impl Elem {
    /// A new element with the given attributes (already escaped) and children.
    pub fn new(name: &str, attrs: &str, children: Vec<Node>) -> Elem {
        let start = if attrs.is_empty() {
            name.to_string()
        } else {
            format!("{name} {attrs}")
        };
        Elem {
            name: name.to_string(),
            start,
            children,
        }
    }

    /// The child elements.
    pub fn elems(&self) -> impl Iterator<Item = &Elem> {
        self.children.iter().filter_map(|n| match n {
            Node::Elem(e) => Some(e),
            _ => None,
        })
    }

    /// The first child element of that name.
    pub fn child(&self, name: &str) -> Option<&Elem> {
        self.elems().find(|e| e.name == name)
    }

    /// The text of the element's character data, unescaped.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for n in &self.children {
            if let Node::Text(t) = n {
                out.push_str(&unescape(t));
            }
        }
        out
    }
}

/// Escaped character data back to text; a malformed reference stays as written.
pub(crate) fn unescape(raw: &str) -> String {
    quick_xml::escape::unescape(raw)
        .map(|c| c.into_owned())
        .unwrap_or_else(|_| raw.to_string())
}

/// Whether XML 1.0 allows the character at all.
pub(crate) fn allowed(c: char) -> bool {
    matches!(c, '\u{9}' | '\u{A}' | '\u{D}' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Text as character data: escaped, characters XML forbids left out.
pub(crate) fn escape(text: &str) -> String {
    let clean: String = text.chars().filter(|c| allowed(*c)).collect();
    quick_xml::escape::escape(clean.as_str()).into_owned()
}

fn utf8<B: AsRef<[u8]> + ?Sized>(b: &B) -> Result<String, String> {
    String::from_utf8(b.as_ref().to_vec()).map_err(|e| e.to_string())
}

/// Parses a part into its top-level nodes.
pub(crate) fn parse(xml: &str) -> Result<Vec<Node>, String> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().trim_text(false);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<Elem> = Vec::new();
    let mut top: Vec<Node> = Vec::new();
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("{e} (byte {})", reader.error_position()))?;
        let node = match event {
            Event::Eof => break,
            Event::Start(e) => {
                let start = utf8(&e[..])?;
                let name = utf8(e.name().as_ref())?;
                stack.push(Elem {
                    name,
                    start,
                    children: Vec::new(),
                });
                continue;
            }
            Event::End(_) => match stack.pop() {
                Some(done) => Node::Elem(done),
                None => return Err("end tag without start".into()),
            },
            Event::Empty(e) => {
                let start = utf8(&e[..])?;
                let name = utf8(e.name().as_ref())?;
                Node::Elem(Elem {
                    name,
                    start: start.trim_end_matches('/').trim_end().to_string(),
                    children: Vec::new(),
                })
            }
            Event::Text(t) => Node::Text(utf8(&t[..])?),
            Event::GeneralRef(r) => Node::Text(format!("&{};", utf8(&r[..])?)),
            Event::CData(t) => Node::Raw(format!("<![CDATA[{}]]>", utf8(&t[..])?)),
            Event::Comment(t) => Node::Raw(format!("<!--{}-->", utf8(&t[..])?)),
            Event::Decl(_) => {
                Node::Raw(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#.into())
            }
            Event::PI(t) => Node::Raw(format!("<?{}?>", utf8(&t[..])?)),
            Event::DocType(t) => Node::Raw(format!("<!DOCTYPE {}>", utf8(&t[..])?)),
        };
        match stack.last_mut() {
            Some(parent) => {
                // Adjacent text (split at a reference) is one text node.
                if let (Node::Text(t), Some(Node::Text(prev))) = (&node, parent.children.last_mut())
                {
                    prev.push_str(t);
                } else {
                    parent.children.push(node);
                }
            }
            None => top.push(node),
        }
    }
    if let Some(open) = stack.last() {
        return Err(format!("<{}> not closed", open.name));
    }
    Ok(top)
}

/// Writes nodes as XML.
pub(crate) fn write(nodes: &[Node], out: &mut String) {
    for n in nodes {
        match n {
            Node::Text(t) | Node::Raw(t) => out.push_str(t),
            Node::Elem(e) => {
                out.push('<');
                out.push_str(&e.start);
                if e.children.is_empty() {
                    out.push_str("/>");
                } else {
                    out.push('>');
                    write(&e.children, out);
                    out.push_str("</");
                    out.push_str(&e.name);
                    out.push('>');
                }
            }
        }
    }
}

/// Nodes as a string.
pub(crate) fn to_string(nodes: &[Node]) -> String {
    let mut out = String::new();
    write(nodes, &mut out);
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_part_is_written_back_as_it_was() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="x"><!-- c --><w:p w:rsidR="1"><w:r><w:t xml:space="preserve"> a &amp; b &lt;c&gt; </w:t></w:r><w:br/></w:p></w:document>"#;
        let nodes = parse(xml).unwrap();
        assert_eq!(to_string(&nodes), xml);
        let Node::Elem(doc) = &nodes[2] else { panic!() };
        let t = doc
            .child("w:p")
            .unwrap()
            .child("w:r")
            .unwrap()
            .child("w:t")
            .unwrap();
        assert_eq!(t.text(), " a & b <c> ");
    }

    #[test]
    fn forbidden_characters_go_and_markup_is_escaped() {
        assert_eq!(escape("a\u{1}<b>&\u{FFFF}c"), "a&lt;b&gt;&amp;c");
    }
}
