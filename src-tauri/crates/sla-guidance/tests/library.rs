//! The metric library and the templates built from it: complete in both languages, the same
//! metrics in each, and every metric good enough to pass the checks.

use sla_guidance::checks;
use sla_guidance::library::{self, LibraryMetric};
use sla_guidance::templates;
use sla_model::*;

const LANGUAGES: [Language; 2] = [Language::En, Language::Ru];

/// The fields that do not depend on the language.
fn shape(m: &Metric) -> impl PartialEq + std::fmt::Debug {
    (
        m.id.clone(),
        m.kind,
        m.flow.clone(),
        m.unit,
        m.comparator,
        m.target.to_bits(),
        m.window,
        m.collection.clone(),
        m.owner,
    )
}

#[test]
fn both_languages_hold_the_same_metrics() {
    let en = library::metrics(Language::En);
    let ru = library::metrics(Language::Ru);
    assert_eq!(en.len(), ru.len());
    for (e, r) in en.iter().zip(&ru) {
        assert_eq!(shape(&e.metric), shape(&r.metric));
        for text in [
            &r.metric.name,
            &r.metric.definition,
            &r.metric.data_source,
            &r.reason,
            &r.source,
        ] {
            assert!(
                text.chars().any(|c| matches!(c, 'а'..='я' | 'А'..='Я')),
                "{}: not Russian: {text}",
                r.metric.id
            );
        }
    }
}

#[test]
fn every_metric_has_a_reason_and_a_source() {
    for language in LANGUAGES {
        for m in library::metrics(language) {
            assert!(
                m.reason.len() > 60,
                "{}: the reason should teach, not label",
                m.metric.id
            );
            assert!(!m.source.trim().is_empty(), "{}", m.metric.id);
            assert!(!m.metric.definition.trim().is_empty(), "{}", m.metric.id);
        }
    }
}

#[test]
fn library_covers_both_directions_and_the_classic_metrics() {
    let groups = library::by_provider(Language::En);
    assert!(groups
        .marketing
        .iter()
        .all(|m| m.provider() == Side::Marketing));
    assert!(groups.sales.iter().all(|m| m.provider() == Side::Sales));
    let ids = |ms: &[LibraryMetric]| ms.iter().map(|m| m.metric.id.clone()).collect::<Vec<_>>();
    let marketing = ids(&groups.marketing);
    let sales = ids(&groups.sales);
    for id in ["mql-per-rep", "mql-acceptance"] {
        assert!(marketing.contains(&id.to_string()), "{id}");
    }
    for id in [
        "first-contact-time",
        "first-contact-time-tier-b",
        "follow-up-attempts",
        "rejection-reasons",
        "leads-within-sla",
    ] {
        assert!(sales.contains(&id.to_string()), "{id}");
    }
    let hbr = library::metric("first-contact-time", Language::En).unwrap();
    assert!(hbr.source.contains("Short Life of Online Sales Leads") && hbr.source.contains("2011"));
}

#[test]
fn every_library_metric_passes_the_checks_in_the_complete_template() {
    for language in LANGUAGES {
        for lib in library::metrics(language) {
            let mut a = templates::instantiate("sales-marketing", language).unwrap();
            let c = a
                .commitments
                .iter()
                .position(|c| c.provider == lib.provider())
                .unwrap();
            let metrics = &mut a.commitments[c].metrics;
            match metrics.iter().position(|m| m.id == lib.metric.id) {
                Some(i) => metrics[i] = lib.metric.clone(),
                None => metrics.push(lib.metric.clone()),
            }
            let findings = checks::check(&a, language);
            assert!(findings.is_empty(), "{}: {findings:#?}", lib.metric.id);
        }
    }
}

#[test]
fn complete_templates_use_library_metrics_word_for_word() {
    for language in LANGUAGES {
        let a = templates::instantiate("sales-marketing", language).unwrap();
        for (c, m) in a.metrics() {
            let lib = library::metric(&m.id, language)
                .unwrap_or_else(|| panic!("{} is not in the library", m.id));
            assert_eq!(&lib.metric, m);
            assert_eq!(m.owner, c.provider);
        }
        for c in &a.commitments {
            let lib = library::commitment(c.provider, language);
            assert_eq!(
                (&lib.id, &lib.service, &lib.description),
                (&c.id, &c.service, &c.description)
            );
        }
    }
}

#[test]
fn russian_template_is_russian_with_the_same_structure() {
    let en = templates::instantiate("sales-marketing", Language::En).unwrap();
    let ru = templates::instantiate("sales-marketing", Language::Ru).unwrap();
    assert_eq!(ru.language, Language::Ru);
    assert_eq!(ru.parties.marketing.department, "Маркетинг");
    assert_eq!(ru.parties.sales.department, "Продажи");
    assert_eq!(ru.parties.marketing.head.name, "Анна Петрова");
    assert_eq!(ru.parties.sales.head.name, "Игорь Смирнов");
    let ids = |a: &Agreement| {
        let metrics: Vec<_> = a
            .metrics()
            .map(|(c, m)| (c.id.clone(), m.id.clone()))
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
            .map(|r| (r.id.clone(), r.scope.clone()))
            .collect();
        (
            metrics,
            rules,
            remedies,
            a.term.clone(),
            a.monitoring.review_cadence,
        )
    };
    assert_eq!(ids(&en), ids(&ru));
    // Everything a person reads is translated: no English word is left in the Russian text.
    for text in readable_text(&ru) {
        let english_words = text
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() > 3 && !["RevOps", "mail"].contains(w))
            .collect::<Vec<_>>();
        assert!(
            english_words.is_empty(),
            "{english_words:?} left untranslated in: {text}"
        );
    }
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
fn library_serialises_for_the_ui() {
    let json = serde_json::to_value(library::by_provider(Language::Ru)).unwrap();
    let first = &json["marketing"][0];
    assert_eq!(first["metric"]["id"], "mql-per-rep");
    assert_eq!(first["metric"]["unit"], "count");
    assert!(first["reason"].as_str().unwrap().contains("менеджер"));
    assert!(json["sales"].as_array().unwrap().len() >= 5);
}

#[test]
fn template_summaries_exist_in_both_languages() {
    for t in templates::TEMPLATES {
        assert!(!t.summary_in(Language::En).is_empty());
        assert!(t
            .summary_in(Language::Ru)
            .chars()
            .any(|c| matches!(c, 'а'..='я')));
    }
}
