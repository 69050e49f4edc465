//! What opening a register is told, and where it is and who works in it: from the command
//! line, the environment or the config file.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use super::StoreError;

/// The user recorded on a demo register, so demo output is stable.
pub const DEMO_USER: &str = "Demo Gebruiker";
/// The environment variable naming the register folder.
pub const DB_ENV: &str = "PRIVDESK_DB";

/// How to open a register.
#[derive(Clone, Debug)]
pub struct OpenOptions {
    /// Create the register when the folder holds none: `Some(demo)`; `None` refuses.
    pub create: Option<bool>,
    /// The clock's instant: the time of a creation line and the stamp of set-aside files.
    pub now: DateTime<Utc>,
    /// The user named with `--user`.
    pub cli_user: Option<String>,
    /// The user named in the config file.
    pub config_user: Option<String>,
}

impl OpenOptions {
    /// Open an existing register only.
    pub fn existing(now: DateTime<Utc>) -> OpenOptions {
        OpenOptions {
            create: None,
            now,
            cli_user: None,
            config_user: None,
        }
    }
}

/// The register folder: `--db PATH`, else `PRIVDESK_DB`, else the platform's local data folder.
pub fn register_dir(db: Option<&Path>) -> Result<PathBuf, StoreError> {
    if let Some(p) = db {
        return Ok(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    directories::ProjectDirs::from("nl", "privdesk", "privdesk")
        .map(|d| d.data_local_dir().to_path_buf())
        .ok_or(StoreError::NoDataDir)
}

/// The user recorded on changes: `--user`, else on a demo register "Demo Gebruiker" (stable
/// demo output), else the config's name, else the OS user (`USER`/`USERNAME`).
pub fn resolve_user(cli: Option<&str>, config: Option<&str>, demo: bool) -> String {
    // Recorded in every journal line and named in letters and refusals: one clean line.
    let given = |s: Option<&str>| {
        s.map(|s| crate::domain::text::clean_line(s).trim().to_string())
            .filter(|s| !s.is_empty())
    };
    if let Some(u) = given(cli) {
        return u;
    }
    if demo {
        return DEMO_USER.into();
    }
    if let Some(u) = given(config) {
        return u;
    }
    ["USER", "USERNAME"]
        .iter()
        .find_map(|v| given(std::env::var(v).ok().as_deref()))
        .unwrap_or_else(|| "onbekend".into())
}
