//! The case model and `Case::apply`, the one way a case changes.
//!
//! A case holds facts (what was registered, answered, decided, sent); its status and its
//! deadlines are derived from them, never stored apart, so they can't disagree.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::checklist::{self, AnswerRecord};
use super::deadline::{self, amsterdam_date};
use super::event::{Event, Stamp};
use super::kind::{CaseId, CaseKind};

/// The case record's format version (the journal line has its own `v`).
pub const CASE_FORMAT: u32 = 1;

/// How a request reached the organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// E-mail.
    Email,
    /// A letter by post.
    Brief,
    /// By telephone.
    Telefoon,
    /// A web form or the parent portal.
    Webformulier,
    /// In person at the desk.
    Balie,
}

impl Channel {
    /// Every channel, in form order.
    pub const ALL: [Channel; 5] = [
        Channel::Email,
        Channel::Brief,
        Channel::Telefoon,
        Channel::Webformulier,
        Channel::Balie,
    ];
}

/// The requester's relation to the child whose dossier it is (domain.md §4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The child or young person itself.
    Zelf,
    /// A parent with gezag (parental authority).
    OuderMetGezag,
    /// A voogd (guardian), also a gecertificeerde instelling with voogdij.
    Voogd,
    /// A curator or mentor (from 18).
    CuratorMentor,
    /// A parent without gezag.
    OuderZonderGezag,
    /// A foster parent without gezag.
    Pleegouder,
    /// A gezinsvoogd under an ondertoezichtstelling.
    Gezinsvoogd,
    /// A third party: school, lawyer, insurer.
    Derde,
}

impl Relation {
    /// Every relation, in form order.
    pub const ALL: [Relation; 8] = [
        Relation::OuderMetGezag,
        Relation::Zelf,
        Relation::Voogd,
        Relation::CuratorMentor,
        Relation::OuderZonderGezag,
        Relation::Pleegouder,
        Relation::Gezinsvoogd,
        Relation::Derde,
    ];
}

/// Who asked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requester {
    /// Name.
    pub name: String,
    /// Relation to the child.
    pub relation: Relation,
    /// Contact details (address, e-mail or phone), as needed for the reply.
    pub contact: String,
}

/// The child whose dossier the request is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Child {
    /// Name.
    pub name: String,
    /// Date of birth: decides who may ask (domain.md §4).
    pub birth_date: NaiveDate,
}

/// The facts of a verzoek at registration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestFacts {
    /// The right asked for (never `Datalek`).
    pub kind: CaseKind,
    /// The Amsterdam date the request reached the organisation, by any channel.
    pub received: NaiveDate,
    /// How it arrived.
    pub channel: Channel,
    /// Who asked.
    pub requester: Requester,
    /// Whose dossier.
    pub child: Child,
    /// Free notes.
    #[serde(default)]
    pub notes: String,
    /// The dossier regime the organisation worked under when the request came in: it decides
    /// the 12–15 rules, and is kept with the case so a later setting change does not rewrite
    /// an old assessment.
    #[serde(default)]
    pub regime: super::authority::DossierRegime,
}

/// What happened in a breach (the AP's categories, simplified for intake).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BreachNature {
    /// Lost (a laptop, a USB stick, paper).
    Verloren,
    /// Stolen.
    Gestolen,
    /// Sent to the wrong person.
    VerkeerdeOntvanger,
    /// Unauthorised access.
    OnbevoegdeToegang,
    /// Malware or ransomware.
    Malware,
    /// Something else.
    Anders,
}

impl BreachNature {
    /// Every nature, in form order.
    pub const ALL: [BreachNature; 6] = [
        BreachNature::Verloren,
        BreachNature::Gestolen,
        BreachNature::VerkeerdeOntvanger,
        BreachNature::OnbevoegdeToegang,
        BreachNature::Malware,
        BreachNature::Anders,
    ];
}

/// The facts of a datalek at registration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BreachFacts {
    /// When the organisation became aware (reasonably certain personal data was compromised).
    pub aware_at: DateTime<Utc>,
    /// When a processor told the organisation, if a processor found it. The 72 hours run from
    /// the earlier of the two (domain.md §3.3).
    #[serde(default)]
    pub processor_notice_at: Option<DateTime<Utc>>,
    /// The processor involved, if any.
    #[serde(default)]
    pub processor: String,
    /// Who reported it (a name or a role).
    pub reported_by: String,
    /// What happened.
    pub nature: BreachNature,
    /// A description.
    #[serde(default)]
    pub description: String,
}

/// The ground for extending the answer period (AVG 12(3)); large effort alone is no ground.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExtensionReason {
    /// The request is complex.
    Complexiteit,
    /// The number of requests.
    AantalVerzoeken,
}

/// A recorded extension.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extension {
    /// The ground.
    pub reason: ExtensionReason,
    /// The reasons as told.
    pub explanation: String,
    /// When the requester was told.
    pub notice_sent: NaiveDate,
    /// Who recorded it.
    pub by: String,
}

/// The decision on a verzoek.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// Granted.
    Toegewezen,
    /// Partly granted.
    DeelsToegewezen,
    /// Refused.
    Afgewezen,
    /// Not admissible (no authority, identity not established, ...).
    NietOntvankelijk,
}

impl Decision {
    /// Every decision, in the order the desk offers them.
    pub const ALL: [Decision; 4] = [
        Decision::Toegewezen,
        Decision::DeelsToegewezen,
        Decision::Afgewezen,
        Decision::NietOntvankelijk,
    ];

    /// A decision not (wholly) to act: it must reach the requester within the first month
    /// (AVG 12(4)) and name the remedies.
    pub fn is_refusal(self) -> bool {
        !matches!(self, Decision::Toegewezen)
    }

    /// Whether a reason must be given (everything but toegewezen).
    pub fn needs_reason(self) -> bool {
        self != Decision::Toegewezen
    }
}

/// A recorded decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionRecord {
    /// The decision.
    pub decision: Decision,
    /// The reasons.
    pub reason: String,
    /// For a Vernietiging: what is kept.
    #[serde(default)]
    pub kept: String,
    /// Amsterdam date it was recorded.
    pub on: NaiveDate,
    /// Who recorded it.
    pub by: String,
}

/// Waiting for the requester; the legal date keeps running.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Waiting {
    /// Since when.
    pub since: NaiveDate,
    /// What is awaited.
    pub awaiting: String,
}

/// How an AVG 19 recipient was dealt with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecipientOutcome {
    /// Told on this date.
    Told(NaiveDate),
    /// Telling them is impossible or takes disproportionate effort (AVG 19), with the reason.
    Impossible(String),
}

/// Someone the data went to, who must be told of a rectificatie, vernietiging or beperking.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recipient {
    /// Who.
    pub name: String,
    /// Told, impossible, or still open (`None`).
    pub outcome: Option<RecipientOutcome>,
}

/// How a case ended without a decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "as", rename_all = "snake_case")]
pub enum Ending {
    /// Withdrawn by the requester.
    Ingetrokken {
        /// When.
        on: NaiveDate,
        /// How (by phone, by e-mail, ...).
        how: String,
    },
    /// Registered by mistake; nothing is deleted.
    Vervallen {
        /// Why; required.
        reason: String,
    },
}

/// The status a case shows, derived from its facts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Being handled.
    Open,
    /// Reopened after it was closed or ended; being handled again.
    Heropend,
    /// Open, with the answer period extended.
    Verlengd,
    /// Waiting for the requester.
    Wachtend,
    /// Decided, not yet closed (reply, destruction or recipients outstanding).
    Besloten,
    /// Closed.
    Gesloten,
    /// Withdrawn by the requester.
    Ingetrokken,
    /// Registered by mistake.
    Vervallen,
}

impl Status {
    /// Every status, for filters.
    pub const ALL: [Status; 8] = [
        Status::Open,
        Status::Heropend,
        Status::Verlengd,
        Status::Wachtend,
        Status::Besloten,
        Status::Gesloten,
        Status::Ingetrokken,
        Status::Vervallen,
    ];

    /// Whether the case still needs work (counts as open in the list header).
    pub fn is_active(self) -> bool {
        !matches!(
            self,
            Status::Gesloten | Status::Ingetrokken | Status::Vervallen
        )
    }
}

/// Why the domain refused an event. The store refuses the whole change; the app shows the
/// translated text at the field or on the status line.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// The event is for another case, or creates a case that exists.
    #[error("event does not fit this case")]
    WrongCase,
    /// A required text is empty.
    #[error("required field empty: {0}")]
    Required(&'static str),
    /// A date lies in the future.
    #[error("date in the future: {0}")]
    InFuture(&'static str),
    /// A date lies before the date it must follow.
    #[error("date too early: {0}")]
    TooEarly(&'static str),
    /// The kind does not allow this (an extension of an intrekken toestemming, ...).
    #[error("not for this kind of case")]
    NotForKind,
    /// The case is closed or ended.
    #[error("the case is closed")]
    CaseClosed,
    /// The case is not closed or ended (reopen).
    #[error("the case is not closed")]
    CaseNotClosed,
    /// Already extended.
    #[error("already extended")]
    AlreadyExtended,
    /// The extension came after the first month (AVG 12(3)).
    #[error("extension after the first month")]
    ExtensionTooLate,
    /// Not waiting.
    #[error("not waiting")]
    NotWaiting,
    /// Already waiting.
    #[error("already waiting")]
    AlreadyWaiting,
    /// No decision recorded yet.
    #[error("no decision yet")]
    NoDecision,
    /// The step is unknown for this kind, hidden by earlier answers, or computed.
    #[error("step not applicable")]
    StepNotApplicable,
    /// The answer has the wrong type for the step.
    #[error("answer of the wrong type")]
    WrongAnswerType,
    /// Steps that must be answered first.
    #[error("steps missing: {0:?}")]
    Missing(Vec<checklist::StepId>),
    /// Blocked by a rule, with the rule's id (translated by the caller).
    #[error("blocked by rule {0:?}")]
    Blocked(checklist::Block),
    /// No such recipient.
    #[error("no such recipient")]
    NoRecipient,
}

/// A case: a verzoek or a datalek.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Case {
    /// The record format (`CASE_FORMAT`).
    pub format: u32,
    /// The human id.
    pub id: CaseId,
    /// The kind.
    pub kind: CaseKind,
    /// When it was registered.
    pub registered_at: DateTime<Utc>,
    /// Who registered it.
    pub registered_by: String,
    /// The journal seq of the last change applied to this case; replay skips what it has.
    pub last_seq: u64,
    /// The facts of a verzoek.
    #[serde(default)]
    pub request: Option<RequestFacts>,
    /// The facts of a datalek.
    #[serde(default)]
    pub breach: Option<BreachFacts>,
    /// Checklist answers by step.
    #[serde(default)]
    pub answers: BTreeMap<checklist::StepId, AnswerRecord>,
    /// Waiting for the requester.
    #[serde(default)]
    pub waiting: Option<Waiting>,
    /// The extension, if any.
    #[serde(default)]
    pub extension: Option<Extension>,
    /// The decision, if any.
    #[serde(default)]
    pub decision: Option<DecisionRecord>,
    /// When the reply was sent.
    #[serde(default)]
    pub reply_sent: Option<NaiveDate>,
    /// A Vernietiging: when the destruction was done.
    #[serde(default)]
    pub destruction_confirmed: Option<NaiveDate>,
    /// AVG 19 recipients.
    #[serde(default)]
    pub recipients: Vec<Recipient>,
    /// When it was closed.
    #[serde(default)]
    pub closed: Option<NaiveDate>,
    /// How it ended without a decision.
    #[serde(default)]
    pub ending: Option<Ending>,
    /// How often it was reopened, and the last reason.
    #[serde(default)]
    pub reopened: Option<(u32, String)>,
}

fn required(text: &str, field: &'static str) -> Result<(), Refusal> {
    if text.trim().is_empty() {
        Err(Refusal::Required(field))
    } else {
        Ok(())
    }
}

impl Case {
    /// Creates a case from its registration event, validating the facts.
    pub fn register(event: &Event, stamp: &Stamp) -> Result<Case, Refusal> {
        let today = amsterdam_date(stamp.at);
        let (id, kind, request, breach) = match event {
            Event::Registered { case, request } => {
                if request.kind.is_datalek() || case.letter != 'V' {
                    return Err(Refusal::NotForKind);
                }
                required(&request.requester.name, "requester")?;
                required(&request.child.name, "child")?;
                if request.received > today {
                    return Err(Refusal::InFuture("received"));
                }
                if request.child.birth_date > today {
                    return Err(Refusal::InFuture("birth_date"));
                }
                if request.received < request.child.birth_date {
                    return Err(Refusal::TooEarly("received"));
                }
                (*case, request.kind, Some(request.clone()), None)
            }
            Event::BreachRegistered { case, breach } => {
                if case.letter != 'D' {
                    return Err(Refusal::NotForKind);
                }
                required(&breach.reported_by, "reported_by")?;
                if breach.aware_at > stamp.at {
                    return Err(Refusal::InFuture("aware_at"));
                }
                if breach.processor_notice_at.is_some_and(|p| p > stamp.at) {
                    return Err(Refusal::InFuture("processor_notice_at"));
                }
                (*case, CaseKind::Datalek, None, Some(breach.clone()))
            }
            _ => return Err(Refusal::WrongCase),
        };
        Ok(Case {
            format: CASE_FORMAT,
            id,
            kind,
            registered_at: stamp.at,
            registered_by: stamp.user.clone(),
            last_seq: stamp.seq,
            request,
            breach,
            answers: BTreeMap::new(),
            waiting: None,
            extension: None,
            decision: None,
            reply_sent: None,
            destruction_confirmed: None,
            recipients: Vec::new(),
            closed: None,
            ending: None,
            reopened: None,
        })
    }

    /// Applies an event to the case: the one way a case changes. A refused event leaves the
    /// case as it was (the caller applies to a clone, or checks first).
    pub fn apply(&mut self, event: &Event, stamp: &Stamp) -> Result<(), Refusal> {
        if event.case() != Some(self.id) || event.creates_case() {
            return Err(Refusal::WrongCase);
        }
        if !event.changes_case() {
            return Ok(());
        }
        let mut next = self.clone();
        next.apply_change(event, stamp)?;
        next.last_seq = stamp.seq;
        *self = next;
        Ok(())
    }

    fn is_finished(&self) -> bool {
        self.closed.is_some() || self.ending.is_some()
    }

    fn apply_change(&mut self, event: &Event, stamp: &Stamp) -> Result<(), Refusal> {
        let today = amsterdam_date(stamp.at);
        let open_only = |c: &Case| {
            if c.is_finished() {
                Err(Refusal::CaseClosed)
            } else {
                Ok(())
            }
        };
        match event {
            Event::Answered { step, answer, .. } => {
                open_only(self)?;
                checklist::check_answer(self, *step, answer, today)?;
                self.answers.insert(
                    *step,
                    AnswerRecord {
                        answer: answer.clone(),
                        by: stamp.user.clone(),
                        at: stamp.at,
                    },
                );
            }
            Event::WaitingStarted {
                since, awaiting, ..
            } => {
                open_only(self)?;
                if self.request.is_none() {
                    return Err(Refusal::NotForKind);
                }
                if self.waiting.is_some() {
                    return Err(Refusal::AlreadyWaiting);
                }
                required(awaiting, "awaiting")?;
                if *since > today {
                    return Err(Refusal::InFuture("since"));
                }
                self.waiting = Some(Waiting {
                    since: *since,
                    awaiting: awaiting.clone(),
                });
            }
            Event::WaitingEnded { on, .. } => {
                open_only(self)?;
                let Some(w) = &self.waiting else {
                    return Err(Refusal::NotWaiting);
                };
                if *on > today {
                    return Err(Refusal::InFuture("on"));
                }
                if *on < w.since {
                    return Err(Refusal::TooEarly("on"));
                }
                self.waiting = None;
            }
            Event::Extended {
                reason: ground,
                explanation,
                notice_sent,
                ..
            } => {
                open_only(self)?;
                if !self.kind.may_extend() {
                    return Err(Refusal::NotForKind);
                }
                if self.extension.is_some() {
                    return Err(Refusal::AlreadyExtended);
                }
                required(explanation, "explanation")?;
                let received = self.received().ok_or(Refusal::NotForKind)?;
                if *notice_sent > today {
                    return Err(Refusal::InFuture("notice_sent"));
                }
                if *notice_sent < received {
                    return Err(Refusal::TooEarly("notice_sent"));
                }
                let last = deadline::extension_notice_deadline(self.kind, received)
                    .map_err(|_| Refusal::NotForKind)?;
                if *notice_sent > last {
                    return Err(Refusal::ExtensionTooLate);
                }
                self.extension = Some(Extension {
                    reason: *ground,
                    explanation: explanation.clone(),
                    notice_sent: *notice_sent,
                    by: stamp.user.clone(),
                });
            }
            Event::Decided {
                decision,
                reason,
                kept,
                ..
            } => {
                open_only(self)?;
                if self.request.is_none() {
                    return Err(Refusal::NotForKind);
                }
                if decision.needs_reason() {
                    required(reason, "reason")?;
                }
                checklist::may_decide(self, *decision, today)?;
                self.decision = Some(DecisionRecord {
                    decision: *decision,
                    reason: reason.clone(),
                    kept: kept.clone(),
                    on: today,
                    by: stamp.user.clone(),
                });
                self.waiting = None;
            }
            Event::ReplySent { on, .. } => {
                open_only(self)?;
                if self.decision.is_none() {
                    return Err(Refusal::NoDecision);
                }
                self.check_past_date(*on, today, "on")?;
                self.reply_sent = Some(*on);
            }
            Event::DestructionConfirmed { on, .. } => {
                open_only(self)?;
                if self.kind != CaseKind::Vernietiging {
                    return Err(Refusal::NotForKind);
                }
                match &self.decision {
                    Some(d)
                        if !matches!(
                            d.decision,
                            Decision::Afgewezen | Decision::NietOntvankelijk
                        ) => {}
                    _ => return Err(Refusal::NoDecision),
                }
                self.check_past_date(*on, today, "on")?;
                self.destruction_confirmed = Some(*on);
            }
            Event::RecipientAdded { name, .. } => {
                open_only(self)?;
                if !checklist::has_recipients(self.kind) {
                    return Err(Refusal::NotForKind);
                }
                required(name, "name")?;
                self.recipients.push(Recipient {
                    name: name.clone(),
                    outcome: None,
                });
            }
            Event::RecipientDone { index, outcome, .. } => {
                open_only(self)?;
                match outcome {
                    RecipientOutcome::Told(on) => self.check_past_date(*on, today, "on")?,
                    RecipientOutcome::Impossible(why) => required(why, "reason")?,
                }
                let r = self
                    .recipients
                    .get_mut(*index)
                    .ok_or(Refusal::NoRecipient)?;
                r.outcome = Some(outcome.clone());
            }
            Event::Closed { on, .. } => {
                open_only(self)?;
                self.check_past_date(*on, today, "on")?;
                checklist::may_close(self, today)?;
                self.closed = Some(*on);
                self.waiting = None;
            }
            Event::Ended { ending, .. } => {
                open_only(self)?;
                match ending {
                    Ending::Ingetrokken { on, how } => {
                        if self.request.is_none() {
                            return Err(Refusal::NotForKind);
                        }
                        required(how, "how")?;
                        self.check_past_date(*on, today, "on")?;
                    }
                    Ending::Vervallen { reason } => required(reason, "reason")?,
                }
                self.ending = Some(ending.clone());
                self.waiting = None;
            }
            Event::Reopened { reason, .. } => {
                if !self.is_finished() {
                    return Err(Refusal::CaseNotClosed);
                }
                required(reason, "reason")?;
                self.closed = None;
                self.ending = None;
                let n = self.reopened.as_ref().map_or(0, |(n, _)| *n);
                self.reopened = Some((n + 1, reason.clone()));
            }
            Event::RegisterCreated { .. }
            | Event::Registered { .. }
            | Event::BreachRegistered { .. }
            | Event::Viewed { .. }
            | Event::LetterMade { .. }
            | Event::Exported { .. }
            | Event::BackedUp => return Err(Refusal::WrongCase),
        }
        Ok(())
    }

    /// A date of something done: not in the future, not before the case began.
    fn check_past_date(
        &self,
        on: NaiveDate,
        today: NaiveDate,
        field: &'static str,
    ) -> Result<(), Refusal> {
        if on > today {
            return Err(Refusal::InFuture(field));
        }
        let start = self
            .received()
            .unwrap_or_else(|| amsterdam_date(self.registered_at));
        if on < start {
            return Err(Refusal::TooEarly(field));
        }
        Ok(())
    }

    /// The date of receipt of a verzoek.
    pub fn received(&self) -> Option<NaiveDate> {
        self.request.as_ref().map(|r| r.received)
    }

    /// The status shown, derived from the facts.
    pub fn status(&self) -> Status {
        match (&self.ending, self.closed) {
            (Some(Ending::Vervallen { .. }), _) => Status::Vervallen,
            (Some(Ending::Ingetrokken { .. }), _) => Status::Ingetrokken,
            (None, Some(_)) => Status::Gesloten,
            (None, None) if self.decision.is_some() => Status::Besloten,
            (None, None) if self.waiting.is_some() => Status::Wachtend,
            (None, None) if self.extension.is_some() => Status::Verlengd,
            (None, None) if self.reopened.is_some() => Status::Heropend,
            (None, None) => Status::Open,
        }
    }

    /// The requester's name (a verzoek) or who reported it (a datalek): what the list shows.
    pub fn party_name(&self) -> &str {
        match (&self.request, &self.breach) {
            (Some(r), _) => &r.requester.name,
            (None, Some(b)) => &b.reported_by,
            (None, None) => "",
        }
    }
}
