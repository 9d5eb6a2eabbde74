//! What became of one change, one enum for the table, JSON, CSV and the
//! audit log (serialised snake_case); no command compares result strings.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    // unlock
    Unlocked,
    NotLocked,
    WouldUnlock,
    // reset-password
    EmailSent,
    ResetUrl,
    TempPassword,
    WouldEmail,
    WouldResetUrl,
    WouldTempPassword,
    // reset-mfa
    Reset,
    NoFactors,
    WouldReset,
    // reset-password --expire
    Expired,
    WouldExpire,
    // sessions clear, and the sessions follow-up of reset-password and reset-mfa
    SessionsCleared,
    WouldClearSessions,
    // suspend and unsuspend
    Suspended,
    WouldSuspend,
    /// suspend: the user is not ACTIVE, so there is nothing to suspend (a
    /// no-op, counted ok). Serialised `not_active`, the name grant uses for
    /// its refusal of inactive users (`NotActive`, a failure): the JSON
    /// name says what Okta's status is, the command says what that means.
    #[serde(rename = "not_active", skip_deserializing)]
    NotActiveNoop,
    Unsuspended,
    WouldUnsuspend,
    /// unsuspend: the user is not SUSPENDED; nothing sent.
    NotSuspended,
    // tac
    TacIssued,
    WouldIssueTac,
    TacRevoked,
    WouldRevokeTac,
    /// tac revoke: the user holds no Temporary Access Code; nothing sent.
    NoTac,
    // grant and revoke
    Added,
    AlreadyMember,
    WouldAdd,
    Removed,
    NotMember,
    WouldRemove,
    // auth logout --revoke: the API token revoked at Okta
    Revoked,
    WouldRevoke,
    /// The user is not ACTIVE (deprovisioned, staged, suspended): not granted.
    NotActive,
    /// A dry run that knows the change would be refused.
    WouldFail,
    /// The row names a user an earlier row already names.
    Duplicate,
    /// Refused before anything was sent (e.g. `me`, a protected account).
    Refused,
    /// Okta refused it, or it could not be sent.
    Failed,
    /// Sent, but the answer was lost: Okta may or may not have applied it.
    Unknown,
    /// Never started: interrupted, `--max-errors` reached, or the audit log failed.
    Skipped,
}

/// How a row counts in the summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Ok,
    Failed,
    Unknown,
    Skipped,
}

impl Outcome {
    pub fn class(self) -> Class {
        match self {
            Outcome::Failed | Outcome::WouldFail | Outcome::Refused | Outcome::NotActive => {
                Class::Failed
            }
            Outcome::Unknown => Class::Unknown,
            Outcome::Skipped => Class::Skipped,
            _ => Class::Ok,
        }
    }

    /// The snake_case name, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Unlocked => "unlocked",
            Outcome::NotLocked => "not_locked",
            Outcome::WouldUnlock => "would_unlock",
            Outcome::EmailSent => "email_sent",
            Outcome::ResetUrl => "reset_url",
            Outcome::TempPassword => "temp_password",
            Outcome::WouldEmail => "would_email",
            Outcome::WouldResetUrl => "would_reset_url",
            Outcome::WouldTempPassword => "would_temp_password",
            Outcome::Reset => "reset",
            Outcome::NoFactors => "no_factors",
            Outcome::WouldReset => "would_reset",
            Outcome::Expired => "expired",
            Outcome::WouldExpire => "would_expire",
            Outcome::SessionsCleared => "sessions_cleared",
            Outcome::WouldClearSessions => "would_clear_sessions",
            Outcome::Suspended => "suspended",
            Outcome::WouldSuspend => "would_suspend",
            Outcome::NotActiveNoop => "not_active",
            Outcome::Unsuspended => "unsuspended",
            Outcome::WouldUnsuspend => "would_unsuspend",
            Outcome::NotSuspended => "not_suspended",
            Outcome::TacIssued => "tac_issued",
            Outcome::WouldIssueTac => "would_issue_tac",
            Outcome::TacRevoked => "tac_revoked",
            Outcome::WouldRevokeTac => "would_revoke_tac",
            Outcome::NoTac => "no_tac",
            Outcome::Added => "added",
            Outcome::AlreadyMember => "already_member",
            Outcome::WouldAdd => "would_add",
            Outcome::Removed => "removed",
            Outcome::NotMember => "not_member",
            Outcome::WouldRemove => "would_remove",
            Outcome::Revoked => "revoked",
            Outcome::WouldRevoke => "would_revoke",
            Outcome::NotActive => "not_active",
            Outcome::WouldFail => "would_fail",
            Outcome::Duplicate => "duplicate",
            Outcome::Refused => "refused",
            Outcome::Failed => "failed",
            Outcome::Unknown => "unknown",
            Outcome::Skipped => "skipped",
        }
    }
}

impl std::fmt::Display for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_serde() {
        for o in [
            Outcome::NotLocked,
            Outcome::WouldTempPassword,
            Outcome::AlreadyMember,
            Outcome::Unknown,
            Outcome::Skipped,
            Outcome::SessionsCleared,
            Outcome::WouldClearSessions,
            Outcome::NotActiveNoop,
            Outcome::NotSuspended,
            Outcome::WouldIssueTac,
            Outcome::NoTac,
            Outcome::Expired,
        ] {
            let json = serde_json::to_string(&o).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", o.as_str()));
        }
    }

    #[test]
    fn not_active_fails_a_grant_but_is_a_no_op_for_suspend() {
        assert_eq!(Outcome::NotActive.as_str(), Outcome::NotActiveNoop.as_str());
        assert_eq!(Outcome::NotActive.class(), Class::Failed);
        assert_eq!(Outcome::NotActiveNoop.class(), Class::Ok);
        assert_eq!(Outcome::NotSuspended.class(), Class::Ok);
        assert_eq!(Outcome::NoTac.class(), Class::Ok);
        // Read back, the name means grant's refusal.
        let back: Outcome = serde_json::from_str("\"not_active\"").unwrap();
        assert_eq!(back, Outcome::NotActive);
    }
}
