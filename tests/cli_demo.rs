//! `--demo` with a command runs on a throw-away demo register: a real register in the data
//! folder is neither read nor written, byte for byte.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::*;
use sha2::{Digest, Sha256};

/// A home whose data folder holds a real register with one real-looking case.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        let dir = tempfile::tempdir().unwrap();
        let home = Home { dir };
        let mut store = open(&home.register());
        register(&mut store, "Echte Ouder");
        assert!(!store.is_demo());
        home
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// Where `privdesk` without `--db` finds the real register (XDG_DATA_HOME/privdesk).
    fn register(&self) -> PathBuf {
        self.data().join("privdesk")
    }

    fn run(&self, args: &[&str]) -> Output {
        privdesk_cmd::<&str>(None, &[])
            .args(args)
            .env_remove("PRIVDESK_CONFIG")
            .env("HOME", self.dir.path())
            .env("XDG_DATA_HOME", self.data())
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env("TMPDIR", self.tmp())
            .current_dir(self.dir.path())
            .run()
    }

    /// The sandbox's temporary folder.
    fn tmp(&self) -> PathBuf {
        let t = self.dir.path().join("tmp");
        fs::create_dir_all(&t).unwrap();
        t
    }

    /// Fails unless the data folder holds exactly the files and bytes it held `before`.
    fn assert_untouched(&self, before: &BTreeMap<PathBuf, String>) {
        assert_eq!(
            &self.snapshot(),
            before,
            "the real register is byte-identical"
        );
    }

    /// Every file under the data folder with the SHA-256 of its bytes.
    fn snapshot(&self) -> BTreeMap<PathBuf, String> {
        fn walk(p: &Path, out: &mut BTreeMap<PathBuf, String>) {
            for e in fs::read_dir(p).unwrap() {
                let e = e.unwrap();
                if e.file_type().unwrap().is_dir() {
                    walk(&e.path(), out);
                } else {
                    let bytes = fs::read(e.path()).unwrap();
                    out.insert(e.path(), hex::encode(Sha256::digest(bytes)));
                }
            }
        }
        let mut out = BTreeMap::new();
        walk(&self.data(), &mut out);
        out
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn the_real_register_is_found_without_demo() {
    // The fixture is right: without --demo the export is the real register's.
    let home = Home::new();
    let o = home.run(&["export", "csv"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("Echte Ouder"));
}

#[test]
fn demo_export_prints_the_demo_cases_and_leaves_the_real_register_untouched() {
    let home = Home::new();
    let before = home.snapshot();
    for args in [
        &["--demo", "export", "csv"][..],
        &["--demo", "export", "json"],
        &["--demo", "export", "breaches", "csv"],
        &["--demo", "audit", "verify"],
        &["--demo", "repair"],
    ] {
        let o = home.run(args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", text(&o.stderr));
        let out = text(&o.stdout);
        assert!(!out.contains("Echte Ouder"), "{args:?}");
    }
    let o = home.run(&["--demo", "export", "csv"]);
    let csv = text(&o.stdout);
    assert!(csv.contains("Fictief"), "the demo's fictitious names");
    assert!(csv.lines().count() > 30, "the demo's cases");
    home.assert_untouched(&before);
}

#[test]
fn demo_backup_makes_a_demo_register_that_db_opens() {
    let home = Home::new();
    let before = home.snapshot();
    let dest = home.dir.path().join("kopie");
    let o = home.run(&["--demo", "backup", dest.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let o = home.run(&["--db", dest.to_str().unwrap(), "export", "csv"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("Fictief"));
    assert!(!text(&o.stdout).contains("Echte Ouder"));
    // Still marked demo: the clock may be set on it, which a real register refuses.
    let o = home.run(&[
        "--db",
        dest.to_str().unwrap(),
        "--now",
        "2026-11-23T09:00",
        "export",
        "csv",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    home.assert_untouched(&before);
    let o = home.run(&["--now", "2026-11-23T09:00", "export", "csv"]);
    assert_eq!(o.status.code(), Some(2), "the real register refuses --now");
}

#[test]
fn demo_letter_uses_the_demo_organisation_and_a_demo_case() {
    let home = Home::new();
    let before = home.snapshot();
    let out = home.dir.path().join("brieven");
    let o = home.run(&[
        "--demo",
        "--now",
        "2026-11-23T09:00",
        "letter",
        "V-2026-0010",
        "ontvangstbevestiging",
        "--format",
        "md",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let letter = fs::read_to_string(out.join("V-2026-0010-ontvangstbevestiging.md")).unwrap();
    assert!(letter.contains("JGZ Voorbeeldregio (demo)"));
    assert!(!letter.contains("Echte Ouder"));
    home.assert_untouched(&before);
}

#[test]
fn a_demo_letter_without_out_goes_to_a_temporary_folder_never_the_data_folder() {
    let home = Home::new();
    let before = home.snapshot();
    let o = home.run(&[
        "--demo",
        "--now",
        "2026-11-23T09:00",
        "letter",
        "V-2026-0010",
        "ontvangstbevestiging",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let path = PathBuf::from(text(&o.stdout).trim());
    assert!(path.is_file(), "{}", path.display());
    assert!(
        path.starts_with(home.tmp().join("privdesk-demo-brieven")),
        "{}",
        path.display()
    );
    assert_eq!(home.snapshot(), before, "nothing under the data folder");
    assert!(!home.data().join("privdesk/brieven").exists());
}
