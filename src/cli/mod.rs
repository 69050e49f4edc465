//! The command line's subcommands as library code: argument values in, output lines or a typed
//! error out. `main.rs` only parses arguments, prints and picks the exit code, so every rule
//! here is testable without a process.

pub mod deadline;
pub mod session;
