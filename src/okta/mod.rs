//! The one blocking Okta client, shared by every command.

mod answer;
pub mod apps;
pub mod authenticators;
pub mod changes;
mod client;
mod exchange;
pub mod factors;
pub mod groups;
pub mod logs;
pub mod models;
mod paging;
pub mod paths;
pub mod policy;
pub mod ratelimit;
pub mod roles;
mod session;
pub mod similar;
pub mod tokens;
pub mod users;

pub use answer::Reply;
pub use client::{Client, Options, DEFAULT_MAX_BODY_MIB};
pub use paging::Pages;
pub use session::{Access, Session};
