//! What the report says, section by section: the title block, the summary, every metric against
//! its target, a chart per metric, the consequences that apply, the review's decisions and the
//! signatures.

use sla_compliance::{
    AppliedAdjustment, Cap, ConsequenceRef, FigureSource, FiredConsequence, MetricCompliance,
    Review, Status,
};
use sla_model::{AdjustmentKind, Agreement, Side, Signatory};
use sla_pdf::kit::{
    self, face, Cell, Clauses, Composer, Style, Table, TableKind, Tone, Words, BODY, CELL,
    CELL_SMALL, CONTENT_LEFT, CONTENT_RIGHT, CONTENT_WIDTH, HEAD_CELL, LABEL, TITLE,
};

use crate::chart;
use crate::text;
use crate::ReportOptions;

const CELL_BOLD: Style = CELL.bold();
/// How many periods the table's trend column shows; the charts show them all.
const TREND_PERIODS: usize = 4;

pub struct Input<'a> {
    pub agreement: &'a Agreement,
    pub review: &'a Review,
    pub words: &'a Words,
    pub options: &'a ReportOptions,
    pub hash: &'a str,
    pub signatories: &'a [Signatory],
}

pub fn compose(c: &mut Composer, input: &Input) {
    title_block(c, input);
    summary(c, input);
    metrics(c, input);
    charts(c, input);
    consequences(c, input);
    decisions(c, input);
    signatures(c, input);
}

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

fn title_block(c: &mut Composer, input: &Input) {
    let (a, w, options) = (input.agreement, input.words, input.options);
    let period = text::period(w, input.review.period);
    c.centered(LABEL, &w.t("report-document-kind").to_uppercase());
    c.advance(4.0);
    c.centered(TITLE, &w.f("report-period", &[("period", period.into())]));
    c.advance(2.0);
    c.centered(BODY, &w.or_dash(&a.title));
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
    c.paragraph(
        CELL_SMALL,
        &w.f("report-fingerprint", &[("hash", input.hash.into())]),
        0.0,
    );
    c.advance(5.0);
    c.rule(0.8, 0.15);
    c.advance(6.0);

    let head = |side: Side| {
        let party = a.parties.get(side);
        let mut who = w.or_dash(&party.head.name);
        if !party.head.role.trim().is_empty() {
            who = format!("{who}, {}", party.head.role.trim());
        }
        vec![
            Cell::new(LABEL, w.side(side)),
            Cell::new(CELL_BOLD, department(a, w, side)).and(CELL, who),
        ]
    };
    let reviewers: Vec<String> = a
        .monitoring
        .reviewers
        .iter()
        .map(|r| w.or_dash(r))
        .collect();
    c.table(&Table {
        kind: TableKind::Fields,
        widths: vec![0.27, 0.73],
        header: None,
        rows: vec![
            vec![
                Cell::new(LABEL, w.t("report-period-field")),
                Cell::new(BODY, text::period_days(w, input.review.period)),
            ],
            head(Side::Marketing),
            head(Side::Sales),
            vec![
                Cell::new(LABEL, w.t("report-review-date-field")),
                Cell::new(BODY, w.date(input.review.review_date)),
            ],
            vec![
                Cell::new(LABEL, w.t("report-reviewers-field")),
                Cell::new(BODY, w.or_dash(&reviewers.join("; "))),
            ],
        ],
    });
}

/// Met, missed and no-data counts, in words and as a bar whose every segment is labelled.
fn summary(c: &mut Composer, input: &Input) {
    let (w, review) = (input.words, input.review);
    c.heading(1, "1.", &w.t("report-section-summary"));
    let counts = [
        (Status::Met, review.count(Status::Met)),
        (Status::Missed, review.count(Status::Missed)),
        (Status::NoData, review.count(Status::NoData)),
    ];
    c.paragraph(
        BODY,
        &w.f(
            "report-summary-text",
            &[
                ("total", review.metrics.len().into()),
                ("met", counts[0].1.into()),
                ("missed", counts[1].1.into()),
                ("nodata", counts[2].1.into()),
            ],
        ),
        0.0,
    );
    let applying = review.fired.len() + review.adjustments.len();
    c.paragraph(
        BODY,
        &w.f("report-summary-consequences", &[("count", applying.into())]),
        0.0,
    );
    let total = review.metrics.len();
    if total == 0 {
        return;
    }
    c.gap(8.0);
    let bar_height = 16.0;
    let label_style = Style::new(kit::Face::SansBold, 7.5, 9.0);
    let caption = Style {
        size: 7.0,
        leading: 9.0,
        ..LABEL
    };
    c.ensure(caption.leading + bar_height + 4.0);
    c.show(
        CONTENT_LEFT,
        Composer::baseline(caption, c.y()),
        caption,
        &w.t("report-bar-caption"),
    );
    c.advance(caption.leading + 2.0);
    let top = c.y();
    let mut x = CONTENT_LEFT;
    for (status, count) in counts {
        if count == 0 {
            continue;
        }
        let width = CONTENT_WIDTH * count as f32 / total as f32;
        let fill = match status {
            Status::Met => (0.80, 0.91, 0.82),
            Status::Missed => (0.97, 0.80, 0.78),
            Status::NoData => (0.90, 0.90, 0.90),
        };
        c.draw(chart::rect(
            x,
            top - bar_height,
            width,
            bar_height,
            chart::rgb(fill),
            Some((chart::rgb((1.0, 1.0, 1.0)), 1.5)),
        ));
        // "✓ 3 met": the count, its word and a symbol, so the bar reads without colour.
        let label = format!("{} {}", count, text::status(w, status));
        let label = label.replacen(' ', "\u{a0}", 1);
        let shown = chart::one_line(label_style, &label, width - 8.0);
        let shown = if shown.ends_with('\u{2026}') {
            count.to_string()
        } else {
            shown
        };
        let label_w = face(label_style.face).width(&shown, label_style.size);
        let style = if status == Status::Missed {
            Style {
                tone: Tone::Alert,
                ..label_style
            }
        } else {
            label_style
        };
        c.show(
            x + (width - label_w) / 2.0,
            top - bar_height / 2.0 - label_style.size * 0.35,
            style,
            &shown,
        );
        x += width;
    }
    c.advance(bar_height);
}

fn metric_title(clauses: &Clauses, m: &MetricCompliance) -> String {
    match clauses.metric(&m.metric_id) {
        Some(number) => format!("{number} {}", m.name),
        None => m.name.clone(),
    }
}

fn metrics(c: &mut Composer, input: &Input) {
    let (a, w, review) = (input.agreement, input.words, input.review);
    let clauses = Clauses::of(a);
    c.heading(1, "2.", &w.t("report-section-metrics"));
    if review.metrics.is_empty() {
        c.paragraph(BODY, &w.t("report-no-metrics"), 0.0);
        return;
    }
    c.paragraph(BODY, &w.t("report-metrics-intro"), 0.0);
    c.gap(4.0);
    let rows = review
        .metrics
        .iter()
        .map(|m| {
            let mut name = Cell::new(CELL_BOLD, w.or_dash(&m.name));
            if let Some(number) = clauses.metric(&m.metric_id) {
                name = name.and(
                    CELL_SMALL,
                    w.f("report-clause", &[("number", number.into())]),
                );
            }
            let status_style = match m.status {
                Status::Met => CELL_BOLD,
                Status::Missed => Style {
                    tone: Tone::Alert,
                    ..CELL_BOLD
                },
                Status::NoData => CELL.muted(),
            };
            let mut status = Cell::new(status_style, text::status(w, m.status));
            if m.status == Status::Missed && m.misses_in_a_row > 1 {
                status = status.and(
                    CELL_SMALL,
                    w.f(
                        "report-misses-in-a-row",
                        &[("count", (m.misses_in_a_row as f64).into())],
                    ),
                );
            }
            let achieved = m
                .achieved_percent
                .filter(|p| p.is_finite())
                .map(|p| w.percent(p))
                .unwrap_or_else(|| w.t("pdf-empty"));
            let (values, direction) =
                text::trend(w, &m.trend, m.comparator, m.target, TREND_PERIODS);
            let mut trend = Cell::new(CELL, values);
            if let Some(direction) = direction {
                trend = trend.and(CELL_SMALL, direction);
            }
            // Where a figure entered by hand came from, or why there is none.
            match &m.source {
                Some(FigureSource::Manual { entered_by, note }) => {
                    let mut entered = w.f(
                        "report-entered-by",
                        &[("who", w.or_dash(entered_by).into())],
                    );
                    if !note.trim().is_empty() {
                        entered = format!("{entered}: {}", note.trim());
                    }
                    name = name.and(CELL_SMALL, entered);
                }
                Some(FigureSource::NoData { cause, .. }) => {
                    name = name.and(CELL_SMALL, cause.describe(w.language()));
                }
                Some(FigureSource::Export { .. }) | None => {}
            }
            vec![
                name,
                Cell::new(CELL_BOLD, text::quantity(w, m.actual, m.unit)),
                Cell::new(CELL, w.target(m.comparator, m.target, m.unit)),
                status,
                Cell::new(CELL, achieved),
                trend,
            ]
        })
        .collect();
    c.table(&Table {
        kind: TableKind::Grid,
        widths: vec![0.28, 0.12, 0.15, 0.14, 0.09, 0.22],
        header: header(
            w,
            &[
                "report-col-metric",
                "report-col-actual",
                "report-col-target",
                "report-col-status",
                "report-col-achieved",
                "report-col-trend",
            ],
        ),
        rows,
    });

    let timed: Vec<&MetricCompliance> =
        review.metrics.iter().filter(|m| m.time.is_some()).collect();
    if timed.is_empty() {
        return;
    }
    c.heading(2, "2.1", &w.t("report-sub-time"));
    let rows = timed
        .iter()
        .filter_map(|m| m.time.map(|t| (m, t)))
        .map(|(m, t)| {
            let mut leads = Cell::new(CELL, w.number(t.count as f64));
            if t.never_contacted > 0 {
                leads = leads.and(
                    CELL_SMALL,
                    w.f(
                        "report-never-contacted",
                        &[("count", t.never_contacted.into())],
                    ),
                );
            }
            vec![
                Cell::new(CELL_BOLD, metric_title(&clauses, m)),
                leads,
                Cell::new(CELL, text::quantity(w, Some(t.median), m.unit)),
                Cell::new(CELL, text::quantity(w, Some(t.p90), m.unit)),
                Cell::new(CELL, w.percent(t.within_target_percent)),
            ]
        })
        .collect();
    c.table(&Table {
        kind: TableKind::Grid,
        widths: vec![0.34, 0.15, 0.17, 0.17, 0.17],
        header: header(
            w,
            &[
                "report-col-metric",
                "report-col-leads",
                "report-col-median",
                "report-col-p90",
                "report-col-within",
            ],
        ),
        rows,
    });
}

const CHART_GUTTER: f32 = 22.0;
const CHART_GAP: f32 = 14.0;

/// A chart per metric, two to a row.
fn charts(c: &mut Composer, input: &Input) {
    let (w, review) = (input.words, input.review);
    if review.metrics.is_empty() {
        return;
    }
    let clauses = Clauses::of(input.agreement);
    c.heading(1, "3.", &w.t("report-section-charts"));
    c.paragraph(BODY, &w.t("report-charts-intro"), 0.0);
    c.gap(8.0);
    let width = (CONTENT_WIDTH - CHART_GUTTER) / 2.0;
    for pair in review.metrics.chunks(2) {
        let titles: Vec<String> = pair.iter().map(|m| metric_title(&clauses, m)).collect();
        let lines = titles
            .iter()
            .map(|t| chart::title_lines(t, width))
            .max()
            .unwrap_or(1);
        let height = chart::height(lines);
        c.ensure(height);
        let top = c.y();
        for (column, (m, title)) in pair.iter().zip(&titles).enumerate() {
            let x = CONTENT_LEFT + column as f32 * (width + CHART_GUTTER);
            chart::draw(c, w, m, title, lines, x, top, width);
        }
        c.advance(height);
        c.gap(CHART_GAP);
    }
}

/// The metrics a consequence fired for, by name.
fn metric_names(review: &Review, ids: &[String]) -> String {
    ids.iter()
        .map(|id| {
            review
                .metrics
                .iter()
                .find(|m| &m.metric_id == id)
                .map_or(id.as_str(), |m| m.name.as_str())
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn why(w: &Words, review: &Review, fired: &FiredConsequence) -> Cell {
    let mut cell = Cell::new(CELL, w.or_dash(&fired.reason));
    if !fired.metric_ids.is_empty() {
        cell = cell.and(
            CELL_SMALL,
            w.f(
                "report-metrics-of",
                &[("metrics", metric_names(review, &fired.metric_ids).into())],
            ),
        );
    }
    cell
}

fn signed_percent(w: &Words, value: f64) -> String {
    let sign = if value > 0.0 { "+" } else { "" };
    format!("{sign}{}", w.percent(value))
}

fn consequences(c: &mut Composer, input: &Input) {
    let (a, w, review) = (input.agreement, input.words, input.review);
    let clauses = Clauses::of(a);
    c.heading(1, "4.", &w.t("report-section-consequences"));
    if review.fired.is_empty() && review.adjustments.is_empty() {
        c.paragraph(BODY, &w.t("report-consequences-none"), 0.0);
        return;
    }

    c.heading(2, "4.1", &w.t("report-sub-escalations"));
    let escalations: Vec<Vec<Cell>> = review
        .fired
        .iter()
        .filter_map(|f| match &f.source {
            ConsequenceRef::Escalation { index } => {
                let (clause, step) = clauses.escalation_step(*index)?;
                Some(vec![
                    Cell::new(
                        CELL,
                        w.f(
                            "report-escalation-clause",
                            &[("clause", clause.into()), ("step", step.into())],
                        ),
                    ),
                    Cell::new(CELL_BOLD, w.or_dash(&f.escalate_to)),
                    Cell::new(CELL, w.or_dash(&f.action)),
                    why(w, review, f),
                    Cell::new(CELL_BOLD, w.date(f.due)),
                ])
            }
            ConsequenceRef::Remedy { .. } => None,
        })
        .collect();
    if escalations.is_empty() {
        c.paragraph(BODY, &w.t("report-escalations-none"), 0.0);
    } else {
        c.table(&Table {
            kind: TableKind::Grid,
            widths: vec![0.13, 0.17, 0.26, 0.29, 0.15],
            header: header(
                w,
                &[
                    "report-col-clause",
                    "report-col-who",
                    "report-col-action",
                    "report-col-why",
                    "report-col-due",
                ],
            ),
            rows: escalations,
        });
    }

    c.heading(2, "4.2", &w.t("report-sub-remedies"));
    let remedies: Vec<Vec<Cell>> = review
        .fired
        .iter()
        .filter_map(|f| match &f.source {
            ConsequenceRef::Remedy { id } => Some(vec![
                Cell::new(
                    CELL,
                    w.f("report-clause", &[("number", clauses.remedy(id)?.into())]),
                ),
                Cell::new(CELL, w.or_dash(&f.action)),
                why(w, review, f),
                Cell::new(CELL_BOLD, w.date(f.due)),
            ]),
            ConsequenceRef::Escalation { .. } => None,
        })
        .collect();
    if remedies.is_empty() {
        c.paragraph(BODY, &w.t("report-remedies-none"), 0.0);
    } else {
        c.table(&Table {
            kind: TableKind::Grid,
            widths: vec![0.13, 0.38, 0.34, 0.15],
            header: header(
                w,
                &[
                    "report-col-clause",
                    "report-col-action",
                    "report-col-why",
                    "report-col-due",
                ],
            ),
            rows: remedies,
        });
    }

    c.heading(2, "4.3", &w.t("report-sub-adjustments"));
    if review.adjustments.is_empty() {
        c.paragraph(BODY, &w.t("report-adjustments-none"), 0.0);
        return;
    }
    let rows = review
        .adjustments
        .iter()
        .map(|adj| adjustment_row(w, &clauses, adj))
        .collect();
    c.table(&Table {
        kind: TableKind::Grid,
        widths: vec![0.13, 0.30, 0.15, 0.24, 0.18],
        header: header(
            w,
            &[
                "report-col-clause",
                "report-col-kind",
                "report-col-tier",
                "report-col-applied",
                "report-col-year",
            ],
        ),
        rows,
    });
}

fn adjustment_row(w: &Words, clauses: &Clauses, adj: &AppliedAdjustment) -> Vec<Cell> {
    let number = clauses.adjustment(&adj.adjustment_id).unwrap_or_default();
    let kind = w.t(match adj.kind {
        AdjustmentKind::Bonus => "pdf-adjustment-kind-bonus",
        AdjustmentKind::Budget => "pdf-adjustment-kind-budget",
    });
    let mut applied = Cell::new(CELL_BOLD, signed_percent(w, adj.applied_percent));
    if let Some(cap) = adj.capped_by {
        applied = applied.and(
            CELL_SMALL,
            w.t(match cap {
                Cap::Month => "report-capped-month",
                Cap::Year => "report-capped-year",
            }),
        );
    }
    vec![
        Cell::new(CELL, w.f("report-clause", &[("number", number.into())])),
        Cell::new(CELL, kind).and(
            CELL_SMALL,
            w.f(
                "pdf-reference",
                &[("id", adj.adjustment_id.as_str().into())],
            ),
        ),
        Cell::new(CELL, signed_percent(w, adj.tier_percent)).and(
            CELL_SMALL,
            w.f(
                "report-level",
                &[("percent", w.percent(adj.level_percent).into())],
            ),
        ),
        applied,
        Cell::new(CELL, signed_percent(w, adj.year_total_percent)),
    ]
}

/// Ruled lines for the decisions, actions and owners agreed at the review.
fn decisions(c: &mut Composer, input: &Input) {
    let w = input.words;
    const LINES: usize = 7;
    const PITCH: f32 = 22.0;
    c.heading(1, "5.", &w.t("report-section-decisions"));
    c.paragraph(BODY, &w.t("report-decisions-intro"), 0.0);
    c.gap(4.0);
    c.ensure(PITCH * LINES as f32);
    let owner_x = CONTENT_LEFT + CONTENT_WIDTH * 0.62;
    let due_x = CONTENT_LEFT + CONTENT_WIDTH * 0.82;
    let caption = Style {
        size: 7.0,
        leading: 9.0,
        ..LABEL
    };
    let top = c.y();
    let baseline = Composer::baseline(caption, top);
    c.show(CONTENT_LEFT, baseline, caption, &w.t("report-col-action"));
    c.show(owner_x + 4.0, baseline, caption, &w.t("pdf-col-owner"));
    c.show(due_x + 4.0, baseline, caption, &w.t("report-col-due"));
    let bottom = top - PITCH * LINES as f32;
    for i in 1..=LINES {
        let y = top - PITCH * i as f32;
        c.line((CONTENT_LEFT, y), (CONTENT_RIGHT, y), 0.5, 0.55);
    }
    for x in [owner_x, due_x] {
        c.line((x, top - 4.0), (x, bottom), 0.3, 0.78);
    }
    c.advance(PITCH * LINES as f32);
}

fn signatures(c: &mut Composer, input: &Input) {
    let w = input.words;
    // The heading, its sentence and the first row of blocks on one page.
    c.ensure(210.0);
    c.heading(1, "6.", &w.t("report-section-signatures"));
    c.paragraph(BODY, &w.t("report-signatures-intro"), 0.0);
    c.gap(10.0);
    kit::signature_blocks(c, input.agreement, w, input.signatories);
}
