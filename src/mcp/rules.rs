//! What the local policy says to the agent mode, `[mcp]`, read once at
//! start: the change tools to offer (`tools`: where Okta hides the
//! credential's roles, the ones offered; elsewhere a limit on those the
//! roles prove), whether the policy may stand in for a person's
//! confirmation (`confirm = "policy"`), and the change budgets (`budget`).
//! The policy's other rules (tickets, verification, protected users,
//! cooldowns, grant lists) are judged in the change gate at each call, for
//! agents as for people.

use super::budget::Limits;
use super::catalog::TOOLS;
use crate::context::Context;
use crate::error::Result;
use crate::policy::{self, Confirm};

#[derive(Debug, Clone, Default)]
pub struct Rules {
    /// `mcp.tools`: the change tools the policy names.
    pub tools: Option<Vec<String>>,
    /// `mcp.confirm = "policy"`.
    pub confirm_by_policy: bool,
    /// `mcp.budget`.
    pub budget: Limits,
}

impl Rules {
    pub fn load(ctx: &Context) -> Result<Rules> {
        let Some(p) = policy::load(ctx.global.policy.as_deref())? else {
            return Ok(Rules::default());
        };
        let tools = p.mcp.tools.value.clone();
        for name in tools.iter().flatten() {
            match TOOLS.iter().find(|d| d.id == name) {
                Some(d) if d.change.is_some() => {}
                Some(_) => ctx.out.warn(&format!(
                    "the policy's mcp.tools names '{name}', a read tool: read tools are always offered"
                )),
                None => ctx.out.warn(&format!(
                    "the policy's mcp.tools names '{name}', which is no tool of oktactl mcp"
                )),
            }
        }
        Ok(Rules {
            tools,
            confirm_by_policy: p.mcp.confirm.value == Confirm::Policy,
            budget: Limits {
                per_requester: p.mcp.per_user_per_hour.value,
                global: p.mcp.global_per_hour.value,
            },
        })
    }
}
