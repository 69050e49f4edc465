//! The plain built-in letterhead, used when no `organisatie.briefpapier` is configured: A4, the
//! organisation's name and address at the top right of every page, the requester's address,
//! the date, reference and subject, then the letter (`{{brief}}`), the reference in the footer.
//! It is a briefpapier like an organisation's own and is filled the same way.

use super::{lang_tag, xml};
use crate::config::Organisatie;
use crate::i18n::Lang;
use crate::i18n::letters::LettersMsg;

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;
const DECL: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

fn content_types() -> String {
    let main = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    format!(
        r#"{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="{main}.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="{main}.styles+xml"/><Override PartName="/word/header1.xml" ContentType="{main}.header+xml"/><Override PartName="/word/footer1.xml" ContentType="{main}.footer+xml"/></Types>"#
    )
}

fn rels() -> String {
    format!(
        r#"{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#
    )
}

fn document_rels() -> String {
    let t = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    format!(
        r#"{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{t}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="{t}/header" Target="header1.xml"/><Relationship Id="rId3" Type="{t}/footer" Target="footer1.xml"/></Relationships>"#
    )
}

fn styles(lang: Lang) -> String {
    let tag = lang_tag(lang);
    format!(
        r#"{DECL}<w:styles {W}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="{tag}"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style></w:styles>"#
    )
}

/// A paragraph of one run: properties as written, the text escaped.
fn para(ppr: &str, rpr: &str, text: &str) -> String {
    let ppr = if ppr.is_empty() {
        String::new()
    } else {
        format!("<w:pPr>{ppr}</w:pPr>")
    };
    let rpr = if rpr.is_empty() {
        String::new()
    } else {
        format!("<w:rPr>{rpr}</w:rPr>")
    };
    if text.is_empty() {
        return format!("<w:p>{ppr}</w:p>");
    }
    format!(
        r#"<w:p>{ppr}<w:r>{rpr}<w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
        xml::escape(text)
    )
}

fn header(org: &Organisatie) -> String {
    let mut body = para(
        r#"<w:spacing w:after="0"/><w:jc w:val="right"/>"#,
        r#"<w:b/><w:bCs/><w:color w:val="1F3864"/><w:sz w:val="28"/><w:szCs w:val="28"/>"#,
        org.naam.as_deref().unwrap_or_default(),
    );
    for line in org.adres.as_deref().unwrap_or_default().lines() {
        body.push_str(&para(
            r#"<w:spacing w:after="0"/><w:jc w:val="right"/>"#,
            r#"<w:color w:val="595959"/><w:sz w:val="18"/><w:szCs w:val="18"/>"#,
            line.trim(),
        ));
    }
    format!("{DECL}<w:hdr {W}>{body}</w:hdr>")
}

fn footer(lang: Lang) -> String {
    let label = LettersMsg::LetterheadReference.text(lang);
    let body = para(
        r#"<w:spacing w:after="0"/><w:jc w:val="center"/>"#,
        r#"<w:color w:val="595959"/><w:sz w:val="16"/><w:szCs w:val="16"/>"#,
        &format!("{label} {{{{kenmerk}}}}"),
    );
    format!("{DECL}<w:ftr {W}>{body}</w:ftr>")
}

fn document(lang: Lang) -> String {
    let tight = r#"<w:spacing w:after="0"/>"#;
    let label = |m: LettersMsg| format!("{}\t", m.text(lang));
    let tabbed = r#"<w:tabs><w:tab w:val="left" w:pos="1701"/></w:tabs><w:spacing w:after="0"/>"#;
    let mut body = String::new();
    body.push_str(&para(tight, "", "{{adres}}"));
    body.push_str(&para(tight, "", ""));
    body.push_str(&para(tight, "", ""));
    for (m, field) in [
        (LettersMsg::LetterheadDate, "datum"),
        (LettersMsg::LetterheadReference, "kenmerk"),
        (LettersMsg::LetterheadSubject, "onderwerp"),
    ] {
        body.push_str(&format!(
            r#"<w:p><w:pPr>{tabbed}</w:pPr><w:r><w:rPr><w:color w:val="595959"/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r><w:r><w:t>{{{{{field}}}}}</w:t></w:r></w:p>"#,
            xml::escape(&label(m)).replace('\t', "</w:t><w:tab/><w:t>")
        ));
    }
    body.push_str(&para("", "", ""));
    body.push_str(&para("", "", "{{brief}}"));
    let sect = r#"<w:sectPr><w:headerReference w:type="default" r:id="rId2"/><w:footerReference w:type="default" r:id="rId3"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2552" w:right="1417" w:bottom="1417" w:left="1417" w:header="709" w:footer="567" w:gutter="0"/></w:sectPr>"#;
    format!("{DECL}<w:document {W}><w:body>{body}{sect}</w:body></w:document>")
}

/// The package's entries, in order.
pub(super) fn entries(org: &Organisatie, lang: Lang) -> Vec<(String, Vec<u8>)> {
    [
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", rels()),
        ("word/_rels/document.xml.rels", document_rels()),
        ("word/document.xml", document(lang)),
        ("word/styles.xml", styles(lang)),
        ("word/header1.xml", header(org)),
        ("word/footer1.xml", footer(lang)),
    ]
    .into_iter()
    .map(|(n, s)| (n.to_string(), s.into_bytes()))
    .collect()
}
