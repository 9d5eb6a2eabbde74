use std::path::PathBuf;

use clap::Args;
use reqwest::Method;

use crate::audit::{Audit, Entry};
use crate::bulk::{self, BulkRow};
use crate::confirm::{needs_role, HELP_DESK};
use crate::context::Context;
use crate::error::Result;

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  oktactl unlock jane.doe@acme.com
  oktactl unlock jane.doe@acme.com bob@acme.com --ticket HD-1234
  oktactl unlock --from locked.csv -o json
  oktactl user list --status LOCKED_OUT -o csv | oktactl unlock --from -
  oktactl unlock jane.doe@acme.com --force    # ACTIVE but blocked from unknown devices")]
pub struct UnlockArgs {
    /// User ids (00u…), logins or emails
    #[arg(value_name = "USER")]
    pub users: Vec<String>,
    /// Also the users in FILE: one per line, or CSV with a login, email or id column; `-` reads stdin
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
    /// Send the unlock even when the user is not LOCKED_OUT
    #[arg(long)]
    pub force: bool,
}

pub fn run(ctx: &Context, args: UnlockArgs) -> Result<()> {
    let targets = bulk::read_targets(&args.users, args.from.as_deref())?;
    // The token first (exit 4), then the audit log, then any change.
    ctx.client()?;
    let audit = if ctx.global.dry_run {
        None
    } else {
        Some(ctx.audit("unlock")?)
    };
    let mut rows = Vec::with_capacity(targets.len());
    for who in &targets {
        rows.push(unlock_one(ctx, audit.as_ref(), who, args.force)?);
    }
    bulk::finish(ctx, rows)
}

/// One user: a row whatever happens; `Err` only when the audit log fails.
fn unlock_one(ctx: &Context, audit: Option<&Audit>, who: &str, force: bool) -> Result<BulkRow> {
    let client = ctx.client()?;
    let user = match ctx.resolve_user(who) {
        Ok(u) => u,
        Err(e) => return Ok(BulkRow::failed(who, None, needs_role(e, HELP_DESK))),
    };
    let login = user.login().to_string();
    if user.status != "LOCKED_OUT" && !force {
        ctx.out.status(&format!(
            "{login} is {}, not locked out: nothing sent (--force sends the unlock anyway)",
            user.status
        ));
        return Ok(BulkRow::ok(&login, &user.id, "not_locked"));
    }
    let url = match client.api(&["users", &user.id, "lifecycle", "unlock"]) {
        Ok(u) => u,
        Err(e) => return Ok(BulkRow::failed(&login, Some(&user.id), e)),
    };
    let Some(audit) = audit else {
        ctx.would_send(&Method::POST, &url);
        return Ok(BulkRow::ok(&login, &user.id, "would_unlock"));
    };
    let sent = client.send(Method::POST, url, None);
    let (row, request_id) = match sent {
        Ok(reply) => {
            ctx.out.status(&format!("unlocked {login}"));
            (
                BulkRow::ok(&login, &user.id, "unlocked"),
                reply.request_id(),
            )
        }
        Err(e) if e.error_code() == Some("E0000032") => {
            ctx.out.status(&format!(
                "{login} is {}: Okta says there is nothing to unlock",
                user.status
            ));
            let id = e.request_id().map(str::to_string);
            (BulkRow::ok(&login, &user.id, "not_locked"), id)
        }
        Err(e) => {
            let id = e.request_id().map(str::to_string);
            let e = needs_role(e.context(format!("unlocking {login}")), HELP_DESK);
            (BulkRow::failed(&login, Some(&user.id), e), id)
        }
    };
    audit.record(&Entry {
        user_id: Some(&user.id),
        user: Some(&login),
        group: None,
        result: &row.result,
        request_id: request_id.as_deref(),
    })?;
    Ok(row)
}
