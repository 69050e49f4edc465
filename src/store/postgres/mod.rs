//! A team's register on PostgreSQL (design.md "The register behind one seam"): the same
//! journal lines and hash chain as the local register, appended only through the database's
//! `privdesk.append` function, which checks the head, the versions, the login and the clock and
//! recomputes each line's hash itself.
//!
//! - `connect` — the URL, TLS (rustls, pure Rust), timeouts; credentials never printed.
//! - `init` — `privdesk db init`: schema, function, triggers, roles and grants (`schema.sql`).
//! - `register` — [`PgRegister`], the register behind the seam.
//! - `listen` — the live thread: others' saves, presence, a lost and regained connection.
//! - `migrate` — `privdesk db migrate`: a local register copied byte for byte.
//! - `backup` — `privdesk backup DIR`: a local register folder with the same journal bytes.

mod backup;
mod connect;
mod init;
mod listen;
mod migrate;
mod register;

pub use crate::store::register::Role;
pub use backup::backup;
pub use connect::{PgTarget, is_url};
pub use init::{DEFAULT_PREFIX, Roles, init};
pub use listen::{EXPIRY, HEARTBEAT};
pub use migrate::{MOVED_FILE, MigrateReport, migrate, moved_to};
pub use register::PgRegister;

/// What went wrong with a PostgreSQL register (the words are in `i18n::postgres`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PgFailure {
    /// The URL could not be read (it is not repeated: it may hold a password).
    BadUrl,
    /// The trusted certificates (`PGSSLROOTCERT`) could not be read.
    RootCert,
    /// The server could not be reached or refused the login.
    Connect(String),
    /// A statement failed.
    Query(String),
    /// The database holds no privdesk register (`privdesk db init` first).
    NotInitialised,
    /// The database's encoding is not UTF8.
    NotUtf8(String),
    /// A role prefix that is not a plain lowercase identifier.
    BadPrefix,
    /// The register was made with another role prefix.
    OtherPrefix(String),
    /// The login's role may not make this change (the FG changes no case).
    NotPermitted,
    /// The login is neither a handler nor the FG of this register.
    NotAUser,
    /// The line's time is not near the database's clock.
    Clock,
    /// The line's user is not the login.
    UserMismatch,
    /// The database refused the line as malformed.
    BadLine,
    /// The journal is append-only.
    AppendOnly,
    /// A case given to a name that is not a handler's login of this register.
    NotAHandler,
    /// `--user` given: on PostgreSQL the user is the database login.
    UserOption,
    /// `--now` given: on PostgreSQL the database's clock holds.
    NowOption,
    /// Others kept saving first; the change was not saved (try again).
    Busy,
    /// `db migrate` into a register that already has lines.
    NotEmpty(u64),
    /// After `db migrate` the two heads differ.
    HeadMismatch {
        /// The local register's head.
        local: String,
        /// The database's.
        remote: String,
    },
    /// The local register was moved to PostgreSQL: read-only.
    Moved(String),
    /// An empty register that the FG cannot start (a handler opens it first).
    EmptyForFg,
}

impl PgFailure {
    /// The process exit code.
    pub fn exit_code(&self) -> u8 {
        match self {
            PgFailure::Connect(_) | PgFailure::Query(_) => 5,
            PgFailure::Busy => 3,
            PgFailure::HeadMismatch { .. } => 4,
            _ => 2,
        }
    }
}
