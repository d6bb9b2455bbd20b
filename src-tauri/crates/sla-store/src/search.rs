//! Full-text search: what is indexed for a draft and how a person's query becomes an FTS5 query.
//!
//! The index is an FTS5 table with the `unicode61` tokenizer, which folds case for Latin and
//! Cyrillic alike. It does not fold "ё" into "е", which Russian writers use interchangeably, so
//! both the indexed text and the query are folded here first.

use sla_model::Agreement;

/// The text indexed for an agreement: every string a person typed, folded for search.
pub(crate) fn document_text(agreement: &Agreement) -> String {
    fold(&agreement.search_text())
}

/// The text indexed for a stored version. One that no longer parses is indexed by its raw JSON, so
/// it stays findable (and so can be opened, reported and fixed) rather than blocking a migration.
pub(crate) fn stored_text(json: &str) -> String {
    match sla_model::from_json(json) {
        Ok(agreement) => document_text(&agreement),
        Err(_) => fold(json),
    }
}

/// The FTS5 expression for what a person typed: every word must occur, each as a prefix, so that
/// "Petr" finds "Petrova" while the query is being typed. `None` when nothing searchable is left.
///
/// Each word is quoted, so FTS5 operators and punctuation in the query are plain text; a word the
/// tokenizer splits ("B2B-продажи") becomes a phrase whose last part is a prefix.
pub(crate) fn match_expression(query: &str) -> Option<String> {
    let terms: Vec<String> = query
        .split_whitespace()
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .map(|word| format!("\"{}\"*", fold(word).replace('"', "\"\"")))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

fn fold(text: &str) -> String {
    text.replace('ё', "е").replace('Ё', "Е")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_become_quoted_prefixes() {
        assert_eq!(
            match_expression("  Petr  Smi "),
            Some("\"Petr\"* \"Smi\"*".into())
        );
        assert_eq!(match_expression("ёлка"), Some("\"елка\"*".into()));
        assert_eq!(
            match_expression("say \"hi\" OR NEAR("),
            Some("\"say\"* \"\"\"hi\"\"\"* \"OR\"* \"NEAR(\"*".into())
        );
    }

    #[test]
    fn nothing_searchable_is_none() {
        assert_eq!(match_expression(""), None);
        assert_eq!(match_expression("  \t "), None);
        assert_eq!(match_expression(" - \" * "), None);
    }
}
