//! `verify_caller`: an Okta Verify push with a number to match, sent by
//! `crate::verify` (its audit lines with channel `mcp`, its cap of 3
//! challenges per user per 10 minutes). One MCP call returns once, so it
//! takes two: the first sends the push and returns `{status: "waiting",
//! number, transaction}` as soon as Okta gives the number (the bot shows
//! it in the chat) while the push is polled on, off the runtime; a second
//! call with `transaction` waits for the end and returns the result
//! (verified, rejected, timed_out, …). A code method (sms, email, call,
//! totp) is refused: the code would have to pass through the chat.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rmcp::model::JsonObject;
use serde_json::{json, Value};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use super::args::Args;
use super::reply::{Done, Failed};
use super::server::Caller;
use super::State;
use crate::audit::{self, Audit, Channel, Run, Subject};
use crate::commands::verify::check_ticket;
use crate::config;
use crate::error::{Error, Result};
use crate::gate::Outcome;
use crate::interrupt;
use crate::verify::{self, Asker, Method, DEFAULT_WAIT};

type Outcome2 = std::result::Result<Done, Failed>;

/// A transaction not collected within this is forgotten (its audit lines stay).
const KEEP: Duration = Duration::from_secs(15 * 60);

/// Pushes still being polled, or ended but not yet collected.
#[derive(Default)]
pub struct Pending {
    map: Mutex<HashMap<String, Waiting>>,
}

struct Waiting {
    client: String,
    since: Instant,
    handle: JoinHandle<Outcome2>,
}

/// A new verification, as asked.
struct Ask {
    user_id: String,
    ticket: Option<String>,
    requester: String,
}

pub async fn call(state: &Arc<State>, map: Option<JsonObject>, caller: &Caller) -> Outcome2 {
    let given: Option<String> = map
        .as_ref()
        .and_then(|m| m.get("user_id"))
        .and_then(Value::as_str)
        .map(|s| crate::error::clean(&s.chars().take(256).collect::<String>()));
    let mut args = Args::new(map);
    let transaction = args.text("transaction")?;
    if let Some(t) = transaction {
        args.text("requester")?;
        args.finish()?;
        return collect(state, &t, caller).await;
    }
    let requester = args.required("requester")?;
    let ticket = args.text("ticket")?;
    let method = args.text("method")?;
    let user_id = args.user_id();
    let rest = args.finish();
    let channel = channel(caller, &requester);
    let first = rest.and(method_of(method.as_deref())).and(user_id);
    let user_id = match first {
        Ok(id) => id,
        Err(e) => {
            let st = Arc::clone(state);
            let (t, ch) = (ticket.clone(), channel.clone());
            // The refusal is audited (file and network: off the runtime).
            let e = tokio::task::spawn_blocking(move || {
                refused(&st, given, t, ch, &e).err().unwrap_or(e)
            })
            .await
            .unwrap_or_else(|e| Error::failed(format!("the tool call failed: {e}")));
            return Err(e.into());
        }
    };
    let ask = Ask {
        user_id,
        ticket,
        requester,
    };
    start(state, ask, channel, caller).await
}

fn channel(caller: &Caller, requester: &str) -> Channel {
    Channel {
        name: "mcp",
        client: Some(caller.name.clone()),
        client_version: Some(caller.version.clone()),
        requester: Some(requester.to_string()),
    }
}

/// `auto` and `push` are a push; a code method is not for an agent.
fn method_of(m: Option<&str>) -> Result<Method> {
    match m.unwrap_or("auto") {
        "auto" | "push" => Ok(Method::Push),
        "sms" | "email" | "call" | "totp" => Err(Error::usage(
            "a code method (sms, email, call, totp) is not available to agents: the code would pass through the chat; nothing was sent",
        )
        .hint("use method push (Okta Verify), or have the help desk run `oktactl verify --method …` at a terminal")),
        other => Err(Error::usage(format!(
            "method must be auto or push, not '{}'",
            crate::error::clean(other)
        ))),
    }
}

fn subject(given: Option<&str>) -> Subject<'_> {
    let id = given.filter(|g| super::args::is_user_id(g));
    Subject {
        user_id: id,
        user: given,
        group: None,
    }
}

/// Write a refusal to the audit log; `Err`: the error, with why it could not be.
fn refused(
    state: &State,
    given: Option<String>,
    ticket: Option<String>,
    channel: Channel,
    e: &Error,
) -> Result<()> {
    let write = || -> Result<()> {
        let client = state.ctx.client()?;
        let audit = Audit::open_checked(Run {
            org: config::origin_text(client.origin()),
            profile: state.ctx.profile().to_string(),
            command: "verify".into(),
            ticket: ticket.filter(|t| !t.trim().is_empty()),
            channel,
        })?;
        audit.refusal(subject(given.as_deref()), None, &e.short())
    };
    write().map_err(|ae| {
        e.clone()
            .hint(format!("the refusal could not be audited: {}", ae.message))
    })
}

/// Send the push; return the number as soon as Okta gives it, or the end.
async fn start(state: &Arc<State>, ask: Ask, channel: Channel, caller: &Caller) -> Outcome2 {
    let slot = Arc::clone(&state.slots)
        .acquire_owned()
        .await
        .map_err(|e| Error::failed(format!("the tool call failed: {e}")))?;
    let busy = state.enter();
    let (tx, rx) = oneshot::channel::<u32>();
    let user_id = ask.user_id.clone();
    let mut handle = tokio::task::spawn_blocking(move || {
        let _slot = slot;
        if interrupt::requested() {
            return Err(interrupt::error("oktactl mcp is stopping: not started").into());
        }
        let tell = Mutex::new(Some(tx));
        let on_number = |n: u32| {
            if let Some(tx) = tell.lock().ok().and_then(|mut t| t.take()) {
                let _ = tx.send(n);
            }
        };
        verify_one(&busy.0, &ask, channel, &on_number)
    });
    let joined = |r: std::result::Result<Outcome2, tokio::task::JoinError>| {
        r.unwrap_or_else(|e| Err(Error::failed(format!("the tool call failed: {e}")).into()))
    };
    tokio::select! {
        biased;
        n = rx => match n {
            Ok(n) => {
                let transaction = audit::new_change_id().replacen("c-", "v-", 1);
                state.pending.keep(&transaction, &caller.name, handle);
                let value = json!({
                    "status": "waiting",
                    "number": n,
                    "transaction": transaction,
                    "user_id": user_id,
                    "method": "push",
                    "wait_seconds": DEFAULT_WAIT.as_secs(),
                });
                Done::new(&value, format!(
                    "push sent: show the employee the number {n} to tap in Okta Verify, then call verify_caller with transaction {transaction} to wait for the answer"
                )).map_err(Failed::from)
            }
            // No number (the push ended first, or Okta sent none): the end.
            Err(_) => joined(handle.await),
        },
        r = &mut handle => joined(r),
    }
}

/// The second call: wait for the push to end.
async fn collect(state: &Arc<State>, transaction: &str, caller: &Caller) -> Outcome2 {
    let Some(handle) = state.pending.take(transaction, &caller.name) else {
        return Err(Error::usage(format!(
            "no verification waiting as transaction '{}' (unknown, already collected, or from another client)",
            crate::error::clean(transaction)
        ))
        .hint("start one with verify_caller and the user's id")
        .into());
    };
    handle
        .await
        .unwrap_or_else(|e| Err(Error::failed(format!("the tool call failed: {e}")).into()))
}

/// The blocking part: the ticket rule, the user, the push to its end.
fn verify_one(
    state: &State,
    ask: &Ask,
    channel: Channel,
    on_number: &(dyn Fn(u32) + Sync),
) -> Outcome2 {
    let ctx = &state.ctx;
    check_ticket(ctx, ask.ticket.as_deref(), channel.clone())?;
    let client = ctx.client()?;
    // The id must name that very user (Okta would also match a login).
    let user = client.user_by_id(&ask.user_id)?;
    if user.id != ask.user_id {
        let e = Error::usage(format!(
            "'{}' names the user {} ({}), not a user with that id; nothing was sent",
            ask.user_id,
            user.login(),
            user.id
        ))
        .hint("pass the `id` find_user returned");
        let given = Some(ask.user_id.clone());
        let e = refused(state, given, ask.ticket.clone(), channel, &e)
            .err()
            .unwrap_or(e);
        return Err(e.into());
    }
    let asker = Asker {
        channel,
        ticket: ask.ticket.clone(),
        on_number: Some(on_number),
    };
    let v = verify::run_as(ctx, client, &user, Method::Push, DEFAULT_WAIT, &asker)?;
    let mut value = serde_json::to_value(&v)
        .map_err(|e| Error::failed(format!("cannot encode the result: {e}")))?;
    if let Value::Object(m) = &mut value {
        m.insert("status".into(), json!(v.result.as_str()));
        m.insert("ticket".into(), json!(ask.ticket));
        m.insert("requester".into(), json!(ask.requester));
    }
    if let Some(error) = v.error("do not act on the caller's word") {
        return Err(Failed {
            error,
            change: Some(Box::new(value)),
        });
    }
    let summary = match v.result {
        Outcome::Verified => format!(
            "verified: the caller holds {}'s Okta Verify ({})",
            v.user, v.user_id
        ),
        o => format!("{}: {}", o.as_str(), v.user),
    };
    Ok(Done { value, summary })
}

impl Pending {
    fn keep(&self, transaction: &str, client: &str, handle: JoinHandle<Outcome2>) {
        let Ok(mut map) = self.map.lock() else {
            return;
        };
        map.retain(|_, w| w.since.elapsed() < KEEP);
        map.insert(
            transaction.to_string(),
            Waiting {
                client: client.to_string(),
                since: Instant::now(),
                handle,
            },
        );
    }

    fn take(&self, transaction: &str, client: &str) -> Option<JoinHandle<Outcome2>> {
        let mut map = self.map.lock().ok()?;
        match map.get(transaction) {
            Some(w) if w.client == client => map.remove(transaction).map(|w| w.handle),
            _ => None,
        }
    }
}
