//! The audit log: JSON lines, two per change sharing a `change_id`: an
//! intent line before the request is sent and an outcome line after it. An
//! interrupted or killed run leaves an intent without an outcome: evidence
//! that a change may have happened. Each line is appended with a single
//! write, so concurrent writers (other runs, worker threads) never
//! interleave inside a line. Never a token, reset URL, temporary password
//! or code.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rand_core::{OsRng, RngCore};
use serde::Serialize;

use crate::error::{Error, Result};

/// An open, writable audit log and the fields every line of one run shares.
/// Its methods take `&self`, so worker threads can share one `Audit`.
#[derive(Debug)]
pub struct Audit {
    path: PathBuf,
    file: File,
    operator: String,
    org: String,
    profile: String,
    command: String,
    ticket: Option<String>,
    channel: Channel,
    /// How a change that takes something away was confirmed, once it was
    /// (`oktactl mcp`: `elicitation` or `policy`).
    confirmed: Mutex<Option<&'static str>>,
}

/// Where the changes of a run were asked for: `cli` (a person or script
/// at this command line), or `mcp` (an agent), with the MCP client's name
/// and version and the person the agent acts for. Beside the OS account
/// (`operator`), which for an agent is the account running the server.
#[derive(Debug, Clone)]
pub struct Channel {
    pub name: &'static str,
    pub client: Option<String>,
    pub client_version: Option<String>,
    pub requester: Option<String>,
}

impl Channel {
    pub fn cli() -> Channel {
        Channel {
            name: "cli",
            client: None,
            client_version: None,
            requester: None,
        }
    }
}

/// Who or what a change is about.
#[derive(Debug, Clone, Copy, Default)]
pub struct Subject<'a> {
    pub user_id: Option<&'a str>,
    pub user: Option<&'a str>,
    pub group: Option<&'a str>,
}

#[derive(Serialize)]
struct Line<'a> {
    time: String,
    phase: &'a str,
    change_id: &'a str,
    operator: &'a str,
    org: &'a str,
    profile: &'a str,
    command: &'a str,
    channel: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    client: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    client_version: Option<&'a str>,
    /// Who asked an agent for the change (`oktactl mcp`).
    #[serde(skip_serializing_if = "Option::is_none")]
    requester: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    confirmed: Option<&'static str>,
    ticket: Option<&'a str>,
    user_id: Option<&'a str>,
    user: Option<&'a str>,
    group: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    call: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    outcome: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    request_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
    /// What was read back after the change (reset-mfa: the factors that went).
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: Option<&'a str>,
    /// The local policy's decision; null when there is no policy file.
    policy: Option<&'a PolicyMark>,
}

/// What the local policy decided about a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Allow,
    Refuse,
}

/// The `policy` field of an audit line: the decision, the rule that made
/// it (or, when allowed, the rule that could not be checked) and why, and
/// the policy file it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PolicyMark {
    pub decision: Decision,
    pub rule: Option<String>,
    pub reason: Option<String>,
    pub file: String,
}

/// What an outcome line says besides the subject.
#[derive(Debug, Clone, Copy, Default)]
pub struct Said<'a> {
    pub outcome: &'a str,
    pub request_id: Option<&'a str>,
    pub error: Option<&'a str>,
    pub detail: Option<&'a str>,
}

/// A fresh id for one change: time-ordered, with 64 random bits.
pub fn new_change_id() -> String {
    let ms = jiff::Timestamp::now().as_millisecond();
    format!("c-{ms:x}-{:016x}", OsRng.next_u64())
}

/// The fixed fields of a run.
#[derive(Debug, Clone)]
pub struct Run {
    pub org: String,
    pub profile: String,
    pub command: String,
    pub ticket: Option<String>,
    pub channel: Channel,
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
            channel: run.channel,
            confirmed: Mutex::new(None),
        })
    }

    /// How the run's change was confirmed, for the lines written after.
    pub fn confirmed(&self, how: &'static str) {
        if let Ok(mut c) = self.confirmed.lock() {
            *c = Some(how);
        }
    }

    /// A change refused before anything was sent, not by the policy
    /// (`oktactl mcp`: bad arguments, a budget spent, a confirmation
    /// declined or impossible): as `refused`, without a policy mark.
    pub fn refusal(&self, subject: Subject<'_>, call: Option<&str>, error: &str) -> Result<()> {
        let change_id = new_change_id();
        self.write(self.line("intent", &change_id, subject, call))?;
        let said = Said {
            outcome: "refused",
            error: Some(error),
            ..Said::default()
        };
        self.outcome(&change_id, subject, said, None)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The intent line, written before the call is sent: when it cannot be
    /// written, the change must not be sent.
    pub fn intent(
        &self,
        change_id: &str,
        subject: Subject<'_>,
        call: &str,
        policy: Option<&PolicyMark>,
    ) -> Result<()> {
        let mut line = self.line("intent", change_id, subject, Some(call));
        line.policy = policy;
        self.write(line)
    }

    /// The outcome line of a change whose intent was written.
    pub fn outcome(
        &self,
        change_id: &str,
        subject: Subject<'_>,
        said: Said<'_>,
        policy: Option<&PolicyMark>,
    ) -> Result<()> {
        let mut line = self.line("outcome", change_id, subject, None);
        line.outcome = Some(said.outcome);
        line.request_id = said.request_id;
        line.error = said.error;
        line.detail = said.detail;
        line.policy = policy;
        self.write(line)
    }

    /// A change the policy refused, never sent: an intent line (with the
    /// call it would have been, when there was one) and an outcome line
    /// `refused`, both carrying the refusal. A refusal of the whole run
    /// (the ticket rules) has no subject and no call.
    pub fn refused(
        &self,
        change_id: &str,
        subject: Subject<'_>,
        call: Option<&str>,
        error: &str,
        policy: &PolicyMark,
    ) -> Result<()> {
        let mut line = self.line("intent", change_id, subject, call);
        line.policy = Some(policy);
        self.write(line)?;
        let said = Said {
            outcome: "refused",
            error: Some(error),
            ..Said::default()
        };
        self.outcome(change_id, subject, said, Some(policy))
    }

    fn line<'a>(
        &'a self,
        phase: &'a str,
        change_id: &'a str,
        subject: Subject<'a>,
        call: Option<&'a str>,
    ) -> Line<'a> {
        Line {
            time: jiff::Timestamp::now().to_string(),
            phase,
            change_id,
            operator: &self.operator,
            org: &self.org,
            profile: &self.profile,
            command: &self.command,
            channel: self.channel.name,
            client: self.channel.client.as_deref(),
            client_version: self.channel.client_version.as_deref(),
            requester: self.channel.requester.as_deref(),
            confirmed: self.confirmed.lock().ok().and_then(|c| *c),
            ticket: self.ticket.as_deref(),
            user_id: subject.user_id,
            user: subject.user,
            group: subject.group,
            call,
            outcome: None,
            request_id: None,
            error: None,
            detail: None,
            policy: None,
        }
    }

    /// Append one line with one `write_all` on an append-mode file.
    fn write(&self, line: Line<'_>) -> Result<()> {
        let mut text = serde_json::to_vec(&line)
            .map_err(|err| Error::failed(format!("cannot encode an audit line: {err}")))?;
        text.push(b'\n');
        (&self.file).write_all(&text).map_err(|err| {
            Error::failed(format!(
                "cannot write the audit log {}: {err}",
                self.path.display()
            ))
            .hint("free space or fix the file's permissions, or set OKTACTL_AUDIT_LOG to a writable path")
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
            channel: Channel::cli(),
            confirmed: Mutex::new(None),
        };
        let subject = Subject {
            user_id: Some("00u1"),
            user: Some("a@x.com"),
            group: None,
        };
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| {
                    for _ in 0..25 {
                        let id = new_change_id();
                        audit.intent(&id, subject, "POST /x", None).unwrap();
                        let said = Said {
                            outcome: "unlocked",
                            request_id: Some("req"),
                            ..Said::default()
                        };
                        audit.outcome(&id, subject, said, None).unwrap();
                    }
                });
            }
        });
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().count(), 200);
        let mut open = std::collections::HashSet::new();
        for line in text.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            assert_eq!(v["ticket"], "T-1");
            assert_eq!(v["channel"], "cli");
            assert!(v.get("requester").is_none(), "only for agents");
            assert!(v["group"].is_null());
            assert!(v["policy"].is_null(), "present and null without a policy");
            assert!(v.as_object().unwrap().contains_key("policy"));
            let id = v["change_id"].as_str().unwrap().to_string();
            match v["phase"].as_str().unwrap() {
                "intent" => assert!(open.insert(id)),
                _ => assert!(open.remove(&id)),
            }
        }
        assert!(open.is_empty());
    }
}
