//! Where pyquiz keeps what it can always make again from its inputs (the
//! parsed-bank cache, the answer index): the platform cache directory,
//! `~/.cache/pyquiz` on Linux. `PYQUIZ_CACHE_DIR` moves it, and
//! `PYQUIZ_CACHE_DIR=` with an empty value turns caching off.

use std::hash::Hasher;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The cache directory, or `None` when caching is off or the platform has
/// none.
pub fn dir() -> Option<PathBuf> {
    match std::env::var_os("PYQUIZ_CACHE_DIR") {
        Some(dir) if dir.is_empty() => None,
        Some(dir) => Some(PathBuf::from(dir)),
        None => {
            directories::ProjectDirs::from("", "", "pyquiz").map(|d| d.cache_dir().to_path_buf())
        }
    }
}

/// Writes `payload` and its checksum to `path` through a temporary file
/// in the same folder, so that a reader sees the old file or the new one,
/// never part of one. Best effort: returns whether it was written.
pub fn write_checked(path: &Path, payload: &[u8]) -> bool {
    let Some(dir) = path.parent() else {
        return false;
    };
    if std::fs::create_dir_all(dir).is_err() {
        return false;
    }
    let Ok(mut tmp) = tempfile::Builder::new()
        .prefix(".cache.")
        .suffix(".tmp")
        .tempfile_in(dir)
    else {
        return false;
    };
    let written = {
        let mut w = std::io::BufWriter::new(tmp.as_file_mut());
        w.write_all(payload).is_ok()
            && w.write_all(&checksum(payload).to_le_bytes()).is_ok()
            && w.flush().is_ok()
    };
    written && tmp.persist(path).is_ok()
}

/// What [`write_checked`] wrote to `path`, if the file is there whole and
/// unchanged (a cache file cut short or garbled reads as none).
pub fn read_checked(path: &Path) -> Option<Vec<u8>> {
    let mut bytes = std::fs::read(path).ok()?;
    let at = bytes.len().checked_sub(8)?;
    let stored = u64::from_le_bytes(bytes[at..].try_into().ok()?);
    bytes.truncate(at);
    (checksum(&bytes) == stored).then_some(bytes)
}

/// A 64-bit hash of the whole payload (about 10 ms for 50 MB).
fn checksum(bytes: &[u8]) -> u64 {
    let mut h = rustc_hash::FxHasher::with_seed(0x2545_f491_4f6c_dd1d);
    h.write(bytes);
    h.finish()
}

/// A value [`write_bincode`] wrote to `path`, if the file is whole, its
/// leading format number (a `u32`, the value's first field) is `format`,
/// and it decodes; every length in it is bounded by the file's size.
pub fn read_bincode<T: serde::de::DeserializeOwned>(path: &Path, format: u32) -> Option<T> {
    use bincode::Options;
    let bytes = read_checked(path)?;
    // The format number leads, so that another format is told apart
    // before its bytes are read as this one's.
    let found: u32 = bincode::deserialize(bytes.get(..4)?).ok()?;
    if found != format {
        return None;
    }
    bincode::options()
        .with_fixint_encoding()
        .allow_trailing_bytes()
        .with_limit(bytes.len() as u64)
        .deserialize(&bytes)
        .ok()
}

/// Writes `value` (whose first field is its format number) for
/// [`read_bincode`]. Best effort: returns whether it was written.
pub fn write_bincode<T: serde::Serialize>(path: &Path, value: &T) -> bool {
    bincode::serialize(value).is_ok_and(|payload| write_checked(path, &payload))
}
