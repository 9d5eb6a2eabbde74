//! The agent mode's costs, for bench/mcp.sh: `oktactl mcp` driven over
//! stdio by a bare JSON-RPC client (no SDK in the way), against a mock org.
//!
//!     mcp_bench OKTACTL ORG_URL [CALLS]
//!
//! Prints one JSON document: the median and p90 wall time of `find_user`
//! calls (by id, each one `GET /api/v1/users/{id}` at the org), the same
//! GET sent directly (a keep-alive blocking client, as the server's), their
//! difference (the server's own cost per call), and the server's resident
//! memory after start (idle) and after the calls (Linux: /proc).

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

const TOKEN: &str = "00bench-token";

struct Server {
    child: Child,
    input: ChildStdin,
    output: BufReader<ChildStdout>,
    next: u64,
}

impl Server {
    fn start(bin: &str, org: &str) -> Server {
        let mut child = Command::new(bin)
            .arg("mcp")
            .env("OKTA_ORG_URL", org)
            .env("OKTA_API_TOKEN", TOKEN)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| fail(&format!("cannot start {bin}: {e}")));
        let input = child.stdin.take().unwrap_or_else(|| fail("no stdin"));
        let output = BufReader::new(child.stdout.take().unwrap_or_else(|| fail("no stdout")));
        Server {
            child,
            input,
            output,
            next: 1,
        }
    }

    fn send(&mut self, msg: &Value) {
        let mut line = msg.to_string();
        line.push('\n');
        self.input
            .write_all(line.as_bytes())
            .unwrap_or_else(|e| fail(&format!("write: {e}")));
    }

    /// A request and its answer (notifications in between are skipped).
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next;
        self.next += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let mut line = String::new();
            match self.output.read_line(&mut line) {
                Ok(0) | Err(_) => fail("the server closed stdout"),
                Ok(_) => {}
            }
            let v: Value = serde_json::from_str(&line)
                .unwrap_or_else(|e| fail(&format!("not JSON on stdout ({e}): {line}")));
            if v["id"] == json!(id) {
                return v;
            }
        }
    }

    fn rss_kib(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }
}

fn fail(msg: &str) -> ! {
    eprintln!("mcp_bench: {msg}");
    std::process::exit(1)
}

/// (median, p90) in microseconds.
fn stats(mut v: Vec<u128>) -> (u128, u128) {
    v.sort_unstable();
    let at = |q: f64| {
        v.get(((v.len() as f64 - 1.0) * q).round() as usize)
            .copied()
            .unwrap_or(0)
    };
    (at(0.5), at(0.9))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(bin), Some(org)) = (args.get(1), args.get(2)) else {
        fail("usage: mcp_bench OKTACTL ORG_URL [CALLS]")
    };
    let calls: usize = args.get(3).and_then(|n| n.parse().ok()).unwrap_or(200);
    // The mock org's users are 00u + 17 digits; the first `calls` of them.
    let ids: Vec<String> = (0..calls).map(|i| format!("00u{i:017}")).collect();

    let mut server = Server::start(bin, org);
    let init = server.request(
        "initialize",
        json!({"protocolVersion": "2025-11-25", "capabilities": {},
               "clientInfo": {"name": "mcp_bench", "version": "1"}}),
    );
    if init.get("result").is_none() {
        fail(&format!("initialize failed: {init}"));
    }
    server.send(&json!({"jsonrpc": "2.0", "method": "notifications/initialized"}));
    let listed = server.request("tools/list", json!({}));
    let tools = listed["result"]["tools"].as_array().map_or(0, Vec::len);
    std::thread::sleep(Duration::from_millis(500));
    let idle = server.rss_kib();

    // Warm up (connection, TLS-free loopback, allocator), then measure.
    for id in ids.iter().take(10) {
        server.request(
            "tools/call",
            json!({"name": "find_user", "arguments": {"user": id}}),
        );
    }
    let mut via_mcp = Vec::with_capacity(calls);
    for id in &ids {
        let start = Instant::now();
        let r = server.request(
            "tools/call",
            json!({"name": "find_user", "arguments": {"user": id}}),
        );
        via_mcp.push(start.elapsed().as_micros());
        if r["result"]["isError"] != json!(false) {
            fail(&format!("find_user {id} failed: {r}"));
        }
    }
    let busy = server.rss_kib();
    drop(server.input);
    let _ = server.child.wait();

    let client = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap_or_else(|e| fail(&format!("client: {e}")));
    let get = |id: &str| {
        client
            .get(format!("{}/api/v1/users/{id}", org.trim_end_matches('/')))
            .header("Authorization", format!("SSWS {TOKEN}"))
            .header("Accept", "application/json")
            .send()
            .and_then(|r| r.bytes())
            .unwrap_or_else(|e| fail(&format!("GET: {e}")))
    };
    for id in ids.iter().take(10) {
        get(id);
    }
    let mut direct = Vec::with_capacity(calls);
    for id in &ids {
        let start = Instant::now();
        get(id);
        direct.push(start.elapsed().as_micros());
    }

    let (mcp_median, mcp_p90) = stats(via_mcp);
    let (get_median, get_p90) = stats(direct);
    println!(
        "{}",
        json!({
            "calls": calls,
            "tools": tools,
            "find_user_us": {"median": mcp_median, "p90": mcp_p90},
            "direct_get_us": {"median": get_median, "p90": get_p90},
            "overhead_us_median": mcp_median.saturating_sub(get_median),
            "rss_kib": {"idle": idle, "after_calls": busy},
        })
    );
}
