//! Letters to the requester, filled from the case: the ontvangstbevestiging, the verlenging and
//! the besluit (domain.md §3, §5).
//!
//! A letter the law would find wanting is refused before anything is rendered ([`check`]): no
//! organisation name or type (the type decides the remedy), no FG contact, no decision, no
//! recorded extension, a datalek. The templates are Markdown rendered by minijinja with strict
//! undefined values and no escaping; each is compiled in and may be overridden per letter by
//! `<config_dir>/letters/<letter>.<lang>.md`. A template that fails to parse or render is an
//! error naming the file and the line, never half a letter.
//!
//! The templates receive, besides plain values, phrases made here (a kind "in words", dates
//! written out) so an override can reuse them:
//!
//! - `organisatie`: `naam`, `adres` (or none), `adres_regels` (list), `type`
//!   (`bestuursorgaan`|`privaat`), `bestuursorgaan` (bool), `fg_naam` (or none), `fg_contact`
//! - `datum` (the letter's date), `kenmerk` (the case id)
//! - `verzoeker`: `naam`, `contact_regels` (list) — the requester only, never the child or others
//! - `verzoek`: `soort` (kind slug), `soort_naam`, `onderwerp` ("inzage in het dossier van uw
//!   kind"), `dossier`, `ontvangen`, `termijn` (the answer deadline now in force),
//!   `eerste_termijn` (the first-month deadline), `kan_verlengen` (bool), `vernietigen_uiterlijk`
//!   (Vernietiging: the WGBO date, else none)
//! - `verlenging` (none unless extended): `grond` (`complexiteit`|`aantal_verzoeken`),
//!   `grond_tekst`, `toelichting`, `termijn` (the extended deadline)
//! - `besluit` (none until decided): `uitkomst` (`toegewezen`|`deels_toegewezen`|`afgewezen`|
//!   `niet_ontvankelijk`), `uitkomst_tekst`, `weigering` (bool: not wholly granted), `reden`,
//!   `bewaard` (Vernietiging: what is kept, may be empty), `datum`, `vernietigd_op` (or none)

mod write;

pub use write::write_letter;

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use chrono::NaiveDate;
use minijinja::{AutoEscape, Environment, UndefinedBehavior};
use serde::Serialize;

use crate::config::{Organisatie, OrganisatieType};
use crate::domain::case::{Decision, Ending, ExtensionReason};
use crate::domain::deadline::{self, DeadlineError};
use crate::domain::{Case, CaseKind};
use crate::i18n::letters::{self as text, LettersMsg};
use crate::i18n::{self, Lang};

/// Which letter: the three moments a verzoek writes to the requester.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LetterKind {
    /// The acknowledgement of receipt, with the legal deadline.
    Ontvangstbevestiging,
    /// The notice of an extension, with its reasons and the new deadline (AVG 12(3)).
    Verlenging,
    /// The decision, with its reasons and the remedy that fits the organisation.
    Besluit,
}

impl LetterKind {
    /// Every letter, in the order a case needs them.
    pub const ALL: [LetterKind; 3] = [
        LetterKind::Ontvangstbevestiging,
        LetterKind::Verlenging,
        LetterKind::Besluit,
    ];

    /// The spelling on the command line, in file names and in the journal.
    pub fn slug(self) -> &'static str {
        match self {
            LetterKind::Ontvangstbevestiging => "ontvangstbevestiging",
            LetterKind::Verlenging => "verlenging",
            LetterKind::Besluit => "besluit",
        }
    }

    fn builtin(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (LetterKind::Ontvangstbevestiging, Lang::Nl) => {
                include_str!("ontvangstbevestiging.nl.md")
            }
            (LetterKind::Ontvangstbevestiging, Lang::En) => {
                include_str!("ontvangstbevestiging.en.md")
            }
            (LetterKind::Verlenging, Lang::Nl) => include_str!("verlenging.nl.md"),
            (LetterKind::Verlenging, Lang::En) => include_str!("verlenging.en.md"),
            (LetterKind::Besluit, Lang::Nl) => include_str!("besluit.nl.md"),
            (LetterKind::Besluit, Lang::En) => include_str!("besluit.en.md"),
        }
    }

    /// The template's file name, built in and in the override folder: `besluit.nl.md`.
    pub fn file_name(self, lang: Lang) -> String {
        format!("{}.{lang}.md", self.slug())
    }
}

impl fmt::Display for LetterKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

/// A name that is no letter; the caller lists [`LetterKind::ALL`] in the user's language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown letter")]
pub struct UnknownLetter;

impl FromStr for LetterKind {
    type Err = UnknownLetter;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        LetterKind::ALL
            .into_iter()
            .find(|k| k.slug() == s)
            .ok_or(UnknownLetter)
    }
}

/// Why no letter was made. The refusals name what is missing, never personal data; `Display`
/// gives the Dutch text, [`LetterError::message`] the user's language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LetterError {
    /// The case is a datalek: letters answer verzoeken.
    NotAVerzoek,
    /// The case was withdrawn or registered by mistake.
    Ended,
    /// Settings a letter cannot do without, by their dotted key (`organisatie.naam`).
    MissingSettings(Vec<&'static str>),
    /// A besluit before a decision was recorded.
    NoDecision,
    /// A refusal (or partial grant) without the reasons the law asks for.
    DecisionWithoutReason(Decision),
    /// A verlenging for a case that was not extended.
    NotExtended,
    /// A verlenging for a kind the law does not let be extended (intrekken toestemming).
    NotExtendable(CaseKind),
    /// An extension without its explanation.
    ExtensionWithoutReason,
    /// The template would not parse or render.
    Template {
        /// The template: its path for an override, its file name for a built-in one.
        file: String,
        /// The line in that file, from 1, when minijinja knows it.
        line: Option<usize>,
        /// minijinja's explanation.
        detail: String,
    },
    /// An override template exists but cannot be read.
    TemplateRead {
        /// The file.
        file: PathBuf,
        /// The system's reason.
        detail: String,
    },
    /// A legal date could not be computed (the calendar's edge).
    Deadline(DeadlineError),
    /// The letter could not be written to disk.
    Write {
        /// The file or folder.
        file: PathBuf,
        /// The system's reason.
        detail: String,
    },
}

impl LetterError {
    /// The reason, in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            LetterError::NotAVerzoek => LettersMsg::NotAVerzoek.text(lang).into(),
            LetterError::Ended => LettersMsg::Ended.text(lang).into(),
            LetterError::MissingSettings(keys) => {
                LettersMsg::MissingSettings.fill(lang, &[("keys", &keys.join(", "))])
            }
            LetterError::NoDecision => LettersMsg::NoDecision.text(lang).into(),
            LetterError::DecisionWithoutReason(d) => LettersMsg::DecisionWithoutReason
                .fill(lang, &[("decision", i18n::domain::decision(*d, lang))]),
            LetterError::NotExtended => LettersMsg::NotExtended.text(lang).into(),
            LetterError::NotExtendable(k) => LettersMsg::NotExtendable.fill(
                lang,
                &[("kind", &i18n::domain::kind(*k, lang).to_lowercase())],
            ),
            LetterError::ExtensionWithoutReason => {
                LettersMsg::ExtensionWithoutReason.text(lang).into()
            }
            LetterError::Template { file, line, detail } => match line {
                Some(l) => LettersMsg::TemplateAt.fill(
                    lang,
                    &[("file", file), ("line", &l.to_string()), ("detail", detail)],
                ),
                None => LettersMsg::Template.fill(lang, &[("file", file), ("detail", detail)]),
            },
            LetterError::TemplateRead { file, detail } => LettersMsg::TemplateRead.fill(
                lang,
                &[("file", &file.display().to_string()), ("detail", detail)],
            ),
            LetterError::Deadline(_) => LettersMsg::DateOutOfRange.text(lang).into(),
            LetterError::Write { file, detail } => LettersMsg::Write.fill(
                lang,
                &[("file", &file.display().to_string()), ("detail", detail)],
            ),
        }
    }
}

impl fmt::Display for LetterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::default()))
    }
}

impl From<DeadlineError> for LetterError {
    fn from(e: DeadlineError) -> Self {
        LetterError::Deadline(e)
    }
}

/// A template's text and the name its errors carry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Template {
    /// The override's path, or the built-in file name.
    pub name: String,
    /// The minijinja source.
    pub source: String,
}

impl Template {
    /// The compiled-in template.
    pub fn builtin(kind: LetterKind, lang: Lang) -> Template {
        Template {
            name: kind.file_name(lang),
            source: kind.builtin(lang).to_string(),
        }
    }

    /// The override `<dir>/<letter>.<lang>.md` when it exists, else the built-in template.
    /// `dir` is [`override_dir`] in the app, a temporary folder in tests.
    pub fn resolve(
        kind: LetterKind,
        lang: Lang,
        dir: Option<&Path>,
    ) -> Result<Template, LetterError> {
        let Some(dir) = dir else {
            return Ok(Template::builtin(kind, lang));
        };
        let file = dir.join(kind.file_name(lang));
        match std::fs::read_to_string(&file) {
            Ok(source) => Ok(Template {
                name: file.display().to_string(),
                source,
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Template::builtin(kind, lang)),
            Err(e) => Err(LetterError::TemplateRead {
                file,
                detail: e.to_string(),
            }),
        }
    }
}

/// The folder of override templates: `letters/` in privdesk's config folder.
pub fn override_dir() -> Option<PathBuf> {
    crate::config::config_dir().map(|d| d.join("letters"))
}

/// Refuses a letter that would be wrong, naming what is missing. [`render`] calls it first; the
/// app may call it to grey out a letter it cannot make.
pub fn check(kind: LetterKind, case: &Case, org: &Organisatie) -> Result<(), LetterError> {
    if case.kind.is_datalek() || case.request.is_none() {
        return Err(LetterError::NotAVerzoek);
    }
    if matches!(
        case.ending,
        Some(Ending::Ingetrokken { .. } | Ending::Vervallen { .. })
    ) {
        return Err(LetterError::Ended);
    }
    let mut missing = Vec::new();
    if org.naam.is_none() {
        missing.push("organisatie.naam");
    }
    if org.org_type.is_none() {
        missing.push("organisatie.type");
    }
    if org.fg_contact.is_none() {
        missing.push("organisatie.fg_contact");
    }
    if !missing.is_empty() {
        return Err(LetterError::MissingSettings(missing));
    }
    match kind {
        LetterKind::Ontvangstbevestiging => {}
        LetterKind::Verlenging => match &case.extension {
            None if !case.kind.may_extend() => return Err(LetterError::NotExtendable(case.kind)),
            None => return Err(LetterError::NotExtended),
            Some(x) if x.explanation.trim().is_empty() => {
                return Err(LetterError::ExtensionWithoutReason);
            }
            Some(_) => {}
        },
        LetterKind::Besluit => match &case.decision {
            None => return Err(LetterError::NoDecision),
            Some(d) if d.decision.needs_reason() && d.reason.trim().is_empty() => {
                return Err(LetterError::DecisionWithoutReason(d.decision));
            }
            Some(_) => {}
        },
    }
    Ok(())
}

/// Renders a letter for the case, or refuses it. `today` is the letter's date (from the
/// app's clock); `template` comes from [`Template::resolve`].
pub fn render(
    kind: LetterKind,
    case: &Case,
    org: &Organisatie,
    lang: Lang,
    today: NaiveDate,
    template: &Template,
) -> Result<String, LetterError> {
    check(kind, case, org)?;
    let ctx = Context::new(case, org, lang, today)?;
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
    let out = env
        .template_from_named_str(&template.name, &template.source)
        .and_then(|t| t.render(&ctx))
        .map_err(failed)?;
    Ok(tidy(&out))
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

#[derive(Serialize)]
struct Context<'a> {
    organisatie: OrgCtx<'a>,
    datum: String,
    kenmerk: String,
    verzoeker: RequesterCtx<'a>,
    verzoek: RequestCtx,
    verlenging: Option<ExtensionCtx<'a>>,
    besluit: Option<DecisionCtx<'a>>,
}

#[derive(Serialize)]
struct OrgCtx<'a> {
    naam: &'a str,
    adres: Option<&'a str>,
    adres_regels: Vec<&'a str>,
    #[serde(rename = "type")]
    org_type: &'static str,
    bestuursorgaan: bool,
    fg_naam: Option<&'a str>,
    fg_contact: &'a str,
}

#[derive(Serialize)]
struct RequesterCtx<'a> {
    naam: &'a str,
    contact_regels: Vec<&'a str>,
}

#[derive(Serialize)]
struct RequestCtx {
    soort: &'static str,
    soort_naam: &'static str,
    onderwerp: String,
    dossier: &'static str,
    ontvangen: String,
    termijn: String,
    eerste_termijn: String,
    kan_verlengen: bool,
    vernietigen_uiterlijk: Option<String>,
}

#[derive(Serialize)]
struct ExtensionCtx<'a> {
    grond: &'static str,
    grond_tekst: &'static str,
    toelichting: &'a str,
    termijn: String,
}

#[derive(Serialize)]
struct DecisionCtx<'a> {
    uitkomst: &'static str,
    uitkomst_tekst: &'static str,
    weigering: bool,
    reden: &'a str,
    bewaard: &'a str,
    datum: String,
    vernietigd_op: Option<String>,
}

fn lines(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

impl<'a> Context<'a> {
    /// Only called after [`check`]: the settings and the request are there.
    fn new(
        case: &'a Case,
        org: &'a Organisatie,
        lang: Lang,
        today: NaiveDate,
    ) -> Result<Context<'a>, LetterError> {
        let (Some(request), Some(naam), Some(org_type), Some(fg_contact)) =
            (&case.request, &org.naam, org.org_type, &org.fg_contact)
        else {
            return Err(LetterError::NotAVerzoek);
        };
        let date = |d: NaiveDate| text::date(d, lang);
        let kind = case.kind;
        let extended = case.extension.is_some();
        let dates = deadline::legal_dates(kind, request.received, extended)?;
        let first = deadline::answer_deadline(kind, request.received)?;
        let dossier = text::dossier(request.requester.relation, lang);
        let verlenging = case.extension.as_ref().map(|x| ExtensionCtx {
            grond: match x.reason {
                ExtensionReason::Complexiteit => "complexiteit",
                ExtensionReason::AantalVerzoeken => "aantal_verzoeken",
            },
            grond_tekst: i18n::domain::extension_reason(x.reason, lang),
            toelichting: x.explanation.trim(),
            termijn: date(dates.answer),
        });
        let besluit = case.decision.as_ref().map(|d| DecisionCtx {
            uitkomst: match d.decision {
                Decision::Toegewezen => "toegewezen",
                Decision::DeelsToegewezen => "deels_toegewezen",
                Decision::Afgewezen => "afgewezen",
                Decision::NietOntvankelijk => "niet_ontvankelijk",
            },
            uitkomst_tekst: i18n::domain::decision(d.decision, lang),
            weigering: d.decision.is_refusal(),
            reden: d.reason.trim(),
            bewaard: d.kept.trim(),
            datum: date(d.on),
            vernietigd_op: case.destruction_confirmed.map(date),
        });
        Ok(Context {
            organisatie: OrgCtx {
                naam,
                adres: org.adres.as_deref(),
                adres_regels: org.adres.as_deref().map(lines).unwrap_or_default(),
                org_type: org_type.slug(),
                bestuursorgaan: org_type == OrganisatieType::Bestuursorgaan,
                fg_naam: org.fg_naam.as_deref(),
                fg_contact,
            },
            datum: date(today),
            kenmerk: case.id.to_string(),
            verzoeker: RequesterCtx {
                naam: request.requester.name.trim(),
                contact_regels: lines(&request.requester.contact),
            },
            verzoek: RequestCtx {
                soort: kind.slug(),
                soort_naam: i18n::domain::kind(kind, lang),
                onderwerp: i18n::fill(text::subject(kind, lang), &[("dossier", dossier)]),
                dossier,
                ontvangen: date(request.received),
                termijn: date(dates.answer),
                eerste_termijn: date(first),
                kan_verlengen: kind.may_extend(),
                vernietigen_uiterlijk: dates.destruction.map(date),
            },
            verlenging,
            besluit,
        })
    }
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

    #[test]
    fn every_builtin_template_parses() {
        let env = Environment::new();
        for k in LetterKind::ALL {
            for lang in [Lang::Nl, Lang::En] {
                let t = Template::builtin(k, lang);
                env.template_from_named_str(&t.name, &t.source).unwrap();
            }
        }
    }
}
