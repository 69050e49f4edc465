//! Opening what both screen drivers (the terminal and headless) run on: the register, the
//! clock, the theme, the language, as one [`App`]. The register is opened here, before the
//! terminal is taken over, so a refusal prints on a normal terminal.
//!
//! - `--demo`: a throw-away register in a fresh temporary folder, seeded with the fictitious
//!   cases of [`crate::demo`] at the clock's today, removed again at exit, also at an exit by
//!   SIGTERM, SIGINT or SIGHUP ([`super::signals`]).
//! - headless without `--db`/`--demo`: an empty throw-away demo register, never the real one.
//! - otherwise the register at `--db`, `PRIVDESK_DB` or the data folder; a folder named by
//!   `--db` or `PRIVDESK_DB` must exist (refused with exit 2 otherwise), and an existing folder
//!   without a register gets a new, empty one — the same rule for the workbench and headless.
//!
//! An injected clock (`--now`) is allowed only on a demo register.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::app::App;
use crate::clock::Clock;
use crate::config::{Config, Organisatie, config_dir};
use crate::demo;
use crate::i18n::Lang;
use crate::i18n::start::StartMsg;
use crate::store::{DB_ENV, OpenOptions, Register, Store, StoreError, register_dir};
use crate::ui::theme::Theme;

/// A temporary register folder, removed when dropped (after the store that uses it).
#[derive(Debug)]
pub struct TempFolder(PathBuf);

impl TempFolder {
    /// A new private folder under the system's temporary folder.
    fn new() -> std::io::Result<TempFolder> {
        let base = std::env::temp_dir();
        let pid = std::process::id();
        let mut n = 0u32;
        loop {
            let path = base.join(format!("{}{pid}-{n}", super::signals::TEMP_PREFIX));
            let mut b = fs::DirBuilder::new();
            #[cfg(unix)]
            {
                use std::os::unix::fs::DirBuilderExt;
                b.mode(0o700);
            }
            match b.create(&path) {
                Ok(()) => return Ok(TempFolder(path)),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 1000 => n += 1,
                Err(e) => return Err(e),
            }
        }
    }

    /// The register folder inside it.
    pub fn register(&self) -> PathBuf {
        self.0.join("register")
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempFolder {
    fn drop(&mut self) {
        // Best effort: a leftover throw-away register holds only fictitious data.
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// A throw-away demo register, seeded at `now` and closed again, for a command given with
/// `--demo`: the command opens [`TempFolder::register`] and nothing of the real register is read
/// or written. Keep the folder alive until the command is done.
pub fn demo_register(now: DateTime<Utc>) -> Result<TempFolder, StoreError> {
    let temp = TempFolder::new().map_err(StoreError::Disk)?;
    let mut opts = OpenOptions::existing(now);
    opts.create = Some(true);
    let mut store = Store::open(&temp.register(), &opts)?;
    demo::seed(&mut store, now)?;
    store.flush()?;
    Ok(temp)
}

/// The PostgreSQL URL `--db` (else `PRIVDESK_DB`) gives, if it names a team's register
/// rather than a folder.
pub fn pg_url(db: Option<&Path>) -> Option<String> {
    let given = match db {
        Some(p) => p.to_str()?.to_string(),
        None => std::env::var(DB_ENV).ok()?,
    };
    crate::store::postgres::is_url(&given).then_some(given)
}

/// Opens the app on a team's register: the user is the database login (`--user` refused),
/// the clock the real one (`--now` refused).
fn open_pg(
    args: &SessionArgs,
    url: &str,
    mut config: Config,
    clock: Clock,
    theme: Theme,
) -> Result<(App, Theme, Option<TempFolder>), StartError> {
    use crate::store::PgFailure;
    use crate::store::postgres::{PgRegister, PgTarget};
    let lang = args.lang;
    let refuse = |f: PgFailure| StartError::store(&StoreError::Pg(f), lang);
    if args.user.is_some() {
        return Err(refuse(PgFailure::UserOption));
    }
    if args.now.is_some() {
        return Err(refuse(PgFailure::NowOption));
    }
    let target = PgTarget::parse(url).map_err(|e| StartError::store(&e, lang))?;
    let register =
        PgRegister::open(&target, clock.now()).map_err(|e| StartError::store(&e, lang))?;
    config.organisatie =
        Organisatie::for_register(&config, register.is_demo(), args.config.is_some());
    Ok((
        App::new(register, clock, lang).with_config(config),
        theme,
        None,
    ))
}

/// What the command line asked for.
#[derive(Clone, Debug, Default)]
pub struct SessionArgs {
    /// `--db`.
    pub db: Option<PathBuf>,
    /// `--demo`.
    pub demo: bool,
    /// `--config`.
    pub config: Option<PathBuf>,
    /// `--lang`.
    pub lang: Lang,
    /// `--theme`.
    pub theme: Option<String>,
    /// `--user`.
    pub user: Option<String>,
    /// `--now`, read.
    pub now: Option<DateTime<Utc>>,
    /// Whether `NO_COLOR` is set (and not empty).
    pub no_color: bool,
    /// Headless: without `--db`/`--demo` an empty throw-away register.
    pub headless: bool,
}

/// Why a session could not start: the message and the exit code.
#[derive(Debug)]
pub struct StartError {
    /// The message, in the user's language.
    pub message: String,
    /// The exit code (design.md "Exit codes").
    pub code: u8,
}

impl StartError {
    fn usage(message: String) -> StartError {
        StartError { message, code: 2 }
    }

    fn store(e: &StoreError, lang: Lang) -> StartError {
        StartError {
            message: e.message(lang),
            code: e.exit_code(),
        }
    }
}

/// Opens the app. Keep the returned folder alive as long as the app (drop the app first).
pub fn open(args: &SessionArgs) -> Result<(App, Theme, Option<TempFolder>), StartError> {
    let lang = args.lang;
    // Throw-away registers that processes no longer running left behind (SIGKILL, a crash)
    // hold personal data of nobody's session: they go first.
    super::signals::sweep_stale(&std::env::temp_dir());
    let config =
        Config::load(args.config.as_deref()).map_err(|e| StartError::usage(e.message(lang)))?;
    let theme_name = args.theme.as_deref().unwrap_or(&config.weergave.thema);
    let theme = Theme::load(theme_name, config_dir().as_deref(), args.no_color).map_err(|e| {
        StartError::usage(StartMsg::Theme.fill(lang, &[("message", &e.message(lang))]))
    })?;
    let clock = args.now.map_or(Clock::System, Clock::Fixed);
    let now = clock.now();
    let throw_away = args.demo || (args.headless && args.db.is_none());
    if !throw_away && let Some(url) = pg_url(args.db.as_deref()) {
        return open_pg(args, &url, config, clock, theme);
    }
    let mut opts = OpenOptions::existing(now);
    opts.cli_user = args.user.clone();
    opts.config_user = config.gebruiker.naam.clone();
    let (store, temp) = if throw_away {
        let temp = TempFolder::new().map_err(|e| StartError::store(&StoreError::Disk(e), lang))?;
        // A session ended by a signal removes it too (the workbench restores the terminal).
        super::signals::remove_on_signal(temp.path().to_path_buf(), !args.headless)
            .map_err(|e| StartError::store(&StoreError::Disk(e), lang))?;
        opts.create = Some(true);
        let mut store =
            Store::open(&temp.register(), &opts).map_err(|e| StartError::store(&e, lang))?;
        if args.demo {
            demo::seed(&mut store, now).map_err(|e| StartError::store(&e, lang))?;
        }
        (store, Some(temp))
    } else {
        let dir = register_dir(args.db.as_deref()).map_err(|e| StartError::store(&e, lang))?;
        // One rule for the workbench and headless: a folder named by --db or PRIVDESK_DB must
        // exist (a typo must not start a second, empty register); an existing folder without a
        // register, and the data folder on first use, get a new, empty register.
        let named = args.db.is_some() || std::env::var_os(DB_ENV).is_some_and(|v| !v.is_empty());
        if named && !dir.is_dir() {
            let path = dir.display().to_string();
            return Err(StartError::usage(
                StartMsg::NoDbFolder.fill(lang, &[("path", &path)]),
            ));
        }
        opts.create = Some(false);
        let store = Store::open(&dir, &opts).map_err(|e| StartError::store(&e, lang))?;
        (store, None)
    };
    if args.now.is_some() && !store.is_demo() {
        return Err(StartError::usage(
            StartMsg::NowNotDemo.text(lang).to_string(),
        ));
    }
    // Letters from the TUI come from the same organisation as `privdesk letter`: the demo one
    // on a demo register without --config.
    let mut config = config;
    config.organisatie = Organisatie::for_register(&config, store.is_demo(), args.config.is_some());
    // A throw-away register's letters never go into the user's data folder.
    if temp.is_some() && config.brieven.map.is_none() {
        config.brieven.map = Some(crate::letters::demo_dir(&store.register_name()));
    }
    Ok((
        App::new(store, clock, lang).with_config(config),
        theme,
        temp,
    ))
}
