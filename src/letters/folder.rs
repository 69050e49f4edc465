//! Where a letter goes, one rule for the workbench's `l` and `privdesk letter`, every format:
//! `--out`, else the config's `brieven.map`, else a private folder of the register's own in the
//! user's data folder, `<data dir>/brieven/<register>` (created 0700 by the writer). Letters
//! hold personal data: they never land in the working folder by surprise.

use std::path::{Path, PathBuf};

use super::LetterError;

/// The folder in the user's data folder that holds a folder of letters per register.
pub const BRIEVEN_DIR: &str = "brieven";

/// The folder a letter goes to: `out` (`--out`), else `map` (`brieven.map`), else
/// [`default_dir`] for the register named `register` (`Store::register_name`).
pub fn letters_dir(
    out: Option<&Path>,
    map: Option<&Path>,
    register: &str,
) -> Result<PathBuf, LetterError> {
    if let Some(dir) = out.or(map) {
        return Ok(dir.to_path_buf());
    }
    default_dir(register).ok_or(LetterError::NoFolder)
}

/// The letters of a throw-away register (`--demo`) without `--out` or `brieven.map`:
/// `$TMPDIR/privdesk-demo-brieven/<register>`, never the user's data folder, and kept after the
/// register is gone so a letter can still be read.
pub fn demo_dir(register: &str) -> PathBuf {
    std::env::temp_dir()
        .join("privdesk-demo-brieven")
        .join(register)
}

/// `<data dir>/brieven/<register>`: the platform's data folder for privdesk
/// (`$XDG_DATA_HOME/privdesk` on Linux), or none when the platform has no home folder.
pub fn default_dir(register: &str) -> Option<PathBuf> {
    directories::ProjectDirs::from("nl", "privdesk", "privdesk")
        .map(|d| d.data_dir().join(BRIEVEN_DIR).join(register))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn out_wins_over_the_config_which_wins_over_the_data_folder() {
        let out = Path::new("/tmp/uit");
        let map = Path::new("/tmp/map");
        assert_eq!(letters_dir(Some(out), Some(map), "r").unwrap(), out);
        assert_eq!(letters_dir(None, Some(map), "r").unwrap(), map);
        let dir = letters_dir(None, None, "reg-0123456789ab").unwrap();
        assert!(
            dir.ends_with("brieven/reg-0123456789ab"),
            "{}",
            dir.display()
        );
        assert_eq!(Some(dir), default_dir("reg-0123456789ab"));
    }
}
