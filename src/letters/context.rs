//! What a template receives: plain values from the case and the organisation, and phrases made
//! here (a kind "in words", dates written out) so an override can reuse them. The names are the
//! ones the module documentation of `letters` lists.

use chrono::NaiveDate;
use serde::Serialize;

use super::LetterError;
use crate::config::{Organisatie, OrganisatieType};
use crate::domain::Case;
use crate::domain::case::{Decision, ExtensionReason};
use crate::domain::deadline;
use crate::i18n::letters as text;
use crate::i18n::{self, Lang};

#[derive(Serialize)]
pub(super) struct Context<'a> {
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
    /// Only called after [`check`](super::check): the settings and the request are there.
    pub(super) fn new(
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
