//! A hostile or broken server: answers too large or endless, paging that
//! loops, answers of the wrong shape, a list that fails part way. Each ends
//! in exit 7 with a clear message, a bounded number of requests, and, for
//! lists, well-formed output of what was read. `measure_hostile` (ignored;
//! `bench/hostile.sh` runs it) records peak memory and request counts.

use std::process::{Command as Process, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::support::fake::{Body, FakeServer, Request, Response};
use crate::support::{okta_error, text, user, Sandbox};

/// A server answering with `handler`, and how many requests it received.
fn serve(
    handler: impl Fn(&Request, usize) -> Response + Send + Sync + 'static,
) -> (FakeServer, Arc<AtomicUsize>) {
    let count = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&count);
    let server = FakeServer::start(move |req| {
        let n = seen.fetch_add(1, Ordering::SeqCst) + 1;
        handler(req, n)
    });
    (server, count)
}

fn users(from: u64, n: u64) -> Value {
    (from..from + n)
        .map(|i| user(&format!("00u{i:017}"), &format!("u{i}@acme.com"), "ACTIVE"))
        .collect()
}

fn next(target: &str) -> String {
    format!("<{target}>; rel=\"next\"")
}

/// An endless chunked body: one pre-framed chunk of about 64 KiB repeated
/// (large, so the server is not what limits the rate).
fn endless_chunked() -> Response {
    let item = format!("{},", json!({"id": "00u1", "profile": {"login": "x"}}));
    let data = item.repeat((64 << 10) / item.len());
    Response {
        status: 200,
        headers: vec![
            ("content-type".into(), "application/json".into()),
            ("transfer-encoding".into(), "chunked".into()),
        ],
        body: Body::Endless(format!("{:x}\r\n{data}\r\n", data.len()).into_bytes()),
    }
}

/// A page of `size` bytes with its Content-Length: a JSON array of padding.
fn huge_page(size: usize) -> Response {
    let mut body = vec![b' '; size];
    body[0] = b'[';
    body[size - 1] = b']';
    Response {
        status: 200,
        headers: vec![("content-type".into(), "application/json".into())],
        body: Body::Bytes(body),
    }
}

#[test]
fn an_endless_chunked_body_stops_at_the_cap() {
    let (server, count) = serve(|_, _| endless_chunked());
    let sb = Sandbox::new();
    let (out, stdout, stderr) = sb.run(&server.url(), &["user", "list", "-o", "json"]);
    assert_eq!(out.status.code(), Some(7), "{stderr}");
    assert!(
        stderr.contains("GET /api/v1/users: the answer from Okta is too large (over 32 MiB)"),
        "{stderr}"
    );
    assert!(stderr.contains("OKTACTL_MAX_BODY"), "{stderr}");
    assert!(stderr.contains("stopped after 0 items"), "{stderr}");
    assert_eq!(serde_json::from_str::<Value>(&stdout).unwrap(), json!([]));
    // Not retried: a too-large answer is no passing fault.
    assert_eq!(count.load(Ordering::SeqCst), 1);
}

#[test]
fn a_100_mb_page_is_refused_from_its_length() {
    let (server, count) = serve(|_, _| huge_page(100 << 20));
    let sb = Sandbox::new();
    let started = Instant::now();
    let (out, _, stderr) = sb.run(&server.url(), &["user", "list", "-o", "csv"]);
    assert_eq!(out.status.code(), Some(7), "{stderr}");
    assert!(stderr.contains("too large (over 32 MiB)"), "{stderr}");
    assert_eq!(count.load(Ordering::SeqCst), 1);
    eprintln!("100 MB page refused in {:?}", started.elapsed());
}

#[test]
fn max_body_sets_the_cap_and_a_bad_value_is_usage() {
    let (server, count) = serve(|_, _| huge_page(2 << 20));
    let sb = Sandbox::new();
    let run = |max: &str| {
        let out = sb
            .cmd(&server.url())
            .env("OKTACTL_MAX_BODY", max)
            .args(["user", "list", "-o", "json"])
            .output()
            .unwrap();
        let (_, stderr) = text(&out);
        (out.status.code(), stderr)
    };
    let (code, stderr) = run("1");
    assert_eq!(code, Some(7), "{stderr}");
    assert!(stderr.contains("too large (over 1 MiB)"), "{stderr}");
    let (code, stderr) = run("3");
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(count.load(Ordering::SeqCst), 2);
    for bad in ["0", "lots", "-1", "1.5", "5000"] {
        let (code, stderr) = run(bad);
        assert_eq!(code, Some(2), "{bad}: {stderr}");
        assert!(stderr.contains("OKTACTL_MAX_BODY must be"), "{stderr}");
    }
    // Nothing was sent with a bad value.
    assert_eq!(count.load(Ordering::SeqCst), 2);
}

/// An answer to a change that is too large: the change was sent once (not
/// repeated), and its outcome is unknown, not failed.
#[test]
fn a_too_large_answer_to_a_change_leaves_its_outcome_unknown() {
    let sent = Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = Arc::clone(&sent);
    let (server, _) = serve(move |req, _| {
        log.lock()
            .unwrap()
            .push(format!("{} {}", req.method, req.path));
        match req.method.as_str() {
            "GET" => Response::json(
                200,
                &user("00u00000000000000001", "u1@acme.com", "LOCKED_OUT"),
            ),
            // Declares 100 MB (and would send bytes for ever).
            _ => Response {
                status: 200,
                headers: vec![("content-length".into(), (100u64 << 20).to_string())],
                body: Body::Endless(vec![b' '; 64 << 10]),
            },
        }
    });
    let sb = Sandbox::new();
    let (out, _, stderr) = sb.run(&server.url(), &["unlock", "u1@acme.com", "--yes"]);
    assert_eq!(out.status.code(), Some(7), "{stderr}");
    assert!(
        stderr.contains("POST /api/v1/users/00u00000000000000001/lifecycle/unlock: the answer from Okta is too large (over 32 MiB)"),
        "{stderr}"
    );
    assert!(stderr.contains("Okta may have applied it"), "{stderr}");
    let posts: Vec<String> = sent
        .lock()
        .unwrap()
        .iter()
        .filter(|r| r.starts_with("POST"))
        .cloned()
        .collect();
    assert_eq!(
        posts,
        ["POST /api/v1/users/00u00000000000000001/lifecycle/unlock"]
    );
    let audit = sb.audit_changes();
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0]["outcome"], "unknown");
    assert_eq!(audit[0]["user_id"], "00u00000000000000001");
}

#[test]
fn a_two_page_cycle_ends_with_both_pages_printed() {
    // Page 1 (the first URL) points to page 2, which points back to page 1.
    let (server, count) = serve(|req, _| {
        let q = req.query.clone().unwrap_or_default();
        let (page, link) = if q.contains("after=p2") {
            (users(3, 2), next("/api/v1/users?limit=200"))
        } else {
            (users(1, 2), next("/api/v1/users?after=p2&limit=200"))
        };
        Response::json(200, &page).header("link", &link)
    });
    let sb = Sandbox::new();
    let (out, stdout, stderr) = sb.run(&server.url(), &["user", "list", "-o", "json"]);
    assert_eq!(out.status.code(), Some(7), "{stderr}");
    assert!(
        stderr.contains(
            "paging loops: the next link leads back to a page already read; stopped after 2 pages"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("stopped after 4 items"), "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 4);
    assert_eq!(count.load(Ordering::SeqCst), 2);
}

#[test]
fn a_repeated_cursor_is_a_loop_even_in_another_url() {
    // after=p2 comes back with another limit: a new URL, an old cursor.
    let (server, count) = serve(|req, _| {
        let q = req.query.clone().unwrap_or_default();
        let link = if q.contains("after=p3") {
            next("/api/v1/users?after=p2&limit=100")
        } else if q.contains("after=p2") {
            next("/api/v1/users?after=p3&limit=200")
        } else {
            next("/api/v1/users?after=p2&limit=200")
        };
        Response::json(200, &users(1, 1)).header("link", &link)
    });
    let sb = Sandbox::new();
    let (out, stdout, stderr) = sb.run(&server.url(), &["user", "list", "-o", "csv"]);
    assert_eq!(out.status.code(), Some(7), "{stderr}");
    assert!(
        stderr.contains("repeats a cursor already followed (after=p2)"),
        "{stderr}"
    );
    assert_eq!(stdout.lines().count(), 4, "{stdout}");
    assert_eq!(count.load(Ordering::SeqCst), 3);
}

#[test]
fn endless_empty_pages_stop_after_three() {
    let (server, count) = serve(|_, n| {
        Response::json(200, &json!([])).header(
            "link",
            &next(&format!("/api/v1/users?after=e{n}&limit=200")),
        )
    });
    let sb = Sandbox::new();
    let (out, stdout, stderr) = sb.run(&server.url(), &["user", "list", "-o", "json"]);
    assert_eq!(out.status.code(), Some(7), "{stderr}");
    assert!(
        stderr.contains("3 empty pages in a row, each with a next link; stopped after 3 pages"),
        "{stderr}"
    );
    assert_eq!(serde_json::from_str::<Value>(&stdout).unwrap(), json!([]));
    assert_eq!(count.load(Ordering::SeqCst), 3);
}

#[test]
fn one_empty_page_with_a_next_link_is_no_loop() {
    let (server, count) = serve(|req, _| {
        let q = req.query.clone().unwrap_or_default();
        if q.contains("after=b") {
            Response::json(200, &users(1, 1))
        } else if q.contains("after=a") {
            Response::json(200, &json!([])).header("link", &next("/api/v1/users?after=b"))
        } else {
            Response::json(200, &users(2, 1)).header("link", &next("/api/v1/users?after=a"))
        }
    });
    let sb = Sandbox::new();
    let (out, stdout, stderr) = sb.run(&server.url(), &["user", "list", "-o", "json"]);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(
        serde_json::from_str::<Value>(&stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(count.load(Ordering::SeqCst), 3);
}

/// The System Log's polling pattern: an empty page whose next link is the
/// page itself means "nothing newer"; `log` ends there with what it has.
#[test]
fn log_ends_quietly_at_the_polling_tail_but_not_on_endless_empty_pages() {
    let tail = |req: &Request, _: usize| {
        let q = req.query.clone().unwrap_or_default();
        match req.path.as_str() {
            "/api/v1/users/00u00000000000000001" => {
                Response::json(200, &user("00u00000000000000001", "u1@acme.com", "ACTIVE"))
            }
            "/api/v1/logs" if q.contains("after=t") => {
                Response::json(200, &json!([])).header("link", &next(&format!("/api/v1/logs?{q}")))
            }
            "/api/v1/logs" => Response::json(
                200,
                &json!([{"eventType": "user.account.lock", "published": "2026-11-20T08:00:00.000Z"}]),
            )
            .header("link", &next("/api/v1/logs?after=t&limit=1000")),
            _ => Response::text(404, &okta_error("E0000007", "Not found")),
        }
    };
    let (server, count) = serve(tail);
    let sb = Sandbox::new();
    let args = ["log", "00u00000000000000001", "-o", "json"];
    let (out, stdout, stderr) = sb.run(&server.url(), &args);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(
        serde_json::from_str::<Value>(&stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // The user, the first page, the empty tail.
    assert_eq!(count.load(Ordering::SeqCst), 3);

    let endless = |req: &Request, n: usize| match req.path.as_str() {
        "/api/v1/logs" => Response::json(200, &json!([]))
            .header("link", &next(&format!("/api/v1/logs?after=e{n}"))),
        _ => Response::json(200, &user("00u00000000000000001", "u1@acme.com", "ACTIVE")),
    };
    let (server, count) = serve(endless);
    let (out, stdout, stderr) = sb.run(&server.url(), &args);
    assert_eq!(out.status.code(), Some(7), "{stderr}");
    assert!(stderr.contains("20 empty pages in a row"), "{stderr}");
    assert_eq!(serde_json::from_str::<Value>(&stdout).unwrap(), json!([]));
    assert_eq!(count.load(Ordering::SeqCst), 21);
}

#[test]
fn an_answer_of_the_wrong_shape_is_exit_7() {
    let cases: [(&[&str], Value); 4] = [
        (&["user", "list", "-o", "json"], json!({"id": "00u1"})),
        (
            &["user", "list", "-o", "csv"],
            json!([{"id": 5, "status": []}]),
        ),
        (&["whoami"], json!([1, 2, 3])),
        (
            &["user", "show", "00u1"],
            json!({"id": "00u1", "profile": "nope"}),
        ),
    ];
    for (args, body) in cases {
        let (server, _) = serve(move |_, _| Response::json(200, &body));
        let sb = Sandbox::new();
        let (out, _, stderr) = sb.run(&server.url(), args);
        assert_eq!(out.status.code(), Some(7), "{args:?}: {stderr}");
        assert!(
            stderr.contains("not the JSON expected"),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

/// Pages 1 and 2 hold two users each; page 3 fails as `fail` says.
fn failing_on_page_3(fail: fn() -> Response) -> (FakeServer, Arc<AtomicUsize>) {
    serve(move |req, _| {
        let q = req.query.clone().unwrap_or_default();
        if q.contains("after=p3") {
            fail()
        } else if q.contains("after=p2") {
            Response::json(200, &users(3, 2)).header("link", &next("/api/v1/users?after=p3"))
        } else {
            Response::json(200, &users(1, 2)).header("link", &next("/api/v1/users?after=p2"))
        }
    })
}

#[test]
fn a_failure_on_page_3_leaves_a_whole_json_array() {
    let (server, count) =
        failing_on_page_3(|| Response::text(503, &okta_error("E0000009", "Internal Server Error")));
    let sb = Sandbox::new();
    let (out, stdout, stderr) = sb.run(&server.url(), &["user", "list", "-o", "json"]);
    assert_eq!(out.status.code(), Some(7), "{stderr}");
    assert!(stderr.contains("Okta answered 503"), "{stderr}");
    assert!(
        stderr
            .contains("the list stopped after 4 items; stdout holds them as a complete JSON array"),
        "{stderr}"
    );
    let v: Value = serde_json::from_str(&stdout).unwrap();
    let logins: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["login"].as_str().unwrap())
        .collect();
    assert_eq!(
        logins,
        ["u1@acme.com", "u2@acme.com", "u3@acme.com", "u4@acme.com"]
    );
    // Pages 1 and 2, then page 3 and its three retries.
    assert_eq!(count.load(Ordering::SeqCst), 6);
}

#[test]
fn a_failure_on_page_3_leaves_whole_csv_rows() {
    let (server, count) = failing_on_page_3(|| {
        Response::text(200, "<html>sign in</html>").header("content-type", "text/html")
    });
    let sb = Sandbox::new();
    let (out, stdout, stderr) = sb.run(&server.url(), &["user", "list", "-o", "csv"]);
    assert_eq!(out.status.code(), Some(7), "{stderr}");
    assert!(stderr.contains("not the JSON expected"), "{stderr}");
    assert!(
        stderr.contains("the list stopped after 4 items; stdout holds them as complete CSV rows"),
        "{stderr}"
    );
    let mut rows = csv::Reader::from_reader(stdout.as_bytes());
    let logins: Vec<String> = rows.records().map(|r| r.unwrap()[1].to_string()).collect();
    assert_eq!(
        logins,
        ["u1@acme.com", "u2@acme.com", "u3@acme.com", "u4@acme.com"]
    );
    assert!(stdout.ends_with('\n'));
    assert_eq!(count.load(Ordering::SeqCst), 3);
}

#[test]
fn a_failure_on_page_3_still_shows_the_table_so_far() {
    let (server, _) = failing_on_page_3(|| Response::text(200, "not json"));
    let sb = Sandbox::new();
    let (out, stdout, stderr) = sb.run(&server.url(), &["user", "list"]);
    assert_eq!(out.status.code(), Some(7), "{stderr}");
    assert!(stdout.contains("u4@acme.com"), "{stdout}");
    assert!(
        stderr.contains("the list stopped after 4 items\n"),
        "{stderr}"
    );
    assert!(!stderr.contains("no results"), "{stderr}");
}

// ---- measuring (ignored by default; bench/hostile.sh runs it) ----------------

type Handler = dyn Fn(&Request, usize) -> Response + Send + Sync;

/// One run of the binary: exit code (None: killed at the limit), seconds,
/// peak RSS in MiB (VmHWM, read while it runs), requests the server saw.
struct Measured {
    code: Option<i32>,
    secs: f64,
    peak_mib: f64,
    requests: usize,
}

fn vm_hwm_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Run `bin args` against `server` for at most `limit` (killed then, or
/// when its peak passes `kill_at_mib`), reading its peak RSS every 5 ms.
fn measure(
    bin: &std::path::Path,
    server: &FakeServer,
    count: &AtomicUsize,
    args: &[&str],
    limit: Duration,
    kill_at_mib: u64,
) -> Measured {
    let sb = Sandbox::new();
    let mut child = Process::new(bin)
        .env_clear()
        .envs(sb.env())
        .env("OKTA_ORG_URL", server.url())
        .env("OKTA_API_TOKEN", crate::support::TOKEN)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let mut peak = 0;
    let code = loop {
        if let Some(kib) = vm_hwm_kib(child.id()) {
            peak = peak.max(kib);
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status.code();
        }
        if started.elapsed() >= limit || peak >= kill_at_mib << 10 {
            child.kill().unwrap();
            child.wait().unwrap();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Measured {
        code,
        secs: started.elapsed().as_secs_f64(),
        peak_mib: peak as f64 / 1024.0,
        requests: count.load(Ordering::SeqCst),
    }
}

/// Peak memory and request counts of the hostile cases, for the binary
/// built here or the one `OKTACTL_BIN` names (e.g. a build of an older
/// commit: then nothing is asserted, the figures are only printed). Each run
/// is killed after 5 s or past 2 GiB.
#[test]
#[ignore = "a measurement: run by bench/hostile.sh"]
fn measure_hostile() {
    let other = std::env::var_os("OKTACTL_BIN").map(std::path::PathBuf::from);
    let bin = other
        .clone()
        .unwrap_or_else(|| assert_cmd::cargo::cargo_bin("oktactl"));
    let limit = Duration::from_secs(5);
    let cycle = |req: &Request, _: usize| {
        let q = req.query.clone().unwrap_or_default();
        let (page, link) = if q.contains("after=p2") {
            (users(3, 2), next("/api/v1/users?limit=200"))
        } else {
            (users(1, 2), next("/api/v1/users?after=p2&limit=200"))
        };
        Response::json(200, &page).header("link", &link)
    };
    let empty = |_: &Request, n: usize| {
        Response::json(200, &json!([])).header(
            "link",
            &next(&format!("/api/v1/users?after=e{n}&limit=200")),
        )
    };
    let cases: Vec<(&str, Box<Handler>, bool)> = vec![
        (
            "endless chunked body",
            Box::new(|_: &Request, _: usize| endless_chunked()),
            true,
        ),
        (
            "100 MB page",
            Box::new(|_: &Request, _: usize| huge_page(100 << 20)),
            true,
        ),
        ("two-page cycle", Box::new(cycle), false),
        ("endless empty pages", Box::new(empty), false),
    ];
    println!("binary: {}", bin.display());
    println!(
        "{:<22} {:>8} {:>8} {:>10} {:>9}",
        "case", "exit", "seconds", "peak MiB", "requests"
    );
    for (name, handler, body_case) in cases {
        let (server, count) = serve(handler);
        let m = measure(
            &bin,
            &server,
            &count,
            &["user", "list", "-o", "json"],
            limit,
            2048,
        );
        let exit = m.code.map_or("killed".to_string(), |c| c.to_string());
        println!(
            "{name:<22} {exit:>8} {:>8.2} {:>10.1} {:>9}",
            m.secs, m.peak_mib, m.requests
        );
        if other.is_none() {
            assert_eq!(m.code, Some(7), "{name}");
            if body_case {
                assert!(m.peak_mib < 64.0, "{name}: peak {} MiB", m.peak_mib);
            }
        }
    }
}

#[test]
fn an_unusable_id_from_okta_is_a_wrong_shape_not_a_usage_error() {
    let mut org = crate::support::org::Org::new();
    let found = org.group_by_name(
        "Figma Users",
        json!([{"id": "..", "type": "OKTA_GROUP", "profile": {"name": "Figma Users"}}]),
    );
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    let (out, _, stderr) = sb.run(&org.url(), &["grant", "00u1", "--group", "Figma Users"]);
    assert_eq!(out.status.code(), Some(7), "{stderr}");
    assert!(stderr.contains("unusable id"), "{stderr}");
    found.assert();
    unchanged.assert();
}
