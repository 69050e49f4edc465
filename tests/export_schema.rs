//! The published JSON Schema of `export json` (issue 24): `schema/export.schema.json` is the one
//! generated from the export's types, and every export of the demo validates against it,
//! datalekken with their breach register (AVG 33(5)).
//!
//! After changing the export's types: `UPDATE_SCHEMA=1 cargo test --test export_schema`.
#![allow(clippy::unwrap_used)]

mod common;
use common::{Run, privdesk_cmd};
use std::path::{Path, PathBuf};

use privdesk::cli::export_json::schema;
use privdesk::demo;
use privdesk::store::{OpenOptions, Store};
use serde_json::Value;

fn schema_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/export.schema.json")
}

fn published() -> Value {
    serde_json::from_str(&std::fs::read_to_string(schema_path()).unwrap()).unwrap()
}

#[test]
fn the_published_schema_is_the_one_the_types_give() {
    let generated = serde_json::to_string_pretty(&schema()).unwrap() + "\n";
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(schema_path(), &generated).unwrap();
    }
    let kept = std::fs::read_to_string(schema_path()).unwrap();
    assert_eq!(
        kept, generated,
        "schema/export.schema.json is stale: UPDATE_SCHEMA=1 cargo test --test export_schema"
    );
}

/// The demo register, seeded at `today` 09:00 Amsterdam, exported by the binary.
fn demo_export(today: &str) -> Value {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("demo");
    let now = demo::amsterdam_instant(today.parse().unwrap(), 9, 0).unwrap();
    let opts = OpenOptions {
        create: Some(true),
        now,
        cli_user: None,
        config_user: None,
    };
    let mut store = Store::open(&db, &opts).unwrap();
    demo::seed(&mut store, now).unwrap();
    drop(store);
    let o = privdesk_cmd::<&str>(None, &[])
        .arg("--db")
        .arg(&db)
        .args(["--now", &format!("{today}T10:00"), "export", "json"])
        .env("PRIVDESK_CONFIG", "/dev/null")
        .run();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).unwrap()
}

fn validator() -> jsonschema::Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(&published())
        .unwrap()
}

#[test]
fn every_demo_export_validates_against_the_published_schema() {
    let validator = validator();
    // The demo at different days of the year (its cases are dated around the clock's today).
    for today in ["2026-11-23", "2027-03-29", "2026-07-01"] {
        let export = demo_export(today);
        let errors: Vec<String> = validator
            .iter_errors(&export)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{today}: {errors:#?}");
        let cases = export["cases"].as_array().unwrap();
        let breaches: Vec<&Value> = cases
            .iter()
            .filter(|c| c["kind"] == "datalek")
            .map(|c| &c["breach"])
            .collect();
        assert!(!breaches.is_empty(), "the demo has datalekken");
        assert!(breaches.iter().all(|b| b.is_object()));
        // The breach register's fields are there, answered for some.
        assert!(
            breaches.iter().any(|b| b["risk"].is_string()),
            "{breaches:#?}"
        );
        assert!(breaches.iter().all(|b| b.get("ap_notification").is_some()));
        assert!(
            cases
                .iter()
                .filter(|c| c["kind"] != "datalek")
                .all(|c| c["breach"].is_null())
        );
    }
}

#[test]
fn the_schema_refuses_what_the_export_never_writes() {
    let validator = validator();
    let export = demo_export("2026-11-23");
    let mut unknown = export.clone();
    unknown["cases"][0]["extra"] = Value::Bool(true);
    assert!(!validator.is_valid(&unknown));
    let mut bad_kind = export.clone();
    bad_kind["cases"][0]["kind"] = Value::String("klacht".into());
    assert!(!validator.is_valid(&bad_kind));
    let mut missing = export;
    missing["cases"][0]
        .as_object_mut()
        .unwrap()
        .remove("breach");
    assert!(!validator.is_valid(&missing));
}
