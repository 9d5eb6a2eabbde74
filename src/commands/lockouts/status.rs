//! The lock-outs' users as Okta has them now: one search per 20 users.

use super::fold::Locked;
use crate::error::Kind;
use crate::interrupt;
use crate::okta::models::User;
use crate::okta::users::batch::Hit;
use crate::okta::users::Found;
use crate::okta::Client;

/// Users looked up one by one when a search did not find them (index lag,
/// or deleted since); past this, their status stays unknown.
const MAX_SINGLE_LOOKUPS: usize = 50;

/// A lock-out's user now.
pub enum Now {
    Known(Box<User>),
    /// Deleted since (404): not locked out any more.
    Gone,
    Unknown,
}

/// Each lock-out's user as Okta has them now: searched 20 at a time
/// (`id eq "…" or …`); those the search index does not show (it lags by
/// about a second) are asked for one by one. A refused search is a note,
/// and their status stays unknown: UNCONFIRMED whether a Report Admin
/// alone may search users (live-suite point `report_admin_reads_users`).
pub fn current_users(client: &Client, locked: &[Locked], notes: &mut Vec<String>) -> Vec<Now> {
    let ids: Vec<String> = locked.iter().map(|l| l.user_id.clone()).collect();
    let batch = client.find_users(&ids, &interrupt::requested);
    if let Some(e) = &batch.error {
        notes.push(format!(
            "cannot read the users' current status ({}); whether each is still locked comes from the System Log alone",
            e.short()
        ));
    }
    let mut singles = 0;
    ids.iter()
        .map(|id| match batch.get(id) {
            Some(Hit::Found(Found::One(u))) => Now::Known(u.clone()),
            Some(Hit::Found(Found::Many(_))) | None => Now::Unknown,
            Some(Hit::Missed) if singles >= MAX_SINGLE_LOOKUPS => Now::Unknown,
            Some(Hit::Missed) => {
                singles += 1;
                match client.user_by_id(id) {
                    Ok(u) => Now::Known(Box::new(u)),
                    Err(e) if e.kind == Kind::NotFound => Now::Gone,
                    Err(e) => {
                        notes.push(format!("cannot read user {id}: {}", e.short()));
                        Now::Unknown
                    }
                }
            }
        })
        .collect()
}
