//! Headless key scripts: one command a line, read here into [`Command`]s for the driver.
//!
//! ```text
//! # a comment                 a line whose first non-blank character is # is a comment
//! now 2026-11-23T09:00        set the clock (kept as text: the instant parser reads it)
//! size 120x35                 resize the screen (20x5 up to 500x200)
//! press <Down><Down><Enter>   keys in the key notation; spaces between keys are ignored
//! type Jan de Vries           the text after the first space, typed literally
//! expect Inzage               the text must appear in a row of the screen
//! expect-not Jan de Vries     the text must appear in no row
//! screen                      print the screen
//! ```
//!
//! Choices the design left open:
//! - Only whole lines are comments; a `#` after a command is part of it (`press #`,
//!   `type nr #3`), so `type` and `expect` can say anything.
//! - `type`, `expect` and `expect-not` take the text after the first space (or tab) *exactly*:
//!   a `<` is just a `<`, and leading and trailing spaces are kept (`type Jan ` types the space);
//!   only the line ending (`\n` or `\r\n`) is removed. Their text may not be empty.
//! - The command word may be indented; commands are lowercase.
//! - `now` keeps its argument, trimmed, as text; `size` is `WxH` with a lowercase `x`.
//! - A UTF-8 byte-order mark at the start of a script is ignored.

use crate::app::key::{Key, KeyParseError, parse_keys};
use crate::i18n::Lang;
use crate::i18n::script::ScriptMsg;
use std::fmt;

/// The smallest screen a script may ask for: narrower or lower is no screen to test.
pub const MIN_SIZE: (u16, u16) = (20, 5);
/// The largest screen a script may ask for: a bound, so a typo cannot allocate a huge buffer.
pub const MAX_SIZE: (u16, u16) = (500, 200);

/// One command of a key script.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// `now INSTANT`: set the clock; the text is read by the instant parser.
    Now(String),
    /// `size WxH`: resize the screen to width × height.
    Size(u16, u16),
    /// `press KEYS`: press these keys, in order.
    Press(Vec<Key>),
    /// `type TEXT`: type this text, character by character, literally.
    Type(String),
    /// `expect TEXT`: the text must appear in a row of the screen.
    Expect(String),
    /// `expect-not TEXT`: the text must appear in no row of the screen.
    ExpectNot(String),
    /// `screen`: print the screen.
    Screen,
}

/// Why one line is malformed (without its line number). `Display` gives the Dutch text; use
/// [`LineError::message`] for the user's language.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LineError {
    /// The first word is no command.
    UnknownCommand(String),
    /// A command that needs an argument has none.
    MissingArgument(&'static str),
    /// `screen` with something after it.
    UnexpectedArgument(&'static str),
    /// `size` whose argument is not `WxH`.
    BadSize(String),
    /// `size` outside [`MIN_SIZE`]..=[`MAX_SIZE`].
    SizeOutOfRange(u16, u16),
    /// `press` with keys the notation cannot read.
    Keys(#[source] KeyParseError),
}

impl LineError {
    /// The reason, in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            LineError::UnknownCommand(c) => ScriptMsg::UnknownCommand.fill(lang, &[("command", c)]),
            LineError::MissingArgument(c) => {
                ScriptMsg::MissingArgument.fill(lang, &[("command", c)])
            }
            LineError::UnexpectedArgument(c) => {
                ScriptMsg::UnexpectedArgument.fill(lang, &[("command", c)])
            }
            LineError::BadSize(s) => ScriptMsg::BadSize.fill(lang, &[("size", s)]),
            LineError::SizeOutOfRange(w, h) => ScriptMsg::SizeOutOfRange.fill(
                lang,
                &[
                    ("size", &format!("{w}x{h}")),
                    ("min", &format!("{}x{}", MIN_SIZE.0, MIN_SIZE.1)),
                    ("max", &format!("{}x{}", MAX_SIZE.0, MAX_SIZE.1)),
                ],
            ),
            LineError::Keys(e) => e.message(lang),
        }
    }
}

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::default()))
    }
}

/// A malformed line of a script: its number (from 1) and why.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct ScriptError {
    /// The line number, counted from 1.
    pub line: usize,
    /// What is wrong with it.
    #[source]
    pub reason: LineError,
}

impl ScriptError {
    /// `line N: <why>` in the user's language, as the driver reports it after `error: `.
    pub fn message(&self, lang: Lang) -> String {
        ScriptMsg::Line.fill(
            lang,
            &[
                ("line", &self.line.to_string()),
                ("reason", &self.reason.message(lang)),
            ],
        )
    }
}

impl fmt::Display for ScriptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::default()))
    }
}

/// Reads one line (without its line ending; a trailing `\r` is removed too). `Ok(None)` for a
/// blank line or a comment.
pub fn parse_line(line: &str) -> Result<Option<Command>, LineError> {
    let line = line.strip_suffix('\r').unwrap_or(line);
    let trimmed = line.trim_start();
    if trimmed.is_empty() || trimmed.starts_with('#') {
        return Ok(None);
    }
    let (word, arg) = match trimmed.find(char::is_whitespace) {
        Some(at) => {
            let sep = trimmed[at..].chars().next().map_or(1, char::len_utf8);
            (&trimmed[..at], &trimmed[at + sep..])
        }
        None => (trimmed, ""),
    };
    let command = match word {
        "now" => Command::Now(required("now", arg.trim())?.to_string()),
        "size" => size(required("size", arg.trim())?)?,
        "press" => {
            Command::Press(parse_keys(required("press", arg.trim())?).map_err(LineError::Keys)?)
        }
        "type" => Command::Type(required("type", arg)?.to_string()),
        "expect" => Command::Expect(required("expect", arg)?.to_string()),
        "expect-not" => Command::ExpectNot(required("expect-not", arg)?.to_string()),
        "screen" if arg.trim().is_empty() => Command::Screen,
        "screen" => return Err(LineError::UnexpectedArgument("screen")),
        other => return Err(LineError::UnknownCommand(other.to_string())),
    };
    Ok(Some(command))
}

/// Reads a whole script: each command with its line number (from 1), or the first malformed
/// line.
pub fn parse_script(text: &str) -> Result<Vec<(usize, Command)>, ScriptError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut commands = Vec::new();
    for (i, line) in text.lines().enumerate() {
        match parse_line(line) {
            Ok(Some(c)) => commands.push((i + 1, c)),
            Ok(None) => {}
            Err(reason) => {
                return Err(ScriptError {
                    line: i + 1,
                    reason,
                });
            }
        }
    }
    Ok(commands)
}

/// The argument, or the error that the command needs one.
fn required<'a>(command: &'static str, arg: &'a str) -> Result<&'a str, LineError> {
    if arg.is_empty() {
        Err(LineError::MissingArgument(command))
    } else {
        Ok(arg)
    }
}

/// `WxH`, digits only, within the bounds.
fn size(arg: &str) -> Result<Command, LineError> {
    let bad = || LineError::BadSize(arg.to_string());
    let (w, h) = arg.split_once('x').ok_or_else(bad)?;
    let number = |s: &str| -> Result<u32, LineError> {
        if s.is_empty() || s.len() > 6 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        s.parse().map_err(|_| bad())
    };
    let (w, h) = (number(w)?, number(h)?);
    let clamp = |n: u32| u16::try_from(n).unwrap_or(u16::MAX);
    let (w16, h16) = (clamp(w), clamp(h));
    if !(MIN_SIZE.0..=MAX_SIZE.0).contains(&w16) || !(MIN_SIZE.1..=MAX_SIZE.1).contains(&h16) {
        return Err(LineError::SizeOutOfRange(w16, h16));
    }
    Ok(Command::Size(w16, h16))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn every_command_parses() {
        let script = "\u{feff}# a script\n\
                      now 2026-11-23T09:00\n\
                      \n\
                      size 120x35\r\n\
                      press <Down><Down> <Enter>\n\
                      type Jan <de> Vries \n\
                      \x20 expect Inzage\n\
                      expect-not Jan # niet\n\
                      screen\n\
                      \t# indented comment\n";
        let commands = parse_script(script).unwrap();
        assert_eq!(
            commands,
            vec![
                (2, Command::Now("2026-11-23T09:00".into())),
                (4, Command::Size(120, 35)),
                (
                    5,
                    Command::Press(parse_keys("<Down><Down><Enter>").unwrap())
                ),
                (6, Command::Type("Jan <de> Vries ".into())),
                (7, Command::Expect("Inzage".into())),
                (8, Command::ExpectNot("Jan # niet".into())),
                (9, Command::Screen),
            ]
        );
    }

    #[test]
    fn type_keeps_its_text_exactly() {
        assert_eq!(
            parse_line("type  two"),
            Ok(Some(Command::Type(" two".into())))
        );
        assert_eq!(parse_line("type <"), Ok(Some(Command::Type("<".into()))));
        assert_eq!(parse_line("type\tx"), Ok(Some(Command::Type("x".into()))));
        assert_eq!(parse_line("type"), Err(LineError::MissingArgument("type")));
        assert_eq!(parse_line("type "), Err(LineError::MissingArgument("type")));
        assert_eq!(
            parse_line("press #"),
            Ok(Some(Command::Press(parse_keys("#").unwrap())))
        );
    }

    #[test]
    fn sizes_are_checked() {
        assert_eq!(parse_line("size 20x5"), Ok(Some(Command::Size(20, 5))));
        assert_eq!(
            parse_line("size 500x200"),
            Ok(Some(Command::Size(500, 200)))
        );
        assert_eq!(
            parse_line("size 19x35"),
            Err(LineError::SizeOutOfRange(19, 35))
        );
        assert_eq!(
            parse_line("size 120x201"),
            Err(LineError::SizeOutOfRange(120, 201))
        );
        assert_eq!(
            parse_line("size 99999999x5"),
            Err(LineError::BadSize("99999999x5".into()))
        );
        for bad in ["120", "120X35", "x35", "120x", "-1x5", "120 x 35", "1e2x5"] {
            assert_eq!(
                parse_line(&format!("size {bad}")),
                Err(LineError::BadSize(bad.into())),
                "{bad}"
            );
        }
        assert_eq!(parse_line("size"), Err(LineError::MissingArgument("size")));
    }

    #[test]
    fn malformed_lines_say_why_and_where() {
        assert_eq!(
            parse_line("Press j"),
            Err(LineError::UnknownCommand("Press".into()))
        );
        assert_eq!(
            parse_line("screen now"),
            Err(LineError::UnexpectedArgument("screen"))
        );
        assert_eq!(parse_line("now   "), Err(LineError::MissingArgument("now")));
        assert_eq!(
            parse_line("press <Foo>"),
            Err(LineError::Keys(KeyParseError::Unknown("<Foo>".into())))
        );
        let err = parse_script("screen\n\n# x\npress j<Bar>\n").unwrap_err();
        assert_eq!(err.line, 4);
        assert_eq!(err.message(Lang::En), "line 4: unknown key '<Bar>'");
        assert_eq!(err.to_string(), "regel 4: onbekende toets '<Bar>'");
        assert_eq!(
            LineError::SizeOutOfRange(10, 10).message(Lang::En),
            "screen size 10x10 is outside 20x5 to 500x200"
        );
    }
}
