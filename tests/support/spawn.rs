//! Starting the CLI from a test. Under Wine, where the Windows build's tests run, CreateProcess
//! now and then fails with ERROR_INTERNAL_ERROR (1359) while the machine is busy, before the
//! program has run at all; starting it again works. That one error is retried, a few times; any
//! other failure to start, and everything the program itself does, is the test's to judge.

use std::io;
use std::process::{Child, Command, Output};

/// Windows' ERROR_INTERNAL_ERROR.
const INTERNAL_ERROR: i32 = 1359;

fn retry<T>(mut start: impl FnMut() -> io::Result<T>) -> io::Result<T> {
    let mut tries = 0;
    loop {
        match start() {
            Err(e) if cfg!(windows) && e.raw_os_error() == Some(INTERNAL_ERROR) && tries < 4 => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(100 * tries));
            }
            result => return result,
        }
    }
}

/// `cmd.output()`, started again when Wine could not start it.
pub fn output(cmd: &mut Command) -> Output {
    retry(|| cmd.output()).unwrap_or_else(|e| panic!("cannot start {cmd:?}: {e}"))
}

/// `cmd.spawn()`, started again when Wine could not start it.
#[allow(dead_code)] // not every test file starts the CLI in the background
pub fn spawn(cmd: &mut Command) -> Child {
    retry(|| cmd.spawn()).unwrap_or_else(|e| panic!("cannot start {cmd:?}: {e}"))
}
