//! `sla-studio identity new`, `sign` and `verify`: the sign-off on the command line.

use std::path::{Path, PathBuf};

use sla_signing::{
    read_certificates_file, read_passphrase_file, sign_file, verify, KeyKind, NewIdentity,
    SignOptions, SigningIdentity,
};

use sla_store::{Store, StoreError};

use super::backup::open_store;
use super::{print, Failure, LangArg, Outcome};
use crate::signed_versions;

#[derive(clap::Subcommand)]
pub enum IdentityCommand {
    /// Create a personal signing identity (a key and a self-signed X.509 certificate) in a
    /// passphrase-protected PKCS#12 file.
    New(NewArgs),
}

#[derive(clap::Args)]
pub struct NewArgs {
    /// Full name, as it will appear in the signature.
    #[arg(long)]
    name: String,
    /// Position, e.g. "Head of Sales".
    #[arg(long)]
    role: String,
    #[arg(long, default_value = "")]
    email: String,
    #[arg(long, default_value = "")]
    department: String,
    /// Key type: rsa (RSA-2048) or p256 (ECDSA P-256).
    #[arg(long, default_value = "rsa")]
    key: KeyKind,
    /// The PKCS#12 file to write (.p12).
    #[arg(short, long)]
    output: PathBuf,
    /// A file holding the passphrase that protects the key.
    #[arg(long)]
    passphrase_file: PathBuf,
    /// Also write the certificate (PEM) here, to give to those who check your signatures.
    #[arg(long)]
    certificate: Option<PathBuf>,
}

#[derive(clap::Args)]
pub struct SignArgs {
    /// The exported (or already signed) agreement PDF.
    input: PathBuf,
    /// The signer's PKCS#12 file (.p12/.pfx).
    #[arg(long)]
    identity: PathBuf,
    /// A file holding the PKCS#12 passphrase.
    #[arg(long)]
    passphrase_file: PathBuf,
    /// Where to write the signed PDF (may be the input itself).
    #[arg(short, long)]
    output: PathBuf,
    /// The signature field to fill (`sig-1`, `sig-2`, …); by default the signer's own.
    #[arg(long)]
    field: Option<String>,
    /// The typed signature shown in the signature block (default: the signer's name).
    #[arg(long)]
    typed: Option<String>,
}

#[derive(clap::Args)]
pub struct VerifyArgs {
    /// The signed agreement PDF.
    file: PathBuf,
    /// A certificate (PEM or DER) you trust: a company root, or a signer's own certificate.
    #[arg(long)]
    trust: Vec<PathBuf>,
    /// The language of the report.
    #[arg(long, value_enum, default_value = "en")]
    lang: LangArg,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
}

pub fn identity(command: IdentityCommand) -> Outcome {
    match command {
        IdentityCommand::New(args) => {
            let passphrase = read_passphrase_file(&args.passphrase_file)?;
            let mut new = NewIdentity::new(args.name, args.role);
            new.email = args.email;
            new.department = args.department;
            new.key = args.key;
            let identity = SigningIdentity::create(&new)?;
            identity.write_p12(&args.output, &passphrase)?;
            if let Some(path) = &args.certificate {
                crate::files::write_atomically(path, identity.certificate_pem().as_bytes())?;
            }
            let summary = identity.summary();
            print(&format!(
                "{} (SHA-256 {})\n",
                args.output.display(),
                summary.fingerprint_sha256
            ))?;
            Ok(0)
        }
    }
}

pub fn sign(args: SignArgs) -> Outcome {
    let passphrase = read_passphrase_file(&args.passphrase_file)?;
    let identity = SigningIdentity::from_p12_file(&args.identity, &passphrase)?;
    let options = SignOptions {
        field: args
            .field
            .map(sla_signing::FieldChoice::Named)
            .unwrap_or_default(),
        typed_signature: args.typed,
        ..SignOptions::default()
    };
    sign_file(&args.input, &identity, &options, &args.output)?;
    record_signature(&args.output, &identity.summary().name)?;
    print(&format!("{}\n", args.output.display()))?;
    Ok(0)
}

/// When this computer exported the signed PDF from a draft, that version is now the signed one
/// (a later export of the draft is an amendment), as when the window signs. A PDF from
/// elsewhere, or no drafts here at all, leaves the store alone.
fn record_signature(signed: &Path, signer: &str) -> Result<(), Failure> {
    let Ok(agreement) = crate::files::read_agreement(signed) else {
        return Ok(());
    };
    let fingerprint = sla_model::fingerprint(&agreement);
    let export = match Store::open_default_to_read() {
        Ok(store) => signed_versions::exported_from(&store, &fingerprint)?,
        Err(StoreError::NoDatabase { .. }) => None,
        Err(_) => signed_versions::exported_from(&open_store()?, &fingerprint)?,
    };
    if let Some(export) = export {
        signed_versions::mark_signed(
            &mut open_store()?,
            &export,
            signer,
            &fingerprint,
            chrono::Utc::now(),
        )?;
    }
    Ok(())
}

/// Exit 0 only when every signature is intact and nothing but later signatures follows it.
pub fn verify_file(args: VerifyArgs) -> Outcome {
    let mut trusted = vec![];
    for path in &args.trust {
        trusted.extend(read_certificates_file(path)?);
    }
    let pdf = sla_model::interchange::read_limited(&args.file)?;
    let report = verify(&pdf, &trusted).map_err(|e| format!("{}: {e}", args.file.display()))?;
    if args.json {
        print(&(serde_json::to_string_pretty(&report)? + "\n"))?;
    } else {
        print(&report.describe(args.lang.into()))?;
    }
    Ok(if report.all_valid() { 0 } else { 1 })
}
