//! Ingesting all embedded content, next to a bare pulldown-cmark pass over
//! the same bytes (the yardstick: ingestion ≤ 3× the bare parse). Ingestion
//! parses files in parallel; the one-thread variant shows the work itself.
//! The bank is kept for the whole of a session, so freeing it is not timed
//! (`iter_with_large_drop`).

use criterion::{Criterion, criterion_group, criterion_main};
use pyquiz::bank::{Bank, content::EMBEDDED};
use std::hint::black_box;

fn bare_pulldown(c: &mut Criterion) {
    c.bench_function("bare pulldown-cmark pass over embedded content", |b| {
        b.iter(|| {
            let mut events = 0usize;
            for (_, bytes) in EMBEDDED {
                let text = std::str::from_utf8(bytes).expect("embedded content is UTF-8");
                events += pulldown_cmark::Parser::new(black_box(text)).count();
            }
            events
        })
    });
}

fn ingest(c: &mut Criterion) {
    c.bench_function(
        "ingest embedded content (decode, repair, parse, normalize)",
        |b| {
            b.iter_with_large_drop(|| {
                Bank::from_files(EMBEDDED.iter().map(|(n, bytes)| (*n, black_box(*bytes))))
                    .expect("loads")
            })
        },
    );
}

fn ingest_one_thread(c: &mut Criterion) {
    c.bench_function("ingest embedded content on one thread", |b| {
        b.iter_with_large_drop(|| {
            Bank::from_files_sequential(EMBEDDED.iter().map(|(n, bytes)| (*n, black_box(*bytes))))
                .expect("loads")
        })
    });
}

criterion_group!(benches, bare_pulldown, ingest, ingest_one_thread);
criterion_main!(benches);
