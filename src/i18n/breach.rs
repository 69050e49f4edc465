//! The datalek's screens and register in words: the AP form's section titles, the labels of the
//! breach facts, and every field's value as the handler reads it (a choice by its label, an
//! instant in Amsterdam time), so the AP form view, the register screen and the register export
//! say the same thing.

use chrono::{DateTime, Utc};

use super::Lang;
use crate::domain::breach::{Fact, Field, Section};
use crate::domain::case::Case;
use crate::domain::checklist::Answer;
use crate::domain::rights;

crate::messages! {
    /// The datalek screens' own texts.
    BreachMsg {
        // the AP form's sections, in the form's order
        SecMelding => "Over de melding", "About the notification";
        SecContact => "Contactgegevens", "Contact details";
        SecTijdlijn => "Tijdlijn", "Timeline";
        SecAard => "Aard van de inbreuk", "Nature of the breach";
        SecPersoonsgegevens => "Persoonsgegevens", "Personal data";
        SecBetrokkenen => "Betrokkenen", "People affected";
        SecMaatregelenVooraf => "Maatregelen vooraf", "Measures beforehand";
        SecGevolgen => "Gevolgen", "Consequences";
        SecVervolg => "Vervolg", "Follow-up";
        // the facts of the registration
        FactAwareAt => "Bekend sinds (datum en tijd)", "Aware since (date and time)";
        FactProcessorNoticeAt => "Gemeld door de verwerker op", "Notified by the processor at";
        FactProcessor => "Verwerker", "Processor";
        FactDeadline => "Melden bij de AP uiterlijk (72 uur)", "Notify the DPA by (72 hours)";
        FactReportedBy => "Intern gemeld door", "Reported internally by";
        FactNature => "Wat is er gebeurd", "What happened";
        FactDescription => "Omschrijving", "Description";
        // values
        Yes => "ja", "yes";
        No => "nee", "no";
        ToFill => "— nog invullen", "— still to fill in";
        Optional => "— (niet verplicht)", "— (optional)";
        // the AP form view
        ApFormTitle => "AP-meldformulier {id}", "DPA notification form {id}";
        ApFormOpen => "nog {n} velden in te vullen", "{n} fields still to fill in";
        ApFormOpenOne => "nog 1 veld in te vullen", "1 field still to fill in";
        ApFormComplete => "alle velden ingevuld", "every field filled in";
        ApFormOnlyBreach => "Het AP-meldformulier hoort bij een datalek.",
            "The DPA notification form belongs to a data breach.";
        // the breach register
        RegisterTitle => "Datalekkenregister (AVG 33(5))", "Breach register (GDPR 33(5))";
        RegisterCount => "{n} datalekken, gemeld en niet gemeld", "{n} breaches, notified or not";
        RegisterEmpty => "Nog geen datalekken geregistreerd.", "No breaches registered yet.";
        ColAware => "Bekend sinds", "Aware since";
        ColNature => "Wat", "What";
        ColRisk => "Risico", "Risk";
        ColAp => "AP", "DPA";
        NotRecorded => "Register niet geopend: het inzien kon niet worden vastgelegd ({why}).",
            "Register not opened: the reading could not be recorded ({why}).";
        CaseUnreadable => "Zaak {id} kon niet worden gelezen ({why}).",
            "Case {id} could not be read ({why}).";
        // the new-datalek form
        NewBreachTitle => "Nieuw datalek — de 72 uur lopen vanaf het eerste moment van bekend zijn",
            "New breach — the 72 hours run from the first moment of awareness";
        LabelAware => "Bekend sinds (datum tijd)", "Aware since (date time)";
        LabelReportedBy => "Gemeld door", "Reported by";
        LabelNature => "Wat is er gebeurd", "What happened";
        LabelDescription => "Omschrijving", "Description";
        LabelProcessor => "Verwerker (als die het vond)", "Processor (if it found it)";
        LabelProcessorNotice => "Verwerker meldde het op", "Processor told us at";
        ProcessorNeeded => "welke verwerker meldde het?", "which processor told you?";
        InFuture => "ligt in de toekomst (het is nu {now})", "lies in the future (it is now {now})";
        NotWritable => "Kan geen datalek registreren: {why}", "Cannot register a breach: {why}";
        // the header's breach clock
        CountBreach => "datalek {n}: {left}", "breach {n}: {left}";
    }
}

/// The title of an AP form section.
pub fn section(s: Section, lang: Lang) -> &'static str {
    use BreachMsg as M;
    match s {
        Section::Melding => M::SecMelding,
        Section::Contact => M::SecContact,
        Section::Tijdlijn => M::SecTijdlijn,
        Section::Aard => M::SecAard,
        Section::Persoonsgegevens => M::SecPersoonsgegevens,
        Section::Betrokkenen => M::SecBetrokkenen,
        Section::MaatregelenVooraf => M::SecMaatregelenVooraf,
        Section::Gevolgen => M::SecGevolgen,
        Section::Vervolg => M::SecVervolg,
    }
    .text(lang)
}

/// The label of a field: a fact's name, or the question of a checklist step.
pub fn label(field: Field, lang: Lang) -> &'static str {
    use BreachMsg as M;
    match field {
        Field::Step(s) => super::checklist::question(s, lang),
        Field::Fact(f) => match f {
            Fact::AwareAt => M::FactAwareAt,
            Fact::ProcessorNoticeAt => M::FactProcessorNoticeAt,
            Fact::Processor => M::FactProcessor,
            Fact::Deadline => M::FactDeadline,
            Fact::ReportedBy => M::FactReportedBy,
            Fact::Nature => M::FactNature,
            Fact::Description => M::FactDescription,
        }
        .text(lang),
    }
}

/// A field's value in words, `None` while it is empty. Instants are written by `instant`: the
/// screens show Amsterdam wall time, the export the instant with its offset.
pub fn value(
    case: &Case,
    field: Field,
    lang: Lang,
    instant: fn(DateTime<Utc>) -> String,
) -> Option<String> {
    let b = case.breach.as_ref()?;
    let text = |s: &str| (!s.trim().is_empty()).then(|| s.to_string());
    match field {
        Field::Fact(f) => match f {
            Fact::AwareAt => Some(instant(b.aware_at)),
            Fact::ProcessorNoticeAt => b.processor_notice_at.map(instant),
            Fact::Processor => text(&b.processor),
            Fact::Deadline => rights::breach_deadline(case).map(instant),
            Fact::ReportedBy => text(&b.reported_by),
            Fact::Nature => Some(super::domain::nature(b.nature, lang).to_string()),
            Fact::Description => text(&b.description),
        },
        Field::Step(s) => Some(match &case.answers.get(&s)?.answer {
            Answer::YesNo(true) => BreachMsg::Yes.text(lang).to_string(),
            Answer::YesNo(false) => BreachMsg::No.text(lang).to_string(),
            Answer::Choice(c) => super::checklist::option(c, lang).to_string(),
            Answer::Choices(cs) => cs
                .iter()
                .map(|c| super::checklist::option(c, lang))
                .collect::<Vec<_>>()
                .join(", "),
            Answer::Date(d) => d.format("%Y-%m-%d").to_string(),
            Answer::Instant(t) => instant(*t),
            Answer::Text(t) => t.clone(),
            Answer::Number(n) => n.to_string(),
        }),
    }
}
