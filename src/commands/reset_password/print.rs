//! What a single-user reset-password prints: where the link went, or the
//! secret alone on stdout; JSON and CSV: the whole outcome.

use serde::Serialize;

use super::Mode;
use crate::commands::shared::sessions::follow::SessionsOut;
use crate::context::Context;
use crate::error::Result;
use crate::gate::{Outcome, Row};
use crate::output::{or_dash, Format, Tabular};

#[derive(Debug, Serialize)]
struct Outcome1 {
    user: String,
    user_id: Option<String>,
    action: Outcome,
    #[serde(skip_serializing_if = "Option::is_none")]
    reset_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    temp_password: Option<String>,
    change_id: Option<String>,
    request_id: Option<String>,
    /// The sessions change of `--revoke-sessions`.
    #[serde(skip_serializing_if = "Option::is_none")]
    sessions: Option<SessionsOut>,
}

impl Tabular for Outcome1 {
    fn columns() -> Vec<&'static str> {
        vec!["user", "user_id", "action", "reset_url", "temp_password"]
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.user.clone(),
            or_dash(&self.user_id),
            self.action.to_string(),
            or_dash(&self.reset_url),
            or_dash(&self.temp_password),
        ]
    }
}

/// One user: the secret alone on stdout in a table (so `$(…)` captures
/// it); JSON and CSV: the whole outcome.
pub(super) fn print_one(
    ctx: &Context,
    row: &Row,
    mode: Mode,
    secret: Option<String>,
    email: Option<String>,
    sessions: Option<&Row>,
) -> Result<()> {
    let who = row.who();
    match (row.result, mode) {
        (Outcome::EmailSent, _) => ctx.out.status(&match email {
            Some(e) if e.eq_ignore_ascii_case(who) => {
                format!("Okta emailed {e} a password reset link")
            }
            Some(e) => format!("Okta emailed {e} a password reset link (the email of {who})"),
            None => format!("Okta emailed a password reset link to the email in {who}'s profile"),
        }),
        (Outcome::ResetUrl, _) => ctx.out.status(&format!(
            "one-time reset URL for {who} (shown once; give it to them over a trusted channel):"
        )),
        (Outcome::TempPassword, _) => ctx.out.status(&format!(
            "temporary password for {who} (shown once; they must change it at sign-in):"
        )),
        (Outcome::Expired, _) => ctx.out.status(&format!(
            "expired the password of {who}: they choose a new one at their next sign-in"
        )),
        _ => {}
    }
    let out = Outcome1 {
        user: who.to_string(),
        user_id: row.user_id.clone(),
        action: row.result,
        reset_url: secret.clone().filter(|_| mode == Mode::Url),
        temp_password: secret.filter(|_| mode == Mode::Temp),
        change_id: row.change_id.clone(),
        request_id: row.request_id.clone(),
        sessions: sessions.map(SessionsOut::from),
    };
    match ctx.out.format {
        Format::Json => ctx.out.json(&out),
        Format::Csv => ctx.out.one(&out),
        Format::Table => match out.reset_url.as_ref().or(out.temp_password.as_ref()) {
            Some(secret) => ctx.out.data(secret),
            None => Ok(()),
        },
    }
}
