//! A letter's template: the compiled-in Markdown, or the override
//! `<config_dir>/letters/<letter>.<lang>.md` when one exists.

use std::path::{Path, PathBuf};

use super::{LetterError, LetterKind};
use crate::i18n::Lang;

/// A template's text and the name its errors carry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Template {
    /// The override's path, or the built-in file name.
    pub name: String,
    /// The minijinja source.
    pub source: String,
}

impl Template {
    /// The compiled-in template.
    pub fn builtin(kind: LetterKind, lang: Lang) -> Template {
        Template {
            name: super::template_file_name(kind, lang),
            source: super::builtin(kind, lang).to_string(),
        }
    }

    /// The override `<dir>/<letter>.<lang>.md` when it exists, else the built-in template.
    /// `dir` is [`override_dir`] in the app, a temporary folder in tests.
    pub fn resolve(
        kind: LetterKind,
        lang: Lang,
        dir: Option<&Path>,
    ) -> Result<Template, LetterError> {
        let Some(dir) = dir else {
            return Ok(Template::builtin(kind, lang));
        };
        let file = dir.join(super::template_file_name(kind, lang));
        match std::fs::read_to_string(&file) {
            Ok(source) => Ok(Template {
                name: file.display().to_string(),
                source,
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Template::builtin(kind, lang)),
            Err(e) => Err(LetterError::TemplateRead {
                file,
                detail: e.to_string(),
            }),
        }
    }
}

/// The folder of override templates: `letters/` in privdesk's config folder.
pub fn override_dir() -> Option<PathBuf> {
    crate::config::config_dir().map(|d| d.join("letters"))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use minijinja::Environment;
    #[test]
    fn every_builtin_template_parses() {
        let env = Environment::new();
        for k in LetterKind::ALL {
            for lang in [Lang::Nl, Lang::En] {
                let t = Template::builtin(k, lang);
                env.template_from_named_str(&t.name, &t.source).unwrap();
            }
        }
    }
}
