//! One template file: an agreement in the interchange format, wrapped with what the home screen
//! shows about it. A plain agreement file (what `sla-studio export -o X.sla.json` writes) is a
//! template too: it is named after its file and described by its title.

use serde::{Deserialize, Serialize};
use sla_model::Agreement;

/// What the home screen and `template --list` say about a template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct About {
    /// The name people and the CLI choose it by: lower-case letters, digits and hyphens.
    pub name: String,
    /// A short name to show; the agreement's title when absent.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// One sentence on what the agreement holds.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// One line on the way of selling it fits: "Choose this when…".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub choose_when: String,
}

/// A template as read from its file, not yet checked.
#[derive(Debug, Clone, PartialEq)]
pub struct TemplateFile {
    pub about: About,
    pub agreement: Agreement,
}

/// Why a template file cannot be used; the catalogue adds the file's path.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    #[error("it is not JSON: {0}")]
    NotJson(String),
    #[error("its `template` part does not fit: {0}")]
    BadAbout(String),
    #[error("its agreement cannot be read: {0}")]
    BadAgreement(String),
    #[error("its name `{0}` may hold only lower-case letters, digits and hyphens")]
    BadName(String),
}

/// Reads a template from the text of its file; `stem` names a plain agreement file's template.
pub fn parse(text: &str, stem: &str) -> Result<TemplateFile, FileError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| FileError::NotJson(e.to_string()))?;
    let (about, agreement_text) = match value {
        serde_json::Value::Object(mut object) if object.contains_key("template") => {
            let about = object.remove("template").unwrap_or_default();
            let about: About =
                serde_json::from_value(about).map_err(|e| FileError::BadAbout(e.to_string()))?;
            let agreement = object.remove("agreement").ok_or_else(|| {
                FileError::BadAgreement("the file has no `agreement` beside `template`".into())
            })?;
            if let Some(other) = object.keys().next() {
                return Err(FileError::BadAbout(format!(
                    "unknown key `{other}`; a template file holds `template` and `agreement`"
                )));
            }
            (about, agreement.to_string())
        }
        _ => (
            About {
                name: name_from_stem(stem),
                title: String::new(),
                summary: String::new(),
                choose_when: String::new(),
            },
            text.to_string(),
        ),
    };
    if !valid_name(&about.name) {
        return Err(FileError::BadName(about.name));
    }
    let agreement = sla_model::from_json(&agreement_text)
        .map_err(|e| FileError::BadAgreement(e.to_string()))?;
    Ok(TemplateFile { about, agreement })
}

/// The template to write for an agreement: what [`parse`] reads back.
pub fn to_json(template: &TemplateFile) -> String {
    let agreement: serde_json::Value =
        serde_json::from_str(&sla_model::to_json_pretty(&template.agreement))
            .expect("an agreement serialises to JSON");
    let value = serde_json::json!({ "template": template.about, "agreement": agreement });
    serde_json::to_string_pretty(&value).expect("a template serialises to JSON") + "\n"
}

/// "My Company SLA.en.sla" → "my-company-sla": a file's name as a template name.
fn name_from_stem(stem: &str) -> String {
    let mut name = String::new();
    for c in stem.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            name.push(c);
        } else if !name.ends_with('-') {
            name.push('-');
        }
    }
    name.trim_matches('-').to_string()
}

pub(crate) fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| (c.is_alphanumeric() && !c.is_uppercase()) || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_name_becomes_a_template_name() {
        assert_eq!(name_from_stem("My Company SLA"), "my-company-sla");
        assert_eq!(name_from_stem("Отдел Продаж"), "отдел-продаж");
        assert!(!valid_name("Sales"));
        assert!(!valid_name(""));
    }
}
