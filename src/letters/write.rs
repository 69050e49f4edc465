//! Writing a letter to disk: never over an earlier letter, never half a file, readable by the
//! user alone (it holds personal data).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use super::{LetterError, LetterKind};
use crate::domain::CaseId;

/// How many letters of one kind a case may have in one folder before we stop looking for a
/// free name (`-2` … `-999`).
const MAX_COPIES: u32 = 999;

/// Writes `text` to `DIR/<ID>-<letter>.md`, or `-2`, `-3`, … when that exists, and returns the
/// path. `dir` is created (0700) if missing; the file is 0600. The text goes to a temporary
/// file first and is linked into place only when complete, so a reader never sees half a
/// letter and an existing letter is never replaced.
pub fn write_letter(
    dir: &Path,
    id: CaseId,
    kind: LetterKind,
    text: &str,
) -> Result<PathBuf, LetterError> {
    // Every text that reaches a letter (case facts, settings, an override template) without
    // control characters or bidirectional overrides (issue 16); line breaks and tabs stay.
    let text = crate::domain::text::clean_text(text);
    write_bytes(dir, id, kind, "md", text.as_bytes())
}

/// Writes `bytes` to `DIR/<ID>-<letter>.<ext>`, or `-2`, `-3`, … when that exists, as
/// [`write_letter`] does: 0600, complete or not at all, never over an earlier letter.
pub fn write_bytes(
    dir: &Path,
    id: CaseId,
    kind: LetterKind,
    ext: &str,
    bytes: &[u8],
) -> Result<PathBuf, LetterError> {
    let failed = |file: &Path| {
        let file = file.to_path_buf();
        move |e: io::Error| write_error(file, &e)
    };
    if !dir.is_dir() {
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(failed(dir))?;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).map_err(failed(dir))?;
    }
    let base = format!("{id}-{}", kind.slug());
    let tmp = dir.join(format!(".{base}.{ext}.{}.tmp", std::process::id()));
    let result = write_temp(&tmp, bytes)
        .map_err(failed(&tmp))
        .and_then(|()| link_free_name(dir, &base, ext, &tmp));
    // The temporary name goes in every case: linked into place, or failed.
    let _ = fs::remove_file(&tmp);
    let path = result?;
    if let Ok(d) = File::open(dir) {
        // Makes the new name durable; a folder that refuses fsync still holds the file.
        let _ = d.sync_all();
    }
    Ok(path)
}

/// A failed write in words: a full disk or the file-size limit named as such (exit 5).
fn write_error(file: PathBuf, e: &io::Error) -> LetterError {
    let too_large = crate::store::is_file_too_large(e);
    if too_large || crate::store::is_disk_full(e) {
        return LetterError::DiskFull {
            file,
            too_large,
            detail: e.to_string(),
        };
    }
    LetterError::Write {
        file,
        detail: e.to_string(),
    }
}

/// The whole text in a fresh 0600 file, synced.
fn write_temp(tmp: &Path, bytes: &[u8]) -> io::Result<()> {
    let open = || {
        OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(tmp)
    };
    let mut file = match open() {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            // Left by an earlier process with our id that was killed mid-write.
            fs::remove_file(tmp)?;
            open()?
        }
        Err(e) => return Err(e),
    };
    file.set_permissions(fs::Permissions::from_mode(0o600))?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Links the temporary file under the first free name; a hard link fails rather than replace.
fn link_free_name(dir: &Path, base: &str, ext: &str, tmp: &Path) -> Result<PathBuf, LetterError> {
    for n in 1..=MAX_COPIES {
        let name = if n == 1 {
            format!("{base}.{ext}")
        } else {
            format!("{base}-{n}.{ext}")
        };
        let path = dir.join(name);
        match fs::hard_link(tmp, &path) {
            Ok(()) => return Ok(path),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(write_error(path, &e)),
        }
    }
    Err(LetterError::Write {
        file: dir.join(format!("{base}-{MAX_COPIES}.{ext}")),
        detail: io::Error::from(io::ErrorKind::AlreadyExists).to_string(),
    })
}
