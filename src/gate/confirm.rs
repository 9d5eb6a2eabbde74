//! Confirmation: who is about to be changed, and an answer a stray key
//! cannot give (typed, then Enter; typeahead discarded). `--yes` and
//! `--dry-run` ask nothing; without a terminal to ask at, refuse. A gate
//! opened for an agent (`oktactl mcp`) asks its `Confirmer` instead.

use super::{Gate, Planned};
use crate::context::Context;
use crate::error::{clean, Error, Kind, Result};
use crate::okta::models::User;
use crate::output::or_dash;
use crate::prompt::{self, Answer};

/// Destructive runs larger than this want the row count typed.
const TYPE_COUNT_ABOVE: usize = 10;
/// Rows listed above a bulk prompt.
const SHOWN_ROWS: usize = 10;

/// What a confirmation is about, for a `Confirmer`.
#[derive(Debug)]
pub struct Ask<'q> {
    /// "Reset the password of Jane Doe (jane@acme.com): …?"
    pub question: &'q str,
    /// Lines shown with it (the factors that go, …).
    pub details: &'q [String],
    /// The users it changes: (id, login).
    pub users: Vec<(&'q str, &'q str)>,
}

/// Who answers a confirmation when no person at this terminal does (an
/// agent's client, through elicitation). `Ok` names how it was confirmed,
/// for the audit lines; `Err` (declined, impossible): nothing is sent.
pub trait Confirmer: Sync {
    fn confirm(&self, ask: &Ask<'_>) -> Result<&'static str>;
}

impl Gate<'_> {
    /// A confirmer's answer, recorded in the audit lines that follow.
    fn confirmed_by(&self, c: &dyn Confirmer, ask: &Ask<'_>) -> Result<()> {
        let how = c.confirm(ask)?;
        if let Some(audit) = &self.audit {
            audit.confirmed(how);
        }
        Ok(())
    }

    fn must_ask(&self, what: &str) -> Result<bool> {
        if self.ctx.change().yes || self.dry_run() {
            return Ok(false);
        }
        if !self.ctx.out.term.interactive() {
            return Err(Error::usage(format!(
                "{what} needs confirmation, and standard input is not a terminal"
            ))
            .hint("pass --yes to confirm, or --dry-run to see what would be sent"));
        }
        Ok(true)
    }

    /// One change: the identity card, the details, then `question [y/N]`.
    pub fn confirm_one(
        &self,
        user: &User,
        details: &[String],
        question: &str,
        what: &str,
    ) -> Result<()> {
        if let (Some(c), false) = (self.confirmer, self.dry_run()) {
            let users = vec![(user.id.as_str(), user.login())];
            return self.confirmed_by(
                c,
                &Ask {
                    question,
                    details,
                    users,
                },
            );
        }
        if !self.must_ask(what)? {
            return Ok(());
        }
        show_identity(self.ctx, user);
        for line in details {
            self.ctx.out.status(line);
        }
        answer(prompt::confirm(&clean(question))?)
    }

    /// Several changes: the first rows, then `y/N` up to ten rows, above
    /// that the row count typed. `verb` holds `{n}` for the count.
    pub fn confirm_many(&self, changes: &[&Planned], verb: &str, what: &str) -> Result<()> {
        if let (Some(c), false, false) = (self.confirmer, self.dry_run(), changes.is_empty()) {
            let question = verb.replace("{n}", &changes.len().to_string());
            let users = changes
                .iter()
                .map(|p| (p.user_id.as_str(), p.user.as_str()))
                .collect();
            let ask = Ask {
                question: &question,
                details: &[],
                users,
            };
            return self.confirmed_by(c, &ask);
        }
        if changes.is_empty() || !self.must_ask(what)? {
            return Ok(());
        }
        let n = changes.len();
        for p in changes.iter().take(SHOWN_ROWS) {
            self.ctx.out.status(&format!("  {}  {}", p.user, p.user_id));
        }
        if n > SHOWN_ROWS {
            self.ctx
                .out
                .status(&format!("  … and {} more", n - SHOWN_ROWS));
        }
        let question = clean(&verb.replace("{n}", &n.to_string()));
        if n > TYPE_COUNT_ABOVE {
            answer(prompt::confirm_typed(
                &format!("{question}?"),
                &n.to_string(),
            )?)
        } else {
            answer(prompt::confirm(&format!("{question}?"))?)
        }
    }
}

fn answer(a: Answer) -> Result<()> {
    match a {
        Answer::Yes => Ok(()),
        Answer::No | Answer::Cancelled => Err(cancelled()),
    }
}

/// Answering no: not an error, but nothing was done (exit 1).
pub fn cancelled() -> Error {
    Error::new(Kind::Cancelled, "cancelled; nothing was changed")
}

/// The identity card on stderr, shown at a terminal before a confirmation:
/// who (name, login, email, id, title, department, manager), the status
/// and since when ("locked since" for a locked-out user), and where the
/// password lives.
pub fn show_identity(ctx: &Context, user: &User) {
    let since = user
        .status_changed
        .as_deref()
        .map(|t| ctx.out.times.long(t))
        .unwrap_or_default();
    let rows = [
        ("name", user.name()),
        ("login", user.login().to_string()),
        ("email", or_dash(&user.profile.email)),
        ("id", user.id.clone()),
        ("title", or_dash(&user.profile.title)),
        ("status", user.status.clone()),
        (since_label(&user.status), since),
        ("department", or_dash(&user.profile.department)),
        ("manager", or_dash(&user.profile.manager)),
        ("password", password_home(user)),
    ];
    // Plain lines: the same at any terminal width.
    for (field, value) in rows {
        let value = if value.is_empty() { "-".into() } else { value };
        ctx.out.status(&format!("  {field:<14} {value}"));
    }
}

/// The label of `statusChanged`: "locked since" for a locked-out user.
pub fn since_label(status: &str) -> &'static str {
    if status == "LOCKED_OUT" {
        "locked since"
    } else {
        "status changed"
    }
}

/// Where the password lives, from `credentials.provider`: `Okta`, `AD
/// (acme.local)`, `LDAP (…)`, `IdP (…)` for a federated user, `social IdP
/// (…)`, `Okta (imported)`.
pub fn password_home(user: &User) -> String {
    let provider = user.credentials.as_ref().and_then(|c| c.provider.as_ref());
    let name = provider
        .and_then(|p| p.name.as_deref())
        .map(str::trim)
        .filter(|n| !n.is_empty());
    let kind = user.provider_type();
    let label = match kind {
        "OKTA" => return "Okta".to_string(),
        "IMPORT" => return "Okta (imported)".to_string(),
        "ACTIVE_DIRECTORY" => "AD",
        "LDAP" => "LDAP",
        "FEDERATION" => "IdP",
        "SOCIAL" => "social IdP",
        other => other,
    };
    match name {
        Some(n) if !n.eq_ignore_ascii_case(kind) => format!("{label} ({n})"),
        _ => label.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_provider(kind: &str, name: Option<&str>) -> User {
        serde_json::from_value(serde_json::json!({
            "id": "00u1",
            "status": "ACTIVE",
            "profile": {},
            "credentials": {"provider": {"type": kind, "name": name}}
        }))
        .unwrap()
    }

    #[test]
    fn the_password_lives_where_the_provider_says() {
        assert_eq!(password_home(&with_provider("OKTA", Some("OKTA"))), "Okta");
        assert_eq!(
            password_home(&with_provider("ACTIVE_DIRECTORY", Some("acme.local"))),
            "AD (acme.local)"
        );
        assert_eq!(password_home(&with_provider("LDAP", None)), "LDAP");
        assert_eq!(
            password_home(&with_provider("FEDERATION", Some("FEDERATION"))),
            "IdP"
        );
        assert_eq!(
            password_home(&with_provider("SOCIAL", Some("Google"))),
            "social IdP (Google)"
        );
        assert_eq!(password_home(&User::default()), "Okta");
        assert_eq!(since_label("LOCKED_OUT"), "locked since");
    }
}
