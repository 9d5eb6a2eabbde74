//! What several commands show alike (as gh's `pkg/cmd/auth/shared`): a
//! command imports these, never another command's file.

pub mod health;
pub mod roles;
pub mod sessions;
pub mod suspension;
