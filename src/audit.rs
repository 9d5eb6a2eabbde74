//! The audit log: one JSON line per change made or tried, appended with a
//! single write so concurrent writers (other runs, worker threads) never
//! interleave inside a line. Never a token, reset URL or temporary password.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::{Error, Result};

/// An open, writable audit log and the fields every line of one run shares.
/// `record` takes `&self`, so worker threads can share one `Audit`.
#[derive(Debug)]
pub struct Audit {
    path: PathBuf,
    file: File,
    operator: String,
    org: String,
    profile: String,
    command: String,
    ticket: Option<String>,
}

/// What one line says about one change.
#[derive(Debug, Clone, Default)]
pub struct Entry<'a> {
    pub user_id: Option<&'a str>,
    pub user: Option<&'a str>,
    pub group: Option<&'a str>,
    pub result: &'a str,
    pub request_id: Option<&'a str>,
}

#[derive(Serialize)]
struct Line<'a> {
    time: String,
    operator: &'a str,
    org: &'a str,
    profile: &'a str,
    command: &'a str,
    user_id: Option<&'a str>,
    user: Option<&'a str>,
    group: Option<&'a str>,
    result: &'a str,
    ticket: Option<&'a str>,
    request_id: Option<&'a str>,
}

/// The fixed fields of a run.
#[derive(Debug, Clone)]
pub struct Run {
    pub org: String,
    pub profile: String,
    pub command: String,
    pub ticket: Option<String>,
}

/// `$OKTACTL_AUDIT_LOG`, else `audit.log` under the platform state directory
/// (the local data directory where the platform has no state directory).
pub fn path() -> Result<PathBuf> {
    if let Some(p) = std::env::var_os("OKTACTL_AUDIT_LOG").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    let dirs = directories::ProjectDirs::from("", "", "oktactl").ok_or_else(|| {
        Error::usage("cannot find a directory for the audit log (no home directory)")
            .hint("set OKTACTL_AUDIT_LOG to the path of the audit log")
    })?;
    let dir = dirs.state_dir().unwrap_or_else(|| dirs.data_local_dir());
    Ok(dir.join("audit.log"))
}

/// The OS account running the tool, asked of the OS (environment variables
/// such as USER are easy to set to anything); the environment only as a fallback.
pub fn operator() -> String {
    whoami::username()
        .ok()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .or_else(|| {
            ["USER", "USERNAME", "LOGNAME"]
                .iter()
                .filter_map(|v| std::env::var(v).ok())
                .map(|s| s.trim().to_string())
                .find(|s| !s.is_empty())
        })
        .unwrap_or_else(|| "unknown".into())
}

impl Audit {
    /// Create the directory and open the log for appending, before any change
    /// is made: a log that cannot be written fails the command up front.
    pub fn open_checked(run: Run) -> Result<Audit> {
        let path = path()?;
        let file = open_append(&path).map_err(|e| {
            Error::failed(format!(
                "cannot write the audit log {}: {e}; nothing was changed",
                path.display()
            ))
            .hint("fix the file's permissions, or set OKTACTL_AUDIT_LOG to a writable path")
        })?;
        Ok(Audit {
            path,
            file,
            operator: operator(),
            org: run.org,
            profile: run.profile,
            command: run.command,
            ticket: run.ticket,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Append one line with one `write_all` on an append-mode file.
    pub fn record(&self, e: &Entry<'_>) -> Result<()> {
        let line = Line {
            time: jiff::Timestamp::now().to_string(),
            operator: &self.operator,
            org: &self.org,
            profile: &self.profile,
            command: &self.command,
            user_id: e.user_id,
            user: e.user,
            group: e.group,
            result: e.result,
            ticket: self.ticket.as_deref(),
            request_id: e.request_id,
        };
        let mut text = serde_json::to_vec(&line)
            .map_err(|err| Error::failed(format!("cannot encode an audit line: {err}")))?;
        text.push(b'\n');
        (&self.file).write_all(&text).map_err(|err| {
            Error::failed(format!(
                "the change was made, but writing the audit log {} failed: {err}",
                self.path.display()
            ))
        })
    }
}

fn open_append(path: &Path) -> std::io::Result<File> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut opts = OpenOptions::new();
    opts.append(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    opts.open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_whole_json_objects() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("audit.log");
        let file = open_append(&path).unwrap();
        let audit = Audit {
            path: path.clone(),
            file,
            operator: "op".into(),
            org: "https://acme.okta.com".into(),
            profile: "default".into(),
            command: "unlock".into(),
            ticket: Some("T-1".into()),
        };
        let entry = Entry {
            user_id: Some("00u1"),
            user: Some("a@x.com"),
            result: "unlocked",
            request_id: Some("req"),
            ..Entry::default()
        };
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| {
                    for _ in 0..25 {
                        audit.record(&entry).unwrap();
                    }
                });
            }
        });
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().count(), 100);
        for line in text.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            assert_eq!(v["ticket"], "T-1");
            assert!(v["group"].is_null());
        }
    }
}
