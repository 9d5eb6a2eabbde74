//! Intent and outcome lines joined into one row per change, in the order the
//! changes started, as the lines stream past.
//!
//! Rows wait in a queue until every row before them is complete, so an
//! intent whose outcome never comes (a crash) would hold the queue: the
//! queue is capped (rows and bytes), and past the cap its oldest row goes out
//! as unfinished. Memory is bounded by the cap, whatever the file's size.

use std::collections::{HashMap, HashSet, VecDeque};

use jiff::Timestamp;
use serde::Serialize;

use super::record::{Phase, Record};
use crate::output::{or_dash, Tabular};

/// What an intent without an outcome line shows as its outcome.
pub const UNFINISHED: &str = "unfinished";

/// Rows held back waiting for an earlier change's outcome, at most.
const MAX_WAITING_ROWS: usize = 100_000;
const MAX_WAITING_BYTES: usize = 64 << 20;
/// Change ids given up on (sent out unfinished at the cap) remembered, at most.
const MAX_GIVEN_UP: usize = 10_000;

/// One change: its intent joined with its outcome, or one old-format line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Change {
    /// When it started: the intent's time (or the line's, without one).
    pub time: Option<String>,
    pub command: Option<String>,
    pub user: Option<String>,
    pub user_id: Option<String>,
    pub group: Option<String>,
    /// The request about to be sent, as the intent line gives it.
    pub call: Option<String>,
    /// The outcome line's result; `unfinished` for an intent without one.
    pub outcome: Option<String>,
    pub error: Option<String>,
    pub ticket: Option<String>,
    pub request_id: Option<String>,
    pub operator: Option<String>,
    pub org: Option<String>,
    pub profile: Option<String>,
    pub change_id: Option<String>,
    /// An outcome line was read for it (old-format lines are finished).
    #[serde(skip)]
    pub finished: bool,
    /// `time`, parsed.
    #[serde(skip)]
    pub at: Option<Timestamp>,
}

impl Change {
    fn from_record(r: Record) -> Change {
        let at = r.time.as_deref().and_then(|t| t.parse::<Timestamp>().ok());
        Change {
            finished: r.phase != Phase::Intent,
            at,
            time: r.time,
            command: r.command,
            user: r.user,
            user_id: r.user_id,
            group: r.group,
            call: r.call,
            outcome: r.outcome,
            error: r.error,
            ticket: r.ticket,
            request_id: r.request_id,
            operator: r.operator,
            org: r.org,
            profile: r.profile,
            change_id: r.change_id,
        }
    }

    /// Take the outcome line's result; its other fields fill the gaps.
    fn complete(&mut self, r: Record) {
        self.finished = true;
        self.outcome = r.outcome;
        self.error = r.error;
        self.request_id = r.request_id.or(self.request_id.take());
        for (mine, theirs) in [
            (&mut self.command, r.command),
            (&mut self.user, r.user),
            (&mut self.user_id, r.user_id),
            (&mut self.group, r.group),
            (&mut self.ticket, r.ticket),
            (&mut self.operator, r.operator),
            (&mut self.org, r.org),
            (&mut self.profile, r.profile),
        ] {
            if mine.is_none() {
                *mine = theirs;
            }
        }
    }

    /// Roughly what it holds in memory.
    fn size(&self) -> usize {
        [
            &self.time,
            &self.command,
            &self.user,
            &self.user_id,
            &self.group,
            &self.call,
            &self.outcome,
            &self.error,
            &self.ticket,
            &self.request_id,
            &self.operator,
            &self.org,
            &self.profile,
            &self.change_id,
        ]
        .iter()
        .map(|f| f.as_ref().map_or(0, String::len))
        .sum::<usize>()
            + std::mem::size_of::<Change>()
    }
}

impl Tabular for Change {
    fn columns() -> Vec<&'static str> {
        vec![
            "time",
            "command",
            "user",
            "user_id",
            "group",
            "call",
            "outcome",
            "error",
            "ticket",
            "request_id",
            "operator",
            "org",
            "profile",
            "change_id",
        ]
    }
    fn row(&self) -> Vec<String> {
        [
            &self.time,
            &self.command,
            &self.user,
            &self.user_id,
            &self.group,
            &self.call,
            &self.outcome,
            &self.error,
            &self.ticket,
            &self.request_id,
            &self.operator,
            &self.org,
            &self.profile,
            &self.change_id,
        ]
        .into_iter()
        .map(or_dash)
        .collect()
    }
    /// What reads at a terminal; JSON and CSV carry every column.
    fn table_columns() -> Vec<&'static str> {
        vec!["time", "command", "user", "outcome", "ticket", "operator"]
    }
}

struct Slot {
    change: Change,
    /// An intent whose outcome line may still come.
    waiting: bool,
    size: usize,
}

/// The join: push records in file order, pop rows in start order.
pub struct Join {
    slots: VecDeque<Slot>,
    /// The sequence number of `slots[0]`.
    first: u64,
    /// Open intents: change id → sequence number of its slot.
    open: HashMap<String, u64>,
    bytes: usize,
    ended: bool,
    given_up: HashSet<String>,
    max_rows: usize,
    max_bytes: usize,
}

impl Default for Join {
    fn default() -> Self {
        Join::with_limits(MAX_WAITING_ROWS, MAX_WAITING_BYTES)
    }
}

impl Join {
    pub fn with_limits(max_rows: usize, max_bytes: usize) -> Join {
        Join {
            slots: VecDeque::new(),
            first: 0,
            open: HashMap::new(),
            bytes: 0,
            ended: false,
            given_up: HashSet::new(),
            max_rows,
            max_bytes,
        }
    }

    /// Take one line's record; `Some` is a note worth a warning.
    pub fn push(&mut self, r: Record) -> Option<String> {
        match r.phase {
            Phase::Single => {
                self.add(Change::from_record(r), false);
                None
            }
            Phase::Intent => {
                let seq = self.first + self.slots.len() as u64;
                let mut note = None;
                let waiting = match r.change_id.clone() {
                    Some(id) => {
                        if let Some(old) = self.open.insert(id.clone(), seq) {
                            if let Some(slot) = self.slot(old) {
                                slot.waiting = false;
                            }
                            note = Some(format!(
                                "a second intent for change {id}; the first is listed as unfinished"
                            ));
                        }
                        true
                    }
                    // Nothing can ever complete it.
                    None => false,
                };
                self.add(Change::from_record(r), waiting);
                note
            }
            Phase::Outcome => {
                let open = r.change_id.as_ref().and_then(|id| self.open.remove(id));
                if let Some(slot) = open.and_then(|seq| self.slot(seq)) {
                    let before = slot.size;
                    slot.change.complete(r);
                    slot.waiting = false;
                    slot.size = slot.change.size();
                    let after = slot.size;
                    self.bytes = self.bytes.saturating_sub(before).saturating_add(after);
                    return None;
                }
                let note = r
                    .change_id
                    .as_ref()
                    .filter(|id| self.given_up.contains(*id))
                    .map(|id| {
                        format!(
                            "the outcome of change {id} came so long after its intent that the intent was already listed as unfinished"
                        )
                    });
                // An outcome without its intent: a row of its own.
                self.add(Change::from_record(r), false);
                note
            }
        }
    }

    /// The input has ended: every row can go.
    pub fn end(&mut self) {
        self.ended = true;
    }

    /// The next row whose place is settled, if any.
    pub fn pop(&mut self) -> Option<Change> {
        let full = self.slots.len() > self.max_rows || self.bytes > self.max_bytes;
        let front = self.slots.front()?;
        if front.waiting && !self.ended && !full {
            return None;
        }
        let slot = self.slots.pop_front()?;
        let seq = self.first;
        self.first += 1;
        self.bytes = self.bytes.saturating_sub(slot.size);
        let mut change = slot.change;
        if !change.finished {
            change.outcome = Some(UNFINISHED.into());
            if let Some(id) = &change.change_id {
                if self.open.get(id) == Some(&seq) {
                    self.open.remove(id);
                    if !self.ended && self.given_up.len() < MAX_GIVEN_UP {
                        self.given_up.insert(id.clone());
                    }
                }
            }
        }
        Some(change)
    }

    fn add(&mut self, change: Change, waiting: bool) {
        let size = change.size();
        self.bytes = self.bytes.saturating_add(size);
        self.slots.push_back(Slot {
            change,
            waiting,
            size,
        });
    }

    fn slot(&mut self, seq: u64) -> Option<&mut Slot> {
        let index = usize::try_from(seq.checked_sub(self.first)?).ok()?;
        self.slots.get_mut(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(phase: Phase, id: Option<&str>, time: &str) -> Record {
        Record {
            phase,
            time: Some(time.into()),
            change_id: id.map(Into::into),
            operator: Some("alice".into()),
            org: None,
            profile: None,
            command: Some("unlock".into()),
            ticket: None,
            user_id: Some(format!("u-{time}")),
            user: None,
            group: None,
            call: None,
            outcome: None,
            request_id: None,
            error: None,
        }
    }

    fn intent(id: &str, time: &str) -> Record {
        Record {
            call: Some(format!("POST {id}")),
            ..rec(Phase::Intent, Some(id), time)
        }
    }

    fn outcome(id: &str, time: &str, result: &str) -> Record {
        Record {
            outcome: Some(result.into()),
            request_id: Some(format!("req-{id}")),
            user: Some(format!("{id}@x.com")),
            ..rec(Phase::Outcome, Some(id), time)
        }
    }

    fn drain(j: &mut Join) -> Vec<Change> {
        std::iter::from_fn(|| j.pop()).collect()
    }

    #[test]
    fn pairs_join_in_start_order_even_when_interleaved() {
        let mut j = Join::default();
        assert_eq!(j.push(intent("a", "t1")), None);
        assert_eq!(j.push(intent("b", "t2")), None);
        assert!(drain(&mut j).is_empty(), "a is still open");
        assert_eq!(j.push(outcome("b", "t3", "unlocked")), None);
        assert!(drain(&mut j).is_empty(), "b waits behind a");
        j.push(outcome("a", "t4", "failed"));
        let rows = drain(&mut j);
        assert_eq!(rows.len(), 2);
        let a = &rows[0];
        assert_eq!(a.change_id.as_deref(), Some("a"));
        assert_eq!(a.time.as_deref(), Some("t1"), "the intent's time");
        assert_eq!(a.call.as_deref(), Some("POST a"));
        assert_eq!(a.outcome.as_deref(), Some("failed"));
        assert_eq!(a.request_id.as_deref(), Some("req-a"));
        assert_eq!(a.user.as_deref(), Some("a@x.com"), "a gap filled");
        assert_eq!(a.user_id.as_deref(), Some("u-t1"), "the intent's kept");
        assert!(a.finished);
        assert_eq!(rows[1].change_id.as_deref(), Some("b"));
        assert_eq!(rows[1].outcome.as_deref(), Some("unlocked"));
    }

    #[test]
    fn an_intent_without_outcome_is_unfinished_at_the_end() {
        let mut j = Join::default();
        j.push(intent("a", "t1"));
        j.push(rec(Phase::Single, None, "t2"));
        assert!(drain(&mut j).is_empty());
        j.end();
        let rows = drain(&mut j);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].outcome.as_deref(), Some(UNFINISHED));
        assert!(!rows[0].finished);
        assert!(rows[1].finished);
        assert_eq!(rows[1].outcome, None);
    }

    #[test]
    fn orphans_and_intents_without_id_are_rows_of_their_own() {
        let mut j = Join::default();
        j.push(outcome("z", "t1", "added"));
        j.push(rec(Phase::Intent, None, "t2"));
        let rows = drain(&mut j);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].outcome.as_deref(), Some("added"));
        assert_eq!(rows[0].call, None);
        assert_eq!(rows[1].outcome.as_deref(), Some(UNFINISHED));
    }

    #[test]
    fn a_repeated_intent_closes_the_first() {
        let mut j = Join::default();
        j.push(intent("a", "t1"));
        assert!(j.push(intent("a", "t2")).unwrap().contains("second intent"));
        let first = drain(&mut j);
        assert_eq!(first.len(), 1);
        assert_eq!(first[0].outcome.as_deref(), Some(UNFINISHED));
        j.push(outcome("a", "t3", "unlocked"));
        let second = drain(&mut j);
        assert_eq!(second[0].time.as_deref(), Some("t2"));
        assert_eq!(second[0].outcome.as_deref(), Some("unlocked"));
    }

    #[test]
    fn the_queue_is_capped() {
        let mut j = Join::with_limits(3, usize::MAX);
        j.push(intent("stuck", "t0"));
        for i in 1..=3 {
            j.push(rec(Phase::Single, None, &format!("t{i}")));
        }
        // Four rows wait (more than 3): the stuck one goes out unfinished.
        let rows = drain(&mut j);
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[0].outcome.as_deref(), Some(UNFINISHED));
        let note = j.push(outcome("stuck", "t9", "unlocked")).unwrap();
        assert!(note.contains("already listed as unfinished"));
        assert_eq!(drain(&mut j)[0].outcome.as_deref(), Some("unlocked"));

        let mut by_bytes = Join::with_limits(usize::MAX, 1);
        by_bytes.push(intent("x", "t0"));
        assert_eq!(drain(&mut by_bytes).len(), 1);
    }

    #[test]
    fn times_are_parsed_for_filtering() {
        let mut j = Join::default();
        j.push(rec(Phase::Single, None, "2026-11-29T17:30:00.123Z"));
        j.push(rec(Phase::Single, None, "yesterday"));
        let rows = drain(&mut j);
        assert_eq!(
            rows[0].at,
            Some("2026-11-29T17:30:00.123Z".parse().unwrap())
        );
        assert_eq!(rows[1].at, None);
    }
}
