//! What the table answers: the outcome, the rule that decided it, and what the checklist does
//! next. Kept apart from the table so that the checklist and the screens can use these types
//! without reading the rules.

use serde::{Deserialize, Serialize};

/// What the checklist does next with an outcome.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NextStep {
    /// The case goes on to the decision steps of its kind.
    Proceed,
    /// A consent or a judgement is still to be recorded; then assess again.
    Await,
    /// The requester cannot exercise the right: decision niet ontvankelijk, with the reason.
    NietOntvankelijk,
    /// The requester may ask but the law says no: decision afgewezen, with the reason.
    Refuse,
    /// Not the right asked for, but the information of BW 1:377c (or a reasoned refusal of it).
    InformOnly,
}

enum_with_all! {
    /// The answer of the table: each cell maps to exactly one outcome (a conditional cell to its
    /// condition's outcome until the condition is recorded, then to `Mag`).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    pub enum Outcome {
        /// The requester may exercise the right.
        Mag,
        /// WGBO, child 12–15 wilsbekwaam, a parent asks: only with the child's consent or the
        /// professional's recorded judgement (WGBO 7:457), neither recorded yet.
        AlleenMetToestemmingKind,
        /// Young person ≥16 wilsbekwaam and a parent asks, or a third party asks: only with
        /// written consent, not recorded yet.
        AlleenMetSchriftelijkeToestemming,
        /// The child cannot act alone; the parents with gezag or the voogd (from 18 the curator
        /// or mentor) act for them.
        DoorVertegenwoordigers,
        /// Parent without gezag: no dossier, information on important facts (BW 1:377c).
        BeperkteInformatie,
        /// The requester is not authorised.
        NietBevoegd,
        /// Child 12–15 wilsbekwaam asks vernietiging: allowed, but may be refused on goed
        /// hulpverlenerschap, reasoned.
        WeigeringMogelijk,
        /// The requester may ask, but the rule says no (the hulpverlener judges it harms the
        /// help; abuse signals block destruction).
        Weigeren,
        /// An input the table needs is unknown (wilsbekwaamheid, a judgement, the signals).
        BeoordelingNodig,
        /// Someone who does not hold the right (a pleegouder, a parent without gezag, a third
        /// party) with the written consent of the one who does: handled as a third party, a
        /// disclosure subject to goed hulpverlenerschap — never a parent's rights.
        AlsDerde,
    }
}

impl Outcome {
    /// What the checklist does next.
    pub fn next_step(self) -> NextStep {
        match self {
            Outcome::Mag | Outcome::WeigeringMogelijk | Outcome::AlsDerde => NextStep::Proceed,
            Outcome::AlleenMetToestemmingKind
            | Outcome::AlleenMetSchriftelijkeToestemming
            | Outcome::BeoordelingNodig => NextStep::Await,
            Outcome::NietBevoegd | Outcome::DoorVertegenwoordigers => NextStep::NietOntvankelijk,
            Outcome::Weigeren => NextStep::Refuse,
            Outcome::BeperkteInformatie => NextStep::InformOnly,
        }
    }

    /// Whether the case may go on to the decision steps of its kind.
    pub fn allows_processing(self) -> bool {
        self.next_step() == NextStep::Proceed
    }

    /// Whether the outcome leads to a decision of niet ontvankelijk, with the reason pre-filled:
    /// the requester is not authorised, or the child cannot act alone (the representatives can
    /// make the request instead).
    pub fn leads_to_niet_ontvankelijk(self) -> bool {
        self.next_step() == NextStep::NietOntvankelijk
    }
}

enum_with_all! {
    /// The rule of §4 that decided, machine-readable (stored with the intake answer, pre-filled
    /// into a decision's reason); its words name the legal source.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    pub enum Reason {
        /// Child under 12: the parents with gezag or the voogd act.
        Onder12Vertegenwoordiger,
        /// Child under 12 asks: the parents act for it.
        Onder12Kind,
        /// Child 12–15, wilsbekwaam, asks itself (inzage column).
        Kind12Tot16Wilsbekwaam,
        /// WGBO, 12–15 wilsbekwaam, a parent asks: the child's consent or the judgement missing.
        Wgbo12Tot16OuderToestemmingNodig,
        /// WGBO, 12–15 wilsbekwaam, a parent asks: the child consented.
        Wgbo12Tot16OuderMetToestemmingKind,
        /// WGBO, 12–15 wilsbekwaam, a parent asks: the professional's judgement is recorded.
        Wgbo12Tot16OuderMetOordeel,
        /// Jeugdwet, 12–15 wilsbekwaam, a parent asks: the hulpverlener sees no harm.
        Jeugdwet12Tot16Ouder,
        /// Jeugdwet, 12–15 wilsbekwaam, a parent asks: the hulpverlener judges it harms the help.
        Jeugdwet12Tot16SchaadtHulp,
        /// Jeugdwet, 12–15 wilsbekwaam, a parent asks: the hulpverlener's judgement is missing.
        Jeugdwet12Tot16OordeelOntbreekt,
        /// A minor from 12, not wilsbekwaam: the parents with gezag or the voogd act.
        NietWilsbekwaamVertegenwoordiger,
        /// An adult, not wilsbekwaam: the curator or mentor acts.
        NietWilsbekwaamCuratorMentor,
        /// The young person from 12, not wilsbekwaam, asks: the representatives act for them.
        NietWilsbekwaamKind,
        /// The young person ≥16, wilsbekwaam, acts alone.
        Vanaf16WilsbekwaamZelf,
        /// ≥16 wilsbekwaam, a parent or representative asks: written consent missing.
        Vanaf16OuderSchriftelijkeToestemmingNodig,
        /// ≥16 wilsbekwaam, a parent or representative asks: written consent recorded.
        Vanaf16OuderMetSchriftelijkeToestemming,
        /// A parent without gezag (BW 1:377c).
        OuderZonderGezag,
        /// A pleegouder without gezag.
        Pleegouder,
        /// A gezinsvoogd under an OTS.
        Gezinsvoogd,
        /// A third party without the written consent of whoever holds the right.
        DerdeToestemmingNodig,
        /// Someone who is not the holder, with the holder's written consent.
        MetSchriftelijkeToestemmingRechthebbende,
        /// From 18 nobody has gezag: parents and former voogden are third parties.
        Meerderjarig,
        /// A gemachtigde without a written machtiging of whoever holds the right on file.
        GemachtigdeMachtigingNodig,
        /// A gemachtigde with the written machtiging of whoever holds the right: acts for them.
        GemachtigdeMetMachtiging,
        /// A curator or mentor for a minor: they exist only from 18.
        CuratorMentorPasVanaf18,
        /// Vernietiging asked by a wilsbekwaam child of 12–15: may be refused, reasoned.
        Vernietiging12Tot16Kind,
        /// Vernietiging asked by a parent of a wilsbekwaam child of 12–15: the child decides.
        Vernietiging12Tot16KindBeslist,
        /// Vernietiging for a wilsbekwaam young person ≥16: only they can ask.
        VernietigingVanaf16Zelf,
        /// Vernietiging asked by someone who does not hold the right.
        VernietigingAlleenRechthebbende,
        /// Abuse or violence signals: destroyed only at ≥16 and wilsbekwaam (KNMG-meldcode).
        SignalenMishandeling,
        /// Abuse or violence signals not yet checked, and they would decide.
        SignalenNietNagegaan,
        /// Wilsbekwaamheid unknown, and the table needs it.
        WilsbekwaamheidOnbekend,
        /// Intrekken under 16: the parents with gezag or the voogd.
        IntrekkenOnder16Ouders,
        /// Intrekken under 16 asked by the child: the parents withdraw.
        IntrekkenOnder16Kind,
        /// Intrekken from 16: the young person.
        IntrekkenVanaf16Zelf,
        /// Intrekken for an adult under curatele or mentorschap: the curator or mentor.
        IntrekkenCuratorMentor,
        /// Intrekken asked by someone who did not give the consent.
        IntrekkenDoorWieToestemde,
        /// A non-holder with the holder's written consent: a disclosure as to a third party.
        AlsDerdeMetToestemming,
        /// A non-holder, even with consent, cannot exercise the holder's other rights.
        AlsDerdeAlleenVerstrekking,
        /// Intrekken under 12: the parents with gezag or the voogd.
        IntrekkenOnder12Ouders,
        /// Intrekken under 12 asked by the child: the parents withdraw.
        IntrekkenOnder12Kind,
        /// Intrekken 12–15: the child or a parent with gezag (either ends it).
        Intrekken12Tot16,
        /// Intrekken from 16, not wilsbekwaam: the parents with gezag or the voogd.
        IntrekkenVanaf16NietWilsbekwaam,
    }
}
