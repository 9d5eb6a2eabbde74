//! Caller verification: `oktactl verify` by push with number matching
//! (SUCCESS after two polls, REJECTED, TIMEOUT, `--wait` running out) and
//! by a code read back from stdin (right, wrong); the push-bombing cap; and
//! verification before a change (`--verify`, `--require-verified`,
//! `--skip-verification`, the policy's `required_for`, `tac` by default).
//! Every test checks what was sent and what the audit log holds, and no
//! code reaches any file.

use std::path::Path;

use mockito::{Matcher, Mock};
use serde_json::{json, Value};

use crate::support::org::Org;
use crate::support::{json_out, okta_error, user, Sandbox};

const TX: &str = "v2mst.T1";

fn jane(org: &mut Org, hits: usize) -> Mock {
    org.mock("GET", "/api/v1/users/00u1")
        .with_body(user("00u1", "jane@acme.com", "LOCKED_OUT").to_string())
        .expect(hits)
        .create()
}

fn factors(org: &mut Org, list: Value) -> Mock {
    org.mock("GET", "/api/v1/users/00u1/factors")
        .with_body(list.to_string())
        .create()
}

fn factor(id: &str, kind: &str) -> Value {
    json!({"id": id, "factorType": kind, "provider": "OKTA", "status": "ACTIVE"})
}

/// The push challenge: number matching asked, `User-Agent` sent; 201
/// WAITING with the number 72 and the transaction's links.
fn push(org: &mut Org, hits: usize) -> Mock {
    let tx = format!(
        "{}/api/v1/users/00u1/factors/opf1/transactions/{TX}",
        org.url()
    );
    org.mock("POST", "/api/v1/users/00u1/factors/opf1/verify")
        .match_body(Matcher::Regex(
            r#"^\{"useNumberMatchingChallenge":true\}$"#.into(),
        ))
        .match_header("user-agent", Matcher::Regex("^oktactl/".into()))
        .with_status(201)
        .with_header("x-okta-request-id", "req-push")
        .with_body(
            json!({"factorResult": "WAITING", "expiresAt": "2026-11-29T10:05:00.000Z",
                   "_links": {"poll": {"href": tx, "hints": {"allow": ["GET"]}},
                              "cancel": {"href": tx, "hints": {"allow": ["DELETE"]}}},
                   "_embedded": {"challenge": {"correctAnswer": 72}}})
            .to_string(),
        )
        .expect(hits)
        .create()
}

fn poll(org: &mut Org, result: &str, hits: usize) -> Mock {
    org.mock(
        "GET",
        format!("/api/v1/users/00u1/factors/opf1/transactions/{TX}").as_str(),
    )
    .with_body(json!({"factorResult": result}).to_string())
    .expect(hits)
    .create()
}

/// The SMS challenge: no body; CHALLENGE.
fn sms_challenge(org: &mut Org) -> Mock {
    org.mock("POST", "/api/v1/users/00u1/factors/sms1/verify")
        .match_header("content-length", "0")
        .with_body(
            json!({"factorResult": "CHALLENGE", "profile": {"phoneNumber": "+12532236986"}})
                .to_string(),
        )
        .create()
}

fn code_check(org: &mut Org, fid: &str, code: &str, status: usize, body: String) -> Mock {
    org.mock(
        "POST",
        format!("/api/v1/users/00u1/factors/{fid}/verify").as_str(),
    )
    // A regex, not `Matcher::Json`, which fails on the empty body of a challenge.
    .match_body(Matcher::Regex(format!(r#"^\{{"passCode":"{code}"\}}$"#)))
    .with_status(status)
    .with_body(body)
    .create()
}

fn policy(sb: &Sandbox, text: &str) {
    std::fs::write(sb.path("policy.toml"), text).unwrap();
}

/// The audit lines of a verification of jane that ended `minutes` ago.
fn verified_line(org: &Org, minutes: i64) -> String {
    let at = jiff::Timestamp::now()
        .checked_sub(jiff::SignedDuration::from_mins(minutes))
        .unwrap();
    let line = |phase: &str| {
        let mut l = json!({"time": at.to_string(), "phase": phase, "change_id": format!("c-{minutes}"),
            "org": org.url(), "command": "verify", "user_id": "00u1", "user": "jane@acme.com"});
        match phase {
            "intent" => l["call"] = json!("POST /api/v1/users/00u1/factors/opf1/verify"),
            _ => {
                l["outcome"] = json!("verified");
                l["detail"] = json!("method push, factor opf1");
            }
        }
        l.to_string() + "\n"
    };
    line("intent") + &line("outcome")
}

/// Every file under `dir` whose bytes hold `needle`.
fn files_holding(dir: &Path, needle: &str) -> Vec<String> {
    let mut hits = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(bytes) = std::fs::read(&p) {
                if bytes.windows(needle.len()).any(|w| w == needle.as_bytes()) {
                    hits.push(p.display().to_string());
                }
            }
        }
    }
    hits
}

#[test]
fn push_with_number_matching_is_verified_after_two_polls() {
    let mut org = Org::new();
    let get = jane(&mut org, 1);
    let list = factors(
        &mut org,
        json!([factor("sms1", "sms"), factor("opf1", "push")]),
    );
    let challenge = push(&mut org, 1);
    let waiting = poll(&mut org, "WAITING", 1);
    let success = poll(&mut org, "SUCCESS", 1);
    let sb = Sandbox::new();
    let (out, _, stderr) = sb.run(&org.url(), &["verify", "00u1", "-o", "json"]);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains(
            "number to read out: 72 (ask Jane Doe (jane@acme.com) to tap it in Okta Verify)"
        ),
        "{stderr}"
    );
    let v = json_out(&out);
    assert_eq!(v["result"], "verified");
    assert_eq!(v["method"], "push");
    assert_eq!(
        (&v["factor_id"], &v["transaction_id"]),
        (&json!("opf1"), &json!(TX))
    );
    assert_eq!(v["number"], 72);
    let c = &sb.audit_changes()[0];
    assert_eq!(c["command"], "verify");
    assert_eq!(c["call"], "POST /api/v1/users/00u1/factors/opf1/verify");
    assert_eq!(c["outcome"], "verified");
    assert_eq!(
        c["detail"],
        format!("method push, factor opf1, transaction {TX}")
    );
    assert_eq!(c["user_id"], "00u1");
    assert!(c["policy"].is_null());
    for m in [get, list, challenge, waiting, success] {
        m.assert();
    }
}

#[test]
fn a_push_turned_down_or_expired_is_not_verified() {
    for (okta, result) in [("REJECTED", "rejected"), ("TIMEOUT", "timed_out")] {
        let mut org = Org::new();
        let get = jane(&mut org, 1);
        let list = factors(&mut org, json!([factor("opf1", "push")]));
        let challenge = push(&mut org, 1);
        let answer = poll(&mut org, okta, 1);
        let sb = Sandbox::new();
        let (out, stdout, stderr) = sb.run(
            &org.url(),
            &["verify", "00u1", "--method", "push", "-o", "json"],
        );
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert_eq!(json_out(&out)["result"], result, "{stdout}");
        assert!(
            stderr.contains(&format!("error: jane@acme.com was not verified ({result})")),
            "{stderr}"
        );
        assert!(stderr.contains("an impostor may be calling"), "{stderr}");
        let c = &sb.audit_changes()[0];
        assert_eq!(c["outcome"], result);
        assert!(c["error"].as_str().unwrap().contains(okta), "{c}");
        for m in [get, list, challenge, answer] {
            m.assert();
        }
    }
}

#[test]
fn a_push_unanswered_within_wait_times_out_and_is_cancelled() {
    let mut org = Org::new();
    let get = jane(&mut org, 1);
    let list = factors(&mut org, json!([factor("opf1", "push")]));
    let challenge = push(&mut org, 1);
    let waiting = org
        .mock(
            "GET",
            format!("/api/v1/users/00u1/factors/opf1/transactions/{TX}").as_str(),
        )
        .with_body(json!({"factorResult": "WAITING"}).to_string())
        .expect_at_least(3)
        .expect_at_most(5)
        .create();
    let cancel = org
        .mock(
            "DELETE",
            format!("/api/v1/users/00u1/factors/opf1/transactions/{TX}").as_str(),
        )
        .with_status(204)
        .create();
    let sb = Sandbox::new();
    let (out, _, stderr) = sb.run(&org.url(), &["verify", "00u1", "--wait", "10s"]);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("no answer within 10 s"), "{stderr}");
    assert_eq!(sb.audit_changes()[0]["outcome"], "timed_out");
    for m in [get, list, challenge, waiting, cancel] {
        m.assert();
    }
}

#[test]
fn an_sms_code_read_back_from_stdin_is_checked_and_never_stored() {
    for (code, result) in [("123456", "verified"), ("654321", "wrong_code")] {
        let mut org = Org::new();
        let get = jane(&mut org, 1);
        let list = factors(&mut org, json!([factor("sms1", "sms")]));
        let challenge = sms_challenge(&mut org);
        let check = match code {
            "123456" => code_check(
                &mut org,
                "sms1",
                code,
                200,
                json!({"factorResult": "SUCCESS"}).to_string(),
            ),
            _ => code_check(
                &mut org,
                "sms1",
                code,
                403,
                okta_error("E0000068", "Invalid Passcode/Answer"),
            ),
        };
        let sb = Sandbox::new();
        // Read as people say it: spaces are dropped.
        let spoken = format!("{} {}\n", &code[..3], &code[3..]);
        let out = sb
            .cmd(&org.url())
            .args(["verify", "00u1", "--method", "sms", "-o", "json", "-v"])
            .write_stdin(spoken)
            .output()
            .unwrap();
        let (stdout, stderr) = crate::support::text(&out);
        let want = if result == "verified" { 0 } else { 1 };
        assert_eq!(out.status.code(), Some(want), "{stderr}");
        assert_eq!(json_out(&out)["result"], result);
        assert!(
            stderr.contains("a code was sent by SMS to …6986"),
            "{stderr}"
        );
        assert!(!stdout.contains(code) && !stderr.contains(code), "{stderr}");
        let c = &sb.audit_changes()[0];
        assert_eq!(
            (&c["outcome"], &c["detail"]),
            (&json!(result), &json!("method sms, factor sms1"))
        );
        assert!(files_holding(sb.dir.path(), code).is_empty());
        for m in [get, list, challenge, check] {
            m.assert();
        }
    }
}

#[test]
fn code_is_no_flag_and_no_factor_exits_3_sending_nothing() {
    let sb = Sandbox::new();
    let out = sb
        .bare()
        .args(["verify", "00u1", "--code", "123456"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let mut org = Org::new();
    let get = jane(&mut org, 1);
    let list = factors(
        &mut org,
        json!([{"id": "opf1", "factorType": "push", "provider": "OKTA", "status": "PENDING_ACTIVATION"}]),
    );
    let unchanged = org.no_mutation();
    let (out, _, stderr) = sb.run(&org.url(), &["verify", "00u1", "-o", "json"]);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert_eq!(json_out(&out)["result"], "no_factor");
    assert!(
        stderr.contains("has no active push, totp, sms, call or email factor"),
        "{stderr}"
    );
    assert!(sb.audit_lines().is_empty());
    for m in [get, list] {
        m.assert();
    }
    unchanged.assert();
}

#[test]
fn the_fourth_challenge_in_ten_minutes_is_refused_before_anything_is_sent() {
    let mut org = Org::new();
    let get = jane(&mut org, 4);
    let list = org
        .mock("GET", "/api/v1/users/00u1/factors")
        .with_body(json!([factor("ost1", "token:software:totp")]).to_string())
        .expect(4)
        .create();
    let checks = org
        .mock("POST", "/api/v1/users/00u1/factors/ost1/verify")
        .with_body(json!({"factorResult": "SUCCESS"}).to_string())
        .expect(3)
        .create();
    let sb = Sandbox::new();
    let verify = || {
        sb.cmd(&org.url())
            .args(["verify", "00u1", "--method", "totp"])
            .write_stdin("246810\n")
            .output()
            .unwrap()
    };
    for _ in 0..3 {
        assert!(verify().status.success());
    }
    let out = verify();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(8), "{stderr}");
    assert!(
        stderr.contains("error: refused by policy (verify.rate): 3 challenges were sent to jane@acme.com in the last 10 minutes"),
        "{stderr}"
    );
    let changes = sb.audit_changes();
    assert_eq!(changes.len(), 4);
    let refused = &changes[3];
    assert_eq!(refused["outcome"], "refused");
    assert_eq!(refused["policy"]["rule"], "verify.rate");
    assert_eq!(refused["policy"]["file"], "(built-in)");
    for m in [get, list, checks] {
        m.assert();
    }
}

#[test]
fn reset_mfa_with_verify_sends_no_reset_when_the_push_is_turned_down() {
    let mut org = Org::new();
    let get = jane(&mut org, 1);
    let list = factors(&mut org, json!([factor("opf1", "push")]));
    let challenge = push(&mut org, 1);
    let rejected = poll(&mut org, "REJECTED", 1);
    let no_reset = org
        .mock("POST", Matcher::Regex("/lifecycle/".into()))
        .expect(0)
        .create();
    let sb = Sandbox::new();
    let (out, _, stderr) = sb.run(
        &org.url(),
        &["reset-mfa", "00u1", "--verify", "push", "--yes"],
    );
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("jane@acme.com was not verified (rejected): Okta answered factorResult REJECTED: the push was turned down; nothing was changed"),
        "{stderr}"
    );
    let changes = sb.audit_changes();
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(
        (&changes[0]["command"], &changes[0]["outcome"]),
        (&json!("verify"), &json!("rejected"))
    );
    for m in [get, list, challenge, rejected, no_reset] {
        m.assert();
    }
}

#[test]
fn a_caller_verified_by_push_then_their_mfa_reset_in_one_command() {
    let mut org = Org::new();
    let get = jane(&mut org, 2);
    let list = factors(&mut org, json!([factor("opf1", "push")]));
    let challenge = push(&mut org, 1);
    let success = poll(&mut org, "SUCCESS", 1);
    let enrolments = org
        .mock("GET", "/api/v1/users/00u1/authenticator-enrollments")
        .with_body(json!([{"id": "opf1", "type": "app", "key": "okta_verify", "name": "Okta Verify", "status": "ACTIVE"}]).to_string())
        .create();
    let after = org
        .mock("GET", "/api/v1/users/00u1/authenticator-enrollments")
        .with_body("[]")
        .create();
    let reset = org.lifecycle("00u1", "reset_factors", Matcher::Missing, "");
    let sb = Sandbox::new();
    policy(&sb, "[verification]\nrequired_for = [\"reset-mfa\"]\n");
    let (out, _, stderr) = sb.run(
        &org.url(),
        &[
            "reset-mfa",
            "00u1",
            "--verify",
            "push",
            "--yes",
            "-o",
            "json",
        ],
    );
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("jane@acme.com verified (push); going on"),
        "{stderr}"
    );
    assert_eq!(json_out(&out)["result"], "reset");
    let changes = sb.audit_changes();
    let what: Vec<(&str, &str)> = changes
        .iter()
        .map(|c| {
            (
                c["command"].as_str().unwrap(),
                c["outcome"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(what, [("verify", "verified"), ("reset-mfa", "reset")]);
    assert_eq!(changes[1]["policy"]["decision"], "allow");
    for m in [get, list, challenge, success, enrolments, after, reset] {
        m.assert();
    }
}

#[test]
fn require_verified_accepts_a_fresh_audit_line_and_refuses_a_stale_one() {
    for (minutes, fresh) in [(5, true), (20, false)] {
        let mut org = Org::new();
        let get = jane(&mut org, 1);
        let unlock = org.lifecycle("00u1", "unlock", Matcher::Missing, "");
        let unlock = if fresh { unlock } else { unlock.expect(0) };
        let sb = Sandbox::new();
        std::fs::write(sb.path("audit.log"), verified_line(&org, minutes)).unwrap();
        let (out, _, stderr) = sb.run(&org.url(), &["unlock", "00u1", "--require-verified", "15m"]);
        let last = sb.audit_changes().pop().unwrap();
        if fresh {
            assert!(out.status.success(), "{stderr}");
            assert_eq!(last["outcome"], "unlocked");
            assert!(last["policy"].is_null(), "no policy file: {last}");
        } else {
            assert_eq!(out.status.code(), Some(8), "{stderr}");
            assert!(
                stderr.contains("(verification.required_for): unlock requires the caller to be verified within 15m before it, and jane@acme.com was not (last verified"),
                "{stderr}"
            );
            assert_eq!(last["outcome"], "refused");
            assert_eq!(last["policy"]["file"], "(built-in)");
        }
        get.assert();
        unlock.assert();
    }
}

#[test]
fn a_policy_that_requires_verification_accepts_a_verification_within_its_window() {
    let mut org = Org::new();
    let get = jane(&mut org, 2);
    let unlock = org.lifecycle("00u1", "unlock", Matcher::Missing, "");
    let sb = Sandbox::new();
    policy(
        &sb,
        "[verification]\nrequired_for = [\"unlock\"]\nwindow = \"10m\"\n",
    );
    // Older than the window: refused, nothing sent.
    std::fs::write(sb.path("audit.log"), verified_line(&org, 11)).unwrap();
    let (out, _, stderr) = sb.run(&org.url(), &["unlock", "00u1"]);
    assert_eq!(out.status.code(), Some(8), "{stderr}");
    assert!(
        stderr.contains("oktactl unlock jane@acme.com --verify"),
        "{stderr}"
    );
    // Within it: allowed.
    let mut log = std::fs::read_to_string(sb.path("audit.log")).unwrap();
    log.push_str(&verified_line(&org, 3));
    std::fs::write(sb.path("audit.log"), log).unwrap();
    let (out, _, stderr) = sb.run(&org.url(), &["unlock", "00u1"]);
    assert!(out.status.success(), "{stderr}");
    let last = sb.audit_changes().pop().unwrap();
    assert_eq!(
        (&last["outcome"], &last["policy"]["decision"]),
        (&json!("unlocked"), &json!("allow"))
    );
    get.assert();
    unlock.assert();
}

#[test]
fn skip_verification_is_allowed_loudly_where_the_policy_says_so() {
    for allow in [true, false] {
        let mut org = Org::new();
        let get = jane(&mut org, 1);
        let unlock = org.lifecycle("00u1", "unlock", Matcher::Missing, "");
        let unlock = if allow { unlock } else { unlock.expect(0) };
        let sb = Sandbox::new();
        policy(
            &sb,
            &format!("[verification]\nrequired_for = [\"unlock\"]\nallow_skip = {allow}\n"),
        );
        let (out, _, stderr) = sb.run(
            &org.url(),
            &[
                "unlock",
                "00u1",
                "--skip-verification",
                "--reason",
                "lost phone, HR confirmed",
                "-o",
                "json",
            ],
        );
        let last = sb.audit_changes().pop().unwrap();
        assert_eq!(last["policy"]["rule"], "verification.allow_skip");
        if allow {
            assert!(out.status.success(), "{stderr}");
            assert!(stderr.contains("warning: the caller was NOT verified (--skip-verification: lost phone, HR confirmed)"), "{stderr}");
            assert_eq!(last["outcome"], "unlocked");
            assert_eq!(
                last["policy"]["reason"],
                "the caller of jane@acme.com was NOT verified (--skip-verification): lost phone, HR confirmed"
            );
            let row = &json_out(&out)["results"][0];
            assert_eq!(row["policy"]["rule"], "verification.allow_skip");
        } else {
            assert_eq!(out.status.code(), Some(8), "{stderr}");
            assert!(
                stderr.contains("the policy does not allow --skip-verification"),
                "{stderr}"
            );
            assert_eq!(last["outcome"], "refused");
        }
        get.assert();
        unlock.assert();
    }
    // --skip-verification needs a reason; --verify takes one user.
    let sb = Sandbox::new();
    let out = sb
        .bare()
        .args(["unlock", "u1", "--skip-verification"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = sb
        .cmd("http://127.0.0.1:9")
        .args(["unlock", "u1", "u2", "--verify"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("--verify takes a single user"), "{stderr}");
}

#[test]
fn a_tac_needs_a_verified_caller_even_without_a_policy_file() {
    let mut org = Org::new();
    let get = org
        .mock("GET", "/api/v1/users/00u1")
        .with_body(user("00u1", "jane@acme.com", "ACTIVE").to_string())
        .create();
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    let (out, stdout, stderr) = sb.run(
        &org.url(),
        &["tac", "00u1", "--authenticator-id", "autTAC", "--yes"],
    );
    assert_eq!(out.status.code(), Some(8), "{stderr}");
    assert!(stdout.is_empty());
    assert!(
        stderr.contains(
            "(verification.required_for): tac requires the caller to be verified within 15m"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("a Temporary Access Code always needs a verified caller"),
        "{stderr}"
    );
    assert_eq!(sb.audit_changes()[0]["outcome"], "refused");
    get.assert();
    unchanged.assert();
}

/// At a terminal the code is asked for; Enter sends it, Ctrl-C cancels
/// (exit 130, no code checked).
#[cfg(unix)]
#[test]
fn at_a_terminal_the_code_is_asked_for() {
    use crate::pty::{finish, spawn, type_keys};
    for (keys, code) in [("123 456\r", 0), ("12\x03", 130)] {
        let mut org = Org::new();
        let get = jane(&mut org, 1);
        let list = factors(&mut org, json!([factor("sms1", "sms")]));
        let challenge = sms_challenge(&mut org);
        let check = code_check(
            &mut org,
            "sms1",
            "123456",
            200,
            json!({"factorResult": "SUCCESS"}).to_string(),
        )
        .expect(usize::from(code == 0));
        let sb = Sandbox::new();
        let mut p = spawn(&sb, &org, &["verify", "00u1", "--method", "sms"]);
        let before = p
            .exp_string("Code Jane Doe (jane@acme.com) reads back: ")
            .unwrap();
        // (rexpect reads the bytes as Latin-1: no "…" here)
        assert!(before.contains("a code was sent by SMS to "), "{before}");
        type_keys(&mut p, keys);
        let (rest, exit) = finish(&mut p);
        assert_eq!(exit, code, "{rest}");
        let outcome = &sb.audit_changes()[0]["outcome"];
        match code {
            0 => assert!(
                rest.contains("verified: the caller holds") && outcome == "verified",
                "{rest}"
            ),
            _ => assert!(
                rest.contains("cancelled at the code prompt") && outcome == "cancelled",
                "{rest}"
            ),
        }
        assert!(files_holding(sb.dir.path(), "123456").is_empty());
        for m in [get, list, challenge, check] {
            m.assert();
        }
    }
}
