//! `policy check [FILE]`: read a policy file as the gate would and list
//! every problem with its line and column; exit 0 when valid, 2 when not.

use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use crate::context::Context;
use crate::error::{clean, Error, Result};
use crate::output::Format;
use crate::policy::{self, Chosen, Location};

/// Check a policy file: unknown keys, bad regexes, bad spans, unknown commands
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  oktactl policy check policy.toml
  oktactl policy check                  # the policy in force
  oktactl policy check new.toml -o json

Each problem is printed as FILE:LINE:COLUMN: what is wrong. Exit 0 when the \
file is valid, 2 when it is not (or cannot be read). Without FILE: the \
policy in force (--policy, OKTACTL_POLICY, or policy.toml beside the config file).")]
pub struct CheckArgs {
    /// The file to check; default: the policy in force
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
}

#[derive(Serialize)]
struct Report<'a> {
    file: String,
    valid: bool,
    problems: Vec<ProblemOut<'a>>,
}

#[derive(Serialize)]
struct ProblemOut<'a> {
    line: usize,
    column: usize,
    message: &'a str,
}

pub fn run(ctx: &Context, args: CheckArgs) -> Result<()> {
    let loc = match args.file {
        Some(path) => Location {
            path,
            chosen: Chosen::Argument,
        },
        None => policy::locate(ctx.global.policy.as_deref())?,
    };
    let shown = loc.path.display().to_string();
    let text = policy::read(&loc)?.ok_or_else(|| {
        Error::usage(format!("no policy file at {shown}"))
            .hint("name the file to check: `oktactl policy check FILE`")
    })?;
    let problems = match policy::parse(&text, &loc.path) {
        Ok(_) => Vec::new(),
        Err(problems) => problems,
    };
    if ctx.out.format == Format::Json {
        ctx.out.json(&Report {
            file: shown.clone(),
            valid: problems.is_empty(),
            problems: problems
                .iter()
                .map(|p| ProblemOut {
                    line: p.line,
                    column: p.column,
                    message: &p.message,
                })
                .collect(),
        })?;
    } else {
        for p in &problems {
            ctx.out.err.line(&clean(&format!(
                "{shown}:{}:{}: {}",
                p.line, p.column, p.message
            )));
        }
    }
    match problems.len() {
        0 => {
            ctx.out.status(&format!("{shown}: a valid policy"));
            Ok(())
        }
        n => Err(Error::usage(format!(
            "{shown}: {n} problem{}; the policy is not valid",
            if n == 1 { "" } else { "s" }
        ))),
    }
}
