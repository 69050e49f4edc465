//! Messages about the settings file `privdesk.toml`.

crate::messages! {
    /// Why the settings file was refused.
    ConfigMsg {
        NotFound => "instellingenbestand {file} bestaat niet", "settings file {file} does not exist";
        Read => "kan instellingenbestand {file} niet lezen: {detail}",
            "cannot read settings file {file}: {detail}";
        Syntax => "{file}: {detail}", "{file}: {detail}";
        SyntaxAt => "{file}, regel {line}: {detail}", "{file}, line {line}: {detail}";
        UnknownKey => "{file}: onbekende instelling '{key}' (geldig: {valid})",
            "{file}: unknown setting '{key}' (valid: {valid})";
        BadValue => "{file}: '{value}' is geen geldige waarde voor {key} (geldig: {valid})",
            "{file}: '{value}' is not a valid value for {key} (valid: {valid})";
        UnknownKind => "{file}: 'streefdagen.{kind}' is geen verzoeksoort (geldig: {valid})",
            "{file}: 'streefdagen.{kind}' is not a kind of request (valid: {valid})";
        TargetDays => "{file}: streefdagen.{kind} = {days}: kies 1 tot en met 365 dagen",
            "{file}: streefdagen.{kind} = {days}: choose 1 to 365 days";
    }
}
