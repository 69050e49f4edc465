//! The command line's help (`--help`, the man page, the completions' descriptions), Dutch by
//! default and English with `--lang en`, and clap's own errors where clap lets them be said.

crate::messages! {
    /// A text of the command line's help.
    HelpMsg {
        About => "Zakenregister en werkbank van een JGZ-privacyloket (zonder opdracht: het scherm)",
            "Case register and workbench of a JGZ privacy desk (no command: the screen)";
        Usage => "Gebruik:", "Usage:";
        Options => "Opties", "Options";
        Arguments => "Argumenten", "Arguments";
        Commands => "Opdrachten", "Commands";
        CommandName => "OPDRACHT", "COMMAND";
        OptionsPlaceholder => "[OPTIES]", "[OPTIONS]";
        Help => "Toon deze hulp", "Print this help";
        Version => "Toon de versie", "Print the version";
        HelpCommand => "Toon de hulp bij privdesk of bij een opdracht",
            "Print the help of privdesk or of a command";
        HelpCommandArg => "De opdracht om de hulp van te tonen", "The command to print the help of";
        Db => "De registermap (anders PRIVDESK_DB, anders de datamap van de gebruiker); de map moet bestaan. Een teamregister: postgres://gebruiker@host/database",
            "The register folder (else PRIVDESK_DB, else the user's data folder); the folder must exist. A team's register: postgres://user@host/database";
        Demo => "Een tijdelijk demoregister met verzonnen zaken, weg na afloop",
            "A temporary demo register with fictitious cases, removed afterwards";
        Config => "Het configuratiebestand (anders PRIVDESK_CONFIG, anders privdesk.toml in de configuratiemap)",
            "The configuration file (else PRIVDESK_CONFIG, else privdesk.toml in the config folder)";
        Lang => "De taal: nl of en (anders weergave.taal uit de configuratie, anders nl)",
            "The language: nl or en (else the config's weergave.taal, else nl)";
        Theme => "Het kleurenthema", "The colour theme";
        User => "De naam van de gebruiker in het journaal", "The user's name in the journal";
        Now => "Zet de klok (alleen demoregisters): JJJJ-MM-DDTUU:MM in Amsterdamse tijd, of met tijdzone",
            "Set the clock (demo registers only): YYYY-MM-DDTHH:MM in Amsterdam time, or with an offset";
        Audit => "Controleert het journaal", "Checks the journal";
        AuditVerify => "Controleert de hash-keten van het journaal (geen vergrendeling nodig)",
            "Checks the journal's hash chain (no lock needed)";
        Repair => "Bouwt de werkopslag opnieuw op uit het journaal",
            "Rebuilds the working store from the journal";
        Backup => "Een registermap die --db MAP opent (MAP leeg of nog niet bestaand; geen vergrendeling nodig)",
            "A register folder that --db DIR opens (DIR empty or missing; no lock needed)";
        BackupDir => "De map van de reservekopie", "The backup folder";
        Export => "Exporteert alle zaken", "Exports every case";
        ExportCsv => "Alle zaken als CSV (standaard ; en een UTF-8-BOM)",
            "Every case as CSV (; and a UTF-8 BOM by default)";
        ExportJson => "Alle zaken als JSON, met vaste veldnamen (schema: schema/export.schema.json)",
            "Every case as JSON, stable field names (schema: schema/export.schema.json)";
        ExportBreaches => "Het register van datalekken (AVG 33(5)): elk datalek, gemeld of niet",
            "The breach register (GDPR 33(5)): every datalek, notified or not";
        ExportBreachesCsv => "Als CSV (standaard ; en een UTF-8-BOM)", "As CSV (; and a UTF-8 BOM by default)";
        ExportOut => "Schrijf naar BESTAND (0600, in één keer) in plaats van naar standaarduitvoer",
            "Write to FILE (0600, atomically) instead of standard output";
        Delimiter => "Het scheidingsteken tussen de velden (standaard ;)", "The field separator (default ;)";
        Letter => "Maakt een brief voor een zaak: <ID>-<brief>.docx (of .md, .pdf), overschrijft nooit",
            "Makes a letter for a case: <ID>-<letter>.docx (or .md, .pdf), never overwriting";
        LetterFormat => "md, docx (Word op het briefpapier, de standaard) of pdf (vraagt LibreOffice)",
            "md, docx (Word on the letterhead, the default) or pdf (needs LibreOffice)";
        ValFormat => "FORMAAT", "FORMAT";
        ValYear => "JAAR", "YEAR";
        Report => "Het jaarverslag van de FG: cijfers per soort (ook de vernietiging binnen de WGBO-termijn), verzoekers, datalekken (te late meldingen per categorie) en het advies van de FG, van de zaken ontvangen in JAAR, met de journaalregel waaruit ze komen (wordt in het journaal vastgelegd)",
            "The FG's yearly report: figures per kind (the destruction within the WGBO period too), requesters, data breaches (late notifications by category) and the FG's advice, of the cases received in YEAR, with the journal line they come from (recorded in the journal)";
        ReportYear => "Het jaar van ontvangst", "The year of receipt";
        ReportFormat => "md (de standaard), csv of json (vaste Engelse sleutels, zie de README)",
            "md (the default), csv or json (stable English keys, see the README)";
        LetterId => "Het zaaknummer, V-JJJJ-NNNN", "The case id, V-YYYY-NNNN";
        LetterKind => "De brief: ontvangstbevestiging, verlenging, besluit of aankondiging-opheffing (beperking)",
            "The letter: ontvangstbevestiging, verlenging, besluit or aankondiging-opheffing (restriction)";
        LetterOut => "De map voor de brief (wordt gemaakt); anders brieven.map uit de configuratie, anders <datamap>/brieven/<register>",
            "The folder for the letter (created); else the config's brieven.map, else <data dir>/brieven/<register>";
        Headless => "Bestuur het scherm met een toetsscript (een bestand, of - voor een sessie via een pijp)",
            "Drive the screen by a key script (a file, or - for a pipe session)";
        HeadlessScript => "Het scriptbestand, of - om opdrachten van standaardinvoer te lezen en op elk te antwoorden",
            "The script file, or - to read commands from standard input and reply to each";
        HeadlessSize => "De schermmaat, BxH (standaard 120x35)", "The screen size, WxH (default 120x35)";
        HeadlessJson => "Eén JSON-object per antwoord in plaats van het gewone protocol",
            "One JSON object per reply instead of the plain protocol";
        Deadline => "De wettelijke termijn van een soort zaak, ontvangen (datalek: ontdekt) op VAN",
            "The legal deadline of a case kind received (datalek: become aware) at FROM";
        DeadlineKind => "De soort: inzage, afschrift, rectificatie, eigen-verklaring, vernietiging, beperking, overdraagbaarheid, bezwaar, intrekken-toestemming, datalek",
            "The kind: inzage, afschrift, rectificatie, eigen-verklaring, vernietiging, beperking, overdraagbaarheid, bezwaar, intrekken-toestemming, datalek";
        DeadlineFrom => "JJJJ-MM-DD; voor een datalek JJJJ-MM-DDTUU:MM (Amsterdamse tijd, of met tijdzone)",
            "YYYY-MM-DD; for datalek YYYY-MM-DDTHH:MM (Amsterdam time, or with an offset)";
        DeadlineExtended => "De termijn na een tijdige verlenging (AVG 12(3))",
            "The deadline after a timely extension (GDPR 12(3))";
        Completions => "Drukt de aanvulling (completion) af voor bash, zsh, fish, powershell of elvish",
            "Prints the completions for bash, zsh, fish, powershell or elvish";
        CompletionsShell => "De shell", "The shell";
        Man => "Drukt de handleiding (man-pagina, roff) af", "Prints the manual page (roff)";
        ManName => "NAAM", "NAME";
        ManSynopsis => "OVERZICHT", "SYNOPSIS";
        ManDescription => "BESCHRIJVING", "DESCRIPTION";
        ManCommands => "OPDRACHTEN", "COMMANDS";
        ManVersion => "VERSIE", "VERSION";
        ValPath => "PAD", "PATH";
        ValFile => "BESTAND", "FILE";
        ValName => "NAAM", "NAME";
        ValInstant => "TIJDSTIP", "INSTANT";
        ValDir => "MAP", "DIR";
        ValSize => "BxH", "WxH";
        ValDelimiter => "TEKEN", "DELIMITER";
        ValKind => "SOORT", "KIND";
        ValFrom => "VAN", "FROM";
        ValLetter => "BRIEF", "LETTER";
        ValAnchor => "VOLGNR:HASH", "SEQ:HASH";
        VerifyExpect => "Een eerder genoteerde kop (volgnummer en hash) die het journaal moet bevatten; mag vaker",
            "A head noted earlier (seq and hash) that the journal must contain; may be repeated";
        RepairAcceptLoss => "Geef de wijzigingen en zaken op die de werkopslag verder heeft dan het journaal (ze blijven leesbaar in de apart gezette opslag)",
            "Give up the changes and cases the working store holds beyond the journal (they stay readable in the set-aside store)";
        ManExitCodes => "AFSLUITCODES", "EXIT STATUS";
        ManExit0 => "in orde", "ok";
        ManExit1 => "een controle faalde (een expect van een script, audit verify)",
            "a check failed (a script's expect, audit verify)";
        ManExit2 => "onjuiste invoer of aanroep", "bad input or usage";
        ManExit3 => "het register is in gebruik door een andere privdesk",
            "the register is in use by another privdesk";
        ManExit4 => "de werkopslag is beschadigd (repair aangeraden)",
            "the working store is damaged (repair advised)";
        ManExit5 => "de schijf weigerde (vol, alleen-lezen, IO-fout)",
            "the disk refused (full, read-only, IO error)";
        ManEnvironment => "OMGEVING", "ENVIRONMENT";
        ManEnvDb => "de registermap, als --db ontbreekt", "the register folder, when --db is not given";
        ManEnvConfig => "het configuratiebestand, als --config ontbreekt",
            "the configuration file, when --config is not given";
        ManEnvNoColor => "niet leeg: geen kleuren", "not empty: no colours";
        ManEnvTmpdir => "waar --demo en headless hun tijdelijke register maken (privdesk-<pid>-<n>)",
            "where --demo and headless make their temporary register (privdesk-<pid>-<n>)";
        ManFiles => "BESTANDEN", "FILES";
        ManFileConfig => "de configuratie (privdesk.example.toml beschrijft elke sleutel)",
            "the configuration (privdesk.example.toml documents every key)";
        ManFileRegister => "het register: journal.jsonl (de waarheid, een hash-keten) en sled/ (de werkopslag)",
            "the register: journal.jsonl (the truth, a hash chain) and sled/ (the working store)";
        ManFileLetters => "de brieven per register, als --out en brieven.map ontbreken (0700, bestanden 0600)",
            "the letters per register, when neither --out nor brieven.map is given (0700, files 0600)";
        ManFileTemplates => "eigen briefsjablonen, <brief>.<taal>.md", "own letter templates, <letter>.<lang>.md";
        ErrUnknownArgument => "onbekend argument '{arg}'", "unexpected argument '{arg}'";
        ErrInvalidValue => "ongeldige waarde '{value}' voor '{arg}'", "invalid value '{value}' for '{arg}'";
        ErrMissing => "ontbrekend argument: {arg}", "missing argument: {arg}";
        ErrUnknownCommand => "onbekende opdracht '{arg}'", "unrecognized command '{arg}'";
        ErrConflict => "'{arg}' gaat niet samen met '{other}'", "'{arg}' cannot be used with '{other}'";
        ErrNoValue => "'{arg}' heeft een waarde nodig", "'{arg}' needs a value";
        DbCommand => "Een teamregister op PostgreSQL: aanmaken en verhuizen",
            "A team's register on PostgreSQL: create and move";
        DbInit => "Maakt schema, functie en rollen van een register in een PostgreSQL-database (herhaalbaar; schrijft geen journaalregel)",
            "Creates a register's schema, function and roles in a PostgreSQL database (repeatable; writes no journal line)";
        DbInitUrl => "De database: postgres://beheerder@host:poort/database", "The database: postgres://admin@host:port/database";
        DbRolePrefix => "Het voorvoegsel van de rollen (owner, handler, fg), voor een tweede register op hetzelfde cluster",
            "The roles' prefix (owner, handler, fg), for a second register on the same cluster";
        DbMigrate => "Verhuist een lokaal register byte voor byte naar een leeg PostgreSQL-register; het lokale wordt alleen-lezen",
            "Moves a local register byte for byte into an empty PostgreSQL register; the local one becomes read-only";
        DbMigrateFrom => "De lokale registermap", "The local register folder";
        DbMigrateTo => "Het PostgreSQL-register: postgres://beheerder@host:poort/database",
            "The PostgreSQL register: postgres://admin@host:port/database";
        ValUrl => "URL", "URL";
        ValPrefix => "VOORVOEGSEL", "PREFIX";
        ErrTryHelp => "Zie '{command} --help' voor meer.", "For more information, try '{command} --help'.";
    }
}
