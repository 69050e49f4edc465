//! `privdesk backup DIR` from a team's register: a local register folder that `--db DIR`
//! opens — the journal's lines as the database holds them (the same bytes as a local journal),
//! then the working store rebuilt from that copy, the chain checked as it is read.

use std::fs;
use std::io::Write;
use std::path::Path;

use super::PgRegister;
use crate::store::journal::{self, JOURNAL_FILE};
use crate::store::maintenance::{BackupReport, build_working, catch_silently};
use crate::store::{Damage, SLED_DIR, StoreError, create_private_dir, tighten};

/// Writes the register's journal into `dest` (created 0700; refused unless empty) and builds
/// its working store.
pub fn backup(register: &PgRegister, dest: &Path) -> Result<BackupReport, StoreError> {
    if dest.exists() && fs::read_dir(dest)?.next().is_some() {
        return Err(StoreError::NotEmpty(dest.to_path_buf()));
    }
    let created = !dest.exists();
    create_private_dir(dest)?;
    let dest_journal = dest.join(JOURNAL_FILE);
    let built = (|| -> Result<BackupReport, StoreError> {
        let f = journal::create_options()
            .write(true)
            .create_new(true)
            .open(&dest_journal)?;
        let mut w = std::io::BufWriter::with_capacity(1 << 16, f);
        register.each_line(&mut |line| {
            w.write_all(line)?;
            w.write_all(b"\n")?;
            Ok(())
        })?;
        let f = w.into_inner().map_err(|e| e.into_error())?;
        f.sync_all()?;
        journal::sync_dir(dest)?;
        let (changes, cases, head) =
            match catch_silently(|| build_working(&dest.join(SLED_DIR), &dest_journal)) {
                Some(r) => r?,
                None => return Err(StoreError::Damaged(Damage::Panic)),
            };
        tighten(dest)?;
        Ok(BackupReport {
            changes,
            cases,
            head,
        })
    })();
    if built.is_err() {
        crate::store::maintenance::undo_backup(dest, created);
    }
    built
}
