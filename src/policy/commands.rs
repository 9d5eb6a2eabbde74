//! The commands a policy can name, and what each rule means for them: which
//! changes `protect` covers, which take a `[grant]` check, which may require
//! verification, and the System Log events a cooldown looks for.

/// One command that changes users, as the audit log's `command` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Command {
    pub name: &'static str,
    /// A credential, session or lifecycle change: `protect` covers it.
    pub protected: bool,
    /// A membership change: `[grant] allow`/`deny` judge its group.
    pub membership: bool,
    /// May be named in `verification.required_for` (it takes `--verify`).
    pub verifiable: bool,
    /// The System Log event types of the change done, for a cooldown.
    /// Empty: judged from the local audit log only.
    pub events: &'static [&'static str],
}

const fn change(name: &'static str, events: &'static [&'static str]) -> Command {
    Command {
        name,
        protected: true,
        membership: false,
        verifiable: false,
        events,
    }
}

const fn verifiable(c: Command) -> Command {
    Command {
        verifiable: true,
        ..c
    }
}

const fn membership(name: &'static str, event: &'static [&'static str]) -> Command {
    Command {
        name,
        protected: false,
        membership: true,
        verifiable: false,
        events: event,
    }
}

/// Every command a policy may name. Event types from Okta's Event Types
/// catalog (facts §10, §D): `user.account.unlock_by_admin` is the admin
/// unlock (`user.account.unlock` the automatic one). UNCONFIRMED: which
/// event the temporary-password path (`expire_password_with_temp_password`)
/// logs, so reset-password looks for both reset and expiry; and whether a
/// TAC is logged at all (no event type is documented), so `tac` cooldowns
/// are judged from the local audit log alone.
pub const COMMANDS: &[Command] = &[
    verifiable(change("unlock", &["user.account.unlock_by_admin"])),
    verifiable(change(
        "reset-password",
        &[
            "user.account.reset_password",
            "user.account.expire_password",
        ],
    )),
    verifiable(change(
        "reset-mfa",
        &["user.mfa.factor.reset_all", "user.mfa.factor.deactivate"],
    )),
    verifiable(change("sessions clear", &["user.session.clear"])),
    change("suspend", &["user.lifecycle.suspend"]),
    change("unsuspend", &["user.lifecycle.unsuspend"]),
    verifiable(change("tac", &[])),
    change("tac revoke", &[]),
    membership("grant", &["group.user_membership.add"]),
    membership("revoke", &["group.user_membership.remove"]),
];

/// Commands that pass the gate but no rule may name or stop: revoking the
/// tool's own API token must never be held up (a leaked token stays alive
/// while it is).
pub const EXEMPT: &[&str] = &["auth logout"];

/// `Sessions_Clear`, `sessions-clear` and `sessions clear` are one name.
pub fn normalise(name: &str) -> String {
    name.trim()
        .chars()
        .map(|c| match c {
            '-' | '_' => ' ',
            c => c.to_ascii_lowercase(),
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The command of this name, however it is spelt.
pub fn find(name: &str) -> Option<&'static Command> {
    let want = normalise(name);
    COMMANDS.iter().find(|c| normalise(c.name) == want)
}

pub fn exempt(name: &str) -> bool {
    let want = normalise(name);
    EXEMPT.iter().any(|e| normalise(e) == want)
}

/// The names, for a message listing them.
pub fn names(filter: impl Fn(&Command) -> bool) -> String {
    COMMANDS
        .iter()
        .filter(|c| filter(c))
        .map(|c| c.name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// What the gate knows of a command it was opened for. A command missing
/// from the table (a newer verb) is treated as a protected change.
pub fn of(name: &str) -> Command {
    find(name).copied().unwrap_or(Command {
        name: "",
        protected: true,
        membership: false,
        verifiable: false,
        events: &[],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_are_one_name() {
        for s in [
            "sessions clear",
            "sessions-clear",
            "Sessions_Clear",
            " sessions  clear ",
        ] {
            assert_eq!(find(s).map(|c| c.name), Some("sessions clear"), "{s}");
        }
        assert_eq!(find("reset_mfa").map(|c| c.name), Some("reset-mfa"));
        assert!(find("reset").is_none());
        assert!(exempt("auth-logout"));
        assert!(find("auth logout").is_none());
    }

    #[test]
    fn rules_by_kind() {
        let grant = of("grant");
        assert!(grant.membership && !grant.protected && !grant.verifiable);
        assert!(of("unlock").protected && of("unlock").verifiable);
        assert!(!of("suspend").verifiable);
        let unknown = of("some-new-verb");
        assert!(unknown.protected && !unknown.membership);
        assert!(names(|c| c.verifiable).contains("tac"));
    }
}
