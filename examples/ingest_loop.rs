//! Ingests the embedded content in a loop; for profiling (`perf record`).
fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(200);
    let mut total = 0;
    for _ in 0..n {
        let bank = pyquiz::bank::Bank::from_files(
            pyquiz::bank::content::EMBEDDED
                .iter()
                .map(|(n, b)| (*n, *b)),
        )
        .expect("embedded content loads");
        total += bank.records.len();
    }
    println!("{total}");
}
