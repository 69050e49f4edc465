//! `privdesk db init URL [--role-prefix P]` and `privdesk db migrate --from DIR --to URL`: a
//! team's register made, and a local register moved into it (design.md "The register behind
//! one seam"). What they print names where, never the URL's credentials.

use std::path::Path;

use super::Outcome;
use crate::i18n::Lang;
use crate::i18n::postgres::PgMsg;
use crate::store::postgres::{self, PgTarget};
use crate::store::{StoreError, resolve_user};

fn fail(e: &StoreError, lang: Lang) -> Outcome {
    Outcome::fail(e.message(lang), e.exit_code())
}

/// Creates (or completes) the register in the database `url` names.
pub fn init(url: &str, prefix: &str, lang: Lang) -> Outcome {
    let target = match PgTarget::parse(url) {
        Ok(t) => t,
        Err(e) => return fail(&e, lang),
    };
    match postgres::init(&target, prefix) {
        Ok(roles) => Outcome::ok_line(PgMsg::Initialised.fill(
            lang,
            &[
                ("target", &target.display()),
                ("handler", &roles.handler()),
                ("fg", &roles.fg()),
            ],
        )),
        Err(e) => fail(&e, lang),
    }
}

/// Moves the local register in `from` into the empty register at `to`.
pub fn migrate(from: &Path, to: &str, user: Option<&str>, lang: Lang) -> Outcome {
    let target = match PgTarget::parse(to) {
        Ok(t) => t,
        Err(e) => return fail(&e, lang),
    };
    let user = resolve_user(user, None, false);
    match postgres::migrate(from, &target, &user) {
        Ok(report) => Outcome::ok_line(PgMsg::Migrated.fill(
            lang,
            &[
                ("target", &target.display()),
                ("count", &report.changes.to_string()),
                ("cases", &report.cases.to_string()),
                ("head", &format!("{}:{}", report.changes, report.head)),
            ],
        )),
        Err(e) => fail(&e, lang),
    }
}
