//! Factor verification in the mock org (`oktactl verify`, `--verify`):
//! - push (`opf…` factors): `POST …/verify` answers 201 WAITING with a
//!   number to match and the transaction's `poll`/`cancel` links; the poll
//!   answers WAITING `--push-polls` times (default 2), then SUCCESS, or
//!   REJECTED for every ninth user (user0, user9, …); `DELETE` cancels;
//! - sms (`sms…` factors): a POST without a body is the challenge
//!   (CHALLENGE), `{"passCode": "123456"}` is SUCCESS, any other code 403
//!   E0000068.

use std::collections::HashMap;
use std::sync::Mutex;

use serde_json::{json, Value};

use crate::{lock, lookup_user, okta_error, Request, Response, State};

/// The code the mock's SMS "sends".
pub const SMS_CODE: &str = "123456";

/// Push transactions under way.
#[derive(Default)]
pub struct Pushes {
    seq: u64,
    /// Transaction id → (user, polls still WAITING, rejected at the end).
    open: HashMap<String, (usize, u64, bool)>,
}

pub type Shared = Mutex<Pushes>;

pub fn verify(state: &State, req: &Request, id: &str, fid: &str) -> Response {
    let Some(i) = lookup_user(state, id) else {
        return okta_error(
            state,
            404,
            "E0000007",
            &format!("Not found: Resource not found: {id} (User)"),
        );
    };
    let body: Value = serde_json::from_slice(&req.body).unwrap_or(Value::Null);
    if fid == format!("opf{i:017}") {
        let mut p = lock(&state.pushes);
        p.seq += 1;
        let tid = format!("v2mst.mock{:06}", p.seq);
        let polls = state.cfg.push_polls;
        p.open.insert(tid.clone(), (i, polls, i % 9 == 0));
        let number = 10 + (p.seq * 37 + i as u64) % 90;
        let href = format!(
            "{}/api/v1/users/{id}/factors/{fid}/transactions/{tid}",
            state.base
        );
        let mut answer = json!({"factorResult": "WAITING", "expiresAt": crate::rfc3339(crate::now_secs() as i64 + 300),
            "_links": {"poll": {"href": href, "hints": {"allow": ["GET"]}},
                       "cancel": {"href": href, "hints": {"allow": ["DELETE"]}}}});
        // A plain push (no number matching asked) gets no number.
        if body.get("useNumberMatchingChallenge") == Some(&json!(true)) {
            answer["_embedded"] = json!({"challenge": {"correctAnswer": number}});
        }
        return Response::json(201, answer.to_string());
    }
    if fid == format!("sms{i:017}") {
        return match body.get("passCode").and_then(Value::as_str) {
            None => Response::json(
                200,
                json!({"factorResult": "CHALLENGE",
                "profile": {"phoneNumber": format!("+1555010{:04}", i % 10_000)}})
                .to_string(),
            ),
            Some(SMS_CODE) => Response::json(200, json!({"factorResult": "SUCCESS"}).to_string()),
            Some(_) => okta_error(state, 403, "E0000068", "Invalid Passcode/Answer"),
        };
    }
    okta_error(
        state,
        404,
        "E0000007",
        &format!("Not found: Resource not found: {fid} (UserFactor)"),
    )
}

/// `GET` (poll) or `DELETE` (cancel) of a push transaction.
pub fn transaction(state: &State, method: &str, tid: &str) -> Response {
    let mut p = lock(&state.pushes);
    if method == "DELETE" {
        return match p.open.remove(tid) {
            Some(_) => Response::empty(204),
            None => okta_error(
                state,
                404,
                "E0000007",
                "Not found: Resource not found (Transaction)",
            ),
        };
    }
    let Some(tx) = p.open.get_mut(tid) else {
        return okta_error(
            state,
            404,
            "E0000007",
            "Not found: Resource not found (Transaction)",
        );
    };
    if tx.1 > 0 {
        tx.1 -= 1;
        return Response::json(200, json!({"factorResult": "WAITING"}).to_string());
    }
    let result = if tx.2 { "REJECTED" } else { "SUCCESS" };
    p.open.remove(tid);
    Response::json(200, json!({"factorResult": result}).to_string())
}
