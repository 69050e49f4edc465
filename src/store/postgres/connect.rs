//! Connecting to a team's register: the URL (`postgres://…`), what the environment adds to it
//! (`PGHOST`, `PGPORT`, `PGUSER`, `PGPASSWORD`, `PGDATABASE`, and the password file
//! `PGPASSFILE` or `~/.pgpass`, as `psql` does), TLS through
//! rustls with the pure-Rust `ring` provider and the system's trusted certificates (plus
//! `PGSSLROOTCERT`), a connect timeout, TCP keepalives and a statement timeout.
//!
//! Credentials are never printed: an error names what failed, never the URL.

use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use postgres::config::Host;
use postgres::{Client, Config};
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use tokio_postgres_rustls::MakeRustlsConnect;

use super::PgFailure;
use crate::store::StoreError;

/// How long a connection may take to open.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// TCP keepalives: a database that went away is noticed within about a minute.
const KEEPALIVE_IDLE: Duration = Duration::from_secs(30);
/// Between two unanswered keepalive probes, and how many make the connection lost.
const KEEPALIVE_INTERVAL: Duration = Duration::from_secs(10);
const KEEPALIVE_RETRIES: u32 = 3;
/// Data the server has not acknowledged for this long: the connection is lost (a statement
/// sent into a dead network waits no longer than this).
const TCP_USER_TIMEOUT: Duration = Duration::from_secs(30);
/// A statement that takes longer is cancelled by the server.
const STATEMENT_TIMEOUT_MS: u32 = 60_000;

/// Whether `db` names a PostgreSQL register rather than a folder.
pub fn is_url(db: &str) -> bool {
    db.starts_with("postgres://") || db.starts_with("postgresql://")
}

/// A register's connection settings, read from its URL and the environment.
#[derive(Clone)]
pub struct PgTarget {
    config: Config,
}

/// Shows where, never who with which password.
impl std::fmt::Debug for PgTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.display())
    }
}

impl PgTarget {
    /// Reads a `postgres://` URL; what it leaves out comes from the environment.
    pub fn parse(url: &str) -> Result<PgTarget, StoreError> {
        let mut config = Config::from_str(url).map_err(|_| StoreError::Pg(PgFailure::BadUrl))?;
        let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        if config.get_hosts().is_empty() {
            config.host(env("PGHOST").as_deref().unwrap_or("localhost"));
        }
        if config.get_ports().is_empty()
            && let Some(port) = env("PGPORT").and_then(|p| p.parse::<u16>().ok())
        {
            config.port(port);
        }
        if config.get_user().is_none() {
            let user = env("PGUSER")
                .or_else(|| env("USER"))
                .unwrap_or_else(|| "postgres".into());
            config.user(&user);
        }
        if config.get_password().is_none()
            && let Some(pw) = env("PGPASSWORD")
        {
            config.password(pw);
        }
        if config.get_dbname().is_none()
            && let Some(db) = env("PGDATABASE")
        {
            config.dbname(&db);
        }
        if config.get_password().is_none()
            && let Some(file) = env("PGPASSFILE")
                .map(std::path::PathBuf::from)
                .or_else(|| env("HOME").map(|h| std::path::Path::new(&h).join(".pgpass")))
            && let Some(pw) = password_from_file(&file, &config)
        {
            config.password(pw);
        }
        config.connect_timeout(CONNECT_TIMEOUT);
        config.keepalives(true);
        config.keepalives_idle(KEEPALIVE_IDLE);
        config.keepalives_interval(KEEPALIVE_INTERVAL);
        config.keepalives_retries(KEEPALIVE_RETRIES);
        config.tcp_user_timeout(TCP_USER_TIMEOUT);
        if config.get_application_name().is_none() {
            config.application_name("privdesk");
        }
        Ok(PgTarget { config })
    }

    /// The login this target connects as.
    pub fn user(&self) -> &str {
        self.config.get_user().unwrap_or_default()
    }

    /// Where the register is, without credentials: `host:port/database`.
    pub fn display(&self) -> String {
        let host = match self.config.get_hosts().first() {
            Some(Host::Tcp(h)) => h.clone(),
            #[cfg(unix)]
            Some(Host::Unix(p)) => p.display().to_string(),
            None => String::new(),
        };
        let port = self.config.get_ports().first().copied().unwrap_or(5432);
        let db = self
            .config
            .get_dbname()
            .unwrap_or_else(|| self.user())
            .to_string();
        format!("postgres://{host}:{port}/{db}")
    }

    /// Opens a connection (TLS as the URL's `sslmode` asks: `prefer` by default).
    pub fn connect(&self) -> Result<Client, StoreError> {
        let tls = MakeRustlsConnect::new(tls_config()?);
        let mut client = self
            .config
            .connect(tls)
            .map_err(|e| StoreError::Pg(PgFailure::Connect(reason(&e))))?;
        client
            .batch_execute(&format!(
                "SET statement_timeout = {STATEMENT_TIMEOUT_MS}; SET lock_timeout = {STATEMENT_TIMEOUT_MS}"
            ))
            .map_err(|e| StoreError::Pg(PgFailure::Query(reason(&e))))?;
        Ok(client)
    }
}

/// The password a `.pgpass` file gives for this host, port, database and login, as `psql`
/// reads it: lines `host:port:database:user:password`, `*` matching anything, `\:` and `\\`
/// escaped, the first matching line wins. Like `psql`, a file that others may read is ignored
/// (a password file must be the user's own, 0600).
fn password_from_file(file: &std::path::Path, config: &Config) -> Option<Vec<u8>> {
    use std::os::unix::fs::PermissionsExt;
    let meta = std::fs::metadata(file).ok()?;
    if !meta.is_file() || meta.permissions().mode() & 0o077 != 0 {
        return None;
    }
    let text = std::fs::read_to_string(file).ok()?;
    let host = match config.get_hosts().first() {
        Some(Host::Tcp(h)) => h.clone(),
        #[cfg(unix)]
        Some(Host::Unix(_)) | None => "localhost".into(),
    };
    let port = config
        .get_ports()
        .first()
        .copied()
        .unwrap_or(5432)
        .to_string();
    let user = config.get_user().unwrap_or_default();
    let db = config.get_dbname().unwrap_or(user);
    let wanted = [host.as_str(), port.as_str(), db, user];
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .find_map(|line| {
            let fields = pgpass_fields(line);
            if fields.len() != 5 {
                return None;
            }
            let matches = fields[..4]
                .iter()
                .zip(wanted)
                .all(|(f, w)| f == "*" || f == w);
            matches.then(|| fields[4].clone().into_bytes())
        })
}

/// A `.pgpass` line's fields, split on unescaped colons.
fn pgpass_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let (Some(next), Some(last)) = (chars.next(), fields.last_mut()) {
                    last.push(next);
                }
            }
            ':' => fields.push(String::new()),
            c => {
                if let Some(last) = fields.last_mut() {
                    last.push(c);
                }
            }
        }
    }
    fields
}

/// rustls with the `ring` provider (no system library) trusting the system's certificates and
/// the file `PGSSLROOTCERT` names.
fn tls_config() -> Result<rustls::ClientConfig, StoreError> {
    let mut roots = rustls::RootCertStore::empty();
    let native = rustls_native_certs::load_native_certs();
    roots.add_parsable_certificates(native.certs);
    if let Some(path) = std::env::var_os("PGSSLROOTCERT").filter(|p| !p.is_empty()) {
        let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(&path)
            .map_err(|_| StoreError::Pg(PgFailure::RootCert))?
            .collect::<Result<_, _>>()
            .map_err(|_| StoreError::Pg(PgFailure::RootCert))?;
        roots.add_parsable_certificates(certs);
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|_| StoreError::Pg(PgFailure::RootCert))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(config)
}

/// A database error in words that hold no credentials: the server's own message, or the
/// client's description of what failed (the URL is never part of either).
pub(super) fn reason(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => db.message().to_string(),
        None => {
            let mut text = e.to_string();
            let mut source = std::error::Error::source(e);
            while let Some(s) = source {
                text.push_str(": ");
                text.push_str(&s.to_string());
                source = s.source();
            }
            text
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn where_a_register_is_is_shown_without_its_credentials() {
        let Ok(t) = PgTarget::parse("postgres://anna:geheim@dbhost:5433/privdesk") else {
            panic!("a good URL is read");
        };
        assert_eq!(t.display(), "postgres://dbhost:5433/privdesk");
        assert_eq!(format!("{t:?}"), "postgres://dbhost:5433/privdesk");
        assert_eq!(t.user(), "anna");
        let Err(e) = PgTarget::parse("postgres://anna:geheim@dbhost:poort/privdesk") else {
            panic!("a bad port is refused");
        };
        assert!(matches!(e, StoreError::Pg(PgFailure::BadUrl)));
        for lang in [Lang::Nl, Lang::En] {
            assert!(!e.message(lang).contains("geheim"));
        }
        assert!(is_url("postgresql://x/y") && is_url("postgres://x/y") && !is_url("/srv/reg"));
    }

    /// A password need not be in the URL (the process list) or the environment: the login's
    /// own `.pgpass` gives it, and a file others may read is ignored, as `psql` does.
    #[test]
    fn a_password_file_of_the_users_own_gives_the_password() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap_or_else(|_| panic!("tempdir"));
        let file = dir.path().join("pgpass");
        std::fs::write(
            &file,
            "# team\nother:5432:*:anna:nee\ndbhost:5433:privdesk:anna:ge\\:heim\n*:*:*:*:fallback\n",
        )
        .unwrap_or_else(|_| panic!("write"));
        let config = |url: &str| Config::from_str(url).unwrap_or_else(|_| panic!("url"));
        let pw = |url: &str| password_from_file(&file, &config(url));
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600))
            .unwrap_or_else(|_| panic!("chmod"));
        assert_eq!(
            pw("postgres://anna@dbhost:5433/privdesk").as_deref(),
            Some(&b"ge:heim"[..])
        );
        assert_eq!(
            pw("postgres://piet@dbhost:5433/privdesk").as_deref(),
            Some(&b"fallback"[..])
        );
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644))
            .unwrap_or_else(|_| panic!("chmod"));
        assert_eq!(pw("postgres://anna@dbhost:5433/privdesk"), None);
    }
}
