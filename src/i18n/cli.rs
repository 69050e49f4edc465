//! Messages of the command line: the `deadline` command, option errors, the usage hint.

crate::messages! {
    /// A message of the command line.
    CliMsg {
        Error => "fout: {message}", "error: {message}";
        UnknownKind => "onbekende soort '{kind}'; kies uit: {kinds}",
            "unknown kind '{kind}'; choose from: {kinds}";
        DateMalformed => "'{value}' is geen datum; verwacht JJJJ-MM-DD",
            "'{value}' is not a date; expected YYYY-MM-DD";
        DateImpossible => "de datum in '{value}' bestaat niet",
            "the date in '{value}' does not exist";
        InstantMalformed => "'{value}' is geen tijdstip; verwacht JJJJ-MM-DDTUU:MM (Amsterdamse tijd), eventueel met :SS en een tijdzone als +02:00 of Z",
            "'{value}' is not an instant; expected YYYY-MM-DDTHH:MM (Amsterdam time), optionally with :SS and an offset such as +02:00 or Z";
        InstantMissingTime => "'{value}' is alleen een datum; een tijdstip is nodig: JJJJ-MM-DDTUU:MM (Amsterdamse tijd)",
            "'{value}' is only a date; an instant is needed: YYYY-MM-DDTHH:MM (Amsterdam time)";
        DatalekNeedsTime => "een datalek loopt in uren: geef het moment van bewustwording als JJJJ-MM-DDTUU:MM (Amsterdamse tijd), niet alleen '{value}'",
            "a datalek runs in hours: give the moment of awareness as YYYY-MM-DDTHH:MM (Amsterdam time), not only '{value}'";
        TimeImpossible => "de tijd in '{value}' bestaat niet",
            "the time of day in '{value}' does not exist";
        OffsetImpossible => "de tijdzone in '{value}' kan niet (van -23:59 tot +23:59)",
            "the offset in '{value}' is out of range (-23:59 to +23:59)";
        NonexistentInAmsterdam => "'{value}' bestaat niet in Amsterdam: de klok springt dan van 02:00 naar 03:00 (zomertijd); geef zo nodig een tijdzone mee, zoals +01:00",
            "'{value}' does not exist in Amsterdam: the clock jumps from 02:00 to 03:00 (summer time); give an offset such as +01:00 if needed";
        NoExtension => "soort {kind} kan niet verlengd worden (--extended)",
            "kind {kind} cannot be extended (--extended)";
        OutOfRange => "'{value}' ligt buiten het bereik van de kalender",
            "'{value}' is outside the calendar's range";
        DestroyBy => "vernietigen uiterlijk {date}", "destroy by {date}";
        NowOption => "--now: {message}", "--now: {message}";
        NoCommand => "privdesk: de werkbank (het scherm) is er nog niet. Nu beschikbaar: privdesk deadline SOORT VAN [--extended]; zie privdesk --help",
            "privdesk: the workbench (the screen) is not there yet. Available now: privdesk deadline KIND FROM [--extended]; see privdesk --help";
    }
}
