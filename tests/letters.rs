//! The letters: every letter for a fixed case as the family reads it (snapshots), the refusals
//! of a letter that would be wrong, override templates, and writing without overwriting.
#![allow(clippy::unwrap_used)]

use privdesk::domain::case::CaseField;
use std::os::unix::fs::PermissionsExt;

use chrono::{DateTime, NaiveDate, Utc};
use privdesk::config::{Organisatie, OrganisatieType};
use privdesk::demo::amsterdam_instant;
use privdesk::domain::case::*;
use privdesk::domain::checklist::{Answer, AnswerType, StepId, find};
use privdesk::domain::deadline::amsterdam_date;
use privdesk::domain::event::{Event, Stamp};
use privdesk::domain::kind::{CaseId, CaseKind};
use privdesk::i18n::Lang;
use privdesk::letters::{
    LetterError, LetterKind, LetterWarning, Template, render, warnings, write_letter,
};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn at(s: &str) -> DateTime<Utc> {
    amsterdam_instant(d(s), 10, 0).unwrap()
}

/// The fictitious organisation of the letters.
fn org(org_type: OrganisatieType) -> Organisatie {
    Organisatie {
        naam: Some("GGD Voorbeeldregio, afdeling Jeugdgezondheidszorg".into()),
        adres: Some("Postbus 1234\n1000 AB Voorbeeldstad".into()),
        org_type: Some(org_type),
        fg_naam: Some("mr. J. Jansen".into()),
        fg_contact: Some("fg@ggd-voorbeeldregio.example".into()),
        ..Organisatie::default()
    }
}

fn ggd() -> Organisatie {
    org(OrganisatieType::Bestuursorgaan)
}

/// A case built through the domain's events, as the app would record it.
struct T {
    case: Case,
    seq: u64,
    now: DateTime<Utc>,
}

impl T {
    fn new(kind: CaseKind, received: &str) -> T {
        T::with(kind, received, |_| {})
    }

    /// A case whose registration `change` alters first (the relation, how the answer goes).
    fn with(kind: CaseKind, received: &str, change: impl FnOnce(&mut RequestFacts)) -> T {
        let mut request = RequestFacts {
            kind,
            received: d(received),
            channel: Channel::Brief,
            requester: Requester {
                name: "Fenna Fictief".into(),
                relation: Relation::OuderMetGezag,
                contact: "06-00000000".into(),
                address: "Verzonnenstraat 1\n1000 AA Voorbeeldstad".into(),
                salutation: None,
            },
            child: Child {
                name: "Lieke Fictief".into(),
                birth_date: d("2020-05-17"),
            },
            notes: "tweede ouder: Kees Fictief".into(),
            regime: Default::default(),
            reply: Some(ReplyMethod::Post),
        };
        change(&mut request);
        let e = Event::Registered {
            case: CaseId::new('V', 2026, 42),
            request,
        };
        let now = at(received);
        let stamp = Stamp {
            seq: 1,
            at: now,
            user: "t".into(),
        };
        T {
            case: Case::register(&e, &stamp).unwrap(),
            seq: 1,
            now,
        }
    }

    fn on(mut self, date: &str) -> T {
        self.now = at(date);
        self
    }

    fn apply(&mut self, e: Event) {
        self.seq += 1;
        let stamp = Stamp {
            seq: self.seq,
            at: self.now,
            user: "t".into(),
        };
        self.case.apply(&e, &stamp).unwrap();
    }

    /// Answers every missing step with harmless defaults.
    fn answer_rest(&mut self) {
        let today = amsterdam_date(self.now);
        while let Some(step) = self.case.missing_steps(today, None).first().copied() {
            let a = match find(self.case.kind, step).unwrap().ty {
                AnswerType::YesNo => Answer::YesNo(!matches!(
                    step,
                    StepId::SignalenMishandeling | StepId::Bewaarplicht | StepId::BelangAnder
                )),
                AnswerType::Choice(o) | AnswerType::Choices(o) => Answer::Choice(
                    if step == StepId::ToestemmingKind {
                        "gegeven"
                    } else {
                        o[0]
                    }
                    .into(),
                ),
                AnswerType::Date => Answer::Date(today),
                AnswerType::Instant => Answer::Instant(self.now),
                AnswerType::Text => Answer::Text("ok".into()),
                AnswerType::Number => Answer::Number(1),
            };
            let case = self.case.id;
            self.apply(Event::Answered {
                case,
                step,
                answer: a,
            });
        }
    }

    fn extend(mut self, reason: ExtensionReason, explanation: &str) -> T {
        let case = self.case.id;
        self.apply(Event::Extended {
            case,
            reason,
            explanation: explanation.into(),
            notice_sent: amsterdam_date(self.now),
        });
        self
    }

    fn decide(mut self, decision: Decision, reason: &str, kept: &str) -> T {
        let case = self.case.id;
        if decision == Decision::NietOntvankelijk {
            self.apply(Event::Answered {
                case,
                step: StepId::IdentiteitGecontroleerd,
                answer: Answer::YesNo(false),
            });
        } else {
            self.answer_rest();
        }
        self.apply(Event::Decided {
            case,
            decision,
            reason: reason.into(),
            explanation: Some(reason.into()),
            kept: kept.into(),
        });
        self
    }
}

/// The afschrift every letter is shown for: received Fri 26 March 2027, answer by Mon 26 April.
fn afschrift() -> T {
    T::new(CaseKind::Afschrift, "2027-03-26").on("2027-04-06")
}

fn vernietiging() -> T {
    T::new(CaseKind::Vernietiging, "2026-11-23").on("2026-12-01")
}

const COMPLEX: &str = "Het dossier loopt over twee organisaties en vier jaar, en een deel staat nog op papier in het archief.";
const COMPLEX_EN: &str = "The file spans two organisations and four years, and part of it is still on paper in the archive.";
const REPEAT: &str = "U heeft op 2 maart 2027 al een kopie van hetzelfde dossier gekregen, en sindsdien is er niets aan toegevoegd.";
const REPEAT_EN: &str =
    "You received a copy of the same file on 2 March 2027, and nothing has been added to it since.";

/// The desk writes free text in the letter's language.
fn said(lang: Lang, nl: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

/// The letter, dated the day the test's case was last changed.
fn letter(kind: LetterKind, t: &T, org: &Organisatie, lang: Lang) -> String {
    let (case, today) = (&t.case, amsterdam_date(t.now));
    render(kind, case, org, lang, today, &Template::builtin(kind, lang)).unwrap()
}

/// Checks what every letter must say, then returns it for the snapshot.
fn checked(text: String, t: &T, lang: Lang) -> String {
    for must in [
        "GGD Voorbeeldregio, afdeling Jeugdgezondheidszorg",
        "Postbus 1234",
        "V-2026-0042",
        "Fenna Fictief",
        "mr. J. Jansen",
        "fg@ggd-voorbeeldregio.example",
        "Autoriteit Persoonsgegevens",
    ] {
        assert!(text.contains(must), "missing {must:?} in\n{text}");
    }
    // The letter goes to the requester: nothing about the child or the other parent.
    for never in ["Lieke", "2020", "17 mei", "Kees"] {
        assert!(!text.contains(never), "{never:?} in\n{text}");
    }
    let date = privdesk::i18n::letters::date(amsterdam_date(t.now), lang);
    assert!(text.contains(&date), "no letter date in\n{text}");
    assert!(!text.contains("{{") && !text.contains("{%"));
    text
}

#[test]
fn ontvangstbevestiging() {
    let t = afschrift();
    for lang in [Lang::Nl, Lang::En] {
        let text = checked(
            letter(LetterKind::Ontvangstbevestiging, &t, &ggd(), lang),
            &t,
            lang,
        );
        insta::assert_snapshot!(format!("ontvangstbevestiging_afschrift_{lang}"), text);
    }
    let t = vernietiging();
    for lang in [Lang::Nl, Lang::En] {
        let text = checked(
            letter(LetterKind::Ontvangstbevestiging, &t, &ggd(), lang),
            &t,
            lang,
        );
        insta::assert_snapshot!(format!("ontvangstbevestiging_vernietiging_{lang}"), text);
    }
    let t = T::new(CaseKind::IntrekkenToestemming, "2027-03-26").on("2027-03-29");
    let text = checked(
        letter(LetterKind::Ontvangstbevestiging, &t, &ggd(), Lang::Nl),
        &t,
        Lang::Nl,
    );
    assert!(
        !text.contains("verlengen"),
        "no extension for a withdrawal:\n{text}"
    );
    insta::assert_snapshot!("ontvangstbevestiging_intrekken_toestemming_nl", text);
}

#[test]
fn verlenging() {
    for lang in [Lang::Nl, Lang::En] {
        let t = afschrift().extend(
            ExtensionReason::Complexiteit,
            said(lang, COMPLEX, COMPLEX_EN),
        );
        let text = checked(letter(LetterKind::Verlenging, &t, &ggd(), lang), &t, lang);
        insta::assert_snapshot!(format!("verlenging_afschrift_{lang}"), text);
    }
    let t = vernietiging().extend(
        ExtensionReason::AantalVerzoeken,
        "U heeft tegelijk om vernietiging gevraagd voor drie kinderen en om een kopie van elk dossier.",
    );
    let text = checked(
        letter(LetterKind::Verlenging, &t, &ggd(), Lang::Nl),
        &t,
        Lang::Nl,
    );
    insta::assert_snapshot!("verlenging_vernietiging_nl", text);
}

#[test]
fn besluit_for_each_decision() {
    let reasons = [
        (Decision::Toegewezen, ""),
        (
            Decision::DeelsToegewezen,
            "In het dossier staan ook gegevens over een ander gezinslid. Die hebben wij onleesbaar gemaakt, omdat zij over iemand anders gaan (artikel 15, vierde lid, AVG).",
        ),
        (Decision::Afgewezen, REPEAT),
        (
            Decision::NietOntvankelijk,
            "Wij konden niet vaststellen wie u bent: u bent niet aan de balie geweest en u heeft niet met DigiD ingelogd.",
        ),
    ];
    for (decision, reason) in reasons {
        let t = afschrift().decide(decision, reason, "");
        let text = checked(
            letter(LetterKind::Besluit, &t, &ggd(), Lang::Nl),
            &t,
            Lang::Nl,
        );
        if decision.is_refusal() {
            assert!(text.contains("bezwaar") && text.contains("zes weken"));
        } else {
            // A granted request is not offered remedies against what it asked for.
            assert!(
                !text.contains("bezwaar maken") && !text.contains("alsnog"),
                "{text}"
            );
        }
        insta::assert_snapshot!(format!("besluit_afschrift_{decision:?}_nl"), text);
    }
    let t = afschrift().decide(Decision::Toegewezen, "", "");
    let text = checked(
        letter(LetterKind::Besluit, &t, &ggd(), Lang::En),
        &t,
        Lang::En,
    );
    insta::assert_snapshot!("besluit_afschrift_Toegewezen_en", text);
}

#[test]
fn besluit_names_the_remedy_of_the_organisation_type() {
    let stichting = org(OrganisatieType::Privaat);
    for lang in [Lang::Nl, Lang::En] {
        let t = afschrift().decide(Decision::Afgewezen, said(lang, REPEAT, REPEAT_EN), "");
        let text = checked(letter(LetterKind::Besluit, &t, &stichting, lang), &t, lang);
        assert!(text.contains("35"), "UAVG 35 in\n{text}");
        assert!(!text.contains("Awb") && !text.contains("bezwaarschrift"));
        insta::assert_snapshot!(format!("besluit_afschrift_Afgewezen_privaat_{lang}"), text);
    }
    let t = afschrift().decide(Decision::Afgewezen, REPEAT_EN, "");
    let text = letter(LetterKind::Besluit, &t, &ggd(), Lang::En);
    assert!(text.contains("34") && text.contains("objection") && text.contains("six weeks"));
}

#[test]
fn besluit_vernietiging_says_what_is_kept_and_about_the_rivm() {
    for lang in [Lang::Nl, Lang::En] {
        let kept = said(
            lang,
            "Uw verzoek, deze brief en de datum van vernietiging bewaren wij, zodat wij kunnen laten zien dat wij het dossier hebben vernietigd.",
            "We keep your request, this letter and the date of destruction, so that we can show that we destroyed the file.",
        );
        let t = vernietiging().decide(Decision::Toegewezen, "", kept);
        let text = checked(letter(LetterKind::Besluit, &t, &ggd(), lang), &t, lang);
        assert!(text.contains("RIVM") && text.contains("23"));
        insta::assert_snapshot!(format!("besluit_vernietiging_Toegewezen_{lang}"), text);
    }
}

/// Every refusal, as the desk reads it: the case, the letter, the message in both languages.
#[test]
fn refusals_name_what_is_missing() {
    let open = afschrift();
    let decided = afschrift().decide(Decision::Toegewezen, "", "");
    let consent = T::new(CaseKind::IntrekkenToestemming, "2027-03-26").on("2027-04-06");
    let mut ended = afschrift();
    let id = ended.case.id;
    ended.apply(Event::Ended {
        case: id,
        ending: Ending::Vervallen {
            reason: "dubbel ingevoerd".into(),
        },
    });
    let breach = {
        let e = Event::BreachRegistered {
            case: CaseId::new('D', 2027, 7),
            breach: BreachFacts {
                aware_at: at("2027-04-01"),
                processor_notice_at: None,
                processor: String::new(),
                reported_by: "jeugdarts".into(),
                nature: BreachNature::VerkeerdeOntvanger,
                description: String::new(),
            },
        };
        let stamp = Stamp {
            seq: 1,
            at: at("2027-04-02"),
            user: "t".into(),
        };
        Case::register(&e, &stamp).unwrap()
    };
    let full = ggd();
    let no_org = Organisatie::default();
    let no_fg = Organisatie {
        fg_contact: None,
        ..ggd()
    };
    let no_type = Organisatie {
        org_type: None,
        ..ggd()
    };
    let mut no_explanation = afschrift().extend(ExtensionReason::Complexiteit, COMPLEX);
    if let Some(x) = &mut no_explanation.case.extension {
        x.explanation = " ".into();
    }
    let mut no_reason = afschrift().decide(Decision::Afgewezen, "x", "");
    if let Some(r) = &mut no_reason.case.decision {
        r.reason = String::new();
    }
    let cases: Vec<(&str, LetterKind, &Case, &Organisatie, LetterError)> = vec![
        (
            "datalek",
            LetterKind::Ontvangstbevestiging,
            &breach,
            &full,
            LetterError::NotAVerzoek,
        ),
        (
            "vervallen",
            LetterKind::Ontvangstbevestiging,
            &ended.case,
            &full,
            LetterError::Ended,
        ),
        (
            "no organisation",
            LetterKind::Ontvangstbevestiging,
            &open.case,
            &no_org,
            LetterError::MissingSettings(vec![
                "organisatie.naam",
                "organisatie.type",
                "organisatie.fg_contact",
            ]),
        ),
        (
            "no type",
            LetterKind::Besluit,
            &decided.case,
            &no_type,
            LetterError::MissingSettings(vec!["organisatie.type"]),
        ),
        (
            "no FG contact",
            LetterKind::Verlenging,
            &open.case,
            &no_fg,
            LetterError::MissingSettings(vec!["organisatie.fg_contact"]),
        ),
        (
            "besluit, not decided",
            LetterKind::Besluit,
            &open.case,
            &full,
            LetterError::NoDecision,
        ),
        (
            "besluit, refusal without reasons",
            LetterKind::Besluit,
            &no_reason.case,
            &full,
            LetterError::DecisionWithoutReason(Decision::Afgewezen),
        ),
        (
            "verlenging, not extended",
            LetterKind::Verlenging,
            &open.case,
            &full,
            LetterError::NotExtended,
        ),
        (
            "verlenging, intrekken toestemming",
            LetterKind::Verlenging,
            &consent.case,
            &full,
            LetterError::NotExtendable(CaseKind::IntrekkenToestemming),
        ),
        (
            "verlenging, no explanation",
            LetterKind::Verlenging,
            &no_explanation.case,
            &full,
            LetterError::ExtensionWithoutReason,
        ),
    ];
    let mut out = String::new();
    for (what, kind, case, org, expected) in cases {
        let template = Template::builtin(kind, Lang::Nl);
        let err = render(kind, case, org, Lang::Nl, d("2027-04-06"), &template).unwrap_err();
        assert_eq!(err, expected, "{what}");
        let nl = err.message(Lang::Nl);
        assert!(!nl.contains("Fenna") && !nl.contains("Lieke"));
        out += &format!(
            "{what} / {kind}\n  nl: {nl}\n  en: {}\n",
            err.message(Lang::En)
        );
    }
    insta::assert_snapshot!("refusals", out);
}

#[test]
fn an_override_template_is_used_per_letter_and_language() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("ontvangstbevestiging.nl.md"),
        "Eigen sjabloon {{ kenmerk }}, uiterlijk {{ verzoek.termijn }}.\n",
    )
    .unwrap();
    let t = afschrift();
    let nl =
        Template::resolve(LetterKind::Ontvangstbevestiging, Lang::Nl, Some(dir.path())).unwrap();
    assert_eq!(
        nl.name,
        dir.path()
            .join("ontvangstbevestiging.nl.md")
            .display()
            .to_string()
    );
    let text = render(
        LetterKind::Ontvangstbevestiging,
        &t.case,
        &ggd(),
        Lang::Nl,
        d("2027-04-06"),
        &nl,
    )
    .unwrap();
    assert_eq!(
        text,
        "Eigen sjabloon V-2026-0042, uiterlijk 26 april 2027.\n"
    );
    // Other letters and languages keep the built-in template.
    for (kind, lang) in [
        (LetterKind::Ontvangstbevestiging, Lang::En),
        (LetterKind::Besluit, Lang::Nl),
    ] {
        let t = Template::resolve(kind, lang, Some(dir.path())).unwrap();
        assert_eq!(t, Template::builtin(kind, lang));
    }
    // An override still has to pass the refusal check.
    let err = render(
        LetterKind::Ontvangstbevestiging,
        &t.case,
        &Organisatie::default(),
        Lang::Nl,
        d("2027-04-06"),
        &nl,
    )
    .unwrap_err();
    assert!(matches!(err, LetterError::MissingSettings(_)));
}

#[test]
fn a_broken_override_names_the_file_and_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let t = afschrift().decide(Decision::Toegewezen, "", "");
    let cases = [
        // A syntax error on line 3.
        (
            LetterKind::Besluit,
            "Beste {{ verzoeker.naam }},\n\n{% if besluit.uitkomst == %}\nx\n{% endif %}\n",
            3,
        ),
        // An unknown variable on line 2: strict, never rendered as empty.
        (
            LetterKind::Ontvangstbevestiging,
            "Beste {{ verzoeker.naam }},\nUw kind {{ kind.naam }} is geboren op ...\n",
            2,
        ),
        // A verlenging on an unextended case is refused before; a besluit that reads the
        // verlenging of a case without one fails on line 4.
        (
            LetterKind::Besluit,
            "a\nb\nc\n{{ verlenging.termijn }}\n",
            4,
        ),
    ];
    for (kind, source, line) in cases {
        let file = dir
            .path()
            .join(privdesk::letters::template_file_name(kind, Lang::Nl));
        std::fs::write(&file, source).unwrap();
        let template = Template::resolve(kind, Lang::Nl, Some(dir.path())).unwrap();
        let err = render(kind, &t.case, &ggd(), Lang::Nl, d("2027-04-06"), &template).unwrap_err();
        let LetterError::Template {
            file: f, line: l, ..
        } = &err
        else {
            panic!("not a template error: {err:?}");
        };
        assert_eq!(f, &file.display().to_string());
        assert_eq!(*l, Some(line), "{}", err.message(Lang::Nl));
        let msg = err.message(Lang::Nl);
        assert!(
            msg.contains(&file.display().to_string()) && msg.contains(&format!("regel {line}"))
        );
        assert!(!msg.contains("Fenna"));
    }
}

#[test]
fn an_unreadable_override_is_an_error_not_the_builtin() {
    let dir = tempfile::tempdir().unwrap();
    // A folder where the file should be cannot be read as a template.
    std::fs::create_dir(dir.path().join("besluit.en.md")).unwrap();
    let err = Template::resolve(LetterKind::Besluit, Lang::En, Some(dir.path())).unwrap_err();
    assert!(matches!(err, LetterError::TemplateRead { .. }), "{err:?}");
}

#[test]
fn letters_are_written_0600_and_never_overwritten() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("brieven").join("2027");
    let id = CaseId::new('V', 2026, 42);
    let first = write_letter(&dir, id, LetterKind::Besluit, "eerste\n").unwrap();
    let second = write_letter(&dir, id, LetterKind::Besluit, "tweede\n").unwrap();
    let third = write_letter(&dir, id, LetterKind::Besluit, "derde\n").unwrap();
    let other = write_letter(&dir, id, LetterKind::Verlenging, "verlenging\n").unwrap();
    assert_eq!(first, dir.join("V-2026-0042-besluit.md"));
    assert_eq!(second, dir.join("V-2026-0042-besluit-2.md"));
    assert_eq!(third, dir.join("V-2026-0042-besluit-3.md"));
    assert_eq!(other, dir.join("V-2026-0042-verlenging.md"));
    assert_eq!(std::fs::read_to_string(&first).unwrap(), "eerste\n");
    assert_eq!(std::fs::read_to_string(&second).unwrap(), "tweede\n");
    for f in [&first, &second, &third, &other] {
        let mode = std::fs::metadata(f).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}", f.display());
    }
    let mode = std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o700);
    // No temporary file is left behind.
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "V-2026-0042-besluit-2.md",
            "V-2026-0042-besluit-3.md",
            "V-2026-0042-besluit.md",
            "V-2026-0042-verlenging.md"
        ]
    );
}

#[test]
fn an_existing_folder_keeps_its_mode() {
    let root = tempfile::tempdir().unwrap();
    std::fs::set_permissions(root.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    write_letter(
        root.path(),
        CaseId::new('V', 2026, 1),
        LetterKind::Ontvangstbevestiging,
        "x\n",
    )
    .unwrap();
    let mode = std::fs::metadata(root.path()).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o755);
}

// ---- Issue 15: letters that protect the child -------------------------------------------

/// What the authority table fills in as the reasoning of a refusal on signals of abuse: it
/// names them, and belongs in the dossier only.
const ABUSE_REASONING: &str = "Er zijn signalen van (vermoeden van) kindermishandeling of huiselijk geweld: het dossier wordt alleen vernietigd als de jeugdige 16 of ouder en wilsbekwaam is (KNMG-meldcode).";

/// A vernietiging for a child of 6 with signals of abuse on record, refused as the desk's
/// prompt offers it: the reasoning as the table gives it, the letter's explanation its default.
fn abuse_refusal(lang: Lang) -> T {
    let mut t = vernietiging();
    t.answer_rest();
    let case = t.case.id;
    t.apply(Event::Answered {
        case,
        step: StepId::SignalenMishandeling,
        answer: Answer::YesNo(true),
    });
    t.apply(Event::Decided {
        case,
        decision: Decision::Afgewezen,
        reason: ABUSE_REASONING.into(),
        explanation: Some(
            privdesk::i18n::domain::neutral_ground(CaseKind::Vernietiging, lang).into(),
        ),
        kept: String::new(),
    });
    t
}

#[test]
fn an_abuse_refusal_letter_gives_the_neutral_ground_and_never_the_signals() {
    for lang in [Lang::Nl, Lang::En] {
        let t = abuse_refusal(lang);
        let text = letter(LetterKind::Besluit, &t, &ggd(), lang).to_lowercase();
        for never in [
            "mishandeling",
            "huiselijk geweld",
            "signalen",
            "knmg",
            "meldcode",
            "abuse",
            "violence",
            "signals",
        ] {
            assert!(!text.contains(never), "{never:?} in\n{text}");
        }
        assert!(text.contains("7:455"), "no neutral ground in\n{text}");
        assert!(text.contains("hulpverlenerschap"), "{text}");
    }
    // The reasoning stays in the dossier.
    let t = abuse_refusal(Lang::Nl);
    assert_eq!(t.case.decision.as_ref().unwrap().reason, ABUSE_REASONING);
}

#[test]
fn a_refusal_recorded_without_a_letter_explanation_gets_no_letter() {
    // A decision line from before the two texts: its reasoning must not become the letter.
    let mut t = vernietiging();
    t.answer_rest();
    let case = t.case.id;
    t.apply(Event::Decided {
        case,
        decision: Decision::Afgewezen,
        reason: ABUSE_REASONING.into(),
        explanation: None,
        kept: String::new(),
    });
    let err = render(
        LetterKind::Besluit,
        &t.case,
        &ggd(),
        Lang::Nl,
        amsterdam_date(t.now),
        &Template::builtin(LetterKind::Besluit, Lang::Nl),
    )
    .unwrap_err();
    assert_eq!(err, LetterError::NoLetterExplanation(Decision::Afgewezen));
    assert!(err.message(Lang::Nl).contains("opnieuw vast"));
    // A new refusal needs both texts.
    let stamp = Stamp {
        seq: 99,
        at: t.now,
        user: "t".into(),
    };
    let refused = t.case.clone().apply(
        &Event::Decided {
            case,
            decision: Decision::Afgewezen,
            reason: ABUSE_REASONING.into(),
            explanation: Some("  ".into()),
            kept: String::new(),
        },
        &stamp,
    );
    assert_eq!(
        refused,
        Err(Refusal::Required(CaseField::LetterExplanation))
    );
}

/// The hostile values of the issue, and a plain value of the same shape.
const HOSTILE_NAME: &str = "*Fenna* _F_ #1 \\ [x](http://evil.example) <b>vet</b> &amp;";
const HOSTILE_ADDRESS: &str =
    "1. Verzonnenstraat 1\n# 1000 AA Voorbeeldstad\n---\n> Postbus 5\n- Dorp\n===";
const HOSTILE_TEXT: &str = "Reden met *nadruk*, __sterk__ en `code`\n1. eerste\n# kop\n---\n> citaat\n<b>html</b> [klik](http://evil.example) <http://evil.example>\n+ plus\n    ingesprongen\\";
const PLAIN_NAME: &str = "Fenna Fictief";
const PLAIN_ADDRESS: &str = "Verzonnenstraat 1\n1000 AA Voorbeeldstad\nA\nB\nC\nD";
const PLAIN_TEXT: &str = "Reden\neen\ntwee\ndrie\nvier\nvijf\nzes\nzeven";

/// A case whose every typed value is `name`, `address` or `text`, with each letter made.
fn letters_with(name: &str, address: &str, text: &str, lang: Lang) -> Vec<String> {
    let mk = || {
        T::with(CaseKind::Vernietiging, "2026-11-23", |r| {
            r.requester.name = name.into();
            r.requester.address = address.into();
        })
        .on("2026-12-01")
    };
    let extended = mk().extend(ExtensionReason::Complexiteit, text);
    let decided = mk().decide(Decision::DeelsToegewezen, text, text);
    let mut org = ggd();
    org.naam = Some(name.into());
    vec![
        letter(LetterKind::Ontvangstbevestiging, &mk(), &org, lang),
        letter(LetterKind::Verlenging, &extended, &org, lang),
        letter(LetterKind::Besluit, &decided, &org, lang),
    ]
}

/// What a CommonMark reader makes of a letter: the count of each kind of node that is not
/// plain text, and the text itself (a line break as a newline).
fn parsed(md: &str) -> (std::collections::BTreeMap<String, usize>, String) {
    use pulldown_cmark::{Event as Md, Parser, Tag};
    let mut nodes = std::collections::BTreeMap::new();
    let mut text = String::new();
    for e in Parser::new(md) {
        let node = match e {
            Md::Start(Tag::Link { .. }) => "link",
            Md::Start(Tag::Image { .. }) => "image",
            Md::Start(Tag::Emphasis) => "emphasis",
            Md::Start(Tag::Strong) => "strong",
            Md::Start(Tag::Heading { .. }) => "heading",
            Md::Start(Tag::List(_)) => "list",
            Md::Start(Tag::Item) => "item",
            Md::Start(Tag::BlockQuote(_)) => "quote",
            Md::Start(Tag::CodeBlock(_)) => "code block",
            Md::Start(Tag::HtmlBlock) | Md::Html(_) | Md::InlineHtml(_) => "html",
            Md::Rule => "rule",
            Md::Code(_) => "code",
            Md::Text(t) => {
                text.push_str(&t);
                continue;
            }
            Md::HardBreak | Md::SoftBreak | Md::End(_) => {
                text.push('\n');
                continue;
            }
            _ => continue,
        };
        *nodes.entry(node.to_string()).or_insert(0) += 1;
    }
    (nodes, text)
}

#[test]
fn typed_values_are_literal_text_in_every_letter() {
    for lang in [Lang::Nl, Lang::En] {
        let hostile = letters_with(HOSTILE_NAME, HOSTILE_ADDRESS, HOSTILE_TEXT, lang);
        let plain = letters_with(PLAIN_NAME, PLAIN_ADDRESS, PLAIN_TEXT, lang);
        for (i, (h, p)) in hostile.iter().zip(&plain).enumerate() {
            let (h_nodes, h_text) = parsed(h);
            let (p_nodes, _) = parsed(p);
            // No link, emphasis, heading, list, quote, rule, code or HTML from a value: the
            // letter has exactly the nodes its template makes.
            assert_eq!(h_nodes, p_nodes, "markup from a value in\n{h}");
            // The ontvangstbevestiging has no reason in it; the others have.
            let values: &[&str] = if i == 0 {
                &[HOSTILE_NAME, HOSTILE_ADDRESS]
            } else {
                &[HOSTILE_NAME, HOSTILE_ADDRESS, HOSTILE_TEXT]
            };
            for value in values {
                for line in value.lines().map(str::trim) {
                    assert!(
                        h_text.contains(line),
                        "{line:?} not literal in\n{h_text}\n{h}"
                    );
                }
            }
        }
    }
}

/// A case asked by `relation`, decided `decision` after the steps are answered.
fn asked_by(kind: CaseKind, relation: Relation, decision: Decision, why: &str) -> T {
    T::with(kind, "2027-03-26", |r| r.requester.relation = relation)
        .on("2027-04-06")
        .decide(decision, why, "")
}

#[test]
fn a_parent_without_gezag_is_told_what_bw_1_377c_gives() {
    let why = "U krijgt informatie over belangrijke feiten; het dossier zelf niet.";
    for kind in [CaseKind::Inzage, CaseKind::Afschrift] {
        let t = asked_by(
            kind,
            Relation::OuderZonderGezag,
            Decision::DeelsToegewezen,
            why,
        );
        for lang in [Lang::Nl, Lang::En] {
            let text = letter(LetterKind::Besluit, &t, &ggd(), lang);
            assert!(text.contains("1:377c"), "{text}");
            for never in [
                "gratis",
                "free of charge",
                "U kunt de gegevens inzien",
                "You can see the data",
                "kopie ophalen",
                "collect the copy",
            ] {
                assert!(!text.contains(never), "{never:?} in\n{text}");
            }
        }
        let text = letter(LetterKind::Ontvangstbevestiging, &t, &ggd(), Lang::Nl);
        assert!(
            text.contains("1:377c") && !text.contains("gratis"),
            "{text}"
        );
    }
}

#[test]
fn a_derde_gets_no_free_copy_and_not_the_data_subjects_remedies() {
    let t = asked_by(
        CaseKind::Afschrift,
        Relation::Derde,
        Decision::Toegewezen,
        "",
    );
    let text = letter(LetterKind::Besluit, &t, &ggd(), Lang::Nl);
    assert!(!text.contains("gratis"), "{text}");
    let text = letter(LetterKind::Ontvangstbevestiging, &t, &ggd(), Lang::Nl);
    assert!(!text.contains("gratis") && text.contains("7:457"), "{text}");
    let t = asked_by(
        CaseKind::Afschrift,
        Relation::Derde,
        Decision::Afgewezen,
        REPEAT,
    );
    for org in [ggd(), org(OrganisatieType::Privaat)] {
        let text = letter(LetterKind::Besluit, &t, &org, Lang::Nl);
        for never in [
            "kunt u **bezwaar maken**",
            "kunt u **de rechtbank vragen**",
            "U kunt ook een klacht",
        ] {
            assert!(!text.contains(never), "{never:?} in\n{text}");
        }
        assert!(text.contains("degene om wie het gaat"), "{text}");
    }
    let text = letter(LetterKind::Besluit, &t, &ggd(), Lang::En);
    assert!(!text.contains("you can **lodge an objection**"), "{text}");
    assert!(text.contains("the person the data are about"), "{text}");
}

#[test]
fn a_gemachtigde_is_written_to_on_behalf_of_the_client() {
    let t = asked_by(
        CaseKind::Afschrift,
        Relation::Gemachtigde,
        Decision::Toegewezen,
        "",
    );
    let text = letter(LetterKind::Besluit, &t, &ggd(), Lang::Nl);
    assert!(text.contains("namens uw cliënt"), "{text}");
    assert!(text.contains("het dossier van uw cliënt"), "{text}");
    assert!(text.contains("voor uw cliënt gratis"), "{text}");
    let t = asked_by(
        CaseKind::Afschrift,
        Relation::Gemachtigde,
        Decision::Afgewezen,
        REPEAT,
    );
    let text = letter(LetterKind::Besluit, &t, &ggd(), Lang::Nl);
    assert!(
        text.contains("uw cliënt **bezwaar maken**; u kunt dat namens uw cliënt doen"),
        "{text}"
    );
    let text = letter(
        LetterKind::Besluit,
        &t,
        &org(OrganisatieType::Privaat),
        Lang::En,
    );
    assert!(
        text.contains("on behalf of your client")
            && text.contains("your client (or you, on your client's behalf)"),
        "{text}"
    );
    let text = letter(LetterKind::Ontvangstbevestiging, &t, &ggd(), Lang::Nl);
    assert!(
        text.contains("namens uw cliënt") && text.contains("machtiging"),
        "{text}"
    );
}

#[test]
fn an_answer_not_by_post_has_no_address_block() {
    for (reply, channel) in [
        (ReplyMethod::BeveiligdeEmail, Channel::Email),
        (ReplyMethod::Portaal, Channel::Webformulier),
        (ReplyMethod::Balie, Channel::Balie),
    ] {
        let t = T::with(CaseKind::Afschrift, "2027-03-26", |r| {
            r.channel = channel;
            r.reply = Some(reply);
            r.requester.contact = "fenna@voorbeeld.invalid\n06-12345678".into();
            r.requester.address = String::new();
        })
        .on("2027-04-06");
        for kind in [LetterKind::Ontvangstbevestiging] {
            let text = letter(kind, &t, &ggd(), Lang::Nl);
            for never in ["fenna@voorbeeld.invalid", "06-12345678", "Verzonnenstraat"] {
                assert!(!text.contains(never), "{never:?} in\n{text}");
            }
            // The name is not in a letter that goes no postal way: the salutation is the
            // neutral one (no form of address is recorded).
            assert_eq!(text.matches("Fenna Fictief").count(), 0, "{text}");
            assert!(text.contains("Geachte heer/mevrouw,"));
        }
    }
    // By post: the recorded address, never the contact.
    let t = T::with(CaseKind::Afschrift, "2027-03-26", |r| {
        r.requester.contact = "fenna@voorbeeld.invalid".into();
    })
    .on("2027-04-06");
    let text = letter(LetterKind::Ontvangstbevestiging, &t, &ggd(), Lang::Nl);
    assert!(
        text.contains("Fenna Fictief\\\nVerzonnenstraat 1\\\n1000 AA Voorbeeldstad"),
        "{text}"
    );
    assert!(!text.contains("fenna@voorbeeld.invalid"));
}

#[test]
fn an_answer_by_post_without_an_address_is_refused() {
    // An old case registered by letter, before privdesk asked for the postal address.
    let t = T::with(CaseKind::Afschrift, "2027-03-26", |r| {
        r.reply = None;
        r.requester.address = String::new();
    })
    .on("2027-04-06");
    let made = render(
        LetterKind::Ontvangstbevestiging,
        &t.case,
        &ggd(),
        Lang::Nl,
        amsterdam_date(t.now),
        &Template::builtin(LetterKind::Ontvangstbevestiging, Lang::Nl),
    );
    assert_eq!(made, Err(LetterError::NoPostalAddress));
    // A new registration by post without an address is refused at once.
    let e = Event::Registered {
        case: CaseId::new('V', 2027, 1),
        request: RequestFacts {
            reply: Some(ReplyMethod::Post),
            ..t.case.request.clone().unwrap()
        },
    };
    let stamp = Stamp {
        seq: 1,
        at: t.now,
        user: "t".into(),
    };
    assert_eq!(
        Case::register(&e, &stamp),
        Err(Refusal::Required(CaseField::Address))
    );
}

#[test]
fn a_late_ontvangstbevestiging_says_the_answer_is_late() {
    // Answer due Mon 26 April 2027; the acknowledgement is made on 3 May.
    let t = afschrift().on("2027-05-03");
    for lang in [Lang::Nl, Lang::En] {
        let text = letter(LetterKind::Ontvangstbevestiging, &t, &ggd(), lang);
        assert!(
            !text.contains("U krijgt uiterlijk op")
                && !text.contains("You will have our answer by"),
            "{text}"
        );
        assert!(
            !text.contains("laten wij u dat uiterlijk op") && !text.contains("we will tell you by"),
            "{text}"
        );
        assert!(
            text.contains(said(lang, "ons antwoord is te laat", "our answer is late")),
            "{text}"
        );
    }
    let due = d("2027-04-26");
    assert_eq!(
        warnings(LetterKind::Ontvangstbevestiging, &t.case, d("2027-05-03")),
        vec![LetterWarning::LateAcknowledgement { due }]
    );
    assert!(warnings(LetterKind::Ontvangstbevestiging, &t.case, due).is_empty());
}

#[test]
fn a_verlenging_carries_the_date_its_notice_was_sent() {
    // Extended (and the notice sent) on 6 April; the letter is made on 9 April.
    let t = afschrift()
        .extend(ExtensionReason::Complexiteit, COMPLEX)
        .on("2027-04-09");
    let text = letter(LetterKind::Verlenging, &t, &ggd(), Lang::Nl);
    assert!(text.contains("Datum: 6 april 2027"), "{text}");
    assert!(!text.contains("9 april 2027"), "{text}");
    let sent = d("2027-04-06");
    assert_eq!(
        warnings(LetterKind::Verlenging, &t.case, d("2027-04-09")),
        vec![LetterWarning::ExtensionNoticeDated { sent }]
    );
    assert!(warnings(LetterKind::Verlenging, &t.case, sent).is_empty());
    assert!(
        LetterWarning::ExtensionNoticeDated { sent }
            .message(Lang::Nl)
            .contains("6 april 2027")
    );
}

#[test]
fn the_letter_uses_the_recorded_way_of_providing_and_what_is_kept() {
    let mut t = afschrift();
    t.answer_rest();
    let case = t.case.id;
    t.apply(Event::Answered {
        case,
        step: StepId::Verstrekking,
        answer: Answer::Choice("zorgmail".into()),
    });
    let t = t.decide(Decision::Toegewezen, "", "");
    let text = letter(LetterKind::Besluit, &t, &ggd(), Lang::Nl);
    assert!(
        text.contains("Wij sturen u de kopie met Zorgmail"),
        "{text}"
    );
    assert!(!text.contains("Wij spreken met u af"), "{text}");

    let mut t = vernietiging();
    t.answer_rest();
    let case = t.case.id;
    t.apply(Event::Answered {
        case,
        step: StepId::VaccinatiegegevensJgz,
        answer: Answer::Choice("bewaren".into()),
    });
    let t = t.decide(Decision::Toegewezen, "", "");
    let text = letter(LetterKind::Besluit, &t, &ggd(), Lang::Nl);
    assert!(text.contains("## Wat wij bewaren"), "{text}");
    assert!(text.contains("De vaccinaties die wij zelf in het dossier hebben vastgelegd, bewaren wij. Dat heeft de jeugdarts besloten"), "{text}");
    assert!(
        text.contains("financiële en administratieve gegevens"),
        "{text}"
    );
    assert!(!text.contains("**Wat wij bewaren.**"), "{text}");
    assert!(!text.contains("alsnog te doen wat u vroeg"), "{text}");
}

#[test]
fn an_inzage_refused_on_abuse_signals_gives_wgbo_7_457_7_465_and_uavg_41() {
    let mut t = afschrift();
    t.answer_rest();
    let case = t.case.id;
    t.apply(Event::Answered {
        case,
        step: StepId::SignalenMishandelingInzage,
        answer: Answer::YesNo(true),
    });
    t.apply(Event::Decided {
        case,
        decision: Decision::Afgewezen,
        reason: "Moeder meldt dat vader het kind slaat; Veilig Thuis is ingeschakeld.".into(),
        explanation: Some(
            privdesk::i18n::domain::neutral_ground(CaseKind::Afschrift, Lang::Nl).into(),
        ),
        kept: String::new(),
    });
    let text = letter(LetterKind::Besluit, &t, &ggd(), Lang::Nl);
    for must in [
        "7:457",
        "7:465",
        "artikel 41 van de Uitvoeringswet AVG",
        "goed hulpverlenerschap",
    ] {
        assert!(text.contains(must), "{must:?} missing in\n{text}");
    }
    for never in ["slaat", "Veilig Thuis", "vader", "mishandeling", "signalen"] {
        assert!(!text.contains(never), "{never:?} in\n{text}");
    }
}

/// A recorded form of address greets the requester by it, the surname literal; without one the
/// letter stays neutral — never a form guessed from a name.
#[test]
fn a_recorded_form_of_address_greets_by_it_and_none_stays_neutral() {
    use privdesk::domain::case::Salutation;
    let greeted = |s: Option<Salutation>, lang: Lang| {
        let t = T::with(CaseKind::Afschrift, "2027-03-26", |r| {
            r.requester.salutation = s.clone()
        })
        .on("2027-04-06");
        letter(LetterKind::Ontvangstbevestiging, &t, &ggd(), lang)
    };
    let text = greeted(Some(Salutation::Mevrouw("El *Amrani*".into())), Lang::Nl);
    assert!(text.contains("Geachte mevrouw El \\*Amrani\\*,"), "{text}");
    assert!(!text.contains("Geachte heer/mevrouw"), "{text}");
    let text = greeted(Some(Salutation::Heer("De Vries".into())), Lang::En);
    assert!(text.contains("Dear Mr De Vries,"), "{text}");
    let text = greeted(None, Lang::Nl);
    assert!(text.contains("Geachte heer/mevrouw,"), "{text}");
}

/// Issue 18 (WGBO 7:454 lid 2, AVG 16): a rectificatie of a professional judgement refused on
/// disagreement alone says an eigen verklaring was offered, or that it was added (with the
/// date); a judgement the professional corrected after all says so; a factual correction
/// says neither.
#[test]
fn a_rectificatie_of_a_judgement_letter_says_the_eigen_verklaring_was_offered_or_added_wgbo_7_454()
{
    let judged = |offered: bool, added: Option<&str>, corrected_by: Option<&str>, d: Decision| {
        let mut t = T::new(CaseKind::Rectificatie, "2027-03-26").on("2027-04-06");
        let case = t.case.id;
        let mut answer = |step, a| {
            t.apply(Event::Answered {
                case,
                step,
                answer: a,
            })
        };
        answer(StepId::SoortCorrectie, Answer::Choice("oordeel".into()));
        answer(StepId::EigenVerklaringAangeboden, Answer::YesNo(offered));
        if let Some(on) = added {
            answer(StepId::EigenVerklaringToegevoegd, Answer::Date(self::d(on)));
        }
        if let Some(who) = corrected_by {
            answer(StepId::OordeelGecorrigeerdDoor, Answer::Text(who.into()));
        }
        t.decide(d, "Het oordeel van de jeugdarts blijft staan.", "")
    };
    let t = judged(true, None, None, Decision::Afgewezen);
    let nl = letter(LetterKind::Besluit, &t, &ggd(), Lang::Nl);
    assert!(nl.contains("## Een eigen verklaring"), "{nl}");
    assert!(
        nl.contains("kunt u een eigen verklaring over dat oordeel geven"),
        "{nl}"
    );
    assert!(
        nl.contains("artikel 7:454 lid 2 Burgerlijk Wetboek, artikel 16 AVG"),
        "{nl}"
    );
    let en = letter(LetterKind::Besluit, &t, &ggd(), Lang::En);
    assert!(
        en.contains("You may however give a statement of your own"),
        "{en}"
    );

    let t = judged(true, Some("2027-04-02"), None, Decision::DeelsToegewezen);
    let nl = letter(LetterKind::Besluit, &t, &ggd(), Lang::Nl);
    assert!(
        nl.contains("Wij hebben uw eigen verklaring over dat oordeel op 2 april 2027"),
        "{nl}"
    );

    let t = judged(
        false,
        None,
        Some("jeugdarts A. de Wit"),
        Decision::Toegewezen,
    );
    let nl = letter(LetterKind::Besluit, &t, &ggd(), Lang::Nl);
    assert!(
        nl.contains("De professional die het oordeel gaf, is het met u eens"),
        "{nl}"
    );
    assert!(!nl.contains("eigen verklaring"), "{nl}");

    let t = T::new(CaseKind::Rectificatie, "2027-03-26")
        .on("2027-04-06")
        .decide(Decision::Toegewezen, "", "");
    let nl = letter(LetterKind::Besluit, &t, &ggd(), Lang::Nl);
    assert!(nl.contains("Wij hebben de gegevens in"), "{nl}");
    assert!(!nl.contains("eigen verklaring"), "{nl}");
}

/// Issue 18 (AVG 18(3)): the requester is told before a restriction is lifted, by its own
/// letter; only for a beperking whose restriction is in force.
#[test]
fn an_aankondiging_opheffing_tells_the_requester_before_lifting_avg_18_3() {
    let t = T::new(CaseKind::Beperking, "2027-03-26")
        .on("2027-04-06")
        .decide(Decision::Toegewezen, "", "");
    assert!(t.case.restriction_in_force());
    for lang in [Lang::Nl, Lang::En] {
        let text = checked(
            letter(LetterKind::AankondigingOpheffing, &t, &ggd(), lang),
            &t,
            lang,
        );
        assert!(
            text.contains(said(
                lang,
                "Met deze brief laten wij u weten dat wij de beperking gaan opheffen.",
                "With this letter we let you know that we will lift the restriction."
            )),
            "{text}"
        );
        assert!(text.contains(said(
            lang,
            "artikel 18, derde lid, AVG",
            "article 18(3) GDPR"
        )));
    }
    let (case, today) = (&t.case, amsterdam_date(t.now));
    let inzage = afschrift();
    for (c, why) in [(&inzage.case, "not a beperking"), (case, "")] {
        let r = render(
            LetterKind::AankondigingOpheffing,
            c,
            &ggd(),
            Lang::Nl,
            today,
            &Template::builtin(LetterKind::AankondigingOpheffing, Lang::Nl),
        );
        assert_eq!(r.is_err(), !why.is_empty(), "{why}");
    }
    let mut lifted = t;
    let id = lifted.case.id;
    lifted.apply(Event::RestrictionLiftAnnounced {
        case: id,
        on: d("2027-04-06"),
    });
    lifted.apply(Event::RestrictionLifted {
        case: id,
        on: d("2027-04-06"),
    });
    assert_eq!(
        privdesk::letters::check(LetterKind::AankondigingOpheffing, &lifted.case, &ggd()),
        Err(privdesk::letters::LetterError::NoRestrictionInForce)
    );
}
