//! `--exec CMD`: a program run once per new lock-out with the event as one
//! line of JSON on its stdin: a notifier (chat, ticketing). No shell: CMD
//! is split into words as a POSIX shell would split them (quotes and
//! backslashes), then the first word is run with the rest as arguments.
//! Its failures are counted and reported, never fatal to the watch.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::error::{clean, Error, Result};

/// Variables that hold a credential: never handed to the program.
const SECRET_VARS: [&str; 4] = [
    "OKTA_API_TOKEN",
    "OKTA_CLIENT_TOKEN",
    "OKTA_PRIVATE_KEY",
    "OKTA_PRIVATE_KEY_FILE",
];

pub struct Hook {
    program: String,
    args: Vec<String>,
    timeout: Duration,
    pub ok: u32,
    pub failed: u32,
}

impl Hook {
    /// Split CMD; unbalanced quotes or nothing to run is a usage error.
    pub fn parse(cmd: &str, timeout: Duration) -> Result<Hook> {
        let words = shlex::split(cmd).ok_or_else(|| {
            Error::usage(format!("--exec '{cmd}': a quote is not closed"))
                .hint("CMD is split into words as a shell would, but no shell runs it: quote a word with spaces, as in --exec 'notify --channel \"help desk\"'")
        })?;
        let mut words = words.into_iter();
        let program = words
            .next()
            .filter(|p| !p.is_empty())
            .ok_or_else(|| Error::usage("--exec needs a program to run"))?;
        Ok(Hook {
            program,
            args: words.collect(),
            timeout,
            ok: 0,
            failed: 0,
        })
    }

    pub fn program(&self) -> &str {
        &self.program
    }

    /// Run the program with `input` on stdin; count the outcome. The
    /// reason of a failure comes back for the warning.
    pub fn run(&mut self, input: &[u8]) -> std::result::Result<(), String> {
        let outcome = self.spawn_and_wait(input);
        match outcome {
            Ok(()) => self.ok += 1,
            Err(_) => self.failed += 1,
        }
        outcome
    }

    fn spawn_and_wait(&self, input: &[u8]) -> std::result::Result<(), String> {
        let mut cmd = Command::new(&self.program);
        cmd.args(&self.args)
            .stdin(Stdio::piped())
            // stdout carries the watch's own data: the program's goes nowhere.
            .stdout(Stdio::null())
            .stderr(Stdio::inherit());
        for var in SECRET_VARS {
            cmd.env_remove(var);
        }
        let mut child = cmd
            .spawn()
            .map_err(|e| format!("cannot run '{}': {e}", clean(&self.program)))?;
        // Written from a thread: a program that does not read its stdin
        // cannot hold the watch up past the timeout.
        let writer = child.stdin.take().map(|mut stdin| {
            let data = input.to_vec();
            std::thread::spawn(move || {
                let _ = stdin.write_all(&data);
            })
        });
        let started = Instant::now();
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break Ok(status),
                Ok(None) if started.elapsed() >= self.timeout => {
                    let _ = child.kill();
                    let _ = child.wait();
                    break Err(format!(
                        "'{}' was stopped after {} s",
                        clean(&self.program),
                        self.timeout.as_secs()
                    ));
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(20)),
                Err(e) => break Err(format!("waiting for '{}': {e}", clean(&self.program))),
            }
        };
        if let Some(w) = writer {
            let _ = w.join();
        }
        let status = status?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("'{}' {}", clean(&self.program), exit_text(status)))
        }
    }
}

fn exit_text(status: std::process::ExitStatus) -> String {
    if let Some(code) = status.code() {
        return format!("exited with status {code}");
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            return format!("was killed by signal {sig}");
        }
    }
    "failed".into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_are_split_like_a_shell_without_one() {
        let h = Hook::parse(
            r#"notify --to "help desk" it\'s $HOME"#,
            Duration::from_secs(1),
        )
        .unwrap();
        assert_eq!(h.program, "notify");
        assert_eq!(h.args, ["--to", "help desk", "it's", "$HOME"]);
        assert_eq!(
            Hook::parse("a 'b", Duration::from_secs(1))
                .err()
                .unwrap()
                .exit_code(),
            2
        );
        assert!(Hook::parse("  ", Duration::from_secs(1)).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn outcomes_are_counted() {
        let t = Duration::from_secs(5);
        let mut ok = Hook::parse("sh -c 'cat >/dev/null'", t).unwrap();
        assert!(ok.run(b"{}\n").is_ok());
        let mut bad = Hook::parse("sh -c 'exit 3'", t).unwrap();
        assert_eq!(bad.run(b"{}\n").unwrap_err(), "'sh' exited with status 3");
        let mut missing = Hook::parse("/nonexistent/notify", t).unwrap();
        assert!(missing.run(b"{}").unwrap_err().starts_with("cannot run"));
        let mut slow = Hook::parse("sleep 5", Duration::from_millis(200)).unwrap();
        let started = Instant::now();
        assert!(slow.run(b"{}").unwrap_err().contains("stopped after"));
        assert!(started.elapsed() < Duration::from_secs(3));
        assert_eq!(
            (ok.ok, bad.failed, missing.failed, slow.failed),
            (1, 1, 1, 1)
        );
    }
}
