//! Events: the only way a case changes, and the unit the journal records.
//!
//! One user action is one `Change` (a journal line, in `store::journal`) holding one or more
//! events. Events carry facts, never derived values (no deadlines, no statuses): those are
//! computed from the facts by the domain, so a rule fixed later applies to old cases too.
//! Field names are explicit and stable: they are the journal's wire format.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::case::{BreachFacts, Decision, Ending, ExtensionReason, RequestFacts, Subject};
use super::checklist::{Answer, StepId};
use super::kind::CaseId;
use super::letter::{Format, LetterKind};

/// Who made a change and when, and its place in the journal. Every event of a change shares it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp {
    /// The change's sequence number in the journal (from 1).
    pub seq: u64,
    /// When the change was made (the clock's instant, UTC).
    pub at: DateTime<Utc>,
    /// The user who made it.
    pub user: String,
}

/// What happened to a case, or to the register.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Event {
    /// The register was created. The first line of every journal; `demo` marks a throw-away
    /// register on which an injected clock is allowed.
    RegisterCreated {
        /// A demo register (fictitious cases, injectable clock).
        demo: bool,
    },
    /// A verzoek was registered.
    Registered {
        /// The new case's id.
        case: CaseId,
        /// The facts of the request.
        request: RequestFacts,
    },
    /// A datalek was registered.
    BreachRegistered {
        /// The new case's id.
        case: CaseId,
        /// The facts of the breach report.
        breach: BreachFacts,
    },
    /// Someone opened the case to read it (AVG accountability); changes nothing.
    Viewed {
        /// The case read.
        case: CaseId,
    },
    /// A checklist step was answered (or its answer changed).
    Answered {
        /// The case.
        case: CaseId,
        /// The step.
        step: StepId,
        /// The answer given.
        answer: Answer,
    },
    /// The handler waits for the requester (identity proof, clarification, consent).
    /// The legal date does not move.
    WaitingStarted {
        /// The case.
        case: CaseId,
        /// Since when.
        since: NaiveDate,
        /// What is awaited, in the handler's words.
        awaiting: String,
    },
    /// Waiting ended: what was awaited arrived, or the handler stopped waiting.
    WaitingEnded {
        /// The case.
        case: CaseId,
        /// On which date.
        on: NaiveDate,
        /// A short note (what arrived, or why waiting stopped).
        note: String,
    },
    /// The answer period was extended by two months (AVG 12(3)).
    Extended {
        /// The case.
        case: CaseId,
        /// The ground.
        reason: ExtensionReason,
        /// The reasons as told to the requester.
        explanation: String,
        /// The date the requester was told (must be within the first month).
        notice_sent: NaiveDate,
    },
    /// A decision was recorded.
    Decided {
        /// The case.
        case: CaseId,
        /// The decision.
        decision: Decision,
        /// The reasoning for the dossier (what was weighed); required for anything but
        /// toegewezen. Never in a letter.
        reason: String,
        /// The explanation the letter gives; required for anything but toegewezen. Absent on
        /// lines written before privdesk asked for it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        explanation: Option<String>,
        /// For a Vernietiging: what is kept, and why.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        kept: String,
    },
    /// The reply (the decision letter) was sent to the requester.
    ReplySent {
        /// The case.
        case: CaseId,
        /// The date it was sent.
        on: NaiveDate,
    },
    /// A Vernietiging: the destruction was done in the source system and at processors.
    DestructionConfirmed {
        /// The case.
        case: CaseId,
        /// The date it was done.
        on: NaiveDate,
    },
    /// A Vernietiging: one part of the destruction recorded — destroyed in the source system,
    /// at the processors, or the confirmation sent (issue 18: separate records).
    DestructionRecorded {
        /// The case.
        case: CaseId,
        /// Which part.
        part: super::case::DestructionPart,
        /// The date it was done.
        on: NaiveDate,
    },
    /// Two parents with gezag dispute the request: escalated (never decided by privdesk).
    DisputeEscalated {
        /// The case.
        case: CaseId,
        /// To whom it was escalated.
        to: String,
    },
    /// The escalated dispute was resolved; the case may be decided again.
    DisputeResolved {
        /// The case.
        case: CaseId,
        /// How it was resolved.
        how: String,
    },
    /// A Beperking: the requester was told the restriction will be lifted (AVG 18(3)).
    RestrictionLiftAnnounced {
        /// The case.
        case: CaseId,
        /// The date the requester was told.
        on: NaiveDate,
    },
    /// A Beperking: the restriction was lifted (only after the announcement).
    RestrictionLifted {
        /// The case.
        case: CaseId,
        /// The date it was lifted.
        on: NaiveDate,
    },
    /// A registered fact was corrected (issue 18): the old and the new value, and why.
    Corrected {
        /// The case.
        case: CaseId,
        /// The fact, old and new value.
        correction: super::case::Correction,
        /// Why; required.
        reason: String,
        /// The handler confirmed a correction that makes a recorded decision or extension
        /// unlawful: the decision is kept and the case flagged for review.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        review: bool,
    },
    /// A dated note on the case (issue 18): journalled, shown in the history; it changes no
    /// fact, so the case's version stays as it is.
    NoteAdded {
        /// The case.
        case: CaseId,
        /// The note, one or more lines.
        text: String,
    },
    /// An AVG 19 recipient was added: someone the data went to, who must be told.
    RecipientAdded {
        /// The case.
        case: CaseId,
        /// Who (an organisation or role; no personal details needed).
        name: String,
    },
    /// An AVG 19 recipient was told, or telling them proved impossible (with the reason).
    RecipientDone {
        /// The case.
        case: CaseId,
        /// The recipient's position in the case's list (from 0).
        index: usize,
        /// Told on this date, or impossible.
        outcome: super::case::RecipientOutcome,
    },
    /// The case was closed.
    Closed {
        /// The case.
        case: CaseId,
        /// The closing date.
        on: NaiveDate,
    },
    /// The case ended without a decision: withdrawn by the requester, or registered by mistake.
    Ended {
        /// The case.
        case: CaseId,
        /// How it ended.
        ending: Ending,
    },
    /// A closed or ended case was reopened.
    Reopened {
        /// The case.
        case: CaseId,
        /// Why; required.
        reason: String,
    },
    /// The case was given to another behandelaar (issue 22); part of the case's version.
    HandlerAssigned {
        /// The case.
        case: CaseId,
        /// The new behandelaar (on a team's register a login).
        handler: String,
    },
    /// Vier ogen (issue 22): what the events before it in the same change recorded — a
    /// decision, an extension, not notifying the AP — is a proposal awaiting a second handler.
    Proposed {
        /// The case.
        case: CaseId,
        /// What is proposed.
        subject: Subject,
    },
    /// A second handler approved the proposal, on the case version it was given on.
    Approved {
        /// The case.
        case: CaseId,
        /// What is approved.
        subject: Subject,
        /// The case's version the approver saw (the approval is void on any other).
        version: u64,
        /// Approved on a register whose users are names typed at start.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        niet_geverifieerd: bool,
    },
    /// A second handler sent the proposal back to its proposer.
    SentBack {
        /// The case.
        case: CaseId,
        /// What is sent back.
        subject: Subject,
        /// Why; required.
        reason: String,
    },
    /// The FG's advice on the case (issue 22): recorded on the case, its version unchanged.
    AdviceGiven {
        /// The case.
        case: CaseId,
        /// The advice.
        text: String,
        /// The advice's date.
        on: NaiveDate,
    },
    /// The handler recorded whether the FG's advice was followed; its version unchanged.
    AdviceAnswered {
        /// The case.
        case: CaseId,
        /// The seq of the line that gave the advice.
        advice: u64,
        /// Followed.
        followed: bool,
        /// Why not (required when not followed).
        #[serde(default, skip_serializing_if = "String::is_empty")]
        why: String,
    },
    /// A letter was made from the case (recorded for the audit trail; changes nothing).
    LetterMade {
        /// The case.
        case: CaseId,
        /// Which letter (in the journal `ontvangstbevestiging`, `verlenging`, `besluit`).
        letter: LetterKind,
        /// The file's format (`md`, `docx`, `pdf`); absent in lines written before issue 23.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        format: Option<Format>,
        /// The SHA-256 of the file as made, in hex: proof of which letter privdesk made (a
        /// desk may still edit it); absent in lines written before issue 23.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        sha256: Option<String>,
    },
    /// The register was exported (recorded for the audit trail; changes no case).
    Exported {
        /// What was exported (`csv`, `json`, `breaches-csv`).
        what: String,
    },
    /// The FG's yearly report was made (recorded for the audit trail; changes no case). `head`
    /// is the journal's line the figures were computed from, `SEQ:HASH`: the report prints it,
    /// and `audit verify --expect` checks it.
    ReportMade {
        /// The year of receipt reported on.
        year: i32,
        /// The last line the figures include, `SEQ:HASH`.
        head: String,
    },
    /// A backup of the register was made (changes no case). `head` is the journal's line the
    /// copy ends at, `SEQ:HASH` (absent in lines written before issue 16): an anchor for
    /// `audit verify --expect`.
    BackedUp {
        /// The last line copied, `SEQ:HASH`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        head: Option<String>,
    },
    /// The working store was rebuilt from the journal by `privdesk repair` (changes no case).
    Repaired {
        /// What the working store had applied before, `SEQ:HASH` (or `SEQ` when it kept no
        /// hash); absent when it could not be read.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        before: Option<String>,
        /// The journal's line the working store was rebuilt to, `SEQ:HASH`.
        after: String,
        /// The seqs given up with `--accept-loss` (`8-10`), if any.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        dropped: String,
        /// The cases those seqs touched, if any (kept readable in the set-aside store).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        lost_cases: Vec<CaseId>,
        /// The file a bad last line was set aside to, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        bad_line: Option<String>,
    },
}

impl Event {
    /// The case this event is about, if any.
    pub fn case(&self) -> Option<CaseId> {
        match self {
            Event::RegisterCreated { .. }
            | Event::Exported { .. }
            | Event::ReportMade { .. }
            | Event::BackedUp { .. }
            | Event::Repaired { .. } => None,
            Event::Registered { case, .. }
            | Event::BreachRegistered { case, .. }
            | Event::Viewed { case }
            | Event::Answered { case, .. }
            | Event::WaitingStarted { case, .. }
            | Event::WaitingEnded { case, .. }
            | Event::Extended { case, .. }
            | Event::Decided { case, .. }
            | Event::ReplySent { case, .. }
            | Event::DestructionConfirmed { case, .. }
            | Event::DestructionRecorded { case, .. }
            | Event::DisputeEscalated { case, .. }
            | Event::DisputeResolved { case, .. }
            | Event::RestrictionLiftAnnounced { case, .. }
            | Event::RestrictionLifted { case, .. }
            | Event::Corrected { case, .. }
            | Event::NoteAdded { case, .. }
            | Event::RecipientAdded { case, .. }
            | Event::RecipientDone { case, .. }
            | Event::Closed { case, .. }
            | Event::Ended { case, .. }
            | Event::Reopened { case, .. }
            | Event::HandlerAssigned { case, .. }
            | Event::Proposed { case, .. }
            | Event::Approved { case, .. }
            | Event::SentBack { case, .. }
            | Event::AdviceGiven { case, .. }
            | Event::AdviceAnswered { case, .. }
            | Event::LetterMade { case, .. } => Some(*case),
        }
    }

    /// The id of the case the event creates, to be assigned by the register's save.
    pub fn new_case_mut(&mut self) -> Option<&mut CaseId> {
        match self {
            Event::Registered { case, .. } | Event::BreachRegistered { case, .. } => Some(case),
            _ => None,
        }
    }

    /// Whether the event creates a case.
    pub fn creates_case(&self) -> bool {
        matches!(
            self,
            Event::Registered { .. } | Event::BreachRegistered { .. }
        )
    }

    /// Whether applying the event changes the case's version. Reading a case, making a letter,
    /// adding a note or the FG's advice is recorded in the journal but leaves the version as it
    /// was (advice is kept on the record: see [`Event::is_advice`]).
    pub fn changes_case(&self) -> bool {
        self.case().is_some()
            && !matches!(
                self,
                Event::Viewed { .. }
                    | Event::LetterMade { .. }
                    | Event::NoteAdded { .. }
                    | Event::AdviceGiven { .. }
                    | Event::AdviceAnswered { .. }
            )
    }

    /// The FG's advice and the handler's answer to it: kept on the case's record (the overview
    /// counts them) without moving its version, keyed by the advice's seq so a replay gives
    /// the same record.
    pub fn is_advice(&self) -> bool {
        matches!(
            self,
            Event::AdviceGiven { .. } | Event::AdviceAnswered { .. }
        )
    }

    /// Whether the event changes the facts, the answers or the decision: it voids the
    /// approvals given on the case before it (issue 22).
    pub fn voids_approval(&self) -> bool {
        matches!(
            self,
            Event::Answered { .. } | Event::Corrected { .. } | Event::Decided { .. }
        )
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod wire_tests {
    use super::*;

    /// Journal lines written before issue 16 still read: a backup line without its head, and
    /// a backup without a head is written as before.
    #[test]
    fn an_old_backup_line_reads_and_the_new_events_round_trip() {
        let old: Event = serde_json::from_str(r#"{"type":"backed_up"}"#).unwrap();
        assert_eq!(old, Event::BackedUp { head: None });
        assert_eq!(
            serde_json::to_string(&old).unwrap(),
            r#"{"type":"backed_up"}"#
        );
        let repaired = Event::Repaired {
            before: Some("6:ab".into()),
            after: "3:cd".into(),
            dropped: "4-6".into(),
            lost_cases: vec![CaseId::new('V', 2026, 3)],
            bad_line: None,
        };
        let text = serde_json::to_string(&repaired).unwrap();
        assert_eq!(
            text,
            r#"{"type":"repaired","before":"6:ab","after":"3:cd","dropped":"4-6","lost_cases":["V-2026-0003"]}"#
        );
        assert_eq!(serde_json::from_str::<Event>(&text).unwrap(), repaired);
    }

    /// Issue 18: lines written before still read (a destruction confirmed in one record, a
    /// case record without the new fields), and the new events round-trip.
    #[test]
    fn old_lines_still_read_and_the_issue_18_events_round_trip() {
        let old: Event = serde_json::from_str(
            r#"{"type":"destruction_confirmed","case":"V-2026-0003","on":"2026-12-01"}"#,
        )
        .unwrap();
        assert!(matches!(old, Event::DestructionConfirmed { .. }));
        let id = CaseId::new('V', 2026, 3);
        for e in [
            Event::DestructionRecorded {
                case: id,
                part: crate::domain::case::DestructionPart::Verwerkers,
                on: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            },
            Event::DisputeEscalated {
                case: id,
                to: "jeugdarts".into(),
            },
            Event::DisputeResolved {
                case: id,
                how: "eens".into(),
            },
            Event::RestrictionLiftAnnounced {
                case: id,
                on: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            },
            Event::RestrictionLifted {
                case: id,
                on: NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(),
            },
        ] {
            let text = serde_json::to_string(&e).unwrap();
            assert_eq!(serde_json::from_str::<Event>(&text).unwrap(), e);
        }
        let text = serde_json::to_string(&Event::DestructionRecorded {
            case: id,
            part: crate::domain::case::DestructionPart::Bronsysteem,
            on: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        })
        .unwrap();
        assert_eq!(
            text,
            r#"{"type":"destruction_recorded","case":"V-2026-0003","part":"bronsysteem","on":"2026-12-01"}"#
        );
    }

    /// A letter line written before issue 23 (no format, no hash) still reads and is written
    /// back the same; a new line names the format and the file's SHA-256.
    #[test]
    fn an_old_letter_line_reads_and_a_new_one_names_format_and_hash() {
        let line = r#"{"type":"letter_made","case":"V-2026-0001","letter":"besluit"}"#;
        let old: Event = serde_json::from_str(line).unwrap();
        assert_eq!(
            old,
            Event::LetterMade {
                case: CaseId::new('V', 2026, 1),
                letter: LetterKind::Besluit,
                format: None,
                sha256: None,
            }
        );
        assert_eq!(serde_json::to_string(&old).unwrap(), line);
        let new = Event::LetterMade {
            case: CaseId::new('V', 2026, 1),
            letter: LetterKind::Besluit,
            format: Some(Format::Docx),
            sha256: Some("ab".repeat(32)),
        };
        let text = serde_json::to_string(&new).unwrap();
        assert!(text.contains(r#""format":"docx","sha256":"abab"#), "{text}");
        assert_eq!(serde_json::from_str::<Event>(&text).unwrap(), new);
    }

    /// Issue 22: the team's events round-trip, and an approval on a team's register carries
    /// no "niet geverifieerd" member.
    #[test]
    fn the_issue_22_events_round_trip() {
        let id = CaseId::new('V', 2026, 7);
        let approved = Event::Approved {
            case: id,
            subject: Subject::Besluit,
            version: 12,
            niet_geverifieerd: false,
        };
        assert_eq!(
            serde_json::to_string(&approved).unwrap(),
            r#"{"type":"approved","case":"V-2026-0007","subject":"besluit","version":12}"#
        );
        for e in [
            approved,
            Event::HandlerAssigned {
                case: id,
                handler: "piet".into(),
            },
            Event::Proposed {
                case: id,
                subject: Subject::NietMelden,
            },
            Event::Approved {
                case: id,
                subject: Subject::Verlenging,
                version: 3,
                niet_geverifieerd: true,
            },
            Event::SentBack {
                case: id,
                subject: Subject::Besluit,
                reason: "onderbouwing ontbreekt".into(),
            },
            Event::AdviceGiven {
                case: id,
                text: "deels toewijzen".into(),
                on: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            },
            Event::AdviceAnswered {
                case: id,
                advice: 40,
                followed: true,
                why: String::new(),
            },
        ] {
            let text = serde_json::to_string(&e).unwrap();
            assert_eq!(serde_json::from_str::<Event>(&text).unwrap(), e, "{text}");
        }
    }
}
