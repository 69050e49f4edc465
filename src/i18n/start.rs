//! Messages of starting the app (the TUI or headless): which register, which clock.

crate::messages! {
    /// Why the app could not start.
    StartMsg {
        NowNotDemo => "--now kan alleen op een demoregister (--demo, of headless zonder --db): een echt register houdt de echte tijd",
            "--now only works on a demo register (--demo, or headless without --db): a real register keeps the real time";
        NoTerminal => "privdesk heeft een terminal nodig; om het scherm met een script te besturen: privdesk headless SCRIPT|-",
            "privdesk needs a terminal; to drive the screen by a script: privdesk headless SCRIPT|-";
        Theme => "thema: {message}", "theme: {message}";
        Opening => "register openen… (een grote werkopslag bijwerken of nalopen duurt even)",
            "opening the register… (upgrading or checking a large working store takes a while)";
        NoDbFolder => "de registermap {path} bestaat niet (--db of PRIVDESK_DB); maak de map eerst aan voor een nieuw register, of kijk de naam na",
            "the register folder {path} does not exist (--db or PRIVDESK_DB); create the folder first for a new register, or check the name";
        Terminal => "het scherm kon niet worden gebruikt: {detail}", "the terminal could not be used: {detail}";
    }
}
