use clap::Args;
use clap_complete::Shell;

use crate::context::Context;
use crate::error::Result;

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  oktactl completions bash > ~/.local/share/bash-completion/completions/oktactl\n  oktactl completions zsh > \"${fpath[1]}/_oktactl\""
)]
pub struct CompletionsArgs {
    /// bash, zsh, fish, powershell or elvish
    #[arg(value_enum)]
    pub shell: Shell,
}

pub fn run(_ctx: &Context, args: CompletionsArgs) -> Result<()> {
    let mut out = std::io::stdout().lock();
    crate::generate::completion(args.shell, &mut out)?;
    Ok(())
}
