//! Safety for mutating commands: who is about to be changed, the
//! confirmation, dry-run call listings, and the audit log of the run.

use reqwest::Method;
use url::Url;

use crate::audit::{Audit, Run};
use crate::config;
use crate::context::Context;
use crate::error::{clean, Error, Kind, Result};
use crate::okta::models::User;
use crate::output::or_dash;
use crate::prompt::{self, Answer};

impl Context {
    /// The identity card (name, login, status, department, manager) on
    /// stderr, shown at a terminal before a confirmation.
    pub fn show_identity(&self, user: &User) {
        if !self.out.term.interactive() || self.global.quiet {
            return;
        }
        let rows = [
            ("name", user.name()),
            ("login", user.login().to_string()),
            ("id", user.id.clone()),
            ("status", user.status.clone()),
            ("department", or_dash(&user.profile.department)),
            ("manager", or_dash(&user.profile.manager)),
        ];
        // Plain lines: the same at any terminal width.
        for (field, value) in rows {
            eprintln!("  {field:<11} {}", clean(&value));
        }
    }

    /// Ask before a change: `--yes` and `--dry-run` need no answer; at a
    /// terminal a yes/no question (default no, answered only with Enter,
    /// see [`crate::prompt`]); elsewhere exit 2.
    /// `what` names the change for the error: "resetting the password of x".
    pub fn confirm(&self, what: &str, prompt: &str) -> Result<()> {
        if self.global.yes || self.global.dry_run {
            return Ok(());
        }
        if !self.out.term.interactive() {
            return Err(Error::usage(format!(
                "{what} needs confirmation, and standard input is not a terminal"
            ))
            .hint("pass --yes to confirm, or --dry-run to see what would be sent"));
        }
        match prompt::confirm(prompt)? {
            Answer::Yes => Ok(()),
            Answer::No | Answer::Cancelled => Err(Error::failed("cancelled; nothing was changed")),
        }
    }

    /// Open the audit log for this run (before any change is sent).
    pub fn audit(&self, command: &str) -> Result<Audit> {
        let org = self.org()?;
        Audit::open_checked(Run {
            org: config::origin_text(&org),
            profile: self.profile().to_string(),
            command: command.to_string(),
            ticket: self.global.ticket.clone().filter(|t| !t.trim().is_empty()),
        })
    }

    /// Under `--dry-run`: say which call would be sent.
    pub fn would_send(&self, method: &Method, url: &Url) {
        self.out
            .status(&format!("dry run: would send {}", call_text(method, url)));
    }
}

/// `METHOD /path?query`.
pub fn call_text(method: &Method, url: &Url) -> String {
    match url.query() {
        Some(q) => format!("{method} {}?{q}", url.path()),
        None => format!("{method} {}", url.path()),
    }
}

/// A 403 on a help-desk call: name the role the token needs.
pub fn needs_role(e: Error, role: &str) -> Error {
    if e.kind != Kind::Permission {
        return e;
    }
    let mut e = e;
    e.hints
        .retain(|h| !h.starts_with("the token's admin lacks a role"));
    e.hints.insert(
        0,
        format!("the token's admin needs {role}; `oktactl check-perms --for passwords` shows what it holds"),
    );
    e
}

/// The role the lifecycle calls need.
pub const HELP_DESK: &str =
    "Help Desk Admin (HELP_DESK_ADMIN), or a Group Admin role covering the user's groups";
/// The role the System Log needs.
pub const REPORTS: &str = "Report Admin (REPORT_ADMIN)";
