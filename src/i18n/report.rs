//! Texts of the FG's yearly report (`privdesk report`) in Markdown.

crate::messages! {
    /// Everything the yearly report says.
    ReportMsg {
        Title => "Jaarverslag privacyverzoeken en datalekken {year}", "Yearly report on privacy requests and data breaches {year}";
        CountsIn => "Een zaak telt in het jaar waarin zij is ontvangen (een datalek: waarin de organisatie ervan wist). Op tijd: het antwoord is verstuurd op of vóór de wettelijke termijn die gold (verlengd als verlengd; bij een weigering altijd de eerste maand). Behandelduur: kalenderdagen van ontvangst tot antwoord verstuurd.",
            "A case counts in the year it was received (a data breach: in which the organisation became aware). On time: the reply was sent on or before the legal deadline in force (extended if extended; for a refusal always the first month). Handling time: calendar days from receipt to reply sent.";
        Kinds => "Verzoeken per soort", "Requests per kind";
        Kind => "soort", "kind";
        Received => "ontvangen", "received";
        Decided => "besloten", "decided";
        OnTime => "op tijd", "on time";
        Late => "te laat", "late";
        Extended => "verlengd", "extended";
        Refused => "geweigerd", "refused";
        Rejected => "afgewezen", "rejected";
        Partly => "deels", "partly";
        NotAdmissible => "niet ontv.", "not admissible";
        Withdrawn => "ingetrokken", "withdrawn";
        Lapsed => "vervallen", "lapsed";
        Open => "open", "open";
        MeanDays => "gem. dagen", "mean days";
        MedianDays => "mediaan", "median";
        P90Days => "p90", "p90";
        MaxDays => "langst", "longest";
        Destruction => "Vernietiging (WGBO)", "Destruction (WGBO)";
        DestructionRule => "Op tijd: vernietigd in het bronsysteem en bij de verwerkers op of vóór de WGBO-datum (drie maanden na ontvangst). Te laat: daarna, of nog niet gedaan terwijl de datum voorbij is. De bevestiging aan de verzoeker telt hier niet.",
            "On time: destroyed in the source system and at the processors on or before the WGBO date (three months after receipt). Late: after it, or not yet done while the date has passed. The confirmation to the requester does not count here.";
        DestroyedOnTime => "op tijd vernietigd", "destroyed on time";
        DestroyedLate => "te laat vernietigd", "destroyed late";
        Roles => "Verzoekers", "Requesters";
        Relation => "relatie", "relation";
        Count => "aantal", "count";
        Breaches => "Datalekken", "Data breaches";
        Registered => "geregistreerd", "registered";
        NotifiedInTime => "gemeld bij de AP binnen 72 uur", "notified to the AP within 72 hours";
        NotifiedLate => "gemeld bij de AP na 72 uur", "notified to the AP after 72 hours";
        NotNotified => "niet gemeld (met reden)", "not notified (with reasons)";
        Undecided => "nog geen besluit over melden", "no decision on notifying yet";
        SubjectsInformed => "betrokkenen geïnformeerd", "data subjects informed";
        LateByReason => "na 72 uur gemeld, per categorie van de vertraging (indeling van privdesk)",
            "notified after 72 hours, per category of the delay (privdesk's categories)";
        Uncategorised => "niet gecategoriseerd (vastgelegd vóór de categorie bestond)",
            "uncategorised (recorded before the category existed)";
        ByNature => "per aard", "by nature";
        Advice => "Advies van de FG", "The DPO's advice";
        AdviceGiven => "gegeven", "given";
        AdviceFollowed => "opgevolgd", "followed";
        AdviceNotFollowed => "niet opgevolgd (met reden)", "not followed (with reasons)";
        AdviceOpen => "nog niet beantwoord door de behandelaar", "not yet answered by the handler";
        Journal => "Berekend uit het journaal tot en met regel {seq} (hash {hash}) op {at} UTC. Controleer met: privdesk audit verify --expect {seq}:{hash}",
            "Computed from the journal up to line {seq} (hash {hash}) at {at} UTC. Check with: privdesk audit verify --expect {seq}:{hash}";
        BadYear => "Geen geldig jaar: {given} (verwacht bijvoorbeeld 2026).", "Not a valid year: {given} (expected e.g. 2026).";
        BadFormat => "Onbekend formaat: {given} (md, csv of json).", "Unknown format: {given} (md, csv or json).";
    }
}
