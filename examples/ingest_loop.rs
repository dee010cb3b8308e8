//! Ingests the embedded content in a loop on one thread; for profiling
//! (`perf record target/release/examples/ingest_loop 200`).
fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(200);
    let mut total = 0;
    for _ in 0..n {
        let files = pyquiz::bank::content::EMBEDDED
            .iter()
            .map(|(n, b)| (*n, *b));
        let bank =
            pyquiz::bank::Bank::from_files_sequential(files).expect("embedded content loads");
        total += bank.records.len();
    }
    println!("{total}");
}
