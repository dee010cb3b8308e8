//! Opening the data directory's files so that pyquiz touches only what it
//! means to: no symbolic link is followed, and nothing but a regular file
//! is read or written (a FIFO or device is refused, never waited on).

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::Path;

use super::error::StoreError;

#[cfg(unix)]
fn no_follow(options: &mut OpenOptions) -> &mut OpenOptions {
    use std::os::unix::fs::OpenOptionsExt;
    // O_NONBLOCK: opening a FIFO must not wait for a writer or reader; it
    // changes nothing for a regular file.
    options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
}

#[cfg(not(unix))]
fn no_follow(options: &mut OpenOptions) -> &mut OpenOptions {
    options
}

/// What a path is, in words, when it is not a regular file.
fn kind_of(meta: &fs::Metadata) -> Option<&'static str> {
    (!meta.file_type().is_file()).then(|| crate::display::file_kind(meta.file_type()))
}

fn refuse(path: &Path, what: &'static str) -> StoreError {
    StoreError::NotRegular {
        path: path.to_path_buf(),
        what,
    }
}

/// Checks what `path` is before opening it: `Ok(false)` when it does not
/// exist, an error when it exists and is not a regular file.
fn check(path: &Path) -> Result<bool, StoreError> {
    match fs::symlink_metadata(path) {
        Ok(meta) => match kind_of(&meta) {
            None => Ok(true),
            Some(what) => Err(refuse(path, what)),
        },
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(StoreError::io("read", path, e)),
    }
}

/// Confirms that an opened file is a regular file (the path may have been
/// swapped between the check and the open).
fn confirm(file: &File, path: &Path) -> Result<(), StoreError> {
    let meta = file
        .metadata()
        .map_err(|e| StoreError::io("read", path, e))?;
    match kind_of(&meta) {
        None => Ok(()),
        Some(what) => Err(refuse(path, what)),
    }
}

fn open_error(action: &'static str, path: &Path, e: io::Error) -> StoreError {
    #[cfg(unix)]
    if e.raw_os_error() == Some(libc::ELOOP) {
        return refuse(path, "a symbolic link");
    }
    StoreError::io(action, path, e)
}

/// The log (or another data file) for reading; `None` when it does not exist.
pub fn open_log_for_reading(path: &Path) -> Result<Option<File>, StoreError> {
    if !check(path)? {
        return Ok(None);
    }
    let file = match no_follow(OpenOptions::new().read(true)).open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(open_error("open", path, e)),
    };
    confirm(&file, path)?;
    Ok(Some(file))
}

/// The log for appending, created if missing. Also says whether this call
/// created it (the directory then needs an fsync for the name to last).
pub fn open_log_for_append(path: &Path) -> Result<(File, bool), StoreError> {
    check(path)?;
    let created = match no_follow(OpenOptions::new().append(true).create_new(true)).open(path) {
        Ok(f) => Some(f),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => None,
        Err(e) => return Err(open_error("create", path, e)),
    };
    let (file, created) = match created {
        Some(f) => (f, true),
        None => (
            no_follow(OpenOptions::new().append(true))
                .open(path)
                .map_err(|e| open_error("open", path, e))?,
            false,
        ),
    };
    confirm(&file, path)?;
    Ok((file, created))
}

/// The lock file, read and write, created if missing.
pub fn open_lock(path: &Path) -> Result<File, StoreError> {
    check(path)?;
    let file = no_follow(
        OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false),
    )
    .open(path)
    .map_err(|e| open_error("open", path, e))?;
    confirm(&file, path)?;
    Ok(file)
}

/// Reads a whole data file that must be a regular file if it exists.
pub fn read_if_exists(path: &Path) -> Result<Option<Vec<u8>>, StoreError> {
    use std::io::Read;
    let Some(mut file) = open_log_for_reading(path)? else {
        return Ok(None);
    };
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)
        .map_err(|e| StoreError::io("read", path, e))?;
    Ok(Some(bytes))
}
