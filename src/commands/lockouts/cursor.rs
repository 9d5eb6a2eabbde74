//! Where a watch is in the System Log: `lockouts.cursor` in the state
//! directory, one per org and profile, written whole (a temporary file,
//! synced, renamed over it) after every event delivered, so a restart
//! neither misses nor repeats one. Only the `after` value of Okta's next
//! link is kept (the link itself was checked to be on the org's origin),
//! never a URL: the file cannot send the token anywhere.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use url::Url;

use crate::error::{Error, Result};
use crate::okta::logs::MAX_CURSOR;

/// Event ids remembered: far more than one page of lock-outs holds.
pub const SEEN: usize = 256;
/// The largest cursor file read.
const MAX_FILE: u64 = 64 * 1024;
const VERSION: u32 = 1;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Cursor {
    pub version: u32,
    /// The org's origin and the profile the cursor belongs to.
    pub org: String,
    pub profile: String,
    /// The `after` of the last next link: the next poll asks from there.
    pub after: Option<String>,
    /// Where a watch starts (RFC 3339) until Okta gives a cursor.
    pub since: Option<String>,
    /// The newest `published` delivered (else the start): where to resume
    /// should Okta refuse the saved `after`.
    pub watermark: Option<String>,
    /// The ids of the latest events delivered, newest last.
    pub seen: VecDeque<String>,
    /// When the file was written.
    pub saved: Option<String>,
}

impl Cursor {
    /// A cursor that starts at `since`.
    pub fn starting(org: &str, profile: &str, since: &str) -> Cursor {
        Cursor {
            version: VERSION,
            org: org.to_string(),
            profile: profile.to_string(),
            since: Some(since.to_string()),
            watermark: Some(since.to_string()),
            ..Cursor::default()
        }
    }

    pub fn delivered(&self, id: &str) -> bool {
        self.seen.iter().any(|s| s == id)
    }

    pub fn remember(&mut self, id: &str, published: Option<&str>) {
        self.seen.push_back(id.to_string());
        while self.seen.len() > SEEN {
            self.seen.pop_front();
        }
        if let Some(p) = published {
            self.watermark = Some(p.to_string());
        }
    }

    /// Anything a hand or a bad disk could have put there that the watch
    /// must not send or trust.
    fn check(&self, org: &str, profile: &str) -> std::result::Result<(), String> {
        if self.version != VERSION {
            return Err(format!("version {} is not {VERSION}", self.version));
        }
        if self.org != org || self.profile != profile {
            return Err(format!(
                "it belongs to org {} profile {}",
                self.org, self.profile
            ));
        }
        let bad_text =
            |s: &str| s.is_empty() || s.len() > MAX_CURSOR || s.chars().any(char::is_control);
        if self.after.as_deref().is_some_and(bad_text) {
            return Err("its cursor is not one Okta gave".into());
        }
        for t in [&self.since, &self.watermark].into_iter().flatten() {
            t.parse::<jiff::Timestamp>()
                .map_err(|_| format!("'{t}' is not an RFC 3339 time"))?;
        }
        if self.after.is_none() && self.since.is_none() {
            return Err("it has neither a cursor nor a start".into());
        }
        if self.seen.len() > SEEN || self.seen.iter().any(|s| bad_text(s)) {
            return Err("its list of events delivered is not one oktactl wrote".into());
        }
        Ok(())
    }
}

/// `lockouts.cursor` of the org and profile: under the platform's state
/// directory (the local data directory where there is none), in
/// `watch/<host[_port]>/<profile>/`, names escaped so that none can climb.
pub fn path(org: &Url, profile: &str) -> Result<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "oktactl").ok_or_else(|| {
        Error::usage("cannot find a state directory for the watch cursor (no home directory)")
            .hint("set HOME (or XDG_STATE_HOME)")
    })?;
    let base = dirs.state_dir().unwrap_or_else(|| dirs.data_local_dir());
    let host = match org.port() {
        Some(p) => format!("{}_{p}", org.host_str().unwrap_or("org")),
        None => org.host_str().unwrap_or("org").to_string(),
    };
    Ok(base
        .join("watch")
        .join(escape(&host))
        .join(escape(profile))
        .join("lockouts.cursor"))
}

/// Letters, digits, `-`, `_` and `.` kept (a leading `.` escaped), the rest `%XX`.
fn escape(name: &str) -> String {
    let mut out = String::new();
    for (i, b) in name.bytes().enumerate() {
        let keep = b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || (b == b'.' && i > 0);
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    if out.is_empty() {
        out.push_str("%00");
    }
    out
}

fn unusable(path: &Path, why: impl std::fmt::Display) -> Error {
    Error::usage(format!("the watch cursor {} cannot be used: {why}", path.display()))
        .hint("start afresh with --from-now (lock-outs since the last run are then not shown), or remove the file")
}

/// The saved cursor, if any.
pub fn load(path: &Path, org: &str, profile: &str) -> Result<Option<Cursor>> {
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(unusable(path, e)),
    };
    let meta = file.metadata().map_err(|e| unusable(path, e))?;
    if !meta.is_file() || meta.len() > MAX_FILE {
        return Err(unusable(path, "not a regular file of at most 64 KiB"));
    }
    let mut text = String::new();
    file.take(MAX_FILE)
        .read_to_string(&mut text)
        .map_err(|e| unusable(path, e))?;
    let cursor: Cursor = serde_json::from_str(&text).map_err(|e| unusable(path, e))?;
    cursor
        .check(org, profile)
        .map_err(|why| unusable(path, why))?;
    Ok(Some(cursor))
}

/// Write the cursor whole: a new temporary file (random name, created
/// exclusively, mode 0600) in the same directory, synced, renamed over it.
pub fn save(path: &Path, cursor: &Cursor) -> Result<()> {
    let failed = |e: std::io::Error| {
        Error::failed(format!("cannot write the watch cursor {}: {e}", path.display()))
            .hint("free space or fix the directory's permissions; the watch stopped so that no lock-out is shown twice")
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    private_dir(dir).map_err(failed)?;
    let mut saved = cursor.clone();
    saved.saved = Some(jiff::Timestamp::now().to_string());
    let text = serde_json::to_vec(&saved).map_err(|e| Error::failed(e.to_string()))?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".lockouts.").suffix(".tmp");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o600));
    let mut tmp = builder.tempfile_in(dir).map_err(failed)?;
    tmp.write_all(&text)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(failed)?;
    tmp.persist(path).map_err(|e| failed(e.error))?;
    Ok(())
}

pub(super) fn private_dir(dir: &Path) -> std::io::Result<()> {
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    b.create(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_cannot_climb() {
        assert_eq!(escape("default"), "default");
        assert_eq!(escape(".."), "%2E.");
        assert_eq!(escape("a/b"), "a%2Fb");
        assert_eq!(escape(""), "%00");
        let org = Url::parse("http://127.0.0.1:8080").unwrap();
        let p = path(&org, "../x").unwrap();
        assert!(
            p.ends_with("watch/127.0.0.1_8080/%2E.%2Fx/lockouts.cursor"),
            "{p:?}"
        );
    }

    #[test]
    fn round_trip_and_refusals() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a").join("lockouts.cursor");
        let org = "https://acme.okta.com";
        assert!(load(&path, org, "default").unwrap().is_none());
        let mut c = Cursor::starting(org, "default", "2026-11-30T08:00:00Z");
        for i in 0..300 {
            c.remember(&format!("e{i}"), Some("2026-11-30T08:01:00.000Z"));
        }
        c.after = Some("1764489660000_1".into());
        save(&path, &c).unwrap();
        let back = load(&path, org, "default").unwrap().unwrap();
        assert_eq!(back.after.as_deref(), Some("1764489660000_1"));
        assert_eq!(back.seen.len(), SEEN);
        assert!(back.delivered("e299") && !back.delivered("e0"));
        assert_eq!(load(&path, org, "other").unwrap_err().exit_code(), 2);
        assert_eq!(
            load(&path, "https://evil.okta.com", "default")
                .unwrap_err()
                .exit_code(),
            2
        );
        std::fs::write(&path, "{not json").unwrap();
        assert_eq!(load(&path, org, "default").unwrap_err().exit_code(), 2);
        c.after = Some("a\u{1b}b".into());
        std::fs::write(&path, serde_json::to_vec(&c).unwrap()).unwrap();
        assert!(load(&path, org, "default").is_err());
    }
}
