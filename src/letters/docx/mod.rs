//! The letter as a Word document (.docx), on the organisation's briefpapier
//! (`organisatie.briefpapier`) or on a plain built-in A4 letterhead.
//!
//! A briefpapier is the organisation's own .docx with one paragraph `{{brief}}` (the marker),
//! replaced by the letter's paragraphs, which keep the marker's paragraph and run properties
//! (and its section break, on the last); and the fields [`FIELDS`] wherever they stand — body,
//! tables, headers, footers, both copies of a text box — found in a paragraph's joined text even
//! when Word split them over runs, and written as one run with the first run's properties. A
//! briefpapier with no marker, or a field split by something other than text, is refused as a
//! whole: never a letter half filled.
//!
//! - `xml` — a part as a small tree, written back as it was where untouched.
//! - `blocks` — the rendered letter as paragraphs and runs.
//! - `builtin` — the plain letterhead when no briefpapier is configured.

mod blocks;
mod builtin;
mod xml;

use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::error::BriefpapierFault;
use super::{LetterError, Letterhead};
use crate::config::Organisatie;
use crate::i18n::Lang;
use blocks::{Block, Inline, Kind};
use xml::{Elem, Node};

pub(crate) use blocks::blocks;

/// The fields a briefpapier may hold, besides the marker `{{brief}}`.
pub const FIELDS: [&str; 4] = ["datum", "kenmerk", "onderwerp", "adres"];
/// The marker paragraph's field.
const MARKER: &str = "brief";

/// The order of a paragraph's properties in the WordprocessingML schema (CT_PPr).
const PPR_ORDER: &[&str] = &[
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
];

/// The order of a run's properties in the WordprocessingML schema (CT_RPr).
const RPR_ORDER: &[&str] = &[
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:caps",
    "w:smallCaps",
    "w:strike",
    "w:dstrike",
    "w:outline",
    "w:shadow",
    "w:emboss",
    "w:imprint",
    "w:noProof",
    "w:snapToGrid",
    "w:vanish",
    "w:webHidden",
    "w:color",
    "w:spacing",
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
    "w:rPrChange",
];

/// The document language: `nl-NL`, or `en-GB` for a letter in English.
pub(crate) fn lang_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "nl-NL",
        Lang::En => "en-GB",
    }
}

/// The values of a briefpapier's fields, as plain text (a line break in `adres` stays one).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldValues {
    /// `{{datum}}`: the letter's date, written out.
    pub datum: String,
    /// `{{kenmerk}}`: the case id.
    pub kenmerk: String,
    /// `{{onderwerp}}`: the template's subject line.
    pub onderwerp: String,
    /// `{{adres}}`: the requester's name and postal address when the answer goes by post,
    /// else empty.
    pub adres: String,
}

impl FieldValues {
    fn get(&self, field: &str) -> &str {
        match field {
            "datum" => &self.datum,
            "kenmerk" => &self.kenmerk,
            "onderwerp" => &self.onderwerp,
            _ => &self.adres,
        }
    }
}

/// A part of the package that privdesk fills: the body, a header or a footer.
fn fillable(name: &str) -> bool {
    name == "word/document.xml"
        || (name.starts_with("word/header") || name.starts_with("word/footer"))
            && name.ends_with(".xml")
}

/// A briefpapier read and checked: every part, and the fillable ones parsed.
#[derive(Clone, Debug)]
pub struct Briefpapier {
    file: PathBuf,
    /// Every entry of the package, in order: name, bytes.
    entries: Vec<(String, Vec<u8>)>,
    /// The fillable parts, parsed: entry index, nodes.
    parts: Vec<(usize, Vec<Node>)>,
    /// Whether it is the built-in letterhead (it holds the organisation's name itself).
    builtin: bool,
    /// Whether its styles give paragraphs spacing by default; if not (and the marker has
    /// none), the letter's paragraphs get some, or they would run together.
    spaced: bool,
}

impl Briefpapier {
    /// Reads and checks the organisation's .docx: a zip with `word/document.xml`, one marker
    /// paragraph standing alone, and only known fields none of them split beyond repair.
    pub fn open(file: &Path) -> Result<Briefpapier, LetterError> {
        let fault = |why| LetterError::Briefpapier {
            file: file.to_path_buf(),
            why,
        };
        let bytes = std::fs::read(file).map_err(|e| LetterError::TemplateRead {
            file: file.to_path_buf(),
            detail: e.to_string(),
        })?;
        let entries = unzip(&bytes).map_err(|d| fault(BriefpapierFault::NotADocx(d)))?;
        Briefpapier::from_entries(file.to_path_buf(), entries, false).map_err(fault)
    }

    /// The plain built-in A4 letterhead, with the organisation's name and address.
    pub fn builtin(org: &Organisatie, lang: Lang) -> Result<Briefpapier, LetterError> {
        let entries = builtin::entries(org, lang);
        Briefpapier::from_entries(PathBuf::from("(built-in)"), entries, true).map_err(|why| {
            LetterError::Briefpapier {
                file: PathBuf::from("(built-in)"),
                why,
            }
        })
    }

    fn from_entries(
        file: PathBuf,
        entries: Vec<(String, Vec<u8>)>,
        builtin: bool,
    ) -> Result<Briefpapier, BriefpapierFault> {
        if !entries.iter().any(|(n, _)| n == "word/document.xml") {
            return Err(BriefpapierFault::NotADocx("word/document.xml".into()));
        }
        let mut parts = Vec::new();
        for (i, (name, bytes)) in entries.iter().enumerate() {
            if !fillable(name) {
                continue;
            }
            let text = std::str::from_utf8(bytes)
                .map_err(|e| BriefpapierFault::Xml(name.clone(), e.to_string()))?;
            let nodes = xml::parse(text).map_err(|e| BriefpapierFault::Xml(name.clone(), e))?;
            let mut markers = 0;
            let mut check = |p: &Elem| -> Result<(), BriefpapierFault> {
                for m in matches(p, name)? {
                    if m.field == MARKER {
                        markers += 1;
                        if m.alone.is_none() || name != "word/document.xml" {
                            return Err(BriefpapierFault::MarkerNotAlone);
                        }
                    }
                }
                Ok(())
            };
            each_paragraph(&nodes, &mut check)?;
            if name == "word/document.xml" {
                match markers {
                    0 => return Err(BriefpapierFault::NoMarker),
                    1 => {}
                    _ => return Err(BriefpapierFault::ManyMarkers),
                }
            }
            parts.push((i, nodes));
        }
        let spaced = entries.iter().any(|(n, b)| {
            n == "word/styles.xml"
                && std::str::from_utf8(b).is_ok_and(|s| {
                    s.split("<w:pPrDefault>")
                        .nth(1)
                        .and_then(|rest| rest.split("</w:pPrDefault>").next())
                        .is_some_and(|d| d.contains("<w:spacing"))
                })
        });
        Ok(Briefpapier {
            file,
            entries,
            parts,
            builtin,
            spaced,
        })
    }

    /// What the letterhead shows, so the letter's text leaves it out.
    pub fn letterhead(&self) -> Letterhead {
        let mut head = Letterhead {
            // The organisation's own briefpapier carries its name; so does the built-in one.
            organisatie: true,
            ..Letterhead::default()
        };
        for (i, nodes) in &self.parts {
            let name = &self.entries[*i].0;
            let mut see = |p: &Elem| -> Result<(), BriefpapierFault> {
                for m in matches(p, name)? {
                    match m.field.as_str() {
                        "adres" => head.adres = true,
                        "datum" => head.datum = true,
                        "kenmerk" => head.kenmerk = true,
                        "onderwerp" => head.onderwerp = true,
                        _ => {}
                    }
                }
                Ok(())
            };
            // Checked when opened: no fault here.
            let _ = each_paragraph(nodes, &mut see);
        }
        head
    }

    /// Whether this is the built-in letterhead.
    pub fn is_builtin(&self) -> bool {
        self.builtin
    }

    /// The .docx: the letter's paragraphs in place of the marker, the fields filled.
    pub(crate) fn fill(
        &self,
        letter: &[Block],
        values: &FieldValues,
        lang: Lang,
    ) -> Result<Vec<u8>, LetterError> {
        let fault = |why| LetterError::Briefpapier {
            file: self.file.clone(),
            why,
        };
        let tag = lang_tag(lang);
        let mut replaced: Vec<(usize, String)> = Vec::new();
        for (i, nodes) in &self.parts {
            let name = &self.entries[*i].0;
            let mut nodes = nodes.clone();
            fill_fields(&mut nodes, values, tag, name).map_err(fault)?;
            if name == "word/document.xml" {
                let placed = place_letter(&mut nodes, letter, tag, self.spaced);
                if placed != 1 {
                    return Err(fault(BriefpapierFault::NoMarker));
                }
            }
            // A field left where privdesk cannot reach it (inside a hyperlink, a tracked
            // change, a field code): refused, never a letter with `{{...}}` in it.
            each_paragraph(&nodes, &mut |p: &Elem| {
                let text = deep_text(p);
                // Only the field itself is named: the rest may hold filled-in values.
                let field = text.find("{{").and_then(|at| {
                    text[at..]
                        .find("}}")
                        .map(|end| text[at..at + end + 2].to_string())
                });
                match field {
                    Some(f) => Err(BriefpapierFault::Split(name.clone(), f)),
                    None => Ok(()),
                }
            })
            .map_err(fault)?;
            replaced.push((*i, xml::to_string(&nodes)));
        }
        let mut out = ZipWriter::new(Cursor::new(Vec::new()));
        let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
        let zip_err = |e: zip::result::ZipError| fault(BriefpapierFault::NotADocx(e.to_string()));
        for (i, (name, bytes)) in self.entries.iter().enumerate() {
            out.start_file(name.as_str(), options).map_err(zip_err)?;
            let body = replaced
                .iter()
                .find(|(j, _)| *j == i)
                .map(|(_, s)| s.as_bytes())
                .unwrap_or(bytes.as_slice());
            out.write_all(body)
                .map_err(|e| fault(BriefpapierFault::NotADocx(e.to_string())))?;
        }
        let cursor = out.finish().map_err(zip_err)?;
        Ok(cursor.into_inner())
    }
}

/// Every entry of a zip, in order.
pub(crate) fn unzip(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let mut out = Vec::with_capacity(zip.len());
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).map_err(|e| e.to_string())?;
        if f.is_dir() {
            continue;
        }
        let mut buf = Vec::new();
        f.read_to_end(&mut buf).map_err(|e| e.to_string())?;
        let name = f.name().map_err(|e| e.to_string())?.into_owned();
        out.push((name, buf));
    }
    Ok(out)
}

/// Calls `f` on every paragraph, innermost first (a text box's paragraphs sit inside a run of
/// the paragraph that anchors it).
fn each_paragraph<F>(nodes: &[Node], f: &mut F) -> Result<(), BriefpapierFault>
where
    F: FnMut(&Elem) -> Result<(), BriefpapierFault>,
{
    for n in nodes {
        if let Node::Elem(e) = n {
            each_paragraph(&e.children, f)?;
            if e.name == "w:p" {
                f(e)?;
            }
        }
    }
    Ok(())
}

/// A run of plain text: only properties and text.
fn plain_run(e: &Elem) -> bool {
    e.name == "w:r"
        && e.elems()
            .all(|c| matches!(c.name.as_str(), "w:rPr" | "w:t" | "w:lastRenderedPageBreak"))
}

/// Elements of a paragraph that hold no text and may stand between the runs of a field.
fn transparent(e: &Elem) -> bool {
    matches!(
        e.name.as_str(),
        "w:pPr"
            | "w:proofErr"
            | "w:bookmarkStart"
            | "w:bookmarkEnd"
            | "w:permStart"
            | "w:permEnd"
            | "w:commentRangeStart"
            | "w:commentRangeEnd"
    )
}

/// Stands for content that is not plain text in a paragraph's joined text.
const BARRIER: char = '\u{FFFC}';

/// A paragraph's joined text, and where each plain run's text starts and ends (child index,
/// start, end, in chars).
fn joined(p: &Elem) -> (Vec<char>, Vec<(usize, usize, usize)>) {
    let mut text = Vec::new();
    let mut spans = Vec::new();
    for (i, n) in p.children.iter().enumerate() {
        let Node::Elem(e) = n else { continue };
        if plain_run(e) {
            let start = text.len();
            for t in e.elems().filter(|c| c.name == "w:t") {
                text.extend(t.text().chars());
            }
            spans.push((i, start, text.len()));
        } else if !transparent(e) {
            text.push(BARRIER);
        }
    }
    (text, spans)
}

/// A field found in a paragraph: its name and where it stands in the joined text; `alone`
/// when it is all the paragraph holds (besides spaces).
struct Match {
    field: String,
    start: usize,
    end: usize,
    alone: Option<()>,
}

/// The fields of a paragraph, or why they cannot be filled.
fn matches(p: &Elem, part: &str) -> Result<Vec<Match>, BriefpapierFault> {
    let (text, _) = joined(p);
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < text.len() {
        if !(text[i] == '{' && text[i + 1] == '{') {
            i += 1;
            continue;
        }
        let Some(close) =
            (i + 2..text.len().saturating_sub(1)).find(|&j| text[j] == '}' && text[j + 1] == '}')
        else {
            if text[i..].contains(&BARRIER) {
                let around: String = text[i..].iter().filter(|c| **c != BARRIER).collect();
                return Err(BriefpapierFault::Split(part.into(), around));
            }
            break;
        };
        let inner: String = text[i + 2..close].iter().collect();
        if inner.contains(BARRIER) {
            let around: String = text[i..close + 2]
                .iter()
                .filter(|c| **c != BARRIER)
                .collect();
            return Err(BriefpapierFault::Split(part.into(), around));
        }
        let field = inner.trim().to_string();
        if field != MARKER && !FIELDS.contains(&field.as_str()) {
            return Err(BriefpapierFault::Unknown(
                part.into(),
                format!("{{{{{field}}}}}"),
            ));
        }
        let rest_empty = text[..i]
            .iter()
            .chain(&text[close + 2..])
            .all(|c| c.is_whitespace());
        out.push(Match {
            field,
            start: i,
            end: close + 2,
            alone: rest_empty.then_some(()),
        });
        i = close + 2;
    }
    Ok(out)
}

/// The properties element `name` of `parent` (a run's rPr, a paragraph's pPr), as nodes.
fn props(parent: &Elem, name: &str) -> Vec<Node> {
    parent
        .child(name)
        .map(|e| {
            e.children
                .iter()
                .filter(|n| matches!(n, Node::Elem(_)))
                .cloned()
                .collect()
        })
        .unwrap_or_default()
}

/// Properties with `add` put in (an element of the same name replaced), in the schema's order.
fn merge(base: &[Node], add: Vec<Elem>, order: &[&str]) -> Vec<Node> {
    let rank = |n: &Node| match n {
        Node::Elem(e) => order
            .iter()
            .position(|o| *o == e.name)
            .unwrap_or(order.len()),
        _ => order.len(),
    };
    let mut out: Vec<Node> = base
        .iter()
        .filter(|n| match n {
            Node::Elem(e) => !add.iter().any(|a| a.name == e.name),
            _ => false,
        })
        .cloned()
        .collect();
    out.extend(add.into_iter().map(Node::Elem));
    out.sort_by_key(rank);
    out
}

fn empty(name: &str, attrs: &str) -> Elem {
    Elem::new(name, attrs, Vec::new())
}

/// A run: properties (left out when none) and the text, a tab as `w:tab`, a line break as
/// `w:br`, spaces kept.
fn run(rpr: Vec<Node>, text: &str) -> Node {
    let mut children = Vec::new();
    if !rpr.is_empty() {
        children.push(Node::Elem(Elem::new("w:rPr", "", rpr)));
    }
    let mut buf = String::new();
    let flush = |buf: &mut String, children: &mut Vec<Node>| {
        if !buf.is_empty() {
            children.push(Node::Elem(Elem::new(
                "w:t",
                r#"xml:space="preserve""#,
                vec![Node::Text(xml::escape(buf))],
            )));
            buf.clear();
        }
    };
    for c in text.chars() {
        match c {
            '\n' => {
                flush(&mut buf, &mut children);
                children.push(Node::Elem(empty("w:br", "")));
            }
            '\t' => {
                flush(&mut buf, &mut children);
                children.push(Node::Elem(empty("w:tab", "")));
            }
            c => buf.push(c),
        }
    }
    flush(&mut buf, &mut children);
    Node::Elem(Elem::new("w:r", "", children))
}

fn lang_prop(tag: &str) -> Elem {
    empty("w:lang", &format!(r#"w:val="{tag}""#))
}

/// Fills the fields of every paragraph of a part.
fn fill_fields(
    nodes: &mut [Node],
    values: &FieldValues,
    tag: &str,
    part: &str,
) -> Result<(), BriefpapierFault> {
    for n in nodes.iter_mut() {
        if let Node::Elem(e) = n {
            fill_fields(&mut e.children, values, tag, part)?;
            if e.name == "w:p" {
                fill_paragraph(e, values, tag, part)?;
            }
        }
    }
    Ok(())
}

/// Each field of the paragraph (the marker excepted) as one run with the properties of the
/// run its `{{` stood in; the text before and after it stays in runs of its own.
fn fill_paragraph(
    p: &mut Elem,
    values: &FieldValues,
    tag: &str,
    part: &str,
) -> Result<(), BriefpapierFault> {
    let found = matches(p, part)?;
    let (_, spans) = joined(p);
    // From the last to the first, so earlier positions stay where they were.
    for m in found.iter().rev().filter(|m| m.field != MARKER) {
        let Some(first) = spans.iter().position(|s| s.1 <= m.start && m.start < s.2) else {
            continue;
        };
        let Some(last) = spans.iter().position(|s| s.1 < m.end && m.end <= s.2) else {
            continue;
        };
        let (fi, fstart, _) = spans[first];
        let (li, lstart, _) = spans[last];
        let (Some(Node::Elem(frun)), Some(Node::Elem(lrun))) =
            (p.children.get(fi), p.children.get(li))
        else {
            continue;
        };
        let ftext: Vec<char> = run_text(frun).chars().collect();
        let ltext: Vec<char> = run_text(lrun).chars().collect();
        let prefix: String = ftext.iter().take(m.start - fstart).collect();
        let suffix: String = ltext.iter().skip(m.end - lstart).collect();
        let frpr = props(frun, "w:rPr");
        let lrpr = props(lrun, "w:rPr");
        let mut new = Vec::new();
        if !prefix.is_empty() {
            new.push(run(frpr.clone(), &prefix));
        }
        new.push(run(
            merge(&frpr, vec![lang_prop(tag)], RPR_ORDER),
            values.get(&m.field),
        ));
        if !suffix.is_empty() {
            new.push(run(lrpr, &suffix));
        }
        let doomed: Vec<usize> = spans[first..=last].iter().map(|s| s.0).collect();
        let mut kept = Vec::with_capacity(p.children.len() + new.len());
        for (i, n) in std::mem::take(&mut p.children).into_iter().enumerate() {
            if i == fi {
                kept.append(&mut new);
            }
            if !doomed.contains(&i) {
                kept.push(n);
            }
        }
        p.children = kept;
    }
    Ok(())
}

/// All text of a paragraph, however deep its runs sit, without nested paragraphs (a text
/// box's, checked on their own).
fn deep_text(e: &Elem) -> String {
    let mut out = String::new();
    for c in e.elems() {
        match c.name.as_str() {
            "w:t" => out.push_str(&c.text()),
            "w:p" | "w:txbxContent" => {}
            _ => out.push_str(&deep_text(c)),
        }
    }
    out
}

fn run_text(r: &Elem) -> String {
    r.elems()
        .filter(|c| c.name == "w:t")
        .map(Elem::text)
        .collect()
}

/// Replaces the marker paragraph by the letter's paragraphs; returns how many were replaced.
fn place_letter(nodes: &mut Vec<Node>, letter: &[Block], tag: &str, spaced: bool) -> usize {
    let mut count = 0;
    let mut i = 0;
    while i < nodes.len() {
        let is_marker = match &nodes[i] {
            Node::Elem(e) if e.name == "w:p" => matches(e, "word/document.xml")
                .map(|ms| ms.iter().any(|m| m.field == MARKER))
                .unwrap_or(false),
            _ => false,
        };
        if is_marker && let Node::Elem(marker) = &nodes[i] {
            let paragraphs = letter_paragraphs(marker, letter, tag, spaced);
            let n = paragraphs.len();
            nodes.splice(i..=i, paragraphs);
            i += n;
            count += 1;
            continue;
        }
        if let Node::Elem(e) = &mut nodes[i] {
            count += place_letter(&mut e.children, letter, tag, spaced);
        }
        i += 1;
    }
    count
}

/// The letter's paragraphs with the marker paragraph's properties, its first run's run
/// properties and the document's language; the marker's section break on the last. Where
/// neither the marker nor the styles space paragraphs, they get 8 pt after, and the last (the
/// signature) room above it to sign; a block of lines (an address, a signature) in a justified
/// marker is aligned left, so its lines are not stretched.
fn letter_paragraphs(marker: &Elem, letter: &[Block], tag: &str, spaced: bool) -> Vec<Node> {
    let ppr = props(marker, "w:pPr");
    let sect: Option<Elem> = marker
        .child("w:pPr")
        .and_then(|p| p.child("w:sectPr"))
        .cloned();
    let base_ppr: Vec<Node> = ppr
        .into_iter()
        .filter(|n| !matches!(n, Node::Elem(e) if e.name == "w:sectPr"))
        .collect();
    let base_rpr = marker
        .elems()
        .find(|e| e.name == "w:r")
        .map(|r| props(r, "w:rPr"))
        .unwrap_or_default();
    let justified = base_ppr.iter().any(|n| {
        matches!(n, Node::Elem(e) if e.name == "w:jc"
            && (e.start.contains("\"both\"") || e.start.contains("\"distribute\"")))
    });
    let last = letter.len().saturating_sub(1);
    let mut out = Vec::with_capacity(letter.len());
    for (i, block) in letter.iter().enumerate() {
        let marker_spacing = base_ppr
            .iter()
            .any(|n| matches!(n, Node::Elem(e) if e.name == "w:spacing"));
        let mut add = spacing(block.kind, i > 0 && i == last, spaced, marker_spacing);
        let lines = block
            .inlines
            .iter()
            .any(|Inline::Text { text, .. }| text.contains('\n'));
        if lines && justified {
            add.push(empty("w:jc", r#"w:val="left""#));
        }
        if i == last
            && let Some(s) = &sect
        {
            add.push(s.clone());
        }
        let ppr = merge(&base_ppr, add, PPR_ORDER);
        out.push(paragraph(block, ppr, &base_rpr, tag));
    }
    if out.is_empty()
        && let Some(s) = sect
    {
        out.push(Node::Elem(Elem::new(
            "w:p",
            "",
            vec![Node::Elem(Elem::new("w:pPr", "", vec![Node::Elem(s)]))],
        )));
    }
    out
}

/// The spacing a block gets where neither the marker nor the styles space paragraphs: 8 pt
/// after a paragraph, room to sign above the last (the signature); a heading keeps with what
/// follows; an item hangs its bullet.
fn spacing(kind: Kind, signature: bool, spaced: bool, marker_spacing: bool) -> Vec<Elem> {
    let own_spacing = spaced || marker_spacing;
    match kind {
        Kind::Paragraph if !marker_spacing && signature => vec![empty(
            "w:spacing",
            if spaced {
                r#"w:before="480""#
            } else {
                r#"w:before="480" w:after="160""#
            },
        )],
        Kind::Paragraph if !own_spacing => vec![empty("w:spacing", r#"w:after="160""#)],
        Kind::Paragraph => Vec::new(),
        Kind::Heading => vec![
            empty("w:keepNext", ""),
            empty("w:spacing", r#"w:before="240" w:after="60""#),
        ],
        Kind::Item if !own_spacing => vec![
            empty("w:spacing", r#"w:after="60""#),
            empty("w:ind", r#"w:left="360" w:hanging="360""#),
        ],
        Kind::Item => vec![empty("w:ind", r#"w:left="360" w:hanging="360""#)],
    }
}

/// One block as a paragraph: its runs in the marker's run properties and the document's
/// language, bold where the text or a heading is; an item starts with its bullet.
fn paragraph(block: &Block, ppr: Vec<Node>, base_rpr: &[Node], tag: &str) -> Node {
    let mut children = Vec::new();
    if !ppr.is_empty() {
        children.push(Node::Elem(Elem::new("w:pPr", "", ppr)));
    }
    let plain_rpr = merge(base_rpr, vec![lang_prop(tag)], RPR_ORDER);
    let bold_rpr = merge(
        base_rpr,
        vec![empty("w:b", ""), empty("w:bCs", ""), lang_prop(tag)],
        RPR_ORDER,
    );
    if block.kind == Kind::Item {
        children.push(run(plain_rpr.clone(), "\u{2022}\t"));
    }
    for Inline::Text { text, bold } in &block.inlines {
        let bold = *bold || block.kind == Kind::Heading;
        children.push(run(
            if bold {
                bold_rpr.clone()
            } else {
                plain_rpr.clone()
            },
            text,
        ));
    }
    Node::Elem(Elem::new("w:p", "", children))
}
