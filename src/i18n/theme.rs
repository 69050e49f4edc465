//! Messages about colour themes.

crate::messages! {
    /// Why a theme could not be loaded.
    ThemeMsg {
        UnknownTheme => "onbekend thema '{name}' (geldig: {valid})", "unknown theme '{name}' (valid: {valid})";
        Read => "kan thema {file} niet lezen: {detail}", "cannot read theme {file}: {detail}";
        Syntax => "thema {file}: {detail}", "theme {file}: {detail}";
        SyntaxAt => "thema {file}, regel {line}: {detail}", "theme {file}, line {line}: {detail}";
        UnknownStyle => "thema {file}: onbekende stijl '{style}' (geldig: {valid})",
            "theme {file}: unknown style '{style}' (valid: {valid})";
        MissingStyle => "thema {file}: stijl '{style}' ontbreekt", "theme {file}: style '{style}' is missing";
        BadColour => "thema {file}: '{value}' in {style} is geen kleur (een naam zoals red of lightblue, of #rrggbb)",
            "theme {file}: '{value}' in {style} is not a colour (a name such as red or lightblue, or #rrggbb)";
        BadModifier => "thema {file}: '{value}' in {style} is geen opmaak (geldig: {valid})",
            "theme {file}: '{value}' in {style} is not a modifier (valid: {valid})";
        Builtin => "{name} (ingebouwd)", "{name} (built in)";
    }
}
