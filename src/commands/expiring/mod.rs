//! `expiring`: passwords that expire soon. Okta stores no expiry date: it is
//! `passwordChanged` + `maxAgeDays` of the password policy that applies.

mod row;

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use jiff::{SignedDuration, Timestamp};

use crate::context::Context;
use crate::error::{Error, Result};
use crate::okta::models::User;
use crate::perms::{needs_role, POLICIES};
pub use row::Expiring;
use row::{row_for, Skip};

/// List users whose password expires soon
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  oktactl expiring\n  oktactl expiring --within 30 --group Contractors\n  oktactl expiring --include-expired -o csv > expiring.csv"
)]
pub struct ExpiringArgs {
    /// List passwords that expire within this many days
    #[arg(long, value_name = "DAYS", default_value_t = 14, value_parser = clap::value_parser!(u32).range(0..=3650))]
    pub within: u32,
    /// Only members of this group (id or exact name)
    #[arg(long, value_name = "GROUP")]
    pub group: Option<String>,
    /// Also list passwords already expired, and PASSWORD_EXPIRED users
    #[arg(long)]
    pub include_expired: bool,
}

#[derive(Debug, Default)]
struct Skipped {
    directory: u64,
    no_password: u64,
    no_policy: u64,
    never: u64,
}

/// What `expiring` found: the rows by expiry date, how many users were
/// checked, and why the others were skipped.
#[derive(Debug)]
pub struct Found {
    pub rows: Vec<Expiring>,
    seen: u64,
    skipped: Skipped,
}

impl Found {
    /// "3 of 120 users expire within 14 days; skipped …".
    pub fn summary(&self, args: &ExpiringArgs) -> String {
        footer(args, self.rows.len(), self.seen, &self.skipped)
    }
}

pub fn run(ctx: &Context, args: ExpiringArgs) -> Result<()> {
    let bar = progress(ctx);
    let found = collect(ctx, &args, &bar)?;
    bar.finish_and_clear();
    ctx.out.list(found.rows.iter().map(Ok))?;
    ctx.out.status(&found.summary(&args));
    Ok(())
}

/// Read the policies and every candidate user (nothing goes to stdout);
/// `bar` shows the progress (hidden where nobody watches).
pub fn collect(ctx: &Context, args: &ExpiringArgs, bar: &ProgressBar) -> Result<Found> {
    let client = ctx.client()?;
    bar.set_message("reading the password policies");
    let policies = client
        .password_policies()
        .map_err(|e| needs_role(e.context("reading the password policies"), POLICIES))?;
    if policies.is_empty() {
        ctx.out
            .warn("no ACTIVE password policy was found: no password expires");
    }
    // Members of every group a policy includes, once; Everyone means everyone.
    let mut members: HashMap<String, HashSet<String>> = HashMap::new();
    for g in policies
        .iter()
        .filter(|p| !p.everyone)
        .flat_map(|p| &p.groups)
    {
        if !members.contains_key(g) {
            bar.set_message(format!("reading the members of policy group {g}"));
            members.insert(g.clone(), client.member_ids(g)?);
        }
    }
    let mut statuses = vec!["ACTIVE", "LOCKED_OUT", "RECOVERY"];
    if args.include_expired {
        statuses.push("PASSWORD_EXPIRED");
    }
    let url = match &args.group {
        Some(g) => {
            let group = client.find_group(g)?;
            client.api_query(&["groups", &group.id, "users"], &[("limit", "200")])?
        }
        None => {
            let expr: Vec<String> = statuses
                .iter()
                .map(|s| format!("status eq \"{s}\""))
                .collect();
            let expr = expr.join(" or ");
            client.api_query(&["users"], &[("search", &expr), ("limit", "200")])?
        }
    };
    let now = Timestamp::now();
    let horizon = now
        .checked_add(SignedDuration::from_hours(24 * i64::from(args.within)))
        .map_err(|e| Error::usage(format!("--within {}: {e}", args.within)))?;
    bar.set_message("checking users");
    let (mut rows, mut skipped, mut seen) = (Vec::new(), Skipped::default(), 0u64);
    for user in client.pages::<User>(url) {
        let user = user.map_err(|e| e.context("listing the users"))?;
        bar.inc(1);
        if !statuses.contains(&user.status.as_str()) {
            continue;
        }
        seen += 1;
        match row_for(user, &policies, &members, now) {
            Ok(row) if row.at <= horizon && (args.include_expired || row.at >= now) => {
                rows.push(row)
            }
            Ok(_) => {}
            Err(Skip::Directory) => skipped.directory += 1,
            Err(Skip::NoPassword) => skipped.no_password += 1,
            Err(Skip::NoPolicy) => skipped.no_policy += 1,
            Err(Skip::Never) => skipped.never += 1,
        }
    }
    rows.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.login.cmp(&b.login)));
    Ok(Found {
        rows,
        seen,
        skipped,
    })
}

fn footer(args: &ExpiringArgs, listed: usize, seen: u64, s: &Skipped) -> String {
    let window = if args.include_expired {
        format!("expire within {} or have expired", days(args.within))
    } else {
        format!("expire within {}", days(args.within))
    };
    let mut text = format!("{listed} of {seen} users {window}");
    let reasons: Vec<String> = [
        (
            s.directory,
            "sourced from AD/LDAP (the directory governs expiry)",
        ),
        (s.no_password, "without a password (no passwordChanged)"),
        (s.never, "under a policy that never expires"),
        (s.no_policy, "to whom no password policy applies"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, why)| format!("{n} {why}"))
    .collect();
    if !reasons.is_empty() {
        let total = s.directory + s.no_password + s.never + s.no_policy;
        text.push_str(&format!("; skipped {total}: {}", reasons.join(", ")));
    }
    text
}

fn days(n: u32) -> String {
    if n == 1 {
        "1 day".into()
    } else {
        format!("{n} days")
    }
}

/// A spinner on stderr, only at a terminal and without `--quiet`.
fn progress(ctx: &Context) -> ProgressBar {
    if !ctx.out.term.stderr || ctx.out.quiet {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    if let Ok(style) = ProgressStyle::with_template("{spinner} {msg}: {pos} users ({elapsed})") {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}
