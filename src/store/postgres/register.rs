//! [`PgRegister`]: a team's register behind the seam. A save reads the head and the rows it
//! touches, validates the change in the domain as every store does, builds the journal line
//! (the same bytes as the local journal's) and hands it to `privdesk.append`, which checks it
//! again under the head's row lock. A head that moved in between is rebuilt and retried without
//! troubling the user; a case the user saw that someone else changed is a conflict naming who
//! and when.

use std::collections::{BTreeMap, BTreeSet};
use std::str::FromStr;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use chrono::{DateTime, Utc};
use postgres::error::SqlState;
use postgres::{Client, Statement};

use super::connect::reason;
use super::listen::{self, Shared};
use super::{PgFailure, PgTarget, Roles};
use crate::domain::workflow::{self, VierOgen};
use crate::domain::{Case, CaseId, Event, Summary};
use crate::i18n::Lang;
use crate::store::journal::{self, ZERO_HASH, encode_line, parse_line};
use crate::store::register::{Head, Register, Role, Saved, Seen, check_change, check_seen};
use crate::store::working::{FoldError, fold_change};
use crate::store::{
    CaughtUp, ChainCheck, ChainState, Change, Health, HistoryEntry, Live, ReadOnlyWhy, StoreError,
};

/// How often a save is rebuilt when others keep saving first.
const RETRIES: u32 = 200;
/// How many lines one read of the journal fetches.
const BATCH: i64 = 2000;
/// How many of others' lines one catch-up reads at most (the newest; the summaries are read
/// whole).
const CATCH_UP_LINES: i64 = 500;

/// A register on PostgreSQL (see the module).
pub struct PgRegister {
    target: PgTarget,
    inner: Mutex<Inner>,
    user: String,
    role: Role,
    demo: bool,
    name: String,
    /// What the register shares with its live thread (issue 20).
    shared: Arc<Shared>,
    vier_ogen: VierOgen,
}

/// Shows where and who, never the cases or credentials.
impl std::fmt::Debug for PgRegister {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgRegister")
            .field("target", &self.target)
            .field("user", &self.user)
            .field("role", &self.role)
            .finish_non_exhaustive()
    }
}

struct Inner {
    client: Client,
    /// The statements a save runs, prepared on this connection (`None` until first used, and
    /// again after a reconnect).
    prepared: Option<Statements>,
    /// The summaries as of `synced`.
    summaries: BTreeMap<CaseId, Arc<Summary>>,
    /// The seq the summaries are read up to.
    synced: u64,
    /// The head as last read or written by this session: a save builds its line on it, and
    /// `append` refuses it when another session moved the head meanwhile.
    head: HeadRow,
    /// Case rows as last read or written by this session, with the seq that wrote them: a save
    /// folds on them without reading them again, and `append` refuses a row that moved.
    rows: BTreeMap<CaseId, (Case, u64)>,
    /// The seq the app was last told of others' changes up to ([`Register::catch_up`]).
    reported: u64,
    /// The seqs this session saved since then (not others' changes).
    own: BTreeSet<u64>,
}

/// How many case rows a session keeps (the cases its handler has open or just saved).
const ROWS_KEPT: usize = 64;

/// The statements of a save, prepared once per connection: a statement sent as text is
/// parsed in a round trip of its own before it runs.
struct Statements {
    append: Statement,
    rows: Statement,
    history: Statement,
}

impl Statements {
    fn prepare(client: &mut Client) -> Result<Statements, StoreError> {
        Ok(Statements {
            append: client
                .prepare("SELECT privdesk.append($1, $2, $3, $4::text::jsonb)")
                .map_err(q)?,
            rows: client
                .prepare(
                    "SELECT id, written, record::text FROM privdesk.cases WHERE id = ANY($1::text[])",
                )
                .map_err(q)?,
            history: client
                .prepare(
                    "SELECT line FROM privdesk.journal WHERE case_ids @> ARRAY[$1::text] ORDER BY seq",
                )
                .map_err(q)?,
        })
    }
}

/// A case row as `append` takes it (`p_rows`): written straight to JSON, no value tree between.
#[derive(serde::Serialize)]
struct RowOut<'a> {
    id: String,
    /// The `written` the record was folded on (0: a new case).
    base: u64,
    record: &'a Case,
    summary: &'a Summary,
}

/// The head row.
#[derive(Clone, Debug, Default)]
struct HeadRow {
    seq: u64,
    hash: String,
    cases: u64,
}

fn q(e: postgres::Error) -> StoreError {
    StoreError::Pg(PgFailure::Query(reason(&e)))
}

fn bad_record() -> StoreError {
    StoreError::Pg(PgFailure::Query("record unreadable".into()))
}

fn to_u64(v: i64) -> u64 {
    u64::try_from(v).unwrap_or(0)
}

fn to_i64(v: u64) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

/// The login's name and its role in the register: the handler's role wins when it holds
/// both; a login with neither (or a database without the register) is refused here, before
/// anything is read.
fn session_role(client: &mut Client) -> Result<(String, Role), StoreError> {
    let row = client
        .query_one(
            "SELECT roles, session_user::text FROM privdesk.head WHERE one",
            &[],
        )
        .map_err(|e| match e.code() {
            Some(c) if *c == SqlState::UNDEFINED_TABLE || *c == SqlState::INVALID_SCHEMA_NAME => {
                StoreError::Pg(PgFailure::NotInitialised)
            }
            Some(c) if *c == SqlState::INSUFFICIENT_PRIVILEGE => {
                StoreError::Pg(PgFailure::NotAUser)
            }
            _ => q(e),
        })?;
    let prefix: String = row.try_get(0).map_err(q)?;
    let user: String = row.try_get(1).map_err(q)?;
    let roles = Roles::new(&prefix)?;
    let row = client
        .query_one(
            "SELECT pg_has_role(session_user, $1, 'MEMBER'), pg_has_role(session_user, $2, 'MEMBER')",
            &[&roles.handler(), &roles.fg()],
        )
        .map_err(q)?;
    let handler: bool = row.try_get(0).map_err(q)?;
    let fg: bool = row.try_get(1).map_err(q)?;
    let role = match (handler, fg) {
        (true, _) => Role::Handler,
        (false, true) => Role::Fg,
        (false, false) => return Err(StoreError::Pg(PgFailure::NotAUser)),
    };
    Ok((user, role))
}

/// The register's name on screen and in file names: the database's name (letters, digits and
/// `-`; anything else `_`) and the start of its first line's hash.
fn register_name(target: &PgTarget, first_hash: &str) -> String {
    let db: String = target
        .display()
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{db}-{}", first_hash.chars().take(12).collect::<String>())
}

/// A change that does not fold, as the store names it; a row that does not read is a bad
/// record.
fn fold_failure(e: FoldError) -> StoreError {
    match e {
        FoldError::Refused(r) => StoreError::Refused(r),
        FoldError::UnknownCase(id) => StoreError::UnknownCase(id),
        FoldError::BadChange(why) => StoreError::BadChange(why),
        FoldError::Working(_) => bad_record(),
    }
}

impl PgRegister {
    /// Connects to the register at `target` as its login, which must hold the handler's or the
    /// FG's role. An empty register (just made by `db init`) gets its first line here, by a
    /// handler.
    pub fn open(target: &PgTarget, now: DateTime<Utc>) -> Result<PgRegister, StoreError> {
        let mut client = target.connect()?;
        let (user, role) = session_role(&mut client)?;
        let mut register = PgRegister {
            name: String::new(),
            target: target.clone(),
            inner: Mutex::new(Inner {
                client,
                prepared: None,
                summaries: BTreeMap::new(),
                synced: 0,
                head: HeadRow {
                    seq: 0,
                    hash: ZERO_HASH.into(),
                    cases: 0,
                },
                rows: BTreeMap::new(),
                reported: 0,
                own: BTreeSet::new(),
            }),
            user,
            role,
            demo: false,
            shared: Arc::new(Shared::default()),
            // A team's register: the defaults until the organisation's settings say.
            vier_ogen: VierOgen::on(crate::domain::case::DecisionType::ALL),
        };
        {
            let mut inner = register.lock();
            let head = read_head(&mut inner.client)?;
            if head.seq == 0 {
                if role == Role::Fg {
                    return Err(StoreError::Pg(PgFailure::EmptyForFg));
                }
                let created = [Event::RegisterCreated { demo: false }];
                match Self::append_on(&mut inner, &register.user, &head, &created, now, &[], &[]) {
                    // Another handler opened it first: their line is the first.
                    Ok(_) | Err(StoreError::Pg(PgFailure::Busy)) => {}
                    Err(e) => return Err(e),
                }
            }
        }
        let first = {
            let mut inner = register.lock();
            inner
                .client
                .query_one("SELECT line FROM privdesk.journal WHERE seq = 1", &[])
                .map_err(q)?
        };
        let first: String = first.try_get(0).map_err(q)?;
        let first = parse_line(first.as_bytes()).map_err(|_| bad_record())?;
        register.demo = matches!(
            first.events.first(),
            Some(Event::RegisterCreated { demo: true })
        );
        register.name = register_name(target, &first.hash);
        register.sync()?;
        {
            let mut inner = register.lock();
            inner.reported = inner.synced;
        }
        Ok(register)
    }

    /// Where the register is (no credentials).
    pub fn target(&self) -> &PgTarget {
        &self.target
    }

    /// The connection, opened again first if it was lost (a restarted server, a network
    /// that dropped it): the statement that found it lost failed with its reason; the next one
    /// runs on a new connection, or fails saying why there is none. With a live thread
    /// running (a workbench) the new connection is the one that thread opened: a connect,
    /// which may wait for its timeout, never runs on the caller's thread; until it is there
    /// the register is offline (read-only).
    fn lock(&self) -> MutexGuard<'_, Inner> {
        let mut inner = self
            .inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if self.shared.live.load(Ordering::SeqCst) {
            // A spare is opened only after a loss: the old connection is suspect even when
            // it has not noticed yet.
            if let Some(client) = self.shared.take_spare().filter(|c| !c.is_closed()) {
                inner.client = client;
                inner.prepared = None;
            } else if inner.client.is_closed() {
                self.shared.offline.store(true, Ordering::SeqCst);
                self.shared.want_spare.store(true, Ordering::SeqCst);
            }
        } else if inner.client.is_closed()
            && let Ok(client) = self.target.connect()
        {
            inner.client = client;
            inner.prepared = None;
        }
        inner
    }

    /// Whether the connection is lost (a live register only: without a live thread each
    /// statement connects again itself).
    fn offline(&self) -> bool {
        self.shared.offline.load(Ordering::SeqCst)
    }

    fn read_head(&self) -> Result<HeadRow, StoreError> {
        read_head(&mut self.lock().client)
    }

    /// Reads the summaries written since the last read (other handlers' saves too).
    fn sync(&self) -> Result<(), StoreError> {
        sync(&mut self.lock()).map(|_| ())
    }

    /// Builds the line of `events` on `head` and hands it to `append` with the versions the
    /// change is saved on and the case rows (each with its summary and the `written` it was
    /// folded on). Returns the line's seq and hash. A head or a row that moved is
    /// [`PgFailure::Busy`]; a version that moved is a conflict.
    #[allow(clippy::too_many_arguments)]
    fn append_on(
        inner: &mut Inner,
        user: &str,
        head: &HeadRow,
        events: &[Event],
        at: DateTime<Utc>,
        seen: &[Seen],
        rows: &[RowOut<'_>],
    ) -> Result<(u64, String), StoreError> {
        let created = rows.iter().filter(|r| r.base == 0).count() as u64;
        let (line, hash) = encode_line(
            head.seq + 1,
            &at,
            user,
            events,
            head.cases + created,
            &head.hash,
        )
        .map_err(|_| StoreError::BadChange("encode"))?;
        let line = String::from_utf8(line).map_err(|_| StoreError::BadChange("encode"))?;
        let line = line.trim_end_matches('\n');
        let seen_ids: Vec<String> = seen.iter().map(|s| s.case.to_string()).collect();
        let seen_versions: Vec<i64> = seen.iter().map(|s| to_i64(s.version)).collect();
        let json_rows = serde_json::to_string(rows).map_err(|_| StoreError::BadChange("encode"))?;
        let append = statements(inner)?.append.clone();
        let row = inner
            .client
            .query_one(&append, &[&line, &seen_ids, &seen_versions, &json_rows])
            .map_err(map_append_error)?;
        let seq: i64 = row.try_get(0).map_err(q)?;
        Ok((to_u64(seq), hash))
    }

    /// The rows of `ids` that exist, each with the seq that last wrote it, in one statement.
    fn read_rows(
        inner: &mut Inner,
        ids: &[CaseId],
    ) -> Result<BTreeMap<CaseId, (Case, u64)>, StoreError> {
        let mut read = BTreeMap::new();
        if ids.is_empty() {
            return Ok(read);
        }
        let rows = statements(inner)?.rows.clone();
        let names: Vec<String> = ids.iter().map(CaseId::to_string).collect();
        for row in inner.client.query(&rows, &[&names]).map_err(q)? {
            let written: i64 = row.try_get(1).map_err(q)?;
            let text: &str = row.try_get(2).map_err(q)?;
            let case: Case = serde_json::from_str(text).map_err(|_| bad_record())?;
            read.insert(case.id, (case, to_u64(written)));
        }
        Ok(read)
    }

    /// Keeps `rows` as this session's copies (see [`Inner::rows`]).
    fn keep_rows(inner: &mut Inner, rows: impl IntoIterator<Item = (Case, u64)>) {
        for (case, written) in rows {
            if inner.rows.len() >= ROWS_KEPT && !inner.rows.contains_key(&case.id) {
                inner.rows.clear();
            }
            inner.rows.insert(case.id, (case, written));
        }
    }

    /// The saved cases' summaries, put in the register's list and returned (the save's
    /// changed records).
    fn summaries_saved(inner: &mut Inner, summaries: Vec<Arc<Summary>>) -> Vec<Arc<Summary>> {
        for summary in &summaries {
            inner.summaries.insert(summary.id, Arc::clone(summary));
        }
        summaries
    }

    /// The summaries are current up to the line just appended (it followed `head`): the sync
    /// point and the head move to it (`seq`, `hash` as the line was built), so the next save
    /// needs no round trip to read it.
    fn advance_head(inner: &mut Inner, head: &HeadRow, seq: u64, hash: String, new_cases: u64) {
        inner.synced = seq;
        inner.head = HeadRow {
            seq,
            hash,
            cases: head.cases + new_cases,
        };
    }

    /// One attempt at a save; `Ok(None)` when the head, a row or a version moved (retry with
    /// `fresh`). A first attempt builds on the head and the rows this session last read or
    /// wrote — one round trip, `append`, when nobody else saved meanwhile; a fresh one reads
    /// the head, the summaries saved since, and the rows first.
    fn try_save(
        &self,
        events: &[Event],
        seen: &[Seen],
        at: DateTime<Utc>,
        fresh: bool,
    ) -> Result<Option<Saved>, StoreError> {
        let mut guard = self.lock();
        let inner = &mut *guard;
        let head = if fresh {
            sync(inner)?
        } else {
            inner.head.clone()
        };
        let mut events = events.to_vec();
        let assigned = check_change(&mut events, at, &inner.summaries)?;
        let mut wanted: Vec<CaseId> = events
            .iter()
            .filter_map(Event::case)
            .chain(seen.iter().map(|s| s.case))
            .filter(|id| !assigned.contains(id))
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        let mut rows = BTreeMap::new();
        if !fresh {
            wanted.retain(|id| match inner.rows.get(id) {
                Some(row) => {
                    rows.insert(*id, row.clone());
                    false
                }
                None => true,
            });
            // A version the kept row does not match: the rule is weighed on fresh rows.
            if seen.iter().any(|s| {
                rows.get(&s.case)
                    .is_some_and(|(c, _): &(Case, u64)| c.last_seq != s.version)
            }) {
                return Ok(None);
            }
        }
        rows.extend(Self::read_rows(inner, &wanted)?);
        let seen = {
            let client = &mut inner.client;
            let prepared = &mut inner.prepared;
            check_seen(
                seen,
                &events,
                &mut |id| Ok(rows.get(&id).map(|(c, _)| c.last_seq)),
                &mut |id| history_on(client, prepared, id),
            )?
        };
        let mut bases: BTreeMap<CaseId, u64> = BTreeMap::new();
        let folded = fold_change(head.seq + 1, at, &self.user, &events, true, &mut |id| {
            // An id given here is new by this register's summaries; if another handler took
            // it meanwhile, `append` finds the row and the save is rebuilt.
            if assigned.contains(&id) {
                return Ok(None);
            }
            Ok(rows.remove(&id).map(|(case, written)| {
                bases.insert(id, written);
                case
            }))
        });
        let folded = match folded {
            Ok(f) => f,
            // Refused on the rows this session kept: they may be older than the case (another
            // handler approved, say); the domain decides again on the rows as they are.
            Err(_) if !fresh => return Ok(None),
            Err(e) => return Err(fold_failure(e)),
        };
        let summaries: Vec<Arc<Summary>> = folded
            .changed
            .iter()
            .map(|c| Arc::new(Summary::of(c)))
            .collect();
        let saved_rows: Vec<RowOut<'_>> = folded
            .changed
            .iter()
            .zip(&summaries)
            .map(|(c, s)| RowOut {
                id: c.id.to_string(),
                base: bases.get(&c.id).copied().unwrap_or(0),
                record: c,
                summary: s,
            })
            .collect();
        let new_cases = saved_rows.iter().filter(|r| r.base == 0).count() as u64;
        let appended = Self::append_on(inner, &self.user, &head, &events, at, &seen, &saved_rows);
        drop(saved_rows);
        let (seq, hash) = match appended {
            Ok(appended) => appended,
            Err(StoreError::Pg(PgFailure::Busy) | StoreError::Conflict { .. }) => {
                inner.rows.clear();
                return Ok(None);
            }
            Err(e) => return Err(e),
        };
        inner.own.insert(seq);
        let changed = Self::summaries_saved(inner, summaries);
        Self::keep_rows(inner, folded.changed.iter().map(|c| (c.clone(), seq)));
        // The line followed the head the summaries were read at: they are current up to it.
        if inner.synced == head.seq && seq == head.seq + 1 {
            Self::advance_head(inner, &head, seq, hash, new_cases);
        }
        Ok(Some(Saved {
            seq,
            assigned,
            changed,
            cases: folded.changed,
            warning: None,
        }))
    }

    /// Streams the journal's lines (each without its newline), oldest first, in batches.
    pub fn each_line(
        &self,
        each: &mut dyn FnMut(&[u8]) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut after = 0i64;
        loop {
            let rows = {
                let mut inner = self.lock();
                inner
                    .client
                    .query(
                        "SELECT seq, line FROM privdesk.journal WHERE seq > $1 ORDER BY seq LIMIT $2",
                        &[&after, &BATCH],
                    )
                    .map_err(q)?
            };
            if rows.is_empty() {
                return Ok(());
            }
            for row in &rows {
                after = row.try_get(0).map_err(q)?;
                let line: &str = row.try_get(1).map_err(q)?;
                each(line.as_bytes())?;
            }
        }
    }

    /// The head as the database's head row holds it now.
    pub fn head_now(&self) -> Result<Head, StoreError> {
        let h = self.read_head()?;
        Ok(Head {
            seq: h.seq,
            hash: h.hash,
        })
    }
}

/// Reads the summaries written since `inner.synced` (other handlers' saves too).
/// Returns the head it read.
fn sync(inner: &mut Inner) -> Result<HeadRow, StoreError> {
    sync_changed(inner).map(|(head, _)| head)
}

/// The summaries written after `after` and up to `upto`.
fn summaries_between(
    client: &mut Client,
    after: u64,
    upto: u64,
) -> Result<Vec<Arc<Summary>>, StoreError> {
    let rows = client
        .query(
            "SELECT summary::text FROM privdesk.summaries WHERE written > $1 AND written <= $2",
            &[&to_i64(after), &to_i64(upto)],
        )
        .map_err(q)?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let text: &str = row.try_get(0).map_err(q)?;
        let s: Summary = serde_json::from_str(text).map_err(|_| bad_record())?;
        out.push(Arc::new(s));
    }
    Ok(out)
}

/// [`sync`], also returning the summaries it read.
fn sync_changed(inner: &mut Inner) -> Result<(HeadRow, Vec<Arc<Summary>>), StoreError> {
    let head = read_head(&mut inner.client)?;
    if head.seq == inner.synced {
        return Ok((head, Vec::new()));
    }
    let read = summaries_between(&mut inner.client, inner.synced, head.seq)?;
    for s in &read {
        inner.summaries.insert(s.id, Arc::clone(s));
    }
    inner.synced = head.seq;
    inner.head = head.clone();
    Ok((head, read))
}

/// Others' changes after `after` up to `upto` (the newest [`CATCH_UP_LINES`]), oldest first,
/// without this session's own.
fn changes_between(
    client: &mut Client,
    after: u64,
    upto: u64,
    own: &BTreeSet<u64>,
) -> Result<Vec<Change>, StoreError> {
    let rows = client
        .query(
            "SELECT line FROM privdesk.journal WHERE seq > $1 AND seq <= $2 \
             ORDER BY seq DESC LIMIT $3",
            &[&to_i64(after), &to_i64(upto), &CATCH_UP_LINES],
        )
        .map_err(q)?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows.iter().rev() {
        let line: &str = row.try_get(0).map_err(q)?;
        let c = parse_line(line.as_bytes())
            .map_err(|fault| StoreError::JournalBroken(journal::BadLine { line: 0, fault }))?;
        if own.contains(&c.seq) {
            continue;
        }
        out.push(Change {
            seq: c.seq,
            at: c.at,
            user: c.user,
            events: c.events,
        });
    }
    Ok(out)
}

/// The statements of a save on this connection, prepared when first needed.
fn statements(inner: &mut Inner) -> Result<&Statements, StoreError> {
    prepared(&mut inner.client, &mut inner.prepared)
}

fn prepared<'a>(
    client: &mut Client,
    prepared: &'a mut Option<Statements>,
) -> Result<&'a Statements, StoreError> {
    if prepared.is_none() {
        *prepared = Some(Statements::prepare(client)?);
    }
    prepared.as_ref().ok_or(StoreError::BadChange("prepare"))
}

/// Every event about case `id`, oldest first, from its journal lines.
fn history_on(
    client: &mut Client,
    prepared: &mut Option<Statements>,
    id: CaseId,
) -> Result<Vec<HistoryEntry>, StoreError> {
    let history = self::prepared(client, prepared)?.history.clone();
    let rows = client.query(&history, &[&id.to_string()]).map_err(q)?;
    let mut out = Vec::new();
    for row in rows {
        let line: &str = row.try_get(0).map_err(q)?;
        let c = parse_line(line.as_bytes())
            .map_err(|fault| StoreError::JournalBroken(journal::BadLine { line: 0, fault }))?;
        for e in c.events {
            if e.case() == Some(id) {
                out.push((c.seq, c.at, c.user.clone(), e));
            }
        }
    }
    Ok(out)
}

fn read_head(client: &mut Client) -> Result<HeadRow, StoreError> {
    let row = client
        .query_one("SELECT seq, hash, cases FROM privdesk.head WHERE one", &[])
        .map_err(q)?;
    Ok(HeadRow {
        seq: to_u64(row.try_get(0).map_err(q)?),
        hash: row.try_get(1).map_err(q)?,
        cases: to_u64(row.try_get(2).map_err(q)?),
    })
}

/// The append function's refusals, by their SQLSTATE.
fn map_append_error(e: postgres::Error) -> StoreError {
    let Some(db) = e.as_db_error() else {
        return q(e);
    };
    match db.code().code() {
        "PD001" => StoreError::Pg(PgFailure::Busy),
        "PD002" => {
            let detail: serde_json::Value = db
                .detail()
                .and_then(|d| serde_json::from_str(d).ok())
                .unwrap_or_default();
            let text = |k: &str| detail.get(k).and_then(|v| v.as_str()).unwrap_or_default();
            match CaseId::from_str(text("case")) {
                Ok(case) => StoreError::Conflict {
                    case,
                    by: text("user").to_string(),
                    at: DateTime::parse_from_rfc3339(text("at"))
                        .map(|t| t.with_timezone(&Utc))
                        .unwrap_or_default(),
                },
                Err(_) => q(e),
            }
        }
        "PD003" => StoreError::Pg(PgFailure::Clock),
        "PD004" => StoreError::Pg(PgFailure::NotPermitted),
        "PD005" => StoreError::Pg(PgFailure::UserMismatch),
        "PD006" => StoreError::Pg(PgFailure::BadLine),
        "PD007" => StoreError::Pg(PgFailure::NotAUser),
        "PD008" => StoreError::Pg(PgFailure::AppendOnly),
        "PD009" => StoreError::Pg(PgFailure::NotAHandler),
        _ => q(e),
    }
}

impl Register for PgRegister {
    fn save(
        &mut self,
        events: Vec<Event>,
        seen: &[Seen],
        at: DateTime<Utc>,
    ) -> Result<Saved, StoreError> {
        if self.offline() {
            return Err(StoreError::ReadOnly(ReadOnlyWhy::Offline));
        }
        // The team's rules (issue 22): the FG advises, a configured decision is proposed.
        {
            let inner = self.lock();
            let saver = workflow::Saver {
                role: Some(self.role),
            };
            workflow::check_change(&self.vier_ogen, saver, &events, &inner.summaries)?;
        }
        for attempt in 0..RETRIES {
            if let Some(saved) = self.try_save(&events, seen, at, attempt > 0)? {
                return Ok(saved);
            }
            // Others saved first: a short pause that differs per process and attempt.
            if attempt > 2 {
                let spread = u64::from(std::process::id() % 7) + u64::from(attempt % 5);
                std::thread::sleep(Duration::from_millis(spread));
            }
        }
        Err(StoreError::Pg(PgFailure::Busy))
    }

    fn case(&self, id: CaseId) -> Result<Option<Case>, StoreError> {
        let mut inner = self.lock();
        let row = Self::read_rows(&mut inner, &[id])?.remove(&id);
        Ok(row.map(|row| {
            let case = row.0.clone();
            Self::keep_rows(&mut inner, [row]);
            case
        }))
    }

    fn summary(&self, id: CaseId) -> Option<Arc<Summary>> {
        self.lock().summaries.get(&id).cloned()
    }

    fn summaries(&self) -> Vec<Arc<Summary>> {
        // Others' saves are read first; a database out of reach leaves the list as it was.
        let _ = self.sync();
        self.lock().summaries.values().cloned().collect()
    }

    fn history(&self, id: CaseId) -> Result<Vec<HistoryEntry>, StoreError> {
        let mut inner = self.lock();
        let inner = &mut *inner;
        history_on(&mut inner.client, &mut inner.prepared, id)
    }

    fn health(&self) -> Health {
        if self.offline() {
            Health::ReadOnly(ReadOnlyWhy::Offline)
        } else {
            Health::Ok
        }
    }

    fn user(&self) -> &str {
        &self.user
    }

    fn role(&self) -> Option<Role> {
        Some(self.role)
    }

    fn vier_ogen(&self) -> &VierOgen {
        &self.vier_ogen
    }

    fn set_vier_ogen(&mut self, policy: VierOgen) {
        self.vier_ogen = policy;
    }

    fn is_demo(&self) -> bool {
        self.demo
    }

    fn head(&self) -> Head {
        let _ = self.sync();
        let h = &self.lock().head;
        Head {
            seq: h.seq,
            hash: h.hash.clone(),
        }
    }

    fn name(&self) -> String {
        self.name.clone()
    }

    fn notice(&self, _lang: Lang) -> Option<(String, bool)> {
        None
    }

    fn flush(&self) -> Result<(), StoreError> {
        Ok(())
    }

    /// Reads the head and, when it moved past what the app was last told, the summaries and
    /// the lines of the changes since (others' only). Reads, never writes.
    fn catch_up(&self) -> Result<CaughtUp, StoreError> {
        let mut guard = self.lock();
        let inner = &mut *guard;
        let from = inner.reported;
        let synced = inner.synced;
        let (head, read) = sync_changed(inner)?;
        if head.seq <= from {
            inner.reported = head.seq;
            return Ok(CaughtUp {
                head: head.seq,
                ..CaughtUp::default()
            });
        }
        // What a save absorbed since the app was last told is read again.
        let changed = if from == synced {
            read
        } else {
            summaries_between(&mut inner.client, from, head.seq)?
        };
        let changes = changes_between(&mut inner.client, from, head.seq, &inner.own)?;
        inner.reported = head.seq;
        inner.own.retain(|s| *s > head.seq);
        Ok(CaughtUp {
            head: head.seq,
            changed,
            changes,
        })
    }

    /// Starts the live thread: others' saves, presence, a lost connection (see `listen`).
    fn live(&mut self) -> Option<Live> {
        listen::start(self.target.clone(), Arc::clone(&self.shared))
    }

    /// The whole chain, read on a connection of its own in the background.
    fn check_chain(&self) -> ChainCheck {
        let target = self.target.clone();
        ChainCheck::spawn(move || match target.connect() {
            Ok(client) => check_chain_on(client),
            Err(e) => ChainState::Unreadable(e.message(Lang::En)),
        })
    }
}

/// Checks every line of the journal by the independent hash rule.
fn check_chain_on(mut client: Client) -> ChainState {
    let mut after = 0i64;
    let mut prev = ZERO_HASH.to_string();
    let mut n = 0u64;
    loop {
        let rows = match client.query(
            "SELECT seq, line FROM privdesk.journal WHERE seq > $1 ORDER BY seq LIMIT $2",
            &[&after, &BATCH],
        ) {
            Ok(r) => r,
            Err(e) => return ChainState::Unreadable(reason(&e)),
        };
        if rows.is_empty() {
            return ChainState::Intact(n);
        }
        for row in &rows {
            let (Ok(seq), Ok(line)) = (row.try_get::<_, i64>(0), row.try_get::<_, &str>(1)) else {
                return ChainState::Unreadable("row".into());
            };
            after = seq;
            n += 1;
            let checked = parse_line(line.as_bytes())
                .and_then(|c| journal::check_chain(&c, n, &prev).map(|()| c));
            match checked {
                Ok(c) => prev = c.hash,
                Err(fault) => return ChainState::Broken(journal::BadLine { line: n, fault }),
            }
        }
    }
}
