//! The built-in templates: each reads in both languages, passes every check, uses the metric
//! library's metrics word for word, cites the sources of its figures, says when to choose it, and
//! prints to a PDF that poppler and qpdf read.

use sla_guidance::{checks, library};
use sla_model::*;
use sla_pdf_inspect::{pdftotext, qpdf_check};
use sla_templates::{Catalogue, TemplateFile, BUILT_IN};

const LANGUAGES: [Language; 2] = [Language::En, Language::Ru];

fn template(name: &str, language: Language) -> TemplateFile {
    Catalogue::built_in().file(name, language).unwrap().clone()
}

#[test]
fn every_template_passes_every_check_in_both_languages() {
    for t in BUILT_IN {
        for language in LANGUAGES {
            let a = template(t.name, language).agreement;
            assert_eq!(a.language, language, "{}", t.name);
            for messages in LANGUAGES {
                let findings = checks::check(&a, messages);
                assert!(
                    findings.is_empty(),
                    "{} ({language:?}): {findings:#?}",
                    t.name
                );
            }
        }
    }
}

#[test]
fn every_template_says_what_it_is_and_when_to_choose_it() {
    for t in BUILT_IN {
        for language in LANGUAGES {
            let about = template(t.name, language).about;
            assert_eq!(about.name, t.name);
            for text in [&about.title, &about.summary, &about.choose_when] {
                assert!(!text.trim().is_empty(), "{} ({language:?})", t.name);
                let cyrillic = text.chars().any(|c| matches!(c, 'а'..='я' | 'А'..='Я'));
                assert_eq!(cyrillic, language == Language::Ru, "{}: {text}", t.name);
            }
            let lead = match language {
                Language::En => "Choose this when",
                Language::Ru => "Выберите, если",
            };
            assert!(
                about.choose_when.starts_with(lead),
                "{}: {}",
                t.name,
                about.choose_when
            );
        }
    }
    let listed = Catalogue::built_in().list(Language::Ru);
    let names: Vec<_> = listed.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "sales-marketing",
            "outbound-abm",
            "call-centre",
            "long-cycle",
            "partner-channel",
            "blank"
        ]
    );
    assert!(listed.iter().all(|l| !l.choose_when.is_empty()));
}

#[test]
fn every_template_rests_on_a_plan_and_cites_its_figures() {
    for t in BUILT_IN {
        for language in LANGUAGES {
            let a = template(t.name, language).agreement;
            let plan = &a.plan;
            assert!(plan.sales_reps > 0, "{}", t.name);
            assert!(
                plan.rep_hours_per_month.is_some() && plan.minutes_per_attempt.is_some(),
                "{}",
                t.name
            );
            let volume = plan
                .lead_volume
                .as_ref()
                .unwrap_or_else(|| panic!("{}", t.name));
            assert!(
                a.metrics().any(|(_, m)| m.id == volume.metric),
                "{}",
                t.name
            );
            assert!(
                !plan.funnel.is_empty() && !plan.source.trim().is_empty(),
                "{}",
                t.name
            );
            let sources = match language {
                Language::En => "Sources of the figures",
                Language::Ru => "Источники цифр",
            };
            assert!(
                a.notes.contains(sources),
                "{} ({language:?}) notes: {}",
                t.name,
                a.notes
            );
        }
    }
}

#[test]
fn every_template_uses_its_library_metrics_word_for_word() {
    for t in BUILT_IN {
        for language in LANGUAGES {
            let a = template(t.name, language).agreement;
            for (c, m) in a.metrics() {
                let lib = library::metric(&m.id, language)
                    .unwrap_or_else(|| panic!("{}: {} is not in the library", t.name, m.id));
                assert!(
                    lib.group == t.name || lib.group == library::INBOUND_GROUP,
                    "{}: {} belongs to {}",
                    t.name,
                    m.id,
                    lib.group
                );
                assert_eq!(&lib.metric, m, "{}", t.name);
                assert_eq!(m.owner, c.provider, "{}", t.name);
            }
        }
    }
}

#[test]
fn russian_templates_are_russian_with_the_same_structure() {
    let shape = |a: &Agreement| {
        let metrics: Vec<_> = a
            .metrics()
            .map(|(c, m)| (c.id.clone(), m.id.clone(), m.target, m.unit, m.window))
            .collect();
        let rules: Vec<_> = a
            .deadlines
            .rules
            .iter()
            .map(|r| (r.id.clone(), r.response, r.resolution))
            .collect();
        let remedies: Vec<_> = a
            .consequences
            .remedies
            .iter()
            .map(|r| (r.id.clone(), r.scope.clone(), r.when))
            .collect();
        let plan = Plan {
            funnel: a
                .plan
                .funnel
                .iter()
                .map(|s| PlanStage {
                    name: String::new(),
                    ..s.clone()
                })
                .collect(),
            source: String::new(),
            ..a.plan.clone()
        };
        (
            metrics,
            rules,
            remedies,
            a.term.clone(),
            a.monitoring.review_cadence,
            plan,
        )
    };
    for t in BUILT_IN {
        let en = template(t.name, Language::En).agreement;
        let ru = template(t.name, Language::Ru).agreement;
        assert_eq!(shape(&en), shape(&ru), "{}", t.name);
        // Everything a person reads is translated: no English word is left in the Russian text,
        // but for names, abbreviations and the titles of the sources, which are quoted.
        for text in readable_text(&ru) {
            let english_words = unquoted(&text)
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| w.len() > 3 && !ALLOWED_IN_RUSSIAN.contains(w))
                .map(str::to_string)
                .collect::<Vec<_>>();
            assert!(
                english_words.is_empty(),
                "{}: {english_words:?} left untranslated in: {text}",
                t.name
            );
        }
    }
}

/// Names of companies, products and publications a Russian text writes in Latin letters.
const ALLOWED_IN_RUSSIAN: &[&str] = &[
    "RevOps",
    "mail",
    "HubSpot",
    "Harvard",
    "Business",
    "Review",
    "Roberge",
    "Bridge",
    "Group",
    "Gartner",
    "Forrester",
    "ICMI",
    "Fonolo",
    "InsideSales",
    "Oldroyd",
    "Loopio",
    "APMP",
    "Shipley",
    "BANT",
    "Salesforce",
    "LinkedIn",
    "Bombora",
    "TOPO",
    "SiriusDecisions",
    "Jira",
    "Zendesk",
    "Directive",
    "MEDDIC",
    "Excel",
];

/// `text` without what stands in «» or "" quotes: the titles of sources keep their language.
fn unquoted(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    let mut in_straight = false;
    for c in text.chars() {
        match c {
            '«' | '“' => depth += 1,
            '»' | '”' => depth = depth.saturating_sub(1),
            '"' => in_straight = !in_straight,
            _ if depth == 0 && !in_straight => out.push(c),
            _ => {}
        }
    }
    out
}

/// The text a person reads in the wizard and the PDF (not ids, e-mails or enum values).
fn readable_text(a: &Agreement) -> Vec<String> {
    let mut out = vec![a.title.clone(), a.notes.clone()];
    for side in [Side::Marketing, Side::Sales] {
        let p = a.parties.get(side);
        out.extend([
            p.department.clone(),
            p.head.name.clone(),
            p.head.role.clone(),
        ]);
    }
    for c in &a.commitments {
        out.extend([c.service.clone(), c.description.clone()]);
        for m in &c.metrics {
            out.extend([m.name.clone(), m.definition.clone(), m.data_source.clone()]);
        }
    }
    let mon = &a.monitoring;
    out.extend([mon.data_collection.clone(), mon.data_processing.clone()]);
    out.extend(mon.reviewers.iter().cloned());
    for r in &mon.reports {
        out.extend([r.name.clone(), r.contents.clone(), r.owner.clone()]);
    }
    out.extend(a.deadlines.rules.iter().map(|r| r.applies_to.clone()));
    for e in &a.consequences.escalation {
        out.extend([e.trigger.clone(), e.escalate_to.clone(), e.action.clone()]);
    }
    for r in &a.consequences.remedies {
        out.extend([r.trigger.clone(), r.action.clone()]);
    }
    for s in &a.signatories {
        out.extend([s.name.clone(), s.role.clone()]);
    }
    out
}

#[test]
fn every_template_prints_in_both_languages() {
    let scratch = tempfile::tempdir().unwrap();
    for t in BUILT_IN {
        for language in LANGUAGES {
            let a = template(t.name, language).agreement;
            let pdf = sla_pdf::export(&a, &sla_pdf::ExportOptions::new(&a))
                .unwrap_or_else(|e| panic!("{} ({language:?}): {e}", t.name));
            let path = scratch.path().join(format!("{}.{language:?}.pdf", t.name));
            std::fs::write(&path, pdf).unwrap();
            let (ok, out) = qpdf_check(&path);
            assert!(ok, "{}: qpdf: {out}", t.name);
            let text = pdftotext(&path, None);
            let flat = flatten(&text);
            let mut expected = vec![a.title.clone(), a.parties.sales.head.name.clone()];
            expected.extend(a.metrics().map(|(_, m)| m.name.clone()));
            expected.extend(a.plan.funnel.iter().map(|s| s.name.clone()));
            for wanted in expected {
                assert!(
                    flat.contains(&flatten(&wanted)),
                    "{} ({language:?}): \"{wanted}\" is not in the PDF's text",
                    t.name
                );
            }
        }
    }
}

/// Text with every run of white space as one space, so a line break in the PDF does not matter.
fn flatten(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
