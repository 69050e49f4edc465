//! The parts keep their directions (issue 17 point 5). Every `crate::` path in the code of
//! `src/` (a `use crate::…` line, a grouped `use crate::{a, b}`, or a path written inline) is
//! read, and an import against the intended directions fails this test:
//!
//! - `domain` — the legal rules — imports nothing of the application: no app, ui, store, i18n,
//!   cli, headless, letters, config, demo, clock or terminal. Words are chosen in i18n, from the
//!   domain's types.
//! - `store` imports neither `app` nor `ui`: the register does not know the screens.
//! - `ui` imports no `store`: it shows what the app hands it.
//! - `app` imports no `ui`: the state machine does not know how it is drawn.
//!
//! Comments and string literals are skipped, so a doc line naming a module is no import.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The rules: a part (top-level module of `src/`), and the parts it must not import. `None`
/// for "every part but itself".
const RULES: &[(&str, Option<&[&str]>)] = &[
    ("domain", None),
    ("store", Some(&["app", "ui"])),
    ("ui", Some(&["store"])),
    ("app", Some(&["ui"])),
];

/// Imports against the directions that are allowed for now: (file, the path imported). Empty
/// since issue 17 (the ui reads a health view-model, the drivers hold the theme). A violation
/// not on it fails the test, and an entry that no longer occurs fails it too.
const KNOWN: &[(&str, &str)] = &[];

/// One `crate::` path found in a file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Import {
    file: String,
    line: usize,
    path: String,
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        panic!("cannot read {}", dir.display());
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The code of a file with comments and the contents of string and char literals blanked
/// (newlines kept, so line numbers stay).
fn code_only(text: &str) -> String {
    let b: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < b.len() {
                if b[i] == '/' && b.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if b[i] == '*' && b.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if b[i] == '\n' {
                        out.push('\n');
                    }
                    i += 1;
                }
            }
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && !ident_before(&b, i) {
            // A raw string r"…" or r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            out.push('"');
            while j < b.len() {
                if b[j] == '"' && (0..hashes).all(|h| b.get(j + 1 + h) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                if b[j] == '\n' {
                    out.push('\n');
                }
                j += 1;
            }
            out.push('"');
            i = j;
        } else if c == '"' {
            out.push('"');
            i += 1;
            while i < b.len() && b[i] != '"' {
                if b[i] == '\\' {
                    i += 1;
                }
                if b.get(i) == Some(&'\n') {
                    out.push('\n');
                }
                i += 1;
            }
            out.push('"');
            i += 1;
        } else if c == '\'' && b.get(i + 2) == Some(&'\'') {
            // A char literal such as '"' (a lifetime has no closing quote there).
            out.push_str("' '");
            i += 3;
        } else if c == '\'' && next == Some('\\') {
            // An escaped char literal: '\'', '\n', '\u{…}'.
            let mut j = i + 3;
            while j < b.len() && b[j] != '\'' {
                j += 1;
            }
            out.push_str("' '");
            i = j + 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn ident_before(b: &[char], i: usize) -> bool {
    i > 0 && (b[i - 1].is_alphanumeric() || b[i - 1] == '_')
}

/// Every `crate::…` path of a file's code, a grouped use expanded into its paths.
fn imports(file: &str, code: &str) -> Vec<Import> {
    let mut out = Vec::new();
    let chars: Vec<char> = code.chars().collect();
    let mut line = 1;
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '\n' {
            line += 1;
        }
        if starts_with(&chars, i, "crate::")
            && !ident_before(&chars, i)
            && !dollar_before(&chars, i)
        {
            let (paths, end) = path_at(&chars, i + "crate::".len());
            for p in paths {
                out.push(Import {
                    file: file.to_string(),
                    line,
                    path: format!("crate::{p}"),
                });
            }
            for c in &chars[i..end] {
                if *c == '\n' {
                    line += 1;
                }
            }
            i = end;
            continue;
        }
        i += 1;
    }
    out
}

fn dollar_before(b: &[char], i: usize) -> bool {
    i > 0 && b[i - 1] == '$'
}

fn starts_with(b: &[char], i: usize, s: &str) -> bool {
    s.chars().enumerate().all(|(k, c)| b.get(i + k) == Some(&c))
}

/// The path(s) starting at `i` (after `crate::`): `a::b::C`, or `a::{b, c::D}` expanded to
/// `a::b` and `a::c::D`. Returns them and where they end.
fn path_at(b: &[char], mut i: usize) -> (Vec<String>, usize) {
    let mut prefix = String::new();
    loop {
        while b.get(i).is_some_and(|c| c.is_whitespace()) {
            i += 1;
        }
        if b.get(i) == Some(&'{') {
            // A group: split at the commas of its own depth.
            i += 1;
            let mut out = Vec::new();
            loop {
                while b.get(i).is_some_and(|c| c.is_whitespace() || *c == ',') {
                    i += 1;
                }
                match b.get(i) {
                    None => return (out, i),
                    Some('}') => return (out, i + 1),
                    _ => {}
                }
                let (inner, end) = path_at(b, i);
                out.extend(inner.into_iter().map(|p| format!("{prefix}{p}")));
                if end == i {
                    i += 1;
                } else {
                    i = end;
                }
            }
        }
        let start = i;
        while b
            .get(i)
            .is_some_and(|c| c.is_alphanumeric() || *c == '_' || *c == '*')
        {
            i += 1;
        }
        if i == start {
            return (vec![prefix.trim_end_matches("::").to_string()], i);
        }
        prefix.extend(&b[start..i]);
        if starts_with(b, i, "::") {
            prefix.push_str("::");
            i += 2;
        } else {
            // `as Name` and the like end the path.
            return (vec![prefix], i);
        }
    }
}

/// The part (top-level module) a file of `src/` belongs to; `None` for `lib.rs` and `main.rs`.
fn part_of(rel: &str) -> Option<&str> {
    let rest = rel.strip_prefix("src/")?;
    let first = rest.split('/').next()?;
    let part = first.strip_suffix(".rs").unwrap_or(first);
    (part != "lib" && part != "main").then_some(part)
}

/// The part a `crate::` path names.
fn part_named(path: &str) -> &str {
    path.trim_start_matches("crate::")
        .split("::")
        .next()
        .unwrap_or("")
}

fn violates(from: &str, to: &str) -> bool {
    if from == to {
        return false;
    }
    RULES.iter().any(|(part, banned)| {
        *part == from
            && match banned {
                None => true,
                Some(list) => list.contains(&to),
            }
    })
}

fn all_imports() -> Vec<Import> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut out = Vec::new();
    for f in files {
        let rel = f
            .strip_prefix(root)
            .unwrap_or(&f)
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(&f).unwrap_or_else(|e| panic!("{rel}: {e}"));
        out.extend(imports(&rel, &code_only(&text)));
    }
    out
}

/// The top-level modules of the crate, read from `lib.rs`: a path naming none of them is not
/// a part (`crate::messages!` is a macro).
fn parts() -> BTreeSet<String> {
    let lib = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs"))
        .unwrap_or_else(|e| panic!("src/lib.rs: {e}"));
    lib.lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod "))
        .map(|m| m.trim_end_matches(';').to_string())
        .collect()
}

#[test]
fn no_part_imports_against_the_intended_directions() {
    let parts = parts();
    let imports = all_imports();
    assert!(
        imports.len() > 300,
        "the reader found only {} crate:: paths in src/: it no longer reads the code",
        imports.len()
    );
    let mut new = Vec::new();
    let mut known_seen = BTreeSet::new();
    for imp in &imports {
        let Some(from) = part_of(&imp.file) else {
            continue;
        };
        let to = part_named(&imp.path);
        if !parts.contains(to) || !violates(from, to) {
            continue;
        }
        match KNOWN.iter().find(|(f, p)| *f == imp.file && *p == imp.path) {
            Some(k) => {
                known_seen.insert(*k);
            }
            None => new.push(format!("{}:{}: {}", imp.file, imp.line, imp.path)),
        }
    }
    assert!(
        new.is_empty(),
        "imports against the directions (domain → nothing of the app; store ↛ app, ui; \
         ui ↛ store; app ↛ ui):\n{}",
        new.join("\n")
    );
    let gone: Vec<_> = KNOWN.iter().filter(|k| !known_seen.contains(*k)).collect();
    assert!(
        gone.is_empty(),
        "fixed, so take them off KNOWN in tests/architecture.rs: {gone:?}"
    );
}

#[test]
fn the_reader_sees_grouped_inline_and_aliased_paths_and_skips_comments_and_strings() {
    let code = code_only(
        "use crate::{app::{App, Mode}, store};\n\
         // use crate::ui::Nothing;\n\
         /// crate::cli in a doc line\n\
         let s = \"crate::headless in a string\";\n\
         let r = r#\"crate::terminal in a raw string\"#;\n\
         let c = '\"'; fn f() -> crate::i18n::Lang { crate::clock::now() }\n\
         use crate::letters::LetterKind as Kind;\n\
         $crate::i18n::fill(a, b);\n",
    );
    let found: Vec<String> = imports("src/domain/x.rs", &code)
        .into_iter()
        .map(|i| format!("{}:{}", i.line, i.path))
        .collect();
    assert_eq!(
        found,
        [
            "1:crate::app::App",
            "1:crate::app::Mode",
            "1:crate::store",
            "6:crate::i18n::Lang",
            "6:crate::clock::now",
            "7:crate::letters::LetterKind",
        ]
    );
    assert!(violates("domain", "i18n") && violates("domain", "letters"));
    assert!(violates("ui", "store") && violates("app", "ui") && violates("store", "app"));
    assert!(!violates("app", "store") && !violates("ui", "app") && !violates("i18n", "domain"));
    assert_eq!(part_of("src/domain/case/apply.rs"), Some("domain"));
    assert_eq!(part_of("src/domain.rs"), Some("domain"));
    assert_eq!(part_of("src/lib.rs"), None);
}
