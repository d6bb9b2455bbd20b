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
