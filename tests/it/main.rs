//! The integration tests, one binary (as in jj's `cli/tests/runner.rs`):
//! one link of the test crate instead of one per file. `support` holds the
//! sandboxed command and the mock org every module shares.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

mod audit_log;
mod auth;
mod check_perms;
mod client;
mod client_lib;
mod config_safety;
mod containment;
mod expiring;
mod gate;
mod generated;
mod grant;
mod grant_batch;
mod health;
mod help;
mod helpdesk;
mod hostile;
mod inputs;
mod interrupt;
mod keyring;
mod live_offline;
mod lockouts;
mod log;
#[cfg(feature = "mcp")]
mod mcp;
mod oauth;
mod policy;
mod pty;
mod ratelimit;
mod reset;
mod reset_mfa;
mod terminal;
mod triage;
mod user;
mod verify;
