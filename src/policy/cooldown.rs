//! Cooldowns: a command done to a user within the interval refuses the
//! next. Judged from the local audit log (this tool's changes, seen at
//! once) and from the System Log (everyone's changes, org-wide) where the
//! credential can read it; a refusal from either wins.

use jiff::{SignedDuration, Timestamp};
use serde::Deserialize;

use super::history::History;
use super::judge::{Judge, Subject};
use super::{duration, Finding};
use crate::error::{Error, Kind, Result};
use crate::okta::paths::quoted;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Event {
    published: Option<String>,
}

/// A time to whole seconds, as Okta's `since`/`until` take it.
fn whole(t: Timestamp) -> Timestamp {
    Timestamp::from_second(t.as_second()).unwrap_or(t)
}

impl Judge<'_> {
    pub(super) fn cooldown(
        &self,
        s: &Subject<'_>,
        every: SignedDuration,
    ) -> Result<Option<Finding>> {
        let now = whole(Timestamp::now());
        let since = now.checked_sub(every).unwrap_or(Timestamp::MIN);
        let cmd = self.command.name;
        if let Some(at) = self
            .history()?
            .last(cmd, s.user_id)
            .filter(|at| *at >= since)
        {
            return Ok(Some(self.cooling(s, every, at, "the local audit log")));
        }
        for event in self.command.events {
            match self.last_event(s.user_id, event, since, now) {
                Ok(Some(at)) => {
                    let source = format!("the System Log, {event}");
                    return Ok(Some(self.cooling(s, every, at, &source)));
                }
                Ok(None) => {}
                Err(e) if e.kind == Kind::Permission => {
                    self.say_once(
                        "cooldown",
                        "this credential cannot read the System Log (403): cooldowns are judged from the local audit log only, which does not see changes made elsewhere",
                    );
                    break;
                }
                Err(e) => {
                    return Err(e.context(format!(
                        "checking the System Log for the policy's cooldown of {cmd} for {}",
                        s.user
                    )))
                }
            }
        }
        Ok(None)
    }

    /// The local audit log, read once a run, from the longest cooldown back.
    fn history(&self) -> Result<&History> {
        let read = self.history.get_or_init(|| {
            let longest = self
                .policy()
                .cooldown
                .iter()
                .map(|c| c.every.value)
                .max()
                .unwrap_or_default();
            let since = Timestamp::now()
                .checked_sub(longest)
                .unwrap_or(Timestamp::MIN);
            let names: Vec<&str> = self.policy().cooldown.iter().map(|c| c.command).collect();
            History::read(&crate::audit::path()?, &self.org, &names, since)
        });
        read.as_ref().map_err(Error::clone)
    }

    /// The latest successful `event` about the user (as a target) between
    /// `since` and `until`, by anyone. Event types with `or` and brackets
    /// are UNCONFIRMED in the filter grammar (facts §E), so one request per
    /// event type.
    fn last_event(
        &self,
        user_id: &str,
        event: &str,
        since: Timestamp,
        until: Timestamp,
    ) -> Result<Option<Timestamp>> {
        let filter = format!(
            "target.id eq {} and eventType eq {} and outcome.result eq \"SUCCESS\"",
            quoted(user_id),
            quoted(event)
        );
        let (since, until) = (since.to_string(), until.to_string());
        let url = self.client.api_query(
            &["logs"],
            &[
                ("since", since.as_str()),
                ("until", until.as_str()),
                ("filter", filter.as_str()),
                ("limit", "1"),
                ("sortOrder", "DESCENDING"),
            ],
        )?;
        let events: Vec<Event> = self.client.get(url)?;
        Ok(events.first().map(|e| {
            // An event without a readable time: as late as it can be.
            e.published
                .as_deref()
                .and_then(|p| p.parse::<Timestamp>().ok())
                .unwrap_or_else(|| whole(Timestamp::now()))
        }))
    }

    fn cooling(
        &self,
        s: &Subject<'_>,
        every: SignedDuration,
        at: Timestamp,
        source: &str,
    ) -> Finding {
        let at = whole(at);
        let next = at
            .checked_add(every)
            .map(|t| t.to_string())
            .unwrap_or_else(|_| "later".into());
        let cmd = self.command.name;
        Finding {
            rule: format!("cooldown.{cmd}"),
            reason: format!(
                "{cmd} was done for {} at {at} ({source}), and the policy allows it once every {}: not before {next}",
                s.user,
                duration::show(every)
            ),
            hints: vec![self.file_hint(&format!("sets the cooldown ([cooldown] {cmd})"))],
        }
    }
}
