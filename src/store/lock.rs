//! One writer per data directory: an exclusive lock on progress.lock,
//! which also holds the writer's process id for the refusal message.

use std::fs::{File, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;

use super::error::StoreError;

pub const LOCK_FILE: &str = "progress.lock";

/// Held for as long as the store is open for writing; dropping it unlocks.
#[derive(Debug)]
pub struct WriterLock {
    _file: File,
}

pub fn acquire(dir: &Path) -> Result<WriterLock, StoreError> {
    let path = dir.join(LOCK_FILE);
    // Never through a link, never anything but a regular file: a lock
    // file pointed elsewhere would have its target overwritten.
    let mut file = super::files::open_lock(&path)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            let mut text = String::new();
            let _ = file.read_to_string(&mut text);
            return Err(StoreError::Locked {
                dir: dir.to_path_buf(),
                pid: text.trim().parse().ok(),
                lock: path,
            });
        }
        Err(TryLockError::Error(e)) => return Err(StoreError::io("lock", &path, e)),
    }
    let pid = std::process::id();
    let written = file
        .set_len(0)
        .and_then(|()| file.seek(SeekFrom::Start(0)))
        .and_then(|_| writeln!(file, "{pid}"));
    // A lock file we cannot write the pid into still locks.
    let _ = written;
    Ok(WriterLock { _file: file })
}
