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
        ] {
            let json = serde_json::to_string(&o).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", o.as_str()));
        }
    }
}
