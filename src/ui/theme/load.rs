//! Reading a theme: the compiled-in file of that name, then an override in the config folder
//! style by style, each style's colours and modifiers checked; with `NO_COLOR` the colours
//! dropped.

use super::{BUILTIN, MODIFIERS, STYLE_NAMES, Theme, ThemeError, ThemeFile};
use ratatui::style::{Color, Style};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// One style as written in a theme file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStyle {
    fg: Option<String>,
    bg: Option<String>,
    #[serde(default)]
    modifiers: Vec<String>,
}

impl Theme {
    /// Loads the theme `name`: the compiled-in one, overridden style by style by
    /// `<config_dir>/<name>.toml` if that file exists; with `no_color` (the app passes whether
    /// `NO_COLOR` is set and non-empty) every colour is dropped and the modifiers kept.
    pub fn load(
        name: &str,
        config_dir: Option<&Path>,
        no_color: bool,
    ) -> Result<Theme, ThemeError> {
        let Some((builtin_name, builtin_text)) = BUILTIN.iter().find(|(n, _)| *n == name) else {
            return Err(ThemeError::UnknownTheme {
                name: name.to_string(),
            });
        };
        let builtin = ThemeFile::Builtin(builtin_name);
        let mut theme = Theme::default();
        let defined = apply(&mut theme, builtin_text, &builtin)?;
        if let Some(missing) = STYLE_NAMES
            .iter()
            .find(|s| !defined.iter().any(|d| d == *s))
        {
            return Err(ThemeError::MissingStyle {
                file: builtin,
                style: missing.to_string(),
            });
        }
        if let Some(dir) = config_dir {
            let path = dir.join(format!("{name}.toml"));
            match std::fs::read_to_string(&path) {
                Ok(text) => {
                    apply(&mut theme, &text, &ThemeFile::Path(path))?;
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    return Err(ThemeError::Read {
                        file: path,
                        detail: e.to_string(),
                    });
                }
            }
        }
        if no_color {
            for style in theme.all_mut() {
                *style = Style::default()
                    .add_modifier(style.add_modifier)
                    .remove_modifier(style.sub_modifier);
            }
        }
        Ok(theme)
    }
}

/// Parses a theme file and sets the styles it defines; returns their names.
fn apply(theme: &mut Theme, text: &str, file: &ThemeFile) -> Result<Vec<String>, ThemeError> {
    let raw: BTreeMap<String, RawStyle> = toml::from_str(text).map_err(|e| ThemeError::Syntax {
        file: file.clone(),
        line: e
            .span()
            .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1),
        detail: e.message().to_string(),
    })?;
    let mut defined = Vec::new();
    for (name, raw) in raw {
        let style = build(&name, raw, file)?;
        let Some(slot) = theme.slot(&name) else {
            return Err(ThemeError::UnknownStyle {
                file: file.clone(),
                style: name,
            });
        };
        *slot = style;
        defined.push(name);
    }
    Ok(defined)
}

/// One raw style to a ratatui `Style`.
fn build(name: &str, raw: RawStyle, file: &ThemeFile) -> Result<Style, ThemeError> {
    let colour = |value: Option<String>| -> Result<Option<Color>, ThemeError> {
        value
            .map(|v| {
                parse_colour(&v).ok_or_else(|| ThemeError::BadColour {
                    file: file.clone(),
                    style: name.to_string(),
                    value: v,
                })
            })
            .transpose()
    };
    let mut style = Style::default();
    if let Some(fg) = colour(raw.fg)? {
        style = style.fg(fg);
    }
    if let Some(bg) = colour(raw.bg)? {
        style = style.bg(bg);
    }
    for m in raw.modifiers {
        let Some((_, modifier)) = MODIFIERS.iter().find(|(n, _)| *n == m) else {
            return Err(ThemeError::BadModifier {
                file: file.clone(),
                style: name.to_string(),
                value: m,
            });
        };
        style = style.add_modifier(*modifier);
    }
    Ok(style)
}

/// A colour name or `#rrggbb`.
fn parse_colour(text: &str) -> Option<Color> {
    if let Some(hex) = text.strip_prefix('#') {
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        return Some(Color::Rgb(byte(0)?, byte(2)?, byte(4)?));
    }
    let name: String = text
        .chars()
        .filter(|c| !matches!(c, '-' | '_' | ' '))
        .collect::<String>()
        .to_ascii_lowercase()
        .replace("grey", "gray");
    Some(match name.as_str() {
        "reset" => Color::Reset,
        "black" => Color::Black,
        "red" => Color::Red,
        "green" => Color::Green,
        "yellow" => Color::Yellow,
        "blue" => Color::Blue,
        "magenta" => Color::Magenta,
        "cyan" => Color::Cyan,
        "gray" => Color::Gray,
        "darkgray" => Color::DarkGray,
        "lightred" => Color::LightRed,
        "lightgreen" => Color::LightGreen,
        "lightyellow" => Color::LightYellow,
        "lightblue" => Color::LightBlue,
        "lightmagenta" => Color::LightMagenta,
        "lightcyan" => Color::LightCyan,
        "white" => Color::White,
        _ => return None,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::ui::theme::THEME_NAMES;
    use ratatui::style::Modifier;

    #[test]
    fn every_compiled_in_theme_parses_and_defines_every_style() {
        for name in THEME_NAMES {
            let text = BUILTIN.iter().find(|(n, _)| *n == name).unwrap().1;
            let mut theme = Theme::default();
            let defined = apply(&mut theme, text, &ThemeFile::Builtin(name)).unwrap();
            for style in STYLE_NAMES {
                assert!(defined.iter().any(|d| d == style), "{name} lacks {style}");
            }
            assert!(Theme::load(name, None, false).is_ok(), "{name}");
        }
    }

    #[test]
    fn meaning_survives_without_colour() {
        for name in THEME_NAMES {
            let colour = Theme::load(name, None, false).unwrap();
            let plain = Theme::load(name, None, true).unwrap();
            let (mut c, mut p) = (colour.clone(), plain.clone());
            for (c, p) in c.all_mut().into_iter().zip(p.all_mut()) {
                assert_eq!((p.fg, p.bg), (None, None), "{name}");
                assert_eq!(p.add_modifier, c.add_modifier, "{name}");
            }
            assert!(
                plain.selected.add_modifier.contains(Modifier::REVERSED),
                "{name}"
            );
            for (what, style) in [
                ("late", plain.late),
                ("due_soon", plain.due_soon),
                ("status_error", plain.status_error),
                ("banner", plain.banner),
                ("field_focus", plain.field_focus),
                ("field_error", plain.field_error),
                ("key_hint", plain.key_hint),
            ] {
                assert!(
                    !style.add_modifier.is_empty(),
                    "{name}: {what} has no modifier"
                );
            }
            assert_ne!(plain.late, plain.due_soon, "{name}");
            assert_ne!(plain.field_focus, plain.field_error, "{name}");
        }
    }

    #[test]
    fn unknown_themes_list_the_valid_ones() {
        let e = Theme::load("donker", None, false).unwrap_err();
        assert_eq!(
            e.message(Lang::En),
            "unknown theme 'donker' (valid: default, light, high-contrast)"
        );
    }

    #[test]
    fn bad_colours_and_styles_are_named() {
        let file = ThemeFile::Path("mine.toml".into());
        let mut t = Theme::default();
        let e = apply(&mut t, "[late]\nfg = \"redish\"\n", &file).unwrap_err();
        assert_eq!(
            e,
            ThemeError::BadColour {
                file: file.clone(),
                style: "late".into(),
                value: "redish".into()
            }
        );
        assert!(
            e.message(Lang::En)
                .contains("'redish' in late is not a colour")
        );
        for bad in ["#12345", "#12345g", "#1234567"] {
            let text = format!("[late]\nbg = \"{bad}\"\n");
            assert!(matches!(
                apply(&mut t, &text, &file),
                Err(ThemeError::BadColour { .. })
            ));
        }
        let e = apply(&mut t, "[late]\nmodifiers = [\"blink\"]\n", &file).unwrap_err();
        assert!(matches!(e, ThemeError::BadModifier { ref value, .. } if value == "blink"));
        let e = apply(&mut t, "[laat]\nfg = \"red\"\n", &file).unwrap_err();
        assert!(matches!(e, ThemeError::UnknownStyle { ref style, .. } if style == "laat"));
        let e = apply(&mut t, "[late]\ncolour = \"red\"\n", &file).unwrap_err();
        assert!(
            matches!(e, ThemeError::Syntax { line: Some(2), .. }),
            "{e:?}"
        );
    }

    #[test]
    fn colours_read_names_and_hex() {
        assert_eq!(parse_colour("Dark-Grey"), Some(Color::DarkGray));
        assert_eq!(parse_colour("light_blue"), Some(Color::LightBlue));
        assert_eq!(parse_colour("#ff8000"), Some(Color::Rgb(255, 128, 0)));
        assert_eq!(parse_colour("#FF8000"), Some(Color::Rgb(255, 128, 0)));
        assert_eq!(parse_colour("#ff80é0"), None);
        assert_eq!(parse_colour("12"), None);
    }

    #[test]
    fn a_file_in_the_config_folder_overrides_style_by_style() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("light.toml"),
            "[late]\nfg = \"#ff0000\"\nmodifiers = [\"underlined\"]\n",
        )
        .unwrap();
        let base = Theme::load("light", None, false).unwrap();
        let mine = Theme::load("light", Some(dir.path()), false).unwrap();
        assert_eq!(
            mine.late,
            Style::default()
                .fg(Color::Rgb(255, 0, 0))
                .add_modifier(Modifier::UNDERLINED)
        );
        assert_eq!(mine.selected, base.selected);
        // Other themes are untouched; a bad override is refused with its path.
        assert_eq!(
            Theme::load("default", Some(dir.path()), false).unwrap(),
            Theme::load("default", None, false).unwrap()
        );
        std::fs::write(dir.path().join("default.toml"), "[text]\nfg = \"paars\"\n").unwrap();
        let e = Theme::load("default", Some(dir.path()), false).unwrap_err();
        assert!(e.message(Lang::Nl).contains("default.toml"), "{e}");
    }
}
