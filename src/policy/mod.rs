//! The local policy (`policy.toml`): rules every change must pass, judged
//! in the change gate before anything is sent or shown as a dry run.
//!
//! The file's shape is fixed (scripts and other tools write it):
//! `[verification] required_for, window, allow_skip`; `[protect] admins,
//! groups`; `[cooldown] COMMAND = "SPAN"`; `[ticket] required_for, pattern`;
//! `[grant] allow, deny`; and `[mcp] tools, confirm, budget`, used by
//! `oktactl mcp`. No file: no rule, the behaviour without a policy.
//!
//! The policy is a guardrail for the people and programs that use this
//! tool, not a boundary against them: whoever runs oktactl can point it at
//! another file. Every audit line names the file its decision came from.

pub mod commands;
mod cooldown;
pub mod duration;
mod file;
mod history;
mod judge;
mod parse;
mod protect;
mod sections;
mod values;

use std::path::{Path, PathBuf};

use jiff::SignedDuration;
use regex::Regex;

use crate::audit::{Decision, PolicyMark};
pub use file::{checked, load, locate, read, Chosen, Location, ENV, MAX_BYTES};
pub use judge::{Judge, Subject};
pub use parse::{parse, Problem};

/// The default `verification.window`.
pub const DEFAULT_WINDOW_MINUTES: i64 = 15;

/// A value and the line of the file that set it (`None`: the default).
#[derive(Debug, Clone)]
pub struct Sourced<T> {
    pub value: T,
    pub line: Option<usize>,
}

impl<T> Sourced<T> {
    fn default(value: T) -> Self {
        Sourced { value, line: None }
    }
}

/// A regular expression as written, and compiled.
#[derive(Debug, Clone)]
pub struct Pattern {
    pub text: String,
    pub regex: Regex,
}

/// How `oktactl mcp` confirms a change: by asking the person at the
/// client (`elicit`), or by this policy alone (`policy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    Elicit,
    Policy,
}

impl Confirm {
    pub fn as_str(self) -> &'static str {
        match self {
            Confirm::Elicit => "elicit",
            Confirm::Policy => "policy",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Verification {
    pub required_for: Sourced<Vec<&'static str>>,
    pub window: Sourced<SignedDuration>,
    pub allow_skip: Sourced<bool>,
}

#[derive(Debug, Clone)]
pub struct Protect {
    pub admins: Sourced<bool>,
    /// Exact group names (compared without regard to case).
    pub groups: Sourced<Vec<String>>,
}

#[derive(Debug, Clone)]
pub struct Cooldown {
    pub command: &'static str,
    pub every: Sourced<SignedDuration>,
}

#[derive(Debug, Clone)]
pub struct Ticket {
    pub required_for: Sourced<Vec<&'static str>>,
    pub pattern: Sourced<Option<Pattern>>,
}

#[derive(Debug, Clone)]
pub struct Grant {
    pub allow: Sourced<Vec<Pattern>>,
    pub deny: Sourced<Vec<Pattern>>,
}

/// Reserved for `oktactl mcp` (the agent mode): read and checked here,
/// acted on there.
#[derive(Debug, Clone)]
pub struct Mcp {
    /// The tools it offers; `None`: its own default.
    pub tools: Sourced<Option<Vec<String>>>,
    pub confirm: Sourced<Confirm>,
    pub per_user_per_hour: Sourced<Option<u32>>,
    pub global_per_hour: Sourced<Option<u32>>,
}

/// The effective policy of one file.
#[derive(Debug, Clone)]
pub struct Policy {
    pub file: PathBuf,
    pub verification: Verification,
    pub protect: Protect,
    pub cooldown: Vec<Cooldown>,
    pub ticket: Ticket,
    pub grant: Grant,
    pub mcp: Mcp,
}

/// Why a rule refused a change (or could not be checked).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// `protect.admins`, `cooldown.reset-mfa`, …: the key in the file.
    pub rule: String,
    pub reason: String,
    pub hints: Vec<String>,
}

/// The policy's answer for one change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Allowed; with the rule that could not be checked, if one could not.
    Allow(Option<Finding>),
    Refuse(Finding),
}

impl Policy {
    /// Every rule off: the values a file that sets nothing has.
    pub fn defaults(file: &Path) -> Policy {
        Policy {
            file: file.to_path_buf(),
            verification: Verification {
                required_for: Sourced::default(Vec::new()),
                window: Sourced::default(SignedDuration::from_mins(DEFAULT_WINDOW_MINUTES)),
                allow_skip: Sourced::default(false),
            },
            protect: Protect {
                admins: Sourced::default(false),
                groups: Sourced::default(Vec::new()),
            },
            cooldown: Vec::new(),
            ticket: Ticket {
                required_for: Sourced::default(Vec::new()),
                pattern: Sourced::default(None),
            },
            grant: Grant {
                allow: Sourced::default(Vec::new()),
                deny: Sourced::default(Vec::new()),
            },
            mcp: Mcp {
                tools: Sourced::default(None),
                confirm: Sourced::default(Confirm::Elicit),
                per_user_per_hour: Sourced::default(None),
                global_per_hour: Sourced::default(None),
            },
        }
    }

    /// The window within which a verification must precede `command`, when
    /// the policy requires one for it (`verification.required_for`).
    pub fn verification_required(&self, command: &str) -> Option<SignedDuration> {
        let c = commands::find(command)?;
        self.verification
            .required_for
            .value
            .contains(&c.name)
            .then_some(self.verification.window.value)
    }

    /// Whether `--skip-verification --reason` is allowed
    /// (`verification.allow_skip`).
    pub fn allow_skip(&self) -> bool {
        self.verification.allow_skip.value
    }

    /// The least time between two runs of `command` for one user.
    pub fn cooldown_of(&self, command: &str) -> Option<SignedDuration> {
        let c = commands::find(command)?;
        self.cooldown
            .iter()
            .find(|k| k.command == c.name)
            .map(|k| k.every.value)
    }

    /// The ticket rules, judged before anything is sent: a command in
    /// `ticket.required_for` needs a ticket, and a ticket given to any
    /// change (a command the table does not know too) must match
    /// `ticket.pattern`. Exempt commands pass.
    pub fn ticket_refusal(&self, command: &str, ticket: Option<&str>) -> Option<Finding> {
        if commands::exempt(command) {
            return None;
        }
        let required = commands::find(command)
            .is_some_and(|c| self.ticket.required_for.value.contains(&c.name));
        let ticket = ticket.map(str::trim).filter(|t| !t.is_empty());
        let file = self.file.display();
        match ticket {
            None if required => Some(Finding {
                rule: "ticket.required_for".into(),
                reason: format!(
                    "{} needs a ticket, and none was given",
                    commands::of(command).name
                ),
                hints: vec![
                    "pass --ticket ID, or set OKTACTL_TICKET".into(),
                    format!("the policy file {file} lists the commands that need one"),
                ],
            }),
            Some(t) => {
                let p = self.ticket.pattern.value.as_ref()?;
                (!p.regex.is_match(t)).then(|| Finding {
                    rule: "ticket.pattern".into(),
                    reason: format!("the ticket '{t}' does not match the pattern {}", p.text),
                    hints: vec![format!(
                        "give the ticket as the policy file {file} asks ({})",
                        p.text
                    )],
                })
            }
            None => None,
        }
    }

    /// What the audit lines of a change record about this policy's verdict.
    pub fn mark(&self, verdict: &Verdict) -> PolicyMark {
        let (decision, finding) = match verdict {
            Verdict::Allow(f) => (Decision::Allow, f.as_ref()),
            Verdict::Refuse(f) => (Decision::Refuse, Some(f)),
        };
        PolicyMark {
            decision,
            rule: finding.map(|f| f.rule.clone()),
            reason: finding.map(|f| f.reason.clone()),
            file: self.file.display().to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(text: &str) -> Policy {
        parse(text, Path::new("p.toml")).unwrap()
    }

    #[test]
    fn verification_and_cooldown_by_any_spelling() {
        let p = policy(
            "[verification]\nrequired_for = [\"reset-mfa\", \"sessions clear\"]\nwindow = \"10m\"\nallow_skip = true\n[cooldown]\nreset_mfa = \"24h\"\n",
        );
        assert_eq!(
            p.verification_required("reset-mfa"),
            Some(SignedDuration::from_mins(10))
        );
        assert_eq!(
            p.verification_required("sessions-clear"),
            Some(SignedDuration::from_mins(10))
        );
        assert_eq!(p.verification_required("unlock"), None);
        assert!(p.allow_skip());
        assert_eq!(
            p.cooldown_of("reset-mfa"),
            Some(SignedDuration::from_hours(24))
        );
        assert_eq!(p.cooldown_of("unlock"), None);
        assert!(!Policy::defaults(Path::new("x")).allow_skip());
    }

    #[test]
    fn tickets() {
        let p = policy("[ticket]\nrequired_for = [\"reset-mfa\"]\npattern = \"^HD-[0-9]+$\"\n");
        let rule = |c: &str, t: Option<&str>| p.ticket_refusal(c, t).map(|f| f.rule);
        assert_eq!(
            rule("reset-mfa", None).as_deref(),
            Some("ticket.required_for")
        );
        assert_eq!(
            rule("reset-mfa", Some("  ")).as_deref(),
            Some("ticket.required_for")
        );
        assert_eq!(rule("reset-mfa", Some("HD-12")), None);
        assert_eq!(
            rule("reset-mfa", Some("hd-12")).as_deref(),
            Some("ticket.pattern")
        );
        assert_eq!(rule("unlock", None), None);
        assert_eq!(
            rule("grant", Some("JIRA-1")).as_deref(),
            Some("ticket.pattern")
        );
        assert_eq!(rule("auth logout", Some("JIRA-1")), None, "exempt");
        assert_eq!(
            rule("some-new-verb", Some("JIRA-1")).as_deref(),
            Some("ticket.pattern")
        );
        assert_eq!(rule("some-new-verb", None), None);
    }

    #[test]
    fn marks() {
        let p = Policy::defaults(Path::new("/etc/p.toml"));
        let m = p.mark(&Verdict::Allow(None));
        assert_eq!(m.decision, Decision::Allow);
        assert_eq!((m.rule, m.reason), (None, None));
        let f = Finding {
            rule: "protect.admins".into(),
            reason: "r".into(),
            hints: vec![],
        };
        let m = p.mark(&Verdict::Refuse(f));
        assert_eq!(m.decision, Decision::Refuse);
        assert_eq!(m.rule.as_deref(), Some("protect.admins"));
        assert_eq!(m.file, "/etc/p.toml");
    }
}
