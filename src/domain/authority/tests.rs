//! Every row of domain.md §4 is a test, named after its row; then the rules around the table.

use super::*;
use chrono::NaiveDate;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Receipt and decision for the row tests; the children below have no birthday in between.
const DECIDED: (i32, u32, u32) = (2026, 3, 2);

fn born_aged(age: i32) -> NaiveDate {
    date(DECIDED.0 - age, 1, 10)
}

fn input(kind: CaseKind, age: i32, role: RequesterRole, wb: Option<bool>) -> AuthorityInput {
    let decided = date(DECIDED.0, DECIDED.1, DECIDED.2);
    let dates = AuthorityDates::new(born_aged(age), decided, decided).unwrap();
    let mut i = AuthorityInput::new(Right::new(kind).unwrap(), dates, role);
    i.wilsbekwaam = wb;
    i
}

fn with_regime(mut i: AuthorityInput, regime: DossierRegime) -> AuthorityInput {
    i.regime = regime;
    i
}

fn cell(i: &AuthorityInput) -> (Outcome, Reason) {
    let a = assess(i);
    (a.outcome, a.reason)
}

const INZAGE: CaseKind = CaseKind::Inzage;
const VERNIETIGING: CaseKind = CaseKind::Vernietiging;
const WGBO: DossierRegime = DossierRegime::Wgbo;
const JEUGDWET: DossierRegime = DossierRegime::Jeugdwet;
const REGIMES: [DossierRegime; 2] = [WGBO, JEUGDWET];
const WB: Option<bool> = Some(true);
const NOT_WB: Option<bool> = Some(false);
use RequesterRole::{
    CuratorOfMentor, Derde, Gezinsvoogd, Jeugdige, OuderMetGezag, OuderZonderGezag, Pleegouder,
    Voogd,
};

/// Signals checked and absent, so the vernietiging column shows its own cell.
fn no_signals(mut i: AuthorityInput) -> AuthorityInput {
    i.signalen_mishandeling = Some(false);
    i
}

// ---- The inzage / afschrift column -------------------------------------------------------

#[test]
fn row_under_12_parent_with_gezag_or_voogd_inzage_yes() {
    for regime in REGIMES {
        for role in [OuderMetGezag, Voogd] {
            for kind in [INZAGE, CaseKind::Afschrift] {
                // Wilsbekwaamheid is not asked under 12.
                let i = with_regime(input(kind, 8, role, None), regime);
                assert_eq!(cell(&i), (Outcome::Mag, Reason::Onder12Vertegenwoordiger));
            }
        }
    }
}

#[test]
fn row_under_12_child_inzage_no_the_parents_act() {
    for regime in REGIMES {
        let i = with_regime(input(INZAGE, 11, Jeugdige, None), regime);
        let a = assess(&i);
        assert_eq!(
            (a.outcome, a.reason),
            (Outcome::DoorVertegenwoordigers, Reason::Onder12Kind)
        );
        assert!(a.leads_to_niet_ontvankelijk());
    }
}

#[test]
fn row_12_15_wilsbekwaam_child_inzage_yes() {
    for regime in REGIMES {
        for age in [12, 15] {
            let i = with_regime(input(INZAGE, age, Jeugdige, WB), regime);
            assert_eq!(cell(&i), (Outcome::Mag, Reason::Kind12Tot16Wilsbekwaam));
        }
    }
}

#[test]
fn row_12_15_wilsbekwaam_parent_inzage_wgbo_only_with_childs_consent_or_judgement() {
    let base = with_regime(input(INZAGE, 14, OuderMetGezag, WB), WGBO);
    assert_eq!(
        cell(&base),
        (
            Outcome::AlleenMetToestemmingKind,
            Reason::Wgbo12Tot16OuderToestemmingNodig
        )
    );
    assert_eq!(
        Outcome::AlleenMetToestemmingKind.next_step(),
        NextStep::Await
    );

    for consent in [Toestemming::Gegeven, Toestemming::Schriftelijk] {
        let mut i = base;
        i.child_consent = consent;
        assert_eq!(
            cell(&i),
            (Outcome::Mag, Reason::Wgbo12Tot16OuderMetToestemmingKind)
        );
    }

    let mut i = base;
    i.wgbo_oordeel_geen_bezwaar = true;
    assert_eq!(cell(&i), (Outcome::Mag, Reason::Wgbo12Tot16OuderMetOordeel));

    // The Jeugdwet judgement plays no part under the WGBO.
    let mut i = base;
    i.jeugdwet_schaadt_hulpverlening = Some(false);
    assert_eq!(cell(&i).0, Outcome::AlleenMetToestemmingKind);
}

#[test]
fn row_12_15_wilsbekwaam_parent_inzage_jeugdwet_yes_unless_it_harms_the_help() {
    let base = with_regime(input(INZAGE, 13, OuderMetGezag, WB), JEUGDWET);
    assert_eq!(
        cell(&base),
        (
            Outcome::BeoordelingNodig,
            Reason::Jeugdwet12Tot16OordeelOntbreekt
        )
    );

    let mut i = base;
    i.jeugdwet_schaadt_hulpverlening = Some(false);
    assert_eq!(cell(&i), (Outcome::Mag, Reason::Jeugdwet12Tot16Ouder));

    let mut i = base;
    i.jeugdwet_schaadt_hulpverlening = Some(true);
    let a = assess(&i);
    assert_eq!(
        (a.outcome, a.reason),
        (Outcome::Weigeren, Reason::Jeugdwet12Tot16SchaadtHulp)
    );
    assert_eq!(a.outcome.next_step(), NextStep::Refuse);

    // The child's consent does not replace the hulpverlener's judgement under the Jeugdwet.
    let mut i = base;
    i.child_consent = Toestemming::Schriftelijk;
    assert_eq!(cell(&i).0, Outcome::BeoordelingNodig);
}

#[test]
fn row_12_15_not_wilsbekwaam_parent_or_voogd_inzage_yes() {
    for regime in REGIMES {
        for role in [OuderMetGezag, Voogd] {
            let i = with_regime(input(INZAGE, 14, role, NOT_WB), regime);
            assert_eq!(
                cell(&i),
                (Outcome::Mag, Reason::NietWilsbekwaamVertegenwoordiger)
            );
        }
    }
}

#[test]
fn row_12_15_not_wilsbekwaam_child_inzage_through_the_parents() {
    for regime in REGIMES {
        let i = with_regime(input(INZAGE, 14, Jeugdige, NOT_WB), regime);
        assert_eq!(
            cell(&i),
            (Outcome::DoorVertegenwoordigers, Reason::NietWilsbekwaamKind)
        );
    }
}

#[test]
fn row_16_plus_wilsbekwaam_young_person_inzage_yes_alone() {
    for regime in REGIMES {
        for age in [16, 17, 25] {
            let i = with_regime(input(INZAGE, age, Jeugdige, WB), regime);
            assert_eq!(cell(&i), (Outcome::Mag, Reason::Vanaf16WilsbekwaamZelf));
        }
    }
}

#[test]
fn row_16_plus_wilsbekwaam_parent_inzage_only_with_written_consent() {
    for regime in REGIMES {
        let base = with_regime(input(INZAGE, 16, OuderMetGezag, WB), regime);
        assert_eq!(
            cell(&base),
            (
                Outcome::AlleenMetSchriftelijkeToestemming,
                Reason::Vanaf16OuderSchriftelijkeToestemmingNodig
            )
        );
        // Consent not in writing is not enough from 16.
        let mut i = base;
        i.child_consent = Toestemming::Gegeven;
        assert_eq!(cell(&i).0, Outcome::AlleenMetSchriftelijkeToestemming);
        let mut i = base;
        i.child_consent = Toestemming::Schriftelijk;
        assert_eq!(
            cell(&i),
            (
                Outcome::Mag,
                Reason::Vanaf16OuderMetSchriftelijkeToestemming
            )
        );
        // The 12–15 judgement does not reach past 16.
        let mut i = base;
        i.wgbo_oordeel_geen_bezwaar = true;
        i.jeugdwet_schaadt_hulpverlening = Some(false);
        assert_eq!(cell(&i).0, Outcome::AlleenMetSchriftelijkeToestemming);
    }
}

#[test]
fn row_16_plus_not_wilsbekwaam_parent_voogd_or_from_18_curator_mentor_inzage_yes() {
    for regime in REGIMES {
        for role in [OuderMetGezag, Voogd] {
            let i = with_regime(input(INZAGE, 17, role, NOT_WB), regime);
            assert_eq!(
                cell(&i),
                (Outcome::Mag, Reason::NietWilsbekwaamVertegenwoordiger)
            );
        }
        let i = with_regime(input(INZAGE, 19, CuratorOfMentor, NOT_WB), regime);
        assert_eq!(
            cell(&i),
            (Outcome::Mag, Reason::NietWilsbekwaamCuratorMentor)
        );
    }
}

#[test]
fn row_16_plus_not_wilsbekwaam_young_person_inzage_through_the_representatives() {
    for regime in REGIMES {
        for age in [16, 19] {
            let i = with_regime(input(INZAGE, age, Jeugdige, NOT_WB), regime);
            assert_eq!(
                cell(&i),
                (Outcome::DoorVertegenwoordigers, Reason::NietWilsbekwaamKind)
            );
        }
    }
}

#[test]
fn row_any_parent_without_gezag_inzage_information_on_important_facts_only() {
    for regime in REGIMES {
        for (age, wb) in [(3, None), (14, WB), (14, NOT_WB), (17, WB), (17, None)] {
            let i = with_regime(input(INZAGE, age, OuderZonderGezag, wb), regime);
            let a = assess(&i);
            assert_eq!(
                (a.outcome, a.reason),
                (Outcome::BeperkteInformatie, Reason::OuderZonderGezag),
                "age {age}"
            );
            assert_eq!(a.outcome.next_step(), NextStep::InformOnly);
            assert!(!a.allows_processing() && !a.leads_to_niet_ontvankelijk());
        }
    }
}

#[test]
fn row_any_pleegouder_inzage_no() {
    for regime in REGIMES {
        for (age, wb) in [(5, None), (14, WB), (17, NOT_WB)] {
            let i = with_regime(input(INZAGE, age, Pleegouder, wb), regime);
            assert_eq!(cell(&i), (Outcome::NietBevoegd, Reason::Pleegouder));
        }
    }
}

#[test]
fn row_any_voogd_as_a_parent_with_gezag() {
    // Voogd and parent with gezag give the same answer in every cell, both columns, both regimes.
    for regime in REGIMES {
        for kind in [INZAGE, VERNIETIGING, CaseKind::IntrekkenToestemming] {
            for age in [0, 8, 12, 15, 16, 17] {
                for wb in [None, WB, NOT_WB] {
                    for consent in [Toestemming::Geen, Toestemming::Schriftelijk] {
                        let mut parent = with_regime(input(kind, age, OuderMetGezag, wb), regime);
                        parent.child_consent = consent;
                        let mut voogd = parent;
                        voogd.requester = Voogd;
                        assert_eq!(assess(&parent), assess(&voogd));
                    }
                }
            }
        }
    }
}

#[test]
fn row_any_gezinsvoogd_under_an_ots_inzage_no() {
    for regime in REGIMES {
        for (age, wb) in [(2, None), (13, NOT_WB), (16, WB)] {
            let i = with_regime(input(INZAGE, age, Gezinsvoogd, wb), regime);
            let a = assess(&i);
            assert_eq!(
                (a.outcome, a.reason),
                (Outcome::NietBevoegd, Reason::Gezinsvoogd)
            );
            assert!(a.leads_to_niet_ontvankelijk());
        }
    }
}

#[test]
fn row_any_third_party_inzage_only_with_written_consent_of_the_holder() {
    for regime in REGIMES {
        // Under 12 the holder is the parent with gezag.
        let base = with_regime(input(INZAGE, 9, Derde, None), regime);
        assert_eq!(
            cell(&base),
            (
                Outcome::AlleenMetSchriftelijkeToestemming,
                Reason::DerdeToestemmingNodig
            )
        );
        let mut i = base;
        i.vertegenwoordiger_schriftelijke_toestemming = true;
        assert_eq!(
            cell(&i),
            (Outcome::AlsDerde, Reason::AlsDerdeMetToestemming)
        );

        // From 12, wilsbekwaam: the child holds the right; the parents' consent is not enough.
        let base = with_regime(input(INZAGE, 13, Derde, WB), regime);
        let mut i = base;
        i.vertegenwoordiger_schriftelijke_toestemming = true;
        assert_eq!(cell(&i).0, Outcome::AlleenMetSchriftelijkeToestemming);
        let mut i = base;
        i.child_consent = Toestemming::Gegeven;
        assert_eq!(cell(&i).0, Outcome::AlleenMetSchriftelijkeToestemming);
        let mut i = base;
        i.child_consent = Toestemming::Schriftelijk;
        assert_eq!(cell(&i).0, Outcome::AlsDerde);

        // 16, not wilsbekwaam: the parents hold it.
        let mut i = with_regime(input(INZAGE, 16, Derde, NOT_WB), regime);
        i.child_consent = Toestemming::Schriftelijk;
        assert_eq!(cell(&i).0, Outcome::AlleenMetSchriftelijkeToestemming);
        i.vertegenwoordiger_schriftelijke_toestemming = true;
        assert_eq!(cell(&i).0, Outcome::AlsDerde);
    }
}

// ---- The vernietiging column ---------------------------------------------------------------

#[test]
fn row_under_12_parent_with_gezag_or_voogd_vernietiging_yes() {
    for regime in REGIMES {
        for role in [OuderMetGezag, Voogd] {
            let i = no_signals(with_regime(input(VERNIETIGING, 6, role, None), regime));
            let a = assess(&i);
            assert_eq!(
                (a.outcome, a.reason),
                (Outcome::Mag, Reason::Onder12Vertegenwoordiger)
            );
            assert!(a.allows_processing());
        }
    }
}

#[test]
fn row_under_12_child_vernietiging_no_cannot_ask() {
    for regime in REGIMES {
        let i = no_signals(with_regime(input(VERNIETIGING, 10, Jeugdige, None), regime));
        assert_eq!(
            cell(&i),
            (Outcome::DoorVertegenwoordigers, Reason::Onder12Kind)
        );
    }
}

#[test]
fn row_12_15_wilsbekwaam_child_vernietiging_yes_may_be_refused_reasoned() {
    for regime in REGIMES {
        let i = no_signals(with_regime(input(VERNIETIGING, 13, Jeugdige, WB), regime));
        let a = assess(&i);
        assert_eq!(
            (a.outcome, a.reason),
            (Outcome::WeigeringMogelijk, Reason::Vernietiging12Tot16Kind)
        );
        assert!(a.allows_processing());
    }
}

#[test]
fn row_12_15_wilsbekwaam_parent_vernietiging_no_the_child_decides() {
    for regime in REGIMES {
        // Neither consent nor a judgement turns this into a yes.
        let mut i = no_signals(with_regime(
            input(VERNIETIGING, 15, OuderMetGezag, WB),
            regime,
        ));
        i.child_consent = Toestemming::Schriftelijk;
        i.wgbo_oordeel_geen_bezwaar = true;
        i.jeugdwet_schaadt_hulpverlening = Some(false);
        assert_eq!(
            cell(&i),
            (Outcome::NietBevoegd, Reason::Vernietiging12Tot16KindBeslist)
        );
    }
}

#[test]
fn row_12_15_not_wilsbekwaam_parent_or_voogd_vernietiging_yes() {
    for regime in REGIMES {
        for role in [OuderMetGezag, Voogd] {
            let i = no_signals(with_regime(input(VERNIETIGING, 12, role, NOT_WB), regime));
            assert_eq!(
                cell(&i),
                (Outcome::Mag, Reason::NietWilsbekwaamVertegenwoordiger)
            );
        }
    }
}

#[test]
fn row_12_15_not_wilsbekwaam_child_vernietiging_through_the_parents() {
    for regime in REGIMES {
        let i = no_signals(with_regime(
            input(VERNIETIGING, 12, Jeugdige, NOT_WB),
            regime,
        ));
        assert_eq!(
            cell(&i),
            (Outcome::DoorVertegenwoordigers, Reason::NietWilsbekwaamKind)
        );
    }
}

#[test]
fn row_16_plus_wilsbekwaam_young_person_vernietiging_yes_alone() {
    for regime in REGIMES {
        // The signals need not even be checked.
        let i = with_regime(input(VERNIETIGING, 16, Jeugdige, WB), regime);
        assert_eq!(cell(&i), (Outcome::Mag, Reason::Vanaf16WilsbekwaamZelf));
    }
}

#[test]
fn row_16_plus_wilsbekwaam_parent_vernietiging_no() {
    for regime in REGIMES {
        let mut i = no_signals(with_regime(
            input(VERNIETIGING, 17, OuderMetGezag, WB),
            regime,
        ));
        i.child_consent = Toestemming::Schriftelijk;
        assert_eq!(
            cell(&i),
            (Outcome::NietBevoegd, Reason::VernietigingVanaf16Zelf)
        );
        // The curator of a wilsbekwaam adult neither.
        let i = no_signals(with_regime(
            input(VERNIETIGING, 20, CuratorOfMentor, WB),
            regime,
        ));
        assert_eq!(
            cell(&i),
            (Outcome::NietBevoegd, Reason::VernietigingVanaf16Zelf)
        );
    }
}

#[test]
fn row_16_plus_not_wilsbekwaam_parent_voogd_or_from_18_curator_mentor_vernietiging_yes() {
    for regime in REGIMES {
        for role in [OuderMetGezag, Voogd] {
            let i = no_signals(with_regime(input(VERNIETIGING, 16, role, NOT_WB), regime));
            assert_eq!(
                cell(&i),
                (Outcome::Mag, Reason::NietWilsbekwaamVertegenwoordiger)
            );
        }
        let i = no_signals(with_regime(
            input(VERNIETIGING, 18, CuratorOfMentor, NOT_WB),
            regime,
        ));
        assert_eq!(
            cell(&i),
            (Outcome::Mag, Reason::NietWilsbekwaamCuratorMentor)
        );
    }
}

#[test]
fn row_16_plus_not_wilsbekwaam_young_person_vernietiging_through_them() {
    for regime in REGIMES {
        let i = no_signals(with_regime(
            input(VERNIETIGING, 17, Jeugdige, NOT_WB),
            regime,
        ));
        assert_eq!(
            cell(&i),
            (Outcome::DoorVertegenwoordigers, Reason::NietWilsbekwaamKind)
        );
    }
}

#[test]
fn row_any_parent_without_gezag_vernietiging_no() {
    for regime in REGIMES {
        for (age, wb) in [(4, None), (14, NOT_WB), (17, WB)] {
            let mut i = with_regime(input(VERNIETIGING, age, OuderZonderGezag, wb), regime);
            i.vertegenwoordiger_schriftelijke_toestemming = true;
            assert_eq!(cell(&i), (Outcome::NietBevoegd, Reason::OuderZonderGezag));
        }
    }
}

#[test]
fn row_any_pleegouder_vernietiging_no() {
    for regime in REGIMES {
        let mut i = with_regime(input(VERNIETIGING, 7, Pleegouder, None), regime);
        i.vertegenwoordiger_schriftelijke_toestemming = true;
        assert_eq!(cell(&i), (Outcome::NietBevoegd, Reason::Pleegouder));
    }
}

#[test]
fn row_any_gezinsvoogd_under_an_ots_vernietiging_no() {
    for regime in REGIMES {
        let i = with_regime(input(VERNIETIGING, 11, Gezinsvoogd, None), regime);
        assert_eq!(cell(&i), (Outcome::NietBevoegd, Reason::Gezinsvoogd));
    }
}

#[test]
fn row_any_third_party_vernietiging_no_even_with_written_consent() {
    for regime in REGIMES {
        for (age, wb) in [(5, None), (13, WB), (17, WB)] {
            let mut i = with_regime(input(VERNIETIGING, age, Derde, wb), regime);
            i.child_consent = Toestemming::Schriftelijk;
            i.vertegenwoordiger_schriftelijke_toestemming = true;
            assert_eq!(
                cell(&i),
                (
                    Outcome::NietBevoegd,
                    Reason::VernietigingAlleenRechthebbende
                )
            );
        }
    }
}

// ---- Around the table ---------------------------------------------------------------------

#[test]
fn other_rights_follow_the_inzage_column() {
    let followers = [
        CaseKind::Afschrift,
        CaseKind::Rectificatie,
        CaseKind::EigenVerklaring,
        CaseKind::Beperking,
        CaseKind::Bezwaar,
        CaseKind::Overdraagbaarheid,
    ];
    let roles = [
        Jeugdige,
        OuderMetGezag,
        Voogd,
        CuratorOfMentor,
        OuderZonderGezag,
        Pleegouder,
        Gezinsvoogd,
        Derde,
    ];
    for kind in followers {
        assert_eq!(Right::new(kind).unwrap().column(), Column::Inzage);
        for regime in REGIMES {
            for role in roles {
                for age in [5, 13, 16, 20] {
                    for wb in [None, WB, NOT_WB] {
                        for consent in [Toestemming::Geen, Toestemming::Gegeven] {
                            let mut a = with_regime(input(INZAGE, age, role, wb), regime);
                            a.child_consent = consent;
                            let mut b = a;
                            b.right = Right::new(kind).unwrap();
                            assert_eq!(assess(&a), assess(&b), "{kind} {role:?} {age}");
                        }
                    }
                }
            }
        }
    }
    // One spelled out: a 14-year-old's rectificatie asked by the parent under the WGBO.
    let i = input(CaseKind::Rectificatie, 14, OuderMetGezag, WB);
    assert_eq!(cell(&i).0, Outcome::AlleenMetToestemmingKind);
}

#[test]
fn intrekken_toestemming_under_12_the_parents_withdraw() {
    for age in [3, 11] {
        // By age alone: wilsbekwaamheid does not matter.
        for wb in [None, WB, NOT_WB] {
            for role in [OuderMetGezag, Voogd] {
                let i = input(CaseKind::IntrekkenToestemming, age, role, wb);
                assert_eq!(cell(&i), (Outcome::Mag, Reason::IntrekkenOnder12Ouders));
            }
            let i = input(CaseKind::IntrekkenToestemming, age, Jeugdige, wb);
            assert_eq!(
                cell(&i),
                (
                    Outcome::DoorVertegenwoordigers,
                    Reason::IntrekkenOnder12Kind
                )
            );
        }
    }
    let i = input(CaseKind::IntrekkenToestemming, 10, Derde, None);
    assert_eq!(
        cell(&i),
        (Outcome::NietBevoegd, Reason::IntrekkenDoorWieToestemde)
    );
}

/// Issue 18, domain.md §4 as revised: 12–15 the child or a parent with gezag withdraws (a
/// consent that needed both ends when either withdraws it, AVG 7(3)).
#[test]
fn intrekken_toestemming_12_to_15_the_child_or_a_parent_with_gezag_avg_7_3() {
    for age in [12, 13, 15] {
        for wb in [None, WB, NOT_WB] {
            for role in [Jeugdige, OuderMetGezag, Voogd] {
                let i = input(CaseKind::IntrekkenToestemming, age, role, wb);
                assert_eq!(
                    cell(&i),
                    (Outcome::Mag, Reason::Intrekken12Tot16),
                    "{age} {role:?}"
                );
            }
            for role in [Pleegouder, OuderZonderGezag, Derde] {
                let i = input(CaseKind::IntrekkenToestemming, age, role, wb);
                assert_eq!(cell(&i).0, Outcome::NietBevoegd);
            }
        }
    }
}

/// From 16 the young person alone; not wilsbekwaam, the parents or voogd for a minor
/// (WGBO 7:465 lid 2), the curator or mentor from 18 (lid 3).
#[test]
fn intrekken_toestemming_from_16_the_young_person_withdraws_wgbo_7_465() {
    for age in [16, 17, 30] {
        let i = input(CaseKind::IntrekkenToestemming, age, Jeugdige, WB);
        assert_eq!(cell(&i), (Outcome::Mag, Reason::IntrekkenVanaf16Zelf));
        let i = input(CaseKind::IntrekkenToestemming, age, Jeugdige, NOT_WB);
        assert_eq!(cell(&i).0, Outcome::DoorVertegenwoordigers);
        let i = input(CaseKind::IntrekkenToestemming, age, Jeugdige, None);
        assert_eq!(cell(&i).0, Outcome::BeoordelingNodig);
        let i = input(CaseKind::IntrekkenToestemming, age, OuderMetGezag, WB);
        assert_eq!(cell(&i).0, Outcome::NietBevoegd);
    }
    for age in [16, 17] {
        for role in [OuderMetGezag, Voogd] {
            let i = input(CaseKind::IntrekkenToestemming, age, role, NOT_WB);
            assert_eq!(
                cell(&i),
                (Outcome::Mag, Reason::IntrekkenVanaf16NietWilsbekwaam)
            );
        }
    }
    let i = input(CaseKind::IntrekkenToestemming, 20, OuderMetGezag, NOT_WB);
    assert_eq!(cell(&i).0, Outcome::NietBevoegd);
    let i = input(CaseKind::IntrekkenToestemming, 20, CuratorOfMentor, NOT_WB);
    assert_eq!(cell(&i), (Outcome::Mag, Reason::IntrekkenCuratorMentor));
}

#[test]
fn abuse_signals_14_year_old_wilsbekwaam_asks_vernietiging_not_allowed() {
    let mut i = input(VERNIETIGING, 14, Jeugdige, WB);
    i.signalen_mishandeling = Some(true);
    let a = assess(&i);
    assert_eq!(
        (a.outcome, a.reason),
        (Outcome::Weigeren, Reason::SignalenMishandeling)
    );
    assert!(!a.allows_processing() && !a.leads_to_niet_ontvankelijk());
}

#[test]
fn abuse_signals_16_year_old_wilsbekwaam_asks_vernietiging_allowed() {
    for regime in REGIMES {
        let mut i = with_regime(input(VERNIETIGING, 16, Jeugdige, WB), regime);
        i.signalen_mishandeling = Some(true);
        assert_eq!(cell(&i), (Outcome::Mag, Reason::Vanaf16WilsbekwaamZelf));
    }
}

#[test]
fn abuse_signals_parent_of_a_10_year_old_asks_vernietiging_not_allowed() {
    for regime in REGIMES {
        let mut i = with_regime(input(VERNIETIGING, 10, OuderMetGezag, None), regime);
        i.signalen_mishandeling = Some(true);
        assert_eq!(cell(&i), (Outcome::Weigeren, Reason::SignalenMishandeling));
    }
}

#[test]
fn abuse_signals_block_every_destruction_short_of_16_and_wilsbekwaam() {
    // Parents of a 17-year-old who is not wilsbekwaam: whoever asks, no destruction.
    let mut i = input(VERNIETIGING, 17, OuderMetGezag, NOT_WB);
    i.signalen_mishandeling = Some(true);
    assert_eq!(cell(&i), (Outcome::Weigeren, Reason::SignalenMishandeling));
    // Someone who may not ask at all stays not authorised (niet ontvankelijk, not afgewezen).
    let mut i = input(VERNIETIGING, 10, Derde, None);
    i.signalen_mishandeling = Some(true);
    assert_eq!(cell(&i).0, Outcome::NietBevoegd);
}

#[test]
fn abuse_signals_unchecked_where_they_decide_needs_assessment() {
    let i = input(VERNIETIGING, 8, OuderMetGezag, None);
    assert_eq!(
        cell(&i),
        (Outcome::BeoordelingNodig, Reason::SignalenNietNagegaan)
    );
    let i = input(VERNIETIGING, 13, Jeugdige, WB);
    assert_eq!(cell(&i).0, Outcome::BeoordelingNodig);
    // Not asked where they cannot change the answer.
    let i = input(VERNIETIGING, 13, OuderMetGezag, WB);
    assert_eq!(cell(&i).0, Outcome::NietBevoegd);
    let i = input(INZAGE, 8, OuderMetGezag, None);
    assert_eq!(cell(&i).0, Outcome::Mag);
}

#[test]
fn birthday_between_receipt_and_decision_the_age_on_the_decision_date_governs() {
    // Turns 12 on 15 March 2026: received on 1 March (11), decided on 20 March (12).
    let born = date(2014, 3, 15);
    let dates = AuthorityDates::new(born, date(2026, 3, 1), date(2026, 3, 20)).unwrap();
    assert_eq!(dates.age_at_receipt(), 11);
    assert_eq!(dates.age_at_decision(), 12);
    let mut i = AuthorityInput::new(Right::new(INZAGE).unwrap(), dates, Jeugdige);
    i.wilsbekwaam = WB;
    let a = assess(&i);
    // At 11 this was "through the parents"; at the decision the child's own rules apply.
    assert_eq!(
        (a.outcome, a.reason),
        (Outcome::Mag, Reason::Kind12Tot16Wilsbekwaam)
    );
    assert_eq!(a.age_at_decision, 12);
    assert_eq!(
        a.birthday_crossed,
        Some(CrossedBirthday {
            age: 12,
            on: date(2026, 3, 15)
        })
    );
    // (Its words, with the note on the birthday: `i18n::authority`'s tests.)

    // The parent who asked at 11 now needs the child's consent (WGBO).
    i.requester = OuderMetGezag;
    assert_eq!(cell(&i).0, Outcome::AlleenMetToestemmingKind);

    // Turning 16 in between: the parent now needs written consent.
    let dates =
        AuthorityDates::new(date(2010, 3, 10), date(2026, 3, 1), date(2026, 3, 10)).unwrap();
    let mut i = AuthorityInput::new(Right::new(INZAGE).unwrap(), dates, OuderMetGezag);
    i.wilsbekwaam = WB;
    i.child_consent = Toestemming::Gegeven;
    let a = assess(&i);
    assert_eq!(a.outcome, Outcome::AlleenMetSchriftelijkeToestemming);
    assert_eq!(a.birthday_crossed.map(|b| b.age), Some(16));
}

#[test]
fn birthday_on_receipt_or_outside_a_milestone_is_not_reported() {
    // 12 on the day of receipt: already 12 when it came in.
    let d = AuthorityDates::new(date(2014, 3, 1), date(2026, 3, 1), date(2026, 3, 20)).unwrap();
    assert_eq!(d.birthday_crossed(), None);
    // Turning 13 in between is no milestone.
    let d = AuthorityDates::new(date(2013, 3, 5), date(2026, 3, 1), date(2026, 3, 20)).unwrap();
    assert_eq!(d.birthday_crossed(), None);
    let a = assess(&AuthorityInput::new(
        Right::new(INZAGE).unwrap(),
        d,
        OuderMetGezag,
    ));
    assert_eq!(a.birthday_crossed, None);
    // Turning 18 in between is one: gezag ends.
    let d = AuthorityDates::new(date(2008, 3, 20), date(2026, 3, 1), date(2026, 3, 20)).unwrap();
    assert_eq!(d.birthday_crossed().map(|b| b.age), Some(18));
}

#[test]
fn feb_29_born_2008_turns_16_on_29_feb_2024() {
    let born = date(2008, 2, 29);
    assert_eq!(age_on(born, date(2024, 2, 28)), Some(15));
    assert_eq!(age_on(born, date(2024, 2, 29)), Some(16));
    assert_eq!(birthday(born, 16), Some(date(2024, 2, 29)));
}

#[test]
fn feb_29_born_2012_turns_12_on_29_feb_2024() {
    let born = date(2012, 2, 29);
    assert_eq!(age_on(born, date(2024, 2, 28)), Some(11));
    assert_eq!(age_on(born, date(2024, 2, 29)), Some(12));
    // Received on 28 February, decided on 29 February: the 12th birthday fell in between.
    let d = AuthorityDates::new(born, date(2024, 2, 28), date(2024, 2, 29)).unwrap();
    assert_eq!(
        d.birthday_crossed(),
        Some(CrossedBirthday {
            age: 12,
            on: date(2024, 2, 29)
        })
    );
}

#[test]
fn feb_29_in_a_common_year_the_birthday_counts_on_1_march() {
    let born = date(2000, 2, 29);
    assert_eq!(age_on(born, date(2017, 2, 28)), Some(16));
    assert_eq!(age_on(born, date(2017, 3, 1)), Some(17));
    assert_eq!(birthday(born, 17), Some(date(2017, 3, 1)));
    // 12 and 16 fall in leap years for a 29 February child, except across a century: born
    // 29 Feb 2084, 16 in 2100, which is a common year.
    let born = date(2084, 2, 29);
    assert_eq!(birthday(born, 16), Some(date(2100, 3, 1)));
    assert_eq!(age_on(born, date(2100, 2, 28)), Some(15));
    // 18 always falls in a common year: born 29 Feb 2008, received 28 Feb 2026, decided 1 March.
    let d = AuthorityDates::new(date(2008, 2, 29), date(2026, 2, 28), date(2026, 3, 1)).unwrap();
    assert_eq!(d.age_at_receipt(), 17);
    assert_eq!(
        d.birthday_crossed(),
        Some(CrossedBirthday {
            age: 18,
            on: date(2026, 3, 1)
        })
    );
}

#[test]
fn ages_are_whole_years_and_undefined_before_birth() {
    let born = date(2014, 6, 15);
    assert_eq!(age_on(born, born), Some(0));
    assert_eq!(age_on(born, date(2026, 6, 14)), Some(11));
    assert_eq!(age_on(born, date(2026, 6, 15)), Some(12));
    assert_eq!(age_on(born, date(2014, 6, 14)), None);
}

#[test]
fn unknown_wilsbekwaamheid_where_the_table_needs_it_needs_assessment() {
    let needs = [
        (INZAGE, 12, Jeugdige),
        (INZAGE, 14, OuderMetGezag),
        (INZAGE, 17, OuderMetGezag),
        (INZAGE, 19, CuratorOfMentor),
        (VERNIETIGING, 13, Jeugdige),
        (VERNIETIGING, 16, OuderMetGezag),
    ];
    for regime in REGIMES {
        for (kind, age, role) in needs {
            let i = with_regime(input(kind, age, role, None), regime);
            let a = assess(&i);
            assert_eq!(
                (a.outcome, a.reason),
                (Outcome::BeoordelingNodig, Reason::WilsbekwaamheidOnbekend),
                "{kind} {age} {role:?}"
            );
            assert_eq!(a.outcome.next_step(), NextStep::Await);
        }
    }
    // A third party's written consent on file: whose consent counts depends on it.
    let mut i = input(INZAGE, 14, Derde, None);
    i.child_consent = Toestemming::Schriftelijk;
    assert_eq!(cell(&i).1, Reason::WilsbekwaamheidOnbekend);
}

#[test]
fn unknown_wilsbekwaamheid_where_it_cannot_matter_is_not_asked() {
    assert_eq!(
        cell(&input(INZAGE, 11, Jeugdige, None)).0,
        Outcome::DoorVertegenwoordigers
    );
    assert_eq!(
        cell(&input(INZAGE, 14, Derde, None)).1,
        Reason::DerdeToestemmingNodig
    );
    assert_eq!(
        cell(&input(INZAGE, 14, Pleegouder, None)).1,
        Reason::Pleegouder
    );
    // Issue 18: from 16 wilsbekwaamheid decides who withdraws a consent, so it is asked.
    assert_eq!(
        cell(&input(CaseKind::IntrekkenToestemming, 17, Jeugdige, None)).0,
        Outcome::BeoordelingNodig
    );
}

#[test]
fn with_every_judgement_recorded_the_table_always_answers() {
    let roles = [
        Jeugdige,
        OuderMetGezag,
        Voogd,
        CuratorOfMentor,
        OuderZonderGezag,
        Pleegouder,
        Gezinsvoogd,
        Derde,
    ];
    for regime in REGIMES {
        for kind in CaseKind::VERZOEKEN {
            for role in roles {
                for age in 0..=25 {
                    for wb in [true, false] {
                        for signals in [true, false] {
                            for harms in [true, false] {
                                let mut i = with_regime(input(kind, age, role, Some(wb)), regime);
                                i.signalen_mishandeling = Some(signals);
                                i.jeugdwet_schaadt_hulpverlening = Some(harms);
                                assert_ne!(assess(&i).outcome, Outcome::BeoordelingNodig);
                            }
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn curator_or_mentor_exists_only_from_18() {
    for kind in [INZAGE, VERNIETIGING, CaseKind::IntrekkenToestemming] {
        let i = no_signals(input(kind, 17, CuratorOfMentor, NOT_WB));
        assert_eq!(
            cell(&i),
            (Outcome::NietBevoegd, Reason::CuratorMentorPasVanaf18)
        );
    }
}

#[test]
fn from_18_a_parent_or_former_carer_asks_as_a_third_party() {
    for role in [
        OuderMetGezag,
        Voogd,
        OuderZonderGezag,
        Pleegouder,
        Gezinsvoogd,
    ] {
        let i = input(INZAGE, 18, role, WB);
        assert_eq!(
            cell(&i),
            (
                Outcome::AlleenMetSchriftelijkeToestemming,
                Reason::Meerderjarig
            )
        );
        let mut i = input(INZAGE, 18, role, WB);
        i.child_consent = Toestemming::Schriftelijk;
        assert_eq!(cell(&i).0, Outcome::AlsDerde);
        let i = no_signals(input(VERNIETIGING, 18, role, NOT_WB));
        assert_eq!(
            cell(&i),
            (
                Outcome::NietBevoegd,
                Reason::VernietigingAlleenRechthebbende
            )
        );
    }
}

#[test]
fn non_holders_with_the_holders_written_consent_get_what_a_third_party_gets() {
    for role in [OuderZonderGezag, Pleegouder, Gezinsvoogd] {
        let mut i = input(INZAGE, 8, role, None);
        i.vertegenwoordiger_schriftelijke_toestemming = true;
        assert_eq!(
            cell(&i),
            (Outcome::AlsDerde, Reason::AlsDerdeMetToestemming)
        );
        // Issue 18: a wilsbekwaam 17-year-old's written consent does not make a pleegouder or a
        // parent without gezag a parent with gezag: a disclosure as to a third party, and not
        // the holder's other rights.
        let mut i = input(INZAGE, 17, role, WB);
        i.child_consent = Toestemming::Schriftelijk;
        assert_eq!(cell(&i).0, Outcome::AlsDerde);
        let mut i = input(CaseKind::Rectificatie, 17, role, WB);
        i.child_consent = Toestemming::Schriftelijk;
        assert_eq!(
            cell(&i),
            (Outcome::NietBevoegd, Reason::AlsDerdeAlleenVerstrekking)
        );
    }
}

#[test]
fn a_datalek_is_not_a_right() {
    assert_eq!(Right::new(CaseKind::Datalek), Err(NotARight));
    assert_eq!(Right::try_from(CaseKind::Datalek), Err(NotARight));
    for kind in CaseKind::VERZOEKEN {
        assert_eq!(Right::new(kind).map(Right::kind), Ok(kind));
    }
    assert_eq!(
        Right::new(VERNIETIGING).unwrap().column(),
        Column::Vernietiging
    );
    assert_eq!(
        Right::new(CaseKind::IntrekkenToestemming).unwrap().column(),
        Column::IntrekkenToestemming
    );
}

#[test]
fn dates_out_of_order_are_refused() {
    let d = date(2026, 3, 2);
    assert_eq!(
        AuthorityDates::new(date(2026, 3, 3), d, d),
        Err(DateError::BornAfterReceipt)
    );
    assert_eq!(
        AuthorityDates::new(date(2010, 1, 1), d, date(2026, 3, 1)),
        Err(DateError::DecisionBeforeReceipt)
    );
    assert!(AuthorityDates::new(d, d, d).is_ok());
}

#[test]
fn outcomes_lead_to_their_next_step() {
    use NextStep::*;
    let expected = [
        (Outcome::Mag, Proceed),
        (Outcome::WeigeringMogelijk, Proceed),
        (Outcome::AlleenMetToestemmingKind, Await),
        (Outcome::AlleenMetSchriftelijkeToestemming, Await),
        (Outcome::BeoordelingNodig, Await),
        (Outcome::NietBevoegd, NietOntvankelijk),
        (Outcome::DoorVertegenwoordigers, NietOntvankelijk),
        (Outcome::Weigeren, Refuse),
        (Outcome::BeperkteInformatie, InformOnly),
        (Outcome::AlsDerde, Proceed),
    ];
    assert_eq!(expected.len(), Outcome::ALL.len());
    for (o, step) in expected {
        assert_eq!(o.next_step(), step, "{o:?}");
        assert_eq!(o.allows_processing(), step == Proceed);
        assert_eq!(o.leads_to_niet_ontvankelijk(), step == NietOntvankelijk);
    }
}

#[test]
fn regime_and_roles_serialise_as_the_config_and_journal_spell_them() {
    assert_eq!(DossierRegime::default(), WGBO);
    assert_eq!(serde_json::to_string(&JEUGDWET).unwrap(), "\"jeugdwet\"");
    assert_eq!(
        serde_json::to_string(&OuderMetGezag).unwrap(),
        "\"ouder-met-gezag\""
    );
    assert_eq!(
        serde_json::to_string(&Reason::Wgbo12Tot16OuderMetOordeel).unwrap(),
        "\"wgbo12-tot16-ouder-met-oordeel\""
    );
}

#[test]
fn row_gemachtigde_acts_for_the_holder_with_a_written_machtiging() {
    let g = RequesterRole::Gemachtigde;
    let nodig = (
        Outcome::AlleenMetSchriftelijkeToestemming,
        Reason::GemachtigdeMachtigingNodig,
    );
    for kind in [INZAGE, VERNIETIGING] {
        // Without a machtiging on file: nothing yet.
        assert_eq!(
            cell(&no_signals(input(kind, 9, g, None))),
            nodig,
            "{kind:?}"
        );
    }
    // Under 12 the parents hold the right: their machtiging makes it their request.
    let mut i = input(INZAGE, 9, g, None);
    i.vertegenwoordiger_schriftelijke_toestemming = true;
    assert_eq!(cell(&i), (Outcome::Mag, Reason::GemachtigdeMetMachtiging));
    let mut i = no_signals(input(VERNIETIGING, 9, g, None));
    i.vertegenwoordiger_schriftelijke_toestemming = true;
    assert_eq!(cell(&i), (Outcome::Mag, Reason::Onder12Vertegenwoordiger));
    // The KNMG-meldcode still bars the destruction.
    i.signalen_mishandeling = Some(true);
    assert_eq!(cell(&i), (Outcome::Weigeren, Reason::SignalenMishandeling));
    // A wilsbekwaam 14-year-old holds the right: the parents' machtiging is not enough, the
    // child's written one is (and a destruction may then be refused, as for the child).
    let mut i = no_signals(input(VERNIETIGING, 14, g, WB));
    i.vertegenwoordiger_schriftelijke_toestemming = true;
    assert_eq!(cell(&i), nodig);
    i.child_consent = Toestemming::Schriftelijk;
    assert_eq!(
        cell(&i),
        (Outcome::WeigeringMogelijk, Reason::Vernietiging12Tot16Kind)
    );
}
