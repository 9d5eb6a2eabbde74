//! The lock held while a watch runs (`lockouts.cursor.lock`, `flock`):
//! a second watch of the same org and profile would show every lock-out
//! twice.

use std::fs::File;
use std::path::Path;

use super::cursor::private_dir;
use crate::error::{Error, Result};

/// Held until dropped (or the process ends).
pub struct Held {
    _file: File,
}

/// Take the lock, or say who holds it (exit 2). Where the platform has no
/// `flock` (not Unix), nothing is locked.
pub fn hold(path: &Path) -> Result<Held> {
    let lock_path = path.with_extension("cursor.lock");
    let dir = path.parent().unwrap_or(Path::new("."));
    let failed =
        |e: std::io::Error| Error::failed(format!("cannot lock {}: {e}", lock_path.display()));
    private_dir(dir).map_err(failed)?;
    let mut opts = std::fs::OpenOptions::new();
    opts.create(true).truncate(false).write(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    let file = opts.open(&lock_path).map_err(failed)?;
    #[cfg(unix)]
    {
        use rustix::fs::{flock, FlockOperation};
        match flock(&file, FlockOperation::NonBlockingLockExclusive) {
            Ok(()) => {}
            Err(rustix::io::Errno::WOULDBLOCK) => {
                return Err(Error::usage(format!(
                    "another `oktactl lockouts --watch` or `--once` is running for this org and profile ({} is locked)",
                    lock_path.display()
                ))
                .hint("stop it first, or wait for the --once run to end; two watches would show each lock-out twice"))
            }
            Err(e) => return Err(failed(e.into())),
        }
    }
    Ok(Held { _file: file })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_second_holder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lockouts.cursor");
        let held = hold(&path).unwrap();
        assert_eq!(hold(&path).err().unwrap().exit_code(), 2);
        drop(held);
        assert!(hold(&path).is_ok());
    }
}
