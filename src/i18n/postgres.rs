//! A team's register on PostgreSQL as the user reads it: connecting, `db init`, `db migrate`,
//! and what the database refuses. A URL is never repeated (it may hold a password).

use crate::messages;
use crate::store::PgFailure;

use super::Lang;

messages! {
    /// Messages of the PostgreSQL register and the `db` commands.
    PgMsg {
        BadUrl => "ongeldige PostgreSQL-URL (verwacht postgres://gebruiker@host:poort/database)",
            "invalid PostgreSQL URL (expected postgres://user@host:port/database)";
        RootCert => "de vertrouwde certificaten (PGSSLROOTCERT) zijn onleesbaar",
            "the trusted certificates (PGSSLROOTCERT) are unreadable";
        Connect => "geen verbinding met de database: {why}", "no connection to the database: {why}";
        Query => "de database weigerde: {why}", "the database refused: {why}";
        NotInitialised => "deze database heeft nog geen privdesk-register: voer eerst `privdesk db init` uit",
            "this database holds no privdesk register yet: run `privdesk db init` first";
        NotUtf8 => "de database gebruikt tekenset {encoding}; privdesk vraagt UTF8 (maak de database met ENCODING 'UTF8')",
            "the database uses encoding {encoding}; privdesk needs UTF8 (create the database with ENCODING 'UTF8')";
        BadPrefix => "ongeldig rolvoorvoegsel: kleine letters, cijfers en _, beginnend met een letter",
            "invalid role prefix: lowercase letters, digits and _, starting with a letter";
        OtherPrefix => "dit register gebruikt al het rolvoorvoegsel {prefix}", "this register already uses the role prefix {prefix}";
        NotPermitted => "uw rol mag dit niet: de FG leest, exporteert en maakt reservekopieën, maar wijzigt geen zaak",
            "your role may not do this: the FG reads, exports and makes backups, but changes no case";
        NotAUser => "uw databaselogin heeft geen rol in dit register (behandelaar of FG); vraag de beheerder om GRANT",
            "your database login has no role in this register (handler or FG); ask the administrator for a GRANT";
        Clock => "de klok van deze computer wijkt af van die van de database: niet opgeslagen; zet de klok gelijk",
            "this computer's clock differs from the database's: not saved; set the clock right";
        UserMismatch => "de gebruiker in de wijziging is niet de databaselogin: niet opgeslagen",
            "the change's user is not the database login: not saved";
        BadLine => "de database weigerde de wijziging als onjuist gevormd: niet opgeslagen",
            "the database refused the change as malformed: not saved";
        AppendOnly => "het journaal kan alleen worden aangevuld, niet gewijzigd of gewist",
            "the journal can only be appended to, not changed or erased";
        NotAHandler => "een zaak gaat alleen naar een behandelaar van dit register (een databaselogin met die rol): niet opgeslagen",
            "a case goes only to a handler of this register (a database login with that role): not saved";
        UserOption => "--user geldt niet op een PostgreSQL-register: de gebruiker is de databaselogin",
            "--user does not apply to a PostgreSQL register: the user is the database login";
        NowOption => "--now geldt niet op een PostgreSQL-register: de klok van de database telt",
            "--now does not apply to a PostgreSQL register: the database's clock holds";
        Busy => "anderen bleven tegelijk opslaan: niet opgeslagen, probeer het opnieuw",
            "others kept saving at the same time: not saved, try again";
        NotEmpty => "het register in de database heeft al {count} wijzigingen: verhuizen kan alleen naar een leeg register",
            "the register in the database already has {count} changes: a move needs an empty register";
        HeadMismatch => "na het verhuizen verschillen de koppen (lokaal {local}, database {remote}): niets vastgelegd",
            "after the move the heads differ (local {local}, database {remote}): nothing committed";
        Moved => "register verhuisd naar PostgreSQL: deze kopie wordt alleen gelezen",
            "register moved to PostgreSQL: this copy is read-only";
        MovedTo => "register verhuisd naar {target}: deze kopie wordt alleen gelezen",
            "register moved to {target}: this copy is read-only";
        EmptyForFg => "het register is nog leeg: een behandelaar opent het eerst",
            "the register is still empty: a handler opens it first";
        Initialised => "register klaar in {target}: rollen {handler} (behandelaars) en {fg} (FG); geef logins toegang met GRANT {handler} TO naam",
            "register ready in {target}: roles {handler} (handlers) and {fg} (FG); give logins access with GRANT {handler} TO name";
        Migrated => "verhuisd naar {target}: {count} wijzigingen, {cases} zaken; kop {head} aan beide kanten",
            "moved to {target}: {count} changes, {cases} cases; head {head} on both sides";
        NoRepair => "repair geldt niet op een PostgreSQL-register: de database houdt zelf zaken en journaal bij",
            "repair does not apply to a PostgreSQL register: the database keeps cases and journal itself";
        LoggedIn => " · {user} ({role})", " · {user} ({role})";
        RoleHandler => "behandelaar", "handler";
        RoleFg => "FG", "DPO";
        Offline => "verbinding met het register verbroken — opnieuw verbinden…",
            "connection to the register lost — reconnecting…";
        OfflineRefused => "de verbinding met het register is verbroken (opnieuw verbinden…): probeer het zo opnieuw",
            "the connection to the register is lost (reconnecting…): try again shortly";
        Back => "weer verbonden met het register (verbroken van {from} tot {to}); bijgewerkt tot wijziging {seq}",
            "connected to the register again (lost from {from} to {to}); up to date to change {seq}";
        ChangedBy => "{user} heeft deze zaak om {at} gewijzigd: {what}",
            "{user} changed this case at {at}: {what}";
        ByHandler => "een behandelaar", "a handler";
        AlsoOpen => "ook open bij {users}", "also open by {users}";
        VerifyHead => "kop: {seq}:{hash} (bewaar dit buiten de database)",
            "head: {seq}:{hash} (keep this outside the database)";
        VerifyHeadRow => "de kop in de database ({found}) is niet die van het journaal ({expected})",
            "the head in the database ({found}) is not the journal's ({expected})";
    }
}

/// A failure in words.
pub fn failure(f: &PgFailure, lang: Lang) -> String {
    match f {
        PgFailure::BadUrl => PgMsg::BadUrl.text(lang).into(),
        PgFailure::RootCert => PgMsg::RootCert.text(lang).into(),
        PgFailure::Connect(why) => PgMsg::Connect.fill(lang, &[("why", why)]),
        PgFailure::Query(why) => PgMsg::Query.fill(lang, &[("why", why)]),
        PgFailure::NotInitialised => PgMsg::NotInitialised.text(lang).into(),
        PgFailure::NotUtf8(e) => PgMsg::NotUtf8.fill(lang, &[("encoding", e)]),
        PgFailure::BadPrefix => PgMsg::BadPrefix.text(lang).into(),
        PgFailure::OtherPrefix(p) => PgMsg::OtherPrefix.fill(lang, &[("prefix", p)]),
        PgFailure::NotPermitted => PgMsg::NotPermitted.text(lang).into(),
        PgFailure::NotAUser => PgMsg::NotAUser.text(lang).into(),
        PgFailure::Clock => PgMsg::Clock.text(lang).into(),
        PgFailure::UserMismatch => PgMsg::UserMismatch.text(lang).into(),
        PgFailure::BadLine => PgMsg::BadLine.text(lang).into(),
        PgFailure::AppendOnly => PgMsg::AppendOnly.text(lang).into(),
        PgFailure::NotAHandler => PgMsg::NotAHandler.text(lang).into(),
        PgFailure::UserOption => PgMsg::UserOption.text(lang).into(),
        PgFailure::NowOption => PgMsg::NowOption.text(lang).into(),
        PgFailure::Busy => PgMsg::Busy.text(lang).into(),
        PgFailure::NotEmpty(n) => PgMsg::NotEmpty.fill(lang, &[("count", &n.to_string())]),
        PgFailure::HeadMismatch { local, remote } => {
            PgMsg::HeadMismatch.fill(lang, &[("local", local), ("remote", remote)])
        }
        PgFailure::Moved(to) => PgMsg::MovedTo.fill(lang, &[("target", to)]),
        PgFailure::EmptyForFg => PgMsg::EmptyForFg.text(lang).into(),
    }
}
