//! The protocol side: rmcp's `ServerHandler` with the tools this server
//! offers, each call's blocking part in `spawn_blocking`, `-v` lines on
//! stderr, and the service loop that a signal or the end of stdin stops.

use std::sync::Arc;
use std::time::{Duration, Instant};

use rmcp::model::{
    CallToolRequestParams, CallToolResponse, Implementation, ListToolsResult,
    PaginatedRequestParams, ProtocolVersion, ServerCapabilities, ServerConfig,
};
use rmcp::service::{RequestContext, RoleServer};
use rmcp::{ErrorData as McpError, ServerHandler, ServiceExt};

use super::args::Args;
use super::catalog::{Def, Name};
use super::change::{self, Answer};
use super::confirm::Way;
use super::reply::{self, kind_name, Failed};
use super::{read, State};
use crate::error::{clean, Error, Result};
use crate::interrupt;

const INSTRUCTIONS: &str = "Okta help-desk tools. Look a person up with find_user and act on the `id` it returns; when it returns several users, ask which one is meant. Change tools need the user's id, the ticket and who asked (requester); try dry_run first when unsure. A change that takes something away asks the person at the client to confirm. Errors carry a stable kind (usage, not_found, permission, …) and hints: read them before retrying. No tool returns a password, reset URL or code.";

#[derive(Clone)]
pub struct Server {
    state: Arc<State>,
}

/// The MCP client making a call, as it named itself.
#[derive(Debug, Clone)]
pub struct Caller {
    pub name: String,
    pub version: String,
}

impl Caller {
    fn of(cx: &RequestContext<RoleServer>) -> Caller {
        let info = cx.client_info();
        let bounded = |s: String| clean(&s.chars().take(100).collect::<String>());
        Caller {
            name: bounded(info.as_ref().map(|i| i.name.clone()).unwrap_or_default()),
            version: bounded(info.map(|i| i.version).unwrap_or_default()),
        }
    }
}

impl ServerHandler for Server {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(ServerCapabilities::builder().enable_tools().build())
            .with_server_info(
                Implementation::new("oktactl", env!("CARGO_PKG_VERSION"))
                    .with_title("oktactl: Okta help desk"),
            )
            .with_instructions(INSTRUCTIONS)
    }

    async fn list_tools(
        &self,
        _request: Option<PaginatedRequestParams>,
        _cx: RequestContext<RoleServer>,
    ) -> std::result::Result<ListToolsResult, McpError> {
        let tools = self.state.tools.iter().map(|d| d.tool()).collect();
        Ok(ListToolsResult::with_all_items(tools))
    }

    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        cx: RequestContext<RoleServer>,
    ) -> std::result::Result<CallToolResponse, McpError> {
        // A tool not offered is unknown: a protocol error, as the spec says.
        let Some(def) = self.state.tool(&request.name) else {
            return Err(McpError::invalid_params(
                format!("unknown tool: {}", clean(&request.name)),
                None,
            ));
        };
        let caller = Caller::of(&cx);
        let started = Instant::now();
        let outcome = match def.change {
            _ if def.name == Name::VerifyCaller => {
                super::verify::call(&self.state, request.arguments, &caller).await
            }
            None => {
                let args = Args::new(request.arguments);
                self.blocking(move |state| read::call(state, def.name, args))
                    .await
                    .and_then(|r| r)
                    .map_err(Failed::from)
            }
            Some(_) => {
                let raw = serde_json::Value::Object(request.arguments.clone().unwrap_or_default());
                let req = change::Request {
                    def,
                    args: request.arguments,
                    caller: caller.clone(),
                    way: way_of(&cx),
                    handle: request.request_state,
                    responses: request.input_responses,
                };
                match self.blocking(move |state| change::call(state, req)).await {
                    Err(e) => Err(e.into()),
                    Ok(Answer::Done(outcome)) => outcome,
                    Ok(Answer::Ask(question)) => {
                        let asked = self
                            .state
                            .questions
                            .ask(def.id, raw, &caller.name, question);
                        match asked {
                            Ok(input_required) => {
                                self.log(def, &caller, "asked the person to confirm", started);
                                return Ok(input_required.into());
                            }
                            Err(e) => Err(e.into()),
                        }
                    }
                }
            }
        };
        let how = match &outcome {
            Ok(d) => format!("ok: {}", d.summary),
            Err(f) => format!("error ({}): {}", kind_name(f.error.kind), f.error.short()),
        };
        self.log(def, &caller, &how, started);
        Ok(reply::result(outcome).into())
    }
}

/// How this call's client can be asked to confirm.
fn way_of(cx: &RequestContext<RoleServer>) -> Way {
    let form = cx
        .client_capabilities()
        .and_then(|c| c.elicitation)
        .is_some_and(|e| e.form.is_some() || e.url.is_none());
    let answers = cx
        .protocol_version()
        .is_some_and(|v| v.as_str() >= ProtocolVersion::V_2026_07_28.as_str());
    match (form, answers) {
        (false, _) => Way::Cannot,
        (true, true) => Way::Answer,
        (true, false) => Way::Ask(cx.peer.clone(), tokio::runtime::Handle::current()),
    }
}

impl Server {
    /// Run `work` off the runtime, counted as busy until it ends.
    async fn blocking<T: Send + 'static>(
        &self,
        work: impl FnOnce(&State) -> T + Send + 'static,
    ) -> Result<T> {
        // Held by the blocking work itself: a call the client abandons
        // still counts until its work ends.
        let slot = Arc::clone(&self.state.slots)
            .acquire_owned()
            .await
            .map_err(|e| Error::failed(format!("the tool call failed: {e}")))?;
        let busy = self.state.enter();
        tokio::task::spawn_blocking(move || {
            let _slot = slot;
            if interrupt::requested() {
                return Err(interrupt::error("oktactl mcp is stopping: not started"));
            }
            Ok(work(&busy.0))
        })
        .await
        .unwrap_or_else(|e| Err(Error::failed(format!("the tool call failed: {e}"))))
    }

    /// `-v`: one stderr line per call (never stdout, which is the transport).
    fn log(&self, def: &Def, caller: &Caller, how: &str, started: Instant) {
        let err = &self.state.ctx.out.err;
        if !err.verbose() {
            return;
        }
        err.trace(&format!(
            "mcp {} from {} {}: {how} ({} ms)",
            def.id,
            or_unknown(&caller.name),
            caller.version,
            started.elapsed().as_millis()
        ));
    }
}

fn or_unknown(s: &str) -> &str {
    if s.is_empty() {
        "an unnamed client"
    } else {
        s
    }
}

/// Serve until stdin ends (exit 0) or a signal arrives (exit 130).
pub async fn run(
    state: Arc<State>,
    out: Box<dyn tokio::io::AsyncWrite + Send + Unpin>,
) -> Result<()> {
    let server = Server { state };
    let running = tokio::select! {
        r = server.serve((tokio::io::stdin(), out)) => r.map_err(|e| {
            Error::failed(format!("the MCP client did not start a session: {e}"))
        })?,
        () = signalled() => return Err(stopped()),
    };
    let ct = running.cancellation_token();
    let watch = tokio::spawn(async move {
        signalled().await;
        ct.cancel();
    });
    let quit = running.waiting().await;
    watch.abort();
    if interrupt::requested() {
        return Err(stopped());
    }
    quit.map(|_| ())
        .map_err(|e| Error::failed(format!("the MCP service ended abnormally: {e}")))
}

async fn signalled() {
    while !interrupt::requested() {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn stopped() -> Error {
    interrupt::error("oktactl mcp stopped by a signal; calls in flight were finished")
}
