//! Finding and reading deck files (`--content`, `pyquiz check`): only
//! regular files are read (a FIFO, device or socket is refused, never
//! waited on), each file once however many links lead to it, folders that
//! link back into themselves are read once, an unreadable subfolder is
//! reported and the rest loads, and no file larger than [`MAX_FILE_BYTES`]
//! is read. Paths are kept as the person gave them (a folder's files are
//! that folder joined with their relative path) for every message.

use std::collections::HashSet;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::error::BankError;

/// The largest deck file read: 64 MiB. A deck of 50 MB (about 270,000
/// cards) loads; a file past this is almost surely not a deck.
pub const MAX_FILE_BYTES: u64 = 64 << 20;

/// A deck file found under the paths given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// As the person would write it: the given path, or a given folder
    /// joined with the file's path inside it.
    pub path: PathBuf,
    /// Which given folder it was found in (an index into the paths
    /// given), or `None` for a file given directly.
    pub dir: Option<usize>,
}

/// What [`gather`] found, and what it passed over (one line each).
#[derive(Debug, Default)]
pub struct Gathered {
    pub files: Vec<Found>,
    pub warnings: Vec<String>,
}

fn shown(path: &Path) -> String {
    crate::display::escape_line(&path.display().to_string()).into_owned()
}

/// What a path is, when it is not a regular file or a folder.
fn special_kind(meta: &fs::Metadata) -> Option<&'static str> {
    let t = meta.file_type();
    (!t.is_file() && !t.is_dir()).then(|| crate::display::file_kind(t))
}

/// Finds the deck files under `paths`: each given file, and every `.md` or
/// `.markdown` file under each given folder (hidden ones left out, sorted
/// by path). A folder with no deck file is an error; anything passed over
/// inside a folder is a warning.
pub fn gather(paths: &[PathBuf]) -> Result<Gathered, BankError> {
    let mut out = Gathered::default();
    let mut seen_files: HashSet<PathBuf> = HashSet::new();
    let mut seen_dirs: HashSet<PathBuf> = HashSet::new();
    for (index, path) in paths.iter().enumerate() {
        let io = |source| BankError::Io {
            path: path.clone(),
            source,
        };
        let meta = fs::metadata(path).map_err(io)?;
        if let Some(what) = special_kind(&meta) {
            return Err(BankError::NotRegular {
                path: path.clone(),
                what,
            });
        }
        if meta.is_dir() {
            let canonical = fs::canonicalize(path).map_err(io)?;
            if seen_dirs.contains(&canonical) {
                out.warnings.push(format!(
                    "{}: given more than once; loaded once",
                    shown(path)
                ));
                continue;
            }
            let before = out.files.len();
            walk(path, index, &mut seen_files, &mut seen_dirs, &mut out, 0)?;
            if out.files.len() == before {
                return Err(BankError::EmptyDirectory { path: path.clone() });
            }
            continue;
        }
        let canonical = fs::canonicalize(path).map_err(io)?;
        if seen_files.insert(canonical) {
            out.files.push(Found {
                path: path.clone(),
                dir: None,
            });
        } else {
            out.warnings.push(format!(
                "{}: given more than once; loaded once",
                shown(path)
            ));
        }
    }
    Ok(out)
}

/// Folders nested deeper than this are not read (a link loop the
/// canonical paths did not catch, or a tree no deck needs).
const MAX_DEPTH: usize = 64;

fn walk(
    dir: &Path,
    index: usize,
    seen_files: &mut HashSet<PathBuf>,
    seen_dirs: &mut HashSet<PathBuf>,
    out: &mut Gathered,
    depth: usize,
) -> Result<(), BankError> {
    let canonical = match fs::canonicalize(dir) {
        Ok(c) => c,
        Err(e) => {
            if depth == 0 {
                return Err(BankError::Io {
                    path: dir.to_path_buf(),
                    source: e,
                });
            }
            out.warnings.push(format!("{}: {e}; skipped", shown(dir)));
            return Ok(());
        }
    };
    if !seen_dirs.insert(canonical) {
        if depth > 0 {
            out.warnings.push(format!(
                "{}: a link to a folder already read; skipped",
                shown(dir)
            ));
        }
        return Ok(());
    }
    if depth >= MAX_DEPTH {
        out.warnings
            .push(format!("{}: nested too deeply; skipped", shown(dir)));
        return Ok(());
    }
    let entries = fs::read_dir(dir).and_then(|rd| {
        rd.map(|e| e.map(|e| e.path()))
            .collect::<io::Result<Vec<PathBuf>>>()
    });
    let mut entries = match entries {
        Ok(e) => e,
        Err(e) if depth == 0 => {
            return Err(BankError::Io {
                path: dir.to_path_buf(),
                source: e,
            });
        }
        Err(e) => {
            out.warnings.push(format!("{}: {e}; skipped", shown(dir)));
            return Ok(());
        }
    };
    entries.sort();
    for path in entries {
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        let meta = match fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => {
                out.warnings.push(format!("{}: {e}; skipped", shown(&path)));
                continue;
            }
        };
        if meta.is_dir() {
            walk(&path, index, seen_files, seen_dirs, out, depth + 1)?;
            continue;
        }
        let is_deck = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
        if !is_deck {
            continue;
        }
        if let Some(what) = special_kind(&meta) {
            out.warnings.push(format!(
                "{}: {what}, not a regular file; skipped",
                shown(&path)
            ));
            continue;
        }
        let Ok(canonical) = fs::canonicalize(&path) else {
            continue;
        };
        if seen_files.insert(canonical) {
            out.files.push(Found {
                path,
                dir: Some(index),
            });
        }
    }
    Ok(())
}

/// Reads a deck file: a regular file of at most [`MAX_FILE_BYTES`].
pub fn read(path: &Path) -> Result<Vec<u8>, BankError> {
    let io = |source| BankError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Never wait on a FIFO that appeared after the check.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file: File = options.open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if let Some(what) = special_kind(&meta) {
        return Err(BankError::NotRegular {
            path: path.to_path_buf(),
            what,
        });
    }
    if meta.is_dir() {
        return Err(BankError::NotRegular {
            path: path.to_path_buf(),
            what: "a directory",
        });
    }
    let too_large = |size: u64| BankError::TooLarge {
        path: path.to_path_buf(),
        size,
        limit: MAX_FILE_BYTES,
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    // The length a file reports can be wrong (/proc, a file still growing):
    // read no more than the cap allows either way.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}
