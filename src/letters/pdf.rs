//! A PDF from the Word letter, made by LibreOffice: `soffice --headless --convert-to pdf`, each
//! run with a private profile (`-env:UserInstallation=file://…`, so it neither needs nor
//! disturbs a running LibreOffice) in a private temporary folder that goes afterwards, and a
//! time limit. Without LibreOffice the message names what to install.

use std::fs;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::LetterError;
use crate::i18n::Lang;
use crate::i18n::letters::LettersMsg;

/// LibreOffice's command.
pub const SOFFICE: &str = "soffice";
/// How long a conversion may take.
const LIMIT: Duration = Duration::from_secs(90);

/// `soffice` on the PATH, if installed.
fn find_soffice() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(SOFFICE))
        .find(|p| {
            fs::metadata(p)
                .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
                .unwrap_or(false)
        })
}

/// Removes the temporary folder however the conversion ends.
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn private_dir() -> std::io::Result<TempDir> {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    let dir = std::env::temp_dir().join(format!("privdesk-pdf-{}-{nanos}", std::process::id()));
    fs::DirBuilder::new().mode(0o700).create(&dir)?;
    Ok(TempDir(dir))
}

fn failed(detail: impl ToString) -> LetterError {
    LetterError::Pdf {
        detail: detail.to_string(),
    }
}

/// The Word letter as a PDF.
pub(super) fn convert(docx: &[u8], lang: Lang) -> Result<Vec<u8>, LetterError> {
    let soffice = find_soffice().ok_or(LetterError::NoSoffice)?;
    let tmp = private_dir().map_err(failed)?;
    let input = tmp.0.join("brief.docx");
    let mut f = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&input)
        .map_err(failed)?;
    std::io::Write::write_all(&mut f, docx).map_err(failed)?;
    drop(f);
    let profile = tmp.0.join("profiel");
    let mut child = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--nologo",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(&tmp.0)
        .arg(&input)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(failed)?;
    let started = Instant::now();
    let status = loop {
        match child.try_wait().map_err(failed)? {
            Some(status) => break status,
            None if started.elapsed() > LIMIT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(failed(
                    LettersMsg::PdfTimeout.fill(lang, &[("seconds", &LIMIT.as_secs().to_string())]),
                ));
            }
            None => std::thread::sleep(Duration::from_millis(100)),
        }
    };
    let output: &Path = &tmp.0.join("brief.pdf");
    match fs::read(output) {
        Ok(pdf) if status.success() && pdf.starts_with(b"%PDF") => Ok(pdf),
        Ok(_) | Err(_) => Err(failed(status)),
    }
}
