//! `oktactl mcp`: the help-desk tools served to an agent over the Model
//! Context Protocol, on stdio. Part of the commands layer (it is the `mcp`
//! command's body, apart because of its size and its cargo feature): each
//! tool is a thin call into the engine a command uses, so an agent gets
//! the guarded, audited actions a person at a terminal gets, and a few
//! more guards, since no person reads its confirmations.
//!
//! rmcp runs the protocol on a current-thread tokio runtime; every Okta
//! call is blocking and runs in `spawn_blocking`. Stdout carries protocol
//! messages only: at start the transport takes its own copy of fd 1 and
//! fd 1 is pointed at stderr, so nothing else can ever write there.

mod args;
mod budget;
mod catalog;
mod change;
mod confirm;
mod jobs;
mod questions;
mod read;
mod reply;
mod rights;
mod rules;
mod schema;
mod server;
mod verify;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::context::{ChangeArgs, Context, GlobalArgs};
use crate::error::{Error, Result};
use crate::interrupt;
use crate::output::Format;
use budget::Budget;
use catalog::Def;
use questions::Questions;
use rules::Rules;

/// Tool calls at work at once: each holds a blocking thread and the Okta
/// client's rate limits are shared anyway.
const MAX_CALLS: usize = 8;

/// What `oktactl mcp` was asked to serve.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub allow_writes: bool,
    pub allow_excess: bool,
}

/// What every tool call shares.
pub struct State {
    pub ctx: Context,
    pub tools: Vec<&'static Def>,
    /// What the policy says to the agent mode (`[mcp]`).
    pub rules: Rules,
    pub budget: Budget,
    /// Confirmations waiting for the client's second call (2026-07-28).
    pub questions: Questions,
    /// Pushes of verify_caller awaiting their second call.
    pub pending: verify::Pending,
    /// Calls whose blocking part is still running.
    busy: AtomicUsize,
    /// Calls at work at once; the others wait their turn (without a thread).
    pub slots: Arc<tokio::sync::Semaphore>,
}

impl State {
    pub fn tool(&self, id: &str) -> Option<&'static Def> {
        self.tools.iter().copied().find(|d| d.id == id)
    }

    /// Count a call until the guard drops (at the end of its blocking part).
    fn enter(self: &Arc<Self>) -> Busy {
        self.busy.fetch_add(1, Ordering::SeqCst);
        Busy(Arc::clone(self))
    }
}

struct Busy(Arc<State>);

impl Drop for Busy {
    fn drop(&mut self) {
        self.0.busy.fetch_sub(1, Ordering::SeqCst);
    }
}

pub fn serve(parent: &Context, opts: Options) -> Result<()> {
    // The server's own context: JSON-minded, nobody to prompt; each call
    // brings its own dry run and ticket to the gate (`Gate::open_via`).
    let global = GlobalArgs {
        output: Format::Json,
        ..parent.global.clone()
    };
    let mut ctx = parent.detached(global, Some(ChangeArgs::NONE));
    // Nobody answers a prompt or picker here: stdin is the transport.
    ctx.out.term.stdin = false;
    // A signal stops the server between calls (and no change starts after it).
    interrupt::install()?;
    let rules = Rules::load(&ctx)?;
    // Before the runtime: the blocking client is built (and later dropped) outside it.
    let offer = rights::offer(&ctx, &opts, rules.tools.as_deref())?;
    let budget = Budget::new(rules.budget);
    if budget.limited() {
        budget.seed(&crate::audit::path()?, jiff::Timestamp::now());
    }
    let org = ctx.client()?.origin().to_string();
    ctx.out.status(&format!(
        "oktactl mcp: serving {} tools for {} on stdio; {}",
        offer.tools.len(),
        org.trim_end_matches('/'),
        offer.note
    ));
    let state = Arc::new(State {
        ctx,
        tools: offer.tools,
        rules,
        budget,
        questions: Questions::default(),
        pending: verify::Pending::default(),
        busy: AtomicUsize::new(0),
        slots: Arc::new(tokio::sync::Semaphore::new(MAX_CALLS)),
    });
    let out = transport_out()?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::failed(format!("cannot start the MCP runtime: {e}")))?;
    let served = runtime.block_on(server::run(Arc::clone(&state), out));
    // Calls still running (a change being sent) finish and write their
    // outcome lines first, within the request timeout.
    let limit = Duration::from_secs(state.ctx.global.timeout.saturating_add(5));
    let start = Instant::now();
    while state.busy.load(Ordering::SeqCst) > 0 && start.elapsed() < limit {
        std::thread::sleep(Duration::from_millis(20));
    }
    // Stdin's blocking read cannot be cancelled: do not wait for it.
    runtime.shutdown_timeout(Duration::from_millis(100));
    served
}

/// Where protocol messages go: a private copy of fd 1, with fd 1 itself
/// pointed at stderr so that no other write can reach the transport.
#[cfg(unix)]
fn transport_out() -> Result<Box<dyn tokio::io::AsyncWrite + Send + Unpin>> {
    let cannot = |e: std::io::Error| Error::failed(format!("cannot set up stdout for MCP: {e}"));
    let own =
        rustix::io::fcntl_dupfd_cloexec(std::io::stdout(), 3).map_err(|e| cannot(e.into()))?;
    rustix::stdio::dup2_stdout(std::io::stderr()).map_err(|e| cannot(e.into()))?;
    Ok(Box::new(tokio::fs::File::from_std(std::fs::File::from(
        own,
    ))))
}

#[cfg(not(unix))]
fn transport_out() -> Result<Box<dyn tokio::io::AsyncWrite + Send + Unpin>> {
    Ok(Box::new(tokio::io::stdout()))
}
