//! Ending a user's Okta sessions, one change through the gate:
//! `DELETE /api/v1/users/{id}/sessions` with `oauthTokens` and
//! `forgetDevices` always sent. `sessions clear` runs it for the users it is
//! given; reset-password `--revoke-sessions` and reset-mfa `--clear-sessions`
//! run it after their reset (`follow`), for the users whose reset was done.

pub mod follow;

use std::collections::HashMap;

use crate::gate::{Applied, Gate, Job, Outcome, Planned, Row, Step, Target};
use crate::okta::changes::Call;
use crate::okta::models::{User, UserProfile};
use crate::perms::{needs_role_for, Jobs, SESSION_ROLES};

/// The sessions change for each row.
pub struct ClearSessions {
    pub oauth_tokens: bool,
    pub forget_devices: bool,
    /// A follow-up: the users of the rows (row → id, login), already looked
    /// up by the reset, and already confirmed with it (no question).
    pub known: Option<HashMap<usize, (String, String)>>,
}

impl ClearSessions {
    /// What `sessions clear` does by default, and every follow-up: sessions,
    /// OAuth tokens and remembered devices all go.
    pub fn everything() -> ClearSessions {
        ClearSessions {
            oauth_tokens: true,
            forget_devices: true,
            known: None,
        }
    }

    fn planned(&self, user_id: &str, login: &str) -> Planned {
        Planned {
            call: Call::clear_sessions(user_id, self.oauth_tokens, self.forget_devices),
            user_id: user_id.to_string(),
            user: login.to_string(),
            group: None,
            done: Outcome::SessionsCleared,
            would: Outcome::WouldClearSessions,
            noop: None,
        }
    }

    /// "ended the Okta sessions of jane; also gone: …".
    pub fn ended(&self, user: &str) -> String {
        let also = match self.also() {
            v if v.is_empty() => String::new(),
            v => format!("; also gone: {}", v.join(", ")),
        };
        format!("ended the Okta sessions of {user}{also}")
    }

    /// What goes besides the sessions, as the flags leave it.
    pub fn also(&self) -> Vec<&'static str> {
        let mut v = Vec::new();
        if self.oauth_tokens {
            v.push("OAuth and OpenID Connect tokens");
        }
        if self.forget_devices {
            v.push("remembered factors on every device");
        }
        v
    }
}

/// A user known only by id and login (a follow-up needs no lookup).
fn known_user(id: &str, login: &str) -> User {
    User {
        id: id.to_string(),
        profile: UserProfile {
            login: Some(login.to_string()),
            ..UserProfile::default()
        },
        ..User::default()
    }
}

fn explain(e: crate::error::Error) -> crate::error::Error {
    needs_role_for(e, SESSION_ROLES, Jobs::Containment)
}

impl Job for ClearSessions {
    fn plan(&self, gate: &Gate<'_>, t: &Target, single: bool) -> Step {
        if let Some(known) = &self.known {
            return match known.get(&t.row) {
                Some((id, login)) => Step::Change(
                    Box::new(self.planned(id, login)),
                    Box::new(known_user(id, login)),
                ),
                None => Step::Done(Box::new(Row::new(t.row, &t.input, Outcome::Skipped))),
            };
        }
        match gate.resolve(t, single, explain) {
            Ok(user) => Step::Change(
                Box::new(self.planned(&user.id, user.login())),
                Box::new(user),
            ),
            Err(row) => Step::Done(row),
        }
    }

    fn done(&self, gate: &Gate<'_>, t: &Target, p: &Planned, a: Applied, single: bool) -> Row {
        let mut row = Row::applied(t.row, &t.input, p, a);
        let follow_up = self.known.is_some();
        row.explain(|e| {
            let e = explain(e.context(format!("ending the sessions of {}", p.user)));
            match follow_up {
                true => e.hint(format!(
                    "the reset was done; end the sessions with `oktactl sessions clear {}`",
                    p.user_id
                )),
                false => e,
            }
        });
        // A follow-up's line comes after the reset's (`follow::tell`).
        if single && !follow_up && row.result == Outcome::SessionsCleared {
            gate.ctx.out.status(&self.ended(&p.user));
        }
        row
    }

    fn question(&self, user: Option<&User>) -> Option<String> {
        if self.known.is_some() {
            return None;
        }
        Some(match user {
            Some(u) => format!("End the sessions of {} ({})?", u.name(), u.login()),
            None => "End the sessions of {n} users".into(),
        })
    }

    fn details(&self) -> Vec<String> {
        let mut ends = vec!["every Okta session"];
        ends.extend(self.also());
        vec![
            format!("  ends: {}", ends.join("; ")),
            "  not ended: sessions that apps created themselves".into(),
        ]
    }

    fn what(&self, rows: usize) -> String {
        match rows {
            1 => "ending a user's sessions".into(),
            n => format!("ending the sessions of {n} users"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_what_goes() {
        let mut c = ClearSessions::everything();
        assert_eq!(c.also().len(), 2);
        c.oauth_tokens = false;
        assert_eq!(c.also(), ["remembered factors on every device"]);
        c.forget_devices = false;
        assert!(c.also().is_empty());
    }
}
