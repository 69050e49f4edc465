//! The screens' texts: the list, the detail, the help, the footer and the status line.

crate::messages! {
    /// Everything the TUI screens say.
    UiMsg {
        // the list
        Title => "privdesk — zaken", "privdesk — cases";
        Demo => " DEMO ", " DEMO ";
        CountOpen => "open {n}", "open {n}";
        CountBijna => "bijna {n}", "due soon {n}";
        CountTeLaat => "te laat {n}", "late {n}";
        CountWachtend => "wachtend {n}", "waiting {n}";
        FilterKind => "soort: {value}", "kind: {value}";
        FilterStatus => "status: {value}", "status: {value}";
        FilterSearch => "zoek: {value}", "search: {value}";
        FoundById => "(op zaaknummer gevonden buiten het statusfilter)", "(found by case number outside the status filter)";
        FilterShown => "{shown} van {total}", "{shown} of {total}";
        AllKinds => "alle", "all";
        StatusActief => "actief", "active";
        StatusAlle => "alle", "all";
        ColId => "Zaak", "Case";
        ColKind => "Soort", "Kind";
        ColParty => "Verzoeker / melder", "Requester / reporter";
        ColStatus => "Status", "Status";
        ColDeadline => "Wettelijke termijn", "Legal deadline";
        ColLeft => "Over", "Left";
        Days => "{n}d", "{n}d";
        HoursMinutes => "{h}u{m}", "{h}h{m}";
        NoDeadline => "—", "—";
        EmptyRegister => "Nog geen zaken in dit register.", "No cases in this register yet.";
        NoMatch => "Geen zaken bij deze zoekopdracht en filters ({key} wist ze).",
            "No cases match this search and these filters ({key} clears them).";
        FootNewLine => "nieuwe regel", "new line";
        FootToggle => "aan/uit", "on/off";
        TagRestriction => "[beperking van kracht]", "[restriction in force]";
        TagReview => "[ter beoordeling]", "[flagged for review]";
        TagAwaitingApproval => "[wacht op goedkeuring]", "[awaiting approval]";
        ColHandler => "Behandelaar", "Handler";
        FilterHandler => "Behandelaar: {value}", "Handler: {value}";
        MarkLate => "!!", "!!";
        MarkSoon => "! ", "! ";
        // the detail
        DetailTitle => "Zaak {id}", "Case {id}";
        FieldKind => "Soort", "Kind";
        FieldStatus => "Status", "Status";
        FieldRequester => "Verzoeker", "Requester";
        FieldReporter => "Gemeld door", "Reported by";
        FieldChild => "Kind", "Child";
        FieldReceived => "Ontvangen", "Received";
        FieldAware => "Bekend sinds", "Aware since";
        FieldAnswerDue => "Antwoord uiterlijk", "Answer due";
        FieldDestructionDue => "Vernietigen uiterlijk", "Destroy by";
        FieldBreachDue => "Melden AP uiterlijk", "Notify AP by";
        Extended => "verlengd", "extended";
        LevelVoldaan => "voldaan", "met";
        LevelOpTijd => "op tijd", "on time";
        LevelBijna => "bijna", "due soon";
        LevelTeLaat => "te laat", "late";
        MetLateDays => "te laat voldaan ({n} dagen na de termijn)", "met late ({n} days after the deadline)";
        MetLateDay => "te laat voldaan (1 dag na de termijn)", "met late (1 day after the deadline)";
        MetLateTime => "te laat voldaan ({h}u{m} na de termijn)", "met late ({h}h{m} after the deadline)";
        DaysLeft => "nog {n} dagen", "{n} days left";
        DayLeft => "nog 1 dag", "1 day left";
        DaysLate => "{n} dagen over tijd", "{n} days overdue";
        DayLate => "1 dag over tijd", "1 day overdue";
        Today => "vandaag", "today";
        TimeLeft => "nog {h}u{m}", "{h}h{m} left";
        TimeLate => "{h}u{m} over tijd", "{h}h{m} overdue";
        DetailLater => "De volledige zaak (checklist, besluit, brieven) volgt.",
            "The full case (checklist, decision, letters) comes later.";
        // the help and the footer
        HelpTitle => "Toetsen", "Keys";
        ModeList => "Zakenlijst", "Case list";
        ModeSearch => "Zoeken (letters zijn tekst)", "Search (letters are text)";
        ModeDetail => "Zaak", "Case";
        ModeHelp => "Deze hulp", "This help";
        ModeApForm => "AP-meldformulier", "DPA notification form";
        ModeBreaches => "Datalekkenregister", "Breach register";
        HelpBreaches => "datalekkenregister (AVG 33(5))", "breach register (GDPR 33(5))";
        HelpApForm => "AP-meldformulier van het datalek", "the breach's DPA notification form";
        HelpPrevBreach => "vorig datalek", "previous breach";
        HelpNextBreach => "volgend datalek", "next breach";
        FootBreaches => "datalekken", "breaches";
        FootApForm => "AP-formulier", "DPA form";
        HelpNewBreach => "nieuw datalek registreren (de 72 uur lopen)", "register a new breach (the 72 hours run)";
        FootNewBreach => "datalek", "breach";
        HelpUp => "vorige zaak", "previous case";
        HelpDown => "volgende zaak", "next case";
        HelpPageUp => "een pagina omhoog", "one page up";
        HelpPageDown => "een pagina omlaag", "one page down";
        HelpTop => "eerste zaak", "first case";
        HelpBottom => "laatste zaak", "last case";
        HelpOpen => "zaak openen", "open the case";
        HelpSearch => "zoeken op zaak, verzoeker of kind", "search by case, requester or child";
        HelpNextKind => "volgende soort tonen", "show the next kind";
        HelpPrevKind => "vorige soort tonen", "show the previous kind";
        HelpOnlyBreaches => "alleen datalekken tonen (aan/uit)", "show only data breaches (on/off)";
        HelpNextStatus => "volgende status tonen (actief, alle, ...)", "show the next status (active, all, ...)";
        HelpPrevStatus => "vorige status tonen", "show the previous status";
        HelpNextHandler => "behandelaar: alle/mijn/wacht/per naam", "handler: all/mine/awaiting/by name";
        HelpPrevHandler => "vorige behandelaar tonen", "show the previous handler";
        HelpReassign => "behandelaar wijzigen", "change the handler";
        HelpApprove => "voorstel goedkeuren of terugsturen (vier ogen)", "approve or send back a proposal (four eyes)";
        HelpAdvise => "advies van de FG vastleggen", "record the DPO's advice";
        HelpAnswerAdvice => "vastleggen of het advies van de FG is opgevolgd", "record whether the DPO's advice was followed";
        HelpClear => "zoekopdracht en filters wissen", "clear the search and the filters";
        HelpHelp => "deze hulp", "this help";
        HelpQuit => "privdesk afsluiten", "quit privdesk";
        HelpSearchDone => "zoeken klaar, resultaat houden", "done searching, keep the result";
        HelpSearchCancel => "zoeken stoppen en wissen", "stop searching and clear";
        HelpSearchBackspace => "laatste teken wissen", "delete the last character";
        HelpPrevCase => "vorige zaak openen", "open the previous case";
        HelpNextCase => "volgende zaak openen", "open the next case";
        HelpLineUp => "een regel omhoog", "one line up";
        HelpLineDown => "een regel omlaag", "one line down";
        HelpBack => "terug", "back";
        HelpScrollUp => "omhoog", "scroll up";
        HelpScrollDown => "omlaag", "scroll down";
        FootMove => "bewegen", "move";
        FootOpen => "openen", "open";
        FootSearch => "zoeken", "search";
        FootKind => "soort", "kind";
        FootStatus => "status", "status";
        FootHelp => "hulp", "help";
        FootQuit => "stoppen", "quit";
        FootSearchDone => "klaar", "done";
        FootSearchCancel => "wissen", "clear";
        FootNextCase => "volgende", "next";
        FootBack => "terug", "back";
        FootScroll => "scrollen", "scroll";
        // the checklist (issue 8)
        ModeChecklist => "Checklist", "Checklist";
        ModePrompt => "Invulregel (letters zijn tekst)", "Prompt (letters are text)";
        HelpChecklist => "checklist van de zaak", "the case's checklist";
        HelpPrevStep => "vorige stap", "previous step";
        HelpNextStep => "volgende stap", "next step";
        HelpAnswerYes => "ja (ook bij een ja/nee-keuze)", "yes (also a yes/no choice)";
        HelpAnswerNo => "nee", "no";
        HelpAnswer => "stap beantwoorden (keuze, datum, tekst, getal)", "answer the step (choice, date, text, number)";
        HelpWait => "wachten op de verzoeker starten of beëindigen", "start or end waiting for the requester";
        HelpExtend => "termijn verlengen (AVG 12(3))", "extend the period (GDPR 12(3))";
        HelpDecide => "besluit vastleggen", "record the decision";
        HelpReplySent => "antwoord verstuurd op", "reply sent on";
        HelpDestroyed => "vernietiging vastleggen (bronsysteem, verwerkers, bevestiging)", "record the destruction (source system, processors, confirmation)";
        HelpAddRecipient => "ontvanger toevoegen (AVG 19)", "add a recipient (GDPR 19)";
        HelpRecipientTold => "ontvanger geïnformeerd op", "recipient told on";
        HelpRecipientImpossible => "ontvanger informeren onmogelijk (met reden)", "telling a recipient impossible (with reason)";
        HelpClose => "zaak sluiten", "close the case";
        HelpWithdraw => "ingetrokken door de verzoeker", "withdrawn by the requester";
        HelpVoid => "vervallen (ten onrechte geregistreerd)", "void (registered by mistake)";
        HelpReopen => "gesloten zaak heropenen", "reopen a closed case";
        HelpDispute => "geschil tussen ouders met gezag escaleren / als opgelost vastleggen", "escalate a dispute between parents with gezag / record it resolved";
        HelpLift => "beperking: opheffing aankondigen / opheffen (AVG 18(3))", "restriction: announce the lifting / lift it (GDPR 18(3))";
        HelpLetter => "brief maken (ontvangst, verlenging, besluit)", "make a letter (receipt, extension, decision)";
        HelpCorrect => "gegeven corrigeren (met reden)", "correct a registered fact (with a reason)";
        HelpNote => "notitie toevoegen (ook bij een gesloten zaak)", "add a note (also on a closed case)";
        HelpPromptNext => "volgend veld; op het laatste: vastleggen", "next field; on the last: record";
        HelpPromptPrev => "vorig veld", "previous field";
        HelpPromptCancel => "annuleren, niets vastleggen", "cancel, record nothing";
        HelpChoiceUp => "vorige keuze", "previous option";
        HelpChoiceDown => "volgende keuze", "next option";
        FootChecklist => "checklist", "checklist";
        FootYes => "ja", "yes";
        FootNo => "nee", "no";
        FootAnswer => "antwoord", "answer";
        FootWait => "wachten", "wait";
        FootExtend => "verlengen", "extend";
        FootDecide => "besluit", "decide";
        FootReplySent => "verstuurd", "sent";
        FootClose => "sluiten", "close";
        FootLetter => "brief", "letter";
        FootCorrect => "corrigeren", "correct";
        FootNote => "notitie", "note";
        FootPromptNext => "verder", "next";
        FootPromptRecord => "vastleggen", "record";
        FootPromptPrev => "terug", "back";
        FootPromptCancel => "annuleren", "cancel";
        FootChoose => "kiezen", "choose";
        // the new-verzoek form and its question
        NewRequestTitle => "Nieuw verzoek", "New request";
        ModeForm => "Formulier (letters zijn tekst)", "Form (letters are text)";
        ModeConfirm => "Vraag", "Question";
        HelpNewRequest => "nieuw verzoek registreren", "register a new request";
        HelpNextField => "volgend veld", "next field";
        HelpPrevField => "vorig veld", "previous field";
        HelpSave => "opslaan", "save";
        HelpCancelForm => "annuleren (vraagt eerst als er iets is ingevuld)", "cancel (asks first if anything was typed)";
        HelpYes => "ja", "yes";
        HelpNo => "nee, terug", "no, go back";
        HelpScrollTop => "naar boven", "to the top";
        HelpScrollBottom => "naar beneden", "to the bottom";
        FootNew => "nieuw", "new";
        FootNextField => "volgend veld", "next field";
        FootPrevField => "vorig veld", "previous field";
        FootSave => "opslaan", "save";
        FootCancel => "annuleren", "cancel";
        // a terminal too small for the layout
        TooSmall => "Maak het venster groter", "Make the window larger";
        TooSmallSize => "minstens {minw}×{minh}, nu {w}×{h}", "at least {minw}×{minh}, now {w}×{h}";
        // the status line
        NothingSelected => "Geen zaak geselecteerd.", "No case selected.";
        ClockNotOnReal => "De klok is alleen in te stellen op een demoregister.",
            "The clock can only be set on a demo register.";
        NotRecorded => "Zaak niet geopend: het inzien kon niet worden vastgelegd ({why}).",
            "Case not opened: the reading could not be recorded ({why}).";
        DiskFullBanner => "de schijf is vol: alleen-lezen; maak ruimte en start opnieuw",
            "the disk is full: read-only; make room and start again";
        Damaged => "werkopslag beschadigd: voer `privdesk repair` uit (alleen-lezen)",
            "working store damaged: run `privdesk repair` (read-only)";
        ReadOnlyBanner => "alleen-lezen tot een herstart", "read-only until a restart";
        JournalBroken => "journaal beschadigd vanaf regel {line}: meld het de FG (privdesk audit verify)",
            "journal damaged from line {line}: tell the FG (privdesk audit verify)";
        JournalUnreadable => "journaal niet te controleren: meld het de FG (privdesk audit verify)",
            "journal cannot be checked: tell the FG (privdesk audit verify)";
    }
}
