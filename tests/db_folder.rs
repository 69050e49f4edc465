//! `--db DIR` on a folder that does not exist (issue 24): one rule for the workbench and
//! headless — a named folder must exist (refused with exit 2, nothing made); an existing folder
//! without a register gets a new, empty (real) register.
#![allow(clippy::unwrap_used)]

mod app_fixture;
mod common;
use common::{Run, empty_config, privdesk_cmd};

use privdesk::cli::session::{SessionArgs, open};

fn args(db: &std::path::Path, headless: bool) -> SessionArgs {
    SessionArgs {
        db: Some(db.to_path_buf()),
        config: Some(empty_config()),
        headless,
        ..SessionArgs::default()
    }
}

#[test]
fn a_missing_db_folder_is_refused_alike_by_the_workbench_and_headless() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("typo");
    for headless in [false, true] {
        let Err(e) = open(&args(&missing, headless)) else {
            panic!("opened a register in a missing folder (headless {headless})");
        };
        assert_eq!(e.code, 2);
        assert!(e.message.contains("bestaat niet"), "{}", e.message);
        assert!(!missing.exists(), "headless {headless} made the folder");
    }
    // The binary says why on standard error.
    let o = privdesk_cmd::<&str>(None, &[])
        .args([
            "--lang",
            "en",
            "--db",
            missing.to_str().unwrap(),
            "headless",
            "-",
        ])
        .env("PRIVDESK_CONFIG", empty_config())
        .run();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("does not exist"), "{err}");
    assert!(!missing.exists());
}

#[test]
fn an_existing_empty_folder_gets_a_new_register_alike() {
    for headless in [false, true] {
        let tmp = tempfile::tempdir().unwrap();
        let (app, _theme, temp) = open(&args(tmp.path(), headless)).unwrap();
        assert!(temp.is_none());
        assert!(!app.is_demo(), "a real register");
        drop(app);
        assert!(tmp.path().join("journal.jsonl").is_file());
    }
}
