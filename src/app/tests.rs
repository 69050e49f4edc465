//! The app on a register in memory (`store::memory`): the seam holds without sled, and what
//! the app relies on of any register — ids given inside the save, the list taking the saved
//! summaries, a conflict refused and the case shown as it is now — is tested once, here.

#![allow(clippy::unwrap_used)]

use chrono::{DateTime, Utc};

use super::{App, Key, Screen, parse_keys};
use crate::clock::Clock;
use crate::demo::{amsterdam_instant, seed};
use crate::domain::checklist::{Answer, StepId};
use crate::domain::{CaseId, Event};
use crate::i18n::Lang;
use crate::store::memory::MemoryRegister;
use crate::store::{Register, Seen, StoreError};

fn now() -> DateTime<Utc> {
    amsterdam_instant("2026-11-23".parse().unwrap(), 9, 0).unwrap()
}

/// The demo register, in memory.
fn demo_register() -> MemoryRegister {
    let mut register = MemoryRegister::new("Demo Gebruiker", true, now());
    seed(&mut register, now()).unwrap();
    register
}

fn app(register: MemoryRegister) -> App {
    App::new(register, Clock::Fixed(now()), Lang::Nl)
}

fn press(app: &mut App, keys: &str) {
    for k in parse_keys(keys).unwrap() {
        app.handle_key(k);
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle_key(Key::char(c).unwrap());
    }
}

/// The highest number given to a verzoek of 2026 in the register.
fn last_verzoek(register: &dyn Register) -> u32 {
    register
        .summaries()
        .iter()
        .filter(|s| s.id.letter == 'V' && s.id.year == 2026)
        .map(|s| s.id.number)
        .max()
        .unwrap_or(0)
}

/// Registers an inzage from Karin Smit about Lisa Smit through the new-verzoek form.
fn register_through_the_form(app: &mut App) {
    press(app, "n<Tab><Tab><Tab>");
    type_text(app, "Karin Smit");
    press(app, "<Tab><Tab><Tab><Tab><Tab>");
    type_text(app, "Lisa Smit");
    press(app, "<Tab>");
    type_text(app, "2018-05-02");
    press(app, "<C-s>");
}

#[test]
fn a_new_verzoek_gets_the_number_the_register_gives_it_in_the_save() {
    let register = demo_register();
    let before = last_verzoek(&register);
    let mut app = app(register);
    register_through_the_form(&mut app);
    let id = CaseId::new('V', 2026, before + 1);
    assert_eq!(app.screen(), Screen::Detail(id));
    assert!(app.message().unwrap().text.contains(&id.to_string()));
    assert_eq!(last_verzoek(app.store()), before + 1);
    // The list holds the register's summary of the new case, as the save returned it.
    assert_eq!(app.summary(id).unwrap().party, "Karin Smit");
}

#[test]
fn an_answer_saved_through_the_app_is_in_the_list_without_reading_the_case_again() {
    let mut app = app(demo_register());
    register_through_the_form(&mut app);
    let Screen::Detail(id) = app.screen() else {
        panic!("the new case's detail")
    };
    let version = app.store().case(id).unwrap().unwrap().last_seq;
    press(&mut app, "c");
    assert_eq!(app.screen(), Screen::Checklist(id));
    press(&mut app, "y");
    let after = app.store().summary(id).unwrap();
    assert!(
        after.last_seq > version,
        "the answer is a change of the case"
    );
    assert_eq!(app.summary(id).unwrap(), &*after);
}

#[test]
fn a_read_leaves_the_version_and_a_stale_version_is_refused_naming_who_and_when() {
    let mut register = demo_register();
    let id = register
        .summaries()
        .iter()
        .map(|s| register.case(s.id).unwrap().unwrap())
        .find(|c| {
            c.request.is_some()
                && register.summary(c.id).unwrap().status.is_active()
                && !c.answers.contains_key(&StepId::IdentiteitGecontroleerd)
        })
        .unwrap()
        .id;
    let seen = Seen::of(&register.case(id).unwrap().unwrap());
    let at = now();
    register
        .save(vec![Event::Viewed { case: id }], &[seen], at)
        .unwrap();
    // A read is not a change: the version the user saw still holds.
    let answer = |register: &mut MemoryRegister, seen: Seen| {
        register.save(
            vec![Event::Answered {
                case: id,
                step: StepId::IdentiteitGecontroleerd,
                answer: Answer::YesNo(true),
            }],
            &[seen],
            at,
        )
    };
    let saved = answer(&mut register, seen).unwrap();
    // The same version again is now stale: someone (here the same user) changed the case.
    match answer(&mut register, seen) {
        Err(StoreError::Conflict { case, by, at: when }) => {
            assert_eq!(case, id);
            assert_eq!(by, "Demo Gebruiker");
            assert_eq!(when, at);
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(
        register.head().seq,
        saved.seq,
        "the refused change wrote nothing"
    );
}

#[test]
fn the_list_after_saves_is_the_list_a_full_sort_gives() {
    let mut app = app(demo_register());
    register_through_the_form(&mut app);
    press(&mut app, "c");
    press(&mut app, "y");
    press(&mut app, "<Esc><Esc>");
    // A second case changes its place: answered and then waiting.
    press(&mut app, "<Down><Down>c");
    press(&mut app, "y");
    press(&mut app, "<Esc>");
    let ids = |app: &App| app.visible().map(|s| s.id).collect::<Vec<_>>();
    let (order, counts) = (ids(&app), app.counts());
    app.update(super::Action::Tick);
    assert_eq!(
        ids(&app),
        order,
        "the rows moved in place are where a full sort puts them"
    );
    assert_eq!(app.counts(), counts);
}

/// A register shared with "another workbench" (the test), whose catch-up reports what the
/// test scripts: the app's side of the live team without a server.
struct Shared {
    inner: std::sync::Arc<std::sync::Mutex<MemoryRegister>>,
    user: String,
    news: std::sync::Arc<std::sync::Mutex<Option<crate::store::CaughtUp>>>,
    vier_ogen: crate::domain::workflow::VierOgen,
}

impl Shared {
    fn reg(&self) -> std::sync::MutexGuard<'_, MemoryRegister> {
        self.inner.lock().unwrap()
    }
}

impl Register for Shared {
    fn save(
        &mut self,
        events: Vec<Event>,
        seen: &[Seen],
        at: DateTime<Utc>,
    ) -> Result<crate::store::Saved, StoreError> {
        self.reg().save(events, seen, at)
    }
    fn case(&self, id: CaseId) -> Result<Option<crate::domain::Case>, StoreError> {
        self.reg().case(id)
    }
    fn summary(&self, id: CaseId) -> Option<std::sync::Arc<crate::domain::Summary>> {
        self.reg().summary(id)
    }
    fn summaries(&self) -> Vec<std::sync::Arc<crate::domain::Summary>> {
        self.reg().summaries()
    }
    fn history(&self, id: CaseId) -> Result<Vec<crate::store::HistoryEntry>, StoreError> {
        self.reg().history(id)
    }
    fn health(&self) -> crate::store::Health {
        self.reg().health()
    }
    fn user(&self) -> &str {
        &self.user
    }
    fn is_demo(&self) -> bool {
        true
    }
    fn vier_ogen(&self) -> &crate::domain::workflow::VierOgen {
        &self.vier_ogen
    }
    fn set_vier_ogen(&mut self, policy: crate::domain::workflow::VierOgen) {
        self.reg().set_vier_ogen(policy.clone());
        self.vier_ogen = policy;
    }
    fn head(&self) -> crate::store::Head {
        self.reg().head()
    }
    fn name(&self) -> String {
        self.reg().name()
    }
    fn notice(&self, _lang: Lang) -> Option<(String, bool)> {
        None
    }
    fn flush(&self) -> Result<(), StoreError> {
        Ok(())
    }
    fn check_chain(&self) -> crate::store::ChainCheck {
        self.reg().check_chain()
    }
    fn catch_up(&self) -> Result<crate::store::CaughtUp, StoreError> {
        Ok(self.news.lock().unwrap().take().unwrap_or_default())
    }
}

#[test]
fn another_handlers_change_is_taken_in_place_and_a_prompt_being_filled_is_kept() {
    let inner = std::sync::Arc::new(std::sync::Mutex::new(demo_register()));
    let news = std::sync::Arc::new(std::sync::Mutex::new(None));
    let shared = Shared {
        inner: std::sync::Arc::clone(&inner),
        user: "Demo Gebruiker".into(),
        news: std::sync::Arc::clone(&news),
        vier_ogen: Default::default(),
    };
    let mut app = App::new(shared, Clock::Fixed(now()), Lang::Nl);
    register_through_the_form(&mut app);
    let Screen::Detail(id) = app.screen() else {
        panic!("the new case's detail")
    };
    press(&mut app, "c");
    press(&mut app, "N");
    type_text(&mut app, "half getypt");
    let lines_before = inner.lock().unwrap().head().seq;
    // Nothing new: a refresh changes nothing and writes nothing.
    assert!(!app.refresh(true));
    // Piet answers a step on the same case in his own workbench.
    let saved = inner
        .lock()
        .unwrap()
        .save(
            vec![Event::Answered {
                case: id,
                step: StepId::IdentiteitGecontroleerd,
                answer: Answer::YesNo(true),
            }],
            &[],
            now(),
        )
        .unwrap();
    *news.lock().unwrap() = Some(crate::store::CaughtUp {
        head: saved.seq,
        changed: saved.changed.clone(),
        changes: vec![crate::store::Change {
            seq: saved.seq,
            at: now(),
            user: "piet".into(),
            events: vec![Event::Answered {
                case: id,
                step: StepId::IdentiteitGecontroleerd,
                answer: Answer::YesNo(true),
            }],
        }],
    });
    assert!(app.refresh(true));
    assert_eq!(inner.lock().unwrap().head().seq, lines_before + 1);
    // The checklist shows Piet's answer, says who changed the case, when and what …
    let c = app.checklist().unwrap();
    assert!(
        c.case
            .answers
            .contains_key(&StepId::IdentiteitGecontroleerd)
    );
    let m = app.message().unwrap();
    assert!(
        m.text
            .starts_with("piet heeft deze zaak om 09:00 gewijzigd: "),
        "{}",
        m.text
    );
    assert!(m.text.contains("Identiteit gecontroleerd"), "{}", m.text);
    // … and the note being typed is still there, as typed.
    let p = app.prompt().unwrap();
    assert_eq!(p.form.text(0), "half getypt");
    assert_eq!(app.summary(id).unwrap(), &*saved.changed[0]);
}

/// A register in memory with one inzage whose requester's identity could not be established
/// (so a refusal, niet ontvankelijk, is the decision offered), saved by `user`.
fn unidentified_request(user: &str) -> (MemoryRegister, CaseId) {
    use crate::domain::case::{Channel, Child, Relation, RequestFacts, Requester};
    let mut register = MemoryRegister::new(user, false, now());
    let request = RequestFacts {
        kind: crate::domain::CaseKind::Inzage,
        received: "2026-11-20".parse().unwrap(),
        channel: Channel::Email,
        requester: Requester {
            name: "Ouder Vierogen".into(),
            relation: Relation::OuderMetGezag,
            contact: "ouder@example.org".into(),
            address: String::new(),
            salutation: None,
        },
        child: Child {
            name: "Kind Vierogen".into(),
            birth_date: "2020-05-01".parse().unwrap(),
        },
        notes: String::new(),
        regime: Default::default(),
        reply: None,
    };
    let registered = Event::Registered {
        case: CaseId::provisional(crate::domain::CaseKind::Inzage),
        request,
    };
    let id = register
        .save(vec![registered], &[], now())
        .unwrap()
        .assigned[0];
    let identity = Event::Answered {
        case: id,
        step: StepId::IdentiteitGecontroleerd,
        answer: Answer::YesNo(false),
    };
    register.save(vec![identity], &[], now()).unwrap();
    (register, id)
}

/// Vier ogen on a local register (`vier_ogen.lokaal`).
fn vier_ogen_config() -> crate::config::Config {
    let mut config = crate::config::Config::default();
    config.vier_ogen.lokaal = true;
    config
}

/// Opens the case's checklist and decides niet ontvankelijk through the decision prompt.
fn decide_niet_ontvankelijk(app: &mut App) {
    press(app, "<Enter>cb<Left><Enter>");
    type_text(app, "identiteit niet vastgesteld");
    press(app, "<Enter>");
    type_text(app, "Wij konden uw identiteit niet vaststellen.");
    press(app, "<Enter>");
}

/// Issue 22 through the keys: the decision prompt records a refusal as a proposal where the
/// register asks vier ogen, and its proposer's `K` is refused, saying why.
#[test]
fn a_refusal_decided_through_the_keys_is_proposed_and_its_proposer_cannot_approve_it() {
    let (register, id) = unidentified_request("Anna");
    let mut anna = app(register).with_config(vier_ogen_config());
    decide_niet_ontvankelijk(&mut anna);
    let case = anna.store().case(id).unwrap().unwrap();
    let proposal = case.proposal(crate::domain::case::Subject::Besluit);
    assert!(
        proposal.is_some_and(|p| p.awaiting() && p.by == "Anna"),
        "{:?}",
        anna.message()
    );
    assert!(anna.message().unwrap().text.contains("tweede behandelaar"));
    press(&mut anna, "<Esc>K<Enter><Enter><Enter>");
    assert!(anna.message().unwrap().text.contains("eigen voorstel"));
    assert!(anna.store().case(id).unwrap().unwrap().awaiting_approval());
    // Without vier ogen (a local register's default) the same keys record the decision.
    let (register, id) = unidentified_request("Anna");
    let mut alone = app(register);
    decide_niet_ontvankelijk(&mut alone);
    let case = alone.store().case(id).unwrap().unwrap();
    assert!(case.decision.is_some() && case.vier_ogen.is_empty());
}

/// A second handler's `K` approves the proposal, marked not verified on a register of typed
/// names; the list tags the case while it waits.
#[test]
fn a_second_handler_approves_a_proposal_with_k() {
    let (mut register, id) = unidentified_request("Anna");
    let decided = Event::Decided {
        case: id,
        decision: crate::domain::case::Decision::NietOntvankelijk,
        reason: "identiteit niet vastgesteld".into(),
        explanation: Some("Wij konden uw identiteit niet vaststellen.".into()),
        kept: String::new(),
    };
    let proposed = Event::Proposed {
        case: id,
        subject: crate::domain::case::Subject::Besluit,
    };
    register.save(vec![decided, proposed], &[], now()).unwrap();
    register.act_as("Bert", None);
    let mut bert = app(register).with_config(vier_ogen_config());
    assert!(bert.summary(id).unwrap().awaiting_approval);
    press(&mut bert, "<Enter>K<Enter><Enter><Enter>");
    let case = bert.store().case(id).unwrap().unwrap();
    assert!(!case.awaiting_approval(), "{:?}", bert.message());
    assert!(matches!(
        case.proposal(crate::domain::case::Subject::Besluit)
            .unwrap()
            .state,
        crate::domain::case::ProposalState::Goedgekeurd {
            niet_geverifieerd: true,
            ..
        }
    ));
    assert!(!bert.summary(id).unwrap().awaiting_approval);
}

/// The list's behandelaar filter (issue 22): `h` walks all, mine, awaiting approval and each
/// handler; `Esc` clears it with the other filters.
#[test]
fn the_handler_filter_walks_mine_awaiting_and_each_handler_and_esc_clears_it() {
    let (mut register, id) = unidentified_request("Anna");
    let reassign = Event::HandlerAssigned {
        case: id,
        handler: "Bert".into(),
    };
    let saved = register.save(vec![reassign], &[], now()).unwrap();
    assert_eq!(saved.changed[0].handler, "Bert");
    let mut app = app(register);
    assert_eq!(app.visible_len(), 1);
    press(&mut app, "h");
    assert_eq!(app.visible_len(), 0, "mijn zaken: Anna has none");
    press(&mut app, "h");
    assert_eq!(app.visible_len(), 0, "nothing awaits approval");
    press(&mut app, "h");
    assert_eq!(app.visible_len(), 1, "Bert's cases");
    press(&mut app, "hh");
    press(&mut app, "<Esc>");
    assert_eq!(
        app.handler_filter(),
        &crate::app::handler_filter::HandlerFilter::Alle
    );
    assert_eq!(app.visible_len(), 1);
}
