//! The tools: names, what they say to the model, their input and output
//! schemas and annotations. Read tools are always offered; a change tool
//! only with `--allow-writes` and a proven right (`rights.rs`).

use std::sync::Arc;

use rmcp::model::{JsonObject, Tool, ToolAnnotations};
use serde_json::Value;

use super::schema;
use crate::perms::{Right, GROUP_MEMBERSHIP, PASSWORD_RESET, SESSIONS};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Name {
    Whoami,
    CheckPerms,
    FindUser,
    UserLog,
    Lockouts,
    Expiring,
    Unlock,
    ResetPassword,
    ResetMfa,
    SessionsClear,
    Grant,
    Revoke,
    VerifyCaller,
}

/// What a change tool needs and how it behaves.
#[derive(Debug)]
pub struct Change {
    /// The right its calls need, as `check-perms` proves it.
    pub right: &'static Right,
    /// The command it acts as, in the audit log and the policy.
    pub command: &'static str,
    /// It takes something away: a person confirms it (elicitation).
    pub destructive: bool,
    /// Calling it again changes nothing more.
    pub idempotent: bool,
}

#[derive(Debug)]
pub struct Def {
    pub name: Name,
    pub id: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    /// `None`: a read tool.
    pub change: Option<Change>,
}

pub const TOOLS: &[Def] = &[
    Def {
        name: Name::Whoami,
        id: "whoami",
        title: "Who am I",
        description: "The Okta account (or service app) this server acts as, and its admin roles with their targets.",
        change: None,
    },
    Def {
        name: Name::CheckPerms,
        id: "check_perms",
        title: "Check this server's rights",
        description: "Audit this server's credential against the rights the help-desk jobs need (roles, targets, scopes, credential health), as `oktactl check-perms` does. A failing audit is a result with ok=false, not an error.",
        change: None,
    },
    Def {
        name: Name::FindUser,
        id: "find_user",
        title: "Find a user",
        description: "Look an employee up by Okta id, login or email. Returns every match: when several users share an email, `ambiguous` is true and the candidates are listed; ask the person which one is meant, and pass that user's `id` to the change tools.",
        change: None,
    },
    Def {
        name: Name::UserLog,
        id: "user_log",
        title: "A user's recent events",
        description: "The user's System Log events, newest first (sign-in failures, lock-outs, resets, factor and group changes; who did them and from where), to see why an account is locked before unlocking it.",
        change: None,
    },
    Def {
        name: Name::Lockouts,
        id: "lockouts",
        title: "Who is locked out",
        description: "Who is locked out now, from one filtered System Log query over the last `since` (default 24h) joined with each user's current status, oldest lock first: when and from where it locked, the failed sign-ins before it; with all, also those unlocked since. At most `limit` rows.",
        change: None,
    },
    Def {
        name: Name::Expiring,
        id: "expiring",
        title: "Passwords about to expire",
        description: "Users whose password expires within the given days, from their last change and the password policy that applies to each; at most `limit` rows. Reads every candidate user of the org (or of the group): slow on a large org.",
        change: None,
    },
    Def {
        name: Name::Unlock,
        id: "unlock",
        title: "Unlock a locked-out user",
        description: "Unlock a LOCKED_OUT user (nothing is sent for a user who is not locked out, unless force). Takes the user's id from find_user, a ticket and the requester; audited. Users sourced from Active Directory or LDAP are refused: they are unlocked in the directory.",
        change: Some(Change {
            right: PASSWORD_RESET,
            command: "unlock",
            destructive: false,
            idempotent: true,
        }),
    },
    Def {
        name: Name::ResetPassword,
        id: "reset_password",
        title: "Email a password reset link",
        description: "Have Okta email the user a password reset link (to their primary email, which the result names). Never returns a reset URL or a temporary password. Takes the user's id, a ticket and the requester; a person confirms it through the client; audited.",
        change: Some(Change {
            right: PASSWORD_RESET,
            command: "reset-password",
            destructive: true,
            idempotent: false,
        }),
    },
    Def {
        name: Name::ResetMfa,
        id: "reset_mfa",
        title: "Reset a user's MFA factors",
        description: "Remove the user's MFA enrolments (all of them, or the one factor named by id or type), so they enrol again. Takes the user's id, a ticket and the requester; a person confirms it through the client; audited with what the list shows afterwards.",
        change: Some(Change {
            right: PASSWORD_RESET,
            command: "reset-mfa",
            destructive: true,
            idempotent: true,
        }),
    },
    Def {
        name: Name::SessionsClear,
        id: "sessions_clear",
        title: "End a user's sessions",
        description: "End the user's Okta sessions, with their OAuth and OpenID Connect tokens and remembered factors on every device (sessions that apps created themselves stay). Takes the user's id, a ticket and the requester; a person confirms it through the client; audited.",
        change: Some(Change {
            right: SESSIONS,
            command: "sessions clear",
            destructive: true,
            idempotent: true,
        }),
    },
    Def {
        name: Name::Grant,
        id: "grant",
        title: "Add a user to a group",
        description: "Add the user to an Okta group (id or exact name), e.g. to provision an app. Already a member: nothing is sent. Takes the user's id, a ticket and the requester; audited.",
        change: Some(Change {
            right: GROUP_MEMBERSHIP,
            command: "grant",
            destructive: false,
            idempotent: true,
        }),
    },
    Def {
        name: Name::Revoke,
        id: "revoke",
        title: "Remove a user from a group",
        description: "Remove the user from an Okta group (id or exact name). Not a member: nothing is sent. Takes the user's id, a ticket and the requester; a person confirms it through the client; audited.",
        change: Some(Change {
            right: GROUP_MEMBERSHIP,
            command: "revoke",
            destructive: true,
            idempotent: true,
        }),
    },
    Def {
        name: Name::VerifyCaller,
        id: "verify_caller",
        title: "Verify a caller by Okta Verify push",
        description: "Prove that the person in the chat holds the employee's Okta Verify: sends a push with number matching. Returns at once {status: waiting, number, transaction}: show the employee the number to tap, then call verify_caller again with only transaction (and requester) to wait up to 60 s for the answer: verified, rejected, timed_out or no_factor. Only push (method auto or push): a code method is not available to agents. Takes the user's id, the requester and a ticket; at most 3 challenges per user per 10 minutes; audited. Act on a reset only after verified.",
        change: Some(Change {
            right: PASSWORD_RESET,
            command: "verify",
            destructive: false,
            idempotent: false,
        }),
    },
];

impl Def {
    /// The tool as `tools/list` shows it.
    pub fn tool(&self) -> Tool {
        let annotations = match &self.change {
            None => ToolAnnotations::with_title(self.title)
                .read_only(true)
                .destructive(false)
                .idempotent(true),
            Some(c) => ToolAnnotations::with_title(self.title)
                .read_only(false)
                .destructive(c.destructive)
                .idempotent(c.idempotent),
        }
        // The one Okta org this server was started for, not an open world;
        // but a push reaches a person's phone.
        .open_world(self.name == Name::VerifyCaller);
        Tool::new(self.id, self.description, object(schema::input(self)))
            .with_title(self.title)
            .with_raw_output_schema(object(schema::output(self)))
            .with_annotations(annotations)
    }
}

fn object(v: Value) -> Arc<JsonObject> {
    Arc::new(match v {
        Value::Object(m) => m,
        _ => JsonObject::new(),
    })
}
