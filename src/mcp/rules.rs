//! What the local policy says to the agent mode, `[mcp]`: the change tools
//! to offer where Okta hides the credential's roles (`tools`), whether the
//! policy may stand in for a person's confirmation (`confirm`), and the
//! change budgets (`budget`). The policy's other rules (tickets,
//! verification, protected users, cooldowns, grant lists) are judged in
//! the change gate, for agents as for people.

use super::budget::Limits;
use crate::context::Context;
use crate::error::Result;

#[derive(Debug, Clone, Default)]
pub struct Rules {
    /// `mcp.tools`: the change tools offered where the roles are hidden.
    pub tools: Option<Vec<String>>,
    /// `mcp.confirm = "policy"`.
    pub confirm_by_policy: bool,
    /// `mcp.budget`.
    pub budget: Limits,
}

impl Rules {
    pub fn load(_ctx: &Context) -> Result<Rules> {
        Ok(Rules::default())
    }
}
