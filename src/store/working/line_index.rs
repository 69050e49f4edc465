//! The `lines` tree: the byte offsets of each case's journal lines, packed as u64s and only
//! ever added to, so a case's history reads those lines only; and building it for a store
//! migrated from schema 1, which had none.

use std::borrow::Borrow;
use std::collections::BTreeMap;

use sled::transaction::{
    ConflictableTransactionError, ConflictableTransactionResult, TransactionError,
    TransactionalTree,
};

use crate::domain::{CaseId, Event};
use crate::store::journal::Change;

use super::{Working, WorkingError};

/// Journal line offsets per case, to be added to the `lines` tree: each case's offsets in
/// increasing order.
pub type LineIndex = BTreeMap<CaseId, Vec<u64>>;

/// Adds the line starting at `offset` to `index` under every case its events name (once per
/// case, however many of its events name it).
pub fn index_line(index: &mut LineIndex, offset: u64, events: &[Event]) {
    for id in events.iter().filter_map(Event::case) {
        let offsets = index.entry(id).or_default();
        if offsets.last() != Some(&offset) {
            offsets.push(offset);
        }
    }
}

/// The line index of one change: the cases its events name, at `offset`.
pub fn line_index_of(offset: u64, events: &[Event]) -> LineIndex {
    let mut index = LineIndex::new();
    index_line(&mut index, offset, events);
    index
}

/// Unpacks a `lines` value: `None` when it is not a whole number of u64s.
fn unpack_offsets(bytes: &[u8]) -> Option<Vec<u64>> {
    if !bytes.len().is_multiple_of(8) {
        return None;
    }
    Some(
        bytes
            .chunks_exact(8)
            .map(|c| {
                let mut b = [0u8; 8];
                b.copy_from_slice(c);
                u64::from_le_bytes(b)
            })
            .collect(),
    )
}

/// A `lines` value with `new` added: only offsets past the last stored one (the journal only
/// grows, so a line indexed twice — a replay after `applied_seq` fell back — is kept once).
/// `None` when the stored value is unreadable.
fn merge_offsets(old: Option<&[u8]>, new: &[u64]) -> Option<Vec<u8>> {
    let old = old.unwrap_or_default();
    let last = unpack_offsets(old)?.last().copied();
    let mut out = Vec::with_capacity(old.len() + new.len() * 8);
    out.extend_from_slice(old);
    for &o in new {
        if last.is_none_or(|l| o > l) {
            out.extend_from_slice(&o.to_le_bytes());
        }
    }
    Some(out)
}

/// Adds `offsets` to case `key`'s entry, inside a transaction over the `lines` tree: aborts
/// when the stored value is unreadable (see [`merge_offsets`]).
pub(super) fn add_offsets(
    tree: &TransactionalTree,
    key: &str,
    offsets: &[u64],
) -> ConflictableTransactionResult<(), ()> {
    let old = tree.get(key.as_bytes())?;
    let Some(value) = merge_offsets(old.as_deref(), offsets) else {
        return Err(ConflictableTransactionError::Abort(()));
    };
    tree.insert(key.as_bytes(), value)?;
    Ok(())
}

/// The outcome of a transaction that adds to the `lines` tree: its abort is an unreadable
/// `lines` value (see [`add_offsets`]).
pub(super) fn lines_outcome(r: Result<(), TransactionError<()>>) -> Result<(), WorkingError> {
    match r {
        Ok(()) => Ok(()),
        Err(TransactionError::Storage(e)) => Err(e.into()),
        Err(TransactionError::Abort(())) => Err(WorkingError::Record("lines")),
    }
}

impl Working {
    /// The byte offsets of the journal lines that name case `id`, oldest first; `None` when
    /// the index has no entry for it.
    pub fn line_offsets(&self, id: CaseId) -> Result<Option<Vec<u64>>, WorkingError> {
        match self.lines.get(id.to_string().as_bytes())? {
            None => Ok(None),
            Some(v) => unpack_offsets(&v)
                .map(Some)
                .ok_or(WorkingError::Record("lines")),
        }
    }

    /// The number of cases in the line index.
    pub fn line_index_len(&self) -> usize {
        self.lines.len()
    }

    /// Builds the line index of a store migrated from schema 1 (which had none): the old
    /// index is cleared, then every change up to `applied_seq` is indexed, in batches of up to
    /// `batch` cases; the changes after it are indexed when they are replayed. Returns the
    /// number of changes indexed. The caller sets the schema version once this succeeded.
    pub(crate) fn index_lines<C: Borrow<Change>>(
        &self,
        changes: impl IntoIterator<Item = (u64, C)>,
        batch: usize,
    ) -> Result<u64, WorkingError> {
        let applied = self.applied_seq()?;
        self.lines.clear()?;
        let mut lines = LineIndex::new();
        let mut n = 0;
        for (offset, change) in changes {
            let change = change.borrow();
            if change.seq > applied {
                break;
            }
            index_line(&mut lines, offset, &change.events);
            n += 1;
            if lines.len() >= batch.max(1) {
                self.write_lines(&std::mem::take(&mut lines))?;
            }
        }
        self.write_lines(&lines)?;
        Ok(n)
    }

    /// Adds offsets to the line index alone (a migration's batches), in one transaction.
    fn write_lines(&self, lines: &LineIndex) -> Result<(), WorkingError> {
        let r: Result<(), TransactionError<()>> = self.lines.transaction(|tree| {
            for (id, offsets) in lines {
                add_offsets(tree, &id.to_string(), offsets)?;
            }
            Ok::<(), ConflictableTransactionError<()>>(())
        });
        lines_outcome(r)
    }

    /// Sets (`Some`) or removes (`None`) a case's line index entry: tests simulate an index
    /// that lost an entry or points at the wrong lines.
    #[doc(hidden)]
    pub fn set_line_offsets_for_tests(
        &self,
        id: CaseId,
        offsets: Option<&[u64]>,
    ) -> Result<(), WorkingError> {
        let key = id.to_string();
        match offsets {
            None => {
                self.lines.remove(key.as_bytes())?;
            }
            Some(o) => {
                let value: Vec<u8> = o.iter().flat_map(|x| x.to_le_bytes()).collect();
                self.lines.insert(key.as_bytes(), value)?;
            }
        }
        Ok(())
    }
}
