//! Writing files whole or not at all (see `sla_model::interchange::write_atomically`), with
//! errors that name the file; private ones readable only by their owner.

use std::path::Path;

use crate::SignError;

pub(crate) fn write_atomically(path: &Path, bytes: &[u8], private: bool) -> Result<(), SignError> {
    sla_model::interchange::write_atomically(path, bytes, private)
        .map_err(|e| SignError::io(path, e))
}

/// Writes a file holding a private key.
pub(crate) fn write_private(path: &Path, bytes: &[u8]) -> Result<(), SignError> {
    write_atomically(path, bytes, true)
}

/// Largest PDF signed or verified: an agreement file's own limit (an exported agreement is tens
/// of kilobytes, and each signature adds a few more).
pub(crate) const MAX_PDF_BYTES: u64 = sla_model::interchange::MAX_FILE_BYTES;

/// Largest PKCS#12 or certificate file read: a key with a long chain is a few kilobytes.
pub(crate) const MAX_KEY_FILE_BYTES: u64 = 1024 * 1024;

/// Largest passphrase file read.
pub(crate) const MAX_PASSPHRASE_FILE_BYTES: u64 = 64 * 1024;

/// Reads a whole file of at most `limit` bytes; a bigger one (a wrong file, or a hostile one) is
/// refused before it is read, so it never costs its size in memory.
pub(crate) fn read_limited(
    path: &Path,
    what: &'static str,
    limit: u64,
) -> Result<Vec<u8>, SignError> {
    use std::io::Read;
    let too_large = |size| SignError::TooLarge {
        path: path.to_path_buf(),
        size,
        what,
        limit,
    };
    let file = std::fs::File::open(path).map_err(|e| SignError::io(path, e))?;
    let size = file.metadata().map_err(|e| SignError::io(path, e))?.len();
    if size > limit {
        return Err(too_large(size));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // `take` guards against a file that grows between the size check and the read.
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| SignError::io(path, e))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}
