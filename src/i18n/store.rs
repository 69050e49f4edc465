//! The register on disk as the user reads it: why it cannot be opened or written, what the
//! journal check found, and the command-line reports of audit, export, repair and backup.

use crate::messages;

messages! {
    /// Messages of the store and its commands.
    StoreMsg {
        Error => "fout: {message}", "error: {message}";
        BadDelimiter => "scheidingsteken moet één teken zijn: {given}",
            "delimiter must be one character: {given}";
        NowRefused => "--now mag alleen op een demoregister", "--now is allowed on a demo register only";
        BadNow => "ongeldig tijdstip voor --now: {given}", "invalid instant for --now: {given}";
        Busy => "register in gebruik door een ander privdesk-proces",
            "register in use by another privdesk process";
        NoRegister => "geen register in {path}", "no register in {path}";
        NoDataDir => "geen gegevensmap gevonden: geef --db PATH of PRIVDESK_DB",
            "no data folder found: give --db PATH or PRIVDESK_DB";
        NewerSchema => "register heeft werkopslag-versie {found}, deze privdesk kent tot {supported}",
            "register has working-store version {found}, this privdesk knows up to {supported}";
        Damaged => "werkopslag beschadigd ({why}): voer `privdesk repair` uit",
            "working store damaged ({why}): run `privdesk repair`";
        JournalBroken => "journaal onleesbaar op regel {line}: {why}",
            "journal unreadable at line {line}: {why}";
        Disk => "de schijf weigerde: {error}", "the disk refused: {error}";
        ReadOnly => "register alleen-lezen tot herstart: {why}",
            "register read-only until restart: {why}";
        SavedButWorking => "opgeslagen, maar de werkopslag faalde: alleen-lezen tot herstart",
            "saved, but working store failed: read-only until restart";
        UnknownCase => "onbekende zaak {id}", "unknown case {id}";
        BadChange => "ongeldige wijziging: {why}", "invalid change: {why}";
        NotEmpty => "map {path} is niet leeg", "folder {path} is not empty";
        FaultUnparsable => "regel onleesbaar", "line unparsable";
        FaultNoHash => "geen hash aan het eind van de regel", "no hash at the end of the line";
        FaultHash => "hash klopt niet met de regel", "hash does not match the line";
        FaultPrev => "prev klopt niet met de hash van de vorige regel",
            "prev does not match the previous line's hash";
        FaultSeq => "seq {found}, verwacht {expected}", "seq {found}, expected {expected}";
        FaultVersion => "onbekend regelformaat v{version}", "unknown line format v{version}";
        FaultCreation => "eerste regel maakt het register niet aan",
            "first line does not create the register";
        VerifyOk => "journaal in orde: {count} wijzigingen, kop {head}",
            "journal intact: {count} changes, head {head}";
        VerifyFailed => "journaal faalt op regel {line}: {why}", "journal fails at line {line}: {why}";
        Unreadable => "journaal onleesbaar: {error}", "journal unreadable: {error}";
        Exported => "{count} zaken geëxporteerd naar {path}", "{count} cases exported to {path}";
        Repaired => "werkopslag herbouwd: {count} zaken", "working store rebuilt: {count} cases";
        BackedUp => "reservekopie gemaakt in {path}: {count} wijzigingen, {cases} zaken",
            "backup made in {path}: {count} changes, {cases} cases";
        WhyCount => "{found} zaken in de werkopslag, het journaal zegt {expected}",
            "{found} cases in the working store, the journal says {expected}";
        WhyAhead => "werkopslag is verder dan het journaal", "working store is ahead of the journal";
        WhyMissing => "zaakgegevens ontbreken of zijn verouderd achter het overzicht",
            "case record missing or out of date behind its summary";
        WhyOpen => "werkopslag opent niet", "working store does not open";
        WhyPanic => "werkopslag crashte bij openen", "working store crashed while opening";
        WhyIo => "lees- of schrijffout in de werkopslag", "read or write error in the working store";
        WhyReplay => "herhalen van het journaal faalde", "replaying the journal failed";
        WhyRecord => "onleesbaar record in de werkopslag", "unreadable record in the working store";
        WhyIndex => "de verwijzing van een zaak naar het journaal klopt niet",
            "a case's index into the journal is wrong";
        WhyMigration => "bijwerken van de werkopslag naar deze versie faalde",
            "upgrading the working store to this version failed";
        Migrated => "werkopslag bijgewerkt van versie {from} naar {to}; de oude staat bewaard in {path}",
            "working store upgraded from version {from} to {to}; the old one is kept in {path}";
        MigrationFailed => "bijwerken van de werkopslag van versie {from} naar {to} faalde; de oude staat bewaard in {path}",
            "upgrading the working store from version {from} to {to} failed; the old one is kept in {path}";
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn every_store_message_has_both_languages() {
        let all: Vec<_> = StoreMsg::ALL
            .iter()
            .map(|m| (m.text(Lang::Nl), m.text(Lang::En)))
            .collect();
        crate::i18n::check_area(&all);
    }
}
