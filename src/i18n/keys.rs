//! Messages about the key notation (keymap, help, config and key scripts share it).

crate::messages! {
    /// Why a key or key sequence could not be read.
    KeyMsg {
        Empty => "geen toets opgegeven", "no key given";
        Unknown => "onbekende toets '{key}'", "unknown key '{key}'";
        Unclosed => "'<' zonder '>' in '{key}' (schrijf <lt> voor de toets <)",
            "'<' without '>' in '{key}' (write <lt> for the key <)";
        NotOne => "'{key}' is meer dan één toets", "'{key}' is more than one key";
    }
}
