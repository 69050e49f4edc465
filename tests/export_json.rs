//! `privdesk export json` through the binary (issue 5): the file parses, the header ties it to
//! the journal, a known case has its fields under their stable names, the export is recorded,
//! `--out` is 0600, and a damaged store is refused with exit 4.
#![allow(clippy::unwrap_used)]

mod common;

use std::fs;
use std::path::Path;

use common::*;
use privdesk::demo::bulk;
use privdesk::domain::case::{Decision, Ending};
use privdesk::domain::{CaseId, Event};
use privdesk::store::Store;
use privdesk::store::journal::{self, JOURNAL_FILE};
use serde_json::{Value, json};

/// A bulk register of 60 cases plus one withdrawn inzage saved by hand; returns its id.
fn register_with_known_case(reg: &Path) -> CaseId {
    bulk::build(reg, 60, now()).unwrap();
    let mut store = open(reg);
    let id = register(&mut store, "Anna \"Jansen\" Ünal");
    store
        .save(
            vec![Event::Ended {
                case: id,
                ending: Ending::Ingetrokken {
                    on: date("2026-11-22"),
                    how: "per e-mail".into(),
                },
            }],
            now(),
        )
        .unwrap();
    id
}

fn case_in<'a>(doc: &'a Value, id: &str) -> &'a Value {
    doc["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("{id} not exported"))
}

#[test]
fn export_json_has_every_case_with_stable_fields_and_is_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let reg = dir.path().join("reg");
    let id = register_with_known_case(&reg);
    let before = journal::read_all(&reg.join(JOURNAL_FILE)).unwrap();
    let head = before.last().unwrap().hash.clone();

    let out = privdesk(Some(&reg), &["export", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["format"], 1);
    assert_eq!(doc["journal_head"], head.as_str());
    assert_eq!(doc["journal_seq"], before.len() as u64);
    assert!(
        doc["exported_at"]
            .as_str()
            .unwrap()
            .parse::<chrono::DateTime<chrono::Utc>>()
            .is_ok()
    );
    let cases = doc["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 61);

    // The known case, field by field: every field present, null where it does not apply.
    let known = case_in(&doc, &id.to_string());
    assert_eq!(
        known,
        &json!({
            "id": id.to_string(),
            "kind": "inzage",
            "status": "ingetrokken",
            "received": "2026-11-20",
            "requester": "Anna \"Jansen\" Ünal",
            "reporter": null,
            "child": "Kind Testpersoon",
            "answer_due": "2026-12-21",
            "answer_done": true,
            "destruction_due": null,
            "destruction_done": true,
            "breach_due": null,
            "breach_done": true,
            "extended": false,
            "decision": null,
            "reply_sent": null,
            "destruction_confirmed": null,
            "closed": null,
            "ending": {"type": "ingetrokken", "on": "2026-11-22", "how": "per e-mail", "reason": null},
            "last_seq": before.len() as u64,
            "breach": null,
            "review": false,
            "restriction_in_force": false,
            "corrections": [],
            "handler": "Test Gebruiker",
            "awaiting_approval": false,
            "advice_given": 0,
            "advice_followed": 0,
        })
    );

    // A decided and closed case and a datalek from the bulk register, against the store.
    let store = Store::open(&reg, &create_opts()).unwrap();
    let summaries = store.summaries();
    let closed = summaries
        .iter()
        .map(|s| store.case(s.id).unwrap().unwrap())
        .find(|c| {
            c.closed.is_some()
                && c.decision
                    .as_ref()
                    .is_some_and(|d| d.decision == Decision::DeelsToegewezen)
        })
        .expect("a closed, partly granted case in the bulk register");
    let e = case_in(&doc, &closed.id.to_string());
    let d = closed.decision.as_ref().unwrap();
    assert_eq!(e["decision"]["decision"], "deels_toegewezen");
    assert_eq!(e["decision"]["reason"], d.reason.as_str());
    assert_eq!(e["decision"]["on"], d.on.to_string());
    assert_eq!(e["reply_sent"], closed.reply_sent.unwrap().to_string());
    assert_eq!(e["closed"], closed.closed.unwrap().to_string());
    assert_eq!(e["status"], "gesloten");
    assert_eq!(e["ending"], Value::Null);
    let lek = summaries.iter().find(|s| s.id.letter == 'D').unwrap();
    let e = case_in(&doc, &lek.id.to_string());
    assert_eq!(e["kind"], "datalek");
    assert_eq!(e["requester"], Value::Null);
    assert!(e["reporter"].as_str().unwrap().ends_with("(medewerker)"));
    let due: chrono::DateTime<chrono::Utc> = e["breach_due"].as_str().unwrap().parse().unwrap();
    assert_eq!(Some(due), lek.breach_due);
    drop(store);

    // Recorded: the export's line follows the head it names.
    let after = journal::read_all(&reg.join(JOURNAL_FILE)).unwrap();
    assert_eq!(after.len(), before.len() + 1);
    let last = after.last().unwrap();
    assert_eq!(last.prev, head);
    assert_eq!(
        last.events,
        vec![Event::Exported {
            what: "json".into()
        }]
    );
}

#[test]
fn export_json_out_writes_a_private_file_and_a_damaged_store_exits_4() {
    let dir = tempfile::tempdir().unwrap();
    let reg = dir.path().join("reg");
    register_with_known_case(&reg);
    let file = dir.path().join("zaken.json");
    let out = privdesk(
        Some(&reg),
        &["export", "json", "--out", file.to_str().unwrap()],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    let doc: Value = serde_json::from_slice(&fs::read(&file).unwrap()).unwrap();
    assert_eq!(doc["cases"].as_array().unwrap().len(), 61);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // The working store ahead of the journal is damage: no export, exit 4, nothing recorded.
    let store = Store::open(&reg, &create_opts()).unwrap();
    store
        .working_for_tests()
        .unwrap()
        .set_applied_seq(store.last_seq() + 5)
        .unwrap();
    store.flush().unwrap();
    drop(store);
    let lines = journal::read_all(&reg.join(JOURNAL_FILE)).unwrap().len();
    let out = privdesk(Some(&reg), &["export", "json"]);
    assert_eq!(out.status.code(), Some(4));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("privdesk repair"));
    assert_eq!(
        journal::read_all(&reg.join(JOURNAL_FILE)).unwrap().len(),
        lines
    );
}
