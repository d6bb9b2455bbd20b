//! The folder of a person's signing identities. Each identity is two files named by the start of
//! its certificate fingerprint: `<id>.p12` (key and certificates, encrypted under the person's
//! passphrase) and `<id>.pem` (the certificates alone), so the list shows without a passphrase.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::certificate::{self, CertificateSummary};
use crate::{NewIdentity, SignError, SigningIdentity};

/// One identity in the folder, as the identities screen lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IdentityInfo {
    /// Stable within the folder: the first 16 hex digits of the certificate's SHA-256.
    pub id: String,
    pub certificate: CertificateSummary,
}

#[derive(Debug, Clone)]
pub struct IdentityStore {
    dir: PathBuf,
}

impl IdentityStore {
    /// Opens the folder, creating it when missing.
    pub fn open(dir: impl Into<PathBuf>) -> Result<IdentityStore, SignError> {
        let dir = dir.into();
        std::fs::create_dir_all(&dir).map_err(|e| SignError::io(&dir, e))?;
        Ok(IdentityStore { dir })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Creates a new self-signed identity and keeps it under `passphrase`.
    pub fn create(&self, new: &NewIdentity, passphrase: &str) -> Result<IdentityInfo, SignError> {
        if passphrase.is_empty() {
            return Err(SignError::EmptyPassphrase);
        }
        let identity = SigningIdentity::create(new)?;
        self.add(&identity, passphrase)
    }

    /// Imports a company-issued PKCS#12 file. The copy kept here is re-encrypted with
    /// PBES2/AES-256 under the same passphrase, whatever the original used.
    pub fn import_p12(&self, path: &Path, passphrase: &str) -> Result<IdentityInfo, SignError> {
        if passphrase.is_empty() {
            return Err(SignError::EmptyPassphrase);
        }
        let identity = SigningIdentity::from_p12_file(path, passphrase)?;
        self.add(&identity, passphrase)
    }

    /// Keeps `identity` in the folder under `passphrase`; adding one already there changes
    /// nothing and returns it.
    pub fn add(
        &self,
        identity: &SigningIdentity,
        passphrase: &str,
    ) -> Result<IdentityInfo, SignError> {
        let p12 = identity.to_p12(passphrase)?;
        let summary = identity.summary();
        let id = id_of(&summary.fingerprint_sha256);
        let pem_path = self.pem_path(&id);
        if pem_path.exists() && self.p12_path(&id).exists() {
            return self.info(&id);
        }
        let mut certificates = vec![identity.certificate.clone()];
        certificates.extend(identity.chain.iter().cloned());
        // The key first: a listed identity always has its key beside it.
        crate::files::write_private(&self.p12_path(&id), &p12)?;
        crate::files::write_atomically(
            &pem_path,
            certificate::to_pem(&certificates).as_bytes(),
            false,
        )?;
        Ok(IdentityInfo {
            id,
            certificate: summary,
        })
    }

    /// Every identity in the folder, by name.
    pub fn list(&self) -> Result<Vec<IdentityInfo>, SignError> {
        let mut infos = Vec::new();
        for id in pem_ids(&self.dir)? {
            if self.p12_path(&id).exists() {
                infos.push(self.info(&id)?);
            }
        }
        Ok(by_name(infos))
    }

    /// What the folder knows about one identity, without its passphrase.
    pub fn info(&self, id: &str) -> Result<IdentityInfo, SignError> {
        let certificates = self.certificates(id)?;
        Ok(IdentityInfo {
            id: id.to_owned(),
            certificate: CertificateSummary::of(&certificates[0]),
        })
    }

    /// The identity's certificate (and its issuers') in PEM, to give to those who verify.
    pub fn export_certificate(&self, id: &str) -> Result<String, SignError> {
        Ok(certificate::to_pem(&self.certificates(id)?))
    }

    /// Removes the identity's key and certificate files, and forgets its passphrase if the
    /// system keychain remembers it (first: a remembered passphrase never outlives its key).
    pub fn delete(&self, id: &str) -> Result<(), SignError> {
        self.check_exists(id)?;
        match crate::keychain::forget(id) {
            Ok(()) | Err(SignError::NoKeychain { .. }) => {}
            Err(e) => return Err(e),
        }
        for path in [self.p12_path(id), self.pem_path(id)] {
            match std::fs::remove_file(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(SignError::io(&path, e)),
            }
        }
        Ok(())
    }

    /// Trusts the certificates in a PEM or DER file (a company root, or a colleague's own
    /// certificate received separately): verification then says signatures under them are
    /// trusted. Returns what was added; a certificate already trusted is not added twice.
    pub fn trust_file(&self, path: &Path) -> Result<Vec<IdentityInfo>, SignError> {
        let certificates = certificate::read_certificates_file(path)?;
        let dir = self.trusted_dir();
        std::fs::create_dir_all(&dir).map_err(|e| SignError::io(&dir, e))?;
        let mut added = Vec::new();
        for certificate in &certificates {
            let summary = CertificateSummary::of(certificate);
            let id = id_of(&summary.fingerprint_sha256);
            crate::files::write_atomically(
                &dir.join(format!("{id}.pem")),
                certificate::to_pem(std::slice::from_ref(certificate)).as_bytes(),
                false,
            )?;
            added.push(IdentityInfo {
                id,
                certificate: summary,
            });
        }
        Ok(added)
    }

    /// The certificates the person chose to trust, by name.
    pub fn trusted(&self) -> Result<Vec<IdentityInfo>, SignError> {
        let mut infos = Vec::new();
        for (id, certificates) in self.trusted_certificates()? {
            infos.push(IdentityInfo {
                id,
                certificate: CertificateSummary::of(&certificates[0]),
            });
        }
        Ok(by_name(infos))
    }

    /// Each trusted file's id with the certificates in it.
    fn trusted_certificates(
        &self,
    ) -> Result<Vec<(String, Vec<x509_cert::Certificate>)>, SignError> {
        let dir = self.trusted_dir();
        pem_ids(&dir)?
            .into_iter()
            .map(|id| {
                let certificates =
                    certificate::read_certificates_file(&dir.join(format!("{id}.pem")))?;
                Ok((id, certificates))
            })
            .collect()
    }

    /// Stops trusting one certificate.
    pub fn untrust(&self, id: &str) -> Result<(), SignError> {
        let path = self.trusted_dir().join(format!("{id}.pem"));
        if !is_id(id) || !path.exists() {
            return Err(SignError::TrustedNotFound {
                id: id.to_owned(),
                dir: self.trusted_dir(),
            });
        }
        std::fs::remove_file(&path).map_err(|e| SignError::io(&path, e))
    }

    /// What verification should trust: the chosen certificates and the person's own.
    pub fn trust_anchors(&self) -> Result<Vec<x509_cert::Certificate>, SignError> {
        let mut anchors = Vec::new();
        for (_, certificates) in self.trusted_certificates()? {
            anchors.extend(certificates);
        }
        for id in pem_ids(&self.dir)? {
            if self.p12_path(&id).exists() {
                anchors.push(self.certificates(&id)?.remove(0));
            }
        }
        Ok(anchors)
    }

    fn trusted_dir(&self) -> PathBuf {
        self.dir.join("trusted")
    }

    /// Unlocks the identity with its passphrase, ready to sign.
    pub fn load(&self, id: &str, passphrase: &str) -> Result<SigningIdentity, SignError> {
        self.check_exists(id)?;
        SigningIdentity::from_p12_file(&self.p12_path(id), passphrase)
    }

    /// Unlocks the identity to sign: with `typed` when the person typed a passphrase, else with
    /// the one the system keychain remembers. With `remember`, a typed passphrase that unlocks
    /// the key is then kept in the keychain (a wrong one never is). A remembered passphrase that
    /// no longer unlocks the key is forgotten.
    pub fn unlock(
        &self,
        id: &str,
        typed: &str,
        remember: bool,
    ) -> Result<SigningIdentity, SignError> {
        self.check_exists(id)?;
        if !typed.is_empty() {
            let identity = self.load(id, typed)?;
            if remember {
                crate::keychain::remember(id, typed)?;
            }
            return Ok(identity);
        }
        let what = self.p12_path(id).display().to_string();
        let remembered = match crate::keychain::recall(id) {
            Ok(Some(passphrase)) => passphrase,
            Ok(None) | Err(SignError::NoKeychain { .. }) => {
                return Err(SignError::NoRememberedPassphrase { what })
            }
            Err(e) => return Err(e),
        };
        match self.load(id, &remembered) {
            Err(SignError::WrongPassphrase { what }) => {
                crate::keychain::forget(id)?;
                Err(SignError::RememberedPassphraseStale { what })
            }
            other => other,
        }
    }

    /// Whether the system keychain remembers the identity's passphrase (false without one).
    pub fn is_remembered(&self, id: &str) -> bool {
        matches!(crate::keychain::recall(id), Ok(Some(_)))
    }

    /// The encrypted PKCS#12 file of an identity, e.g. to back it up.
    pub fn p12_path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.p12"))
    }

    fn pem_path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.pem"))
    }

    fn check_exists(&self, id: &str) -> Result<(), SignError> {
        if is_id(id) && self.p12_path(id).exists() {
            Ok(())
        } else {
            Err(SignError::IdentityNotFound {
                id: id.to_owned(),
                dir: self.dir.clone(),
            })
        }
    }

    fn certificates(&self, id: &str) -> Result<Vec<x509_cert::Certificate>, SignError> {
        self.check_exists(id)?;
        let path = self.pem_path(id);
        certificate::read_certificates_file(&path)
    }
}

/// The ids of the `<id>.pem` files in `dir`; none when the folder is not there.
fn pem_ids(dir: &Path) -> Result<Vec<String>, SignError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(SignError::io(dir, e)),
    };
    let mut ids = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| SignError::io(dir, e))?.path();
        if let Some(id) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".pem"))
            .filter(|id| is_id(id))
        {
            ids.push(id.to_owned());
        }
    }
    Ok(ids)
}

/// Sorted as the lists show them: by the holder's name, then by id.
fn by_name(mut infos: Vec<IdentityInfo>) -> Vec<IdentityInfo> {
    infos.sort_by(|a, b| {
        (a.certificate.name.to_lowercase(), &a.id).cmp(&(b.certificate.name.to_lowercase(), &b.id))
    });
    infos
}

fn id_of(fingerprint: &str) -> String {
    fingerprint
        .replace(':', "")
        .to_lowercase()
        .chars()
        .take(16)
        .collect()
}

/// Ids are 16 lower-case hex digits; anything else (a path, "..") names no identity.
fn is_id(text: &str) -> bool {
    text.len() == 16
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}
