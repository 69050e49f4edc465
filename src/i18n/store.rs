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
        BusyBy => "register in gebruik door {user} sinds {since} (proces {pid})",
            "register in use by {user} since {since} (process {pid})";
        LockLost => "het journaal is verwijderd of vervangen terwijl het register open was: niets meer opgeslagen; sluit privdesk en voer `privdesk audit verify` uit",
            "the journal was removed or replaced while the register was open: nothing more is saved; close privdesk and run `privdesk audit verify`";
        Behind => "het journaal is korter dan de werkopslag: {what}. Zet het journaal terug (uit een reservekopie), of geef dit op met `privdesk repair --accept-loss`",
            "the journal is shorter than the working store: {what}. Put the journal back (from a backup), or give this up with `privdesk repair --accept-loss`";
        LossSeqs => "het journaal eindigt bij wijziging {journal}, de werkopslag heeft tot {applied} toegepast; wijzigingen {seqs} ontbreken in het journaal ({wcases} zaken in de werkopslag, {jcases} volgens het journaal; geraakte zaken: {cases}); ze staan nog in {path}",
            "the journal ends at change {journal}, the working store applied up to {applied}; changes {seqs} are missing from the journal ({wcases} cases in the working store, {jcases} according to the journal; cases touched: {cases}); they are still in {path}";
        LossCases => "de werkopslag heeft {wcases} zaken, het journaal {jcases} (geraakte zaken: {cases}); ze staan nog in {path}",
            "the working store holds {wcases} cases, the journal {jcases} (cases touched: {cases}); they are still in {path}";
        AndMore => "en {count} meer", "and {count} more";
        JournalMissing => "het journaal ontbreekt of is leeg naast een werkopslag ({path}): dat is schade, geen nieuw register; zet het journaal terug uit een reservekopie",
            "the journal is missing or empty beside a working store ({path}): that is damage, not a new register; put the journal back from a backup";
        TempExists => "tijdelijk bestand {path} bestaat al: niets geschreven (verwijder het als het van u is)",
            "temporary file {path} already exists: nothing written (remove it if it is yours)";
        SavedButDiskFull => "opgeslagen, maar de schijf is vol: de werkopslag nam de wijziging niet op; maak ruimte en start opnieuw",
            "saved, but the disk is full: the working store did not take the change; make room and start again";
        DiskFull => "de schijf is vol: {error}", "the disk is full: {error}";
        FileTooLarge => "het bestand wordt groter dan de ingestelde limiet (ulimit -f): {error}",
            "the file would grow past the file-size limit (ulimit -f): {error}";
        WhyDiskFull => "de schijf is vol (of de ingestelde limiet voor bestandsgrootte is bereikt)",
            "the disk is full (or the file-size limit was reached)";
        DiskFullRetry => "de schijf is vol (of de ingestelde limiet voor bestandsgrootte is bereikt): maak ruimte en probeer het opnieuw",
            "the disk is full (or the file-size limit was reached): make room and try again";
        NoRegister => "geen register in {path}", "no register in {path}";
        NoDataDir => "geen gegevensmap gevonden: geef --db PATH of PRIVDESK_DB",
            "no data folder found: give --db PATH or PRIVDESK_DB";
        NewerSchema => "register heeft werkopslag-versie {found}, deze privdesk kent tot {supported}",
            "register has working-store version {found}, this privdesk knows up to {supported}";
        Damaged => "werkopslag beschadigd ({why}): voer `privdesk repair` uit",
            "working store damaged ({why}): run `privdesk repair`";
        JournalBroken => "journaal onleesbaar op regel {line}: {why} (is het de laatste regel, dan zet `privdesk repair` die apart)",
            "journal unreadable at line {line}: {why} (if it is the last line, `privdesk repair` sets it aside)";
        Disk => "de schijf weigerde: {error}", "the disk refused: {error}";
        ReadOnly => "register alleen-lezen tot herstart: {why}",
            "register read-only until restart: {why}";
        SavedButWorking => "opgeslagen, maar de werkopslag faalde: alleen-lezen tot herstart",
            "saved, but working store failed: read-only until restart";
        UnknownCase => "onbekende zaak {id}", "unknown case {id}";
        BadChange => "ongeldige wijziging: {why}", "invalid change: {why}";
        Conflict => "{case} is intussen gewijzigd door {user} om {at}: niet opgeslagen; de zaak is opnieuw geladen, kijk de wijziging na",
            "{case} was changed meanwhile by {user} at {at}: not saved; the case was reloaded, review the change";
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
        BadAnchor => "--expect verwacht SEQ:HASH (een volgnummer en 64 hexadecimale tekens): {given}",
            "--expect takes SEQ:HASH (a sequence number and 64 hex digits): {given}";
        VerifyNoJournal => "journaal ontbreekt, maar er is een werkopslag: het register is ingekort tot niets",
            "journal missing, but there is a working store: the register was cut to nothing";
        VerifyEmpty => "journaal is leeg: een register begint altijd met een regel die het aanmaakt",
            "journal is empty: a register always starts with the line that creates it";
        VerifyAnchorMissing => "journaal bevat regel {seq} niet: het eindigt bij {count}",
            "journal lacks line {seq}: it ends at {count}";
        VerifyAnchorHash => "regel {seq} heeft hash {found}, verwacht {expected}: het journaal is herschreven",
            "line {seq} has hash {found}, expected {expected}: the journal was rewritten";
        VerifyAnchorOk => "regel {seq} is de verwachte", "line {seq} is the one expected";
        VerifyCut => "journaal ingekort: de werkopslag heeft tot wijziging {applied} toegepast, het journaal eindigt bij {count}",
            "journal cut: the working store applied up to change {applied}, the journal ends at {count}";
        VerifyRewritten => "regel {seq} is niet de regel die de werkopslag toepaste: het journaal is herschreven",
            "line {seq} is not the line the working store applied: the journal was rewritten";
        VerifyCases => "de werkopslag heeft {found} zaken, het journaal maar {expected}: het journaal mist zaken",
            "the working store holds {found} cases, the journal only {expected}: the journal lacks cases";
        VerifyWorkingMatches => "werkopslag komt overeen: wijziging {applied}, {cases} zaken",
            "working store agrees: change {applied}, {cases} cases";
        VerifyNotCompared => "register in gebruik: werkopslag niet vergeleken",
            "register in use: working store not compared";
        VerifyWorkingUnreadable => "werkopslag onleesbaar: niet vergeleken",
            "working store unreadable: not compared";
        Exported => "{count} zaken geëxporteerd naar {path}", "{count} cases exported to {path}";
        Repaired => "werkopslag herbouwd: {count} zaken", "working store rebuilt: {count} cases";
        RepairBadLine => "de laatste journaalregel was beschadigd of hoorde er niet bij: apart gezet in {path}",
            "the journal's last line was damaged or did not belong: set aside in {path}";
        RepairLost => "opgegeven met --accept-loss: wijzigingen {seqs}, zaken {cases}; de oude werkopslag met deze gegevens staat in {path}, de zaken leesbaar in {records}",
            "given up with --accept-loss: changes {seqs}, cases {cases}; the old working store holding them is in {path}, the cases readable in {records}";
        RepairSetAside => "oude werkopslag bewaard in {path}", "old working store kept in {path}";
        RepairRemoved => "{count} oudere bewaarde werkopslag verwijderd (alleen de laatste blijft)",
            "{count} older kept working store(s) removed (only the last one stays)";
        RepairRecorded => "herstel vastgelegd in het journaal (wijziging {seq})",
            "repair recorded in the journal (change {seq})";
        RepairNotRecorded => "herstel niet vastgelegd in het journaal: het register opende niet",
            "repair not recorded in the journal: the register did not open";
        BackupHead => "kop van de kopie: {head} (controleer later met `privdesk audit verify --expect {head}`)",
            "head of the copy: {head} (check later with `privdesk audit verify --expect {head}`)";
        BackupNotRecorded => "reservekopie niet vastgelegd in het journaal: het register is in gebruik of beschadigd",
            "backup not recorded in the journal: the register is in use or damaged";
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
