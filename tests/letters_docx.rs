//! Letters as Word documents (issue 23): a valid package whose XML keeps the schema's order,
//! the letter's paragraphs in order, typed values literal; an organisation's briefpapier filled
//! in its body, tables, header, footer and both copies of a text box, its image kept; a
//! malformed briefpapier refused whole.
#![allow(clippy::unwrap_used)]

use std::io::{Cursor, Read, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use privdesk::config::{Organisatie, OrganisatieType};
use privdesk::demo::amsterdam_instant;
use privdesk::domain::case::*;
use privdesk::domain::checklist::{Answer, AnswerType, find};
use privdesk::domain::deadline::amsterdam_date;
use privdesk::domain::event::{Event, Stamp};
use privdesk::domain::kind::{CaseId, CaseKind};
use privdesk::i18n::Lang;
use privdesk::letters::{
    BriefpapierFault, Format, LetterError, LetterKind, LetterRequest, Signatory, make_letter,
};
use quick_xml::Reader;
use quick_xml::events::Event as X;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn at(s: &str) -> DateTime<Utc> {
    amsterdam_instant(d(s), 10, 0).unwrap()
}

fn ggd() -> Organisatie {
    Organisatie {
        naam: Some("GGD Voorbeeldregio".into()),
        adres: Some("Postbus 1234\n1000 AB Voorbeeldstad".into()),
        org_type: Some(OrganisatieType::Bestuursorgaan),
        fg_naam: Some("mr. J. Jansen".into()),
        fg_contact: Some("fg@ggd-voorbeeldregio.example".into()),
        ..Organisatie::default()
    }
}

/// A vernietiging, by post, registered through the domain's events; extended and decided
/// with `text` as the desk's explanation, the requester called `name`.
fn case(name: &str, text: &str) -> (Case, NaiveDate) {
    let request = RequestFacts {
        kind: CaseKind::Vernietiging,
        received: d("2026-11-23"),
        channel: Channel::Brief,
        requester: Requester {
            name: name.into(),
            relation: Relation::OuderMetGezag,
            contact: "06-00000000".into(),
            address: "Verzonnenstraat 1\n1000 AA Voorbeeldstad".into(),
            salutation: None,
        },
        child: Child {
            name: "Lieke Fictief".into(),
            birth_date: d("2020-05-17"),
        },
        notes: String::new(),
        regime: Default::default(),
        reply: Some(ReplyMethod::Post),
    };
    let id = CaseId::new('V', 2026, 42);
    let now = at("2026-12-01");
    let mut seq = 1;
    let stamp = |seq| Stamp {
        seq,
        at: now,
        user: "t".into(),
    };
    let mut c = Case::register(&Event::Registered { case: id, request }, &stamp(1)).unwrap();
    let today = amsterdam_date(now);
    let mut apply = |c: &mut Case, e: Event| {
        seq += 1;
        c.apply(&e, &stamp(seq)).unwrap();
    };
    apply(
        &mut c,
        Event::Extended {
            case: id,
            reason: ExtensionReason::Complexiteit,
            explanation: text.into(),
            notice_sent: today,
        },
    );
    while let Some(step) = c.missing_steps(today, None).first().copied() {
        let answer = match find(c.kind, step).unwrap().ty {
            AnswerType::YesNo => Answer::YesNo(!matches!(
                step,
                privdesk::domain::checklist::StepId::SignalenMishandeling
                    | privdesk::domain::checklist::StepId::Bewaarplicht
                    | privdesk::domain::checklist::StepId::BelangAnder
            )),
            AnswerType::Choice(o) | AnswerType::Choices(o) => Answer::Choice(o[0].into()),
            AnswerType::Date => Answer::Date(today),
            AnswerType::Instant => Answer::Instant(now),
            AnswerType::Text => Answer::Text("ok".into()),
            AnswerType::Number => Answer::Number(1),
        };
        apply(
            &mut c,
            Event::Answered {
                case: id,
                step,
                answer,
            },
        );
    }
    apply(
        &mut c,
        Event::Decided {
            case: id,
            decision: Decision::DeelsToegewezen,
            reason: text.into(),
            explanation: Some(text.into()),
            kept: "het verzoek en het antwoord".into(),
        },
    );
    (c, today)
}

fn make(
    kind: LetterKind,
    case: &Case,
    today: NaiveDate,
    lang: Lang,
    dir: &Path,
    briefpapier: Option<&Path>,
) -> Result<privdesk::letters::MadeLetter, LetterError> {
    let signatory = Signatory {
        naam: Some("A. Ondertekenaar".into()),
        functie: Some("privacyjurist".into()),
        namens: Some("het college van burgemeester en wethouders".into()),
        handler: None,
    };
    make_letter(&LetterRequest {
        kind,
        case,
        org: &ggd(),
        lang,
        today,
        format: Format::Docx,
        dir,
        briefpapier,
        signatory: &signatory,
        templates: None,
    })
}

/// Every entry of a zip.
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut buf = Vec::new();
            f.read_to_end(&mut buf).unwrap();
            (f.name().unwrap().to_string(), buf)
        })
        .collect()
}

fn part(entries: &[(String, Vec<u8>)], name: &str) -> String {
    let (_, b) = entries.iter().find(|(n, _)| n == name).unwrap();
    String::from_utf8(b.clone()).unwrap()
}

const PPR: &[&str] = &[
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
const RPR: &[&str] = &[
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

/// Reads a part with quick-xml (end names checked: well-formed or a panic), checks the order
/// of the children of every `w:pPr` and `w:rPr` against the schema, and that `w:sectPr` is the
/// body's last child; returns the text of each paragraph (a tab `\t`, a break `\n`).
fn check_part(xml: &str) -> Vec<String> {
    let mut r = Reader::from_str(xml);
    r.config_mut().check_end_names = true;
    // The open elements, with the rank of the last properties child seen.
    let mut stack: Vec<(String, usize)> = Vec::new();
    let mut paragraphs = Vec::new();
    let mut text = String::new();
    let mut in_t = false;
    let mut body_last = String::new();
    let see = |stack: &mut Vec<(String, usize)>, name: &str| {
        if let Some((parent, rank)) = stack.last_mut() {
            let order = match parent.as_str() {
                "w:pPr" => Some(PPR),
                "w:rPr" => Some(RPR),
                _ => None,
            };
            if let Some(order) = order {
                let pos = order.iter().position(|o| *o == name).unwrap_or(order.len());
                assert!(
                    pos >= *rank,
                    "{name} after a later element in {parent} in\n{xml}"
                );
                *rank = pos;
            }
        }
    };
    loop {
        let e = r.read_event().unwrap();
        match e {
            X::Eof => break,
            X::Start(s) => {
                let name = s.name().as_ref().to_string();
                see(&mut stack, &name);
                if stack.last().is_some_and(|(p, _)| p == "w:body") {
                    body_last = name.clone();
                }
                if name == "w:t" {
                    in_t = true;
                }
                stack.push((name, 0));
            }
            X::Empty(s) => {
                let name = s.name().as_ref().to_string();
                see(&mut stack, &name);
                if stack.last().is_some_and(|(p, _)| p == "w:body") {
                    body_last = name.clone();
                }
                match name.as_str() {
                    "w:tab" if stack.last().is_some_and(|(p, _)| p == "w:r") => text.push('\t'),
                    "w:br" => text.push('\n'),
                    _ => {}
                }
            }
            X::End(end) => {
                let name = end.name().as_ref().to_string();
                stack.pop();
                if name == "w:t" {
                    in_t = false;
                }
                if name == "w:p" {
                    paragraphs.push(std::mem::take(&mut text));
                }
            }
            X::Text(t) if in_t => text.push_str(&quick_xml::escape::unescape(&t).unwrap()),
            X::GeneralRef(g) if in_t => {
                let s = format!("&{};", &*g);
                text.push_str(&quick_xml::escape::unescape(&s).unwrap());
            }
            _ => {}
        }
    }
    if xml.contains("<w:body>") {
        assert_eq!(body_last, "w:sectPr", "sectPr is the body's last child");
    }
    paragraphs
}

#[test]
fn a_docx_is_a_valid_package_in_schema_order_with_the_letter_in_order() {
    let tmp = tempfile::tempdir().unwrap();
    let (c, today) = case("Fenna Fictief", "Het dossier is groot.");
    for lang in [Lang::Nl, Lang::En] {
        for kind in LetterKind::for_kind(c.kind).iter().copied() {
            let made = make(kind, &c, today, lang, tmp.path(), None).unwrap();
            assert_eq!(made.format, Format::Docx);
            let meta = std::fs::metadata(&made.path).unwrap();
            assert_eq!(meta.permissions().mode() & 0o777, 0o600);
            let bytes = std::fs::read(&made.path).unwrap();
            let sha = {
                use sha2::Digest;
                hex::encode(sha2::Sha256::digest(&bytes))
            };
            assert_eq!(made.sha256, sha);
            let entries = unzip(&bytes);
            let doc = part(&entries, "word/document.xml");
            let paragraphs = check_part(&doc);
            for name in ["word/header1.xml", "word/footer1.xml", "word/styles.xml"] {
                check_part(&part(&entries, name));
            }
            let tag = if lang == Lang::Nl { "nl-NL" } else { "en-GB" };
            assert!(doc.contains(&format!(r#"<w:lang w:val="{tag}"/>"#)));
            assert!(part(&entries, "word/styles.xml").contains(tag));
            // The letter's paragraphs, in the order of the template.
            let want: Vec<&str> = match lang {
                Lang::Nl => vec![
                    "Fenna Fictief\nVerzonnenstraat 1\n1000 AA Voorbeeldstad",
                    "Ons kenmerk\tV-2026-0042",
                    "Geachte heer/mevrouw,",
                    "Vragen of een klacht?",
                    "Met vriendelijke groet,",
                    "Namens het college van burgemeester en wethouders,\nA. Ondertekenaar\nprivacyjurist",
                ],
                Lang::En => vec![
                    "Fenna Fictief\nVerzonnenstraat 1\n1000 AA Voorbeeldstad",
                    "Our reference\tV-2026-0042",
                    "Dear Sir or Madam,",
                    "Questions or a complaint?",
                    "Kind regards,",
                    "On behalf of het college van burgemeester en wethouders,\nA. Ondertekenaar\nprivacyjurist",
                ],
            };
            let mut at = 0;
            for w in want {
                let found = paragraphs[at..].iter().position(|p| p == w);
                assert!(found.is_some(), "{w:?} not in order in {paragraphs:#?}");
                at += found.unwrap_or_default() + 1;
            }
            // Markdown never reaches Word.
            assert!(
                !paragraphs
                    .iter()
                    .any(|p| p.contains("**") || p.starts_with("## "))
            );
            assert!(!doc.contains("{{"), "a field left unfilled");
            // The letterhead carries the organisation: the body does not repeat it.
            assert!(part(&entries, "word/header1.xml").contains("GGD Voorbeeldregio"));
            assert!(
                !paragraphs
                    .iter()
                    .any(|p| p.starts_with("GGD Voorbeeldregio\nPostbus"))
            );
        }
    }
}

const HOSTILE: &str = "A<b>&amp; *x* [x](y) _z_ \\ # k\nTweede\tregel";

#[test]
fn typed_values_are_literal_in_the_docx() {
    let tmp = tempfile::tempdir().unwrap();
    let (c, today) = case(HOSTILE, HOSTILE);
    for kind in [LetterKind::Verlenging, LetterKind::Besluit] {
        let made = make(kind, &c, today, Lang::Nl, tmp.path(), None).unwrap();
        let entries = unzip(&std::fs::read(&made.path).unwrap());
        let doc = part(&entries, "word/document.xml");
        let paragraphs = check_part(&doc);
        // The name in the address block, the explanation in the body: every character as typed,
        // the line break a w:br, the tab a w:tab.
        let literal = "A<b>&amp; *x* [x](y) _z_ \\ # k\nTweede\tregel";
        assert!(
            paragraphs.iter().any(|p| p.starts_with(literal)),
            "name not literal in {paragraphs:#?}"
        );
        assert!(
            paragraphs.iter().filter(|p| p.contains(literal)).count() >= 2,
            "explanation not literal in {paragraphs:#?}"
        );
        assert!(doc.contains("A&lt;b&gt;&amp;amp; *x* [x](y) _z_ \\ # k</w:t><w:br/>"));
        assert!(doc.contains("Tweede</w:t><w:tab/>"));
        assert!(doc.contains(r#"<w:t xml:space="preserve">"#));
        // No bold from the asterisks: the runs around the value are not bold.
        assert!(!doc.contains(
            "<w:b/><w:bCs/><w:lang w:val=\"nl-NL\"/></w:rPr><w:t xml:space=\"preserve\">x"
        ));
    }
}

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps""#;

/// A 1×1 PNG.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
    0xDE, 0x00, 0x00, 0x00, 0x0C, 0x49, 0x44, 0x41, 0x54, 0x08, 0xD7, 0x63, 0x18, 0x58, 0xA0, 0x0D,
    0x00, 0x00, 0xE2, 0x00, 0xE1, 0x51, 0xC7, 0xF1, 0x7A, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E,
    0x44, 0xAE, 0x42, 0x60, 0x82,
];

fn txbx(field: &str) -> String {
    format!(r#"<w:txbxContent><w:p><w:r><w:t>Betreft: {field}</w:t></w:r></w:p></w:txbxContent>"#)
}

/// The body of a test briefpapier: `split` is the paragraph holding the date (over three runs),
/// `marker` the marker paragraph.
fn document(split: &str, marker: &str) -> String {
    let image = r#"<w:p><w:r><w:drawing><wp:inline><wp:extent cx="914400" cy="914400"/><wp:docPr id="1" name="Logo"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="logo.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rId5"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm><a:prstGeom prst="rect"/></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"#;
    let textbox = format!(
        r#"<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:extent cx="1828800" cy="457200"/><wp:docPr id="2" name="Vak"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>{}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#,
        txbx("{{onderwerp}}"),
        txbx("{{ onderwerp }}")
    );
    let table = r#"<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="4000"/></w:tblGrid><w:tr><w:tc><w:p><w:r><w:t xml:space="preserve">Kenmerk: {{kenmerk}}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#;
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{image}{textbox}<w:p><w:r><w:t>{{{{adres}}}}</w:t></w:r></w:p>{table}{split}{marker}<w:p><w:r><w:t>Slot</w:t></w:r></w:p><w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>"#
    )
}

/// The date over three runs, the first bold: Word's way after an edit.
const SPLIT_DATE: &str = r#"<w:p><w:r><w:rPr><w:b/><w:sz w:val="20"/></w:rPr><w:t xml:space="preserve">Datum: {{da</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:rPr><w:i/></w:rPr><w:t>t</w:t></w:r><w:r><w:t xml:space="preserve">um}} (vandaag)</w:t></w:r></w:p>"#;
/// The marker, centred, carrying the first section's break (header and footer).
const MARKER: &str = r#"<w:p><w:pPr><w:pStyle w:val="Normal"/><w:jc w:val="both"/><w:rPr><w:i/></w:rPr><w:sectPr><w:headerReference w:type="default" r:id="rId2"/><w:footerReference w:type="default" r:id="rId3"/><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:pPr><w:r><w:rPr><w:rFonts w:ascii="Georgia" w:hAnsi="Georgia"/><w:sz w:val="22"/></w:rPr><w:t>{{brief}}</w:t></w:r></w:p>"#;

/// A small briefpapier built with the zip crate: a logo, a text box, a table, a header and a
/// footer, each with fields.
fn briefpapier(dir: &Path, name: &str, doc: &str) -> std::path::PathBuf {
    let ct = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let t = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let doc_rels = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="{t}/header" Target="header1.xml"/><Relationship Id="rId3" Type="{t}/footer" Target="footer1.xml"/><Relationship Id="rId5" Type="{t}/image" Target="media/logo.png"/></Relationships>"#
    );
    let header = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr {W}><w:p><w:r><w:t xml:space="preserve">Stichting Voorbeeld — kenmerk </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>{{{{kenmerk}}}}</w:t></w:r></w:p></w:hdr>"#
    );
    let footer = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr {W}><w:p><w:r><w:t xml:space="preserve">Verzonden {{{{datum}}}}</w:t></w:r></w:p></w:ftr>"#
    );
    let path = dir.join(name);
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (n, b) in [
        ("[Content_Types].xml", ct.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("word/_rels/document.xml.rels", doc_rels.as_bytes()),
        ("word/document.xml", doc.as_bytes()),
        ("word/header1.xml", header.as_bytes()),
        ("word/footer1.xml", footer.as_bytes()),
        ("word/media/logo.png", PNG),
    ] {
        zip.start_file(n, opts).unwrap();
        zip.write_all(b).unwrap();
    }
    zip.finish().unwrap();
    path
}

#[test]
fn a_briefpapier_keeps_its_header_footer_text_box_and_image_with_the_fields_filled() {
    let tmp = tempfile::tempdir().unwrap();
    let paper = briefpapier(
        tmp.path(),
        "briefpapier.docx",
        &document(SPLIT_DATE, MARKER),
    );
    let out = tmp.path().join("brieven");
    let (c, today) = case("Fenna Fictief", "Het dossier is groot.");
    let made = make(LetterKind::Besluit, &c, today, Lang::Nl, &out, Some(&paper)).unwrap();
    let entries = unzip(&std::fs::read(&made.path).unwrap());
    // The image is kept byte for byte, and the package's other parts are there.
    assert_eq!(
        entries
            .iter()
            .find(|(n, _)| n == "word/media/logo.png")
            .unwrap()
            .1,
        PNG
    );
    assert!(part(&entries, "word/_rels/document.xml.rels").contains("media/logo.png"));
    let doc = part(&entries, "word/document.xml");
    let paragraphs = check_part(&doc);
    assert!(
        doc.contains(r#"<a:blip r:embed="rId5"/>"#),
        "the logo's reference"
    );
    let date = "1 december 2026";
    let subject = "ons besluit over uw verzoek (vernietiging)";
    // Header and footer.
    let header = check_part(&part(&entries, "word/header1.xml"));
    assert_eq!(header, ["Stichting Voorbeeld — kenmerk V-2026-0042"]);
    assert!(part(&entries, "word/header1.xml").contains("<w:b/><w:lang"));
    assert_eq!(
        check_part(&part(&entries, "word/footer1.xml")),
        [format!("Verzonden {date}")]
    );
    // Both copies of the text box.
    assert_eq!(
        paragraphs
            .iter()
            .filter(|p| **p == format!("Betreft: {subject}"))
            .count(),
        2,
        "{paragraphs:#?}"
    );
    // The table cell and the address.
    assert!(paragraphs.contains(&"Kenmerk: V-2026-0042".to_string()));
    assert!(
        paragraphs.contains(&"Fenna Fictief\nVerzonnenstraat 1\n1000 AA Voorbeeldstad".to_string())
    );
    // The date split over three runs: one run with the first run's properties.
    assert!(paragraphs.contains(&format!("Datum: {date} (vandaag)")));
    assert!(doc.contains(&format!(
        r#"<w:r><w:rPr><w:b/><w:sz w:val="20"/><w:lang w:val="nl-NL"/></w:rPr><w:t xml:space="preserve">{date}</w:t></w:r>"#
    )));
    assert!(!doc.contains("{{"), "a field left unfilled");
    // The letter in the marker's place with its properties (the run's font, the paragraph's
    // justification), the section break on its last paragraph, then the rest of the body.
    let greeting = paragraphs
        .iter()
        .position(|p| p == "Geachte heer/mevrouw,")
        .unwrap();
    let slot = paragraphs.iter().position(|p| p == "Slot").unwrap();
    let date_at = paragraphs
        .iter()
        .position(|p| p.starts_with("Datum:"))
        .unwrap();
    assert!(date_at < greeting && greeting < slot);
    assert!(doc.contains(r#"<w:pPr><w:pStyle w:val="Normal"/><w:spacing w:after="160"/><w:jc w:val="both"/><w:rPr><w:i/></w:rPr></w:pPr><w:r><w:rPr><w:rFonts w:ascii="Georgia" w:hAnsi="Georgia"/><w:sz w:val="22"/><w:lang w:val="nl-NL"/></w:rPr><w:t xml:space="preserve">Geachte heer/mevrouw,"#));
    assert_eq!(doc.matches("<w:headerReference").count(), 1);
    let sect = doc.find("<w:headerReference").unwrap();
    assert!(
        sect > doc.find("Met vriendelijke groet,").unwrap() && sect < doc.find("Slot").unwrap()
    );
    // What the briefpapier shows, the letter leaves out.
    assert!(!paragraphs.iter().any(|p| p.starts_with("Ons kenmerk:") || p.starts_with("Betreft:") && p.contains("\n")));
    assert!(
        !paragraphs
            .iter()
            .any(|p| p.contains("GGD Voorbeeldregio\nPostbus"))
    );
}

#[test]
fn a_malformed_briefpapier_is_refused_and_no_letter_made() {
    let tmp = tempfile::tempdir().unwrap();
    let (c, today) = case("Fenna Fictief", "Het dossier is groot.");
    let out = tmp.path().join("brieven");
    let cases = [
        (
            "geen-marker.docx",
            document(SPLIT_DATE, ""),
            BriefpapierFault::NoMarker,
        ),
        (
            "twee-markers.docx",
            document(SPLIT_DATE, &format!("{MARKER}{MARKER}")),
            BriefpapierFault::ManyMarkers,
        ),
        (
            "marker-met-tekst.docx",
            document(
                SPLIT_DATE,
                r#"<w:p><w:r><w:t>Hier: {{brief}}</w:t></w:r></w:p>"#,
            ),
            BriefpapierFault::MarkerNotAlone,
        ),
        (
            "gesplitst.docx",
            document(
                r#"<w:p><w:r><w:t>Datum: {{da</w:t></w:r><w:r><w:drawing/></w:r><w:r><w:t>tum}}</w:t></w:r></w:p>"#,
                MARKER,
            ),
            BriefpapierFault::Split("word/document.xml".into(), "{{datum}}".into()),
        ),
        (
            "in-koppeling.docx",
            document(
                r#"<w:p><w:hyperlink r:id="rId9"><w:r><w:t>{{kenmerk}}</w:t></w:r></w:hyperlink></w:p>"#,
                MARKER,
            ),
            BriefpapierFault::Split("word/document.xml".into(), "{{kenmerk}}".into()),
        ),
        (
            "onbekend.docx",
            document(r#"<w:p><w:r><w:t>{{naam}}</w:t></w:r></w:p>"#, MARKER),
            BriefpapierFault::Unknown("word/document.xml".into(), "{{naam}}".into()),
        ),
    ];
    for (name, doc, fault) in cases {
        let paper = briefpapier(tmp.path(), name, &doc);
        let e = make(LetterKind::Besluit, &c, today, Lang::Nl, &out, Some(&paper)).unwrap_err();
        assert_eq!(
            e,
            LetterError::Briefpapier {
                file: paper.clone(),
                why: fault
            }
        );
        assert!(
            e.message(Lang::Nl).contains(name),
            "{}",
            e.message(Lang::Nl)
        );
        assert!(!out.exists() || std::fs::read_dir(&out).unwrap().next().is_none());
    }
    // Not a zip at all.
    let junk = tmp.path().join("kapot.docx");
    std::fs::write(&junk, b"geen zip").unwrap();
    let e = make(LetterKind::Besluit, &c, today, Lang::En, &out, Some(&junk)).unwrap_err();
    assert!(matches!(
        e,
        LetterError::Briefpapier {
            why: BriefpapierFault::NotADocx(_),
            ..
        }
    ));
    assert!(e.message(Lang::En).contains("not a Word document"));
}
