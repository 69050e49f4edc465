//! Issue 16: the register survives its own repair, its admins and its tools. The journal is
//! the truth; nothing may quietly make it smaller: a cut or deleted journal is refused, not
//! rebuilt over; a bad last line has a way out; the lock holds when its file is removed;
//! `audit verify` sees a cut; one set-aside store, no stray temp files.
#![allow(clippy::unwrap_used)]

mod common;

use privdesk::domain::case::CaseField;
use std::fs;
use std::path::Path;

use common::*;
use privdesk::cli::export::export_csv;
use privdesk::domain::Event;
use privdesk::i18n::Lang;
use privdesk::store::journal::{self, JOURNAL_FILE};
use privdesk::store::maintenance::{self, RepairOptions};
use privdesk::store::{Health, LOCK_FILE, SLED_DIR, Store, StoreError};

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A register of five verzoeken (seqs 2..=6).
fn five(dir: &Path) {
    let mut store = open(dir);
    for n in 1..=5 {
        register(&mut store, &format!("Verzoeker {n}"));
    }
}

/// Cuts the journal's last `n` lines off.
fn cut_lines(dir: &Path, n: usize) {
    let path = dir.join(JOURNAL_FILE);
    let text = fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    fs::write(&path, lines[..lines.len() - n].join("\n") + "\n").unwrap();
}

fn entries(dir: &Path, prefix: &str) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(prefix))
        .collect();
    v.sort();
    v
}

#[test]
fn a_journal_cut_by_three_lines_is_refused_and_accept_loss_names_the_lost_seqs() {
    let dir = tempfile::tempdir().unwrap();
    five(dir.path());
    cut_lines(dir.path(), 3);
    let journal_before = fs::read(dir.path().join(JOURNAL_FILE)).unwrap();

    // Open refuses, and so does repair: nothing is rebuilt over the fuller working store.
    for e in [
        Store::open(dir.path(), &create_opts()).unwrap_err(),
        maintenance::repair(dir.path(), &repair_opts()).unwrap_err(),
    ] {
        assert!(matches!(e, StoreError::Behind(_)), "{e:?}");
        assert_eq!(e.exit_code(), 4);
        let m = e.message(Lang::Nl);
        assert!(m.contains("wijzigingen 4-6 ontbreken"), "{m}");
        assert!(m.contains("V-2026-0003, V-2026-0004, V-2026-0005"), "{m}");
        assert!(
            m.contains(&dir.path().join(SLED_DIR).display().to_string()),
            "{m}"
        );
        assert!(!m.contains("Verzoeker"), "no personal data: {m}");
    }
    assert_eq!(
        fs::read(dir.path().join(JOURNAL_FILE)).unwrap(),
        journal_before
    );
    assert!(entries(dir.path(), "sled.").is_empty());

    // Through the binary: export and repair exit 4 naming what is missing.
    let out = privdesk(Some(dir.path()), &["repair"]);
    assert_eq!(out.status.code(), Some(4), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("--accept-loss"),
        "{}",
        text(&out.stderr)
    );
    let out = privdesk(Some(dir.path()), &["export", "csv"]);
    assert_eq!(out.status.code(), Some(4));
    assert!(text(&out.stderr).contains("4-6"), "{}", text(&out.stderr));

    // Only --accept-loss proceeds, naming the seqs and cases given up; they stay readable.
    let out = privdesk(Some(dir.path()), &["repair", "--accept-loss"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(said.starts_with("werkopslag herbouwd: 2 zaken\n"), "{said}");
    assert!(
        said.contains("opgegeven met --accept-loss: wijzigingen 4-6"),
        "{said}"
    );
    assert!(said.contains("V-2026-0005"), "{said}");
    let lost = entries(dir.path(), "sled.lost-");
    assert_eq!(lost.len(), 2, "the store and its readable list: {lost:?}");
    let records = fs::read_to_string(
        dir.path()
            .join(lost.iter().find(|n| n.ends_with(".json")).unwrap()),
    )
    .unwrap();
    assert!(records.contains("Verzoeker 3") && records.contains("Verzoeker 5"));
    assert!(!records.contains("Verzoeker 2"));
    let store = Store::open(dir.path(), &create_opts()).unwrap();
    assert_eq!(*store.health(), Health::Ok);
    assert_eq!(store.summaries().len(), 2);
    drop(store);
    // The repair is in the journal, with what it gave up and the heads before and after.
    let changes = journal::read_all(&dir.path().join(JOURNAL_FILE)).unwrap();
    let Some(Event::Repaired {
        before,
        after,
        dropped,
        lost_cases,
        ..
    }) = changes.last().unwrap().events.first()
    else {
        panic!("{:?}", changes.last());
    };
    assert!(before.as_deref().unwrap().starts_with("6:"), "{before:?}");
    assert_eq!(after, &format!("3:{}", changes[2].hash));
    assert_eq!(dropped, "4-6");
    assert_eq!(lost_cases.len(), 3);
}

#[test]
fn a_deleted_or_emptied_journal_beside_a_working_store_is_refused_never_a_new_register() {
    let dir = tempfile::tempdir().unwrap();
    five(dir.path());
    let path = dir.path().join(JOURNAL_FILE);
    for empty in [false, true] {
        if empty {
            fs::write(&path, b"").unwrap();
        } else {
            fs::remove_file(&path).unwrap();
        }
        // The workbench's open (which makes a register on first use) refuses.
        let e = Store::open(dir.path(), &create_opts()).unwrap_err();
        assert!(matches!(e, StoreError::JournalMissing(_)), "{e:?}");
        assert_eq!(e.exit_code(), 4);
        let e = maintenance::repair(dir.path(), &repair_opts()).unwrap_err();
        assert!(matches!(e, StoreError::JournalMissing(_)), "{e:?}");
        assert_eq!(path.exists(), empty, "no new journal was made");
        let out = privdesk(Some(dir.path()), &["audit", "verify"]);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    }
}

#[test]
fn a_stray_or_damaged_last_line_is_set_aside_by_repair() {
    let dir = tempfile::tempdir().unwrap();
    five(dir.path());
    let path = dir.path().join(JOURNAL_FILE);
    let second = fs::read_to_string(&path)
        .unwrap()
        .lines()
        .nth(1)
        .unwrap()
        .to_string();
    for (stray, lines) in [(second.as_str(), 6), ("{\"v\":1,\"seq\":8,kapot}", 7)] {
        let good = fs::read_to_string(&path).unwrap();
        fs::write(&path, format!("{good}{stray}\n")).unwrap();
        let e = Store::open(dir.path(), &create_opts()).unwrap_err();
        assert_eq!(e.exit_code(), 4, "{e:?}");
        let m = e.message(Lang::Nl);
        assert!(
            m.contains(&format!("regel {}", lines + 1)) && m.contains("privdesk repair"),
            "{m}"
        );
        let report = maintenance::repair(dir.path(), &repair_opts()).unwrap();
        let bad = report.bad_line.unwrap();
        assert!(
            bad.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("journal.bad-")
        );
        assert_eq!(fs::read_to_string(&bad).unwrap(), format!("{stray}\n"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                fs::metadata(&bad).unwrap().permissions().mode() & 0o777,
                0o600
            );
        }
        assert!(fs::read_to_string(&path).unwrap().starts_with(&good));
        assert_eq!(
            journal::verify(&path).unwrap().0,
            lines + 1,
            "the repair line follows"
        );
        let store = Store::open(dir.path(), &create_opts()).unwrap();
        assert_eq!(*store.health(), Health::Ok);
        assert_eq!(store.summaries().len(), 5);
    }
    // A damaged last line that the working store had applied: setting it aside would lose a
    // change, so repair refuses (what remains no longer matches the working store).
    let mut store = open(dir.path());
    register(&mut store, "Verzoeker 6");
    drop(store);
    let good = fs::read_to_string(&path).unwrap();
    fs::write(&path, good.replace("Verzoeker 6", "Verzoeker 7")).unwrap();
    let e = maintenance::repair(dir.path(), &repair_opts()).unwrap_err();
    assert!(matches!(e, StoreError::Behind(_)), "{e:?}");
    assert!(
        entries(dir.path(), "journal.bad-").len() == 2,
        "nothing more set aside"
    );
}

#[test]
fn removing_the_lock_file_during_a_session_does_not_let_a_second_writer_in() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = open(dir.path());
    let a = register(&mut first, "Anna Jansen");
    fs::remove_file(dir.path().join(LOCK_FILE)).unwrap();
    // The second writer finds no lock file, makes one, and is still refused: the journal
    // itself is locked.
    let e = Store::open(dir.path(), &create_opts()).unwrap_err();
    assert!(matches!(e, StoreError::Busy(_)), "{e:?}");
    assert_eq!(e.exit_code(), 3);
    // The first session saves on; its next save puts its name back in the lock file, so the
    // next refusal says who holds the register.
    first.save(vec![Event::Viewed { case: a }], now()).unwrap();
    let e = Store::open(dir.path(), &create_opts()).unwrap_err();
    let m = e.message(Lang::Nl);
    assert!(
        m.contains(&format!(
            "register in gebruik door Test Gebruiker sinds 2026-11-23 10:00 (proces {})",
            std::process::id()
        )),
        "{m}"
    );
    // A journal replaced under the session: nothing more is saved into the old file.
    let path = dir.path().join(JOURNAL_FILE);
    let copy = fs::read(&path).unwrap();
    fs::remove_file(&path).unwrap();
    fs::write(&path, &copy).unwrap();
    let e = first
        .save(vec![Event::Viewed { case: a }], now())
        .unwrap_err();
    assert!(matches!(e, StoreError::LockLost), "{e:?}");
    assert_eq!(fs::read(&path).unwrap(), copy);
    drop(first);
    assert_eq!(journal::verify(&path).unwrap().0, 3);
}

#[test]
fn audit_verify_sees_a_cut_an_emptied_journal_and_a_rehashed_edit() {
    let dir = tempfile::tempdir().unwrap();
    five(dir.path());
    let path = dir.path().join(JOURNAL_FILE);
    let good = fs::read_to_string(&path).unwrap();
    let (count, head) = journal::verify(&path).unwrap();
    let anchor = format!("{count}:{head}");
    let out = privdesk(Some(dir.path()), &["audit", "verify", "--expect", &anchor]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains("werkopslag komt overeen: wijziging 6, 5 zaken"));

    // Emptied: exit 1, with and without the anchor.
    fs::write(&path, b"").unwrap();
    let out = privdesk(Some(dir.path()), &["audit", "verify", "--expect", &anchor]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    assert!(
        text(&out.stdout).contains("journaal bevat regel 6 niet"),
        "{}",
        text(&out.stdout)
    );
    let out = privdesk(Some(dir.path()), &["audit", "verify"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));

    // Cut by three lines: the chain verifies, the working store shows the cut.
    fs::write(&path, &good).unwrap();
    cut_lines(dir.path(), 3);
    let out = privdesk(Some(dir.path()), &["audit", "verify"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    assert!(
        text(&out.stdout).contains("journaal ingekort"),
        "{}",
        text(&out.stdout)
    );

    // A name edited and the whole chain re-hashed: every line verifies, but it is not what
    // the working store applied, nor what the anchor says.
    let mut prev = journal::ZERO_HASH.to_string();
    let mut rewritten = Vec::new();
    for c in journal::parse_all(good.as_bytes()).unwrap() {
        let events: Vec<Event> = serde_json::from_str(
            &serde_json::to_string(&c.events)
                .unwrap()
                .replace("Verzoeker 2", "Iemand Anders"),
        )
        .unwrap();
        let (line, hash) =
            journal::encode_line(c.seq, &c.at, &c.user, &events, c.cases, &prev).unwrap();
        rewritten.extend_from_slice(&line);
        prev = hash;
    }
    fs::write(&path, &rewritten).unwrap();
    assert_eq!(journal::verify(&path).unwrap().0, 6);
    let out = privdesk(Some(dir.path()), &["audit", "verify", "--expect", &anchor]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    let said = text(&out.stdout);
    assert!(said.contains("regel 6 heeft hash"), "{said}");
    assert!(
        said.contains("niet de regel die de werkopslag toepaste"),
        "{said}"
    );
}

#[test]
fn three_repairs_keep_one_set_aside_store_and_no_leftovers() {
    let dir = tempfile::tempdir().unwrap();
    five(dir.path());
    for minute in 0..3 {
        let opts = RepairOptions {
            now: at(&format!("2026-11-23T09:0{minute}:00Z")),
            ..repair_opts()
        };
        maintenance::repair(dir.path(), &opts).unwrap();
    }
    assert_eq!(
        entries(dir.path(), "sled.damaged-"),
        vec!["sled.damaged-20261123T090200Z"]
    );
    // A repair interrupted between its build and its rename leaves `sled.new`: the next open
    // removes it.
    fs::create_dir(dir.path().join("sled.new")).unwrap();
    fs::write(dir.path().join("sled.new").join("db"), b"half").unwrap();
    drop(open(dir.path()));
    assert!(!dir.path().join("sled.new").exists());
    // A repair that fails (a chained last line the domain refuses: a case that does not
    // exist) leaves no `sled.new` behind, and the working store in place.
    let path = dir.path().join(JOURNAL_FILE);
    let last = journal::read_all(&path).unwrap().pop().unwrap();
    let ghost = privdesk::domain::CaseId::new('V', 2026, 99);
    let (line, _) = journal::encode_line(
        last.seq + 1,
        &now(),
        "Test Gebruiker",
        &[Event::WaitingStarted {
            case: ghost,
            since: date("2026-11-21"),
            awaiting: "x".into(),
        }],
        last.cases,
        &last.hash,
    )
    .unwrap();
    let mut bytes = fs::read(&path).unwrap();
    bytes.extend_from_slice(&line);
    fs::write(&path, &bytes).unwrap();
    assert!(maintenance::repair(dir.path(), &repair_opts()).is_err());
    assert!(!dir.path().join("sled.new").exists());
    assert!(dir.path().join(SLED_DIR).exists());
    bytes.truncate(bytes.len() - line.len());
    fs::write(&path, &bytes).unwrap();
    // Every repair and the backup are recorded.
    let text = fs::read_to_string(dir.path().join(JOURNAL_FILE)).unwrap();
    assert_eq!(text.matches("\"type\":\"repaired\"").count(), 3);
}

#[test]
fn an_export_temp_file_that_exists_already_is_refused_and_nothing_is_written_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let reg = dir.path().join("reg");
    let mut store = open(&reg);
    register(&mut store, "Anna Jansen");
    let out = dir.path().join("zaken.csv");
    let planted = dir
        .path()
        .join(format!(".zaken.csv.tmp-{}", std::process::id()));
    fs::write(&planted, b"van een ander").unwrap();
    let e = export_csv(&mut store, Some(&out), b';', now()).unwrap_err();
    assert!(matches!(e, StoreError::TempExists(_)), "{e:?}");
    assert_eq!(fs::read(&planted).unwrap(), b"van een ander");
    assert!(!out.exists());
    assert_eq!(store.last_seq(), 2, "a refused export is not recorded");
    // A stale temp file of a killed export of ours (its process gone) is removed, and the
    // export goes through.
    fs::remove_file(&planted).unwrap();
    let stale = dir.path().join(".zaken.csv.tmp-999999999");
    fs::write(&stale, b"half").unwrap();
    export_csv(&mut store, Some(&out), b';', now()).unwrap();
    assert!(!stale.exists());
    assert!(fs::read_to_string(&out).unwrap().contains("V-2026-0001"));
    assert_eq!(entries(dir.path(), ".zaken"), Vec::<String>::new());
}

#[test]
fn a_birth_date_before_1900_is_refused_and_1900_itself_is_not() {
    use privdesk::domain::case::Refusal;
    use privdesk::domain::{CaseId, CaseKind};
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let mut event = verzoek(CaseId::provisional(CaseKind::Inzage), "Anna Jansen");
    let Event::Registered { request, .. } = &mut event else {
        unreachable!()
    };
    request.child.birth_date = date("1899-12-31");
    let e = store.save(vec![event.clone()], now()).unwrap_err();
    assert!(
        matches!(
            e,
            StoreError::Refused(Refusal::TooEarly(CaseField::BirthDate))
        ),
        "{e:?}"
    );
    assert_eq!(store.last_seq(), 1, "nothing saved");
    let Event::Registered { request, .. } = &mut event else {
        unreachable!()
    };
    request.child.birth_date = date("1900-01-01");
    store.save(vec![event], now()).unwrap();
}

/// A requester's name with an escape sequence, a bell and a right-to-left override.
const EVIL: &str = "Jan\u{1b}[31mRood\u{7} \u{202E}nesreV";

#[test]
fn control_characters_and_bidi_overrides_never_reach_an_export_or_a_letter() {
    use privdesk::cli::export_json::export_json;
    use privdesk::letters::{LetterKind, write_letter};
    let dir = tempfile::tempdir().unwrap();
    let reg = dir.path().join("reg");
    let mut store = open(&reg);
    let id = register(&mut store, EVIL);
    let clean = |bytes: &[u8]| {
        let text = String::from_utf8_lossy(bytes).into_owned();
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\u{202E}'),
            "{text:?}"
        );
        assert!(
            !text.contains("\\u001b") && !text.contains("\\u0007"),
            "{text:?}"
        );
        text
    };
    let csv = export_csv(&mut store, None, b';', now()).unwrap();
    assert!(clean(&csv).contains("Jan[31mRood nesreV"));
    let json = export_json(&mut store, None, now()).unwrap();
    assert!(clean(&json).contains("Jan[31mRood nesreV"));
    let letter = write_letter(
        dir.path(),
        id,
        LetterKind::ALL[0],
        &format!("Geachte {EVIL},\r\n\tTweede regel"),
    )
    .unwrap();
    let text = clean(&fs::read(letter).unwrap());
    assert_eq!(text, "Geachte Jan[31mRood nesreV,\n\tTweede regel");
}

#[test]
fn export_with_a_missing_or_broken_config_refuses_as_letter_does() {
    let dir = tempfile::tempdir().unwrap();
    let reg = dir.path().join("reg");
    let mut store = open(&reg);
    register(&mut store, "Anna Jansen");
    drop(store);
    let before = fs::read(reg.join(JOURNAL_FILE)).unwrap();
    let broken = dir.path().join("kapot.toml");
    fs::write(&broken, "[organisatie\nnaam = ").unwrap();
    for config in [dir.path().join("ontbreekt.toml"), broken] {
        for args in [
            &["export", "csv"][..],
            &["export", "json"],
            &["export", "breaches", "csv"],
        ] {
            let out = privdesk_cmd::<&str>(None, &[])
                .arg("--db")
                .arg(&reg)
                .arg("--config")
                .arg(&config)
                .args(args)
                .run();
            assert_eq!(out.status.code(), Some(2), "{args:?} {}", text(&out.stderr));
            assert!(out.stdout.is_empty());
        }
    }
    assert_eq!(
        fs::read(reg.join(JOURNAL_FILE)).unwrap(),
        before,
        "nothing recorded"
    );
}
