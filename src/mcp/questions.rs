//! The questions of 2026-07-28 confirmations, waiting for the client's
//! second call: kept here, in the server, under a random handle.
//! `requestState` is only that handle (the client could forge anything
//! else), used once, bound to the tool, its arguments and the client, and
//! it expires.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

use rand_core::{OsRng, RngCore};
use rmcp::model::{
    ElicitRequest, ElicitResult, InputRequest, InputRequests, InputRequiredResult, InputResponses,
};
use serde_json::Value;

use super::confirm::{form, judge, PENDING_FOR};
use crate::error::{Error, Kind, Result};

/// The most questions open at once.
const MAX_PENDING: usize = 64;
/// The key of the one input request.
const KEY: &str = "confirm";

/// A question sent back as `input_required`, waiting for the second call.
struct Pending {
    tool: &'static str,
    args: Value,
    client: String,
    question: String,
    until: Instant,
}

/// The open questions of the server.
#[derive(Default)]
pub struct Questions {
    open: Mutex<HashMap<String, Pending>>,
}

impl Questions {
    /// Keep the question; the `input_required` result that asks it.
    pub fn ask(
        &self,
        tool: &'static str,
        args: Value,
        client: &str,
        (question, message): (String, String),
    ) -> Result<InputRequiredResult> {
        let mut open = self
            .open
            .lock()
            .map_err(|_| Error::failed("internal: lock"))?;
        let now = Instant::now();
        open.retain(|_, p| p.until > now);
        if open.len() >= MAX_PENDING {
            return Err(Error::new(
                Kind::RateLimited,
                format!("{MAX_PENDING} confirmations are already waiting for an answer; nothing was sent"),
            )
            .hint("answer or abandon the open confirmations, then call again"));
        }
        let mut raw = [0u8; 16];
        OsRng.fill_bytes(&mut raw);
        let handle: String = raw.iter().map(|b| format!("{b:02x}")).collect();
        open.insert(
            handle.clone(),
            Pending {
                tool,
                args,
                client: client.to_string(),
                question,
                until: now + PENDING_FOR,
            },
        );
        let mut requests = InputRequests::new();
        requests.insert(
            KEY.into(),
            InputRequest::Elicitation(ElicitRequest::new(form(message))),
        );
        Ok(InputRequiredResult::new(Some(requests), Some(handle)))
    }

    /// The second call: the question it answers, if the handle is open and
    /// the call is the same (tool, arguments, client); used once.
    /// `Ok(question)` when the person accepted it.
    pub fn answer(
        &self,
        handle: &str,
        tool: &str,
        args: &Value,
        client: &str,
        responses: Option<&InputResponses>,
    ) -> Result<String> {
        let pending = self
            .open
            .lock()
            .map_err(|_| Error::failed("internal: lock"))?
            .remove(handle);
        let stale = || {
            Error::usage("this confirmation is unknown, used or expired; nothing was sent")
                .hint("call the tool again (without requestState) to be asked again")
        };
        let p = pending.ok_or_else(stale)?;
        if p.until <= Instant::now() || p.tool != tool || &p.args != args || p.client != client {
            return Err(stale());
        }
        let answer = responses
            .and_then(|r| r.get(KEY))
            .and_then(|v| serde_json::from_value::<ElicitResult>(v.clone()).ok())
            .ok_or_else(|| {
                Error::usage("the call holds no answer to the confirmation; nothing was sent")
            })?;
        judge(&answer)?;
        Ok(p.question)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rmcp::model::ElicitationAction;
    use serde_json::json;

    fn accept(yes: bool) -> ElicitResult {
        ElicitResult::new(ElicitationAction::Accept).with_content(json!({"confirm": yes}))
    }

    #[test]
    fn a_handle_answers_once_the_same_call_only() {
        let q = Questions::default();
        let args = json!({"user_id": "00u1"});
        let asked = q
            .ask("reset_mfa", args.clone(), "bot", ("Q".into(), "M".into()))
            .unwrap();
        let handle = asked.request_state.unwrap();
        let yes: InputResponses =
            [(KEY.to_string(), serde_json::to_value(accept(true)).unwrap())].into();
        let other = json!({"user_id": "00u2"});
        assert!(q
            .answer(&handle, "reset_mfa", &other, "bot", Some(&yes))
            .is_err());
        // The mismatch used the handle up: asking again is needed.
        assert!(q
            .answer(&handle, "reset_mfa", &args, "bot", Some(&yes))
            .is_err());
        let asked = q
            .ask("reset_mfa", args.clone(), "bot", ("Q".into(), "M".into()))
            .unwrap();
        let handle = asked.request_state.unwrap();
        assert_eq!(
            q.answer(&handle, "reset_mfa", &args, "bot", Some(&yes))
                .unwrap(),
            "Q"
        );
        assert!(q
            .answer(&handle, "reset_mfa", &args, "bot", Some(&yes))
            .is_err());
        assert!(q
            .answer("forged", "reset_mfa", &args, "bot", Some(&yes))
            .is_err());
    }
}
