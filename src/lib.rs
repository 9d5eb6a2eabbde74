//! oktactl: Okta help-desk administration from the command line.

pub mod audit;
pub mod cli;
pub mod commands;
pub mod config;
pub mod context;
pub mod credentials;
pub mod env;
pub mod error;
pub mod gate;
pub mod generate;
pub mod interrupt;
#[cfg(feature = "mcp")]
pub mod mcp;
pub mod oauth;
pub mod okta;
pub mod output;
pub mod perms;
pub mod policy;
pub mod preflight;
pub mod prompt;
pub mod provision;
pub mod verify;

/// Parse the arguments, run the command, print any error; the exit code.
pub fn run() -> i32 {
    // Secrets in memory stay out of core dumps (RLIMIT_CORE 0, not dumpable).
    let hardened = credentials::no_core_dumps();
    let (cli, change) = match cli::Cli::parse_args(std::env::args_os()) {
        Ok(parsed) => parsed,
        Err(e) => {
            let _ = e.print();
            return e.exit_code();
        }
    };
    let ctx = context::Context::new(cli.global, change, cli::Cli::command);
    if let Err(e) = hardened {
        ctx.out.warn(&format!("cannot disable core dumps: {e}"));
    }
    match commands::run(&ctx, cli.command) {
        Ok(()) => 0,
        Err(e) if e.broken_pipe => 0,
        Err(e) => {
            ctx.out.err.line(e.render().trim_end());
            e.exit_code()
        }
    }
}
