//! Texts of form fields: what a field says when its value is refused, and the hints shown
//! beside a field. Shared by every form (new verzoek, checklist answers, datalek).

crate::messages! {
    /// What a form field says about its value.
    FormMsg {
        Required => "verplicht: vul dit in", "required: fill this in";
        TooLong => "vol: hoogstens {max} tekens; de rest is niet ingevoegd",
            "full: at most {max} characters; the rest was not inserted";
        DateForm => "schrijf een datum als JJJJ-MM-DD of D-M-JJJJ (bijvoorbeeld 2026-11-23)",
            "write a date as YYYY-MM-DD or D-M-YYYY (for example 2026-11-23)";
        DateImpossible => "deze datum bestaat niet", "this date does not exist";
        InstantForm => "schrijf datum en tijd als JJJJ-MM-DD UU:MM (bijvoorbeeld 2026-11-23 14:05)",
            "write date and time as YYYY-MM-DD HH:MM (for example 2026-11-23 14:05)";
        NumberForm => "schrijf een heel getal (bijvoorbeeld 40)", "write a whole number (for example 40)";
        TimeImpossible => "deze tijd bestaat niet", "this time does not exist";
        TimeSkipped => "deze tijd bestaat niet in Nederland (de zomertijd begint)",
            "this time does not exist in the Netherlands (summer time starts)";
        InFuture => "ligt in de toekomst (vandaag is {today})", "lies in the future (today is {today})";
        BeforeYear1900 => "ligt vóór 1900: dat kan geen geboortedatum van een kind zijn",
            "lies before 1900: that cannot be a child's date of birth";
        BeforeBirth => "ligt vóór de geboortedatum van het kind", "lies before the child's date of birth";
        AfterReceipt => "ligt na de datum van ontvangst", "lies after the date of receipt";
        ChoiceNone => "kies eerst een antwoord (cijfer, {keys})", "choose an answer first (digit, {keys})";
        ChoiceUnset => "— nog niet gekozen —", "— not chosen yet —";
        DateHint => "JJJJ-MM-DD", "YYYY-MM-DD";
        InstantHint => "JJJJ-MM-DD UU:MM", "YYYY-MM-DD HH:MM";
        RequiredMark => "*", "*";
        // the new-verzoek form
        LabelKind => "Soort verzoek", "Kind of request";
        LabelReceived => "Ontvangen op", "Received on";
        LabelChannel => "Kanaal", "Channel";
        LabelRequester => "Naam verzoeker", "Requester's name";
        LabelRelation => "Relatie tot kind", "Relation to child";
        LabelContact => "Contact", "Contact";
        LabelReply => "Antwoord via", "Answer by";
        ReplyAsChannel => "zoals het verzoek binnenkwam", "the way the request came";
        LabelAddress => "Postadres", "Postal address";
        AddressNeeded => "nodig: het antwoord gaat per post", "needed: the answer goes by post";
        AddressNotNeeded => "alleen invullen als het antwoord per post gaat (privdesk bewaart niet meer dan nodig)",
            "fill in only when the answer goes by post (privdesk keeps no more than it needs)";
        LabelChild => "Naam kind", "Child's name";
        LabelBirth => "Geboortedatum kind", "Child's date of birth";
        LabelNotes => "Notities", "Notes";
        LabelSalutation => "Aanhef brief", "Letter greeting";
        SalutationNeutral => "Geachte heer/mevrouw (neutraal)", "Dear Sir or Madam (neutral)";
        SalutationMevrouw => "mevrouw", "Ms";
        SalutationHeer => "heer", "Mr";
        LabelSurname => "Achternaam aanhef", "Greeting surname";
        SurnameNeeded => "verplicht bij aanhef mevrouw of heer (zoals de verzoeker die schrijft)",
            "required with Ms or Mr (as the requester writes it)";
        SurnameNotNeeded => "alleen invullen bij aanhef mevrouw of heer", "only with Ms or Mr";
        Saved => "Zaak {id} geregistreerd.", "Case {id} registered.";
        NotSaved => "Niet opgeslagen: zie de velden met ⚠.", "Not saved: see the fields marked ⚠.";
        NotSavedWhy => "Niet opgeslagen: {why}", "Not saved: {why}";
        NotWritable => "Kan geen verzoek registreren: {why}", "Cannot register a request: {why}";
        AskDiscard => "Ingevulde gegevens weggooien?", "Throw the typed input away?";
        AskDiscardQuit => "Ingevulde gegevens weggooien en privdesk afsluiten?",
            "Throw the typed input away and quit privdesk?";
    }
}
