//! Poppler's command-line tools reading the PDFs the CLI writes: a reader nobody here wrote. A
//! file of its own rather than part of `env.rs` because reading a PDF needs no data folder.
//! Include it with `#[path = "support/poppler.rs"] mod poppler;` beside `spawn.rs`.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

use crate::spawn;

/// The text of the PDF at `path`, laid out as printed (`-layout`): a label and what follows it
/// on the page stay on one line.
pub fn pdftotext(path: impl AsRef<Path>) -> String {
    let path = path.as_ref();
    let mut cmd = Command::new("pdftotext");
    cmd.arg("-layout").arg(path).arg("-");
    let out = spawn::output(&mut cmd);
    assert!(
        out.status.success(),
        "pdftotext {path:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// What `pdfsig` reports on the PDF at `path`, one paragraph a signature. Its exit code is left
/// unchecked: what it says of each signature is what the tests judge.
pub fn pdfsig(path: impl AsRef<Path>) -> String {
    let out = spawn::output(Command::new("pdfsig").arg(path.as_ref()));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// How many of the PDF's signatures poppler finds valid.
pub fn valid_signatures(path: impl AsRef<Path>) -> usize {
    pdfsig(path)
        .matches("Signature Validation: Signature is Valid.")
        .count()
}
