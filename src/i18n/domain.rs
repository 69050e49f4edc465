//! Names of the domain's values as the user reads them: kinds, statuses, channels, relations,
//! decisions, breach natures, refusals and blocks.

use super::Lang;
use crate::domain::case::{
    BreachNature, CaseField, Channel, Decision, ExtensionReason, Refusal, Relation, ReplyMethod,
    Status,
};
use crate::domain::checklist::Block;
use crate::domain::kind::CaseKind;

fn pick(lang: Lang, nl: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

/// A kind's name.
pub fn kind(k: CaseKind, lang: Lang) -> &'static str {
    use CaseKind::*;
    match k {
        Inzage => pick(lang, "Inzage", "Access"),
        Afschrift => pick(lang, "Afschrift", "Copy"),
        Rectificatie => pick(lang, "Rectificatie", "Rectification"),
        EigenVerklaring => pick(lang, "Eigen verklaring", "Own statement"),
        Vernietiging => pick(lang, "Vernietiging", "Destruction"),
        Beperking => pick(lang, "Beperking", "Restriction"),
        Overdraagbaarheid => pick(lang, "Overdraagbaarheid", "Portability"),
        Bezwaar => pick(lang, "Bezwaar", "Objection"),
        IntrekkenToestemming => pick(lang, "Intrekken toestemming", "Withdrawal of consent"),
        Datalek => pick(lang, "Datalek", "Data breach"),
    }
}

/// A status's name.
pub fn status(s: Status, lang: Lang) -> &'static str {
    use Status::*;
    match s {
        Open => pick(lang, "open", "open"),
        Heropend => pick(lang, "heropend", "reopened"),
        Verlengd => pick(lang, "verlengd", "extended"),
        Wachtend => pick(lang, "wachtend", "waiting"),
        Besloten => pick(lang, "besloten", "decided"),
        Gesloten => pick(lang, "gesloten", "closed"),
        Ingetrokken => pick(lang, "ingetrokken", "withdrawn"),
        Vervallen => pick(lang, "vervallen", "void"),
    }
}

/// A channel's name.
pub fn channel(c: Channel, lang: Lang) -> &'static str {
    use Channel::*;
    match c {
        Email => pick(lang, "e-mail", "e-mail"),
        Brief => pick(lang, "brief", "letter"),
        Telefoon => pick(lang, "telefoon", "phone"),
        Webformulier => pick(lang, "webformulier", "web form"),
        Balie => pick(lang, "balie", "desk"),
    }
}

/// The neutral legal ground a letter gives for a refusal that must not name its reason
/// (signals of child abuse or domestic violence, KNMG-meldcode; domain.md §7).
pub fn neutral_ground(kind: CaseKind, lang: Lang) -> &'static str {
    match kind {
        CaseKind::Vernietiging => pick(
            lang,
            "Wij mogen gegevens niet vernietigen als het bewaren ervan van aanmerkelijk belang is voor een ander dan u. Dat is hier het geval. Dit volgt uit goed hulpverlenerschap en artikel 7:455 van het Burgerlijk Wetboek.",
            "We may not destroy data when keeping them is of considerable importance to someone other than you. That is the case here. This follows from good care practice (goed hulpverlenerschap) and article 7:455 of the Dutch Civil Code.",
        ),
        _ => pick(
            lang,
            "Wij geven de gegevens niet, omdat dat niet past bij goed hulpverlenerschap: het belang van het kind of van een ander gaat hier voor. Dit volgt uit de artikelen 7:457 en 7:465 van het Burgerlijk Wetboek en artikel 41 van de Uitvoeringswet AVG.",
            "We do not provide the data, because that would not be in keeping with good care practice (goed hulpverlenerschap): the interest of the child or of someone else comes first here. This follows from articles 7:457 and 7:465 of the Dutch Civil Code and article 41 of the Dutch GDPR Implementation Act.",
        ),
    }
}

/// How the answer is sent, in words.
pub fn reply_method(m: ReplyMethod, lang: Lang) -> &'static str {
    use ReplyMethod::*;
    match m {
        Post => pick(lang, "per post", "by post"),
        BeveiligdeEmail => pick(
            lang,
            "beveiligde e-mail (Zorgmail)",
            "secure e-mail (Zorgmail)",
        ),
        Portaal => pick(lang, "via het portaal", "through the portal"),
        Balie => pick(lang, "aan de balie", "at the desk"),
    }
}

/// A relation's name.
pub fn relation(r: Relation, lang: Lang) -> &'static str {
    use Relation::*;
    match r {
        Zelf => pick(lang, "kind/jongere zelf", "child/young person"),
        OuderMetGezag => pick(lang, "ouder met gezag", "parent with authority"),
        Voogd => pick(lang, "voogd", "guardian"),
        CuratorMentor => pick(lang, "curator/mentor", "curator/mentor"),
        OuderZonderGezag => pick(lang, "ouder zonder gezag", "parent without authority"),
        Pleegouder => pick(lang, "pleegouder", "foster parent"),
        Gezinsvoogd => pick(
            lang,
            "gezinsvoogd (OTS)",
            "family guardian (supervision order)",
        ),
        Derde => pick(
            lang,
            "derde zonder machtiging (school, verzekeraar, ...)",
            "third party without authorisation (school, insurer, ...)",
        ),
        Gemachtigde => pick(
            lang,
            "gemachtigde (advocaat e.a., schriftelijke machtiging)",
            "authorised representative (lawyer etc., written authorisation)",
        ),
    }
}

/// A decision's name.
pub fn decision(d: Decision, lang: Lang) -> &'static str {
    use Decision::*;
    match d {
        Toegewezen => pick(lang, "toegewezen", "granted"),
        DeelsToegewezen => pick(lang, "deels toegewezen", "partly granted"),
        Afgewezen => pick(lang, "afgewezen", "refused"),
        NietOntvankelijk => pick(lang, "niet ontvankelijk", "inadmissible"),
    }
}

/// A breach nature's name.
pub fn nature(n: BreachNature, lang: Lang) -> &'static str {
    use BreachNature::*;
    match n {
        Verloren => pick(lang, "verloren", "lost"),
        Gestolen => pick(lang, "gestolen", "stolen"),
        VerkeerdeOntvanger => pick(lang, "naar verkeerde ontvanger", "sent to the wrong person"),
        OnbevoegdeToegang => pick(lang, "onbevoegde toegang", "unauthorised access"),
        Malware => pick(lang, "malware/ransomware", "malware/ransomware"),
        Anders => pick(lang, "anders", "other"),
    }
}

/// An extension ground's name.
pub fn extension_reason(r: ExtensionReason, lang: Lang) -> &'static str {
    match r {
        ExtensionReason::Complexiteit => pick(
            lang,
            "complexiteit van het verzoek",
            "complexity of the request",
        ),
        ExtensionReason::AantalVerzoeken => pick(lang, "aantal verzoeken", "number of requests"),
    }
}

/// Why a rule blocks a decision or a close, in words.
pub fn block(b: Block, lang: Lang) -> &'static str {
    use Block::*;
    match b {
        NoGroundNietOntvankelijk => pick(
            lang,
            "niet ontvankelijk kan alleen als de identiteit niet vaststaat of de verzoeker niet bevoegd is",
            "inadmissible only when the identity is not established or the requester is not authorised",
        ),
        IdentityNotEstablished => pick(
            lang,
            "identiteit niet vastgesteld: alleen niet ontvankelijk is mogelijk",
            "identity not established: only inadmissible is possible",
        ),
        NotAuthorised => pick(
            lang,
            "verzoeker is niet bevoegd voor dit recht (zie bevoegdheid)",
            "the requester may not exercise this right (see authority)",
        ),
        AbuseSignals => pick(
            lang,
            "signalen van kindermishandeling: vernietigen alleen als de jongere 16+ en wilsbekwaam is (KNMG-meldcode)",
            "signs of child abuse: destroy only when the young person is 16+ and competent (KNMG code)",
        ),
        PortabilityNotApplicable => pick(
            lang,
            "AVG 20 geldt niet voor de wettelijke taak (20(3)): bied een dossieroverdracht aan",
            "GDPR 20 does not apply to the statutory task (20(3)): offer a dossier transfer",
        ),
        ObjectionNotApplicable => pick(
            lang,
            "tegen een wettelijke plicht (6(1)(c)) kan geen bezwaar worden gemaakt",
            "a legal obligation (6(1)(c)) cannot be objected to",
        ),
        ReplyNotSent => pick(
            lang,
            "het antwoord is nog niet verstuurd",
            "the reply has not been sent",
        ),
        DestructionNotConfirmed => pick(
            lang,
            "de vernietiging is nog niet vastgelegd (bronsysteem, verwerkers en bevestiging verstuurd)",
            "the destruction is not recorded yet (source system, processors and confirmation sent)",
        ),
        RecipientsOpen => pick(
            lang,
            "niet alle ontvangers (AVG 19) zijn geïnformeerd of als onmogelijk gemarkeerd",
            "not every recipient (GDPR 19) is told or marked impossible",
        ),
        NotificationRequired => pick(
            lang,
            "niet melden kan alleen als het risico als 'geen' is beoordeeld; meld bij twijfel (AP)",
            "not notifying is only possible when the risk is assessed as none; in doubt, notify (DPA)",
        ),
        IncidentAfterAwareness => pick(
            lang,
            "het incident kan niet later begonnen zijn dan het moment dat het bekend werd",
            "the incident cannot have begun after the organisation became aware of it",
        ),
        LateWithoutReason => pick(
            lang,
            "gemeld na 72 uur: een reden voor de vertraging is verplicht",
            "notified after 72 hours: a reason for the delay is required",
        ),
        LateWithoutCategory => pick(
            lang,
            "gemeld na 72 uur: kies eerst de categorie van de vertraging",
            "notified after 72 hours: choose the delay's category first",
        ),
        NotifiedBeforeAwareness => pick(
            lang,
            "de AP kan niet gemeld zijn voordat het datalek bekend werd",
            "the DPA cannot have been notified before the breach became known",
        ),
        KeepDutyBarsFullDestruction => pick(
            lang,
            "wettelijke bewaarplicht of aanmerkelijk belang van een ander: niet toegewezen, alleen deels toegewezen (noem wat bewaard blijft en waarom) of afgewezen (WGBO 7:455 lid 2)",
            "legal duty to keep or a substantial interest of someone else: not granted, only partly granted (name what is kept and why) or refused (WGBO 7:455(2))",
        ),
        JudgementNotCorrected => pick(
            lang,
            "een professioneel oordeel wordt niet gecorrigeerd op alleen het oneens zijn: bied de eigen verklaring aan, of leg vast welke professional het oordeel toch corrigeert (WGBO 7:454 lid 2, AVG 16)",
            "a professional judgement is not corrected on disagreement alone: offer the own statement, or record which professional corrects it after all (WGBO 7:454(2), GDPR 16)",
        ),
        DisputeEscalated => pick(
            lang,
            "geschil tussen ouders met gezag is geëscaleerd: geen besluit tot de escalatie als opgelost is vastgelegd (privdesk beslist het geschil niet)",
            "dispute between parents with gezag escalated: no decision until the escalation is recorded as resolved (privdesk never decides it)",
        ),
        LiftNotAnnounced => pick(
            lang,
            "opheffen kan pas als is vastgelegd dat de verzoeker vóór de opheffing is geïnformeerd (AVG 18 lid 3)",
            "lifting only once it is recorded that the requester was told before the lifting (GDPR 18(3))",
        ),
        NoRestrictionInForce => pick(
            lang,
            "er is geen beperking van kracht (gemarkeerd in het bronsysteem en niet opgeheven)",
            "no restriction is in force (marked in the source system and not lifted)",
        ),
        DisputeNeedsParents => pick(
            lang,
            "een geschil escaleren kan alleen als een ouder met gezag of voogd het verzoek deed",
            "a dispute can only be escalated when a parent with gezag or a voogd made the request",
        ),
        WithdrawalTakesEffectOnReceipt => pick(
            lang,
            "het intrekken van toestemming geldt vanaf de ontvangst (AVG 7 lid 3): de ingangsdatum is de datum van ontvangst",
            "a withdrawal of consent takes effect on receipt (GDPR 7(3)): its effective date is the date of receipt",
        ),
        NoDisputeEscalated => pick(
            lang,
            "er is geen geëscaleerd geschil om als opgelost vast te leggen",
            "there is no escalated dispute to record as resolved",
        ),
    }
}

/// Why the domain refused a change, in words (steps named by their question).
pub fn refusal(r: &Refusal, lang: Lang) -> String {
    use Refusal::*;
    match r {
        WrongCase => pick(
            lang,
            "deze wijziging past niet bij deze zaak",
            "this change does not fit this case",
        )
        .into(),
        Required(f) => format!(
            "{}: {}",
            pick(lang, "verplicht veld leeg", "required field empty"),
            field(*f, lang)
        ),
        InFuture(f) => format!(
            "{}: {}",
            pick(lang, "datum ligt in de toekomst", "date lies in the future"),
            field(*f, lang)
        ),
        TooEarly(f) => format!(
            "{}: {}",
            pick(lang, "datum ligt te vroeg", "date too early"),
            field(*f, lang)
        ),
        NotForKind => pick(
            lang,
            "kan niet bij dit soort zaak",
            "not possible for this kind of case",
        )
        .into(),
        CaseClosed => pick(lang, "de zaak is gesloten", "the case is closed").into(),
        CaseNotClosed => pick(lang, "de zaak is niet gesloten", "the case is not closed").into(),
        AlreadyExtended => pick(
            lang,
            "de termijn is al verlengd",
            "the period is already extended",
        )
        .into(),
        ExtensionTooLate => pick(
            lang,
            "verlengen kan alleen binnen de eerste maand (AVG 12(3))",
            "an extension is only possible within the first month (GDPR 12(3))",
        )
        .into(),
        NotWaiting => pick(lang, "de zaak wacht niet", "the case is not waiting").into(),
        AlreadyWaiting => pick(lang, "de zaak wacht al", "the case is already waiting").into(),
        NoDecision => pick(lang, "er is nog geen besluit", "there is no decision yet").into(),
        StepNotApplicable => pick(
            lang,
            "deze stap is niet van toepassing",
            "this step does not apply",
        )
        .into(),
        WrongAnswerType => pick(
            lang,
            "ongeldig antwoord voor deze stap",
            "invalid answer for this step",
        )
        .into(),
        Missing(steps) => {
            let names: Vec<&str> = steps
                .iter()
                .map(|s| super::checklist::question(*s, lang))
                .collect();
            format!(
                "{}: {}",
                pick(lang, "eerst beantwoorden", "answer first"),
                names.join("; ")
            )
        }
        Blocked(b) => block(*b, lang).into(),
        NoRecipient => pick(lang, "onbekende ontvanger", "no such recipient").into(),
        NotNeeded(f) => format!(
            "{}: {}",
            pick(
                lang,
                "niet nodig (alleen bij antwoord per post)",
                "not needed (only when the answer goes by post)"
            ),
            field(*f, lang)
        ),
        TooLong(f) => format!("{}: {}", pick(lang, "te lang", "too long"), field(*f, lang)),
        CorrectionUnchanged => pick(
            lang,
            "de nieuwe waarde is dezelfde als de oude: niets gecorrigeerd",
            "the new value is the old one: nothing corrected",
        )
        .into(),
        CorrectionStale => pick(
            lang,
            "de zaak is intussen gewijzigd: open de correctie opnieuw",
            "the case changed in the meantime: open the correction again",
        )
        .into(),
        SelfApproval => super::team::TeamMsg::RefSelfApproval.text(lang).into(),
        NothingProposed(s) => super::team::TeamMsg::RefNothingProposed
            .fill(lang, &[("what", super::team::subject(*s, lang))]),
        ApprovalStale => super::team::TeamMsg::RefStale.text(lang).into(),
        ApprovalRequired => super::team::TeamMsg::RefRequired.text(lang).into(),
        AwaitingApproval(s) => super::team::TeamMsg::RefAwaiting
            .fill(lang, &[("what", super::team::subject(*s, lang))]),
        RoleMayNot => super::team::TeamMsg::RefRole.text(lang).into(),
        Verification => super::team::TeamMsg::RefVerification.text(lang).into(),
        NoAdvice => super::team::TeamMsg::RefNoAdvice.text(lang).into(),
        CorrectionConflicts(cs) => {
            let what: Vec<&str> = cs.iter().map(|c| conflict(*c, lang)).collect();
            format!(
                "{}: {}",
                pick(
                    lang,
                    "deze correctie maakt wat is vastgelegd onrechtmatig",
                    "this correction makes what was recorded unlawful"
                ),
                what.join("; ")
            )
        }
    }
}

/// What a correction makes unlawful, in words.
pub fn conflict(c: crate::domain::case::Conflict, lang: Lang) -> &'static str {
    use crate::domain::case::Conflict;
    match c {
        Conflict::Decision => pick(
            lang,
            "het vastgelegde besluit past niet meer bij de gecorrigeerde gegevens (bevoegdheid of stappen)",
            "the recorded decision no longer fits the corrected facts (authority or steps)",
        ),
        Conflict::Extension => pick(
            lang,
            "het verlengingsbericht valt nu na de eerste maand (AVG 12(3))",
            "the extension notice now falls after the first month (GDPR 12(3))",
        ),
    }
}

/// The name of a registered fact (the correction prompt, the history).
pub fn fact_field(f: crate::domain::case::FactField, lang: Lang) -> &'static str {
    use crate::domain::case::FactField as F;
    match f {
        F::Received => pick(lang, "ontvangen op", "received on"),
        F::Channel => pick(lang, "kanaal", "channel"),
        F::Requester => pick(lang, "naam verzoeker", "requester's name"),
        F::Relation => pick(lang, "relatie", "relation"),
        F::Contact => pick(lang, "contact", "contact"),
        F::Address => pick(lang, "postadres", "postal address"),
        F::Child => pick(lang, "naam kind", "child's name"),
        F::BirthDate => pick(lang, "geboortedatum", "date of birth"),
        F::AwareAt => pick(lang, "bekend sinds", "aware since"),
        F::ProcessorNotice => pick(lang, "melding verwerker", "processor's notice"),
        F::Nature => pick(lang, "wat er gebeurde", "what happened"),
    }
}

/// A field a refusal names, in words.
pub fn field(f: CaseField, lang: Lang) -> &'static str {
    use CaseField::*;
    match f {
        Requester => pick(lang, "naam verzoeker", "requester's name"),
        Child => pick(lang, "naam kind", "child's name"),
        Received => pick(lang, "ontvangen op", "received on"),
        BirthDate => pick(lang, "geboortedatum", "date of birth"),
        ReportedBy => pick(lang, "gemeld door", "reported by"),
        AwareAt => pick(lang, "bekend sinds", "aware since"),
        ProcessorNoticeAt => pick(lang, "melding verwerker", "processor's notice"),
        Awaiting => pick(lang, "waarop gewacht wordt", "what is awaited"),
        Since => pick(lang, "sinds", "since"),
        On => pick(lang, "datum", "date"),
        Explanation => pick(lang, "toelichting", "explanation"),
        LetterExplanation => pick(lang, "toelichting in de brief", "explanation in the letter"),
        Address => pick(lang, "postadres", "postal address"),
        NoticeSent => pick(lang, "bericht verstuurd op", "notice sent on"),
        Reason => pick(lang, "reden", "reason"),
        Kept => pick(lang, "wat verder bewaard blijft", "what else is kept"),
        To => pick(lang, "geëscaleerd naar", "escalated to"),
        How => pick(lang, "hoe", "how"),
        Name => pick(lang, "naam", "name"),
        Answer => pick(lang, "antwoord", "answer"),
        Note => pick(lang, "notitie", "note"),
        Handler => pick(lang, "behandelaar", "handler"),
        Advice => pick(lang, "advies", "advice"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each field a refusal names has words of its own in both languages: none falls back to
    /// another's ("datum" for a name left empty).
    #[test]
    fn every_refused_field_is_named_by_its_own_words() {
        for lang in [Lang::Nl, Lang::En] {
            let mut seen = std::collections::HashSet::new();
            for f in CaseField::ALL {
                assert!(
                    seen.insert(field(f, lang)),
                    "{f:?} shares its name in {lang}"
                );
            }
        }
        assert_eq!(
            refusal(&Refusal::Required(CaseField::Kept), Lang::Nl),
            "verplicht veld leeg: wat verder bewaard blijft"
        );
    }
}
