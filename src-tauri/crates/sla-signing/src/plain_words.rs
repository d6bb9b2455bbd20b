//! What signatures mean, said plainly in English and Russian: the labels of the visible
//! signature and the findings of a verification. Each finding has a stable id (`sig-…`) the UI
//! can map to its own messages, and a ready text for the CLI.

use chrono::{DateTime, FixedOffset};
use serde::Serialize;
use sla_model::Language;

/// One thing verification found about a signature, with the values its text mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable id, e.g. `sig-self-signed`.
    pub id: &'static str,
    /// Named values the text refers to, e.g. `("root", "Example Corp CA")`.
    pub args: Vec<(&'static str, String)>,
}

impl Finding {
    pub(crate) fn new(id: &'static str) -> Finding {
        Finding {
            id,
            args: Vec::new(),
        }
    }

    pub(crate) fn with(mut self, name: &'static str, value: impl Into<String>) -> Finding {
        self.args.push((name, value.into()));
        self
    }

    fn arg(&self, name: &str) -> &str {
        self.args
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    /// The finding as a sentence in `language`.
    pub fn text(&self, language: Language) -> String {
        let ru = language == Language::Ru;
        match self.id {
            "sig-intact" => {
                if ru {
                    "Подписанное содержимое не изменено: контрольная сумма и подпись верны.".into()
                } else {
                    "The signed content is intact: its digest and signature check out.".into()
                }
            }
            "sig-digest-mismatch" => {
                if ru {
                    "Подписанные байты изменены: они больше не совпадают с подписью.".into()
                } else {
                    "The signed bytes were altered: they no longer match the signature.".into()
                }
            }
            "sig-signature-invalid" => {
                if ru {
                    "Значение подписи не соответствует ключу сертификата.".into()
                } else {
                    "The signature value does not match the certificate's key.".into()
                }
            }
            "sig-certificate-not-bound" => {
                if ru {
                    "Атрибут signing-certificate указывает на другой сертификат.".into()
                } else {
                    "The signing-certificate attribute names a different certificate.".into()
                }
            }
            "sig-malformed" => {
                if ru {
                    format!("Подпись повреждена: {}.", self.arg("detail"))
                } else {
                    format!("The signature is malformed: {}.", self.arg("detail"))
                }
            }
            "sig-unchanged-after" => {
                if ru {
                    "После подписания документ не изменялся.".into()
                } else {
                    "The document was not changed after this signature.".into()
                }
            }
            "sig-later-signatures-only" => {
                if ru {
                    format!(
                        "После этой подписи добавлены только другие подписи ({}).",
                        self.arg("count")
                    )
                } else {
                    format!(
                        "Only later signatures were added after this one ({}).",
                        self.arg("count")
                    )
                }
            }
            "sig-changed-after" => {
                if ru {
                    format!(
                        "Документ изменён после этой подписи: {}.",
                        self.arg("changes")
                    )
                } else {
                    format!(
                        "The document was changed after this signature: {}.",
                        self.arg("changes")
                    )
                }
            }
            "sig-self-signed" => {
                if ru {
                    "Сертификат самоподписанный: это доказывает, что файл не изменялся после \
                 подписания, но не доказывает, кто его подписал."
                        .into()
                } else {
                    "The certificate is self-signed: this proves the file was not changed after \
                 signing, not who signed it."
                        .into()
                }
            }
            "sig-trusted-directly" => {
                if ru {
                    "Вы отметили этот сертификат как доверенный: подписант подтверждён.".into()
                } else {
                    "You chose to trust this very certificate: the signer is confirmed.".into()
                }
            }
            "sig-trusted-root" => {
                if ru {
                    format!(
                    "Сертификат выдан через «{}» — корневой сертификат, которому вы доверяете: \
                     подписант подтверждён.",
                    self.arg("root")
                )
                } else {
                    format!(
                        "The certificate chains to “{}”, a root you chose to trust: the signer is \
                     confirmed.",
                        self.arg("root")
                    )
                }
            }
            "sig-untrusted-root" => {
                if ru {
                    format!(
                        "Сертификат выдан «{}», но этот корневой сертификат не отмечен как \
                     доверенный: кто подписал, не подтверждено.",
                        self.arg("root")
                    )
                } else {
                    format!(
                        "The certificate was issued under “{}”, a root you have not chosen to \
                     trust: who signed is not confirmed.",
                        self.arg("root")
                    )
                }
            }
            "sig-incomplete-chain" => {
                if ru {
                    format!(
                        "Нет сертификата издателя «{}»: цепочку доверия проверить нельзя.",
                        self.arg("issuer")
                    )
                } else {
                    format!(
                        "The issuer's certificate (“{}”) is missing: the chain of trust cannot be \
                     checked.",
                        self.arg("issuer")
                    )
                }
            }
            "sig-certificate-expired" => {
                if ru {
                    format!(
                        "В момент подписания сертификат уже истёк ({}).",
                        self.arg("date")
                    )
                } else {
                    format!(
                        "The certificate had expired when it signed ({}).",
                        self.arg("date")
                    )
                }
            }
            "sig-certificate-not-yet-valid" => {
                if ru {
                    format!(
                        "В момент подписания сертификат ещё не действовал (с {}).",
                        self.arg("date")
                    )
                } else {
                    format!(
                        "The certificate was not yet valid when it signed (from {}).",
                        self.arg("date")
                    )
                }
            }
            other => other.to_owned(),
        }
    }
}

/// "Digitally signed 2026-11-26 18:46 UTC+03:00" in the visible signature.
pub(crate) fn signed_line(language: Language, time: &DateTime<FixedOffset>) -> String {
    match language {
        Language::Ru => format!(
            "Подписано ЭП {} ({})",
            time.format("%d.%m.%Y %H:%M"),
            utc_offset(time)
        ),
        Language::En => {
            format!(
                "Digitally signed {} {}",
                time.format("%Y-%m-%d %H:%M"),
                utc_offset(time)
            )
        }
    }
}

/// "Self-signed certificate 97:73:3E:BD:FE:00" in the visible signature.
pub(crate) fn certificate_line(language: Language, fingerprint: &str, self_signed: bool) -> String {
    let short: String = fingerprint.chars().take(17).collect();
    match (language, self_signed) {
        (Language::Ru, true) => format!("Самоподписанный сертификат SHA-256 {short}…"),
        (Language::Ru, false) => format!("Сертификат SHA-256 {short}…"),
        (Language::En, true) => format!("Self-signed certificate SHA-256 {short}…"),
        (Language::En, false) => format!("Certificate SHA-256 {short}…"),
    }
}

fn utc_offset(time: &DateTime<FixedOffset>) -> String {
    let seconds = time.offset().local_minus_utc();
    if seconds == 0 {
        return "UTC".into();
    }
    let sign = if seconds < 0 { '-' } else { '+' };
    let seconds = seconds.abs();
    format!(
        "UTC{sign}{:02}:{:02}",
        seconds / 3600,
        (seconds % 3600) / 60
    )
}

/// The verdict line of a whole report.
pub(crate) fn verdict(language: Language, signatures: usize, all_valid: bool) -> String {
    match (language, signatures, all_valid) {
        (Language::Ru, 0, _) => "В документе нет подписей.".into(),
        (Language::En, 0, _) => "The document has no signatures.".into(),
        (Language::Ru, n, true) => format!("Все подписи действительны ({n})."),
        (Language::En, n, true) => format!("All signatures are valid ({n})."),
        (Language::Ru, _, false) => "Не все подписи действительны.".into(),
        (Language::En, _, false) => "Not every signature is valid.".into(),
    }
}
