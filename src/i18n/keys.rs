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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, check_area};

    #[test]
    fn both_languages_define_every_message() {
        let all: Vec<_> = KeyMsg::ALL
            .iter()
            .map(|m| (m.text(Lang::Nl), m.text(Lang::En)))
            .collect();
        check_area(&all);
    }
}
