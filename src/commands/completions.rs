//! `completions SHELL`: print the shell completion script of the whole tree.

use std::io::Write;

use clap::Args;
use clap_complete::Shell;

use crate::context::Context;
use crate::error::Result;

/// Print the shell completion script
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  oktactl completions bash > ~/.local/share/bash-completion/completions/oktactl\n  oktactl completions zsh > \"${fpath[1]}/_oktactl\""
)]
pub struct CompletionsArgs {
    /// bash, zsh, fish, powershell or elvish
    #[arg(value_enum)]
    pub shell: Shell,
}

/// The completion script of `app` for `shell`.
pub fn script(shell: Shell, app: &mut clap::Command) -> Vec<u8> {
    let mut buf = Vec::new();
    clap_complete::generate(shell, app, "oktactl", &mut buf);
    buf
}

pub fn run(ctx: &Context, args: CompletionsArgs) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(&script(args.shell, &mut ctx.app()))?;
    out.flush()?;
    Ok(())
}
