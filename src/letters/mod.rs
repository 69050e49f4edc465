//! Letters to the requester, filled from the case: the ontvangstbevestiging, the verlenging,
//! the besluit, and for a beperking the aankondiging opheffing (domain.md §3, §5; AVG 18(3)).
//!
//! A letter the law would find wanting is refused before anything is rendered ([`check`]): no
//! organisation name or type (the type decides the remedy), no FG contact, no decision, no
//! recorded extension, a datalek, a refusal without the letter's explanation, an answer by post
//! without a postal address. The templates are Markdown rendered by minijinja with strict
//! undefined values; every value a user typed is escaped before it reaches them (`escape`), so
//! it is literal text in any CommonMark reader; each is compiled in and may be overridden per letter by
//! `<config_dir>/letters/<letter>.<lang>.md`. A template that fails to parse or render is an
//! error naming the file and the line, never half a letter.
//!
//! The templates receive, besides plain values, phrases made here (a kind "in words", dates
//! written out) so an override can reuse them:
//!
//! - `organisatie`: `naam`, `adres` (or none), `adres_regels` (list), `type`
//!   (`bestuursorgaan`|`privaat`), `bestuursorgaan` (bool), `fg_naam` (or none), `fg_contact`
//! - `datum` (the letter's date), `kenmerk` (the case id)
//! - `verzoeker`: `naam`, `contact_regels` (list; not an address), `relatie` (slug),
//!   `adres_regels` (the postal address, only when the answer goes by post), `per_post`,
//!   `antwoord_via` (`post`|`beveiligde_email`|`portaal`|`balie`), `namens_client`
//!   (gemachtigde), `derde`, `zonder_gezag`, `pleegouder` — the requester only, never the child
//! - `verzoek`: `soort` (kind slug), `soort_naam`, `onderwerp` ("inzage in het dossier van uw
//!   kind"), `dossier`, `ontvangen`, `termijn` (the answer deadline now in force),
//!   `eerste_termijn` (the first-month deadline), `kan_verlengen` (bool), `vernietigen_uiterlijk`
//!   (Vernietiging: the WGBO date, else none), `te_laat` (the letter's date is past `termijn`),
//!   `verlengen_voorbij`, `vernietigen_voorbij`, `verstrekking` (the recorded wijze van
//!   verstrekking: `balie`|`zorgmail`|`beveiligde_mail`|`post`, or none)
//! - `verlenging` (none unless extended): `grond` (`complexiteit`|`aantal_verzoeken`),
//!   `grond_tekst`, `toelichting`, `termijn` (the extended deadline), `verstuurd` (the date the
//!   notice was sent; a verlenging's `datum` is that date)
//! - `besluit` (none until decided): `uitkomst` (`toegewezen`|`deels_toegewezen`|`afgewezen`|
//!   `niet_ontvankelijk`), `uitkomst_tekst`, `weigering` (bool: not wholly granted),
//!   `toelichting` (the letter's explanation; `reden` is the same, never the dossier's
//!   reasoning), `bewaard` (Vernietiging: what else is kept, may be empty), `vaccinaties_jgz`
//!   (the jeugdarts's decision: `vernietigen`|`bewaren`, or none), `datum`, `vernietigd_op`;
//!   a rectificatie: `oordeel` (a professional judgement), `oordeel_gecorrigeerd` (corrected
//!   after all by a recorded professional), `verklaring_aangeboden` and `verklaring_toegevoegd`
//!   (the eigen verklaring offered, added within the case; WGBO 7:454 lid 2, AVG 16)
//!
//! - `refusal` — [`check`]: what a letter needs before it may be made.
//! - `escape` — a typed value as literal Markdown text.
//! - `warning` — [`warnings`]: dates the desk must know about in a letter that is made.
//! - `template` — a letter's template: compiled in, or the override in the config folder.
//! - `context` — the values and phrases a template receives, made from the case.
//! - `error` — why no letter was made, in the user's language.
//! - `write` — writing a letter to disk without overwriting.
//! - `folder` — where a letter goes: `--out`, else `brieven.map`, else the register's private
//!   letters folder in the user's data folder.
//! - `make` — [`make_letter`], the one function the workbench's `l` and `privdesk letter`
//!   share: render, then write as Markdown, Word or PDF, with the file's SHA-256.
//! - `docx` — the Word letter on the organisation's briefpapier or the built-in letterhead.
//! - `pdf` — a PDF from the Word letter by LibreOffice.
//!
//! A Word letter's template is rendered with values as literal text between private-use marks
//! ([`Markup::Literal`]) instead of escaped Markdown, and with `briefhoofd` saying what the
//! letterhead already shows; `ondertekening` (naam, functie, namens) signs it, and
//! `verzoeker.aanhef` greets.

mod context;
mod docx;
mod error;
mod escape;
mod folder;
mod make;
mod pdf;
mod refusal;
mod template;
mod warning;
mod write;

pub use docx::{Briefpapier, FIELDS};
pub use error::{BriefpapierFault, LetterError};
pub use escape::Markup;
pub use folder::{BRIEVEN_DIR, default_dir, demo_dir, letters_dir};
pub use make::{Format, LetterRequest, MadeLetter, make_letter};
pub use pdf::SOFFICE;
pub use refusal::check;
pub use template::{Template, override_dir};
pub use warning::{LetterWarning, warnings};
pub use write::{write_bytes, write_letter};

use chrono::NaiveDate;
use minijinja::{AutoEscape, Environment, UndefinedBehavior};
use serde::Serialize;

use crate::config::Organisatie;
use crate::domain::Case;
use crate::i18n::Lang;
use context::Context;

pub use crate::domain::LetterKind;

/// The built-in template of a letter in a language.
fn builtin(kind: LetterKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (LetterKind::Ontvangstbevestiging, Lang::Nl) => include_str!("ontvangstbevestiging.nl.md"),
        (LetterKind::Ontvangstbevestiging, Lang::En) => include_str!("ontvangstbevestiging.en.md"),
        (LetterKind::Verlenging, Lang::Nl) => include_str!("verlenging.nl.md"),
        (LetterKind::Verlenging, Lang::En) => include_str!("verlenging.en.md"),
        (LetterKind::Besluit, Lang::Nl) => include_str!("besluit.nl.md"),
        (LetterKind::Besluit, Lang::En) => include_str!("besluit.en.md"),
        (LetterKind::AankondigingOpheffing, Lang::Nl) => {
            include_str!("aankondiging-opheffing.nl.md")
        }
        (LetterKind::AankondigingOpheffing, Lang::En) => {
            include_str!("aankondiging-opheffing.en.md")
        }
    }
}

/// A letter's template file name, built in and in the override folder: `besluit.nl.md`.
pub fn template_file_name(kind: LetterKind, lang: Lang) -> String {
    format!("{}.{lang}.md", kind.slug())
}

pub use crate::domain::letter::UnknownLetter;

/// Who signs a letter: `brieven.ondertekenaar`, `brieven.functie` and `brieven.namens` (a
/// bestuursorgaan's mandate, Awb 10:10) from the config; without a signatory the one who
/// makes the letter (`handler`), else the organisation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Signatory {
    /// `brieven.ondertekenaar`.
    pub naam: Option<String>,
    /// `brieven.functie`.
    pub functie: Option<String>,
    /// `brieven.namens`: on whose behalf (the bestuursorgaan that mandated the signatory).
    pub namens: Option<String>,
    /// The user making the letter, when no signatory is configured.
    pub handler: Option<String>,
}

/// What the letterhead already shows, so the letter's own text leaves it out: the
/// organisation's name and address, the requester's address, the date, the reference, the
/// subject. A Markdown letter has no letterhead (all false).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Letterhead {
    /// The organisation's name and address.
    pub organisatie: bool,
    /// `{{adres}}`.
    pub adres: bool,
    /// `{{datum}}`.
    pub datum: bool,
    /// `{{kenmerk}}`.
    pub kenmerk: bool,
    /// `{{onderwerp}}`.
    pub onderwerp: bool,
}

/// A rendered letter: its text in the markup asked for, and the subject line the template set
/// (`betreft`), for a letterhead's `{{onderwerp}}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    /// The letter's text.
    pub text: String,
    /// The template's `betreft`, as plain text (empty when the template sets none).
    pub betreft: String,
    /// The letter's date, written out.
    pub datum: String,
}

/// Renders a letter for the case as Markdown, or refuses it. `today` is the letter's date
/// (from the app's clock); `template` comes from [`Template::resolve`].
pub fn render(
    kind: LetterKind,
    case: &Case,
    org: &Organisatie,
    lang: Lang,
    today: NaiveDate,
    template: &Template,
) -> Result<String, LetterError> {
    let signatory = Signatory::default();
    render_with(
        kind,
        case,
        org,
        lang,
        today,
        template,
        (Markup::Markdown, &signatory, Letterhead::default()),
    )
    .map(|r| r.text)
}

/// Renders a letter in the given markup, with its signatory, leaving out what the letterhead
/// shows.
pub fn render_with(
    kind: LetterKind,
    case: &Case,
    org: &Organisatie,
    lang: Lang,
    today: NaiveDate,
    template: &Template,
    how: (Markup, &Signatory, Letterhead),
) -> Result<Rendered, LetterError> {
    let (markup, signatory, letterhead) = how;
    check(kind, case, org)?;
    let ctx = Context::new(
        kind,
        case,
        org,
        lang,
        today,
        markup,
        (signatory, letterhead),
    )?;
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_auto_escape_callback(|_| AutoEscape::None);
    env.set_keep_trailing_newline(true);
    let failed = |e: minijinja::Error| LetterError::Template {
        file: template.name.clone(),
        line: e.line(),
        detail: match e.detail() {
            Some(d) => format!("{}: {d}", e.kind()),
            None => e.kind().to_string(),
        },
    };
    let tmpl = env
        .template_from_named_str(&template.name, &template.source)
        .map_err(failed)?;
    let captured = tmpl.render_captured(&ctx).map_err(failed)?;
    let betreft = captured
        .state()
        .lookup("betreft")
        .and_then(|v| v.as_str().map(plain))
        .unwrap_or_default();
    let datum = ctx.datum().to_string();
    Ok(Rendered {
        text: tidy(captured.output()),
        betreft,
        datum,
    })
}

/// A subject line as plain text: the marks of literal values out, Markdown escapes undone.
fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            escape::OPEN | escape::CLOSE => {}
            escape::BREAK => out.push(' '),
            '\\' if chars.peek().is_some_and(char::is_ascii_punctuation) => {
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// At most one empty line in a row, and one newline at the end: templates stay readable with
/// their conditionals on lines of their own.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            if blank > 1 || out.is_empty() {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn letters_round_trip_through_their_slug() {
        for k in LetterKind::ALL {
            assert_eq!(k.slug().parse::<LetterKind>(), Ok(k));
        }
        assert_eq!("brief".parse::<LetterKind>(), Err(UnknownLetter));
    }

    #[test]
    fn tidy_keeps_one_empty_line_and_one_final_newline() {
        assert_eq!(tidy("\n\na\n\n\n\nb  \n\n\n"), "a\n\nb\n");
    }
}
