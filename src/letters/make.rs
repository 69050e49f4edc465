//! Making a letter, the one function the workbench's `l` and `privdesk letter` share: the
//! template rendered for the case (or refused), in the format asked for — Markdown, Word on
//! the organisation's briefpapier or the built-in letterhead, or PDF from that Word file —
//! written without overwriting, and the SHA-256 of what was written for the journal.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use super::docx::{Briefpapier, FieldValues, blocks};
use super::{
    LetterError, LetterKind, Letterhead, Markup, Signatory, Template, pdf, render_with,
    write_bytes, write_letter,
};
use crate::config::Organisatie;
use crate::domain::Case;
use crate::domain::Event;
use crate::domain::case::ReplyMethod;
use crate::domain::text::clean_text;
use crate::i18n::Lang;

pub use crate::domain::letter::Format;

/// What a letter is made from and where it goes.
pub struct LetterRequest<'a> {
    /// Which letter.
    pub kind: LetterKind,
    /// The case.
    pub case: &'a Case,
    /// The organisation it is from.
    pub org: &'a Organisatie,
    /// The letter's language.
    pub lang: Lang,
    /// The letter's date.
    pub today: NaiveDate,
    /// The file format.
    pub format: Format,
    /// The folder ([`super::letters_dir`]).
    pub dir: &'a Path,
    /// `organisatie.briefpapier`: the organisation's .docx, else the built-in letterhead.
    pub briefpapier: Option<&'a Path>,
    /// Who signs.
    pub signatory: &'a Signatory,
    /// The folder of override templates ([`super::override_dir`]).
    pub templates: Option<&'a Path>,
}

/// A letter made and written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MadeLetter {
    /// The file.
    pub path: PathBuf,
    /// Its format.
    pub format: Format,
    /// The SHA-256 of the file as written, in hex.
    pub sha256: String,
}

impl MadeLetter {
    /// The journal's record of it.
    pub fn event(&self, req: &LetterRequest) -> Event {
        Event::LetterMade {
            case: req.case.id,
            letter: req.kind,
            format: Some(self.format),
            sha256: Some(self.sha256.clone()),
        }
    }
}

impl MadeLetter {
    /// Removes the letter again: the journal could not record it, and a letter not in the
    /// audit trail must not exist. Best effort (it was just written, 0600, by this process).
    pub fn discard(&self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Makes the letter: refused when the case lacks what it needs, else written (0600, never over
/// an earlier letter) in the format asked for.
pub fn make_letter(req: &LetterRequest) -> Result<MadeLetter, LetterError> {
    let template = Template::resolve(req.kind, req.lang, req.templates)?;
    let render = |markup, head| {
        render_with(
            req.kind,
            req.case,
            req.org,
            req.lang,
            req.today,
            &template,
            (markup, req.signatory, head),
        )
    };
    let (path, bytes) = match req.format {
        Format::Md => {
            let text = render(Markup::Markdown, Letterhead::default())?.text;
            let text = clean_text(&text).into_owned();
            let path = write_letter(req.dir, req.case.id, req.kind, &text)?;
            (path, text.into_bytes())
        }
        Format::Docx | Format::Pdf => {
            let paper = match req.briefpapier {
                Some(file) => Briefpapier::open(file)?,
                None => Briefpapier::builtin(req.org, req.lang)?,
            };
            let rendered = render(Markup::Literal, paper.letterhead())?;
            let letter = blocks(&clean_text(&rendered.text));
            let values = FieldValues {
                datum: rendered.datum,
                kenmerk: req.case.id.to_string(),
                onderwerp: rendered.betreft,
                adres: postal_address(req.case),
            };
            let docx = paper.fill(&letter, &values, req.lang)?;
            let bytes = match req.format {
                Format::Pdf => pdf::convert(&docx, req.lang)?,
                _ => docx,
            };
            let path = write_bytes(req.dir, req.case.id, req.kind, req.format.slug(), &bytes)?;
            (path, bytes)
        }
    };
    Ok(MadeLetter {
        path,
        format: req.format,
        sha256: hex::encode(Sha256::digest(&bytes)),
    })
}

/// The requester's name and postal address when the answer goes by post, else nothing.
fn postal_address(case: &Case) -> String {
    let Some(request) = &case.request else {
        return String::new();
    };
    if request.reply_method() != ReplyMethod::Post {
        return String::new();
    }
    let r = &request.requester;
    let mut lines = vec![r.name.trim().to_string()];
    lines.extend(
        r.address
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string),
    );
    clean_text(&lines.join("\n")).into_owned()
}
