//! A team's way of working (issue 22): the behandelaar, vier ogen and the FG's advice.

use super::Lang;
use crate::domain::case::Subject;
use crate::messages;

messages! {
    /// Messages of the behandelaar, vier ogen and the FG's advice.
    TeamMsg {
        SubjectBesluit => "het besluit", "the decision";
        SubjectVerlenging => "de verlenging", "the extension";
        SubjectNietMelden => "niet melden bij de AP", "not notifying the AP";
        EvHandler => "behandelaar wordt {name}", "handler becomes {name}";
        EvProposed => "{what} voorgesteld (vier ogen)", "{what} proposed (four eyes)";
        EvApproved => "{what} goedgekeurd (vier ogen)", "{what} approved (four eyes)";
        EvApprovedUnverified => "{what} goedgekeurd (vier ogen, niet geverifieerd)",
            "{what} approved (four eyes, not verified)";
        EvSentBack => "{what} teruggestuurd: {why}", "{what} sent back: {why}";
        EvAdvice => "advies FG ({date}): {text}", "DPO's advice ({date}): {text}";
        EvAdviceFollowed => "advies FG opgevolgd", "DPO's advice followed";
        EvAdviceNotFollowed => "advies FG niet opgevolgd: {why}", "DPO's advice not followed: {why}";
        Handler => "Behandelaar", "Handler";
        Awaiting => "{what} wacht op goedkeuring door een tweede behandelaar (voorgesteld door {by}); de termijn loopt door",
            "{what} awaits approval by a second handler (proposed by {by}); the deadline keeps running";
        ApprovedBy => "{what} goedgekeurd door {by} op {date}", "{what} approved by {by} on {date}";
        ApprovedUnverified => "{what} goedgekeurd door {by} op {date} (niet geverifieerd)",
            "{what} approved by {by} on {date} (not verified)";
        SentBackBy => "{what} teruggestuurd door {by}: {why}", "{what} sent back by {by}: {why}";
        AdviceLine => "Advies FG {date} ({by}): {text}", "DPO's advice {date} ({by}): {text}";
        AdviceOpen => "  nog niet beantwoord door de behandelaar", "  not yet answered by the handler";
        AdviceFollowed => "  opgevolgd", "  followed";
        AdviceNotFollowed => "  niet opgevolgd: {why}", "  not followed: {why}";
        PromptReassign => "Behandelaar wijzigen", "Change handler";
        FieldHandler => "Nieuwe behandelaar", "New handler";
        PromptApprove => "Goedkeuren of terugsturen (vier ogen)", "Approve or send back (four eyes)";
        FieldWhat => "Wat", "What";
        FieldVerdict => "Oordeel", "Verdict";
        VerdictApprove => "goedkeuren", "approve";
        VerdictSendBack => "terugsturen", "send back";
        FieldWhy => "Reden (bij terugsturen)", "Reason (when sending back)";
        PromptAdvice => "Advies FG", "DPO's advice";
        FieldAdvice => "Advies", "Advice";
        FieldAdviceDate => "Datum advies", "Date of the advice";
        PromptAdviceAnswer => "Advies FG opgevolgd?", "DPO's advice followed?";
        FieldFollowed => "Opgevolgd", "Followed";
        Yes => "ja", "yes";
        No => "nee", "no";
        FieldWhyNot => "Waarom niet", "Why not";
        NothingAwaits => "niets op deze zaak wacht op goedkeuring", "nothing on this case awaits approval";
        NoOpenAdvice => "geen advies van de FG dat nog op een antwoord wacht", "no DPO's advice awaiting an answer";
        DoneReassign => "behandelaar gewijzigd", "handler changed";
        DoneApproved => "goedgekeurd", "approved";
        DoneSentBack => "teruggestuurd", "sent back";
        DoneAdvice => "advies vastgelegd", "advice recorded";
        DoneAdviceAnswer => "antwoord op het advies vastgelegd", "answer to the advice recorded";
        DoneProposed => "voorgesteld: wacht op goedkeuring door een tweede behandelaar (de termijn loopt door)",
            "proposed: awaits approval by a second handler (the deadline keeps running)";
        RefSelfApproval => "u kunt uw eigen voorstel niet goedkeuren of terugsturen: dat doet een tweede behandelaar",
            "you cannot approve or send back your own proposal: a second handler does";
        RefNothingProposed => "{what} wacht niet op goedkeuring", "{what} does not await approval";
        RefStale => "de zaak is gewijzigd sinds u haar las: bekijk haar opnieuw voor u goedkeurt",
            "the case changed since you read it: look at it again before approving";
        RefRequired => "dit besluit vraagt vier ogen: het wordt voorgesteld en door een tweede behandelaar goedgekeurd",
            "this decision needs four eyes: it is proposed and approved by a second handler";
        RefAwaiting => "{what} wacht op goedkeuring: de brief en het antwoord wachten ook",
            "{what} awaits approval: the letter and the reply wait too";
        RefRole => "uw rol mag dit niet vastleggen (de FG adviseert; zij besluit niet en keurt niet goed)",
            "your role may not record this (the DPO advises; she does not decide or approve)";
        RefVerification => "een goedkeuring op dit register moet als (niet) geverifieerd gemarkeerd zijn",
            "an approval on this register must be marked (not) verified";
        RefNoAdvice => "onbekend advies", "no such advice";
        FilterMine => "mijn zaken", "my cases";
        FilterHandler => "behandelaar: {name}", "handler: {name}";
        FilterAwaiting => "wacht op goedkeuring", "awaiting approval";
        MarkAwaiting => "4o", "4e";
    }
}

/// What a proposal is about, in words.
pub fn subject(s: Subject, lang: Lang) -> &'static str {
    match s {
        Subject::Besluit => TeamMsg::SubjectBesluit.text(lang),
        Subject::Verlenging => TeamMsg::SubjectVerlenging.text(lang),
        Subject::NietMelden => TeamMsg::SubjectNietMelden.text(lang),
    }
}
