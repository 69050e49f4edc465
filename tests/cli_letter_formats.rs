//! `privdesk letter --format md|docx|pdf` (issue 23): Word by default, the journal naming the
//! format and the file's SHA-256; a PDF by LibreOffice when installed, else a message naming
//! what to install and no letter.
#![allow(clippy::unwrap_used)]

mod common;
use common::{Run, privdesk_cmd};

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use privdesk::demo;
use privdesk::store::{OpenOptions, Store};
use sha2::Digest;

fn now() -> chrono::DateTime<chrono::Utc> {
    demo::amsterdam_instant("2026-11-23".parse().unwrap(), 9, 0).unwrap()
}

fn demo_register(dir: &Path) {
    let opts = OpenOptions {
        create: Some(true),
        now: now(),
        cli_user: None,
        config_user: None,
    };
    let mut store = Store::open(dir, &opts).unwrap();
    demo::seed(&mut store, now()).unwrap();
}

fn last_line(db: &Path) -> String {
    std::fs::read_to_string(db.join("journal.jsonl"))
        .unwrap()
        .lines()
        .last()
        .unwrap()
        .to_string()
}

fn letter(db: &Path, out: &Path, path_var: Option<&str>, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "letter",
        "V-2026-0010",
        "ontvangstbevestiging",
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend(extra);
    let mut cmd = privdesk_cmd(Some(db), &["--now", "2026-11-23T10:00"]);
    cmd.args(&args);
    if let Some(p) = path_var {
        cmd.env("PATH", p);
    }
    cmd.run()
}

#[test]
fn word_is_the_default_and_the_journal_names_format_and_hash() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("reg");
    demo_register(&db);
    let out = tmp.path().join("brieven");
    let o = letter(&db, &out, None, &[]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let file = out.join("V-2026-0010-ontvangstbevestiging.docx");
    assert_eq!(
        String::from_utf8_lossy(&o.stdout).trim(),
        file.display().to_string()
    );
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"PK"), "a zip");
    assert_eq!(
        std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let line = last_line(&db);
    let sha = hex::encode(sha2::Sha256::digest(&bytes));
    assert!(line.contains(r#""type":"letter_made""#), "{line}");
    assert!(
        line.contains(&format!(r#""format":"docx","sha256":"{sha}""#)),
        "{line}"
    );
    // A second letter never overwrites the first.
    let o = letter(&db, &out, None, &["--format", "docx"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(out.join("V-2026-0010-ontvangstbevestiging-2.docx").exists());
    assert_eq!(std::fs::read(&file).unwrap(), bytes);
    // Markdown on request.
    let o = letter(&db, &out, None, &["--format", "md"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(out.join("V-2026-0010-ontvangstbevestiging.md").exists());
    assert!(last_line(&db).contains(r#""format":"md""#));
    // An unknown format is bad input.
    let o = letter(&db, &out, None, &["--format", "odt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("md, docx, pdf"));
}

#[test]
fn a_pdf_without_libreoffice_names_what_to_install_and_makes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("reg");
    demo_register(&db);
    let out = tmp.path().join("brieven");
    let before = last_line(&db);
    for (lang, words) in [
        ("nl", "installeer LibreOffice"),
        ("en", "install LibreOffice"),
    ] {
        let o = letter(&db, &out, Some(""), &["--format", "pdf", "--lang", lang]);
        assert_eq!(o.status.code(), Some(5));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains(words) && err.contains("libreoffice-writer"),
            "{err}"
        );
    }
    assert!(!out.exists() || std::fs::read_dir(&out).unwrap().next().is_none());
    assert_eq!(last_line(&db), before, "nothing recorded");
}

#[test]
fn a_pdf_is_made_by_libreoffice_when_installed() {
    let found = std::env::var_os("PATH").is_some_and(|p| {
        std::env::split_paths(&p).any(|d| d.join(privdesk::letters::SOFFICE).is_file())
    });
    if !found {
        eprintln!("note: soffice (LibreOffice) is not installed; the PDF test is skipped");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("reg");
    demo_register(&db);
    let out = tmp.path().join("brieven");
    let o = letter(&db, &out, None, &["--format", "pdf"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let file = out.join("V-2026-0010-ontvangstbevestiging.pdf");
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    assert_eq!(
        std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let sha = hex::encode(sha2::Sha256::digest(&bytes));
    assert!(last_line(&db).contains(&format!(r#""format":"pdf","sha256":"{sha}""#)));
}
