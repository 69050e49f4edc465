//! Which settings file is read and loading it: the order `--config`, `PRIVDESK_CONFIG`, the
//! config folder, kept pure ([`ConfigSource::locate`]) so that it can be tested.

use super::{Config, ConfigError, ENV_CONFIG, FILE_NAME};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

/// Where the settings file is and whether it must exist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigSource {
    /// The file.
    pub path: PathBuf,
    /// Named by `--config` or `PRIVDESK_CONFIG`: then a missing file is an error.
    pub required: bool,
}

impl ConfigSource {
    /// Chooses the file: `cli` (`--config`), else `env` (`PRIVDESK_CONFIG`, ignored when
    /// empty), else `privdesk.toml` in `config_dir`. Pure, so the order is testable.
    pub fn locate(
        cli: Option<&Path>,
        env: Option<&OsStr>,
        config_dir: Option<&Path>,
    ) -> Option<ConfigSource> {
        if let Some(p) = cli {
            return Some(ConfigSource {
                path: p.to_path_buf(),
                required: true,
            });
        }
        if let Some(e) = env.filter(|e| !e.is_empty()) {
            return Some(ConfigSource {
                path: PathBuf::from(e),
                required: true,
            });
        }
        config_dir.map(|d| ConfigSource {
            path: d.join(FILE_NAME),
            required: false,
        })
    }
}

/// privdesk's config folder on this system (where `privdesk.toml` and theme overrides live),
/// if the system has one.
pub fn config_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("nl", "privdesk", "privdesk").map(|d| d.config_dir().into())
}

impl Config {
    /// Loads the settings the way the app does: `cli` (`--config`), else `PRIVDESK_CONFIG`,
    /// else the config folder's `privdesk.toml`, else the defaults.
    pub fn load(cli: Option<&Path>) -> Result<Config, ConfigError> {
        let env = std::env::var_os(ENV_CONFIG);
        let dir = config_dir();
        Config::load_from(ConfigSource::locate(cli, env.as_deref(), dir.as_deref()).as_ref())
    }

    /// Loads from a chosen source; `None` or a missing optional file gives the defaults.
    pub fn load_from(source: Option<&ConfigSource>) -> Result<Config, ConfigError> {
        let Some(source) = source else {
            return Ok(Config::default());
        };
        let file = &source.path;
        match std::fs::read_to_string(file) {
            Ok(text) => Config::parse(&text, file),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if source.required {
                    Err(ConfigError::NotFound { file: file.clone() })
                } else {
                    Ok(Config::default())
                }
            }
            Err(e) => Err(ConfigError::Read {
                file: file.clone(),
                detail: e.to_string(),
            }),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_file_is_chosen_in_order() {
        let cli = Path::new("/a/cli.toml");
        let env = OsStr::new("/b/env.toml");
        let dir = Path::new("/c");
        let pick = |c, e, d| ConfigSource::locate(c, e, d);
        assert_eq!(
            pick(Some(cli), Some(env), Some(dir)),
            Some(ConfigSource {
                path: cli.into(),
                required: true
            })
        );
        assert_eq!(
            pick(None, Some(env), Some(dir)),
            Some(ConfigSource {
                path: env.into(),
                required: true
            })
        );
        assert_eq!(
            pick(None, Some(OsStr::new("")), Some(dir)),
            Some(ConfigSource {
                path: dir.join("privdesk.toml"),
                required: false
            })
        );
        assert_eq!(pick(None, None, None), None);
    }

    #[test]
    fn a_missing_file_is_an_error_only_when_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("privdesk.toml");
        let optional = ConfigSource {
            path: path.clone(),
            required: false,
        };
        assert_eq!(Config::load_from(Some(&optional)), Ok(Config::default()));
        let required = ConfigSource {
            path: path.clone(),
            required: true,
        };
        assert_eq!(
            Config::load_from(Some(&required)),
            Err(ConfigError::NotFound { file: path.clone() })
        );
        std::fs::write(&path, "[gebruiker]\nnaam = \"Anna\"\n").unwrap();
        let c = Config::load_from(Some(&required)).unwrap();
        assert_eq!(c.gebruiker.naam.as_deref(), Some("Anna"));
        assert!(matches!(
            Config::load_from(Some(&ConfigSource {
                path: dir.path().into(),
                required: true
            })),
            Err(ConfigError::Read { .. })
        ));
    }
}
