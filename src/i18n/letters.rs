//! Letters: why a letter was refused, and the phrases and dates the templates are filled with.
//!
//! The letters' own sentences live in the templates (`src/letters/*.md`), which a desk may
//! override; what the templates receive ready-made (a kind as a phrase, a date in words) is here.

use super::Lang;
use crate::domain::case::Relation;
use crate::domain::kind::CaseKind;
use chrono::{Datelike, NaiveDate};

crate::messages! {
    /// A message about making a letter.
    LettersMsg {
        NotAVerzoek => "een brief hoort bij een verzoek, niet bij een datalek",
            "letters are for requests, not for a data breach";
        Ended => "deze zaak is ingetrokken of vervallen: er hoort geen brief meer bij (heropen de zaak als dat nodig is)",
            "this case was withdrawn or is void: no letter belongs to it (reopen the case if needed)";
        MissingSettings => "een brief kan niet zonder deze instellingen in privdesk.toml: {keys}",
            "a letter cannot be made without these settings in privdesk.toml: {keys}";
        NoDecision => "een besluitbrief kan pas als het besluit is vastgelegd",
            "a decision letter needs the decision to be recorded first";
        DecisionWithoutReason => "het besluit ({decision}) heeft geen motivering; zonder reden gaat er geen brief uit",
            "the decision ({decision}) has no reasons; no letter goes out without them";
        NoLetterExplanation => "het besluit ({decision}) heeft geen toelichting voor de brief (het is vastgelegd vóór privdesk daarom vroeg, en de afweging blijft in het dossier): leg het besluit opnieuw vast met een toelichting",
            "the decision ({decision}) has no explanation for the letter (it was recorded before privdesk asked for one, and the reasoning stays in the file): record the decision again with an explanation";
        NoPostalAddress => "het antwoord gaat per post, maar er is geen postadres vastgelegd",
            "the answer goes by post, but no postal address is recorded";
        LateAcknowledgement => "let op: de antwoordtermijn is op {date} verstreken; de brief belooft geen datum maar zegt dat ons antwoord te laat is",
            "note: the answer deadline passed on {date}; the letter promises no date but says our answer is late";
        ExtensionNoticeDated => "let op: de verlengingsbrief draagt de datum waarop de verlenging volgens het dossier is verstuurd ({date}), niet vandaag; verstuur hem niet later zonder de verlenging te herstellen",
            "note: the extension letter carries the date the extension was sent according to the file ({date}), not today; do not send it later without correcting the extension";
        NoRestrictionInForce => "een aankondiging van de opheffing kan alleen bij een beperking die van kracht is (gemarkeerd in het bronsysteem, niet opgeheven)",
            "an announcement of the lifting needs a restriction in force (marked in the source system, not lifted)";
        NotExtended => "een verlengingsbrief kan alleen als de verlenging is vastgelegd (met grond en toelichting)",
            "an extension letter needs the extension to be recorded first (with its ground and explanation)";
        NotExtendable => "een verzoek om {kind} kan niet verlengd worden (AVG 12(3) geldt er niet voor), dus er hoort geen verlengingsbrief bij",
            "a request for {kind} cannot be extended (GDPR 12(3) does not apply to it), so no extension letter belongs to it";
        ExtensionWithoutReason => "de verlenging heeft geen toelichting; de wet vraagt de redenen (AVG 12(3))",
            "the extension has no explanation; the law asks for the reasons (GDPR 12(3))";
        Template => "sjabloon {file}: {detail}", "template {file}: {detail}";
        TemplateAt => "sjabloon {file}, regel {line}: {detail}",
            "template {file}, line {line}: {detail}";
        TemplateRead => "sjabloon {file} kan niet gelezen worden: {detail}",
            "template {file} cannot be read: {detail}";
        DateOutOfRange => "de wettelijke termijn van deze zaak valt buiten de kalender",
            "this case's legal deadline lies outside the calendar";
        NoFolder => "geen map voor de brieven: geef --out, of brieven.map in privdesk.toml (er is geen gebruikersdatamap)",
            "no folder for the letters: give --out, or brieven.map in privdesk.toml (there is no user data folder)";
        Write => "de brief kan niet geschreven worden in {file}: {detail}",
            "the letter cannot be written to {file}: {detail}";
        UnknownLetter => "onbekende brief '{value}'; kies uit: {letters}",
            "unknown letter '{value}'; choose from: {letters}";
        BadCaseId => "'{given}' is geen zaaknummer (V-JJJJ-NNNN of D-JJJJ-NNNN)",
            "'{given}' is not a case id (V-YYYY-NNNN or D-YYYY-NNNN)";
        NoSuchCase => "zaak {id} staat niet in het register", "case {id} is not in the register";
        Briefpapier => "het briefpapier {file} is niet te gebruiken: {why}; er is geen brief gemaakt",
            "the letterhead {file} cannot be used: {why}; no letter was made";
        BpNotADocx => "het is geen Word-document (.docx): {detail}",
            "it is not a Word document (.docx): {detail}";
        BpXml => "het onderdeel {part} is geen geldige XML: {detail}",
            "the part {part} is not valid XML: {detail}";
        BpNoMarker => "er staat geen alinea {{brief}} in, de plek waar de brief komt",
            "it has no paragraph {{brief}}, the place the letter goes";
        BpManyMarkers => "er staat meer dan één alinea {{brief}} in",
            "it has more than one paragraph {{brief}}";
        BpMarkerNotAlone => "{{brief}} moet alleen in zijn alinea staan",
            "{{brief}} must stand alone in its paragraph";
        BpSplit => "in {part} is een veld opgesplitst door iets anders dan tekst (een afbeelding, veldcode of koppeling), bij '{text}': typ het veld opnieuw in één keer",
            "in {part} a field is split by something other than text (an image, a field code or a link), at '{text}': type the field again in one go";
        BpUnknown => "in {part} staat het onbekende veld {field}; bekend zijn: {fields}",
            "{part} holds the unknown field {field}; known fields are: {fields}";
        NoSoffice => "voor een PDF is LibreOffice nodig en dat is niet geïnstalleerd (geen 'soffice' op het PATH): installeer LibreOffice Writer (Debian/Ubuntu: apt-get install libreoffice-writer), of maak de brief als Word-bestand met --format docx",
            "a PDF needs LibreOffice, which is not installed (no 'soffice' on the PATH): install LibreOffice Writer (Debian/Ubuntu: apt-get install libreoffice-writer), or make the letter as a Word file with --format docx";
        Pdf => "LibreOffice heeft geen PDF gemaakt: {detail}", "LibreOffice made no PDF: {detail}";
        PdfTimeout => "gestopt na {seconds} seconden", "stopped after {seconds} seconds";
        BadFormat => "onbekend formaat '{value}'; kies uit: md, docx, pdf",
            "unknown format '{value}'; choose from: md, docx, pdf";
        LetterheadDate => "Datum", "Date";
        LetterheadReference => "Ons kenmerk", "Our reference";
        LetterheadSubject => "Betreft", "Subject";
        LetterheadPage => "Pagina", "Page";
    }
}

fn pick(lang: Lang, nl: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

/// The dossier as the requester reads it: theirs, their child's, or the one they wrote about.
pub fn dossier(relation: Relation, lang: Lang) -> &'static str {
    use Relation::*;
    match relation {
        Zelf => pick(lang, "uw dossier", "your file"),
        Pleegouder => pick(
            lang,
            "het dossier van uw pleegkind",
            "your foster child's file",
        ),
        OuderMetGezag | OuderZonderGezag | Voogd => {
            pick(lang, "het dossier van uw kind", "your child's file")
        }
        Gemachtigde => pick(lang, "het dossier van uw cliënt", "your client's file"),
        CuratorMentor | Gezinsvoogd | Derde => pick(
            lang,
            "het dossier waarover u schreef",
            "the file you wrote about",
        ),
    }
}

/// What was asked, as the object of "uw verzoek om ..." / "your request for ...", with `{dossier}`.
pub fn subject(kind: CaseKind, lang: Lang) -> &'static str {
    use CaseKind::*;
    match kind {
        Inzage => pick(lang, "inzage in {dossier}", "access to {dossier}"),
        Afschrift => pick(
            lang,
            "een kopie (afschrift) van {dossier}",
            "a copy of {dossier}",
        ),
        Rectificatie => pick(
            lang,
            "correctie (rectificatie) van gegevens in {dossier}",
            "correction (rectification) of data in {dossier}",
        ),
        EigenVerklaring => pick(
            lang,
            "het toevoegen van een eigen verklaring aan {dossier}",
            "adding your own statement to {dossier}",
        ),
        Vernietiging => pick(
            lang,
            "vernietiging van (een deel van) {dossier}",
            "destruction of (part of) {dossier}",
        ),
        Beperking => pick(
            lang,
            "beperking van het gebruik van gegevens uit {dossier}",
            "restriction of the use of data in {dossier}",
        ),
        Overdraagbaarheid => pick(
            lang,
            "het ontvangen of doorsturen van gegevens uit {dossier} (overdraagbaarheid)",
            "receiving or passing on data from {dossier} (portability)",
        ),
        Bezwaar => pick(
            lang,
            "het stoppen met het gebruik van gegevens uit {dossier} (bezwaar)",
            "an end to the use of data in {dossier} (objection)",
        ),
        IntrekkenToestemming => pick(
            lang,
            "het intrekken van uw toestemming",
            "the withdrawal of your consent",
        ),
        Datalek => pick(lang, "een datalek", "a data breach"),
    }
}

/// A date as a letter writes it: `23 november 2026`, `23 November 2026`.
pub fn date(d: NaiveDate, lang: Lang) -> String {
    const NL: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let months = match lang {
        Lang::Nl => NL,
        Lang::En => EN,
    };
    let month = months.get(d.month0() as usize).copied().unwrap_or_default();
    format!("{} {} {}", d.day(), month, d.year())
}

/// How a letter greets the requester: the recorded form of address with the surname as given
/// (already made literal for the letter's format), else the neutral "Geachte heer/mevrouw,".
pub fn salutation(lang: Lang, recorded: Option<(bool, &str)>) -> String {
    match recorded {
        None => pick(lang, "Geachte heer/mevrouw,", "Dear Sir or Madam,").to_string(),
        Some((true, surname)) => format!("{} {surname},", pick(lang, "Geachte mevrouw", "Dear Ms")),
        Some((false, surname)) => format!("{} {surname},", pick(lang, "Geachte heer", "Dear Mr")),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn subjects_and_dossiers_have_both_languages_and_the_same_placeholders() {
        // The area's messages are checked by `messages!` when the crate compiles; these two
        // are functions of a kind and a relation.
        for k in CaseKind::ALL {
            assert!(
                crate::i18n::complete(subject(k, Lang::Nl), subject(k, Lang::En)),
                "{k:?}"
            );
        }
        for r in Relation::ALL {
            assert!(
                crate::i18n::complete(dossier(r, Lang::Nl), dossier(r, Lang::En)),
                "{r:?}"
            );
        }
    }

    #[test]
    fn dates_are_written_out() {
        let d: NaiveDate = "2026-03-09".parse().unwrap();
        assert_eq!(date(d, Lang::Nl), "9 maart 2026");
        assert_eq!(date(d, Lang::En), "9 March 2026");
    }
}
