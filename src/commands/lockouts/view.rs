//! How lock-outs read: a table at a terminal with times relative and local
//! (`12 min ago (09:12)`); JSON and CSV keep Okta's UTC times.

use jiff::tz::TimeZone;
use jiff::Timestamp;

use super::find::Lockout;
use crate::context::Context;
use crate::error::Result;
use crate::okta::logs;
use crate::output::{or_dash, Format, Tabular};

/// `12 min ago`, `3 h ago`, `2 d ago`; a time ahead of `now` (clocks
/// differ) is `just now`.
pub fn ago(at: Timestamp, now: Timestamp) -> String {
    let secs = now.as_second().saturating_sub(at.as_second());
    match secs {
        s if s < 60 => "just now".into(),
        s if s < 3600 => format!("{} min ago", s / 60),
        s if s < 48 * 3600 => format!("{} h ago", s / 3600),
        s => format!("{} d ago", s / 86_400),
    }
}

/// The local time: `09:12` today, `Mon 09:12` within the week,
/// `2026-11-20 09:12` before.
pub fn local(at: Timestamp, now: Timestamp, tz: &TimeZone) -> String {
    let (at, now) = (at.to_zoned(tz.clone()), now.to_zoned(tz.clone()));
    let days = (now.date() - at.date()).get_days();
    if days == 0 {
        at.strftime("%H:%M").to_string()
    } else if (1..7).contains(&days) {
        at.strftime("%a %H:%M").to_string()
    } else {
        at.strftime("%Y-%m-%d %H:%M").to_string()
    }
}

/// `12 min ago (09:12)`.
pub fn when(at: Timestamp, now: Timestamp, tz: &TimeZone) -> String {
    format!("{} ({})", ago(at, now), local(at, now, tz))
}

/// How an unlock came: `by admin@acme.com`, `automatic`, `self-service`.
fn unlock_how(l: &Lockout) -> String {
    match (l.unlock_event.as_deref(), &l.unlocked_by) {
        (_, Some(by)) => format!("by {by}"),
        (Some(logs::UNLOCK), _) => "automatic".into(),
        (Some(logs::UNLOCK_TOKEN), _) => "self-service".into(),
        _ => "by an admin".into(),
    }
}

impl Tabular for Lockout {
    fn columns() -> Vec<&'static str> {
        vec![
            "user_id",
            "login",
            "name",
            "status",
            "still_locked",
            "locked_at",
            "event_type",
            "failed_sign_ins",
            "client_ip",
            "location",
            "user_agent",
            "unlocked_at",
            "unlock_event",
            "unlocked_by",
            "event_id",
        ]
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.user_id.clone(),
            or_dash(&self.login),
            or_dash(&self.name),
            or_dash(&self.status),
            self.still_locked.to_string(),
            self.locked_at.clone(),
            self.event_type.clone(),
            or_dash(&self.failed_sign_ins.map(|n| n.to_string())),
            or_dash(&self.client_ip),
            or_dash(&self.location.as_ref().and_then(|l| l.text())),
            or_dash(&self.user_agent),
            or_dash(&self.unlocked_at),
            or_dash(&self.unlock_event),
            or_dash(&self.unlocked_by),
            or_dash(&self.event_id),
        ]
    }
}

/// Print the lock-outs: JSON and CSV as every list; a table of its own
/// with times relative and local, and, with `--all`, whether each is still
/// locked and how it was unlocked.
pub fn print(ctx: &Context, rows: &[Lockout], all: bool) -> Result<()> {
    if ctx.out.format != Format::Table {
        return ctx.out.list(rows.iter().map(Ok)).map(|_| ());
    }
    if rows.is_empty() {
        ctx.out.status(if all {
            "no lock-outs in the window"
        } else {
            "no one is locked out (in the window's System Log)"
        });
        return Ok(());
    }
    let (now, tz) = (Timestamp::now(), TimeZone::system());
    let mut columns = vec!["login", "name", "locked since", "failed", "ip", "location"];
    if all {
        columns.extend(["locked", "unlocked"]);
    }
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|l| {
            let mut row = vec![
                or_dash(&l.login),
                or_dash(&l.name),
                when(l.at, now, &tz),
                or_dash(&l.failed_sign_ins.map(|n| n.to_string())),
                or_dash(&l.client_ip),
                or_dash(&l.location.as_ref().and_then(|x| x.text())),
            ];
            if all {
                row.push(if l.still_locked { "yes" } else { "no" }.into());
                let unlocked = l.unlocked_at.as_deref().and_then(|t| t.parse().ok());
                row.push(match unlocked {
                    Some(t) => format!("{} {}", ago(t, now), unlock_how(l)),
                    None if l.still_locked => "-".into(),
                    None => format!("status {}", l.status.as_deref().unwrap_or("unknown")),
                });
            }
            row
        })
        .collect();
    ctx.out.data(&ctx.out.table(&columns, table).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn relative_times() {
        let now = t("2026-11-30T09:30:00Z");
        assert_eq!(ago(t("2026-11-30T09:29:30Z"), now), "just now");
        assert_eq!(ago(t("2026-11-30T09:18:00Z"), now), "12 min ago");
        assert_eq!(ago(t("2026-11-30T06:00:00Z"), now), "3 h ago");
        assert_eq!(ago(t("2026-11-27T09:00:00Z"), now), "3 d ago");
        assert_eq!(ago(t("2026-11-30T09:31:00Z"), now), "just now");
    }

    #[test]
    fn local_times_say_the_day_when_it_is_not_today() {
        let utc = TimeZone::UTC;
        let now = t("2026-11-30T09:30:00Z"); // a Monday
        assert_eq!(local(t("2026-11-30T09:12:00Z"), now, &utc), "09:12");
        assert_eq!(local(t("2026-11-28T17:05:00Z"), now, &utc), "Sat 17:05");
        assert_eq!(
            local(t("2026-11-20T08:00:00Z"), now, &utc),
            "2026-11-20 08:00"
        );
        assert_eq!(
            when(t("2026-11-30T09:18:00Z"), now, &utc),
            "12 min ago (09:18)"
        );
        let cet = TimeZone::fixed(jiff::tz::offset(1));
        assert_eq!(local(t("2026-11-30T09:12:00Z"), now, &cet), "10:12");
    }
}
