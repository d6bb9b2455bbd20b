//! The metric library and the templates built from it: complete in both languages, the same
//! metrics in each, and every metric good enough to pass the checks.

mod common;

use sla_guidance::checks;
use sla_guidance::library::{self, LibraryMetric};
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
        // The other ways of selling have their metrics checked in their own templates.
        let inbound = library::metrics(language)
            .into_iter()
            .filter(|m| m.group == library::INBOUND_GROUP);
        for lib in inbound {
            let mut a = common::complete(language);
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
fn library_serialises_for_the_ui() {
    let json = serde_json::to_value(library::by_provider(Language::Ru)).unwrap();
    let first = &json["marketing"][0];
    assert_eq!(first["metric"]["id"], "mql-per-rep");
    assert_eq!(first["metric"]["unit"], "count");
    assert!(first["reason"].as_str().unwrap().contains("менеджер"));
    assert!(json["sales"].as_array().unwrap().len() >= 5);
}

#[test]
fn every_library_metric_has_a_source_and_a_usual_range_its_default_lies_in() {
    for language in LANGUAGES {
        let metrics = library::metrics(language);
        let mut ids: Vec<_> = metrics.iter().map(|m| m.metric.id.as_str()).collect();
        ids.sort_unstable();
        let count = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), count, "library ids repeat in {language:?}");
        for m in &metrics {
            assert!(
                !m.source.trim().is_empty() && !m.reason.trim().is_empty(),
                "{}",
                m.metric.id
            );
            let range = m
                .typical
                .unwrap_or_else(|| panic!("{} has no usual range", m.metric.id));
            assert!(
                range.low <= m.metric.target && m.metric.target <= range.high,
                "{}: {} outside {range:?}",
                m.metric.id,
                m.metric.target
            );
        }
        let groups: std::collections::BTreeSet<_> =
            metrics.iter().map(|m| m.group.as_str()).collect();
        assert_eq!(
            groups.into_iter().collect::<Vec<_>>(),
            [
                "call-centre",
                "long-cycle",
                "outbound-abm",
                "partner-channel",
                "sales-marketing"
            ]
        );
    }
    // Both languages hold the same metrics with the same figures.
    let figures = |language| {
        library::metrics(language)
            .into_iter()
            .map(|m| {
                (
                    m.metric.id,
                    m.metric.target,
                    m.typical.map(|t| (t.low, t.high)),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(figures(Language::En), figures(Language::Ru));
}
