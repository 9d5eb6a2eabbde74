//! Signals during a bulk change, against a slow org (`support::fake`): the
//! first SIGINT starts no new row but lets in-flight requests finish and be
//! recorded, then exits 130 with every row accounted for; SIGKILL leaves
//! intents that `audit --unfinished` lists; two runs can share one audit
//! log; a second SIGINT exits at once.
//!
//! Every wait has a deadline; a child still running when a test fails is
//! killed (`Running`'s drop). Deadlines are generous: nothing here depends on
//! how fast the machine is, only on the order of events.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::fake::{user_id, FakeOrg};
use crate::support::{Sandbox, TOKEN};

const GID: &str = "00gslow0000000000001";
const GID2: &str = "00gslow0000000000002";
/// How long a membership PUT takes to be answered.
const DELAY: Duration = Duration::from_millis(150);
/// Generous bounds for a loaded machine.
const START: Duration = Duration::from_secs(90);
const FINISH: Duration = Duration::from_secs(60);

/// A running `oktactl`, its stdout and stderr in files (a pipe nobody reads
/// would block it); killed and reaped when dropped while still running.
struct Running {
    child: Child,
    stdout: PathBuf,
    stderr: PathBuf,
    status: Option<ExitStatus>,
}

impl Running {
    fn pid(&self) -> String {
        self.child.id().to_string()
    }

    /// Send `sig` (INT, TERM…) with kill(1).
    fn signal(&self, sig: &str) {
        let sent = Command::new("kill")
            .args(["-s", sig, &self.pid()])
            .status()
            .expect("run kill");
        assert!(sent.success(), "kill -s {sig} {} failed", self.pid());
    }

    /// Whether it is still running.
    fn running(&mut self) -> bool {
        self.poll().is_none()
    }

    fn poll(&mut self) -> Option<ExitStatus> {
        if self.status.is_none() {
            self.status = self.child.try_wait().expect("try_wait");
        }
        self.status
    }

    /// Wait for it to exit, at most `within`; fails the test (killing it) after that.
    fn wait(&mut self, within: Duration) -> ExitStatus {
        let deadline = Instant::now() + within;
        loop {
            if let Some(status) = self.poll() {
                return status;
            }
            if Instant::now() >= deadline {
                panic!(
                    "oktactl still running after {within:?}\nstderr: {}",
                    self.stderr()
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn stdout(&self) -> String {
        std::fs::read_to_string(&self.stdout).unwrap_or_default()
    }

    fn stderr(&self) -> String {
        std::fs::read_to_string(&self.stderr).unwrap_or_default()
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if self.status.is_none() && matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Start `grant --from FILE --group gid --concurrency 4 -o json` for users
/// `u0`…`u{rows-1}`, in `sb`'s environment, against `org`.
fn grant(sb: &Sandbox, org: &str, gid: &str, rows: usize) -> Running {
    let mut list = String::from("login\n");
    for i in 0..rows {
        list.push_str(&format!("u{i}\n"));
    }
    let from = sb.path(&format!("users-{gid}.csv"));
    std::fs::write(&from, list).unwrap();
    let stdout = sb.path(&format!("stdout-{gid}"));
    let stderr = sb.path(&format!("stderr-{gid}"));
    let child = Command::new(assert_cmd::cargo::cargo_bin("oktactl"))
        .env_clear()
        .envs(sb.env())
        .env("OKTA_ORG_URL", org)
        .env("OKTA_API_TOKEN", TOKEN)
        .args(["grant", "--from"])
        .arg(&from)
        // The preflight (tests/it/health.rs) reads roles FakeOrg does not serve.
        .args([
            "--group",
            gid,
            "--concurrency",
            "4",
            "-o",
            "json",
            "--no-preflight",
        ])
        .stdin(Stdio::null())
        .stdout(File::create(&stdout).unwrap())
        .stderr(File::create(&stderr).unwrap())
        .spawn()
        .expect("start oktactl");
    Running {
        child,
        stdout,
        stderr,
        status: None,
    }
}

/// Poll `ready` until it holds; fails the test after `within`, or when the
/// run ends first.
fn wait_for(run: &mut Running, what: &str, within: Duration, mut ready: impl FnMut() -> bool) {
    let deadline = Instant::now() + within;
    while !ready() {
        if let Some(status) = run.poll() {
            panic!(
                "oktactl ended ({status}) before {what}\nstderr: {}",
                run.stderr()
            );
        }
        assert!(
            Instant::now() < deadline,
            "no {what} after {within:?}\nstderr: {}",
            run.stderr()
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// The audit log's lines, each required to be one JSON object (line numbers in failures).
fn audit_lines(sb: &Sandbox) -> Vec<Value> {
    let text = std::fs::read_to_string(sb.path("audit.log")).unwrap_or_default();
    text.lines()
        .enumerate()
        .map(|(i, l)| {
            let v: Value = serde_json::from_str(l)
                .unwrap_or_else(|e| panic!("audit line {} is not JSON ({e}): {l}", i + 1));
            assert!(v.is_object(), "audit line {}: {l}", i + 1);
            v
        })
        .collect()
}

fn phase<'a>(lines: &'a [Value], which: &str) -> Vec<&'a Value> {
    lines.iter().filter(|l| l["phase"] == which).collect()
}

/// Change ids of intents that have no outcome line.
fn open_intents(lines: &[Value]) -> BTreeSet<String> {
    let closed: BTreeSet<&str> = phase(lines, "outcome")
        .iter()
        .filter_map(|l| l["change_id"].as_str())
        .collect();
    phase(lines, "intent")
        .iter()
        .filter_map(|l| l["change_id"].as_str())
        .filter(|id| !closed.contains(id))
        .map(str::to_string)
        .collect()
}

#[test]
fn first_sigint_finishes_in_flight_puts_records_them_and_exits_130() {
    let org = FakeOrg::new(DELAY);
    let sb = Sandbox::new();
    let mut run = grant(&sb, &org.url(), GID, 300);
    // Signalled while PUTs are in flight (arrived, not yet answered).
    wait_for(&mut run, "20 applied PUTs", START, || {
        let puts = org.puts();
        puts.len() >= 20 && puts.iter().any(|p| !p.answered)
    });
    let before = org.puts();
    let signalled = Instant::now();
    run.signal("INT");
    let status = run.wait(FINISH);
    let exited = Instant::now();
    let at_exit = org.applied();
    std::thread::sleep(Duration::from_millis(500));
    let puts = org.puts();

    let (stdout, stderr) = (run.stdout(), run.stderr());
    assert_eq!(status.code(), Some(130), "{status}\n{stderr}");
    assert!(stderr.contains("interrupted after"), "{stderr}");
    assert_eq!(puts.len(), at_exit, "PUTs arrived after oktactl exited");
    assert!(
        puts.iter().all(|p| p.at < exited),
        "a PUT arrived after exit"
    );
    assert!(puts.iter().all(|p| p.group == GID && p.answered));
    assert!(org.unexpected().is_empty(), "{:?}", org.unexpected());

    // The audit log: every intent has its outcome, and every applied PUT
    // is one change, `added`, with its call.
    let lines = audit_lines(&sb);
    let changes = sb.audit_changes();
    let mut by_user: BTreeMap<&str, Vec<&Value>> = BTreeMap::new();
    for c in &changes {
        by_user
            .entry(c["user_id"].as_str().unwrap())
            .or_default()
            .push(c);
    }
    for p in &puts {
        let found = by_user.get(p.user_id.as_str()).map(Vec::as_slice);
        let Some([c]) = found else {
            panic!("applied PUT for {} has changes {found:?}", p.user_id);
        };
        assert_eq!(c["outcome"], "added", "{c}");
        assert_eq!(
            c["call"],
            format!("PUT /api/v1/groups/{GID}/users/{}", p.user_id).as_str()
        );
    }
    let added = changes.iter().filter(|c| c["outcome"] == "added").count();
    assert_eq!(added, puts.len(), "an `added` outcome without its PUT");

    // The rows: all 300, in order, `added` for the applied ones and
    // `skipped` for the rest, and the counts add up.
    let v: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    let results = v["results"].as_array().expect("results");
    assert_eq!(results.len(), 300);
    let applied: BTreeSet<&str> = puts.iter().map(|p| p.user_id.as_str()).collect();
    for (i, r) in results.iter().enumerate() {
        assert_eq!(r["row"], i + 1);
        let id = user_id(i as u64);
        let want = if applied.contains(id.as_str()) {
            "added"
        } else {
            "skipped"
        };
        assert_eq!(r["result"], want, "row {}: {r}", i + 1);
    }
    let count = |k: &str| v[k].as_u64().unwrap_or_else(|| panic!("no {k}: {v}")) as usize;
    let (ok, skipped, failed, unknown) = (
        count("ok"),
        count("skipped"),
        count("failed"),
        count("unknown"),
    );
    assert_eq!(ok + skipped + failed + unknown, 300, "{v}");
    assert_eq!((ok, failed, unknown), (puts.len(), 0, 0), "{v}");
    assert!(skipped > 0, "nothing was left to skip: {v}");
    assert_eq!(v["interrupted"], true);
    assert!(
        stderr.contains(&format!("interrupted after {ok} of 300 rows")),
        "{stderr}"
    );

    let after_signal = puts.iter().filter(|p| p.at >= signalled).count();
    eprintln!(
        "SIGINT: {} PUTs applied when signalled ({} of them in flight), {} applied in all ({after_signal} arrived after the signal); \
         audit: {} intent, {} outcome lines ({added} added); rows: {ok} ok, {skipped} skipped; exit {status}",
        before.len(),
        before.iter().filter(|p| !p.answered).count(),
        puts.len(),
        phase(&lines, "intent").len(),
        phase(&lines, "outcome").len(),
    );
}

#[test]
fn sigkill_leaves_intents_that_audit_unfinished_lists() {
    // PUTs 1-20 are answered; from the 21st on they are held, so once 24
    // have arrived each of the 4 workers waits on one.
    let org = FakeOrg::hanging_from(DELAY, 21);
    let sb = Sandbox::new();
    let mut run = grant(&sb, &org.url(), GID, 300);
    wait_for(&mut run, "24 applied PUTs", START, || org.applied() >= 24);
    run.child.kill().expect("SIGKILL");
    let status = run.wait(FINISH);
    assert_eq!(status.code(), None, "{status}");
    let puts = org.puts();
    assert!(org.unexpected().is_empty(), "{:?}", org.unexpected());

    let lines = audit_lines(&sb);
    let intents = phase(&lines, "intent");
    let outcomes = phase(&lines, "outcome");
    for p in &puts {
        assert!(
            intents.iter().any(|l| l["user_id"] == p.user_id.as_str()
                && l["call"] == format!("PUT /api/v1/groups/{GID}/users/{}", p.user_id).as_str()),
            "applied PUT for {} has no intent line",
            p.user_id
        );
    }
    let open = open_intents(&lines);
    assert!(!open.is_empty(), "no intent left open by SIGKILL");
    // The open ones are exactly the PUTs still held when the run was killed.
    let open_users: BTreeSet<&str> = intents
        .iter()
        .filter(|l| open.contains(l["change_id"].as_str().unwrap()))
        .map(|l| l["user_id"].as_str().unwrap())
        .collect();
    let held: BTreeSet<&str> = puts
        .iter()
        .filter(|p| !p.answered)
        .map(|p| p.user_id.as_str())
        .collect();
    assert_eq!(open_users, held);

    let out = sb
        .bare()
        .args(["audit", "--unfinished", "-o", "json"])
        .output()
        .unwrap();
    let listed: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}", String::from_utf8_lossy(&out.stderr));
    });
    let listed = listed.as_array().expect("a JSON array");
    let ids: BTreeSet<String> = listed
        .iter()
        .map(|c| c["change_id"].as_str().expect("a change_id").to_string())
        .collect();
    assert_eq!(ids.len(), listed.len(), "a change listed twice: {listed:?}");
    assert_eq!(ids, open);
    assert!(
        listed.iter().all(|c| c["outcome"] == "unfinished"),
        "{listed:?}"
    );

    eprintln!(
        "SIGKILL: {} PUTs applied ({} answered, {} held); audit: {} intent, {} outcome lines; audit --unfinished lists {}",
        puts.len(),
        puts.len() - held.len(),
        held.len(),
        intents.len(),
        outcomes.len(),
        ids.len(),
    );
}

#[test]
fn two_runs_share_one_audit_log_without_torn_lines_or_lost_outcomes() {
    let org = FakeOrg::new(Duration::from_millis(20));
    let sb = Sandbox::new();
    let mut a = grant(&sb, &org.url(), GID, 100);
    let mut b = grant(&sb, &org.url(), GID2, 100);
    for run in [&mut a, &mut b] {
        let status = run.wait(START);
        assert_eq!(status.code(), Some(0), "{status}\n{}", run.stderr());
    }
    assert!(org.unexpected().is_empty(), "{:?}", org.unexpected());
    assert_eq!(org.applied(), 200);

    let lines = audit_lines(&sb);
    assert_eq!(lines.len(), 400);
    let changes = sb.audit_changes();
    assert_eq!(changes.len(), 200);
    for gid in [GID, GID2] {
        let users: BTreeSet<&str> = changes
            .iter()
            .filter(|c| c["group"] == gid && c["outcome"] == "added")
            .map(|c| c["user_id"].as_str().unwrap())
            .collect();
        assert_eq!(users.len(), 100, "{gid}");
    }
    let switches = lines
        .windows(2)
        .filter(|w| w[0]["group"] != w[1]["group"])
        .count();
    eprintln!("two runs: 400 audit lines, 200 changes; the log switches run {switches} times");
}

#[test]
fn second_sigint_exits_at_once_while_a_request_hangs() {
    let org = FakeOrg::hanging_from(Duration::ZERO, 1);
    let sb = Sandbox::new();
    let mut run = grant(&sb, &org.url(), GID, 10);
    wait_for(&mut run, "a PUT in flight", START, || org.applied() >= 1);
    run.signal("INT");
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        run.running(),
        "the first SIGINT ended the run while a request was in flight: {}",
        run.stderr()
    );
    let second = Instant::now();
    run.signal("INT");
    // Held PUTs wait 60 s and the client's timeout is 30 s: 10 s tells
    // "at once" from "after the in-flight request".
    let status = run.wait(Duration::from_secs(10));
    let took = second.elapsed();
    assert_eq!(status.code(), Some(130), "{status}\n{}", run.stderr());
    assert!(
        took < Duration::from_secs(5),
        "exited {took:?} after the second SIGINT"
    );
    assert!(org.puts().iter().all(|p| !p.answered));
    eprintln!(
        "second SIGINT: exit {status} {took:?} after it, {} PUTs held",
        org.applied()
    );
}
