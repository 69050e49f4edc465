//! Texts of the case detail: section headings, field names, and the case's history in words
//! (one line per journal event: what happened).

use super::Lang;
use super::checklist::{option, question};
use super::domain::{decision, extension_reason, kind, nature};
use crate::domain::Event;
use crate::domain::case::{Correction, DestructionPart, Ending, RecipientOutcome};
use crate::domain::checklist::Answer;

crate::messages! {
    /// Everything the case detail says.
    DetailMsg {
        SectionCase => "Verzoek", "Request";
        SectionBreach => "Datalek", "Data breach";
        SectionDeadlines => "Termijnen", "Deadlines";
        SectionAuthority => "Wie mag dit verzoek doen", "Who may make this request";
        SectionChecklist => "Checklist", "Checklist";
        SectionNotes => "Notities", "Notes";
        SectionHistory => "Geschiedenis", "History";
        Channel => "Kanaal", "Channel";
        Relation => "Relatie", "Relation";
        Contact => "Contact", "Contact";
        ReplyBy => "Antwoord via", "Answer by";
        ReplyFromChannel => "{method} (uit het kanaal)", "{method} (from the channel)";
        Address => "Postadres", "Postal address";
        Born => "geboren {date} ({age} jaar)", "born {date} (age {age})";
        Regime => "Dossierregime", "Dossier regime";
        RegimeWgbo => "WGBO (medisch kinddossier)", "WGBO (medical child dossier)";
        RegimeJeugdwet => "Jeugdwet (jeugdhulpdossier)", "Jeugdwet (youth care dossier)";
        Target => "Interne streefdatum", "Internal target";
        ExtendBy => "Verlengen uiterlijk", "Extend by";
        ExtendNote => "verlengingsbericht met redenen binnen de eerste maand (AVG 12(3))",
            "extension notice with reasons within the first month (GDPR 12(3))";
        Nature => "Wat er gebeurde", "What happened";
        Processor => "Verwerker", "Processor";
        ProcessorNotice => "Melding verwerker", "Processor's notice";
        Description => "Beschrijving", "Description";
        RegisteredBy => "Geregistreerd", "Registered";
        RegisteredByValue => "{at} door {user}", "{at} by {user}";
        Progress => "{done} van {total} stappen beantwoord", "{done} of {total} steps answered";
        ProgressMissing => "nog {n} verplicht", "{n} required still open";
        ProgressComplete => "alle verplichte stappen beantwoord", "every required step answered";
        NoAuthority => "geen beoordeling (datums kloppen niet)", "no assessment (the dates do not fit)";
        AgeAtDecision => "Leeftijd kind vandaag: {age} jaar (de leeftijd op de dag van het besluit telt).",
            "Child's age today: {age} (the age on the day of the decision governs).";
        NoHistory => "Geen geschiedenis gevonden.", "No history found.";
        ReadError => "Niet alles kon worden gelezen: {why}", "Not everything could be read: {why}";
        // the history, one line per event
        EvRegistered => "verzoek geregistreerd: {kind}, ontvangen {date}", "request registered: {kind}, received {date}";
        EvBreachRegistered => "datalek geregistreerd: {nature}", "data breach registered: {nature}";
        EvViewed => "ingezien", "viewed";
        EvAnswered => "checklist: {question} — {answer}", "checklist: {question} — {answer}";
        EvWaitingStarted => "wacht op verzoeker sinds {date}: {what}", "waiting for the requester since {date}: {what}";
        EvWaitingEnded => "wachten beëindigd op {date}: {what}", "waiting ended on {date}: {what}";
        EvExtended => "termijn verlengd ({reason}); bericht verstuurd {date}", "period extended ({reason}); notice sent {date}";
        EvDecided => "besluit: {decision}", "decision: {decision}";
        EvReplySent => "antwoord verstuurd op {date}", "reply sent on {date}";
        EvDestruction => "vernietiging uitgevoerd op {date}", "destruction done on {date}";
        EvRecipientAdded => "ontvanger toegevoegd: {name}", "recipient added: {name}";
        EvDestroyedInSource => "vernietigd in het bronsysteem op {date}", "destroyed in the source system on {date}";
        EvDestroyedAtProcessors => "vernietigd bij verwerkers op {date}", "destroyed at the processors on {date}";
        EvDestructionConfirmationSent => "bevestiging vernietiging verstuurd op {date}", "destruction confirmation sent on {date}";
        EvDisputeEscalated => "geschil tussen ouders met gezag geëscaleerd naar {to}", "dispute between parents with gezag escalated to {to}";
        EvDisputeResolved => "escalatie opgelost: {how}", "escalation resolved: {how}";
        EvLiftAnnounced => "verzoeker geïnformeerd vóór opheffing op {date}", "requester told before lifting on {date}";
        EvRestrictionLifted => "beperking opgeheven op {date}", "restriction lifted on {date}";
        RestrictionInForce => "Beperking van kracht", "Restriction in force";
        RestrictionLiftedOn => "Beperking opgeheven op {date}", "Restriction lifted on {date}";
        DisputeOpen => "Geëscaleerd (geschil ouders met gezag) naar {to}: geen besluit tot de escalatie is opgelost; de termijn loopt door", "Escalated (dispute between parents with gezag) to {to}: no decision until resolved; the deadline keeps running";
        DestroyedLate => "Vernietigd op {date}, na de WGBO-datum: te laat (WGBO 7:455)", "Destroyed on {date}, after the WGBO date: late (WGBO 7:455)";
        EvRecipientTold => "ontvanger {n} ingelicht op {date}", "recipient {n} told on {date}";
        EvRecipientImpossible => "ontvanger {n} niet in te lichten: {why}", "recipient {n} cannot be told: {why}";
        EvClosed => "gesloten op {date}", "closed on {date}";
        EvWithdrawn => "ingetrokken op {date} ({how})", "withdrawn on {date} ({how})";
        EvVoid => "vervallen: {why}", "void: {why}";
        EvReopened => "heropend: {why}", "reopened: {why}";
        EvLetter => "brief gemaakt: {letter}", "letter made: {letter}";
        EvRegister => "registerwijziging", "register change";
        EvCorrected => "gecorrigeerd: {field} van {from} naar {to} ({reason})", "corrected: {field} from {from} to {to} ({reason})";
        EvCorrectedReview => "; besluit behouden, ter beoordeling", "; decision kept, flagged for review";
        EvNote => "notitie:", "note:";
        Empty => "(leeg)", "(empty)";
        NoProcessorNotice => "(geen)", "(none)";
        Review => "Ter beoordeling", "Flagged for review";
        ReviewValue => "sinds {date}: {what} (een nieuw besluit beëindigt dit)", "since {date}: {what} (a new decision ends it)";
        DeadlineCorrected => "Termijn verschoven door correctie", "Deadline moved by a correction";
        Yes => "ja", "yes";
        No => "nee", "no";
    }
}

fn date(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A checklist answer in words.
pub fn answer(a: &Answer, lang: Lang) -> String {
    match a {
        Answer::YesNo(true) => DetailMsg::Yes.text(lang).into(),
        Answer::YesNo(false) => DetailMsg::No.text(lang).into(),
        Answer::Choice(slug) => option(slug, lang).into(),
        Answer::Choices(slugs) => slugs
            .iter()
            .map(|s| option(s, lang))
            .collect::<Vec<_>>()
            .join(", "),
        Answer::Date(d) => date(*d),
        Answer::Instant(t) => crate::ui::text::instant(*t),
        Answer::Text(t) => t.clone(),
        Answer::Number(n) => n.to_string(),
    }
}

/// A corrected fact's old and new value, in words.
pub fn correction_values(c: &Correction, lang: Lang) -> (String, String) {
    use super::domain::{channel, relation};
    let text = |t: &str| {
        if t.trim().is_empty() {
            DetailMsg::Empty.text(lang).to_string()
        } else {
            // An address over several lines reads as one.
            t.lines().map(str::trim).collect::<Vec<_>>().join(", ")
        }
    };
    let notice = |t: &Option<chrono::DateTime<chrono::Utc>>| match t {
        Some(t) => crate::ui::text::instant(*t),
        None => DetailMsg::NoProcessorNotice.text(lang).to_string(),
    };
    match c {
        Correction::Received { from, to } | Correction::BirthDate { from, to } => {
            (date(*from), date(*to))
        }
        Correction::Channel { from, to } => {
            (channel(*from, lang).into(), channel(*to, lang).into())
        }
        Correction::Relation { from, to } => {
            (relation(*from, lang).into(), relation(*to, lang).into())
        }
        Correction::Requester { from, to }
        | Correction::Contact { from, to }
        | Correction::Address { from, to }
        | Correction::Child { from, to } => (text(from), text(to)),
        Correction::AwareAt { from, to } => (
            crate::ui::text::instant(*from),
            crate::ui::text::instant(*to),
        ),
        Correction::ProcessorNotice { from, to } => (notice(from), notice(to)),
        Correction::Nature { from, to } => (nature(*from, lang).into(), nature(*to, lang).into()),
    }
}

/// What an event did, in one line of words, for the case's history.
pub fn event(e: &Event, lang: Lang) -> String {
    use super::team::{self, TeamMsg};
    use DetailMsg as M;
    match e {
        Event::Registered { request, .. } => M::EvRegistered.fill(
            lang,
            &[
                ("kind", kind(request.kind, lang)),
                ("date", &date(request.received)),
            ],
        ),
        Event::BreachRegistered { breach, .. } => {
            M::EvBreachRegistered.fill(lang, &[("nature", nature(breach.nature, lang))])
        }
        Event::Viewed { .. } => M::EvViewed.text(lang).into(),
        Event::Answered {
            step, answer: a, ..
        } => M::EvAnswered.fill(
            lang,
            &[
                ("question", question(*step, lang)),
                ("answer", &answer(a, lang)),
            ],
        ),
        Event::WaitingStarted {
            since, awaiting, ..
        } => M::EvWaitingStarted.fill(lang, &[("date", &date(*since)), ("what", awaiting)]),
        Event::WaitingEnded { on, note, .. } => {
            M::EvWaitingEnded.fill(lang, &[("date", &date(*on)), ("what", note)])
        }
        Event::Extended {
            reason,
            notice_sent,
            ..
        } => M::EvExtended.fill(
            lang,
            &[
                ("reason", extension_reason(*reason, lang)),
                ("date", &date(*notice_sent)),
            ],
        ),
        Event::Decided { decision: d, .. } => {
            M::EvDecided.fill(lang, &[("decision", decision(*d, lang))])
        }
        Event::ReplySent { on, .. } => M::EvReplySent.fill(lang, &[("date", &date(*on))]),
        Event::DestructionConfirmed { on, .. } => {
            M::EvDestruction.fill(lang, &[("date", &date(*on))])
        }
        Event::DestructionRecorded { part, on, .. } => {
            let m = match part {
                DestructionPart::Bronsysteem => M::EvDestroyedInSource,
                DestructionPart::Verwerkers => M::EvDestroyedAtProcessors,
                DestructionPart::Bevestiging => M::EvDestructionConfirmationSent,
            };
            m.fill(lang, &[("date", &date(*on))])
        }
        Event::DisputeEscalated { to, .. } => M::EvDisputeEscalated.fill(lang, &[("to", to)]),
        Event::DisputeResolved { how, .. } => M::EvDisputeResolved.fill(lang, &[("how", how)]),
        Event::RestrictionLiftAnnounced { on, .. } => {
            M::EvLiftAnnounced.fill(lang, &[("date", &date(*on))])
        }
        Event::RestrictionLifted { on, .. } => {
            M::EvRestrictionLifted.fill(lang, &[("date", &date(*on))])
        }
        Event::RecipientAdded { name, .. } => M::EvRecipientAdded.fill(lang, &[("name", name)]),
        Event::RecipientDone { index, outcome, .. } => {
            let n = (index + 1).to_string();
            match outcome {
                RecipientOutcome::Told(d) => {
                    M::EvRecipientTold.fill(lang, &[("n", &n), ("date", &date(*d))])
                }
                RecipientOutcome::Impossible(why) => {
                    M::EvRecipientImpossible.fill(lang, &[("n", &n), ("why", why)])
                }
            }
        }
        Event::Closed { on, .. } => M::EvClosed.fill(lang, &[("date", &date(*on))]),
        Event::Ended { ending, .. } => match ending {
            Ending::Ingetrokken { on, how } => {
                M::EvWithdrawn.fill(lang, &[("date", &date(*on)), ("how", how)])
            }
            Ending::Vervallen { reason } => M::EvVoid.fill(lang, &[("why", reason)]),
        },
        Event::Reopened { reason, .. } => M::EvReopened.fill(lang, &[("why", reason)]),
        Event::LetterMade { letter, .. } => M::EvLetter.fill(lang, &[("letter", letter.slug())]),
        Event::HandlerAssigned { handler, .. } => {
            TeamMsg::EvHandler.fill(lang, &[("name", handler)])
        }
        Event::Proposed { subject, .. } => {
            TeamMsg::EvProposed.fill(lang, &[("what", team::subject(*subject, lang))])
        }
        Event::Approved {
            subject,
            niet_geverifieerd,
            ..
        } => {
            let m = if *niet_geverifieerd {
                TeamMsg::EvApprovedUnverified
            } else {
                TeamMsg::EvApproved
            };
            m.fill(lang, &[("what", team::subject(*subject, lang))])
        }
        Event::SentBack {
            subject, reason, ..
        } => TeamMsg::EvSentBack.fill(
            lang,
            &[("what", team::subject(*subject, lang)), ("why", reason)],
        ),
        Event::AdviceGiven { text, on, .. } => {
            TeamMsg::EvAdvice.fill(lang, &[("date", &date(*on)), ("text", text)])
        }
        Event::AdviceAnswered { followed, why, .. } => {
            if *followed {
                TeamMsg::EvAdviceFollowed.text(lang).into()
            } else {
                TeamMsg::EvAdviceNotFollowed.fill(lang, &[("why", why)])
            }
        }
        Event::Corrected {
            correction,
            reason,
            review,
            ..
        } => {
            let (from, to) = correction_values(correction, lang);
            let mut line = M::EvCorrected.fill(
                lang,
                &[
                    ("field", super::domain::fact_field(correction.field(), lang)),
                    ("from", &from),
                    ("to", &to),
                    ("reason", reason),
                ],
            );
            if *review {
                line.push_str(M::EvCorrectedReview.text(lang));
            }
            line
        }
        // The note's own lines follow in the history (see `ui::detail`).
        Event::NoteAdded { .. } => M::EvNote.text(lang).into(),
        Event::RegisterCreated { .. }
        | Event::Exported { .. }
        | Event::ReportMade { .. }
        | Event::BackedUp { .. }
        | Event::Repaired { .. } => M::EvRegister.text(lang).into(),
    }
}
