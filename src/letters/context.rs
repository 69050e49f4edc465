//! What a template receives: plain values from the case and the organisation, and phrases made
//! here (a kind "in words", dates written out) so an override can reuse them. The names are the
//! ones the module documentation of `letters` lists.

use chrono::NaiveDate;
use serde::Serialize;

use super::escape::Markup;
use super::{LetterError, LetterKind, Letterhead, Signatory};
use crate::config::{Organisatie, OrganisatieType};
use crate::domain::Case;
use crate::domain::case::{
    Decision, DecisionRecord, ExtensionReason, Relation, ReplyMethod, Requester, Salutation,
};
use crate::domain::checklist::StepId;
use crate::domain::deadline;
use crate::i18n::letters as text;
use crate::i18n::{self, Lang};

#[derive(Serialize)]
pub(super) struct Context {
    organisatie: OrgCtx,
    datum: String,
    kenmerk: String,
    verzoeker: RequesterCtx,
    verzoek: RequestCtx,
    verlenging: Option<ExtensionCtx>,
    besluit: Option<DecisionCtx>,
    ondertekening: SignatoryCtx,
    briefhoofd: Letterhead,
}

#[derive(Serialize)]
struct SignatoryCtx {
    naam: String,
    functie: Option<String>,
    namens: Option<String>,
}

#[derive(Serialize)]
struct OrgCtx {
    naam: String,
    adres: Option<String>,
    adres_regels: Vec<String>,
    #[serde(rename = "type")]
    org_type: &'static str,
    bestuursorgaan: bool,
    fg_naam: Option<String>,
    fg_contact: String,
}

#[derive(Serialize)]
struct RequesterCtx {
    naam: String,
    contact_regels: Vec<String>,
    relatie: &'static str,
    adres_regels: Vec<String>,
    per_post: bool,
    antwoord_via: &'static str,
    namens_client: bool,
    derde: bool,
    zonder_gezag: bool,
    pleegouder: bool,
    aanhef: String,
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
    te_laat: bool,
    verlengen_voorbij: bool,
    vernietigen_voorbij: bool,
    verstrekking: Option<String>,
}

#[derive(Serialize)]
struct ExtensionCtx {
    grond: &'static str,
    grond_tekst: &'static str,
    toelichting: String,
    termijn: String,
    verstuurd: String,
}

#[derive(Serialize)]
struct DecisionCtx {
    uitkomst: &'static str,
    uitkomst_tekst: &'static str,
    weigering: bool,
    toelichting: String,
    reden: String,
    bewaard: String,
    vaccinaties_jgz: Option<String>,
    datum: String,
    vernietigd_op: Option<String>,
    /// Rectificatie of a professional judgement (WGBO 7:454 lid 2, AVG 16).
    oordeel: bool,
    /// The professional who corrected the judgement after all is recorded.
    oordeel_gecorrigeerd: bool,
    /// The eigen verklaring was offered.
    verklaring_aangeboden: bool,
    /// The date the eigen verklaring was added to the dossier within this case, written out.
    verklaring_toegevoegd: Option<String>,
}

/// The desk's note of what else is kept, as a sentence in the letter: a capital first, a full
/// stop last ("het verzoek en het antwoord" → "Het verzoek en het antwoord.").
fn sentence(text: &str) -> String {
    let text = text.trim();
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let mut out: String = first.to_uppercase().chain(chars).collect();
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}

fn reply_slug(m: ReplyMethod) -> &'static str {
    match m {
        ReplyMethod::Post => "post",
        ReplyMethod::BeveiligdeEmail => "beveiligde_email",
        ReplyMethod::Portaal => "portaal",
        ReplyMethod::Balie => "balie",
    }
}

fn relation_slug(r: Relation) -> &'static str {
    match r {
        Relation::Zelf => "zelf",
        Relation::OuderMetGezag => "ouder_met_gezag",
        Relation::Voogd => "voogd",
        Relation::CuratorMentor => "curator_mentor",
        Relation::OuderZonderGezag => "ouder_zonder_gezag",
        Relation::Pleegouder => "pleegouder",
        Relation::Gezinsvoogd => "gezinsvoogd",
        Relation::Derde => "derde",
        Relation::Gemachtigde => "gemachtigde",
    }
}

impl Context {
    /// The letter's date, written out.
    pub(super) fn datum(&self) -> &str {
        &self.datum
    }

    /// Only called after [`check`](super::check): the settings and the request are there.
    /// Every value a user typed (the case's and the settings') is escaped: literal text in any
    /// Markdown reader. The verlenging is dated the day its notice was sent.
    pub(super) fn new(
        kind_of_letter: LetterKind,
        case: &Case,
        org: &Organisatie,
        lang: Lang,
        today: NaiveDate,
        markup: Markup,
        extra: (&Signatory, Letterhead),
    ) -> Result<Context, LetterError> {
        let (signatory, briefhoofd) = extra;
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
            toelichting: markup.text(&x.explanation),
            termijn: date(dates.answer),
            verstuurd: date(x.notice_sent),
        });
        let besluit = case
            .decision
            .as_ref()
            .map(|d| DecisionCtx::new(case, d, lang, markup));
        let requester = &request.requester;
        let reply = request.reply_method();
        let letter_date = match (kind_of_letter, &case.extension) {
            (LetterKind::Verlenging, Some(x)) => x.notice_sent,
            _ => today,
        };
        Ok(Context {
            organisatie: OrgCtx::new(org, naam, org_type, fg_contact, markup),
            datum: date(letter_date),
            kenmerk: case.id.to_string(),
            verzoeker: RequesterCtx::new(requester, reply, lang, markup),
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
                te_laat: today > dates.answer,
                verlengen_voorbij: today > first,
                vernietigen_voorbij: dates.destruction.is_some_and(|d| today > d),
                verstrekking: case.choice(StepId::Verstrekking).map(str::to_string),
            },
            verlenging,
            besluit,
            ondertekening: SignatoryCtx::new(signatory, naam, markup),
            briefhoofd,
        })
    }
}

impl DecisionCtx {
    /// The letter's own text, never the dossier's reasoning (domain.md §7).
    fn new(case: &Case, d: &DecisionRecord, lang: Lang, markup: Markup) -> DecisionCtx {
        let date = |d: NaiveDate| text::date(d, lang);
        let toelichting = markup.text(d.explanation.as_deref().unwrap_or_default());
        DecisionCtx {
            uitkomst: match d.decision {
                Decision::Toegewezen => "toegewezen",
                Decision::DeelsToegewezen => "deels_toegewezen",
                Decision::Afgewezen => "afgewezen",
                Decision::NietOntvankelijk => "niet_ontvankelijk",
            },
            uitkomst_tekst: i18n::domain::decision(d.decision, lang),
            weigering: d.decision.is_refusal(),
            reden: toelichting.clone(),
            toelichting,
            bewaard: markup.text(&sentence(&d.kept)),
            vaccinaties_jgz: case
                .choice(StepId::VaccinatiegegevensJgz)
                .map(str::to_string),
            datum: date(d.on),
            vernietigd_op: case.destroyed_on().map(date),
            oordeel: case.kind == crate::domain::CaseKind::Rectificatie
                && case.choice(StepId::SoortCorrectie) == Some("oordeel"),
            oordeel_gecorrigeerd: case.answers.contains_key(&StepId::OordeelGecorrigeerdDoor),
            verklaring_aangeboden: case.said_yes(StepId::EigenVerklaringAangeboden),
            verklaring_toegevoegd: match case
                .answers
                .get(&StepId::EigenVerklaringToegevoegd)
                .map(|r| &r.answer)
            {
                Some(crate::domain::checklist::Answer::Date(on)) => Some(date(*on)),
                _ => None,
            },
        }
    }
}

impl OrgCtx {
    /// The organisation's settings, each escaped; `check` has made sure the required ones are
    /// there, so they arrive unwrapped.
    fn new(
        org: &Organisatie,
        naam: &str,
        org_type: OrganisatieType,
        fg_contact: &str,
        markup: Markup,
    ) -> OrgCtx {
        OrgCtx {
            naam: markup.text(naam),
            adres: org.adres.as_deref().map(|v| markup.text(v)),
            adres_regels: org
                .adres
                .as_deref()
                .map(|v| markup.lines(v))
                .unwrap_or_default(),
            org_type: org_type.slug(),
            bestuursorgaan: org_type == OrganisatieType::Bestuursorgaan,
            fg_naam: org.fg_naam.as_deref().map(|v| markup.text(v)),
            fg_contact: markup.text(fg_contact),
        }
    }
}

impl RequesterCtx {
    /// The address only when the answer goes by post (data minimisation).
    fn new(requester: &Requester, reply: ReplyMethod, lang: Lang, markup: Markup) -> RequesterCtx {
        let per_post = reply == ReplyMethod::Post;
        RequesterCtx {
            naam: markup.text(&requester.name),
            contact_regels: markup.lines(&requester.contact),
            relatie: relation_slug(requester.relation),
            adres_regels: if per_post {
                markup.lines(&requester.address)
            } else {
                Vec::new()
            },
            per_post,
            antwoord_via: reply_slug(reply),
            namens_client: requester.relation == Relation::Gemachtigde,
            derde: requester.relation == Relation::Derde,
            zonder_gezag: requester.relation == Relation::OuderZonderGezag,
            pleegouder: requester.relation == Relation::Pleegouder,
            aanhef: {
                let recorded = requester.salutation.as_ref().map(|s| match s {
                    Salutation::Mevrouw(n) => (true, markup.text(n)),
                    Salutation::Heer(n) => (false, markup.text(n)),
                });
                text::salutation(lang, recorded.as_ref().map(|(f, n)| (*f, n.as_str())))
            },
        }
    }
}

impl SignatoryCtx {
    /// The configured signatory, else the one who makes the letter, else the organisation
    /// itself.
    fn new(signatory: &Signatory, org_naam: &str, markup: Markup) -> SignatoryCtx {
        SignatoryCtx {
            naam: markup.text(
                signatory
                    .naam
                    .as_deref()
                    .or(signatory.handler.as_deref())
                    .unwrap_or(org_naam),
            ),
            functie: signatory.functie.as_deref().map(|v| markup.text(v)),
            namens: signatory.namens.as_deref().map(|v| markup.text(v)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sentence;

    #[test]
    fn what_is_kept_reads_as_a_sentence() {
        assert_eq!(
            sentence(" het verzoek en het antwoord "),
            "Het verzoek en het antwoord."
        );
        assert_eq!(sentence("Alles bewaard!"), "Alles bewaard!");
        assert_eq!(sentence("  "), "");
    }
}
