//! Where the policy file is, and reading it: `--policy FILE`, else
//! `$OKTACTL_POLICY`, else `policy.toml` beside the config file. A file
//! named by the flag or the variable must exist; the one beside the config
//! file is optional. At most 1 MiB is read.

use std::io::{ErrorKind, Read};
use std::path::{Path, PathBuf};

use super::{parse, Policy};
use crate::config;
use crate::error::{Error, Result};

pub const ENV: &str = "OKTACTL_POLICY";
pub const MAX_BYTES: u64 = 1 << 20;
/// Problems quoted in the error of a command whose policy is not valid.
const SHOWN_PROBLEMS: usize = 3;

/// How the file was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chosen {
    Flag,
    Env,
    /// `policy.toml` beside the config file.
    ConfigDir,
    /// Named on the command line of `policy check`.
    Argument,
}

impl Chosen {
    pub fn as_str(self) -> &'static str {
        match self {
            Chosen::Flag => "--policy",
            Chosen::Env => ENV,
            Chosen::ConfigDir => "the config directory",
            Chosen::Argument => "the command line",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Location {
    pub path: PathBuf,
    pub chosen: Chosen,
}

/// The policy file to use: the flag, else the environment, else the default.
pub fn locate(flag: Option<&Path>) -> Result<Location> {
    if let Some(p) = flag.filter(|p| !p.as_os_str().is_empty()) {
        return Ok(Location {
            path: p.to_path_buf(),
            chosen: Chosen::Flag,
        });
    }
    if let Some(p) = std::env::var_os(ENV).filter(|p| !p.is_empty()) {
        return Ok(Location {
            path: PathBuf::from(p),
            chosen: Chosen::Env,
        });
    }
    let cfg = config::config_path()?;
    let dir = cfg.parent().unwrap_or_else(|| Path::new(""));
    Ok(Location {
        path: dir.join("policy.toml"),
        chosen: Chosen::ConfigDir,
    })
}

/// The file's text; `None` when the default file does not exist.
pub fn read(loc: &Location) -> Result<Option<String>> {
    let path = &loc.path;
    let shown = path.display();
    let bad = |why: String| {
        Error::usage(format!("the policy file {shown} {why}")).hint(format!(
            "fix it, or name another with --policy FILE or {ENV}"
        ))
    };
    // Look before opening: opening a FIFO would block.
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == ErrorKind::NotFound && loc.chosen == Chosen::ConfigDir => {
            return Ok(None)
        }
        Err(e) if e.kind() == ErrorKind::NotFound => {
            return Err(bad(format!(
                "(from {}) does not exist",
                loc.chosen.as_str()
            )))
        }
        Err(e) => return Err(bad(format!("cannot be read: {e}"))),
    };
    if !meta.is_file() {
        return Err(bad("is not a regular file".into()));
    }
    if meta.len() > MAX_BYTES {
        return Err(bad(format!("is larger than {} KiB", MAX_BYTES >> 10)));
    }
    let file = std::fs::File::open(path).map_err(|e| bad(format!("cannot be read: {e}")))?;
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| bad(format!("cannot be read: {e}")))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(bad(format!("is larger than {} KiB", MAX_BYTES >> 10)));
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| bad("is not UTF-8 text".into()))
}

/// The policy in force: `None` when there is no file. A file that is not
/// valid stops every change (exit 2), naming its first problems.
pub fn load(flag: Option<&Path>) -> Result<Option<Policy>> {
    let loc = locate(flag)?;
    match read(&loc)? {
        Some(text) => checked(&text, &loc.path).map(Some),
        None => Ok(None),
    }
}

/// The policy a file's text holds; exit 2 naming the first problems.
pub fn checked(text: &str, path: &Path) -> Result<Policy> {
    parse(text, path).map_err(|problems| {
        let shown = path.display();
        let mut e = Error::usage(format!(
            "the policy file {shown} is not valid ({} problem{}); nothing was changed",
            problems.len(),
            if problems.len() == 1 { "" } else { "s" }
        ));
        for p in problems.iter().take(SHOWN_PROBLEMS) {
            e = e.hint(format!("{shown}:{}:{}: {}", p.line, p.column, p.message));
        }
        e.hint(format!(
            "`oktactl policy check {shown}` lists every problem"
        ))
    })
}
