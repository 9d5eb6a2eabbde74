//! One change tool call, through the change gate: the arguments checked
//! (a user id, never a login; a ticket; who asked), the budget, then the
//! command's own job planned and applied by `gate::run::run`, with the
//! client standing in for the terminal's confirmation. Every refusal is
//! written to the audit log (outside a dry run) with channel `mcp`, the
//! client's name and version and the requester, as the changes are.

use jiff::Timestamp;
use rmcp::model::{InputResponses, JsonObject};
use serde_json::{json, Value};

use super::args::Args;
use super::catalog::Def;
use super::confirm::{Confirm, Way};
use super::jobs::{run_one, Extra, Notes};
use super::reply::{Done, Failed};
use super::server::Caller;
use super::State;
use crate::audit::{Channel, Subject};
use crate::error::{Error, Result};
use crate::gate::report::Row;
use crate::gate::targets::one_target;
use crate::gate::{Class, Gate, Via};

/// A change tool call as it came in.
pub struct Request {
    pub def: &'static Def,
    pub args: Option<JsonObject>,
    pub caller: Caller,
    pub way: Way,
    /// The second call of a 2026-07-28 confirmation: the handle and answer.
    pub handle: Option<String>,
    pub responses: Option<InputResponses>,
}

/// What a call comes to: a result, or a question for the person.
pub enum Answer {
    Done(std::result::Result<Done, Failed>),
    /// Ask, then expect the same call again: (question, message).
    Ask((String, String)),
}

/// The arguments every change tool takes, each as read.
struct Common {
    user_id: Result<String>,
    given: Option<String>,
    ticket: Result<String>,
    requester: Result<String>,
    dry_run: Result<bool>,
    extra: Result<Extra>,
    rest: Result<()>,
}

impl Common {
    fn read(def: &Def, map: Option<JsonObject>) -> Common {
        let given = map
            .as_ref()
            .and_then(|m| m.get("user_id"))
            .and_then(Value::as_str)
            .map(|s| s.chars().take(256).collect());
        let mut args = Args::new(map);
        let user_id = args.user_id();
        let ticket = args.required("ticket");
        let requester = args.required("requester");
        let dry_run = args.flag("dry_run");
        let extra = Extra::read(def.name, &mut args);
        Common {
            user_id,
            given,
            ticket,
            requester,
            dry_run,
            extra,
            rest: args.finish(),
        }
    }

    /// The first thing wrong with the arguments.
    fn first_error(&self) -> Option<Error> {
        [
            self.user_id.as_ref().err(),
            self.ticket.as_ref().err(),
            self.requester.as_ref().err(),
            self.dry_run.as_ref().err(),
            self.extra.as_ref().err(),
            self.rest.as_ref().err(),
        ]
        .into_iter()
        .flatten()
        .next()
        .cloned()
    }
}

pub fn call(state: &State, req: Request) -> Answer {
    let def = req.def;
    let Some(change) = &def.change else {
        return Answer::Done(Err(Error::failed("not a change tool").into()));
    };
    let raw = Value::Object(req.args.clone().unwrap_or_default());
    let c = Common::read(def, req.args);
    let requester = c.requester.as_ref().ok().cloned();
    let ticket = c.ticket.as_ref().ok().cloned();
    let dry_run = c.dry_run.as_ref().copied().unwrap_or(false);
    // The second call of a confirmation: the question the person accepted.
    let accepted = req.handle.as_deref().map(|h| {
        state
            .questions
            .answer(h, def.id, &raw, &req.caller.name, req.responses.as_ref())
    });
    let confirm = Confirm {
        way: req.way,
        policy_stands_in: state.rules.confirm_by_policy,
        accepted: accepted.as_ref().and_then(|a| a.as_ref().ok()).cloned(),
        asked: Default::default(),
        context: format!(
            "Asked by {} for ticket {}, through {} {}.",
            requester.as_deref().unwrap_or("(unknown)"),
            ticket.as_deref().unwrap_or("(none)"),
            req.caller.name,
            req.caller.version
        ),
    };
    let via = Via {
        channel: Channel {
            name: "mcp",
            client: Some(req.caller.name.clone()),
            client_version: Some(req.caller.version.clone()),
            requester: requester.clone(),
        },
        ticket: ticket.clone(),
        dry_run,
        confirmer: Some(&confirm),
    };
    let gate = match Gate::open_via(&state.ctx, change.command, via) {
        Ok(g) => g,
        Err(e) => return Answer::Done(Err(e.into())),
    };
    let given = c.given.as_deref();
    let subject = Subject {
        user_id: c.user_id.as_deref().ok(),
        user: given,
        group: None,
    };
    let refuse = |e: Error, subject: Subject<'_>| {
        let e = match gate.refused(subject, None, &e) {
            Ok(()) => e,
            Err(ae) => e.hint(format!("the refusal could not be audited: {}", ae.message)),
        };
        Answer::Done(Err(e.into()))
    };
    if let Some(e) = c.first_error() {
        return refuse(e, subject);
    }
    let (Ok(user_id), Ok(ticket), Ok(requester), Ok(extra)) = (
        c.user_id.clone(),
        c.ticket.clone(),
        c.requester.clone(),
        c.extra.clone(),
    ) else {
        return Answer::Done(Err(Error::failed("internal: arguments").into()));
    };
    // The id must name that very user (Okta would also match a login).
    let login = match gate.client.user_by_id(&user_id) {
        Ok(u) if u.id == user_id => u.login().to_string(),
        Ok(u) => {
            let e = Error::usage(format!(
                "'{user_id}' names the user {} ({}), not a user with that id; nothing was sent",
                u.login(),
                u.id
            ))
            .hint("pass the `id` find_user returned");
            return refuse(e, subject);
        }
        Err(e) => return Answer::Done(Err(e.into())),
    };
    let subject = Subject {
        user_id: Some(&user_id),
        user: Some(&login),
        group: None,
    };
    // A confirmation declined (or stale) in the second call.
    if let Some(Err(e)) = accepted {
        return refuse(e, subject);
    }
    let slot = match dry_run {
        true => None,
        false => match state.budget.reserve(&requester, Timestamp::now()) {
            Ok(s) => Some(s),
            Err(e) => return refuse(e, subject),
        },
    };
    let targets = match one_target(&user_id) {
        Ok(t) => t,
        Err(e) => return Answer::Done(Err(e.into())),
    };
    let (rows, _ending, notes) = match run_one(&gate, def.name, &extra, &targets) {
        Ok(r) => r,
        Err(e) => {
            if let Some(asked) = confirm.asked.lock().ok().and_then(|mut a| a.take()) {
                return Answer::Ask(asked);
            }
            return refuse(e, subject);
        }
    };
    let Some(row) = rows.into_iter().next() else {
        return Answer::Done(Err(Error::failed("internal: no row").into()));
    };
    if let (Some(slot), true) = (slot, row.change_id.is_some()) {
        slot.keep();
    }
    Answer::Done(finish(def, row, dry_run, &ticket, &requester, notes))
}

/// The row as the tool's result, or its failure with the row beside it.
fn finish(
    def: &Def,
    mut row: Row,
    dry_run: bool,
    ticket: &str,
    requester: &str,
    notes: Notes,
) -> std::result::Result<Done, Failed> {
    let value = json!({
        "result": row.result,
        "dry_run": dry_run,
        "user": row.user,
        "user_id": row.user_id,
        "email": notes.email,
        "group": notes.group.or(row.group.clone()),
        "request": row.request,
        "change_id": row.change_id,
        "request_id": row.request_id,
        "detail": row.detail,
        "ticket": ticket,
        "requester": requester,
    });
    if row.result.class() != Class::Ok {
        let error = row
            .failure
            .take()
            .unwrap_or_else(|| Error::failed(format!("{}: {}", def.id, row.result)));
        return Err(Failed {
            error,
            change: Some(Box::new(value)),
        });
    }
    let who = format!("{} ({})", row.user, row.user_id.as_deref().unwrap_or("-"));
    let summary = match (&row.change_id, &row.request) {
        (Some(id), _) => format!("{} {who}; audit change {id}", row.result),
        (None, Some(call)) if dry_run => {
            format!(
                "dry run: would send {call} ({} {who}); nothing was sent",
                row.result
            )
        }
        _ => format!("{} {who}: nothing to do, nothing was sent", row.result),
    };
    let summary = match value["email"].as_str() {
        Some(email) => format!("{summary}; Okta emails the link to {email}"),
        None => summary,
    };
    Done::new(&value, summary).map_err(Failed::from)
}
