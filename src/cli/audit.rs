//! `privdesk audit verify`: checks the journal's chain without taking the register's lock, so
//! the FG can run it while a handler works (design.md "Reading without the lock").

use std::io;
use std::path::Path;

use super::Outcome;
use crate::i18n::Lang;
use crate::i18n::store::StoreMsg;
use crate::store::journal::{self, JOURNAL_FILE, VerifyError};
use crate::store::{StoreError, fault_message};

/// Verifies the journal of the register in `dir`: exit 0 with the number of changes and the
/// head hash, exit 1 naming the first failing line, 2 when there is no journal, 5 on a read
/// error.
pub fn verify(dir: &Path, lang: Lang) -> Outcome {
    match journal::verify(&dir.join(JOURNAL_FILE)) {
        Ok((count, head)) => Outcome::ok_line(
            StoreMsg::VerifyOk.fill(lang, &[("count", &count.to_string()), ("head", &head)]),
        ),
        Err(VerifyError::Line(bad)) => Outcome {
            stdout: (StoreMsg::VerifyFailed.fill(
                lang,
                &[
                    ("line", &bad.line.to_string()),
                    ("why", &fault_message(&bad.fault, lang)),
                ],
            ) + "\n")
                .into_bytes(),
            stderr: String::new(),
            code: 1,
        },
        Err(VerifyError::Io(e)) if e.kind() == io::ErrorKind::NotFound => {
            let e = StoreError::NoRegister(dir.to_path_buf());
            Outcome::fail(e.message(lang), e.exit_code())
        }
        Err(VerifyError::Io(e)) => Outcome::fail(
            StoreMsg::Unreadable.fill(lang, &[("error", &e.to_string())]),
            5,
        ),
    }
}
