//! Reading and writing the config file safely: a size cap, a regular file
//! only, private to its owner (Unix, as ssh does), a private directory.

use std::io::Read;
use std::path::Path;

use super::MAX_CONFIG_BYTES;
use crate::error::{Error, Result};

/// The config file's bytes, `None` when there is none. Refused (exit 2):
/// not a regular file, larger than [`MAX_CONFIG_BYTES`], or not private.
pub(super) fn read_private(path: &Path) -> Result<Option<Vec<u8>>> {
    let shown = path.display();
    let cannot = |e: std::io::Error| Error::usage(format!("cannot read config file {shown}: {e}"));
    let not_file = || {
        Error::usage(format!("config file {shown} is not a regular file"))
            .hint("set OKTACTL_CONFIG to a file, or remove what is there")
    };
    let too_big = || {
        Error::usage(format!(
            "config file {shown} is larger than {} MiB, the most read",
            MAX_CONFIG_BYTES / (1024 * 1024)
        ))
        .hint("it holds only profiles (org URLs): remove the rest, or the file")
    };
    // Look before opening: opening a FIFO would wait for a writer.
    match std::fs::metadata(path) {
        Ok(m) if !m.is_file() => return Err(not_file()),
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(cannot(e)),
    }
    let file = std::fs::File::open(path).map_err(cannot)?;
    // The checks apply to the file opened, not to a name that may change.
    let meta = file.metadata().map_err(cannot)?;
    if !meta.is_file() {
        return Err(not_file());
    }
    check_private(path, &meta)?;
    if meta.len() > MAX_CONFIG_BYTES {
        return Err(too_big());
    }
    let mut bytes = Vec::new();
    file.take(MAX_CONFIG_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > MAX_CONFIG_BYTES {
        return Err(too_big());
    }
    Ok(Some(bytes))
}

/// As ssh does with its files: a config that someone else can write (group
/// or others, or another owner than you or root) could point a profile at
/// another server, so it is refused.
#[cfg(unix)]
fn check_private(path: &Path, meta: &std::fs::Metadata) -> Result<()> {
    use std::os::unix::fs::MetadataExt;
    let shown = path.display();
    let mode = meta.mode() & 0o777;
    if mode & 0o022 != 0 {
        let who = match (mode & 0o020 != 0, mode & 0o002 != 0) {
            (true, true) => "group and others",
            (true, false) => "group",
            _ => "others",
        };
        return Err(Error::usage(format!(
            "config file {shown} is writable by {who} (mode {mode:03o}), so it is not used: whoever can edit it could point a profile at another server"
        ))
        .hint(format!("chmod 600 {shown}")));
    }
    let me = rustix::process::geteuid().as_raw();
    if meta.uid() != me && meta.uid() != 0 {
        return Err(Error::usage(format!(
            "config file {shown} belongs to another user (uid {}), so it is not used",
            meta.uid()
        ))
        .hint("set OKTACTL_CONFIG to a file of your own, or take it over with chown"));
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_private(_path: &Path, _meta: &std::fs::Metadata) -> Result<()> {
    Ok(())
}

/// Create the config directory (and its parents) private to the user.
pub(super) fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}
