//! The checklist's questions and option labels (domain.md §5).

use super::Lang;
use crate::domain::checklist::StepId;

fn pick(lang: Lang, nl: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

/// The question a step asks.
pub fn question(step: StepId, lang: Lang) -> &'static str {
    use StepId::*;
    let (nl, en) = match step {
        IdentiteitGecontroleerd => ("Identiteit gecontroleerd?", "Identity checked?"),
        IdentiteitWijze => (
            "Hoe is de identiteit gecontroleerd?",
            "How was the identity checked?",
        ),
        IdentiteitDocument => (
            "Soort legitimatiebewijs (nooit het nummer)",
            "Kind of ID document (never its number)",
        ),
        IdKopie => ("Kopie legitimatiebewijs", "Copy of an ID document"),
        GezagGecontroleerd => (
            "Gezag gecontroleerd (BRP/gezagsregister)?",
            "Parental authority checked (BRP/register)?",
        ),
        Wilsbekwaam => (
            "Kind wilsbekwaam (oordeel professional)?",
            "Child competent (professional's judgement)?",
        ),
        WilsbekwaamBeoordeeldDoor => ("Wilsbekwaamheid beoordeeld door", "Competence judged by"),
        ToestemmingKind => ("Toestemming van het kind", "The child's consent"),
        OordeelGeenBezwaar => (
            "WGBO 7:457: kind heeft geen bezwaar en het schaadt het kind niet (oordeel professional)?",
            "WGBO 7:457: the child does not object and it does not harm the child (professional's judgement)?",
        ),
        OordeelSchaadtHulp => (
            "Jeugdwet: schaadt inzage de hulpverlening (oordeel hulpverlener)?",
            "Youth Act: does access harm the help (professional's judgement)?",
        ),
        ToestemmingRechthebbende => (
            "Schriftelijke toestemming van wie het recht heeft?",
            "Written consent of the one who holds the right?",
        ),
        SignalenMishandeling => (
            "Signalen van kindermishandeling of huiselijk geweld?",
            "Signs of child abuse or domestic violence?",
        ),
        SignalenMishandelingInzage => (
            "Weigering (deels) op signalen van kindermishandeling of huiselijk geweld (KNMG-meldcode)?",
            "Refusal (in part) on signs of child abuse or domestic violence (KNMG-meldcode)?",
        ),
        VerzoekDuidelijk => ("Is het verzoek duidelijk?", "Is the request clear?"),
        VerduidelijkingGevraagd => ("Verduidelijking gevraagd op", "Clarification asked on"),
        Ontvangstbevestiging => (
            "Ontvangstbevestiging verstuurd op",
            "Acknowledgement sent on",
        ),
        DossiersDoorzocht => (
            "Alle dossiers doorzocht (JGZ-dossier, correspondentie, e-mail)?",
            "All records searched (JGZ file, correspondence, e-mail)?",
        ),
        DerdenAfgeschermd => (
            "Gegevens over anderen afgeschermd (AVG 15(4), WGBO 7:457)?",
            "Data about other people shielded (GDPR 15(4), WGBO 7:457)?",
        ),
        WerkaantekeningenApart => (
            "Persoonlijke werkaantekeningen buiten het dossier gehouden?",
            "Personal work notes kept out of the file?",
        ),
        Verstrekking => ("Wijze van verstrekking", "How it is provided"),
        EersteAfschriftKosteloos => ("Eerste afschrift kosteloos?", "First copy free of charge?"),
        SoortCorrectie => (
            "Feitelijke fout of professioneel oordeel?",
            "Factual error or professional judgement?",
        ),
        GecorrigeerdInBron => (
            "Gecorrigeerd in het bronsysteem?",
            "Corrected in the source system?",
        ),
        EigenVerklaringAangeboden => (
            "Eigen verklaring aangeboden (een oordeel wordt niet gecorrigeerd)?",
            "Own statement offered (a judgement is not corrected)?",
        ),
        VerklaringOntvangen => ("Verklaring ontvangen op", "Statement received on"),
        VerklaringToegevoegd => (
            "Verklaring aan het dossier toegevoegd?",
            "Statement added to the file?",
        ),
        JeugdartsGeraadpleegd => (
            "Jeugdarts geraadpleegd over goed hulpverlenerschap (wie, uitkomst)",
            "Youth doctor consulted on good care (who, outcome)",
        ),
        Bewaarplicht => ("Wettelijke plicht tot bewaren?", "Legal duty to keep?"),
        BelangAnder => (
            "Aanmerkelijk belang van een ander (bv. lopende klacht of claim)?",
            "Substantial interest of someone else (e.g. a pending complaint or claim)?",
        ),
        WatBewaard => (
            "Wat blijft bewaard (verzoek, antwoord, administratieve gegevens)",
            "What is kept (request, answer, administrative data)",
        ),
        RivmUitgelegd => (
            "Uitgelegd dat vaccinatiegegevens bij het RIVM blijven?",
            "Explained that vaccination data stay with the RIVM?",
        ),
        VaccinatiegegevensJgz => (
            "Eigen vaccinatiegegevens JGZ (besluit jeugdarts)",
            "The JGZ's own vaccination entries (youth doctor's decision)",
        ),
        GrondBeperking => (
            "Grond voor beperking (AVG 18)",
            "Ground for restriction (GDPR 18)",
        ),
        BeperkingGemarkeerd => (
            "Beperking gemarkeerd in het bronsysteem?",
            "Restriction marked in the source system?",
        ),
        GrondslagVerwerking => (
            "Grondslag van de verwerking",
            "Legal basis of the processing",
        ),
        SpecifiekeSituatie => (
            "Specifieke situatie van de verzoeker",
            "The requester's particular situation",
        ),
        BelangenAfgewogen => (
            "Dwingende gerechtvaardigde gronden afgewogen",
            "Compelling legitimate grounds weighed",
        ),
        GrondslagOverdracht => (
            "Grondslag (AVG 20 alleen bij toestemming of overeenkomst)",
            "Basis (GDPR 20 only on consent or contract)",
        ),
        OntvangendeOrganisatie => ("Ontvangende organisatie", "Receiving organisation"),
        ToestemmingOverdracht => (
            "Toestemming voor de overdracht?",
            "Consent to the transfer?",
        ),
        BeveiligdKanaal => ("Beveiligd kanaal", "Secure channel"),
        DossieroverdrachtAangeboden => (
            "Dossieroverdracht met toestemming aangeboden?",
            "Dossier transfer with consent offered?",
        ),
        WelkeToestemming => (
            "Welke toestemming wordt ingetrokken?",
            "Which consent is withdrawn?",
        ),
        GeregistreerdInDossier => (
            "Intrekking geregistreerd in het dossier?",
            "Withdrawal recorded in the file?",
        ),
        OntvangersGeinformeerd => ("Ontvangers geïnformeerd?", "Recipients informed?"),
        IngangsdatumIntrekking => (
            "Ingangsdatum van de intrekking",
            "Effective date of the withdrawal",
        ),
        WelkeGegevens => ("Welke gegevens zijn betrokken?", "Which data are involved?"),
        BijzondereGegevens => (
            "Bijzondere gegevens (gezondheid)?",
            "Special category data (health)?",
        ),
        AantalBetrokkenen => (
            "Aantal betrokkenen (ongeveer)",
            "Number of people affected (about)",
        ),
        Kinderen => ("Gaat het om kinderen?", "Are children affected?"),
        Ingeperkt => (
            "Ingeperkt: genomen maatregelen",
            "Contained: measures taken",
        ),
        Risico => ("Risico voor betrokkenen", "Risk to the people affected"),
        RisicoToelichting => ("Onderbouwing van het risico", "Reasoning for the risk"),
        ApMelding => (
            "Melding aan de Autoriteit Persoonsgegevens",
            "Notification to the Dutch DPA",
        ),
        ApGemeldOp => (
            "Gemeld bij de AP op (datum en tijd)",
            "Notified to the DPA at (date and time)",
        ),
        ApMeldnummer => ("Meldnummer van de AP", "The DPA's notification number"),
        RedenVertraging => (
            "Reden van vertraging (na 72 uur)",
            "Reason for the delay (after 72 hours)",
        ),
        CategorieVertraging => (
            "Categorie van de vertraging (na 72 uur)",
            "Category of the delay (after 72 hours)",
        ),
        RedenNietMelden => ("Reden om niet te melden", "Reason not to notify"),
        Vervolgmelding => ("Vervolgmelding gedaan op", "Follow-up notification made on"),
        BetrokkenenInformeren => (
            "Betrokkenen informeren (AVG 34)",
            "Inform the people affected (GDPR 34)",
        ),
        BetrokkenenToelichting => (
            "Onderbouwing (uitzondering AVG 34(3))",
            "Reasoning (GDPR 34(3) exception)",
        ),
        BetrokkenenGeinformeerdOp => ("Betrokkenen geïnformeerd op", "People affected informed on"),
        Maatregelen => ("Lessen en maatregelen", "Lessons and measures"),
        FgGeraadpleegd => ("FG geraadpleegd?", "DPO consulted?"),
        IncidentBegin => (
            "Begin van het incident (datum)",
            "Start of the incident (date)",
        ),
        NogGaande => (
            "Duurt het incident nog voort?",
            "Is the incident still going on?",
        ),
        IncidentEinde => (
            "Einde van het incident (datum)",
            "End of the incident (date)",
        ),
        AardInbreuk => ("Aard van de inbreuk", "Nature of the breach"),
        Bsn => (
            "Gaat het ook om BSN's?",
            "Are citizen service numbers (BSN) involved?",
        ),
        AantalRecords => ("Aantal records (ongeveer)", "Number of records (about)"),
        AantalBetrokkenenMax => (
            "Aantal betrokkenen hoogstens",
            "Number of people affected at most",
        ),
        Versleuteld => (
            "Waren de gegevens versleuteld (maatregel vooraf)?",
            "Were the data encrypted (measure beforehand)?",
        ),
        Gevolgen => ("Gevolg voor de gegevens", "Consequence for the data"),
        Schade => (
            "Soort en ernst van de mogelijke schade",
            "Kind and severity of possible harm",
        ),
        ContactNaam => (
            "Contactpersoon voor de AP: naam",
            "Contact for the DPA: name",
        ),
        ContactFunctie => ("Contactpersoon: functie", "Contact: role"),
        ContactTelefoon => ("Contactpersoon: telefoon", "Contact: phone"),
        BetrokkenenWijze => (
            "Hoe zijn de betrokkenen geïnformeerd?",
            "How were the people affected informed?",
        ),
        GezagBron => ("Gezag gecontroleerd in", "Parental authority checked in"),
        GezagGecontroleerdOp => ("Gezag gecontroleerd op", "Parental authority checked on"),
        WilsbekwaamBeoordeeldOp => ("Wilsbekwaamheid beoordeeld op", "Competence judged on"),
        OordeelGecorrigeerdDoor => (
            "Oordeel toch gecorrigeerd: professional die het eens is (alleen dan toegewezen)",
            "Judgement corrected after all: the professional who agrees (only then granted)",
        ),
        EigenVerklaringToegevoegd => (
            "Eigen verklaring ontvangen en aan het dossier toegevoegd op",
            "Own statement received and added to the dossier on",
        ),
        AnderGeinformeerd => (
            "De ander (kind of ouder met gezag) geïnformeerd? (vastleggen, niet afwachten)",
            "The other (child or parent with authority) informed? (record, do not wait)",
        ),
    };
    pick(lang, nl, en)
}

/// The label of a choice option (by its slug).
pub fn option(slug: &str, lang: Lang) -> &'static str {
    let (nl, en) = match slug {
        "balie" => ("aan de balie", "at the desk"),
        "digid" => ("DigiD via het ouderportaal", "DigiD via the parent portal"),
        "bekende_contactgegevens" => (
            "antwoord naar bekende contactgegevens",
            "reply to known contact details",
        ),
        "paspoort" => ("paspoort", "passport"),
        "identiteitskaart" => ("identiteitskaart", "identity card"),
        "rijbewijs" => ("rijbewijs", "driving licence"),
        "verblijfsdocument" => ("verblijfsdocument", "residence document"),
        "geen_kopie" => ("geen kopie ontvangen", "no copy received"),
        "kopie_verwijderd" => ("kopie ontvangen en verwijderd", "copy received and deleted"),
        "ja" => ("ja", "yes"),
        "nee" => ("nee", "no"),
        "geen" => ("geen", "none"),
        "gegeven" => ("gegeven", "given"),
        "schriftelijk" => ("schriftelijk gegeven", "given in writing"),
        "zorgmail" => ("Zorgmail", "Zorgmail"),
        "beveiligde_mail" => ("beveiligde e-mail", "secure e-mail"),
        "post" => ("per post", "by post"),
        "feitelijk" => ("feitelijke fout", "factual error"),
        "oordeel" => ("professioneel oordeel", "professional judgement"),
        "vernietigen" => ("vernietigen", "destroy"),
        "bewaren" => ("bewaren", "keep"),
        "juistheid_betwist" => ("juistheid betwist", "accuracy contested"),
        "onrechtmatig" => ("onrechtmatige verwerking", "unlawful processing"),
        "bezwaar_aanhangig" => ("bezwaar aanhangig", "objection pending"),
        "rechtsvordering" => ("nodig voor een rechtsvordering", "needed for a legal claim"),
        "publieke_taak" => ("publieke taak (6(1)(e))", "public task (6(1)(e))"),
        "gerechtvaardigd_belang" => (
            "gerechtvaardigd belang (6(1)(f))",
            "legitimate interest (6(1)(f))",
        ),
        "wettelijke_plicht" => ("wettelijke plicht (6(1)(c))", "legal obligation (6(1)(c))"),
        "toestemming" => ("toestemming", "consent"),
        "overeenkomst" => ("overeenkomst", "contract"),
        "wettelijke_taak" => ("wettelijke taak", "statutory task"),
        "lsp" => ("LSP", "LSP"),
        "rivm_vaccinatie" => ("uitwisseling vaccinaties RIVM", "RIVM vaccination exchange"),
        "peutermonitor" => ("Peutermonitor", "Peutermonitor"),
        "onderzoek" => ("onderzoek", "research"),
        "vve_kinderopvang" => ("VVE/kinderopvang", "early education/childcare"),
        "risico" => ("risico", "risk"),
        "hoog_risico" => ("hoog risico", "high risk"),
        "gemeld" => ("gemeld", "notified"),
        "niet_gemeld" => ("niet gemeld", "not notified"),
        "geinformeerd" => ("geïnformeerd", "informed"),
        "later_ontdekt" => ("later ontdekt", "discovered later"),
        "verwerker_meldde_laat" => ("verwerker meldde laat", "processor reported late"),
        "omvang_onbekend" => ("omvang nog onbekend", "extent not yet known"),
        "bereikbaarheid_capaciteit" => ("bereikbaarheid of capaciteit", "availability or capacity"),
        "anders" => ("anders", "other"),
        "niet_nodig" => ("niet nodig", "not needed"),
        "onbegrijpelijk" => (
            "gegevens onbegrijpelijk (34(3)(a))",
            "data unintelligible (34(3)(a))",
        ),
        "risico_weggenomen" => ("risico weggenomen (34(3)(b))", "risk removed (34(3)(b))"),
        "lezen" => ("gelezen", "read"),
        "kopieren" => ("gekopieerd", "copied"),
        "wijzigen" => ("gewijzigd", "changed"),
        "verwijderen" => ("verwijderd", "deleted"),
        "diefstal" => ("gestolen", "stolen"),
        "verlies" => ("verloren", "lost"),
        "vertrouwelijkheid" => ("vertrouwelijkheid", "confidentiality"),
        "integriteit" => ("integriteit", "integrity"),
        "beschikbaarheid" => ("beschikbaarheid", "availability"),
        "publieke_mededeling" => (
            "publieke mededeling (34(3)(c))",
            "public communication (34(3)(c))",
        ),
        "brp" => ("BRP", "BRP"),
        "gezagsregister" => ("gezagsregister", "authority register"),
        "brp_en_gezagsregister" => ("BRP en gezagsregister", "BRP and authority register"),
        _ => ("?", "?"),
    };
    pick(lang, nl, en)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::checklist::{AnswerType, steps};
    use crate::domain::kind::CaseKind;

    #[test]
    fn every_option_of_every_step_has_a_label_in_both_languages() {
        for kind in CaseKind::ALL {
            for s in steps(kind) {
                for lang in [Lang::Nl, Lang::En] {
                    assert!(!question(s.id, lang).is_empty());
                }
                if let AnswerType::Choice(opts) | AnswerType::Choices(opts) = s.ty {
                    for o in opts {
                        assert_ne!(option(o, Lang::Nl), "?", "{o}");
                        assert_ne!(option(o, Lang::En), "?", "{o}");
                    }
                }
            }
        }
    }
}
