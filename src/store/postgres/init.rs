//! `privdesk db init postgres://…`: the schema, the append function, the triggers, the roles
//! and the grants of `schema.sql`. Idempotent (each statement may run again), writes no journal
//! line, and refuses a database whose encoding is not UTF8 (the hash is computed over the
//! line's UTF-8 bytes in the database).

use super::connect::reason;
use super::{PgFailure, PgTarget};
use crate::domain::{Case, Summary};
use crate::store::StoreError;

/// The role prefix of a first register on a cluster.
pub const DEFAULT_PREFIX: &str = "privdesk_";

const SCHEMA: &str = include_str!("schema.sql");

/// A register's three roles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Roles {
    /// The prefix they share.
    pub prefix: String,
}

impl Roles {
    /// The roles of `prefix`, refused unless it is a plain lowercase identifier (it is put into
    /// SQL as a name).
    pub fn new(prefix: &str) -> Result<Roles, StoreError> {
        let ok = !prefix.is_empty()
            && prefix.len() <= 40
            && prefix.starts_with(|c: char| c.is_ascii_lowercase())
            && prefix
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !ok {
            return Err(StoreError::Pg(PgFailure::BadPrefix));
        }
        Ok(Roles {
            prefix: prefix.to_string(),
        })
    }

    /// The owner (no login): owns the tables and the append function.
    pub fn owner(&self) -> String {
        format!("{}owner", self.prefix)
    }

    /// The handlers' role.
    pub fn handler(&self) -> String {
        format!("{}handler", self.prefix)
    }

    /// The FG's role.
    pub fn fg(&self) -> String {
        format!("{}fg", self.prefix)
    }

    fn fill(&self, sql: &str) -> String {
        sql.replace("{owner}", &self.owner())
            .replace("{handler}", &self.handler())
            .replace("{fg}", &self.fg())
            .replace("{prefix}", &self.prefix)
    }
}

/// Makes (or completes) the register in the database `target` names. Returns the roles.
pub fn init(target: &PgTarget, prefix: &str) -> Result<Roles, StoreError> {
    let roles = Roles::new(prefix)?;
    let mut client = target.connect()?;
    let q = |e: postgres::Error| StoreError::Pg(PgFailure::Query(reason(&e)));
    let row = client
        .query_one(
            "SELECT pg_encoding_to_char(encoding)::text FROM pg_database WHERE datname = current_database()",
            &[],
        )
        .map_err(q)?;
    let encoding: String = row.try_get(0).map_err(q)?;
    if encoding != "UTF8" {
        return Err(StoreError::Pg(PgFailure::NotUtf8(encoding)));
    }
    // A register made with another prefix keeps it: its function names those roles.
    let existing = client
        .query_opt(
            "SELECT roles FROM privdesk.head WHERE one AND to_regclass('privdesk.head') IS NOT NULL",
            &[],
        )
        .ok()
        .flatten();
    if let Some(row) = existing {
        let found: String = row.try_get(0).map_err(q)?;
        if found != roles.prefix {
            return Err(StoreError::Pg(PgFailure::OtherPrefix(found)));
        }
    }
    let mut tx = client.transaction().map_err(q)?;
    tx.batch_execute(&roles.fill(SCHEMA)).map_err(q)?;
    summaries_again(&mut tx)?;
    tx.commit().map_err(q)?;
    Ok(roles)
}

/// What the list shows of a case grows with privdesk (issue 21: the reply's date and the AP
/// notification's instant, which the FG's overview counts): on a register that has cases, every
/// summary is written again from its case's record, as a local register does at a schema change.
/// The summaries' `written` stays, so no workbench takes it for a new save.
fn summaries_again(tx: &mut postgres::Transaction<'_>) -> Result<(), StoreError> {
    const BATCH: usize = 2000;
    let q = |e: postgres::Error| StoreError::Pg(PgFailure::Query(reason(&e)));
    let rows = tx
        .query("SELECT record::text FROM privdesk.cases ORDER BY id", &[])
        .map_err(q)?;
    let mut ids = Vec::with_capacity(BATCH);
    let mut summaries = Vec::with_capacity(BATCH);
    for (n, row) in rows.iter().enumerate() {
        let text: &str = row.try_get(0).map_err(q)?;
        let case: Case =
            serde_json::from_str(text).map_err(|_| StoreError::Pg(PgFailure::BadLine))?;
        ids.push(case.id.to_string());
        summaries.push(
            serde_json::to_string(&Summary::of(&case))
                .map_err(|_| StoreError::Pg(PgFailure::BadLine))?,
        );
        if ids.len() == BATCH || n + 1 == rows.len() {
            tx.execute(
                "UPDATE privdesk.summaries s SET summary = n.summary::jsonb
                 FROM unnest($1::text[], $2::text[]) AS n(id, summary) WHERE s.id = n.id",
                &[&ids, &summaries],
            )
            .map_err(q)?;
            ids.clear();
            summaries.clear();
        }
    }
    Ok(())
}
