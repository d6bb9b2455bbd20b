//! Writing files whole or not at all, private ones readable only by their owner.

use std::io::Write;
use std::path::Path;

use crate::SignError;

/// Writes `bytes` to `path` through a temporary file in the same folder, so a failure leaves
/// either the old file or none, never half of one.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8], private: bool) -> Result<(), SignError> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        if private {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        #[cfg(not(unix))]
        let _ = private;
        let mut file = options.open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&temp);
        return Err(SignError::io(path, e));
    }
    Ok(())
}

/// Writes a file holding a private key.
pub(crate) fn write_private(path: &Path, bytes: &[u8]) -> Result<(), SignError> {
    write_atomically(path, bytes, true)
}
