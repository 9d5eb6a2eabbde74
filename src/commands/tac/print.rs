//! What `tac` prints: the code alone on stdout at a terminal (so `$(…)`
//! captures it), the whole outcome as JSON or CSV; a line on stderr says
//! when it expires and that it is shown once.

use serde::Serialize;

use super::issue::Enrollment;
use crate::context::Context;
use crate::error::{clean, Result};
use crate::gate::{Outcome, Row};
use crate::output::{or_dash, Format, Tabular};

#[derive(Debug, Serialize)]
struct Issued {
    user: String,
    user_id: Option<String>,
    result: Outcome,
    tac: Option<String>,
    enrollment_id: Option<String>,
    expires_at: Option<String>,
    multi_use: Option<bool>,
    change_id: Option<String>,
    request_id: Option<String>,
}

impl Tabular for Issued {
    fn columns() -> Vec<&'static str> {
        vec![
            "user",
            "user_id",
            "result",
            "tac",
            "expires_at",
            "multi_use",
        ]
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.user.clone(),
            or_dash(&self.user_id),
            self.result.to_string(),
            or_dash(&self.tac),
            or_dash(&self.expires_at),
            // Null is an empty cell (`-` in a table, empty in CSV).
            self.multi_use.map(|m| m.to_string()).unwrap_or_default(),
        ]
    }
}

/// The code alone on stdout (a table), or the whole outcome (JSON, CSV).
pub(super) fn print_code(ctx: &Context, row: &Row, en: Enrollment) -> Result<()> {
    let out = Issued {
        user: row.who().to_string(),
        user_id: row.user_id.clone(),
        result: row.result,
        tac: en.profile.tac,
        enrollment_id: Some(en.id).filter(|i| !i.is_empty()),
        expires_at: en.profile.expires_at,
        multi_use: en.profile.multi_use,
        change_id: row.change_id.clone(),
        request_id: row.request_id.clone(),
    };
    let uses = match out.multi_use {
        Some(true) => "several uses",
        _ => "single use",
    };
    ctx.out.status(&format!(
        "Temporary Access Code for {} (expires {}, {uses}; shown once: give it to the verified caller over a trusted channel):",
        out.user,
        out.expires_at.as_deref().map(clean).unwrap_or_else(|| "-".into())
    ));
    match ctx.out.format {
        Format::Json => ctx.out.json(&out),
        Format::Csv => ctx.out.one(&out),
        Format::Table => ctx.out.data(&clean(out.tac.as_deref().unwrap_or_default())),
    }
}
