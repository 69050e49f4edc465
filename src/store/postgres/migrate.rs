//! `privdesk db migrate --from DIR --to postgres://…`: a local register moved into an empty
//! PostgreSQL register byte for byte — every journal line as it is (its users and instants
//! kept), the cases and summaries rebuilt from them, the head hash checked on both sides (and
//! each line's hash recomputed by the database) — in one transaction as the register's owner.
//! The local register is then marked moved (`DIR/verhuisd`, naming where, without credentials):
//! it opens read-only from then on.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use chrono::Utc;
use postgres::Transaction;

use super::connect::reason;
use super::{PgFailure, PgTarget, Roles};
use crate::domain::{Case, CaseId, Summary};
use crate::store::journal::{self, Change, JOURNAL_FILE, complete_lines, parse_all};
use crate::store::working::{FoldError, fold_change};
use crate::store::{Holder, StoreError, take_lock};

/// The marker of a local register moved to PostgreSQL.
pub const MOVED_FILE: &str = "verhuisd";

/// How many rows one INSERT carries.
const CHUNK: usize = 1000;

/// What a migration copied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MigrateReport {
    /// The number of journal lines.
    pub changes: u64,
    /// The number of cases.
    pub cases: u64,
    /// The head hash, the same on both sides.
    pub head: String,
}

/// Where the register in `dir` was moved to, if it was.
pub fn moved_to(dir: &Path) -> Option<String> {
    fs::read_to_string(dir.join(MOVED_FILE))
        .ok()
        .map(|s| s.trim().to_string())
}

fn q(e: postgres::Error) -> StoreError {
    StoreError::Pg(PgFailure::Query(reason(&e)))
}

/// Moves the register in `dir` into the empty register at `target` (see the module).
pub fn migrate(dir: &Path, target: &PgTarget, user: &str) -> Result<MigrateReport, StoreError> {
    if let Some(to) = moved_to(dir) {
        return Err(StoreError::Pg(PgFailure::Moved(to)));
    }
    let journal_path = dir.join(JOURNAL_FILE);
    if !journal_path.is_file() {
        return Err(StoreError::NoRegister(dir.to_path_buf()));
    }
    // Nobody saves into the local register while it moves.
    let _lock = take_lock(dir, &Holder::this_process(user, Utc::now()))?;
    let bytes = fs::read(&journal_path)?;
    let changes = parse_all(&bytes).map_err(StoreError::JournalBroken)?;
    let Some(last) = changes.last() else {
        return Err(StoreError::NoRegister(dir.to_path_buf()));
    };
    let head = last.hash.clone();
    let case_count = last.cases;
    // The cases, rebuilt from the lines as a replay does: each with the seq that wrote it last.
    let cases = replay_cases(&changes)?;
    let lines: Vec<&str> = complete_lines(&bytes)
        .map(|l| std::str::from_utf8(l).unwrap_or_default())
        .collect();

    let mut client = target.connect()?;
    let row = client
        .query_one("SELECT roles FROM privdesk.head WHERE one", &[])
        .map_err(|_| StoreError::Pg(PgFailure::NotInitialised))?;
    let roles = Roles::new(&row.try_get::<_, String>(0).map_err(q)?)?;
    let mut tx = client.transaction().map_err(q)?;
    // A large register takes longer than one statement's usual limit.
    tx.batch_execute("SET LOCAL statement_timeout = 0")
        .map_err(q)?;
    tx.batch_execute(&format!("SET LOCAL ROLE {}", roles.owner()))
        .map_err(|_| StoreError::Pg(PgFailure::NotPermitted))?;
    let seq: i64 = tx
        .query_one("SELECT seq FROM privdesk.head WHERE one FOR UPDATE", &[])
        .map_err(q)?
        .try_get(0)
        .map_err(q)?;
    if seq != 0 {
        return Err(StoreError::Pg(PgFailure::NotEmpty(
            u64::try_from(seq).unwrap_or(0),
        )));
    }
    insert_lines(&mut tx, &changes, &lines)?;
    insert_cases(&mut tx, &cases)?;
    tx.execute(
        "UPDATE privdesk.head SET seq = $1, hash = $2, cases = $3 WHERE one",
        &[&to_i64(last.seq), &head, &to_i64(case_count)],
    )
    .map_err(q)?;
    check_in_database(&mut tx, &head)?;
    tx.commit().map_err(q)?;
    let marker = dir.join(MOVED_FILE);
    let mut file = journal::create_options().write(true).open(&marker)?;
    std::io::Write::write_all(&mut file, format!("{}\n", target.display()).as_bytes())?;
    file.sync_all()?;
    journal::sync_dir(dir)?;
    Ok(MigrateReport {
        changes: last.seq,
        cases: case_count,
        head,
    })
}

/// The cases, rebuilt from the lines as a replay does: each with the seq that wrote it last.
fn replay_cases(changes: &[Change]) -> Result<BTreeMap<CaseId, (Case, u64)>, StoreError> {
    let mut cases: BTreeMap<CaseId, (Case, u64)> = BTreeMap::new();
    for c in changes {
        let folded = fold_change(c.seq, c.at, &c.user, &c.events, false, &mut |id| {
            Ok(cases.get(&id).map(|(case, _)| case.clone()))
        })
        .map_err(|e| match e {
            FoldError::Refused(r) => StoreError::Refused(r),
            FoldError::UnknownCase(id) => StoreError::UnknownCase(id),
            FoldError::BadChange(why) => StoreError::BadChange(why),
            FoldError::Working(_) => StoreError::BadChange("working"),
        })?;
        for case in folded.changed {
            cases.insert(case.id, (case, c.seq));
        }
    }
    Ok(cases)
}

/// Every line as the journal holds it, in batches of `CHUNK`, with the case ids it names
/// (worked out by the database from the line itself).
fn insert_lines(
    tx: &mut Transaction<'_>,
    changes: &[Change],
    lines: &[&str],
) -> Result<(), StoreError> {
    for (i, chunk) in changes.chunks(CHUNK).enumerate() {
        let seqs: Vec<i64> = chunk.iter().map(|c| to_i64(c.seq)).collect();
        let text: Vec<&str> = lines[i * CHUNK..i * CHUNK + chunk.len()].to_vec();
        let prevs: Vec<&str> = chunk.iter().map(|c| c.prev.as_str()).collect();
        let hashes: Vec<&str> = chunk.iter().map(|c| c.hash.as_str()).collect();
        tx.execute(
            "INSERT INTO privdesk.journal (seq, case_ids, line, prev, hash)
         SELECT s, ARRAY(SELECT DISTINCT e->>'case' FROM jsonb_array_elements(l::jsonb->'events') e
                         WHERE e ? 'case' ORDER BY 1), l, p, h
         FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[]) AS t(s, l, p, h)",
            &[&seqs, &text, &prevs, &hashes],
        )
        .map_err(q)?;
    }
    Ok(())
}

/// Every case's record and summary, in batches of `CHUNK`, with the seq that wrote it last.
fn insert_cases(
    tx: &mut Transaction<'_>,
    cases: &BTreeMap<CaseId, (Case, u64)>,
) -> Result<(), StoreError> {
    let all: Vec<&(Case, u64)> = cases.values().collect();
    for chunk in all.chunks(CHUNK) {
        let mut ids = Vec::new();
        let mut versions = Vec::new();
        let mut written = Vec::new();
        let mut records = Vec::new();
        let mut summaries = Vec::new();
        for (case, w) in chunk {
            ids.push(case.id.to_string());
            versions.push(to_i64(case.last_seq));
            written.push(to_i64(*w));
            records.push(serde_json::to_string(case).map_err(|_| StoreError::BadChange("encode"))?);
            summaries.push(
                serde_json::to_string(&Summary::of(case))
                    .map_err(|_| StoreError::BadChange("encode"))?,
            );
        }
        tx.execute(
        "INSERT INTO privdesk.cases (id, version, written, record)
         SELECT i, v, w, r::jsonb FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::text[]) AS t(i, v, w, r)",
        &[&ids, &versions, &written, &records],
    )
    .map_err(q)?;
        tx.execute(
            "INSERT INTO privdesk.summaries (id, written, summary)
         SELECT i, w, s::jsonb FROM unnest($1::text[], $2::bigint[], $3::text[]) AS t(i, w, s)",
            &[&ids, &written, &summaries],
        )
        .map_err(q)?;
    }
    Ok(())
}

/// The database's own view before the move commits: every line's hash by the rule, the
/// chain, and its head against the local journal's `head`; any difference undoes the move.
fn check_in_database(tx: &mut Transaction<'_>, head: &str) -> Result<(), StoreError> {
    // The database's own view: every line's hash by the rule, the chain, and the head.
    let row = tx
    .query_one(
        "SELECT count(*) FILTER (WHERE encode(sha256(convert_to(left(line, length(line) - 75) || '}', 'UTF8')), 'hex') <> hash),
                count(*) FILTER (WHERE prev <> before OR seq <> n),
                (SELECT hash FROM privdesk.head WHERE one)
         FROM (SELECT line, hash, prev, seq,
                      coalesce(lag(hash) OVER (ORDER BY seq), repeat('0', 64)) AS before,
                      row_number() OVER (ORDER BY seq) AS n
               FROM privdesk.journal) j",
        &[],
    )
    .map_err(q)?;
    let bad_hash: i64 = row.try_get(0).map_err(q)?;
    let bad_prev: i64 = row.try_get(1).map_err(q)?;
    let remote: String = row.try_get(2).map_err(q)?;
    if bad_hash != 0 || bad_prev != 0 || remote != head {
        return Err(StoreError::Pg(PgFailure::HeadMismatch {
            local: head.to_string(),
            remote,
        }));
    }
    Ok(())
}

fn to_i64(v: u64) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}
