//! `pyquiz export`: the filtered bank to stdout or a file (written
//! atomically) as Anki's text import, CSV, JSON or pyquiz's own Markdown.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::ValueEnum;

use crate::bank::Record;
use crate::cli::args::FilterArgs;
use crate::cli::env::Env;
use crate::cli::error::CliError;
use crate::cli::progress;
use crate::export;
use crate::store::{Access, Store};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Anki's text import (File > Import): HTML fields, tags, one deck.
    Anki,
    /// One row per card: the record's fields and its scheduling state.
    Csv,
    /// The bank records with a `progress` field (null for unseen cards).
    Json,
    /// One Markdown document in pyquiz's own layout (`--content` reads it back).
    Markdown,
}

/// What to write and where.
pub struct Request<'a> {
    pub format: Format,
    pub output: Option<&'a Path>,
    /// Anki deck name.
    pub deck: &'a str,
    /// Title of the Markdown document.
    pub title: &'a str,
}

pub fn run(
    env: &mut Env,
    filter: &FilterArgs,
    format: Format,
    output: Option<PathBuf>,
    deck: &str,
    title: &str,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let filter = env.filter(filter)?;
    let store = &env.store(Access::ReadOnly)?;
    let request = &Request {
        format,
        output: output.as_deref(),
        deck,
        title,
    };
    // Not over the export itself when it goes to this terminal.
    let _indicator = (output.is_some() || !env.stdout_terminal)
        .then(|| progress::start(format!("exporting as {format:?}").to_lowercase()));
    let records: Vec<&Record> = env.bank.filtered(&filter).collect();
    let path = match request.output {
        Some(p) if p.as_os_str() != "-" => p,
        _ => return Ok(write(&records, store, request, out)?),
    };
    let failed = |source: std::io::Error| CliError::Output {
        path: path.to_path_buf(),
        source,
    };
    match target(path).map_err(failed)? {
        Target::Stream(p) => {
            // A device, FIFO or terminal: written to, never replaced.
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(&p)
                .map_err(failed)?;
            let mut w = std::io::BufWriter::new(file);
            write(&records, store, request, &mut w)
                .and_then(|()| w.flush())
                .map_err(failed)?;
        }
        Target::Replace(p) => {
            replace(&p, |w| write(&records, store, request, w)).map_err(failed)?
        }
    }
    Ok(())
}

/// Where an export goes.
enum Target {
    /// A regular file (or none yet) at this path: replaced atomically.
    Replace(std::path::PathBuf),
    /// Something that is not a regular file: opened and written to.
    Stream(std::path::PathBuf),
}

/// Follows a symbolic link to what it names (a link is written through,
/// not replaced), and tells a regular file from a device or FIFO.
fn target(path: &Path) -> std::io::Result<Target> {
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        let meta = match std::fs::symlink_metadata(&p) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Target::Replace(p)),
            Err(e) => return Err(e),
        };
        let kind = meta.file_type();
        if kind.is_symlink() {
            let link = std::fs::read_link(&p)?;
            p = match p.parent() {
                Some(dir) => dir.join(link),
                None => link,
            };
            continue;
        }
        if kind.is_dir() {
            return Err(std::io::Error::other("it is a directory"));
        }
        return Ok(if kind.is_file() {
            Target::Replace(p)
        } else {
            Target::Stream(p)
        });
    }
    Err(std::io::Error::other("too many levels of symbolic links"))
}

/// Writes into a temporary file beside `path`, then renames it over
/// `path`: an interrupted export never leaves half a file. A file that
/// was there keeps its permissions.
fn replace(
    path: &Path,
    body: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    #[cfg_attr(not(unix), allow(unused_mut))]
    let mut builder = tempfile::Builder::new();
    // A new export is readable as the umask allows, like any file the
    // shell creates (a temporary file alone would be 0600).
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut file = builder.tempfile_in(dir).map_err(|e| {
        // Name the path asked for (the caller does), not the temporary one.
        let message = e.to_string();
        let message = message.split(" at path ").next().unwrap_or(&message);
        std::io::Error::new(e.kind(), message.to_string())
    })?;
    {
        let mut w = std::io::BufWriter::new(file.as_file_mut());
        body(&mut w)?;
        w.flush()?;
    }
    if let Ok(meta) = std::fs::metadata(path) {
        file.as_file().set_permissions(meta.permissions())?;
    }
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

fn write(
    records: &[&Record],
    store: &Store,
    request: &Request,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match request.format {
        Format::Anki => export::anki::write(records, request.deck, out),
        Format::Csv => export::write_csv(records, store, out),
        Format::Json => export::write_json(records, store, out),
        Format::Markdown => export::write_markdown(records, request.title, out),
    }
}
