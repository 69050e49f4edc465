//! The cells of domain.md §4, column by column. Private: [`super::assess`] is the only way in.

use super::{AuthorityInput, DossierRegime, Outcome, Reason, RequesterRole, Toestemming};

type Cell = (Outcome, Reason);

/// Who holds the right at this age and capacity.
enum Holder {
    /// The child itself (from 12, wilsbekwaam).
    Child,
    /// The parents with gezag or the voogd; from 18 the curator or mentor.
    Representatives,
}

/// Under 12 the representatives; from 12 the child when wilsbekwaam. An unknown
/// wilsbekwaamheid from 12 is the cell [`Reason::WilsbekwaamheidOnbekend`].
fn holder(input: &AuthorityInput, age: u32) -> Result<Holder, Cell> {
    if age < 12 {
        return Ok(Holder::Representatives);
    }
    match input.wilsbekwaam {
        Some(true) => Ok(Holder::Child),
        Some(false) => Ok(Holder::Representatives),
        None => Err((Outcome::BeoordelingNodig, Reason::WilsbekwaamheidOnbekend)),
    }
}

/// The requester's place in the table: the child, its valid representative, or someone else.
enum Place {
    Child,
    /// A parent with gezag or voogd of a minor, or a curator or mentor of an adult.
    Representative,
    /// A curator or mentor named for a minor.
    CuratorOfMinor,
    /// Someone who does not hold the right.
    Other(Other),
    /// A gemachtigde: acts for whoever holds the right, with their written machtiging.
    Gemachtigde,
}

/// The rows of requesters who never hold the right.
#[derive(Clone, Copy)]
enum Other {
    OuderZonderGezag,
    Pleegouder,
    Gezinsvoogd,
    Derde,
    /// A parent, former voogd or carer of an adult: from 18 nobody has gezag, BW 1:377c and the
    /// OTS end, so they ask as a third party.
    VanMeerderjarige,
}

impl Other {
    /// Their inzage cell when no written consent of the holder is on file.
    fn inzage(self) -> Cell {
        match self {
            Other::OuderZonderGezag => (Outcome::BeperkteInformatie, Reason::OuderZonderGezag),
            Other::Pleegouder => (Outcome::NietBevoegd, Reason::Pleegouder),
            Other::Gezinsvoogd => (Outcome::NietBevoegd, Reason::Gezinsvoogd),
            Other::Derde => (
                Outcome::AlleenMetSchriftelijkeToestemming,
                Reason::DerdeToestemmingNodig,
            ),
            Other::VanMeerderjarige => (
                Outcome::AlleenMetSchriftelijkeToestemming,
                Reason::Meerderjarig,
            ),
        }
    }

    /// Their vernietiging cell: never, consent or not.
    fn vernietiging(self) -> Cell {
        let reason = match self {
            Other::OuderZonderGezag => Reason::OuderZonderGezag,
            Other::Pleegouder => Reason::Pleegouder,
            Other::Gezinsvoogd => Reason::Gezinsvoogd,
            Other::Derde | Other::VanMeerderjarige => Reason::VernietigingAlleenRechthebbende,
        };
        (Outcome::NietBevoegd, reason)
    }
}

fn place(role: RequesterRole, age: u32) -> Place {
    if age >= 18 {
        return match role {
            RequesterRole::Jeugdige => Place::Child,
            RequesterRole::CuratorOfMentor => Place::Representative,
            RequesterRole::Derde => Place::Other(Other::Derde),
            RequesterRole::Gemachtigde => Place::Gemachtigde,
            RequesterRole::OuderMetGezag
            | RequesterRole::Voogd
            | RequesterRole::OuderZonderGezag
            | RequesterRole::Pleegouder
            | RequesterRole::Gezinsvoogd => Place::Other(Other::VanMeerderjarige),
        };
    }
    match role {
        RequesterRole::Jeugdige => Place::Child,
        RequesterRole::OuderMetGezag | RequesterRole::Voogd => Place::Representative,
        RequesterRole::CuratorOfMentor => Place::CuratorOfMinor,
        RequesterRole::OuderZonderGezag => Place::Other(Other::OuderZonderGezag),
        RequesterRole::Pleegouder => Place::Other(Other::Pleegouder),
        RequesterRole::Gezinsvoogd => Place::Other(Other::Gezinsvoogd),
        RequesterRole::Derde => Place::Other(Other::Derde),
        RequesterRole::Gemachtigde => Place::Gemachtigde,
    }
}

/// A gemachtigde without the holder's written machtiging on file.
const MACHTIGING_NODIG: Cell = (
    Outcome::AlleenMetSchriftelijkeToestemming,
    Reason::GemachtigdeMachtigingNodig,
);

/// Inzage / afschrift and the rights that follow it.
pub(super) fn inzage_column(input: &AuthorityInput, age: u32) -> Cell {
    match place(input.requester, age) {
        Place::Child => match holder(input, age) {
            Err(cell) => cell,
            Ok(Holder::Child) if age < 16 => (Outcome::Mag, Reason::Kind12Tot16Wilsbekwaam),
            Ok(Holder::Child) => (Outcome::Mag, Reason::Vanaf16WilsbekwaamZelf),
            Ok(Holder::Representatives) => through_representatives(age),
        },
        Place::Representative => match holder(input, age) {
            Err(cell) => cell,
            Ok(Holder::Representatives) => representatives_act(age),
            Ok(Holder::Child) if age < 16 => parent_of_wilsbekwaam_12_15(input),
            Ok(Holder::Child) => {
                if input.child_consent == Toestemming::Schriftelijk {
                    (
                        Outcome::Mag,
                        Reason::Vanaf16OuderMetSchriftelijkeToestemming,
                    )
                } else {
                    (
                        Outcome::AlleenMetSchriftelijkeToestemming,
                        Reason::Vanaf16OuderSchriftelijkeToestemmingNodig,
                    )
                }
            }
        },
        Place::CuratorOfMinor => (Outcome::NietBevoegd, Reason::CuratorMentorPasVanaf18),
        // With the holder's written consent a non-holder is handled as a third party: a
        // disclosure (inzage, afschrift), never a parent's rights (domain.md §4 as revised).
        Place::Other(other) => match holder_consent(input, age) {
            Err(cell) => cell,
            Ok(true) if discloses(input) => (Outcome::AlsDerde, Reason::AlsDerdeMetToestemming),
            Ok(true) => (Outcome::NietBevoegd, Reason::AlsDerdeAlleenVerstrekking),
            Ok(false) => other.inzage(),
        },
        Place::Gemachtigde => match holder_consent(input, age) {
            Err(cell) => cell,
            Ok(true) => (Outcome::Mag, Reason::GemachtigdeMetMachtiging),
            Ok(false) => MACHTIGING_NODIG,
        },
    }
}

/// Whether the right asked is a disclosure of data (inzage, afschrift): all a third party gets.
fn discloses(input: &AuthorityInput) -> bool {
    matches!(
        input.right.kind(),
        crate::domain::kind::CaseKind::Inzage | crate::domain::kind::CaseKind::Afschrift
    )
}

/// The WGBO / Jeugdwet cell: child 12–15 wilsbekwaam, a parent with gezag or voogd asks.
fn parent_of_wilsbekwaam_12_15(input: &AuthorityInput) -> Cell {
    match input.regime {
        DossierRegime::Wgbo => {
            if input.child_consent != Toestemming::Geen {
                (Outcome::Mag, Reason::Wgbo12Tot16OuderMetToestemmingKind)
            } else if input.wgbo_oordeel_geen_bezwaar {
                (Outcome::Mag, Reason::Wgbo12Tot16OuderMetOordeel)
            } else {
                (
                    Outcome::AlleenMetToestemmingKind,
                    Reason::Wgbo12Tot16OuderToestemmingNodig,
                )
            }
        }
        DossierRegime::Jeugdwet => match input.jeugdwet_schaadt_hulpverlening {
            Some(false) => (Outcome::Mag, Reason::Jeugdwet12Tot16Ouder),
            Some(true) => (Outcome::Weigeren, Reason::Jeugdwet12Tot16SchaadtHulp),
            None => (
                Outcome::BeoordelingNodig,
                Reason::Jeugdwet12Tot16OordeelOntbreekt,
            ),
        },
    }
}

/// Whether whoever holds the right has given written consent to a requester who does not hold
/// it. With no consent recorded at all the holder does not matter, so an unknown
/// wilsbekwaamheid is asked for only when some consent is on file.
fn holder_consent(input: &AuthorityInput, age: u32) -> Result<bool, Cell> {
    let child = input.child_consent == Toestemming::Schriftelijk;
    let representative = input.vertegenwoordiger_schriftelijke_toestemming;
    if !child && !representative {
        return Ok(false);
    }
    Ok(match holder(input, age)? {
        Holder::Child => child,
        Holder::Representatives => representative,
    })
}

/// The child's representatives act: a valid representative asks for a child under 12 or one
/// that is not wilsbekwaam.
fn representatives_act(age: u32) -> Cell {
    if age < 12 {
        (Outcome::Mag, Reason::Onder12Vertegenwoordiger)
    } else if age < 18 {
        (Outcome::Mag, Reason::NietWilsbekwaamVertegenwoordiger)
    } else {
        (Outcome::Mag, Reason::NietWilsbekwaamCuratorMentor)
    }
}

/// The child asks but cannot act alone.
fn through_representatives(age: u32) -> Cell {
    if age < 12 {
        (Outcome::DoorVertegenwoordigers, Reason::Onder12Kind)
    } else {
        (Outcome::DoorVertegenwoordigers, Reason::NietWilsbekwaamKind)
    }
}

/// Vernietiging: its own column, then the KNMG-meldcode rule on whatever would be destroyed.
pub(super) fn vernietiging_column(input: &AuthorityInput, age: u32) -> Cell {
    let cell = match place(input.requester, age) {
        Place::Child => match holder(input, age) {
            Err(cell) => cell,
            Ok(Holder::Child) if age < 16 => {
                (Outcome::WeigeringMogelijk, Reason::Vernietiging12Tot16Kind)
            }
            Ok(Holder::Child) => (Outcome::Mag, Reason::Vanaf16WilsbekwaamZelf),
            Ok(Holder::Representatives) => through_representatives(age),
        },
        Place::Representative => match holder(input, age) {
            Err(cell) => cell,
            Ok(Holder::Representatives) => representatives_act(age),
            Ok(Holder::Child) if age < 16 => {
                (Outcome::NietBevoegd, Reason::Vernietiging12Tot16KindBeslist)
            }
            Ok(Holder::Child) => (Outcome::NietBevoegd, Reason::VernietigingVanaf16Zelf),
        },
        Place::CuratorOfMinor => (Outcome::NietBevoegd, Reason::CuratorMentorPasVanaf18),
        Place::Other(other) => other.vernietiging(),
        // With the machtiging it is the holder's own request: the holder's cell.
        Place::Gemachtigde => match holder_consent(input, age) {
            Err(cell) => cell,
            Ok(false) => MACHTIGING_NODIG,
            Ok(true) => match holder(input, age) {
                Err(cell) => cell,
                Ok(Holder::Child) if age < 16 => {
                    (Outcome::WeigeringMogelijk, Reason::Vernietiging12Tot16Kind)
                }
                Ok(Holder::Child) => (Outcome::Mag, Reason::Vanaf16WilsbekwaamZelf),
                Ok(Holder::Representatives) => representatives_act(age),
            },
        },
    };
    let destroys = matches!(cell.0, Outcome::Mag | Outcome::WeigeringMogelijk);
    let sixteen_and_wilsbekwaam = age >= 16 && input.wilsbekwaam == Some(true);
    if !destroys || sixteen_and_wilsbekwaam {
        return cell;
    }
    match input.signalen_mishandeling {
        Some(false) => cell,
        Some(true) => (Outcome::Weigeren, Reason::SignalenMishandeling),
        None => (Outcome::BeoordelingNodig, Reason::SignalenNietNagegaan),
    }
}

/// Intrekken toestemming: whoever gives the consent withdraws it (domain.md §4 as revised):
/// under 12 the parents with gezag or the voogd; 12–15 the child or a parent with gezag;
/// from 16 the young person alone, or when not wilsbekwaam the parents or voogd (a minor,
/// WGBO 7:465 lid 2) or the curator or mentor (an adult, lid 3).
pub(super) fn intrekken_column(input: &AuthorityInput, age: u32) -> Cell {
    use RequesterRole::*;
    let parent = matches!(input.requester, OuderMetGezag | Voogd);
    match input.requester {
        Jeugdige if age < 12 => (
            Outcome::DoorVertegenwoordigers,
            Reason::IntrekkenOnder12Kind,
        ),
        _ if parent && age < 12 => (Outcome::Mag, Reason::IntrekkenOnder12Ouders),
        Jeugdige if age < 16 => (Outcome::Mag, Reason::Intrekken12Tot16),
        _ if parent && age < 16 => (Outcome::Mag, Reason::Intrekken12Tot16),
        Jeugdige => match input.wilsbekwaam {
            Some(true) => (Outcome::Mag, Reason::IntrekkenVanaf16Zelf),
            Some(false) => (Outcome::DoorVertegenwoordigers, Reason::NietWilsbekwaamKind),
            None => (Outcome::BeoordelingNodig, Reason::WilsbekwaamheidOnbekend),
        },
        _ if parent && age < 18 => match input.wilsbekwaam {
            Some(true) => (Outcome::NietBevoegd, Reason::IntrekkenVanaf16Zelf),
            Some(false) => (Outcome::Mag, Reason::IntrekkenVanaf16NietWilsbekwaam),
            None => (Outcome::BeoordelingNodig, Reason::WilsbekwaamheidOnbekend),
        },
        CuratorOfMentor if age >= 18 => match input.wilsbekwaam {
            Some(true) => (Outcome::NietBevoegd, Reason::IntrekkenVanaf16Zelf),
            _ => (Outcome::Mag, Reason::IntrekkenCuratorMentor),
        },
        CuratorOfMentor => (Outcome::NietBevoegd, Reason::CuratorMentorPasVanaf18),
        _ => (Outcome::NietBevoegd, Reason::IntrekkenDoorWieToestemde),
    }
}
