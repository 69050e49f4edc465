//! Texts of the authority assessment (domain.md §4): the outcome names, the reasons in words
//! with their legal source, the note on a birthday between receipt and decision, and the date
//! errors. The domain returns typed outcomes, reasons and date errors; they are put into words
//! here (the domain carries no display strings).

use super::Lang;
use crate::domain::authority::{Assessment, DateError, Outcome, Reason};

crate::messages! {
    /// Every text of the authority assessment, nl and en.
    AuthorityMsg {
        // Outcomes.
        OutcomeMag => "Mag", "Allowed";
        OutcomeAlleenMetToestemmingKind =>
            "Alleen met toestemming van het kind of een vastgelegd oordeel van de professional",
            "Only with the child's consent or a recorded professional judgement";
        OutcomeAlleenMetSchriftelijkeToestemming =>
            "Alleen met schriftelijke toestemming",
            "Only with written consent";
        OutcomeDoorVertegenwoordigers =>
            "Via de wettelijk vertegenwoordigers",
            "Through the legal representatives";
        OutcomeBeperkteInformatie =>
            "Geen dossier; alleen informatie over belangrijke feiten",
            "No dossier; information on important facts only";
        OutcomeNietBevoegd => "Niet bevoegd", "Not authorised";
        OutcomeWeigeringMogelijk =>
            "Mag; weigeren kan met redenen",
            "Allowed; may be refused with reasons";
        OutcomeWeigeren => "Weigeren", "To be refused";
        OutcomeAlsDerde =>
            "Als derde: verstrekking met schriftelijke toestemming",
            "As a third party: disclosure with written consent";
        OutcomeBeoordelingNodig => "Beoordeling nodig", "Assessment needed";

        // Reasons: one per rule of the table, each naming its source.
        ReasonOnder12Vertegenwoordiger =>
            "Voor een kind onder 12 oefenen de ouders met gezag of de voogd de rechten uit (WGBO 7:465 lid 1; Jeugdwet §7.3).",
            "For a child under 12 the parents with gezag or the voogd exercise the rights (WGBO 7:465(1); Jeugdwet §7.3).";
        ReasonOnder12Kind =>
            "Een kind onder 12 kan dit recht niet zelf uitoefenen; de ouders met gezag of de voogd doen het voor het kind (WGBO 7:465 lid 1; Jeugdwet 7.3.9).",
            "A child under 12 cannot exercise this right itself; the parents with gezag or the voogd act for the child (WGBO 7:465(1); Jeugdwet 7.3.9).";
        ReasonKind12Tot16Wilsbekwaam =>
            "Een wilsbekwaam kind van 12 tot 16 oefent dit recht zelf uit (WGBO 7:456, 7:465; Jeugdwet 7.3.10).",
            "A wilsbekwaam child of 12 to 16 exercises this right itself (WGBO 7:456, 7:465; Jeugdwet 7.3.10).";
        ReasonWgbo12Tot16OuderToestemmingNodig =>
            "Het kind van 12 tot 16 is wilsbekwaam: een ouder krijgt inzage alleen met toestemming van het kind, of als de professional vastlegt dat het kind geen bezwaar heeft en het het kind niet schaadt (WGBO 7:457).",
            "The child of 12 to 16 is wilsbekwaam: a parent gets access only with the child's consent, or when the professional records that the child does not object and it does not harm the child (WGBO 7:457).";
        ReasonWgbo12Tot16OuderMetToestemmingKind =>
            "Het wilsbekwame kind van 12 tot 16 heeft toestemming gegeven aan de ouder (WGBO 7:457).",
            "The wilsbekwaam child of 12 to 16 has consented to the parent's request (WGBO 7:457).";
        ReasonWgbo12Tot16OuderMetOordeel =>
            "De professional heeft vastgelegd dat het kind geen bezwaar heeft en dat het het kind niet schaadt (WGBO 7:457).",
            "The professional has recorded that the child does not object and that it does not harm the child (WGBO 7:457).";
        ReasonJeugdwet12Tot16Ouder =>
            "Onder de Jeugdwet mag een ouder met gezag van een kind van 12 tot 16 dit recht uitoefenen; de jeugdhulpverlener oordeelt dat het de hulpverlening niet schaadt (Jeugdwet 7.3.10, 7.3.11).",
            "Under the Jeugdwet a parent with gezag of a child of 12 to 16 may exercise this right; the hulpverlener judges that it does not harm the help (Jeugdwet 7.3.10, 7.3.11).";
        ReasonJeugdwet12Tot16SchaadtHulp =>
            "De jeugdhulpverlener oordeelt dat inzage door de ouder de hulpverlening aan het kind schaadt; weigeren, met redenen (Jeugdwet 7.3.10, 7.3.11).",
            "The hulpverlener judges that access by the parent harms the help to the child; refuse, with reasons (Jeugdwet 7.3.10, 7.3.11).";
        ReasonJeugdwet12Tot16OordeelOntbreekt =>
            "Onder de Jeugdwet mag de ouder, tenzij de jeugdhulpverlener oordeelt dat het de hulpverlening schaadt: vraag en leg dat oordeel vast (Jeugdwet 7.3.10, 7.3.11).",
            "Under the Jeugdwet the parent may, unless the hulpverlener judges that it harms the help: ask for that judgement and record it (Jeugdwet 7.3.10, 7.3.11).";
        ReasonNietWilsbekwaamVertegenwoordiger =>
            "De minderjarige is niet wilsbekwaam: de ouders met gezag of de voogd oefenen de rechten uit (WGBO 7:465; Jeugdwet §7.3).",
            "The minor is not wilsbekwaam: the parents with gezag or the voogd exercise the rights (WGBO 7:465; Jeugdwet §7.3).";
        ReasonNietWilsbekwaamCuratorMentor =>
            "De meerderjarige is niet wilsbekwaam: de curator of mentor oefent de rechten uit (WGBO 7:465 lid 3).",
            "The adult is not wilsbekwaam: the curator or mentor exercises the rights (WGBO 7:465(3)).";
        ReasonNietWilsbekwaamKind =>
            "De jeugdige is niet wilsbekwaam en kan dit recht niet zelf uitoefenen; de ouders met gezag of de voogd (vanaf 18 de curator of mentor) doen het voor de jeugdige (WGBO 7:465).",
            "The young person is not wilsbekwaam and cannot exercise this right alone; the parents with gezag or the voogd (from 18 the curator or mentor) act for them (WGBO 7:465).";
        ReasonVanaf16WilsbekwaamZelf =>
            "Een wilsbekwame jeugdige van 16 of ouder oefent dit recht alleen uit (WGBO 7:447, 7:456; Jeugdwet 7.3.10).",
            "A wilsbekwaam young person of 16 or over exercises this right alone (WGBO 7:447, 7:456; Jeugdwet 7.3.10).";
        ReasonVanaf16OuderSchriftelijkeToestemmingNodig =>
            "De jeugdige is 16 of ouder en wilsbekwaam: een ouder of vertegenwoordiger krijgt inzage alleen met schriftelijke toestemming van de jeugdige (WGBO 7:457; Jeugdwet 7.3.11).",
            "The young person is 16 or over and wilsbekwaam: a parent or representative gets access only with the young person's written consent (WGBO 7:457; Jeugdwet 7.3.11).";
        ReasonVanaf16OuderMetSchriftelijkeToestemming =>
            "De wilsbekwame jeugdige van 16 of ouder heeft schriftelijk toestemming gegeven (WGBO 7:457; Jeugdwet 7.3.11).",
            "The wilsbekwaam young person of 16 or over has given written consent (WGBO 7:457; Jeugdwet 7.3.11).";
        ReasonOuderZonderGezag =>
            "Een ouder zonder gezag heeft geen recht op het dossier; op verzoek krijgt die ouder informatie over belangrijke feiten en omstandigheden, tenzij de gezagsouder die ook niet zou krijgen of het belang van het kind zich ertegen verzet (BW 1:377c).",
            "A parent without gezag has no right to the dossier; on request they get information on important facts and circumstances, unless the parent with gezag would not get it either or the child's interest opposes it (BW 1:377c).";
        ReasonPleegouder =>
            "Een pleegouder zonder gezag kan de rechten van het kind niet uitoefenen; informatie voor de verzorging alleen met toestemming van de gezagsdrager (WGBO 7:457).",
            "A pleegouder without gezag cannot exercise the child's rights; care information only with the consent of the holder of gezag (WGBO 7:457).";
        ReasonGezinsvoogd =>
            "Bij een ondertoezichtstelling houden de ouders het gezag; de gezinsvoogd kan de rechten van het kind niet uitoefenen en krijgt de informatie die de OTS nodig heeft buiten deze procedure (BW 1:255, 1:263).",
            "Under an ondertoezichtstelling the parents keep gezag; the gezinsvoogd cannot exercise the child's rights and gets the information the OTS needs outside this procedure (BW 1:255, 1:263).";
        ReasonDerdeToestemmingNodig =>
            "Een derde krijgt gegevens alleen met schriftelijke toestemming van wie het recht heeft: de jeugdige vanaf 12 als die wilsbekwaam is, anders de ouders met gezag of de voogd (vanaf 18 de curator of mentor) (AVG 9; WGBO 7:457; Jeugdwet 7.3.11).",
            "A third party gets data only with the written consent of whoever holds the right: the young person from 12 when wilsbekwaam, otherwise the parents with gezag or the voogd (from 18 the curator or mentor) (AVG 9; WGBO 7:457; Jeugdwet 7.3.11).";
        ReasonMetSchriftelijkeToestemmingRechthebbende =>
            "Wie het recht heeft, heeft schriftelijk toestemming gegeven; de verzoeker krijgt wat een derde met die toestemming krijgt (WGBO 7:457; Jeugdwet 7.3.11).",
            "Whoever holds the right has given written consent; the requester gets what a third party with that consent gets (WGBO 7:457; Jeugdwet 7.3.11).";
        ReasonGemachtigdeMachtigingNodig =>
            "Een gemachtigde handelt alleen met een schriftelijke machtiging van wie het recht heeft: de jeugdige vanaf 12 als die wilsbekwaam is, anders de ouders met gezag of de voogd (vanaf 18 de curator of mentor) (BW 3:60; WGBO 7:457).",
            "An authorised representative acts only with a written authorisation from whoever holds the right: the young person from 12 when wilsbekwaam, otherwise the parents with gezag or the voogd (from 18 the curator or mentor) (BW 3:60; WGBO 7:457).";
        ReasonGemachtigdeMetMachtiging =>
            "De gemachtigde heeft een schriftelijke machtiging van wie het recht heeft en handelt namens die persoon: het is diens verzoek (BW 3:60; AVG 12).",
            "The representative holds a written authorisation from whoever holds the right and acts for that person: it is their request (BW 3:60; AVG 12).";
        ReasonMeerderjarig =>
            "Vanaf 18 heeft niemand nog gezag (BW 1:233): een ouder, oud-voogd of verzorger is een derde en heeft schriftelijke toestemming nodig van de jongvolwassene of, als die niet wilsbekwaam is, van de curator of mentor (WGBO 7:457).",
            "From 18 nobody has gezag any more (BW 1:233): a parent, former voogd or carer is a third party and needs the written consent of the young adult or, when they are not wilsbekwaam, of the curator or mentor (WGBO 7:457).";
        ReasonCuratorMentorPasVanaf18 =>
            "Curatele en mentorschap bestaan alleen voor meerderjarigen (BW 1:378, 1:450); voor een minderjarige handelen de ouders met gezag of de voogd.",
            "Curatele and mentorschap exist only for adults (BW 1:378, 1:450); for a minor the parents with gezag or the voogd act.";
        ReasonVernietiging12Tot16Kind =>
            "Een wilsbekwaam kind van 12 tot 16 beslist zelf over vernietiging; weigeren kan alleen op grond van goed hulpverlenerschap, met redenen vastgelegd (WGBO 7:455; Jeugdwet 7.3.9).",
            "A wilsbekwaam child of 12 to 16 decides on destruction itself; it may be refused only on grounds of goed hulpverlenerschap, with reasons recorded (WGBO 7:455; Jeugdwet 7.3.9).";
        ReasonVernietiging12Tot16KindBeslist =>
            "Het kind van 12 tot 16 is wilsbekwaam en beslist zelf over vernietiging; de ouders kunnen die niet vragen (WGBO 7:455; Jeugdwet 7.3.9).",
            "The child of 12 to 16 is wilsbekwaam and decides on destruction itself; the parents cannot ask for it (WGBO 7:455; Jeugdwet 7.3.9).";
        ReasonVernietigingVanaf16Zelf =>
            "De jeugdige is 16 of ouder en wilsbekwaam: alleen de jeugdige zelf kan vernietiging vragen, ook niet met toestemming via een ander (WGBO 7:455; Jeugdwet 7.3.9).",
            "The young person is 16 or over and wilsbekwaam: only they can ask for destruction, not another person even with consent (WGBO 7:455; Jeugdwet 7.3.9).";
        ReasonVernietigingAlleenRechthebbende =>
            "Alleen wie het recht heeft kan vernietiging vragen: de jeugdige vanaf 12 als die wilsbekwaam is, anders de ouders met gezag of de voogd (vanaf 18 de curator of mentor) (WGBO 7:455; Jeugdwet 7.3.9).",
            "Only whoever holds the right can ask for destruction: the young person from 12 when wilsbekwaam, otherwise the parents with gezag or the voogd (from 18 the curator or mentor) (WGBO 7:455; Jeugdwet 7.3.9).";
        ReasonSignalenMishandeling =>
            "Er zijn signalen van (vermoeden van) kindermishandeling of huiselijk geweld: het dossier wordt alleen vernietigd als de jeugdige 16 of ouder en wilsbekwaam is (KNMG-meldcode).",
            "There are signals of (suspected) child abuse or domestic violence: the dossier is destroyed only when the young person is 16 or over and wilsbekwaam (KNMG-meldcode).";
        ReasonSignalenNietNagegaan =>
            "Ga na of er signalen zijn van kindermishandeling of huiselijk geweld en leg dat vast: dan wordt alleen vernietigd als de jeugdige 16 of ouder en wilsbekwaam is (KNMG-meldcode).",
            "Check and record whether there are signals of child abuse or domestic violence: then the dossier is destroyed only when the young person is 16 or over and wilsbekwaam (KNMG-meldcode).";
        ReasonWilsbekwaamheidOnbekend =>
            "Vanaf 12 hangt het antwoord af van de wilsbekwaamheid van de jeugdige: laat de jeugdarts, jeugdverpleegkundige of jeugdhulpverlener die beoordelen en leg vast wie, wanneer en met welke uitkomst (WGBO 7:465).",
            "From 12 the answer depends on whether the young person is wilsbekwaam: have the jeugdarts, jeugdverpleegkundige or jeugdhulpverlener judge it and record who, when and the outcome (WGBO 7:465).";
        ReasonIntrekkenOnder16Ouders =>
            "Onder 16 gaven de ouders met gezag of de voogd de toestemming; zij trekken haar in (UAVG art. 5 lid 1; AVG 7 lid 3).",
            "Under 16 the parents with gezag or the voogd gave the consent; they withdraw it (UAVG art. 5(1); AVG 7(3)).";
        ReasonIntrekkenOnder16Kind =>
            "Onder 16 gaven de ouders met gezag of de voogd de toestemming; zij trekken haar in, niet het kind (UAVG art. 5 lid 1).",
            "Under 16 the parents with gezag or the voogd gave the consent; they withdraw it, not the child (UAVG art. 5(1)).";
        ReasonIntrekkenVanaf16Zelf =>
            "Vanaf 16 geeft de jeugdige zelf toestemming en trekt die zelf in (UAVG art. 5; AVG 7 lid 3).",
            "From 16 the young person gives consent and withdraws it themselves (UAVG art. 5; AVG 7(3)).";
        ReasonIntrekkenCuratorMentor =>
            "Voor een meerderjarige onder curatele of mentorschap geeft en trekt de curator of mentor toestemming in (UAVG art. 5 lid 3).",
            "For an adult under curatele or mentorschap the curator or mentor gives and withdraws consent (UAVG art. 5(3)).";
        ReasonIntrekkenDoorWieToestemde =>
            "Alleen wie de toestemming gaf trekt haar in: onder 12 de ouders met gezag of de voogd, van 12 tot 16 het kind of een ouder met gezag, vanaf 16 de jeugdige (bij niet-wilsbekwaamheid de ouders of voogd) (UAVG art. 5; WGBO 7:465).",
            "Only whoever gave the consent withdraws it: under 12 the parents with gezag or the voogd, 12 to 16 the child or a parent with gezag, from 16 the young person (when not wilsbekwaam the parents or voogd) (UAVG art. 5; WGBO 7:465).";
        ReasonAlsDerdeMetToestemming =>
            "Een pleegouder, ouder zonder gezag of derde krijgt met schriftelijke toestemming van wie het recht heeft niet de rechten van een ouder met gezag: de verzoeker wordt behandeld als derde (verstrekking), met inachtneming van goed hulpverlenerschap (WGBO 7:457; Jeugdwet 7.3.11).",
            "A pleegouder, parent without gezag or third party does not get a parent's rights through the written consent of whoever holds the right: the requester is handled as a third party (a disclosure), subject to goed hulpverlenerschap (WGBO 7:457; Jeugdwet 7.3.11).";
        ReasonAlsDerdeAlleenVerstrekking =>
            "Wie het recht niet heeft, kan ook met toestemming alleen een verstrekking krijgen; rectificatie, beperking, bezwaar en overdracht vraagt wie het recht heeft (of een gemachtigde) (WGBO 7:457; AVG 16–21).",
            "Someone who does not hold the right can, even with consent, only receive a disclosure; rectification, restriction, objection and portability are asked by the holder (or a representative) (WGBO 7:457; AVG/GDPR 16–21).";
        ReasonIntrekkenOnder12Ouders =>
            "Onder 12 gaven de ouders met gezag of de voogd de toestemming; zij trekken haar in (UAVG art. 5 lid 1; AVG 7 lid 3).",
            "Under 12 the parents with gezag or the voogd gave the consent; they withdraw it (UAVG art. 5(1); AVG 7(3)).";
        ReasonIntrekkenOnder12Kind =>
            "Onder 12 gaven de ouders met gezag of de voogd de toestemming; zij trekken haar in, niet het kind (UAVG art. 5 lid 1).",
            "Under 12 the parents with gezag or the voogd gave the consent; they withdraw it, not the child (UAVG art. 5(1)).";
        ReasonIntrekken12Tot16 =>
            "Van 12 tot 16 beslissen kind en ouder(s) samen: het kind of een ouder met gezag trekt de toestemming in; zij werkt vanaf ontvangst, de ander wordt geïnformeerd (vastgelegd, niet afgewacht) (AVG 7 lid 3).",
            "From 12 to 16 child and parent(s) decide together: the child or a parent with gezag withdraws the consent; it takes effect on receipt, the other is informed (recorded, not awaited) (AVG/GDPR 7(3)).";
        ReasonIntrekkenVanaf16NietWilsbekwaam =>
            "De jeugdige van 16 of ouder is niet wilsbekwaam: de ouders met gezag of de voogd trekken de toestemming in (WGBO 7:465 lid 2).",
            "The young person of 16 or over is not wilsbekwaam: the parents with gezag or the voogd withdraw the consent (WGBO 7:465(2)).";

        // The note when a birthday fell between receipt and decision.
        BirthdayBetween =>
            "De jeugdige werd {mijlpaal} jaar na de ontvangst en vóór het besluit; de leeftijd op de datum van het besluit ({leeftijd} jaar) geldt.",
            "The young person turned {mijlpaal} after receipt and before the decision; the age on the decision date ({leeftijd}) governs.";

        // Date errors.
        DateBornAfterReceipt =>
            "De geboortedatum ligt na de datum van ontvangst.",
            "The date of birth is after the date of receipt.";
        DateDecisionBeforeReceipt =>
            "De datum van het besluit ligt vóór de datum van ontvangst.",
            "The date of the decision is before the date of receipt.";
    }
}

/// The message naming an outcome of the table.
pub fn outcome_msg(o: Outcome) -> AuthorityMsg {
    match o {
        Outcome::Mag => AuthorityMsg::OutcomeMag,
        Outcome::AlleenMetToestemmingKind => AuthorityMsg::OutcomeAlleenMetToestemmingKind,
        Outcome::AlleenMetSchriftelijkeToestemming => {
            AuthorityMsg::OutcomeAlleenMetSchriftelijkeToestemming
        }
        Outcome::DoorVertegenwoordigers => AuthorityMsg::OutcomeDoorVertegenwoordigers,
        Outcome::BeperkteInformatie => AuthorityMsg::OutcomeBeperkteInformatie,
        Outcome::NietBevoegd => AuthorityMsg::OutcomeNietBevoegd,
        Outcome::WeigeringMogelijk => AuthorityMsg::OutcomeWeigeringMogelijk,
        Outcome::Weigeren => AuthorityMsg::OutcomeWeigeren,
        Outcome::BeoordelingNodig => AuthorityMsg::OutcomeBeoordelingNodig,
        Outcome::AlsDerde => AuthorityMsg::OutcomeAlsDerde,
    }
}

/// An outcome's name in words.
pub fn outcome(o: Outcome, lang: Lang) -> &'static str {
    outcome_msg(o).text(lang)
}

/// The message stating a rule of the table and its legal source.
pub fn reason_msg(r: Reason) -> AuthorityMsg {
    use AuthorityMsg as M;
    match r {
        Reason::Onder12Vertegenwoordiger => M::ReasonOnder12Vertegenwoordiger,
        Reason::Onder12Kind => M::ReasonOnder12Kind,
        Reason::Kind12Tot16Wilsbekwaam => M::ReasonKind12Tot16Wilsbekwaam,
        Reason::Wgbo12Tot16OuderToestemmingNodig => M::ReasonWgbo12Tot16OuderToestemmingNodig,
        Reason::Wgbo12Tot16OuderMetToestemmingKind => M::ReasonWgbo12Tot16OuderMetToestemmingKind,
        Reason::Wgbo12Tot16OuderMetOordeel => M::ReasonWgbo12Tot16OuderMetOordeel,
        Reason::Jeugdwet12Tot16Ouder => M::ReasonJeugdwet12Tot16Ouder,
        Reason::Jeugdwet12Tot16SchaadtHulp => M::ReasonJeugdwet12Tot16SchaadtHulp,
        Reason::Jeugdwet12Tot16OordeelOntbreekt => M::ReasonJeugdwet12Tot16OordeelOntbreekt,
        Reason::NietWilsbekwaamVertegenwoordiger => M::ReasonNietWilsbekwaamVertegenwoordiger,
        Reason::NietWilsbekwaamCuratorMentor => M::ReasonNietWilsbekwaamCuratorMentor,
        Reason::NietWilsbekwaamKind => M::ReasonNietWilsbekwaamKind,
        Reason::Vanaf16WilsbekwaamZelf => M::ReasonVanaf16WilsbekwaamZelf,
        Reason::Vanaf16OuderSchriftelijkeToestemmingNodig => {
            M::ReasonVanaf16OuderSchriftelijkeToestemmingNodig
        }
        Reason::Vanaf16OuderMetSchriftelijkeToestemming => {
            M::ReasonVanaf16OuderMetSchriftelijkeToestemming
        }
        Reason::OuderZonderGezag => M::ReasonOuderZonderGezag,
        Reason::Pleegouder => M::ReasonPleegouder,
        Reason::Gezinsvoogd => M::ReasonGezinsvoogd,
        Reason::DerdeToestemmingNodig => M::ReasonDerdeToestemmingNodig,
        Reason::MetSchriftelijkeToestemmingRechthebbende => {
            M::ReasonMetSchriftelijkeToestemmingRechthebbende
        }
        Reason::Meerderjarig => M::ReasonMeerderjarig,
        Reason::GemachtigdeMachtigingNodig => M::ReasonGemachtigdeMachtigingNodig,
        Reason::GemachtigdeMetMachtiging => M::ReasonGemachtigdeMetMachtiging,
        Reason::CuratorMentorPasVanaf18 => M::ReasonCuratorMentorPasVanaf18,
        Reason::Vernietiging12Tot16Kind => M::ReasonVernietiging12Tot16Kind,
        Reason::Vernietiging12Tot16KindBeslist => M::ReasonVernietiging12Tot16KindBeslist,
        Reason::VernietigingVanaf16Zelf => M::ReasonVernietigingVanaf16Zelf,
        Reason::VernietigingAlleenRechthebbende => M::ReasonVernietigingAlleenRechthebbende,
        Reason::SignalenMishandeling => M::ReasonSignalenMishandeling,
        Reason::SignalenNietNagegaan => M::ReasonSignalenNietNagegaan,
        Reason::WilsbekwaamheidOnbekend => M::ReasonWilsbekwaamheidOnbekend,
        Reason::IntrekkenOnder16Ouders => M::ReasonIntrekkenOnder16Ouders,
        Reason::IntrekkenOnder16Kind => M::ReasonIntrekkenOnder16Kind,
        Reason::IntrekkenVanaf16Zelf => M::ReasonIntrekkenVanaf16Zelf,
        Reason::IntrekkenCuratorMentor => M::ReasonIntrekkenCuratorMentor,
        Reason::IntrekkenDoorWieToestemde => M::ReasonIntrekkenDoorWieToestemde,
        Reason::AlsDerdeMetToestemming => M::ReasonAlsDerdeMetToestemming,
        Reason::AlsDerdeAlleenVerstrekking => M::ReasonAlsDerdeAlleenVerstrekking,
        Reason::IntrekkenOnder12Ouders => M::ReasonIntrekkenOnder12Ouders,
        Reason::IntrekkenOnder12Kind => M::ReasonIntrekkenOnder12Kind,
        Reason::Intrekken12Tot16 => M::ReasonIntrekken12Tot16,
        Reason::IntrekkenVanaf16NietWilsbekwaam => M::ReasonIntrekkenVanaf16NietWilsbekwaam,
    }
}

/// A rule of the table in words, with its legal source.
pub fn reason(r: Reason, lang: Lang) -> &'static str {
    reason_msg(r).text(lang)
}

/// The reason of an assessment in words; when a milestone birthday fell between receipt and
/// decision, followed by the sentence that the age on the decision date governs.
pub fn assessment_reason(a: &Assessment, lang: Lang) -> String {
    let text = reason(a.reason, lang);
    match a.birthday_crossed {
        None => text.to_string(),
        Some(b) => {
            let note = AuthorityMsg::BirthdayBetween.fill(
                lang,
                &[
                    ("mijlpaal", &b.age.to_string()),
                    ("leeftijd", &a.age_at_decision.to_string()),
                ],
            );
            format!("{text} {note}")
        }
    }
}

/// The message for dates out of order, so the handler can correct one.
pub fn date_error(e: DateError) -> AuthorityMsg {
    match e {
        DateError::BornAfterReceipt => AuthorityMsg::DateBornAfterReceipt,
        DateError::DecisionBeforeReceipt => AuthorityMsg::DateDecisionBeforeReceipt,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::collections::HashSet;

    use chrono::NaiveDate;

    use super::*;
    use crate::domain::CaseKind;
    use crate::domain::authority::{AuthorityDates, AuthorityInput, RequesterRole, Right, assess};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn every_reason_and_outcome_has_its_own_text_and_each_reason_names_its_source() {
        let mut seen = HashSet::new();
        for o in Outcome::ALL {
            assert!(seen.insert(outcome_msg(*o)), "{o:?} shares its text");
        }
        for r in Reason::ALL {
            let (nl, en) = (reason(*r, Lang::Nl), reason(*r, Lang::En));
            assert_ne!(nl, en, "{r:?} is not translated");
            for text in [nl, en] {
                assert!(
                    ["WGBO", "Jeugdwet", "BW ", "UAVG", "AVG", "KNMG"]
                        .iter()
                        .any(|s| text.contains(s)),
                    "{r:?} names no source: {text}"
                );
            }
            assert!(seen.insert(reason_msg(*r)), "{r:?} shares its text");
        }
        let errors = [
            DateError::BornAfterReceipt,
            DateError::DecisionBeforeReceipt,
        ];
        assert_ne!(date_error(errors[0]), date_error(errors[1]));
    }

    /// Turning 12 between receipt and decision: the reason is followed by the sentence that
    /// the age on the decision date governs; without a milestone it is the reason alone.
    #[test]
    fn a_birthday_between_receipt_and_decision_is_said_after_the_reason() {
        let dates =
            AuthorityDates::new(date(2014, 3, 15), date(2026, 3, 1), date(2026, 3, 20)).unwrap();
        let right = Right::new(CaseKind::Inzage).unwrap();
        let mut i = AuthorityInput::new(right, dates, RequesterRole::Jeugdige);
        i.wilsbekwaam = Some(true);
        let a = assess(&i);
        let nl = assessment_reason(&a, Lang::Nl);
        let en = assessment_reason(&a, Lang::En);
        assert!(nl.starts_with(reason(Reason::Kind12Tot16Wilsbekwaam, Lang::Nl)));
        assert!(
            nl.contains("werd 12 jaar") && nl.contains("datum van het besluit (12 jaar) geldt")
        );
        assert!(en.contains("turned 12") && en.contains("age on the decision date (12) governs"));

        let dates =
            AuthorityDates::new(date(2013, 3, 5), date(2026, 3, 1), date(2026, 3, 20)).unwrap();
        let a = assess(&AuthorityInput::new(
            right,
            dates,
            RequesterRole::OuderMetGezag,
        ));
        assert_eq!(assessment_reason(&a, Lang::En), reason(a.reason, Lang::En));
    }
}
