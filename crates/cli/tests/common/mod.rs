//! What every CLI test file needs: run the `ramplan` binary as a user would, find fixtures,
//! read its output. Each test file uses a different subset, hence the `dead_code` allowance.

#![allow(dead_code, clippy::unwrap_used)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Runs `ramplan` with these arguments, feeding `stdin` when given.
pub fn ramplan(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ramplan"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        let mut pipe = child.stdin.take().unwrap();
        if let Some(text) = stdin {
            // A command that fails before reading its input closes the pipe early; what it
            // printed is what the test checks, so a broken pipe here is not a failure.
            if let Err(error) = pipe.write_all(text.as_bytes()) {
                assert_eq!(error.kind(), std::io::ErrorKind::BrokenPipe, "{error}");
            }
        }
    }
    child.wait_with_output().unwrap()
}

/// A file under `tests/fixtures/`.
pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(rel)
}

/// A fixture's path as an argument.
pub fn path(rel: &str) -> String {
    fixture(rel).to_string_lossy().into_owned()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}
