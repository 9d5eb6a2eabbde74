//! Confirmation for an agent, failing closed. A change that takes
//! something away is confirmed by the person at the client through
//! elicitation: on a legacy session (protocol 2025-11-25 and older) the
//! server asks during the call; on 2026-07-28 the call answers
//! `input_required` and the client calls again with the answer and the
//! `requestState` handle. A client that cannot elicit is refused, unless
//! the policy says `mcp.confirm = "policy"` (its rules then stand in for a
//! person). The question never asks for a secret.
//! The questions waiting for their second call are in `questions.rs`.

use std::sync::Mutex;
use std::time::Duration;

use rmcp::model::{ElicitRequestParams, ElicitResult, ElicitationAction, ElicitationSchema};
use rmcp::service::{Peer, RoleServer};
use serde_json::{json, Value};

use crate::error::{clean, Error, Result};
use crate::gate::{Ask, Confirmer};

/// How long a question waits for its answer.
pub(super) const PENDING_FOR: Duration = Duration::from_secs(600);

/// How this call's client can be asked.
pub enum Way {
    /// Legacy session: an `elicitation/create` request during the call.
    Ask(Peer<RoleServer>, tokio::runtime::Handle),
    /// 2026-07-28: an `input_required` result, answered by a second call.
    Answer,
    /// The client declared no (form) elicitation.
    Cannot,
}

/// The gate's confirmer for one call.
pub struct Confirm {
    pub way: Way,
    /// `mcp.confirm = "policy"`: a client that cannot ask is not refused.
    pub policy_stands_in: bool,
    /// The question the person already accepted (the second call).
    pub accepted: Option<String>,
    /// A question to send back as `input_required` (2026-07-28).
    pub asked: Mutex<Option<(String, String)>>,
    /// What the call is for, shown with the question.
    pub context: String,
}

/// The question and what it shows: what the person accepts.
fn fingerprint(ask: &Ask<'_>) -> String {
    let users: Vec<String> = ask
        .users
        .iter()
        .map(|(id, l)| format!("{id} {l}"))
        .collect();
    format!(
        "{}\n{}\n{}",
        ask.question,
        ask.details.join("\n"),
        users.join("\n")
    )
}

impl Confirm {
    fn message(&self, ask: &Ask<'_>) -> String {
        let mut m = clean(ask.question);
        for d in ask.details {
            m.push('\n');
            m.push_str(&clean(d));
        }
        m.push_str("\n\n");
        m.push_str(&clean(&self.context));
        m.push_str("\nConfirm to make this change; decline and nothing is sent.");
        m
    }
}

impl Confirmer for Confirm {
    fn confirm(&self, ask: &Ask<'_>) -> Result<&'static str> {
        let fp = fingerprint(ask);
        if self.accepted.as_deref() == Some(fp.as_str()) {
            return Ok("elicitation");
        }
        match &self.way {
            Way::Ask(peer, handle) => {
                let params = form(self.message(ask));
                // Nobody answering within the time a question waits: not confirmed.
                let asked = peer.create_elicitation_with_timeout(params, Some(PENDING_FOR));
                match handle.block_on(asked) {
                    Ok(answer) => judge(&answer).map(|()| "elicitation"),
                    Err(e) => Err(Error::failed(format!(
                        "the client could not ask for confirmation ({e}); nothing was sent"
                    ))),
                }
            }
            Way::Answer => {
                if let Ok(mut asked) = self.asked.lock() {
                    *asked = Some((fp, self.message(ask)));
                }
                Err(Error::cancelled("waiting for the client's confirmation"))
            }
            Way::Cannot if self.policy_stands_in => Ok("policy"),
            Way::Cannot => Err(Error::usage(
                "this change takes something away and needs a person's confirmation, but the client cannot ask (it declared no elicitation); nothing was sent",
            )
            .hint("use an MCP client that supports elicitation (form mode)")
            .hint("or, where the policy's rules (verification, protected users, allow-lists) should stand in for a person, set confirm = \"policy\" under [mcp] in the policy file")),
        }
    }
}

/// The elicitation: one yes/no field, never a secret.
pub(super) fn form(message: String) -> ElicitRequestParams {
    let schema = json!({
        "type": "object",
        "properties": {"confirm": {"type": "boolean", "title": "Make this change",
                                   "description": "true to make the change; anything else sends nothing",
                                   "default": false}},
        "required": ["confirm"]
    });
    ElicitRequestParams::FormElicitationParams {
        meta: None,
        message,
        requested_schema: serde_json::from_value::<ElicitationSchema>(schema)
            .unwrap_or_else(|_| ElicitationSchema::new(Default::default())),
    }
}

/// Only an explicit accept with `confirm: true` confirms.
pub(super) fn judge(answer: &ElicitResult) -> Result<()> {
    let yes = answer
        .content
        .as_ref()
        .and_then(|c| c.get("confirm"))
        .and_then(Value::as_bool)
        == Some(true);
    match answer.action {
        ElicitationAction::Accept if yes => Ok(()),
        ElicitationAction::Accept | ElicitationAction::Decline => Err(Error::cancelled(
            "the person at the client declined the change; nothing was sent",
        )),
        _ => Err(Error::cancelled(
            "the person at the client cancelled the confirmation; nothing was sent",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Kind;

    fn accept(yes: bool) -> ElicitResult {
        ElicitResult::new(ElicitationAction::Accept).with_content(json!({"confirm": yes}))
    }

    #[test]
    fn only_an_explicit_yes_confirms() {
        assert!(judge(&accept(true)).is_ok());
        assert!(judge(&accept(false)).is_err());
        assert!(judge(&ElicitResult::new(ElicitationAction::Accept)).is_err());
        let e = judge(&ElicitResult::new(ElicitationAction::Decline)).unwrap_err();
        assert_eq!(e.kind, Kind::Cancelled);
        assert!(judge(&ElicitResult::new(ElicitationAction::Cancel)).is_err());
    }
}
