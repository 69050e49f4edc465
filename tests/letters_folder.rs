//! Where letters go (issue 24): `--out`, else the config's `brieven.map`, else the register's
//! private letters folder in the user's data folder — never the working folder by surprise; one
//! rule for the workbench's `l` and `privdesk letter`.
#![allow(clippy::unwrap_used)]

mod app_fixture;
mod common;
use common::{Run, empty_config, privdesk_cmd};

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Output;

use app_fixture::{fill, now};
use privdesk::store::{OpenOptions, Store};

/// A sandbox: a register of the fixture's cases, a working folder and a home of its own.
struct Sandbox {
    _tmp: tempfile::TempDir,
    db: PathBuf,
    cwd: PathBuf,
    data: PathBuf,
}

impl Sandbox {
    fn new() -> Sandbox {
        let tmp = tempfile::tempdir().unwrap();
        let db = tmp.path().join("register");
        fill(&db);
        let cwd = tmp.path().join("werkmap");
        let data = tmp.path().join("data");
        std::fs::create_dir_all(&cwd).unwrap();
        Sandbox {
            db,
            cwd,
            data,
            _tmp: tmp,
        }
    }

    /// `privdesk --db REGISTER ARGS` (the shared helper) in the working folder, with the
    /// sandbox's data folder.
    fn run(&self, config: &Path, args: &[&str], stdin: &[u8]) -> Output {
        privdesk_cmd(Some(&self.db), args)
            .current_dir(&self.cwd)
            .env("PRIVDESK_CONFIG", config)
            .env("XDG_DATA_HOME", &self.data)
            .env("HOME", self.cwd.parent().unwrap())
            .run_with(stdin)
    }

    /// The register's letters folder under the data folder: `brieven/<register>`.
    fn letters_folder(&self) -> PathBuf {
        let opts = OpenOptions {
            create: None,
            now: now(),
            cli_user: None,
            config_user: None,
        };
        let name = Store::open(&self.db, &opts).unwrap().register_name();
        assert!(name.starts_with("register-"), "{name}");
        self.data.join("privdesk/brieven").join(name)
    }

    fn cwd_is_empty(&self) -> bool {
        std::fs::read_dir(&self.cwd).unwrap().next().is_none()
    }
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

const LETTER_SCRIPT: &[u8] = b"now 2026-11-23T09:00\n\
press /\n\
type V-2026-0001\n\
press <Enter><Enter>\n\
expect Zaak V-2026-0001\n\
press l1<Enter>\n\
expect Brief gemaakt:\n\
screen\n";

#[test]
fn workbench_letters_land_in_the_registers_letters_folder_with_mode_0600() {
    let s = Sandbox::new();
    let o = s.run(&empty_config(), &["headless", "-"], LETTER_SCRIPT);
    let out = text(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{out}{}", text(&o.stderr));
    assert!(!out.contains("fail:"), "{out}");
    let folder = s.letters_folder();
    let letter = folder.join("V-2026-0001-ontvangstbevestiging.docx");
    assert!(letter.is_file(), "{}\n{out}", letter.display());
    assert_eq!(mode(&letter), 0o600);
    assert_eq!(mode(&folder), 0o700);
    assert!(s.cwd_is_empty(), "a letter in the working folder");
    // The status line names where it went.
    let shown = out.lines().find(|l| l.contains("Brief gemaakt:")).unwrap();
    let prefix: String = folder.display().to_string().chars().take(40).collect();
    assert!(shown.contains(&prefix), "{shown}");
}

#[test]
fn the_letter_command_follows_the_same_rule_out_then_config_then_data_folder() {
    let s = Sandbox::new();
    let letter = ["--now", "2026-11-23T10:00", "letter", "V-2026-0001"];
    // Neither --out nor brieven.map: the register's letters folder.
    let o = s.run(
        &empty_config(),
        &[&letter[..], &["ontvangstbevestiging"]].concat(),
        b"",
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let expected = s
        .letters_folder()
        .join("V-2026-0001-ontvangstbevestiging.docx");
    assert_eq!(text(&o.stdout), format!("{}\n", expected.display()));
    assert_eq!(mode(&expected), 0o600);
    assert!(s.cwd_is_empty());
    // brieven.map in the config.
    let map = s.cwd.parent().unwrap().join("map");
    let config = s.cwd.parent().unwrap().join("privdesk.toml");
    std::fs::write(
        &config,
        format!("[brieven]\nmap = \"{}\"\n", map.to_str().unwrap()),
    )
    .unwrap();
    let o = s.run(
        &config,
        &[&letter[..], &["ontvangstbevestiging"]].concat(),
        b"",
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let expected = map.join("V-2026-0001-ontvangstbevestiging.docx");
    assert_eq!(text(&o.stdout), format!("{}\n", expected.display()));
    // --out wins over both.
    let out = s.cwd.parent().unwrap().join("uit");
    let o = s.run(
        &config,
        &[
            &letter[..],
            &["ontvangstbevestiging", "--out", out.to_str().unwrap()],
        ]
        .concat(),
        b"",
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(out.join("V-2026-0001-ontvangstbevestiging.docx").is_file());
    assert!(s.cwd_is_empty());
}
