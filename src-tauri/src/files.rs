//! Writing files the person asked for, shared by the CLI and the window.

use std::path::Path;

/// Writes through a temporary file in the same folder and renames it into place, so a failure
/// never leaves half a file where the person expects a whole one.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), crate::error::Error> {
    let fail = |e: std::io::Error| {
        crate::error::Error::Io(format!("cannot write {}: {e}", path.display()))
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| crate::error::Error::Io(format!("{} is not a file name", path.display())))?;
    let tmp = dir.join(format!(".{}.partial", name.to_string_lossy()));
    std::fs::write(&tmp, bytes).map_err(fail)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        fail(e)
    })
}
