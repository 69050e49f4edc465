//! Texts of the FG's overview (issue 21).

crate::messages! {
    /// Everything the overview says.
    OverviewMsg {
        Title => "Overzicht", "Overview";
        TileOpen => "open {n}", "open {n}";
        TileLate => "te laat {n}", "late {n}";
        TileSoon => "bijna {n}", "due soon {n}";
        TileWaiting => "wachtend {n}", "waiting {n}";
        TileExtended => "verlengd {n}", "extended {n}";
        TileBreaches => "datalekken 72u lopend {n}", "breaches 72h running {n}";
        TileBreachNext => "eerste {left}", "nearest {left}";
        HandlersOpen => "Open per behandelaar:", "Open per handler:";
        HandlersNone => "geen", "none";
        HandlerUnknown => "(niet vastgelegd)", "(not recorded)";
        HandlersMore => "… en {n} meer", "… and {n} more";
        AtRisk => "Te laat en bijna ({n})", "Late and due soon ({n})";
        AtRiskCut => "Te laat en bijna (de eerste {shown} van {n}; {key} op de lijst toont ze allemaal)",
            "Late and due soon (the first {shown} of {n}; {key} on the list shows them all)";
        NoneAtRisk => "Niets te laat of bijna.", "Nothing late or due soon.";
        ColLevel => "niveau", "level";
        ColCase => "zaak", "case";
        ColKind => "soort", "kind";
        ColDue => "termijn", "deadline";
        ColLeft => "over", "left";
        ColWhy => "waarom", "why";
        DutyAnswer => "antwoord", "reply";
        DutyDestruction => "vernietiging (WGBO)", "destruction (WGBO)";
        DutyNotification => "melding AP", "DPA notification";
        WhyWaiting => "wacht op verzoeker sinds {date}", "waiting for the requester since {date}";
        WhyStep => "open stap: {step}", "open step: {step}";
        WhyReply => "besloten, antwoord niet verstuurd", "decided, reply not sent";
        WhyDuty => "nog niet gedaan", "not done yet";
        Months => "Verzoeken per maand: █ op tijd beantwoord, ░ niet/nog niet", "Requests per month: █ answered on time, ░ not/not yet";
        MonthRow => "{received} ontv. · {on_time} op tijd · {pct}", "{received} recv. · {on_time} on time · {pct}";
        Handling => "Behandelduur in dagen (ontvangst → antwoord)", "Handling time in days (receipt → reply)";
        ColReplies => "antwoorden", "replies";
        ColMedian => "mediaan", "median";
        ColP90 => "p90", "p90";
        Breaches => "Datalekken, laatste 12 maanden", "Data breaches, last 12 months";
        BreachRegistered => "{n} geregistreerd, gemeld bij de AP:", "{n} registered, notified to the DPA:";
        Advice => "FG-advies 12 mnd: {given} gegeven, {followed} gevolgd, {not} niet",
            "DPO advice 12 mo: {given} given, {followed} followed, {not} not";
        BreachNotified => "{in_time} binnen 72 uur · {late} te laat · {not} niet gemeld",
            "{in_time} within 72 hours · {late} late · {not} not notified";
    }
}
