//! Repair and backup: both rebuild a working store from the journal, the truth
//! (design.md "The register on disk", issue 5).
//!
//! `repair` holds the lock: it builds `PATH/sled.new/`, checks it, sets the old working store
//! aside as `sled.damaged-<ts>/` and puts the new one in place. `backup` needs no lock: it
//! copies the journal up to its last complete line and builds a working store beside it.

use std::fs;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use super::journal::{self, Change, JOURNAL_FILE, Journal, JournalError, VerifyError};
use super::working::{FoldError, Working, WorkingError};
use super::{
    Damage, Holder, Loss, OpenOptions, SLED_DIR, Store, StoreError, create_private_dir, file_stamp,
    resolve_user, take_lock, tighten,
};
use crate::domain::Event;

/// Builds a working store in `sled_dir` (which must not exist) from the journal at `journal`
/// (its cases, summaries and line index, in the current schema),
/// streamed (one line in memory at a time, so a journal of hundreds of MB does not need its
/// size in memory), and checks it against the journal's last `cases`. Returns the number of
/// changes, of cases, and the head hash.
pub fn build_working(sled_dir: &Path, journal: &Path) -> Result<(u64, u64, String), StoreError> {
    let mut lines = journal::stream(journal)?;
    create_private_dir(sled_dir)?;
    let damage = |e: &WorkingError| StoreError::Damaged(Damage::from_working(e));
    let w = Working::open(sled_dir).map_err(|e| damage(&e))?;
    w.set_schema_version().map_err(|e| damage(&e))?;
    let mut expected = 0;
    // Each change with the offset where its line starts: the line index is built with the
    // cases.
    let changes = lines.located_ok().inspect(|(_, c)| expected = c.cases);
    let replayed = w.replay(changes).map_err(|e| match e {
        FoldError::Working(e) => damage(&e),
        _ => StoreError::Damaged(Damage::Replay),
    });
    if let Some(e) = lines.failure() {
        return Err(e.into());
    }
    replayed?;
    w.flush().map_err(|e| damage(&e))?;
    let found = w.summaries().map_err(|e| damage(&e))?.len() as u64;
    if found != expected {
        return Err(StoreError::Damaged(Damage::Count { found, expected }));
    }
    // Every case has at least the line that created it in the index.
    if w.case_count() as u64 != found || w.line_index_len() as u64 != found {
        return Err(StoreError::Damaged(Damage::Missing));
    }
    drop(w);
    tighten(sled_dir)?;
    Ok((lines.count, found, lines.prev.clone()))
}

/// What `repair` is told.
#[derive(Clone, Debug)]
pub struct RepairOptions {
    /// The clock (names the set-aside files, dates the journal line).
    pub now: DateTime<Utc>,
    /// Give up what the working store holds beyond the journal (`--accept-loss`).
    pub accept_loss: bool,
    /// The user recorded on the repair's journal line (`--user`, else the OS user).
    pub user: Option<String>,
}

/// What a repair did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RepairReport {
    /// Cases in the rebuilt working store.
    pub cases: u64,
    /// What the old working store had applied (seq, and its line's hash when it kept one),
    /// when it could be read.
    pub before: Option<(u64, Option<String>)>,
    /// The journal's line the working store was rebuilt to: seq and hash.
    pub after: (u64, String),
    /// A bad last line set aside: the file it went to.
    pub bad_line: Option<PathBuf>,
    /// What `--accept-loss` gave up (its `kept_in` is the set-aside store).
    pub lost: Option<Loss>,
    /// The file listing the given-up cases' records, readable without privdesk.
    pub lost_records: Option<PathBuf>,
    /// Where the old working store went.
    pub set_aside: Option<PathBuf>,
    /// Older set-aside stores removed (only the last is kept).
    pub removed: Vec<PathBuf>,
    /// The seq of the journal line that records the repair (`None` when the register could
    /// not be opened to record it, e.g. in use).
    pub recorded: Option<u64>,
}

/// What the old working store holds, when it opens: applied seq and head, its summaries, and
/// the records of the cases `wanted` names (read after the fact, see [`inspect_records`]).
struct Inspected {
    applied: u64,
    head: Option<String>,
    summaries: Vec<crate::domain::Summary>,
}

/// Reads the old working store without changing its cases (sled may panic: caught). `None`
/// when there is none, or it does not open or read.
fn inspect(sled_dir: &Path) -> Option<Inspected> {
    if !super::open::has_working_store(sled_dir.parent()?) {
        return None;
    }
    catch_silently(|| {
        let w = Working::open_older(sled_dir).ok()?;
        Some(Inspected {
            applied: w.applied_seq().ok()?,
            head: w.applied_head().ok()?,
            summaries: w.summaries().ok()?,
        })
    })
    .flatten()
}

/// The records of `ids` in a working store, as JSON (for the given-up cases).
fn inspect_records(sled_dir: &Path, ids: &[crate::domain::CaseId]) -> Option<Vec<u8>> {
    catch_silently(|| {
        let w = Working::open_older(sled_dir).ok()?;
        let mut cases = Vec::new();
        for id in ids {
            if let Ok(Some(c)) = w.case(*id) {
                cases.push(c);
            }
        }
        serde_json::to_vec_pretty(&cases).ok()
    })
    .flatten()
}

/// The end of the journal's last line that passes, and that line; a bad *last* line is
/// returned with where it starts (it may be set aside), a bad line before it is refused.
fn chain_end(path: &Path) -> Result<(Change, Option<u64>), StoreError> {
    let mut lines = journal::stream(path)?;
    let mut last = None;
    let mut bad = None;
    for line in &mut lines {
        match line {
            Ok(c) => last = Some(c),
            Err(VerifyError::Line(b)) => {
                bad = Some(b);
                break;
            }
            Err(e) => return Err(e.into()),
        }
    }
    let good_end = lines.good_end();
    match (last, bad) {
        (Some(last), None) => Ok((last, None)),
        (Some(last), Some(_)) if newlines_after(path, good_end)? == 1 => Ok((last, Some(good_end))),
        (_, Some(b)) => Err(StoreError::JournalBroken(b)),
        (None, None) => Err(StoreError::NoRegister(
            path.parent().unwrap_or(path).to_path_buf(),
        )),
    }
}

/// How many newlines the file has from `from` on (counting stops at 2).
fn newlines_after(path: &Path, from: u64) -> io::Result<u64> {
    let mut f = fs::File::open(path)?;
    f.seek(SeekFrom::Start(from))?;
    let mut buf = vec![0u8; 1 << 16];
    let mut n = 0;
    loop {
        let got = f.read(&mut buf)?;
        if got == 0 {
            return Ok(n);
        }
        n += buf[..got].iter().filter(|b| **b == b'\n').count() as u64;
        if n >= 2 {
            return Ok(n);
        }
    }
}

/// A new file name in `dir` from `base`, `-2`, `-3`... when taken (nothing set aside is ever
/// overwritten).
fn free_name(dir: &Path, base: &str) -> PathBuf {
    let mut path = dir.join(base);
    let mut n = 1;
    while path.exists() {
        n += 1;
        path = dir.join(format!("{base}-{n}"));
    }
    path
}

/// Moves the journal's bytes from `from` to its end (a bad last line) to a new
/// `journal.bad-<stamp>` (0600) and cuts the journal back to `from`.
fn set_aside_bad_line(dir: &Path, from: u64, stamp: &str) -> Result<PathBuf, StoreError> {
    let path = dir.join(JOURNAL_FILE);
    let mut f = fs::OpenOptions::new().read(true).write(true).open(&path)?;
    let end = f.metadata()?.len();
    let mut bytes = Vec::new();
    f.seek(SeekFrom::Start(from))?;
    Read::by_ref(&mut f)
        .take(end - from)
        .read_to_end(&mut bytes)?;
    let aside = free_name(dir, &format!("journal.bad-{stamp}"));
    let mut t = journal::create_options()
        .write(true)
        .create_new(true)
        .open(&aside)?;
    t.write_all(&bytes)?;
    t.sync_all()?;
    f.set_len(from)?;
    f.sync_all()?;
    journal::sync_dir(dir)?;
    Ok(aside)
}

/// Rebuilds the register's working store from its journal and puts it in place; the old one
/// is kept as `sled.damaged-<ts>/` (older ones are removed once the new store verifies), or,
/// when `--accept-loss` gave up what it held beyond the journal, as `sled.lost-<ts>/` (never
/// removed by privdesk) with the given-up cases' records beside it in `sled.lost-<ts>.json`.
///
/// Refused, with nothing changed, when the working store holds more than the journal (a cut
/// or deleted journal) unless `accept_loss`. A bad last line is set aside
/// (`journal.bad-<ts>`) when what remains still matches the working store. The repair is
/// recorded in the journal (`repaired`, with the heads before and after) when the register
/// then opens.
pub fn repair(dir: &Path, opts: &RepairOptions) -> Result<RepairReport, StoreError> {
    let mut report = rebuild(dir, opts)?;
    report.recorded = record_repair(dir, opts, &report);
    Ok(report)
}

/// [`repair`] without recording it in the journal (the bulk registers of the benchmarks are
/// built this way).
pub fn rebuild(dir: &Path, opts: &RepairOptions) -> Result<RepairReport, StoreError> {
    let journal_path = dir.join(JOURNAL_FILE);
    if !fs::metadata(&journal_path).is_ok_and(|m| m.len() > 0) {
        if super::open::has_working_store(dir) {
            return Err(StoreError::JournalMissing(dir.join(SLED_DIR)));
        }
        return Err(StoreError::NoRegister(dir.to_path_buf()));
    }
    let user = resolve_user(opts.user.as_deref(), None, false);
    let lock = take_lock(dir, &Holder::this_process(&user, opts.now))?;
    tighten(dir)?;
    remove_leftovers(dir);
    let stamp = file_stamp(opts.now);
    // A torn tail is set aside as at every open; a bad last line is dealt with below.
    match Journal::open(dir, &stamp) {
        Ok(_) | Err(JournalError::Line(_)) => {}
        Err(e) => return Err(e.into()),
    }
    let (last, bad_from) = chain_end(&journal_path)?;
    let sled_dir = dir.join(SLED_DIR);
    let old = inspect(&sled_dir);
    let loss = old.as_ref().and_then(|o| {
        Loss::between(
            last.seq,
            last.cases,
            o.applied,
            &o.summaries,
            sled_dir.clone(),
        )
    });
    if let Some(loss) = &loss
        && !opts.accept_loss
    {
        return Err(StoreError::Behind(Box::new(loss.clone())));
    }
    let bad_line = match bad_from {
        Some(from) => Some(set_aside_bad_line(dir, from, &stamp)?),
        None => None,
    };
    let new = dir.join(format!("{SLED_DIR}.new"));
    let cases = build_beside(&new, &journal_path)?;
    let (set_aside, lost_records) =
        set_old_store_aside(dir, &sled_dir, &new, loss.as_ref(), &stamp)?;
    fs::rename(&new, &sled_dir)?;
    journal::sync_dir(dir)?;
    // The new store verified (build_working checked it): older damaged copies go. A store
    // set aside with given-up changes is never removed by privdesk.
    let removed = prune_damaged(dir, set_aside.as_deref());
    drop(lock);
    let lost = loss.map(|mut l| {
        if let Some(a) = &set_aside {
            l.kept_in = a.clone();
        }
        l
    });
    Ok(RepairReport {
        cases,
        before: old.map(|o| (o.applied, o.head)),
        after: (last.seq, last.hash.clone()),
        bad_line,
        lost,
        lost_records,
        set_aside,
        removed,
        recorded: None,
    })
}

/// Builds the new working store in `new` from the journal; a failed build leaves nothing
/// half-built behind. Returns the number of cases.
fn build_beside(new: &Path, journal_path: &Path) -> Result<u64, StoreError> {
    let built = match catch_silently(|| build_working(new, journal_path)) {
        Some(r) => r,
        None => Err(StoreError::Damaged(Damage::Panic)),
    };
    match built {
        Ok((_, cases, _)) => Ok(cases),
        Err(e) => {
            let _ = fs::remove_dir_all(new);
            Err(e)
        }
    }
}

/// Moves the old working store out of the way (`sled.lost-…` when changes are given up, with
/// their records readable beside it; else `sled.damaged-…`). Returns where it went and the
/// file of given-up records, if any.
fn set_old_store_aside(
    dir: &Path,
    sled_dir: &Path,
    new: &Path,
    loss: Option<&Loss>,
    stamp: &str,
) -> Result<(Option<PathBuf>, Option<PathBuf>), StoreError> {
    if !sled_dir.exists() {
        return Ok((None, None));
    }
    let base = match loss {
        Some(_) => format!("{SLED_DIR}.lost-{stamp}"),
        None => format!("{SLED_DIR}.damaged-{stamp}"),
    };
    let mut lost_records = None;
    if let Some(loss) = loss
        && let Some(json) = inspect_records(sled_dir, &loss.cases)
    {
        let file = free_name(dir, &format!("{base}.json"));
        let mut f = journal::create_options()
            .write(true)
            .create_new(true)
            .open(&file)?;
        f.write_all(&json)?;
        f.sync_all()?;
        lost_records = Some(file);
    }
    let aside = free_name(dir, &base);
    fs::rename(sled_dir, &aside).inspect_err(|_| {
        let _ = fs::remove_dir_all(new);
    })?;
    Ok((Some(aside), lost_records))
}

/// Records a repair in the journal: opens the register (healthy now) and saves `repaired`.
fn record_repair(dir: &Path, opts: &RepairOptions, r: &RepairReport) -> Option<u64> {
    let mut store = Store::open(
        dir,
        &OpenOptions {
            create: None,
            now: opts.now,
            cli_user: opts.user.clone(),
            config_user: None,
        },
    )
    .ok()?;
    let event = Event::Repaired {
        before: r.before.as_ref().map(|(seq, head)| match head {
            Some(h) => format!("{seq}:{h}"),
            None => seq.to_string(),
        }),
        after: format!("{}:{}", r.after.0, r.after.1),
        dropped: r.lost.as_ref().map(Loss::seq_text).unwrap_or_default(),
        lost_cases: r.lost.as_ref().map(|l| l.cases.clone()).unwrap_or_default(),
        bad_line: r
            .bad_line
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned()),
    };
    store.save(vec![event], opts.now).ok()
}

/// What `audit verify` learns of the working store, to hold the journal to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Peek {
    /// Another process holds the register: not compared.
    Busy(Option<Holder>),
    /// No working store beside the journal.
    Absent,
    /// The working store does not open or read (damaged): not compared.
    Unreadable,
    /// What it has applied, the hash of that line (if it kept one), and its case count.
    State {
        /// `applied_seq`.
        applied: u64,
        /// `applied_head`.
        head: Option<String>,
        /// The number of cases.
        cases: u64,
    },
}

/// Reads the working store's applied seq, head and case count under the register's lock,
/// for `audit verify`; a register in use is not waited for. Nothing is written to the store.
pub fn peek_working(dir: &Path, now: DateTime<Utc>) -> Result<Peek, StoreError> {
    if !super::open::has_working_store(dir) {
        return Ok(Peek::Absent);
    }
    if !dir.join(JOURNAL_FILE).is_file() {
        // The lock would create an empty journal: the caller reports the missing one.
        return Ok(Peek::Unreadable);
    }
    let user = resolve_user(None, None, false);
    let _lock = match take_lock(dir, &Holder::this_process(&user, now)) {
        Ok(l) => l,
        Err(StoreError::Busy(h)) => return Ok(Peek::Busy(h)),
        // An FG who may read the register but not write its lock file still gets the chain
        // checked: the working store is then not compared.
        Err(_) => return Ok(Peek::Unreadable),
    };
    let sled_dir = dir.join(SLED_DIR);
    let peek = catch_silently(|| {
        let w = Working::open_older(&sled_dir).ok()?;
        Some(Peek::State {
            applied: w.applied_seq().ok()?,
            head: w.applied_head().ok()?,
            cases: w.case_count() as u64,
        })
    })
    .flatten();
    Ok(peek.unwrap_or(Peek::Unreadable))
}

/// Removes every `sled.damaged-*` folder but `keep`: one set-aside copy of personal data, not
/// one per repair. Returns what was removed.
fn prune_damaged(dir: &Path, keep: Option<&Path>) -> Vec<PathBuf> {
    let prefix = format!("{SLED_DIR}.damaged-");
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut removed = Vec::new();
    for e in entries.flatten() {
        let path = e.path();
        let name = e.file_name();
        if name.to_string_lossy().starts_with(&prefix)
            && e.file_type().is_ok_and(|t| t.is_dir())
            && Some(path.as_path()) != keep
            && fs::remove_dir_all(&path).is_ok()
        {
            removed.push(path);
        }
    }
    removed.sort();
    removed
}

/// Removes what an interrupted repair leaves in the register folder (`sled.new`): at every
/// open and repair, under the lock.
pub(crate) fn remove_leftovers(dir: &Path) {
    let new = dir.join(format!("{SLED_DIR}.new"));
    if new.exists() {
        let _ = fs::remove_dir_all(&new);
    }
}

/// What a backup holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupReport {
    /// Changes copied.
    pub changes: u64,
    /// Cases in the rebuilt working store.
    pub cases: u64,
    /// The head hash of the copy (its last line's).
    pub head: String,
}

/// Backs the register in `dir` up into `dest` (created 0700; refused unless empty), without
/// the lock: the journal up to its last complete line, checked, and a rebuilt working store.
pub fn backup(dir: &Path, dest: &Path) -> Result<BackupReport, StoreError> {
    if dest.exists() && fs::read_dir(dest)?.next().is_some() {
        return Err(StoreError::NotEmpty(dest.to_path_buf()));
    }
    let source = dir.join(JOURNAL_FILE);
    if !source.is_file() {
        return Err(StoreError::NoRegister(dir.to_path_buf()));
    }
    // Copied as it is now, then cut back to its last complete line (a save may be under way:
    // backup takes no lock), and rebuilt from the copy: the chain is checked as it is read.
    let len = fs::metadata(&source)?.len();
    let created = !dest.exists();
    create_private_dir(dest)?;
    let dest_journal = dest.join(JOURNAL_FILE);
    let built = (|| -> Result<BackupReport, StoreError> {
        let mut f = journal::create_options()
            .write(true)
            .create_new(true)
            .open(&dest_journal)?;
        io::copy(&mut fs::File::open(&source)?.take(len), &mut f)?;
        f.set_len(complete_len_of(&dest_journal)?)?;
        f.sync_all()?;
        journal::sync_dir(dest)?;
        let (changes, cases, head) =
            match catch_silently(|| build_working(&dest.join(SLED_DIR), &dest_journal)) {
                Some(r) => r?,
                None => return Err(StoreError::Damaged(Damage::Panic)),
            };
        if changes == 0 {
            return Err(StoreError::NoRegister(dir.to_path_buf()));
        }
        tighten(dest)?;
        Ok(BackupReport {
            changes,
            cases,
            head,
        })
    })();
    if built.is_err() {
        undo_backup(dest, created);
    }
    built
}

/// The length of a journal file's complete lines: up to and including its last newline,
/// found by reading backwards from the end in 64 kB steps.
fn complete_len_of(path: &Path) -> io::Result<u64> {
    let mut f = fs::File::open(path)?;
    let mut end = f.metadata()?.len();
    let mut buf = vec![0u8; 1 << 16];
    while end > 0 {
        let start = end.saturating_sub(buf.len() as u64);
        let chunk = &mut buf[..(end - start) as usize];
        f.seek(SeekFrom::Start(start))?;
        f.read_exact(chunk)?;
        if let Some(p) = chunk.iter().rposition(|b| *b == b'\n') {
            return Ok(start + p as u64 + 1);
        }
        end = start;
    }
    Ok(0)
}

/// Runs `f`, catching a panic (from sled) without printing it.
pub(crate) fn catch_silently<T>(f: impl FnOnce() -> T) -> Option<T> {
    let old_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let r = catch_unwind(AssertUnwindSafe(f));
    std::panic::set_hook(old_hook);
    r.ok()
}

/// Leaves nothing that looks like a backup behind after a backup that failed: the journal
/// copy, the working store, and the folder when the backup made it.
pub(crate) fn undo_backup(dest: &Path, created: bool) {
    let _ = fs::remove_file(dest.join(JOURNAL_FILE));
    let _ = fs::remove_dir_all(dest.join(SLED_DIR));
    if created {
        let _ = fs::remove_dir(dest);
    }
}
