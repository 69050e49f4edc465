//! [`PgRegister`]: a team's register behind the seam. A save reads the head and the rows it
//! touches, validates the change in the domain as every store does, builds the journal line
//! (the same bytes as the local journal's) and hands it to `privdesk.append`, which checks it
//! again under the head's row lock. A head that moved in between is rebuilt and retried without
//! troubling the user; a case the user saw that someone else changed is a conflict naming who
//! and when.

use std::collections::BTreeMap;
use std::str::FromStr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use chrono::{DateTime, Utc};
use postgres::Client;
use postgres::error::SqlState;

use super::connect::reason;
use super::{PgFailure, PgTarget, Roles};
use crate::domain::workflow::{self, VierOgen};
use crate::domain::{Case, CaseId, Event, Summary};
use crate::i18n::Lang;
use crate::store::journal::{self, ZERO_HASH, encode_line, parse_line};
use crate::store::register::{Head, Register, Role, Saved, Seen, check_change};
use crate::store::working::{FoldError, WorkingError, fold_change};
use crate::store::{ChainCheck, ChainState, Health, HistoryEntry, StoreError};

/// How often a save is rebuilt when others keep saving first.
const RETRIES: u32 = 200;
/// How many lines one read of the journal fetches.
const BATCH: i64 = 2000;

/// A register on PostgreSQL (see the module).
pub struct PgRegister {
    target: PgTarget,
    inner: Mutex<Inner>,
    user: String,
    role: Role,
    demo: bool,
    name: String,
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
    /// The summaries as of `synced`.
    summaries: BTreeMap<CaseId, Arc<Summary>>,
    /// The seq the summaries are read up to.
    synced: u64,
    head: Head,
}

/// The head row.
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
                summaries: BTreeMap::new(),
                synced: 0,
                head: Head {
                    seq: 0,
                    hash: ZERO_HASH.into(),
                },
            }),
            user,
            role,
            demo: false,
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
                match Self::append_on(
                    &mut inner.client,
                    &register.user,
                    &head,
                    &created,
                    now,
                    &[],
                    &[],
                ) {
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
        Ok(register)
    }

    /// Where the register is (no credentials).
    pub fn target(&self) -> &PgTarget {
        &self.target
    }

    /// The connection, opened again first if it was lost (a restarted server, a network
    /// that dropped it): the statement that found it lost failed with its reason; the next one
    /// runs on a new connection, or fails saying why there is none.
    fn lock(&self) -> MutexGuard<'_, Inner> {
        let mut inner = self
            .inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if inner.client.is_closed()
            && let Ok(client) = self.target.connect()
        {
            inner.client = client;
        }
        inner
    }

    fn read_head(&self) -> Result<HeadRow, StoreError> {
        read_head(&mut self.lock().client)
    }

    /// Reads the summaries written since the last read (other handlers' saves too).
    fn sync(&self) -> Result<(), StoreError> {
        sync(&mut self.lock()).map(|_| ())
    }

    /// Builds the line of `events` on `head` and hands it to `append` with the case rows
    /// (each with the `written` it was folded on). A head that moved is [`PgFailure::Busy`].
    #[allow(clippy::too_many_arguments)]
    fn append_on(
        client: &mut Client,
        user: &str,
        head: &HeadRow,
        events: &[Event],
        at: DateTime<Utc>,
        seen: &[Seen],
        rows: &[(Case, u64)],
    ) -> Result<u64, StoreError> {
        let created = rows.iter().filter(|(_, base)| *base == 0).count() as u64;
        let (line, _) = encode_line(
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
        let mut json_rows = Vec::with_capacity(rows.len());
        for (case, base) in rows {
            json_rows.push(serde_json::json!({
                "id": case.id.to_string(),
                "base": base,
                "record": case,
                "summary": Summary::of(case),
            }));
        }
        let json_rows = serde_json::Value::Array(json_rows).to_string();
        let row = client
            .query_one(
                "SELECT privdesk.append($1, $2, $3, $4::text::jsonb)",
                &[&line, &seen_ids, &seen_versions, &json_rows],
            )
            .map_err(map_append_error)?;
        let seq: i64 = row.try_get(0).map_err(q)?;
        Ok(to_u64(seq))
    }

    /// A case's row: its record and the seq that last wrote it.
    fn row(client: &mut Client, id: CaseId) -> Result<Option<(Case, u64)>, StoreError> {
        let row = client
            .query_opt(
                "SELECT written, record::text FROM privdesk.cases WHERE id = $1",
                &[&id.to_string()],
            )
            .map_err(q)?;
        let Some(row) = row else { return Ok(None) };
        let written: i64 = row.try_get(0).map_err(q)?;
        let text: &str = row.try_get(1).map_err(q)?;
        let case: Case = serde_json::from_str(text).map_err(|_| bad_record())?;
        Ok(Some((case, to_u64(written))))
    }

    /// Who made change `seq`, and when (from its line).
    fn who(client: &mut Client, seq: u64) -> Result<(String, DateTime<Utc>), StoreError> {
        let row = client
            .query_opt(
                "SELECT line FROM privdesk.journal WHERE seq = $1",
                &[&to_i64(seq)],
            )
            .map_err(q)?;
        let Some(row) = row else {
            return Ok(Default::default());
        };
        let line: &str = row.try_get(0).map_err(q)?;
        let c = parse_line(line.as_bytes()).map_err(|_| bad_record())?;
        Ok((c.user, c.at))
    }

    /// The rows of the cases the user saw, read once: an unknown case, or one changed since
    /// (another version than seen), refuses the save, naming who changed it and when.
    fn read_seen(
        client: &mut Client,
        seen: &[Seen],
    ) -> Result<BTreeMap<CaseId, (Case, u64)>, StoreError> {
        let mut read: BTreeMap<CaseId, (Case, u64)> = BTreeMap::new();
        for s in seen {
            let Some((case, written)) = Self::row(client, s.case)? else {
                return Err(StoreError::UnknownCase(s.case));
            };
            read.insert(s.case, (case.clone(), written));
            if case.last_seq != s.version {
                let (by, at) = Self::who(client, case.last_seq)?;
                return Err(StoreError::Conflict {
                    case: s.case,
                    by,
                    at,
                });
            }
        }
        Ok(read)
    }

    /// The saved cases' summaries, put in the register's list and returned (the save's
    /// changed records).
    fn summaries_saved(inner: &mut Inner, cases: &[Case]) -> Vec<Arc<Summary>> {
        let mut changed = Vec::with_capacity(cases.len());
        for case in cases {
            let summary = Arc::new(Summary::of(case));
            inner.summaries.insert(case.id, Arc::clone(&summary));
            changed.push(summary);
        }
        changed
    }

    /// The summaries are current up to the line just appended (it followed `head`): the sync
    /// point and the head move to it, its hash computed here as the line was, so the next
    /// save needs no round trip to read it. `line` is its seq, time, user and events.
    fn advance_head(
        inner: &mut Inner,
        head: &HeadRow,
        line: (u64, DateTime<Utc>, &str, &[Event]),
        new_cases: u64,
    ) {
        let (seq, at, user, events) = line;
        inner.synced = seq;
        if let Ok((_, hash)) =
            encode_line(seq, &at, user, events, head.cases + new_cases, &head.hash)
        {
            inner.head = Head { seq, hash };
        }
    }

    /// One attempt at a save; `Ok(None)` when the head moved (retry).
    fn try_save(
        &self,
        events: &[Event],
        seen: &[Seen],
        at: DateTime<Utc>,
    ) -> Result<Option<Saved>, StoreError> {
        let mut guard = self.lock();
        let inner = &mut *guard;
        // One read of the head: a row that moves after it is caught by `append` (retried).
        let head = sync(inner)?;
        let mut events = events.to_vec();
        let assigned = check_change(&mut events, at, &inner.summaries)?;
        // The rows read once: the versions seen are checked on the rows the change folds on.
        let mut read = Self::read_seen(&mut inner.client, seen)?;
        let mut bases: BTreeMap<CaseId, u64> = BTreeMap::new();
        let mut failed: Option<StoreError> = None;
        let client = &mut inner.client;
        let folded = fold_change(head.seq + 1, at, &self.user, &events, true, &mut |id| {
            // An id given here is new by this register's summaries; if another handler took
            // it meanwhile, `append` finds the row and the save is rebuilt.
            if assigned.contains(&id) {
                return Ok(None);
            }
            if let Some((case, written)) = read.remove(&id) {
                bases.insert(id, written);
                return Ok(Some(case));
            }
            match Self::row(client, id) {
                Ok(Some((case, written))) => {
                    bases.insert(id, written);
                    Ok(Some(case))
                }
                Ok(None) => Ok(None),
                Err(e) => {
                    failed = Some(e);
                    Err(WorkingError::Record("cases"))
                }
            }
        });
        if let Some(e) = failed {
            return Err(e);
        }
        let folded = folded.map_err(fold_failure)?;
        let rows: Vec<(Case, u64)> = folded
            .changed
            .iter()
            .map(|c| (c.clone(), bases.get(&c.id).copied().unwrap_or(0)))
            .collect();
        let seq = match Self::append_on(
            &mut inner.client,
            &self.user,
            &head,
            &events,
            at,
            seen,
            &rows,
        ) {
            Ok(seq) => seq,
            Err(StoreError::Pg(PgFailure::Busy)) => return Ok(None),
            Err(e) => return Err(e),
        };
        let changed = Self::summaries_saved(inner, &folded.changed);
        // The line followed the head the summaries were read at: they are current up to it.
        if inner.synced == head.seq && seq == head.seq + 1 {
            let new_cases = rows.iter().filter(|(_, b)| *b == 0).count() as u64;
            let line = (seq, at, self.user.as_str(), events.as_slice());
            Self::advance_head(inner, &head, line, new_cases);
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
    let head = read_head(&mut inner.client)?;
    if head.seq == inner.synced {
        return Ok(head);
    }
    let rows = inner
        .client
        .query(
            "SELECT summary::text FROM privdesk.summaries WHERE written > $1 AND written <= $2",
            &[&to_i64(inner.synced), &to_i64(head.seq)],
        )
        .map_err(q)?;
    for row in rows {
        let text: &str = row.try_get(0).map_err(q)?;
        let s: Summary = serde_json::from_str(text).map_err(|_| bad_record())?;
        inner.summaries.insert(s.id, Arc::new(s));
    }
    inner.synced = head.seq;
    inner.head = Head {
        seq: head.seq,
        hash: head.hash.clone(),
    };
    Ok(head)
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
        // The team's rules (issue 22): the FG advises, a configured decision is proposed.
        {
            let inner = self.lock();
            let saver = workflow::Saver {
                role: Some(self.role),
            };
            workflow::check_change(&self.vier_ogen, saver, &events, &inner.summaries)?;
        }
        for attempt in 0..RETRIES {
            if let Some(saved) = self.try_save(&events, seen, at)? {
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
        Ok(Self::row(&mut inner.client, id)?.map(|(c, _)| c))
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
        let rows = {
            let mut inner = self.lock();
            inner
                .client
                .query(
                    "SELECT line FROM privdesk.journal WHERE case_ids @> ARRAY[$1::text] ORDER BY seq",
                    &[&id.to_string()],
                )
                .map_err(q)?
        };
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

    fn health(&self) -> Health {
        Health::Ok
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
        self.lock().head.clone()
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
