//! Every template a person can start from: the built-in ones, then the company's own from the
//! `templates` folder beside the store, then the blank agreement. A user file that cannot be used
//! is left out of the list and reported with the reason, never half-loaded.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::Serialize;
use sla_guidance::checks;
use sla_i18n::{Arg, Messages};
use sla_model::{Agreement, Language};

use crate::builtin::BUILT_IN;
use crate::file::{self, FileError, TemplateFile};

/// The folder of a company's own templates, inside the data folder beside the store.
pub const USER_FOLDER: &str = "templates";

/// The name of the blank agreement, which has no file.
const BLANK: &str = "blank";

/// Where a template comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Origin {
    BuiltIn,
    /// The company's own, from these files (one per language).
    User {
        files: Vec<PathBuf>,
    },
}

/// A template as the home screen and `template --list` show it, in one language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Listed {
    pub name: String,
    pub title: String,
    pub summary: String,
    pub choose_when: String,
    pub origin: Origin,
    /// The languages the template is written in; the blank one has both.
    pub languages: Vec<Language>,
}

/// A user template file that was left out, and why, in the language asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub file: PathBuf,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TemplateError {
    #[error("no template named `{name}`; available: {available}")]
    Unknown { name: String, available: String },
    #[error("template `{name}` is written only in {available}; choose that language or another template")]
    NotInLanguage { name: String, available: String },
}

#[derive(Debug, Clone)]
struct Template {
    name: String,
    origin: Origin,
    versions: BTreeMap<Language, TemplateFile>,
}

/// The built-in templates, read and worded once per process: the start screen, every new draft
/// and the CLI ask for them.
fn built_in_templates() -> &'static Vec<Template> {
    static TEMPLATES: OnceLock<Vec<Template>> = OnceLock::new();
    TEMPLATES.get_or_init(|| {
        BUILT_IN
            .iter()
            .map(|b| {
                let versions = [Language::En, Language::Ru]
                    .into_iter()
                    .map(|language| {
                        // Compiled in, and a test reads and checks every one.
                        let mut t = file::parse(b.text(language), b.name)
                            .expect("built-in templates are valid");
                        let messages = Messages::of(language);
                        let id = format!("template-{}", b.name);
                        t.about.title = messages.get(&id);
                        t.about.summary = messages.get(&format!("{id}-summary"));
                        t.about.choose_when = messages.get(&format!("{id}-choose-when"));
                        (language, t)
                    })
                    .collect();
                Template {
                    name: b.name.to_string(),
                    origin: Origin::BuiltIn,
                    versions,
                }
            })
            .collect()
    })
}

/// Why a user file was left out, worded when listed.
#[derive(Debug, Clone)]
enum Fault {
    Unreadable(String),
    File(FileError),
    TakenName(String),
    Repeated { name: String, other: PathBuf },
    FailsChecks(Box<Agreement>),
}

/// The templates on this machine.
#[derive(Debug, Clone)]
pub struct Catalogue {
    templates: Vec<Template>,
    faults: Vec<(PathBuf, Fault)>,
}

impl Catalogue {
    /// The built-in templates only.
    pub fn built_in() -> Catalogue {
        Catalogue {
            templates: built_in_templates().clone(),
            faults: Vec::new(),
        }
    }

    /// The built-in templates and the ones in `data_dir`'s templates folder (none when it does
    /// not exist).
    pub fn load(data_dir: &Path) -> Catalogue {
        let mut catalogue = Catalogue::built_in();
        let folder = data_dir.join(USER_FOLDER);
        let Ok(entries) = std::fs::read_dir(&folder) else {
            return catalogue;
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension()
                    .is_some_and(|x| x.eq_ignore_ascii_case("json"))
            })
            .collect();
        paths.sort();
        for path in paths {
            if let Err(fault) = catalogue.add_user_file(&path) {
                catalogue.faults.push((path, fault));
            }
        }
        catalogue
    }

    fn add_user_file(&mut self, path: &Path) -> Result<(), Fault> {
        let bytes = sla_model::interchange::read_limited(path)
            .map_err(|e| Fault::Unreadable(e.to_string()))?;
        let text = String::from_utf8(bytes)
            .map_err(|_| Fault::Unreadable("it is not UTF-8 text".to_string()))?;
        let stem = path
            .file_name()
            .and_then(|n| n.to_str())
            .map(|n| n.trim_end_matches(".json").trim_end_matches(".sla"))
            .unwrap_or_default();
        let template = file::parse(&text, stem).map_err(Fault::File)?;
        let name = template.about.name.clone();
        let language = template.agreement.language;
        if name == BLANK || BUILT_IN.iter().any(|b| b.name == name) {
            return Err(Fault::TakenName(name));
        }
        if checks::has_errors(&checks::check(&template.agreement, language)) {
            return Err(Fault::FailsChecks(Box::new(template.agreement)));
        }
        let existing = self.templates.iter_mut().find(|t| t.name == name);
        match existing {
            Some(t) => {
                if t.versions.contains_key(&language) {
                    let Origin::User { files } = &t.origin else {
                        return Err(Fault::TakenName(name));
                    };
                    return Err(Fault::Repeated {
                        name,
                        other: files[0].clone(),
                    });
                }
                if let Origin::User { files } = &mut t.origin {
                    files.push(path.to_path_buf());
                }
                t.versions.insert(language, template);
            }
            None => self.templates.push(Template {
                name,
                origin: Origin::User {
                    files: vec![path.to_path_buf()],
                },
                versions: BTreeMap::from([(language, template)]),
            }),
        }
        Ok(())
    }

    /// Every template, built-in first, then the company's own, then the blank one, described in
    /// `language` where the template is written in it.
    pub fn list(&self, language: Language) -> Vec<Listed> {
        let mut listed: Vec<Listed> = self
            .templates
            .iter()
            .map(|t| {
                let shown = t
                    .versions
                    .get(&language)
                    .or_else(|| t.versions.values().next())
                    .expect("a template has at least one language");
                let about = &shown.about;
                Listed {
                    name: t.name.clone(),
                    title: if about.title.trim().is_empty() {
                        shown.agreement.title.clone()
                    } else {
                        about.title.clone()
                    },
                    summary: about.summary.clone(),
                    choose_when: about.choose_when.clone(),
                    origin: t.origin.clone(),
                    languages: t.versions.keys().copied().collect(),
                }
            })
            .collect();
        let messages = Messages::of(language);
        listed.push(Listed {
            name: BLANK.to_string(),
            title: messages.get("template-blank"),
            summary: messages.get("template-blank-summary"),
            choose_when: messages.get("template-blank-choose-when"),
            origin: Origin::BuiltIn,
            languages: vec![Language::En, Language::Ru],
        });
        listed
    }

    /// The user files left out, each with the reason in `language`.
    pub fn problems(&self, language: Language) -> Vec<Problem> {
        let messages = Messages::of(language);
        self.faults
            .iter()
            .map(|(path, fault)| Problem {
                file: path.clone(),
                message: word(fault, messages, language),
            })
            .collect()
    }

    /// A new agreement from the template `name` in `language`: a fresh id, everything else as
    /// the template has it; the blank one starts on the first of the month after `today`.
    pub fn instantiate(
        &self,
        name: &str,
        language: Language,
        today: NaiveDate,
    ) -> Result<Agreement, TemplateError> {
        if name == BLANK {
            return Ok(sla_model::blank(language, today));
        }
        let Some(template) = self.templates.iter().find(|t| t.name == name) else {
            let mut available: Vec<&str> = self.templates.iter().map(|t| t.name.as_str()).collect();
            available.push(BLANK);
            return Err(TemplateError::Unknown {
                name: name.to_string(),
                available: available.join(", "),
            });
        };
        let Some(version) = template.versions.get(&language) else {
            let available: Vec<&str> = template
                .versions
                .keys()
                .map(|l| match l {
                    Language::En => "English",
                    Language::Ru => "Russian",
                })
                .collect();
            return Err(TemplateError::NotInLanguage {
                name: name.to_string(),
                available: available.join(" and "),
            });
        };
        let mut agreement = version.agreement.clone();
        agreement.id = sla_model::new_id();
        agreement.negotiation = Default::default();
        Ok(agreement)
    }

    /// The template file `name` is read from in `language`, as it is (for tests and `--list`).
    pub fn file(&self, name: &str, language: Language) -> Option<&TemplateFile> {
        self.templates
            .iter()
            .find(|t| t.name == name)
            .and_then(|t| t.versions.get(&language))
    }
}

fn word(fault: &Fault, messages: &Messages, language: Language) -> String {
    match fault {
        Fault::Unreadable(detail) => messages.format(
            "template-problem-unreadable",
            &[("detail", Arg::from(detail.as_str()))],
        ),
        Fault::File(FileError::NotJson(detail)) => messages.format(
            "template-problem-not-json",
            &[("detail", Arg::from(detail.as_str()))],
        ),
        Fault::File(FileError::BadAbout(detail)) => messages.format(
            "template-problem-about",
            &[("detail", Arg::from(detail.as_str()))],
        ),
        Fault::File(FileError::BadAgreement(detail)) => messages.format(
            "template-problem-agreement",
            &[("detail", Arg::from(detail.as_str()))],
        ),
        Fault::File(FileError::BadName(name)) => messages.format(
            "template-problem-bad-name",
            &[("name", Arg::from(name.as_str()))],
        ),
        Fault::TakenName(name) => messages.format(
            "template-problem-taken-name",
            &[("name", Arg::from(name.as_str()))],
        ),
        Fault::Repeated { name, other } => messages.format(
            "template-problem-repeated",
            &[
                ("name", Arg::from(name.as_str())),
                ("other", Arg::from(other.display().to_string())),
            ],
        ),
        Fault::FailsChecks(agreement) => {
            let findings = checks::check(agreement, language);
            let errors: Vec<_> = findings
                .iter()
                .filter(|f| f.severity == checks::Severity::Error)
                .collect();
            let first = errors[0];
            messages.format(
                "template-problem-fails-checks",
                &[
                    ("count", Arg::from(errors.len() as f64)),
                    ("field", Arg::from(first.field.as_str())),
                    ("message", Arg::from(first.message.as_str())),
                ],
            )
        }
    }
}
