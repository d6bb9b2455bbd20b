//! What the agreement says, section by section, in the order a contract reads: parties and term,
//! services, performance levels, monitoring, deadlines, consequences, other terms, signatures.

use chrono::{Months, NaiveDate};
use sla_model::{
    Agreement, Collection, DeadlineCategory, MetricKind, Renewal, Scope, Side, TimeBasis, Trigger,
};

use crate::clauses;
use crate::layout::{
    Cell, Composer, SignatureArea, Style, Table, TableKind, BODY, BODY_HEIGHT, CELL, CELL_SMALL,
    CONTENT_LEFT, CONTENT_WIDTH, HEAD_CELL, LABEL, TITLE,
};
use crate::words::Words;
use crate::ExportOptions;

const CELL_BOLD: Style = CELL.bold();

/// Lays out the whole agreement.
pub fn compose(c: &mut Composer, a: &Agreement, w: &Words, options: &ExportOptions) {
    title_block(c, a, w, options);
    parties_and_term(c, a, w);
    services(c, a, w);
    performance(c, a, w);
    plan(c, a, w);
    monitoring(c, a, w);
    deadlines(c, a, w);
    consequences(c, a, w);
    other_terms(c, a, w);
    signatures(c, a, w);
    if let Some(amendment) = &options.amendment {
        changes_annex(c, w, amendment);
    }
}

/// The department's name as the agreement gives it, or the side's generic name.
fn department(a: &Agreement, w: &Words, side: Side) -> String {
    let name = a.parties.get(side).department.trim();
    if name.is_empty() {
        w.side(side)
    } else {
        name.to_string()
    }
}

fn header(w: &Words, ids: &[&str]) -> Option<Vec<Cell>> {
    Some(ids.iter().map(|id| Cell::new(HEAD_CELL, w.t(id))).collect())
}

fn field(w: &Words, label_id: &str, value: &str) -> Vec<Cell> {
    vec![
        Cell::new(LABEL, w.t(label_id)),
        Cell::new(BODY, w.or_dash(value)),
    ]
}

fn fields(c: &mut Composer, rows: Vec<Vec<Cell>>) {
    c.table(&Table {
        kind: TableKind::Fields,
        widths: vec![0.27, 0.73],
        header: None,
        rows,
    });
}

fn title_block(c: &mut Composer, a: &Agreement, w: &Words, options: &ExportOptions) {
    let kind = match options.amendment {
        Some(_) => "pdf-amendment-kind",
        None => "pdf-document-kind",
    };
    c.centered(LABEL, &w.t(kind).to_uppercase());
    c.advance(4.0);
    c.centered(TITLE, &w.or_dash(&a.title));
    c.advance(2.0);
    let between = w.f(
        "pdf-between",
        &[
            ("marketing", department(a, w, Side::Marketing).into()),
            ("sales", department(a, w, Side::Sales).into()),
        ],
    );
    // A title that already names both departments needs no "between" line.
    let title = a.title.to_lowercase();
    let named = [Side::Marketing, Side::Sales]
        .iter()
        .all(|side| title.contains(&department(a, w, *side).to_lowercase()));
    if !named {
        c.centered(BODY, &between);
    }
    if let Some(amendment) = &options.amendment {
        c.advance(2.0);
        c.centered(
            BODY,
            &w.f(
                "pdf-amendment-of",
                &[
                    ("date", w.date(amendment.signed_on).into()),
                    (
                        "fingerprint",
                        short_fingerprint(&amendment.fingerprint).into(),
                    ),
                ],
            ),
        );
    }
    c.advance(12.0);
    c.left_right(
        CELL,
        &w.f("pdf-agreement-number", &[("id", w.or_dash(&a.id).into())]),
        &w.f(
            "pdf-effective-from",
            &[("date", w.date(a.term.effective_date).into())],
        ),
    );
    let status = w.document_status(
        options.draft_id,
        options.version,
        options.created.date_naive(),
    );
    c.left_right(CELL.muted(), &status, "");
    c.advance(5.0);
    c.rule(0.8, 0.15);
    c.advance(2.0);
}

fn parties_and_term(c: &mut Composer, a: &Agreement, w: &Words) {
    c.heading(1, "1.", &w.t("pdf-section-parties"));
    c.paragraph(BODY, &w.t("pdf-parties-intro"), 0.0);
    c.heading(2, "1.1", &w.t("pdf-sub-parties"));
    let m = &a.parties.marketing;
    let s = &a.parties.sales;
    let row = |label: &str, left: &str, right: &str| {
        vec![
            Cell::new(LABEL, w.t(label)),
            Cell::new(BODY, w.or_dash(left)),
            Cell::new(BODY, w.or_dash(right)),
        ]
    };
    let rows = vec![
        vec![
            Cell::new(LABEL, ""),
            Cell::new(CELL_BOLD, w.side(Side::Marketing)),
            Cell::new(CELL_BOLD, w.side(Side::Sales)),
        ],
        row("pdf-party-department", &m.department, &s.department),
        row("pdf-party-head", &m.head.name, &s.head.name),
        row("pdf-party-role", &m.head.role, &s.head.role),
        row("pdf-party-email", &m.head.email, &s.head.email),
    ];
    c.table(&Table {
        kind: TableKind::Fields,
        widths: vec![0.2, 0.4, 0.4],
        header: None,
        rows,
    });

    c.heading(2, "1.2", &w.t("pdf-sub-term"));
    let end = a
        .term
        .effective_date
        .checked_add_months(Months::new(a.term.duration_months))
        .and_then(|d| d.pred_opt())
        .unwrap_or(NaiveDate::MAX);
    let duration = w.f(
        "pdf-term-duration-value",
        &[
            ("months", (a.term.duration_months as f64).into()),
            ("end", w.date(end).into()),
        ],
    );
    let renewal = w.t(match a.term.renewal {
        Renewal::None => "pdf-renewal-none",
        Renewal::Automatic => "pdf-renewal-automatic",
        Renewal::ByAgreement => "pdf-renewal-by_agreement",
    });
    fields(
        c,
        vec![
            field(w, "pdf-term-effective", &w.date(a.term.effective_date)),
            field(w, "pdf-term-duration", &duration),
            field(w, "pdf-term-renewal", &renewal),
            field(w, "pdf-term-reviews", &w.dates(&a.term.review_dates)),
        ],
    );
}

fn services(c: &mut Composer, a: &Agreement, w: &Words) {
    c.heading(1, "2.", &w.t("pdf-section-services"));
    if a.commitments.is_empty() {
        c.paragraph(BODY, &w.t("pdf-services-none"), 0.0);
        return;
    }
    c.paragraph(BODY, &w.t("pdf-services-intro"), 0.0);
    for (i, commitment) in a.commitments.iter().enumerate() {
        c.heading(2, &clauses::commitment(i), &w.or_dash(&commitment.service));
        let mut metrics = Cell { parts: Vec::new() };
        for (j, m) in commitment.metrics.iter().enumerate() {
            metrics = metrics.and(
                BODY,
                format!("{} {}", clauses::metric(i, j), w.or_dash(&m.name)),
            );
        }
        if metrics.parts.is_empty() {
            metrics = Cell::new(BODY, w.t("pdf-service-no-metrics"));
        }
        fields(
            c,
            vec![
                field(
                    w,
                    "pdf-service-provider",
                    &department(a, w, commitment.provider),
                ),
                field(
                    w,
                    "pdf-service-recipient",
                    &department(a, w, commitment.receiver()),
                ),
                field(w, "pdf-service-description", &commitment.description),
                vec![Cell::new(LABEL, w.t("pdf-service-metrics")), metrics],
                vec![
                    Cell::new(LABEL, w.t("pdf-service-reference")),
                    Cell::new(CELL.muted(), w.or_dash(&commitment.id)),
                ],
            ],
        );
    }
}

/// The identifier the app uses for an item, printed small so that findings and remedies that
/// refer to it can be traced.
fn reference(w: &Words, id: &str) -> String {
    w.f("pdf-reference", &[("id", w.or_dash(id).into())])
}

fn kind_word(w: &Words, kind: MetricKind) -> String {
    w.t(match kind {
        MetricKind::Volume => "pdf-kind-volume",
        MetricKind::Quality => "pdf-kind-quality",
        MetricKind::Speed => "pdf-kind-speed",
        MetricKind::Reliability => "pdf-kind-reliability",
    })
}

fn performance(c: &mut Composer, a: &Agreement, w: &Words) {
    c.heading(1, "3.", &w.t("pdf-section-performance"));
    if a.commitments.is_empty() {
        c.paragraph(BODY, &w.t("pdf-services-none"), 0.0);
        return;
    }
    c.paragraph(BODY, &w.t("pdf-performance-intro"), 0.0);
    for (i, commitment) in a.commitments.iter().enumerate() {
        let title = w.f(
            "pdf-performance-heading",
            &[
                ("service", w.or_dash(&commitment.service).into()),
                ("provider", department(a, w, commitment.provider).into()),
            ],
        );
        c.heading(2, &clauses::performance(i), &title);
        if commitment.metrics.is_empty() {
            c.paragraph(BODY, &w.t("pdf-service-no-metrics"), 0.0);
            continue;
        }
        let rows = commitment
            .metrics
            .iter()
            .enumerate()
            .map(|(j, m)| {
                let collection = match &m.collection {
                    Collection::Automatic => w.t("pdf-collection-automatic"),
                    Collection::Manual { reason } => w.f(
                        "pdf-collection-manual",
                        &[("reason", w.or_dash(reason).into())],
                    ),
                };
                let mut measurement = Cell::new(
                    CELL,
                    w.f(
                        "pdf-metric-source",
                        &[("source", w.or_dash(&m.data_source).into())],
                    ),
                )
                .and(CELL, collection)
                .and(
                    CELL_SMALL,
                    w.f("pdf-metric-kind", &[("kind", kind_word(w, m.kind).into())]),
                );
                if !m.flow.trim().is_empty() {
                    measurement = measurement.and(
                        CELL_SMALL,
                        w.f("pdf-metric-flow", &[("flow", m.flow.as_str().into())]),
                    );
                }
                vec![
                    Cell::new(CELL, clauses::metric(i, j)),
                    Cell::new(CELL_BOLD, w.or_dash(&m.name))
                        .and(CELL, w.or_dash(&m.definition))
                        .and(CELL_SMALL, reference(w, &m.id)),
                    Cell::new(CELL_BOLD, w.target(m.comparator, m.target, m.unit))
                        .and(CELL.muted(), w.window(m.window)),
                    measurement,
                    Cell::new(CELL, department(a, w, m.owner)),
                ]
            })
            .collect();
        c.table(&Table {
            kind: TableKind::Grid,
            widths: vec![0.075, 0.37, 0.17, 0.245, 0.14],
            header: header(
                w,
                &[
                    "pdf-col-number",
                    "pdf-col-metric",
                    "pdf-col-target",
                    "pdf-col-measurement",
                    "pdf-col-owner",
                ],
            ),
            rows,
        });
    }
}

/// The figures the targets rest on, as the last clause of section 3: the team, the work one lead
/// takes and the funnel. Printed only when the agreement says any of them.
fn plan(c: &mut Composer, a: &Agreement, w: &Words) {
    let plan = &a.plan;
    if plan.is_empty() {
        return;
    }
    c.heading(2, &clauses::plan(a.commitments.len()), &w.t("pdf-sub-plan"));
    c.paragraph(BODY, &w.t("pdf-plan-intro"), 0.0);
    let clauses = clauses::Clauses::of(a);
    let metric_words = |id: &str| {
        let name = a
            .metrics()
            .find(|(_, m)| m.id == id)
            .map(|(_, m)| w.or_dash(&m.name))
            .unwrap_or_else(|| id.to_string());
        match clauses.metric(id) {
            Some(clause) => format!("{name} ({clause})"),
            None => name,
        }
    };
    let mut rows = Vec::new();
    let mut figure = |label: &str, value: Option<String>| {
        if let Some(value) = value {
            rows.push(field(w, label, &value));
        }
    };
    figure(
        "pdf-plan-reps",
        (plan.sales_reps > 0).then(|| w.number(plan.sales_reps as f64)),
    );
    figure(
        "pdf-plan-hours",
        plan.rep_hours_per_month.map(|h| w.number(h)),
    );
    figure(
        "pdf-plan-attempts",
        plan.attempts_per_lead.map(|n| w.number(n)),
    );
    figure(
        "pdf-plan-minutes",
        plan.minutes_per_attempt.map(|m| w.number(m)),
    );
    figure(
        "pdf-plan-after-hours",
        plan.after_hours_share_percent.map(|p| w.percent(p)),
    );
    figure(
        "pdf-plan-lead-volume",
        plan.lead_volume.as_ref().map(|v| {
            w.f(
                "pdf-plan-lead-volume-value",
                &[
                    ("metric", metric_words(&v.metric).into()),
                    ("per", if v.per_rep { "rep" } else { "team" }.into()),
                ],
            )
        }),
    );
    if !rows.is_empty() {
        fields(c, rows);
    }
    if !plan.funnel.is_empty() {
        let rows = plan
            .funnel
            .iter()
            .enumerate()
            .map(|(i, stage)| {
                vec![
                    Cell::new(CELL, (i + 1).to_string()),
                    Cell::new(CELL, w.or_dash(&stage.name)),
                    Cell::new(CELL_BOLD, w.percent(stage.conversion_percent)),
                    Cell::new(
                        CELL,
                        stage
                            .metric
                            .as_deref()
                            .map(metric_words)
                            .unwrap_or_else(|| "—".to_string()),
                    ),
                ]
            })
            .collect();
        c.table(&Table {
            kind: TableKind::Grid,
            widths: vec![0.075, 0.42, 0.15, 0.355],
            header: header(
                w,
                &[
                    "pdf-col-number",
                    "pdf-col-stage",
                    "pdf-col-conversion",
                    "pdf-col-measured-by",
                ],
            ),
            rows,
        });
    }
    if !plan.source.trim().is_empty() {
        c.paragraph(
            BODY,
            &w.f("pdf-plan-source", &[("source", plan.source.trim().into())]),
            0.0,
        );
    }
}

fn monitoring(c: &mut Composer, a: &Agreement, w: &Words) {
    let m = &a.monitoring;
    c.heading(1, "4.", &w.t("pdf-section-monitoring"));
    c.heading(2, "4.1", &w.t("pdf-sub-data-collection"));
    c.paragraph(BODY, &w.or_dash(&m.data_collection), 0.0);
    c.heading(2, "4.2", &w.t("pdf-sub-data-processing"));
    c.paragraph(BODY, &w.or_dash(&m.data_processing), 0.0);
    c.heading(2, "4.3", &w.t("pdf-sub-reports"));
    if m.reports.is_empty() {
        c.paragraph(BODY, &w.t("pdf-reports-none"), 0.0);
    } else {
        let rows = m
            .reports
            .iter()
            .map(|r| {
                vec![
                    Cell::new(CELL_BOLD, w.or_dash(&r.name)),
                    Cell::new(CELL, w.or_dash(&r.contents)),
                    Cell::new(CELL, w.or_dash(&r.owner)),
                    Cell::new(CELL, w.cadence(r.frequency)),
                ]
            })
            .collect();
        c.table(&Table {
            kind: TableKind::Grid,
            widths: vec![0.24, 0.40, 0.20, 0.16],
            header: header(
                w,
                &[
                    "pdf-col-report",
                    "pdf-col-contents",
                    "pdf-col-prepared-by",
                    "pdf-col-frequency",
                ],
            ),
            rows,
        });
    }
    c.heading(2, "4.4", &w.t("pdf-sub-review"));
    let cadence = m
        .review_cadence
        .map(|cd| w.cadence(cd))
        .unwrap_or_else(|| w.t("pdf-not-agreed"));
    let reviewers: Vec<String> = m.reviewers.iter().map(|r| w.or_dash(r)).collect();
    fields(
        c,
        vec![
            field(w, "pdf-review-cadence", &cadence),
            field(w, "pdf-review-participants", &reviewers.join("; ")),
            field(w, "pdf-review-dates", &w.dates(&a.term.review_dates)),
        ],
    );
}

fn deadlines(c: &mut Composer, a: &Agreement, w: &Words) {
    let d = &a.deadlines;
    c.heading(1, "5.", &w.t("pdf-section-deadlines"));
    c.heading(2, "5.1", &w.t("pdf-sub-calendar"));
    let basis = w.t(match d.basis {
        TimeBasis::BusinessHours => "pdf-basis-business_hours",
        TimeBasis::Calendar => "pdf-basis-calendar",
    });
    let hours = w.f(
        "pdf-calendar-hours-value",
        &[
            ("start", w.or_dash(&d.calendar.day_start).into()),
            ("end", w.or_dash(&d.calendar.day_end).into()),
        ],
    );
    fields(
        c,
        vec![
            field(w, "pdf-deadline-basis", &basis),
            field(w, "pdf-calendar-timezone", &d.calendar.timezone),
            field(
                w,
                "pdf-calendar-workdays",
                &w.weekdays(&d.calendar.workdays),
            ),
            field(w, "pdf-calendar-hours", &hours),
            field(w, "pdf-calendar-holidays", &w.dates(&d.calendar.holidays)),
        ],
    );
    c.heading(2, "5.2", &w.t("pdf-sub-deadline-rules"));
    if d.rules.is_empty() {
        c.paragraph(BODY, &w.t("pdf-deadlines-none"), 0.0);
        return;
    }
    let duration = |x: &Option<sla_model::Duration>| {
        x.as_ref()
            .map(|x| w.duration(x))
            .unwrap_or_else(|| w.t("pdf-empty"))
    };
    let rows = d
        .rules
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let category = w.t(match r.category {
                DeadlineCategory::LeadTier => "pdf-category-lead_tier",
                DeadlineCategory::IssueSeverity => "pdf-category-issue_severity",
            });
            vec![
                Cell::new(CELL, format!("5.2.{}", i + 1)),
                Cell::new(CELL_BOLD, w.or_dash(&r.applies_to))
                    .and(CELL.muted(), category)
                    .and(CELL_SMALL, reference(w, &r.id)),
                Cell::new(CELL, department(a, w, r.owner)),
                Cell::new(CELL, duration(&r.response)),
                Cell::new(CELL, duration(&r.resolution)),
            ]
        })
        .collect();
    c.table(&Table {
        kind: TableKind::Grid,
        widths: vec![0.075, 0.425, 0.18, 0.16, 0.16],
        header: header(
            w,
            &[
                "pdf-col-number",
                "pdf-col-applies-to",
                "pdf-col-owner",
                "pdf-col-response",
                "pdf-col-resolution",
            ],
        ),
        rows,
    });
}

/// What a remedy or adjustment applies to, naming the clause it refers to.
fn scope_words(a: &Agreement, w: &Words, scope: &Scope) -> String {
    match scope {
        Scope::Agreement => w.t("pdf-scope-agreement"),
        Scope::Commitment(id) => match a.commitments.iter().position(|c| &c.id == id) {
            Some(i) => {
                w.f(
                    "pdf-scope-commitment",
                    &[
                        ("number", clauses::commitment(i).into()),
                        ("name", w.or_dash(&a.commitments[i].service).into()),
                    ],
                ) + &format!(" [{id}]")
            }
            None => w.f("pdf-scope-unknown", &[("id", w.or_dash(id).into())]),
        },
        Scope::Metric(id) => {
            let found = a.commitments.iter().enumerate().find_map(|(i, c)| {
                c.metrics
                    .iter()
                    .position(|m| &m.id == id)
                    .map(|j| (i, j, &c.metrics[j]))
            });
            match found {
                Some((i, j, m)) => {
                    w.f(
                        "pdf-scope-metric",
                        &[
                            ("number", clauses::metric(i, j).into()),
                            ("name", w.or_dash(&m.name).into()),
                        ],
                    ) + &format!(" [{id}]")
                }
                None => w.f("pdf-scope-unknown", &[("id", w.or_dash(id).into())]),
            }
        }
    }
}

/// The metric or metrics a structured trigger watches, named by clause number and name so the
/// line can be checked against section 3.
fn trigger_subject(a: &Agreement, w: &Words, scope: &Scope) -> String {
    match scope {
        Scope::Agreement => w.t("pdf-trigger-subject-agreement"),
        Scope::Commitment(id) => match a.commitments.iter().position(|c| &c.id == id) {
            Some(i) => w.f(
                "pdf-trigger-subject-commitment",
                &[
                    ("number", clauses::commitment(i).into()),
                    ("name", w.or_dash(&a.commitments[i].service).into()),
                ],
            ),
            None => w.f("pdf-scope-unknown", &[("id", w.or_dash(id).into())]),
        },
        Scope::Metric(id) => {
            let found = a.commitments.iter().enumerate().find_map(|(i, c)| {
                c.metrics
                    .iter()
                    .position(|m| &m.id == id)
                    .map(|j| (i, j, &c.metrics[j]))
            });
            match found {
                Some((i, j, m)) => w.f(
                    "pdf-trigger-subject-metric",
                    &[
                        ("number", clauses::metric(i, j).into()),
                        ("name", w.or_dash(&m.name).into()),
                    ],
                ),
                None => w.f("pdf-scope-unknown", &[("id", w.or_dash(id).into())]),
            }
        }
    }
}

/// The free-text trigger, and under it the structured condition when the agreement has one:
/// "Fires when: metric 3.1.2 “…” missed 2 periods in a row".
fn trigger_cell(
    a: &Agreement,
    w: &Words,
    text: &str,
    scope: &Scope,
    when: Option<&Trigger>,
) -> Cell {
    let cell = Cell::new(CELL, w.or_dash(text));
    let Some(when) = when else {
        return cell;
    };
    let subject = trigger_subject(a, w, scope);
    let line = match *when {
        Trigger::MissedInARow { periods } => w.f(
            "pdf-trigger-missed-in-a-row",
            &[
                ("subject", subject.into()),
                ("periods", (periods as f64).into()),
            ],
        ),
        Trigger::AchievedBelow { percent } => w.f(
            "pdf-trigger-achieved-below",
            &[
                ("subject", subject.into()),
                ("percent", w.percent(percent).into()),
            ],
        ),
    };
    cell.and(CELL_SMALL, line)
}

fn consequences(c: &mut Composer, a: &Agreement, w: &Words) {
    let k = &a.consequences;
    c.heading(1, clauses::CONSEQUENCES, &w.t("pdf-section-consequences"));
    c.heading(2, clauses::ESCALATION, &w.t("pdf-sub-escalation"));
    if k.escalation.is_empty() {
        c.paragraph(BODY, &w.t("pdf-escalation-none"), 0.0);
    } else {
        c.paragraph(BODY, &w.t("pdf-escalation-intro"), 0.0);
        c.gap(4.0);
        let rows = k
            .escalation
            .iter()
            .enumerate()
            .map(|(i, s)| {
                vec![
                    Cell::new(CELL_BOLD, clauses::escalation_step(i)),
                    // A step without a scope watches the whole agreement.
                    trigger_cell(
                        a,
                        w,
                        &s.trigger,
                        s.scope.as_ref().unwrap_or(&Scope::Agreement),
                        s.when.as_ref(),
                    ),
                    Cell::new(CELL_BOLD, w.or_dash(&s.escalate_to)),
                    Cell::new(
                        CELL,
                        w.f("pdf-after-days", &[("days", (s.after_days as f64).into())]),
                    ),
                    Cell::new(CELL, w.or_dash(&s.action)),
                ]
            })
            .collect();
        c.table(&Table {
            kind: TableKind::Grid,
            widths: vec![0.07, 0.30, 0.18, 0.11, 0.34],
            header: header(
                w,
                &[
                    "pdf-col-step",
                    "pdf-col-trigger",
                    "pdf-col-escalate-to",
                    "pdf-col-after",
                    "pdf-col-action",
                ],
            ),
            rows,
        });
    }
    c.heading(2, clauses::REMEDIES, &w.t("pdf-sub-remedies"));
    if k.remedies.is_empty() {
        c.paragraph(BODY, &w.t("pdf-remedies-none"), 0.0);
    } else {
        let rows = k
            .remedies
            .iter()
            .enumerate()
            .map(|(i, r)| {
                vec![
                    Cell::new(CELL, clauses::remedy(i)),
                    Cell::new(CELL, scope_words(a, w, &r.scope))
                        .and(CELL_SMALL, reference(w, &r.id)),
                    trigger_cell(a, w, &r.trigger, &r.scope, r.when.as_ref()),
                    Cell::new(CELL, w.or_dash(&r.action)),
                ]
            })
            .collect();
        c.table(&Table {
            kind: TableKind::Grid,
            widths: vec![0.075, 0.285, 0.30, 0.34],
            header: header(
                w,
                &[
                    "pdf-col-number",
                    "pdf-col-scope",
                    "pdf-col-trigger",
                    "pdf-col-action",
                ],
            ),
            rows,
        });
    }
    c.heading(2, clauses::ADJUSTMENTS, &w.t("pdf-sub-adjustments"));
    if k.adjustments.is_empty() {
        c.paragraph(BODY, &w.t("pdf-adjustments-none"), 0.0);
    }
    for (i, adj) in k.adjustments.iter().enumerate() {
        let kind = w.t(match adj.kind {
            sla_model::AdjustmentKind::Bonus => "pdf-adjustment-kind-bonus",
            sla_model::AdjustmentKind::Budget => "pdf-adjustment-kind-budget",
        });
        let title = w.f(
            "pdf-adjustment-heading",
            &[
                ("kind", kind.into()),
                ("scope", scope_words(a, w, &adj.scope).into()),
            ],
        );
        c.gap(4.0);
        c.ensure(BODY.leading * 4.0);
        c.paragraph(
            Style {
                size: 9.0,
                leading: 12.6,
                ..CELL_BOLD
            },
            &format!("{} {}", clauses::adjustment(i), title),
            0.0,
        );
        c.paragraph(CELL_SMALL, &reference(w, &adj.id), 0.0);
        c.gap(3.0);
        if !adj.tiers.is_empty() {
            let rows = adj
                .tiers
                .iter()
                .map(|t| {
                    let sign = if t.adjustment_percent > 0.0 { "+" } else { "" };
                    vec![
                        Cell::new(
                            CELL,
                            w.f(
                                "pdf-achieved-below",
                                &[("percent", w.percent(t.achieved_below_percent).into())],
                            ),
                        ),
                        Cell::new(
                            CELL_BOLD,
                            format!("{sign}{}", w.percent(t.adjustment_percent)),
                        ),
                    ]
                })
                .collect();
            c.table(&Table {
                kind: TableKind::Grid,
                widths: vec![0.6, 0.4],
                header: header(w, &["pdf-col-achieved", "pdf-col-adjustment"]),
                rows,
            });
            c.gap(3.0);
        }
        let caps = w.f(
            "pdf-adjustment-caps",
            &[
                ("month", w.percent(adj.cap_per_month_percent).into()),
                ("year", w.percent(adj.cap_per_year_percent).into()),
            ],
        );
        c.paragraph(BODY, &caps, 0.0);
    }
}

fn other_terms(c: &mut Composer, a: &Agreement, w: &Words) {
    c.heading(1, "7.", &w.t("pdf-section-notes"));
    if a.notes.trim().is_empty() {
        c.paragraph(BODY, &w.t("pdf-notes-none"), 0.0);
    } else {
        c.paragraph(BODY, &a.notes, 0.0);
    }
}

/// The first 16 hex digits, grouped as the footer groups them.
fn short_fingerprint(fingerprint: &str) -> String {
    let digits: Vec<char> = fingerprint.chars().take(16).collect();
    digits
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// An amendment's annex: every change since the signed agreement, numbered, after the
/// signatures that cover it.
fn changes_annex(c: &mut Composer, w: &Words, amendment: &crate::Amendment) {
    c.page_break();
    c.heading(1, "", &w.t("pdf-annex-changes"));
    c.paragraph(
        BODY,
        &w.f(
            "pdf-annex-changes-intro",
            &[
                ("date", w.date(amendment.signed_on).into()),
                ("fingerprint", amendment.fingerprint.as_str().into()),
                ("count", amendment.changes.len().into()),
            ],
        ),
        0.0,
    );
    c.gap(4.0);
    for (i, change) in amendment.changes.iter().enumerate() {
        c.paragraph(BODY, &format!("{}. {change}", i + 1), 0.0);
    }
}

/// Space between the two columns of signature blocks.
const SIGNATURE_GUTTER: f32 = 24.0;
const SIGNATURE_BOX_HEIGHT: f32 = 64.0;

/// The signature page: one block per signatory, two to a row, each with a blank signature area
/// that later becomes the signatory's signature field.
fn signatures(c: &mut Composer, a: &Agreement, w: &Words) {
    if !c.at_page_top() {
        c.page_break();
    }
    c.heading(1, "8.", &w.t("pdf-section-signatures"));
    c.paragraph(BODY, &w.t("pdf-signatures-intro"), 0.0);
    c.gap(10.0);
    if a.signatories.is_empty() {
        c.paragraph(BODY, &w.t("pdf-signatures-none"), 0.0);
        return;
    }
    signature_blocks(c, a, w, &a.signatories);
}

/// One block per signatory, two to a row, from the cursor down; the review report signs with
/// the same blocks.
pub(crate) fn signature_blocks(
    c: &mut Composer,
    a: &Agreement,
    w: &Words,
    signatories: &[sla_model::Signatory],
) {
    let block_width = (CONTENT_WIDTH - SIGNATURE_GUTTER) / 2.0;
    let area_height = 8.0 + SIGNATURE_BOX_HEIGHT + 12.0 + 26.0;
    for pair in signatories.chunks(2) {
        let blocks: Vec<Vec<(Style, String)>> = pair
            .iter()
            .map(|s| signature_lines(a, w, s, block_width))
            .collect();
        let text_height = |b: &Vec<(Style, String)>| b.iter().map(|(s, _)| s.leading).sum::<f32>();
        let lines_height = blocks.iter().map(text_height).fold(0.0, f32::max);
        let block_height = lines_height + area_height;
        if block_height + 18.0 > BODY_HEIGHT {
            // Blocks taller than a page (a role pasted with pages of text): one after the other,
            // their text flowing across pages, each signature area kept whole.
            for s in pair {
                for (style, text) in signature_lines(a, w, s, CONTENT_WIDTH) {
                    c.ensure(style.leading);
                    c.show(CONTENT_LEFT, Composer::baseline(style, c.y()), style, &text);
                    c.advance(style.leading);
                }
                c.ensure(area_height);
                let top = c.y() - 8.0;
                signature_area(c, w, CONTENT_LEFT, top, block_width);
                c.advance(area_height);
                c.gap(18.0);
            }
            continue;
        }
        c.ensure(block_height + 18.0);
        let top = c.y();
        for (column, block) in blocks.iter().enumerate() {
            let x = CONTENT_LEFT + column as f32 * (block_width + SIGNATURE_GUTTER);
            let mut y = top;
            for (style, text) in block {
                c.show(x, Composer::baseline(*style, y), *style, text);
                y -= style.leading;
            }
            signature_area(c, w, x, top - lines_height - 8.0, block_width);
        }
        c.advance(block_height);
        c.gap(18.0);
    }
}

/// The blank signature area (a pale frame with the signature line at its foot, its caption)
/// and the date line under it; the area is recorded for the signature field.
fn signature_area(c: &mut Composer, w: &Words, x: f32, box_top: f32, width: f32) {
    let box_bottom = box_top - SIGNATURE_BOX_HEIGHT;
    c.stroke_rect(x, box_bottom, width, SIGNATURE_BOX_HEIGHT, 0.4, 0.8);
    c.line(
        (x + 8.0, box_bottom + 14.0),
        (x + width - 8.0, box_bottom + 14.0),
        0.6,
        0.3,
    );
    let caption = Style {
        size: 7.0,
        leading: 9.0,
        ..LABEL
    };
    let text = w.t("pdf-sign-signature");
    c.show(
        x,
        Composer::baseline(caption, box_bottom - 2.0),
        caption,
        &text,
    );
    c.signature_areas.push(SignatureArea {
        page: c.page_index(),
        rect: [x, box_bottom, x + width, box_top],
    });
    let label = w.t("pdf-sign-date");
    let label_width = crate::fonts::face(LABEL.face).width(&label, LABEL.size);
    let baseline = Composer::baseline(LABEL, box_bottom - 12.0);
    c.show(x, baseline, LABEL, &label);
    c.line(
        (x + label_width + 6.0, baseline - 2.0),
        (x + width * 0.62, baseline - 2.0),
        0.6,
        0.3,
    );
}

/// The text of one signatory's block: who signs for whom, wrapped to the block.
fn signature_lines(
    a: &Agreement,
    w: &Words,
    s: &sla_model::Signatory,
    width: f32,
) -> Vec<(Style, String)> {
    let mut lines = Vec::new();
    let mut add = |style: Style, text: &str| {
        for line in Composer::wrap(style, text, width) {
            lines.push((style, line.text));
        }
    };
    let heading = Style {
        size: 9.5,
        leading: 14.0,
        ..CELL_BOLD
    };
    add(
        heading,
        &w.f("pdf-sign-for", &[("side", department(a, w, s.side).into())]),
    );
    let label = |id: &str, value: &str| format!("{}: {}", w.t(id), w.or_dash(value));
    add(BODY, &label("pdf-sign-name", &s.name));
    add(BODY, &label("pdf-sign-role", &s.role));
    add(CELL.muted(), &label("pdf-sign-email", &s.email));
    lines
}
