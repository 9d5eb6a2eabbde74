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

/// The identity card (name, login, email, status, department, manager) on
/// stderr, shown at a terminal before a confirmation.
pub fn show_identity(ctx: &Context, user: &User) {
    let rows = [
        ("name", user.name()),
        ("login", user.login().to_string()),
        ("email", or_dash(&user.profile.email)),
        ("id", user.id.clone()),
        ("status", user.status.clone()),
        ("department", or_dash(&user.profile.department)),
        ("manager", or_dash(&user.profile.manager)),
    ];
    // Plain lines: the same at any terminal width.
    for (field, value) in rows {
        ctx.out.status(&format!("  {field:<11} {value}"));
    }
}
