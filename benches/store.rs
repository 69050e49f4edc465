//! One durable save (validate, journal append + `sync_data`, sled transaction) beside its
//! floor: a bare append + `sync_data` of a line of the same size, in the same run and folder.
//! Target: a save costs at most 1.5× the bare append.
#![allow(clippy::unwrap_used)]

use std::fs::OpenOptions;
use std::io::Write;
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use privdesk::domain::case::{Channel, Child, Relation, RequestFacts, Requester};
use privdesk::domain::{CaseId, CaseKind, Event};
use privdesk::store::{OpenOptions as StoreOptions, Store, journal::JOURNAL_FILE};

fn verzoek(id: CaseId) -> Event {
    let date = |s: &str| s.parse::<NaiveDate>().unwrap();
    Event::Registered {
        case: id,
        request: RequestFacts {
            kind: CaseKind::Inzage,
            received: date("2026-11-20"),
            channel: Channel::Email,
            requester: Requester {
                name: "Anna Jansen".into(),
                relation: Relation::OuderMetGezag,
                contact: "anna@example.org".into(),
                address: String::new(),
                salutation: None,
            },
            child: Child {
                name: "Kind Jansen".into(),
                birth_date: date("2020-05-01"),
            },
            notes: String::new(),
            regime: Default::default(),
            reply: None,
        },
    }
}

fn bench(c: &mut Criterion) {
    let now: DateTime<Utc> = "2026-11-23T09:00:00Z".parse().unwrap();
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let reg = dir.path().join("reg");
    let opts = StoreOptions {
        create: Some(false),
        now,
        cli_user: Some("Bench Gebruiker".into()),
        config_user: None,
    };
    let mut store = Store::open(&reg, &opts).unwrap();
    let event = verzoek(CaseId::provisional(CaseKind::Inzage));
    let id = store.save_seen(vec![event], &[], now).unwrap().assigned[0];
    let text = std::fs::read_to_string(reg.join(JOURNAL_FILE)).unwrap();
    let line_len = text.lines().last().unwrap().len() + 1;

    let bare = dir.path().join("bare.jsonl");
    let mut f = OpenOptions::new()
        .create(true)
        .append(true)
        .open(&bare)
        .unwrap();
    let mut line = vec![b'x'; line_len - 1];
    line.push(b'\n');

    // The disk of a shared machine drifts by several times within a minute, so the two are
    // measured interleaved: each timed save is paired with an untimed bare append and the other
    // way round, so both see the same disk.
    let mut g = c.benchmark_group("durable");
    g.sample_size(30);
    let save = |store: &mut Store| {
        let event = verzoek(CaseId::provisional(CaseKind::Inzage));
        store.save(vec![event], now).unwrap();
    };
    let append = |f: &mut std::fs::File| {
        f.write_all(&line).unwrap();
        f.sync_data().unwrap();
    };
    g.bench_function("store_save", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                append(&mut f);
                let t = Instant::now();
                save(&mut store);
                total += t.elapsed();
            }
            total
        })
    });
    g.bench_function(format!("bare_append_sync_data_{line_len}B"), |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                save(&mut store);
                let t = Instant::now();
                append(&mut f);
                total += t.elapsed();
            }
            total
        })
    });
    g.finish();

    // Where a save's time goes beyond the fsync.
    let mut parts = c.benchmark_group("parts");
    let case = store.case(id).unwrap().unwrap();
    let working = privdesk::store::working::Working::open(&dir.path().join("sled2")).unwrap();
    let mut seq = 0;
    parts.bench_function("sled_write_one_case", |b| {
        b.iter(|| {
            seq += 1;
            // The line index entry of the change's line, as a save writes it.
            let lines = privdesk::store::working::line_index_of(
                seq * 400,
                &[Event::Viewed {
                    case: CaseId::new('V', 2026, seq as u32),
                }],
            );
            working
                .write(
                    seq,
                    privdesk::store::journal::ZERO_HASH,
                    std::slice::from_ref(&case),
                    &lines,
                )
                .unwrap()
        })
    });
    let events = vec![verzoek(id)];
    parts.bench_function("encode_and_hash_line", |b| {
        b.iter(|| {
            privdesk::store::journal::encode_line(
                7,
                &now,
                "Bench Gebruiker",
                &events,
                3,
                privdesk::store::journal::ZERO_HASH,
            )
            .unwrap()
        })
    });
    parts.bench_function("summary_of", |b| {
        b.iter(|| privdesk::domain::Summary::of(&case))
    });
    parts.bench_function("fold_registration", |b| {
        b.iter(|| {
            privdesk::store::working::fold_change(9, now, "u", &events, true, &mut |_| Ok(None))
                .unwrap()
        })
    });
    parts.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
