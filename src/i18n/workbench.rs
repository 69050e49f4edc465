//! The checklist workbench's texts: the screen, its prompts and fields, and what the status
//! line says after a change (issue 8). Step questions and option labels are in `checklist`.

crate::messages! {
    /// Everything the checklist screen says.
    WorkMsg {
        // the screen
        Title => "Checklist {id}", "Checklist {id}";
        Progress => "{done} van {total} verplichte stappen beantwoord",
            "{done} of {total} required steps answered";
        PhaseIntake => "Intake", "Intake";
        PhaseBeoordeling => "Beoordeling", "Assessment";
        PhaseDatalek => "Datalek", "Breach";
        Unanswered => "—", "—";
        Optional => "(optioneel)", "(optional)";
        AnswerBy => "{by}, {at}", "{by}, {at}";
        Party => "{requester} ({relation}) voor {child}, {age} jaar", "{requester} ({relation}) for {child}, aged {age}";
        Received => "ontvangen {date}", "received {date}";
        Authority => "Bevoegdheid: {outcome}", "Authority: {outcome}";
        AuthorityToNietOntvankelijk => "→ {key}: besluit niet ontvankelijk, met deze reden ingevuld",
            "→ {key}: decide inadmissible, with this reason filled in";
        AuthorityToAfgewezen => "→ {key}: besluit afgewezen, met deze reden ingevuld",
            "→ {key}: decide refused, with this reason filled in";
        Regime => "dossierregime: {regime}", "dossier regime: {regime}";
        Waiting => "Wacht sinds {since} op: {awaiting} — de wettelijke termijn loopt door",
            "Waiting since {since} for: {awaiting} — the legal deadline keeps running";
        Extension => "Verlengd ({ground}); bericht verstuurd {date}: {explanation}",
            "Extended ({ground}); notice sent {date}: {explanation}";
        Decision => "Besluit: {decision} ({date}, {by})", "Decision: {decision} ({date}, {by})";
        DecisionReason => "  afweging (dossier): {reason}", "  reasoning (file): {reason}";
        DecisionExplanation => "  toelichting in de brief: {explanation}", "  explanation in the letter: {explanation}";
        DecisionNoExplanation => "  toelichting in de brief: geen (vastgelegd vóór privdesk erom vroeg; leg het besluit opnieuw vast vóór de brief)",
            "  explanation in the letter: none (recorded before privdesk asked; record the decision again before the letter)";
        DecisionKept => "  bewaard: {kept}", "  kept: {kept}";
        ReplySentOn => "Antwoord verstuurd: {date}", "Reply sent: {date}";
        DestroyedOn => "Vernietiging bevestigd: {date}", "Destruction confirmed: {date}";
        DestroyedInSourceOn => "Vernietigd in het bronsysteem: {date}", "Destroyed in the source system: {date}";
        DestroyedAtProcessorsOn => "Vernietigd bij verwerkers: {date}", "Destroyed at the processors: {date}";
        DestructionConfirmationSentOn => "Bevestiging vernietiging verstuurd: {date} (niet de WGBO-plicht)", "Destruction confirmation sent: {date} (not the WGBO duty)";
        DestroyedLate => "Let op: vernietigd na de WGBO-datum {date}: te laat (WGBO 7:455)", "Note: destroyed after the WGBO date {date}: late (WGBO 7:455)";
        DisputeOpen => "Geëscaleerd op {date} naar {to} (geschil tussen ouders met gezag): geen besluit tot de escalatie is opgelost ({key}); de termijn loopt door, verlengen kan", "Escalated on {date} to {to} (dispute between parents with gezag): no decision until resolved ({key}); the deadline keeps running, extending is possible";
        DisputeResolvedOn => "Escalatie opgelost op {date}: {how}", "Escalation resolved on {date}: {how}";
        RestrictionInForce => "Beperking van kracht (opheffen: {key}, eerst de verzoeker informeren, AVG 18(3))", "Restriction in force (lift: {key}, tell the requester first, GDPR 18(3))";
        LiftAnnouncedOn => "Verzoeker geïnformeerd vóór opheffing: {date}", "Requester told before lifting: {date}";
        RestrictionLiftedOn => "Beperking opgeheven: {date}", "Restriction lifted: {date}";
        Recipients => "Ontvangers (AVG 19):", "Recipients (GDPR 19):";
        RecipientOpen => "open", "open";
        RecipientTold => "geïnformeerd {date}", "told {date}";
        RecipientImpossible => "onmogelijk: {reason}", "impossible: {reason}";
        NoRecipientsYet => "Ontvangers (AVG 19): nog geen ({key}: toevoegen)",
            "Recipients (GDPR 19): none yet ({key}: add)";
        ClosedOn => "Gesloten op {date}", "Closed on {date}";
        WithdrawnOn => "Ingetrokken op {date} ({how})", "Withdrawn on {date} ({how})";
        VoidBecause => "Vervallen: {reason}", "Void: {reason}";
        ReopenedBecause => "Heropend ({n}×): {reason}", "Reopened ({n}×): {reason}";
        MayClose => "Sluiten kan ({key}).", "The case can be closed ({key}).";
        MayNotClose => "Sluiten kan nog niet: {why}", "Cannot close yet: {why}";
        MayDecide => "Besluiten kan ({key}): {decisions}", "A decision can be recorded ({key}): {decisions}";
        LateRefusalStanding => "Let op: een weigering moet uiterlijk {date} bij de verzoeker zijn (AVG 12(4)); verlenging verschuift dat niet",
            "Note: a refusal must reach the requester by {date} (GDPR 12(4)); an extension does not move that";
        // the prompts
        PromptAnswer => "Antwoord", "Answer";
        PromptWaitStart => "Wachten op de verzoeker", "Wait for the requester";
        PromptWaitEnd => "Wachten beëindigen", "End the wait";
        PromptExtend => "Termijn verlengen (AVG 12(3))", "Extend the period (GDPR 12(3))";
        PromptDecide => "Besluit", "Decision";
        PromptReplySent => "Antwoord verstuurd", "Reply sent";
        PromptDestroyed => "Vernietiging vastleggen", "Record the destruction";
        PromptDisputeEscalate => "Geschil tussen ouders met gezag escaleren", "Escalate a dispute between parents with gezag";
        PromptDisputeResolve => "Escalatie opgelost", "Escalation resolved";
        PromptLift => "Beperking opheffen (AVG 18(3))", "Lift the restriction (GDPR 18(3))";
        FieldDestructionPart => "Wat", "What";
        FieldEscalatedTo => "Geëscaleerd naar (wie beslist)", "Escalated to (who decides)";
        FieldResolvedHow => "Hoe opgelost", "How resolved";
        FieldLiftStep => "Stap", "Step";
        PartBronsysteem => "vernietigd in het bronsysteem", "destroyed in the source system";
        PartVerwerkers => "vernietigd bij verwerkers", "destroyed at the processors";
        PartBevestiging => "bevestiging verstuurd", "confirmation sent";
        LiftAnnounce => "verzoeker geïnformeerd vóór opheffing", "requester told before lifting";
        LiftDo => "beperking opgeheven", "restriction lifted";
        PromptAddRecipient => "Ontvanger toevoegen (AVG 19)", "Add a recipient (GDPR 19)";
        PromptRecipientTold => "Ontvanger geïnformeerd", "Recipient told";
        PromptRecipientImpossible => "Ontvanger informeren onmogelijk", "Telling the recipient impossible";
        PromptClose => "Zaak sluiten", "Close the case";
        PromptWithdraw => "Ingetrokken door de verzoeker", "Withdrawn by the requester";
        PromptVoid => "Vervallen (ten onrechte geregistreerd; er wordt niets gewist)",
            "Void (registered by mistake; nothing is deleted)";
        PromptReopen => "Zaak heropenen", "Reopen the case";
        PromptLetter => "Brief maken", "Make a letter";
        FieldOn => "Datum (JJJJ-MM-DD)", "Date (YYYY-MM-DD)";
        FieldSince => "Sinds (JJJJ-MM-DD)", "Since (YYYY-MM-DD)";
        FieldAwaiting => "Waarop wordt gewacht", "What is awaited";
        FieldWaitNote => "Wat kwam er binnen, of waarom stopt het wachten", "What arrived, or why the wait stops";
        FieldGround => "Grond", "Ground";
        FieldExplanation => "Toelichting aan de verzoeker", "Reasons as told to the requester";
        FieldNoticeSent => "Bericht verstuurd op (JJJJ-MM-DD)", "Notice sent on (YYYY-MM-DD)";
        FieldDecision => "Besluit", "Decision";
        FieldReason => "Reden", "Reason";
        FieldKept => "Wat verder bewaard blijft (in zinnen, voor de brief)", "What else is kept (in sentences, for the letter)";
        FieldReasoning => "Afweging (blijft in het dossier)", "Reasoning (stays in the file)";
        FieldLetterExplanation => "Toelichting in de brief", "Explanation in the letter";
        NeutralGroundWhy => "Signalen van kindermishandeling of huiselijk geweld (KNMG-meldcode): de brief noemt ze niet en geeft de neutrale grond; de afweging blijft in het dossier.",
            "Signals of child abuse or domestic violence (KNMG-meldcode): the letter does not name them and gives the neutral ground; the reasoning stays in the file.";
        FieldRecipient => "Ontvanger", "Recipient";
        FieldHow => "Hoe (telefoon, e-mail, brief)", "How (phone, e-mail, letter)";
        FieldLetter => "Brief", "Letter";
        LetterOntvangst => "ontvangstbevestiging", "acknowledgement of receipt";
        LetterVerlenging => "verlenging", "extension notice";
        LetterBesluit => "besluit", "decision";
        LetterAankondigingOpheffing => "aankondiging opheffing beperking (AVG 18(3))", "announcement of lifting the restriction (GDPR 18(3))";
        OptionalLeftEmpty => "Optioneel en leeg gelaten: niets vastgelegd.", "Optional and left empty: nothing recorded.";
        UnderReview => "Ter beoordeling sinds {date}: {what} — een nieuw besluit ({key}) beëindigt dit",
            "Flagged for review since {date}: {what} — a new decision ({key}) ends it";
        PromptCorrectWhich => "Welk geregistreerd gegeven corrigeren?", "Which registered fact to correct?";
        PromptCorrect => "Corrigeren: {field}", "Correct: {field}";
        FieldFact => "Gegeven", "Fact";
        FieldNewValue => "Nieuwe waarde (nu: {now})", "New value (now: {now})";
        FieldCorrectionReason => "Reden van de correctie", "Reason for the correction";
        AskCorrection => "Toch corrigeren? Het besluit blijft staan en de zaak komt ter beoordeling.",
            "Correct anyway? The decision is kept and the case is flagged for review.";
        CorrectionConflictsAsk => "Deze correctie maakt wat is vastgelegd onrechtmatig — {yes}: toch vastleggen (ter beoordeling), {no}: terug naar de correctie",
            "This correction makes what was recorded unlawful — {yes}: record anyway (flagged for review), {no}: back to the correction";
        CorrectionMakes => "Deze correctie maakt wat is vastgelegd onrechtmatig:", "This correction makes what was recorded unlawful:";
        DoneCorrect => "Gecorrigeerd; termijnen, bevoegdheid en lijst opnieuw berekend.",
            "Corrected; deadlines, authority and list recomputed.";
        DoneCorrectMoved => "Gecorrigeerd; de termijn is verschoven (de FG ziet deze correctie in het overzicht).",
            "Corrected; the deadline moved (the FG sees this correction in the overview).";
        DoneCorrectReview => "Gecorrigeerd; het besluit blijft staan en de zaak staat ter beoordeling.",
            "Corrected; the decision is kept and the case is flagged for review.";
        PromptNote => "Notitie bij de zaak", "Note on the case";
        FieldNote => "Notitie", "Note";
        DoneNote => "Notitie vastgelegd.", "Note recorded.";
        RecipientKeys => "{told}: geïnformeerd · {impossible}: onmogelijk", "{told}: told · {impossible}: impossible";
        DestroyPending => "Vernietiging nog niet bevestigd — {key}: bevestigen (binnen drie maanden, WGBO 7:455)",
            "Destruction not yet confirmed — {key}: confirm (within three months, WGBO 7:455)";
        ReopenKey => "{key}: heropenen", "{key}: reopen";
        // the status line
        NothingSelected => "Geen zaak geselecteerd.", "No case selected.";
        NoCase => "Zaak {id} niet gevonden.", "Case {id} not found.";
        NotYesNo => "Deze stap is geen ja/nee-vraag: {key} om te antwoorden.",
            "This step is not a yes/no question: {key} to answer.";
        NoExtensionForKind => "Verlengen kan niet bij intrekken toestemming: die werkt meteen (AVG 7(3)); AVG 12(3) geldt alleen voor art. 15–22.",
            "No extension for a withdrawal of consent: it takes effect at once (GDPR 7(3)); 12(3) covers arts. 15–22 only.";
        NoRecipients => "Nog geen ontvangers: {key} voegt er een toe.", "No recipients yet: {key} adds one.";
        BadField => "{field}: {why}", "{field}: {why}";
        DoneAnswer => "Antwoord vastgelegd.", "Answer recorded.";
        DoneWaitStart => "Wachten vastgelegd; de wettelijke termijn loopt door.",
            "Waiting recorded; the legal deadline keeps running.";
        DoneWaitEnd => "Wachten beëindigd.", "Wait ended.";
        DoneExtend => "Verlenging vastgelegd; de nieuwe termijn staat in de lijst.",
            "Extension recorded; the list shows the new deadline.";
        DoneDecide => "Besluit vastgelegd.", "Decision recorded.";
        DoneReplySent => "Verzending van het antwoord vastgelegd.", "Reply recorded as sent.";
        DraftRestored => "De eerder getypte tekst van het besluit staat er weer.", "The decision's text typed before is back.";
        AnswerUnchanged => "Zelfde antwoord: niets vastgelegd.", "Same answer: nothing recorded.";
        DoneDestroyed => "Vernietiging vastgelegd.", "Destruction recorded.";
        DoneDispute => "Geschil vastgelegd.", "Dispute recorded.";
        DoneLift => "Beperking vastgelegd.", "Restriction recorded.";
        DoneAddRecipient => "Ontvanger toegevoegd.", "Recipient added.";
        DoneRecipient => "Ontvanger bijgewerkt.", "Recipient updated.";
        DoneClose => "Zaak gesloten.", "Case closed.";
        DoneWithdraw => "Zaak ingetrokken; er is niets gewist.", "Case withdrawn; nothing was deleted.";
        DoneVoid => "Zaak vervallen; zij blijft in het register en het journaal.",
            "Case void; it stays in the register and the journal.";
        DoneReopen => "Zaak heropend.", "Case reopened.";
        LateRefusal => "Let op: deze weigering had uiterlijk {date} bij de verzoeker moeten zijn (AVG 12(4)).",
            "Note: this refusal should have reached the requester by {date} (GDPR 12(4)).";
        LetterMade => "Brief gemaakt: {path}", "Letter made: {path}";
        LetterRefused => "Geen brief gemaakt: {why}", "No letter made: {why}";
        LetterNotRecorded => "Geen brief gemaakt: het journaal kon hem niet vastleggen ({why}).",
            "No letter made: the journal could not record it ({why}).";
    }
}
