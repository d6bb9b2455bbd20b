//! The templates SLA Studio ships, one for each common way of selling, in both languages: plain
//! agreement files, with their titles and "choose this when" lines in `templates.ftl`. They are
//! compiled in; a test checks that each one reads, passes every check and prints.

use sla_model::Language;

/// A built-in template: its name and the text of its file in each language.
#[derive(Debug, Clone, Copy)]
pub struct BuiltIn {
    pub name: &'static str,
    en: &'static str,
    ru: &'static str,
}

impl BuiltIn {
    pub fn text(&self, language: Language) -> &'static str {
        match language {
            Language::En => self.en,
            Language::Ru => self.ru,
        }
    }
}

macro_rules! built_in {
    ($($name:literal),* $(,)?) => {
        &[$(BuiltIn {
            name: $name,
            en: include_str!(concat!("../builtin/", $name, ".en.json")),
            ru: include_str!(concat!("../builtin/", $name, ".ru.json")),
        }),*]
    };
}

/// In the order the home screen offers them; the blank agreement comes after them.
pub const BUILT_IN: &[BuiltIn] = built_in![
    "sales-marketing",
    "outbound-abm",
    "call-centre",
    "long-cycle",
    "partner-channel",
];
