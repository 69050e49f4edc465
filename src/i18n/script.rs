//! Messages about headless key scripts.

crate::messages! {
    /// Why a line of a key script is malformed.
    ScriptMsg {
        UnknownCommand => "onbekend commando '{command}' (now, size, press, type, expect, expect-not, screen)",
            "unknown command '{command}' (now, size, press, type, expect, expect-not, screen)";
        MissingArgument => "'{command}' mist zijn argument", "'{command}' is missing its argument";
        UnexpectedArgument => "'{command}' neemt geen argument", "'{command}' takes no argument";
        BadSize => "'{size}' is geen schermmaat (schrijf BxH, bijvoorbeeld 120x35)",
            "'{size}' is not a screen size (write WxH, for example 120x35)";
        SizeOutOfRange => "schermmaat {size} valt buiten {min} tot en met {max}",
            "screen size {size} is outside {min} to {max}";
        Line => "regel {line}: {reason}", "line {line}: {reason}";
    }
}
