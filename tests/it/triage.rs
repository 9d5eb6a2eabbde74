//! `triage`: a session in a pseudo-terminal walks the lock-out queue
//! (oldest first), one key per user: `u` unlocks Jane (one POST, an intent
//! and an outcome line under `unlock`), `s` skips Bob (nothing sent), `q`
//! quits at Carl; in a pipe it refuses (exit 2) and sends nothing. The
//! keys typed here are the ones README's keystroke count uses.

use mockito::{Matcher, Mock};
use serde_json::{json, Value};

use crate::support::org::Org;
use crate::support::{text, user, Sandbox};

const JANE: &str = "00ujane0000000000001";
const BOB: &str = "00ubob00000000000002";
const CARL: &str = "00ucarl0000000000003";

fn lock(uuid: &str, at: &str, who: &str, login: &str) -> Value {
    json!({
        "uuid": uuid,
        "published": at,
        "eventType": "user.account.lock",
        "displayMessage": "Max sign in attempts exceeded",
        "actor": {"id": who, "type": "User", "alternateId": login, "displayName": "From The Log"},
        "target": [],
        "outcome": {"result": "FAILURE", "reason": "LOCKED_OUT"},
        "client": {"ipAddress": "203.0.113.9",
                   "geographicalContext": {"city": "Lyon", "country": "France"}}
    })
}

/// The finder's one query (limit 1000), newest first: Carl, Bob, Jane.
fn queue(org: &mut Org) -> Mock {
    let events = json!([
        lock("e3", "2026-11-30T08:30:00.000Z", CARL, "carl@acme.com"),
        lock("e2", "2026-11-30T08:00:00.000Z", BOB, "bob@acme.com"),
        lock("e1", "2026-11-30T07:00:00.000Z", JANE, "jane@acme.com"),
    ]);
    org.mock("GET", "/api/v1/logs")
        .match_query(Matcher::UrlEncoded("limit".into(), "1000".into()))
        .with_body(events.to_string())
        .create()
}

/// The users' current status, one batched search.
fn statuses(org: &mut Org) -> Mock {
    let users = json!([
        user(JANE, "jane@acme.com", "LOCKED_OUT"),
        user(BOB, "bob@acme.com", "LOCKED_OUT"),
        user(CARL, "carl@acme.com", "LOCKED_OUT"),
    ]);
    org.mock("GET", "/api/v1/users")
        .match_query(Matcher::Regex("search=".into()))
        .with_body(users.to_string())
        .create()
}

/// The user read by id, `n` times (the card; Jane's unlock reads her again).
fn by_id(org: &mut Org, id: &str, login: &str, n: usize) -> Mock {
    org.mock("GET", format!("/api/v1/users/{id}").as_str())
        .with_body(user(id, login, "LOCKED_OUT").to_string())
        .expect(n)
        .create()
}

/// The user's last lock events (as `log --type lock`), once.
fn why(org: &mut Org, id: &str) -> Mock {
    let events = json!([lock("x", "2026-11-30T07:00:00.000Z", id, "x@acme.com")]);
    org.mock("GET", "/api/v1/logs")
        .match_query(Matcher::AllOf(vec![
            Matcher::UrlEncoded("limit".into(), "6".into()),
            Matcher::UrlEncoded("sortOrder".into(), "DESCENDING".into()),
            Matcher::Regex(format!(
                "target.id%20eq%20%22{id}%22|target\\.id\\+eq\\+%22{id}%22"
            )),
        ]))
        .with_body(events.to_string())
        .create()
}

#[cfg(unix)]
#[test]
fn a_session_unlocks_jane_skips_bob_and_quits_at_carl() {
    use crate::pty::{finish, spawn, type_keys};

    let mut org = Org::new();
    let queue = queue(&mut org);
    let statuses = statuses(&mut org);
    let users = [
        by_id(&mut org, JANE, "jane@acme.com", 2),
        by_id(&mut org, BOB, "bob@acme.com", 1),
        by_id(&mut org, CARL, "carl@acme.com", 1),
    ];
    let whys = [why(&mut org, JANE), why(&mut org, BOB), why(&mut org, CARL)];
    let unlock = org
        .lifecycle(JANE, "unlock", Matcher::Missing, "")
        .expect(1)
        .create();
    let nothing_else = org.no_mutation();
    let sb = Sandbox::new();
    let mut p = spawn(&sb, &org, &["triage", "--ticket", "HD-9"]);

    // Keys typed: `u`, `s`, `q` (README counts them).
    let first = p.exp_string("[q]uit: ").unwrap();
    assert!(first.contains("[1/3] jane@acme.com locked"), "{first}");
    assert!(first.contains("locked since"), "the identity card: {first}");
    assert!(first.contains("from 203.0.113.9 (Lyon, France)"), "{first}");
    assert!(first.contains("user.account.lock"), "why: {first}");
    type_keys(&mut p, "u");
    let second = p.exp_string("[q]uit: ").unwrap();
    assert!(second.contains("unlocked jane@acme.com"), "{second}");
    assert!(second.contains("[2/3] bob@acme.com"), "{second}");
    type_keys(&mut p, "s");
    let third = p.exp_string("[q]uit: ").unwrap();
    assert!(third.contains("[3/3] carl@acme.com"), "{third}");
    type_keys(&mut p, "q");
    let (rest, code) = finish(&mut p);
    assert_eq!(code, 0, "{rest}");
    assert!(
        rest.contains("3 locked out; 0 verified, 1 unlocked, 0 reset links, 1 skipped, 0 failed"),
        "{rest}"
    );

    unlock.assert();
    nothing_else.assert();
    queue.assert();
    statuses.assert();
    users.iter().for_each(Mock::assert);
    whys.iter().for_each(Mock::assert);
    let changes = sb.audit_changes();
    assert_eq!(changes.len(), 1, "{changes:?}");
    let c = &changes[0];
    assert_eq!(c["command"], "unlock");
    assert_eq!(c["user_id"], JANE);
    assert_eq!(c["outcome"], "unlocked");
    assert_eq!(c["ticket"], "HD-9");
    // Intent and outcome, nothing more.
    assert_eq!(sb.audit_lines().len(), 2);
}

#[test]
fn in_a_pipe_triage_refuses_and_sends_nothing() {
    let mut org = Org::new();
    let nothing = org.no_mutation();
    let no_read = org
        .mock("GET", Matcher::Any)
        .match_query(Matcher::Any)
        .expect(0)
        .create();
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args(["triage", "--yes"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(
        stderr.contains("use `oktactl lockouts` and `oktactl unlock --from -`"),
        "{stderr}"
    );
    nothing.assert();
    no_read.assert();
    assert!(sb.audit_lines().is_empty());
}

/// `v` on Jane under a policy that requires verification for `unlock`: the
/// push (number 72 shown) is answered, and `u` then unlocks her in the same
/// session; the audit log holds a verify pair and an unlock pair.
#[cfg(unix)]
#[test]
fn v_verifies_the_caller_by_push_and_u_then_passes_the_policy() {
    use crate::pty::{finish, spawn, type_keys};

    let mut org = Org::new();
    let queue = queue(&mut org);
    let statuses = statuses(&mut org);
    let users = [
        by_id(&mut org, JANE, "jane@acme.com", 2),
        by_id(&mut org, BOB, "bob@acme.com", 1),
    ];
    let whys = [why(&mut org, JANE), why(&mut org, BOB)];
    let tx = format!("/api/v1/users/{JANE}/factors/opf1/transactions/v2mst.T1");
    let factors = org
        .mock("GET", format!("/api/v1/users/{JANE}/factors").as_str())
        .with_body(
            json!([{"id": "opf1", "factorType": "push", "provider": "OKTA", "status": "ACTIVE"}])
                .to_string(),
        )
        .expect(1)
        .create();
    let challenge = org
        .mock(
            "POST",
            format!("/api/v1/users/{JANE}/factors/opf1/verify").as_str(),
        )
        .with_status(201)
        .with_body(
            json!({"factorResult": "WAITING",
                   "_links": {"poll": {"href": format!("{}{tx}", org.url()), "hints": {"allow": ["GET"]}}},
                   "_embedded": {"challenge": {"correctAnswer": 72}}})
            .to_string(),
        )
        .expect(1)
        .create();
    let poll = org
        .mock("GET", tx.as_str())
        .with_body(json!({"factorResult": "SUCCESS"}).to_string())
        .expect(1)
        .create();
    let unlock = org
        .lifecycle(JANE, "unlock", Matcher::Missing, "")
        .expect(1)
        .create();
    let nothing_else = org.no_mutation();
    let sb = Sandbox::new();
    std::fs::write(
        sb.path("policy.toml"),
        "[verification]\nrequired_for = [\"unlock\"]\n",
    )
    .unwrap();
    let mut p = spawn(&sb, &org, &["triage", "--ticket", "HD-9"]);

    // Keys typed: `v`, `u`, `q`.
    let first = p.exp_string("[q]uit: ").unwrap();
    assert!(first.contains("[v]erify"), "{first}");
    type_keys(&mut p, "v");
    let after = p.exp_string("[q]uit: ").unwrap();
    assert!(after.contains("72"), "the number to read out: {after}");
    assert!(
        after.contains("verified: the caller holds jane@acme.com's push factor"),
        "{after}"
    );
    type_keys(&mut p, "u");
    let second = p.exp_string("[q]uit: ").unwrap();
    assert!(second.contains("unlocked jane@acme.com"), "{second}");
    assert!(second.contains("[2/3] bob@acme.com"), "{second}");
    type_keys(&mut p, "q");
    let (rest, code) = finish(&mut p);
    assert_eq!(code, 0, "{rest}");
    assert!(
        rest.contains("1 verified, 1 unlocked, 0 reset links, 0 skipped, 0 failed"),
        "{rest}"
    );

    for m in [&factors, &challenge, &poll, &unlock, &queue, &statuses] {
        m.assert();
    }
    nothing_else.assert();
    users.iter().for_each(Mock::assert);
    whys.iter().for_each(Mock::assert);
    let changes = sb.audit_changes();
    assert_eq!(changes.len(), 2, "{changes:?}");
    assert_eq!(changes[0]["command"], "verify");
    assert_eq!(changes[0]["user_id"], JANE);
    assert_eq!(changes[0]["outcome"], "verified");
    assert_eq!(changes[1]["command"], "unlock");
    assert_eq!(changes[1]["outcome"], "unlocked");
    assert_eq!(sb.audit_lines().len(), 4);
}
