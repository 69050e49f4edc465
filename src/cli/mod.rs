//! The command line's subcommands as library code: argument values in, output and an exit code
//! out. `main.rs` only parses arguments, prints and exits, so every rule here is testable
//! without a process.

pub mod audit;
pub mod db;
pub mod deadline;
pub mod export;
pub mod export_json;
pub mod help;
pub mod letter;
pub mod maintenance;
pub mod manual;
pub mod register;
pub mod report;
pub mod session;
pub mod signals;
pub mod slow_notice;

/// Makes a write past the file-size limit (`ulimit -f`) fail with EFBIG — reported as such,
/// exit 5, with any partial file removed — instead of a silent death by SIGXFSZ (issue 16).
/// The signal is caught by a flag that nothing reads (`signal-hook`: no unsafe code here).
pub fn report_file_size_limit() {
    #[cfg(unix)]
    {
        use std::sync::Arc;
        use std::sync::atomic::AtomicBool;
        let _ = signal_hook::flag::register(
            signal_hook::consts::SIGXFSZ,
            Arc::new(AtomicBool::new(false)),
        );
    }
}

/// What a subcommand produced: bytes for standard output, a line for standard error, and the
/// exit code (design.md "Exit codes").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Written to standard output as is.
    pub stdout: Vec<u8>,
    /// Written to standard error (a line, or empty).
    pub stderr: String,
    /// The process exit code.
    pub code: u8,
}

impl Outcome {
    /// Success with a line on standard output.
    pub fn ok_line(line: String) -> Outcome {
        Outcome {
            stdout: (line + "\n").into_bytes(),
            stderr: String::new(),
            code: 0,
        }
    }

    /// A failure: a message on standard error and its exit code.
    pub fn fail(message: String, code: u8) -> Outcome {
        Outcome {
            stdout: Vec::new(),
            stderr: message,
            code,
        }
    }
}
