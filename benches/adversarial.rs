//! Adversarial inputs (tests/common/adversarial.rs) at 1 MB and 4 MB:
//! ingestion time per shape, and the peak heap it allocates per MB of
//! input (a counting allocator), printed once per shape and size. Linear
//! parsing shows as time and memory per MB staying flat from 1 to 4 MB.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use pyquiz::bank::Bank;

#[path = "../tests/common/adversarial.rs"]
mod adversarial;

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator; only counts bytes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = CURRENT.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            let grow = new_size - layout.size();
            let now = CURRENT.fetch_add(grow, Ordering::Relaxed) + grow;
            PEAK.fetch_max(now, Ordering::Relaxed);
        } else {
            CURRENT.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn ingest(bytes: &[u8]) -> usize {
    Bank::from_files([("hostile.md", bytes)]).map_or(0, |b| b.records.len())
}

fn adversarial(c: &mut Criterion) {
    let mut group = c.benchmark_group("adversarial");
    group.sample_size(10);
    // `cargo test --all-targets` runs each bench once, unoptimized: small
    // inputs there; the sizes measured under `cargo bench`.
    let benching = std::env::args().any(|a| a == "--bench");
    let sizes: &[(usize, &str)] = if benching {
        &[(1 << 20, "1 MB"), (4 << 20, "4 MB")]
    } else {
        &[(64 << 10, "64 KB")]
    };
    for (name, make) in adversarial::SHAPES {
        for &(size, label) in sizes {
            let bytes = make(size);
            let base = CURRENT.load(Ordering::Relaxed);
            PEAK.store(base, Ordering::Relaxed);
            let cards = ingest(&bytes);
            let peak = PEAK.load(Ordering::Relaxed) - base;
            eprintln!(
                "{name} at {label} ({} bytes, {cards} cards): peak heap {:.1} MB per input MB",
                bytes.len(),
                peak as f64 / bytes.len() as f64
            );
            group.bench_with_input(BenchmarkId::new(*name, label), &bytes, |b, bytes| {
                b.iter(|| ingest(black_box(bytes)))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, adversarial);
criterion_main!(benches);
