//! `sla-studio review`, `actual` and `calendar`: the signed agreement's monthly review on the
//! command line. Exit 0 when every target with data was met, 1 when one was missed, 2 on bad input.

use std::path::PathBuf;

use sla_compliance::{Period, Review, Status};
use sla_model::{Comparator, Language, Unit};
use sla_store::DraftId;

use super::backup::open_store;
use super::{print, source, Failure, LangArg, Outcome};
use crate::reviews::{self, EnteredFigure, ImportRequest, Imported, MappingOrigin};

#[derive(clap::Args)]
pub struct ReviewArgs {
    /// The draft whose agreement is reviewed.
    id: DraftId,
    /// The period's CRM export (CSV or XLSX) to import; without it, the stored review is shown.
    #[arg(long, value_name = "FILE")]
    data: Option<PathBuf>,
    /// The column mapping (JSON: `{"columns": {...}, "measures": {...}}`); by default the one
    /// saved with the draft, else a guess from the export's header row.
    #[arg(long, value_name = "MAP.json")]
    mapping: Option<PathBuf>,
    /// The month, YYYY-MM; by default the month most of the export's leads were created in (or
    /// the latest reviewed month).
    #[arg(long, value_name = "YYYY-MM")]
    period: Option<Period>,
    /// Replace the figures a period already has from an export (they stay in its history).
    #[arg(long)]
    replace: bool,
    /// Print the mapping the import would use (as JSON, to edit and pass to --mapping) and the
    /// export's first rows; store nothing.
    #[arg(long, requires = "data")]
    show_mapping: bool,
    /// Compute the period (by default the latest) again from the leads kept for it and the
    /// draft's latest version, after its calendar or metrics changed.
    #[arg(long, conflicts_with_all = ["data", "report"])]
    recompute: bool,
    /// Write the period's review report PDF instead of printing the table.
    #[arg(long, requires = "output", conflicts_with_all = ["data", "show_mapping"])]
    report: bool,
    /// Where --report writes the PDF.
    #[arg(short, long, value_name = "REPORT.pdf")]
    output: Option<PathBuf>,
    #[arg(long)]
    json: bool,
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
}

#[derive(clap::Args)]
pub struct ActualArgs {
    /// The draft whose agreement the figure belongs to.
    id: DraftId,
    /// The metric's id (as `sla-studio show ID` prints it).
    #[arg(long)]
    metric: String,
    #[arg(long, value_name = "YYYY-MM")]
    period: Period,
    #[arg(long, allow_negative_numbers = true)]
    value: f64,
    /// Where the figure comes from and why no export gives it.
    #[arg(long)]
    note: String,
    /// Who entered it; by default the user's login name.
    #[arg(long)]
    by: Option<String>,
    #[arg(long)]
    json: bool,
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
}

#[derive(clap::Args)]
pub struct CalendarArgs {
    /// A draft id, or an agreement file (.sla.json or an exported PDF).
    source: String,
    /// Where to write the calendar (.ics).
    #[arg(short, long, value_name = "reviews.ics")]
    output: PathBuf,
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
}

pub fn review(args: ReviewArgs) -> Outcome {
    let mut store = open_store()?;
    let language = args.lang.map(Language::from);
    let mapping = match &args.mapping {
        Some(path) => Some(reviews::read_mapping_file(path)?),
        None => None,
    };
    if args.report {
        let output = args.output.expect("clap requires --output with --report");
        let (review, pdf) =
            reviews::report_pdf(&store, args.id, args.period, language, chrono::Utc::now())?;
        crate::files::write_atomically(&output, &pdf)?;
        print(&format!(
            "{} ({} bytes): review of {}\n",
            output.display(),
            pdf.len(),
            review.period
        ))?;
        return Ok(exit_code(&review));
    }
    let Some(data) = args.data else {
        let draft = store.get(args.id)?;
        let period = match args.period {
            Some(period) => period,
            None => reviews::latest_period(&store, args.id)?.ok_or_else(|| Failure {
                message: format!(
                    "draft {} has no reviewed periods yet; import one with --data FILE",
                    args.id
                ),
                code: 2,
            })?,
        };
        let language = language.unwrap_or(draft.agreement.language);
        let review = if args.recompute {
            reviews::recompute(&mut store, args.id, period, Some(language))?
        } else {
            reviews::review_period(&store, args.id, &draft.agreement, period, language)?
        };
        return show(&review, language, args.json);
    };
    if args.show_mapping {
        let (mapping, origin) = reviews::mapping_for(&store, args.id, mapping, &data)?;
        let preview = sla_crm_export::inspect(&data)?;
        if args.json {
            let json =
                serde_json::json!({ "origin": origin, "mapping": mapping, "preview": preview });
            print(&format!("{}\n", serde_json::to_string_pretty(&json)?))?;
        } else {
            eprintln!(
                "{}: {} rows; mapping {}",
                data.display(),
                preview.file.rows,
                origin_words(origin)
            );
            print(&format!("{}\n", serde_json::to_string_pretty(&mapping)?))?;
        }
        return Ok(0);
    }
    let request = ImportRequest {
        mapping,
        period: args.period,
        replace: args.replace,
        language,
    };
    match reviews::import(&mut store, args.id, &data, request)? {
        Imported::Stored {
            stored,
            origin,
            review,
        } => {
            if !args.json {
                let import = stored.import.as_ref();
                eprintln!(
                    "{}: {} rows ({}), mapping {}; stored as the review of {}",
                    data.display(),
                    import.map_or(0, |i| i.row_count),
                    import.map_or("", |i| i.format.as_str()),
                    origin_words(origin),
                    review.period
                );
            }
            let language = language.unwrap_or(store.get(args.id)?.agreement.language);
            show(&review, language, args.json)
        }
        Imported::WouldReplace {
            period,
            previous,
            changes,
        } => {
            let file = previous
                .import
                .as_ref()
                .map_or("", |i| i.file_name.as_str());
            let listed = reviews::changes_in_words(&changes);
            Err(Failure {
                message: format!(
                    "{period} already has figures from {file} (computed {}); importing {} would change them: {listed}. Nothing was stored: run again with --replace to replace them (the earlier figures stay in the period's history)",
                    reviews::plain_time(&previous.computed_at),
                    data.display()
                ),
                code: 2,
            })
        }
    }
}

pub fn actual(args: ActualArgs) -> Outcome {
    let mut store = open_store()?;
    let entered_by = args
        .by
        .or_else(|| std::env::var("USER").ok())
        .or_else(|| std::env::var("USERNAME").ok())
        .unwrap_or_default();
    let figure = EnteredFigure {
        metric_id: args.metric,
        period: args.period,
        value: args.value,
        entered_by,
        note: args.note,
    };
    let language = args.lang.map(Language::from);
    let review = reviews::enter_figure(&mut store, args.id, &figure, language)?;
    let language = language.unwrap_or(store.get(args.id)?.agreement.language);
    show(&review, language, args.json)
}

pub fn calendar(args: CalendarArgs) -> Outcome {
    let loaded = source::load(&args.source)?;
    let options = sla_review_calendar::CalendarOptions {
        now: chrono::Utc::now(),
        language: args.lang.map(Into::into),
    };
    let text = sla_review_calendar::review_calendar(&loaded.agreement, &options)?;
    crate::files::write_atomically(&args.output, text.as_bytes())?;
    let events = text.matches("BEGIN:VEVENT").count();
    print(&format!(
        "{} ({} review meeting entries)\n",
        args.output.display(),
        events
    ))?;
    Ok(0)
}

fn exit_code(review: &Review) -> i32 {
    if review.count(Status::Missed) > 0 {
        1
    } else {
        0
    }
}

fn origin_words(origin: MappingOrigin) -> &'static str {
    match origin {
        MappingOrigin::Given => "as given",
        MappingOrigin::Saved => "saved with the draft",
        MappingOrigin::Guessed => "guessed from the header row (check it with --show-mapping)",
    }
}

/// Prints the review as a table (or JSON) and returns its exit code.
fn show(review: &Review, language: Language, json: bool) -> Outcome {
    if json {
        print(&format!("{}\n", serde_json::to_string_pretty(review)?))?;
        return Ok(exit_code(review));
    }
    let w = Words::of(language);
    let mut rows = vec![[
        w.metric.to_string(),
        w.actual.to_string(),
        w.target.to_string(),
        w.status.to_string(),
        w.achieved.to_string(),
        w.in_a_row.to_string(),
    ]];
    for m in &review.metrics {
        rows.push([
            format!("{} {}", m.metric_id, m.name),
            m.actual
                .map_or("—".into(), |a| with_unit(a, m.unit, language)),
            format!(
                "{} {}",
                comparator(m.comparator),
                with_unit(m.target, m.unit, language)
            ),
            match m.status {
                Status::Met => w.met,
                Status::Missed => w.missed,
                Status::NoData => w.no_data,
            }
            .to_string(),
            m.achieved_percent
                .map_or("—".into(), |p| format!("{} %", number(p))),
            if m.misses_in_a_row > 0 {
                m.misses_in_a_row.to_string()
            } else {
                String::new()
            },
        ]);
    }
    let widths: Vec<usize> = (0..6)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = format!(
        "{} {} ({} {}): {} {}, {} {}, {} {}\n\n",
        w.review_of,
        review.period,
        w.due,
        review.review_date,
        review.count(Status::Met),
        w.met,
        review.count(Status::Missed),
        w.missed,
        review.count(Status::NoData),
        w.no_data
    );
    for row in &rows {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, width)| format!("{cell}{}", " ".repeat(width - cell.chars().count())))
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    if !review.fired.is_empty() {
        out.push_str(&format!("\n{}\n", w.fired));
        for f in &review.fired {
            let who = if f.escalate_to.is_empty() {
                String::new()
            } else {
                format!(" {} {}.", w.tell, f.escalate_to)
            };
            out.push_str(&format!(
                "- {}\n  {}.{who} {} {}.\n",
                f.action,
                f.reason.trim_end_matches('.'),
                w.due_by,
                f.due
            ));
        }
    }
    if !review.adjustments.is_empty() {
        out.push_str(&format!("\n{}\n", w.adjustments));
        for a in &review.adjustments {
            out.push_str(&format!(
                "- {}: {:+.1} % ({} {:+.1} %{}), {} {:+.1} %\n",
                a.adjustment_id,
                a.applied_percent,
                w.tier,
                a.tier_percent,
                match a.capped_by {
                    Some(sla_compliance::Cap::Month) => w.month_cap,
                    Some(sla_compliance::Cap::Year) => w.year_cap,
                    None => "",
                },
                w.year_total,
                a.year_total_percent
            ));
        }
    }
    print(&out)?;
    Ok(exit_code(review))
}

fn comparator(c: Comparator) -> &'static str {
    match c {
        Comparator::AtLeast => "≥",
        Comparator::AtMost => "≤",
        Comparator::Exactly => "=",
    }
}

fn number(value: f64) -> String {
    reviews::plain_number(value)
}

fn with_unit(value: f64, unit: Unit, language: Language) -> String {
    let ru = language == Language::Ru;
    let suffix = match unit {
        Unit::Count => "",
        Unit::Percent => " %",
        Unit::Minutes => {
            if ru {
                " мин"
            } else {
                " min"
            }
        }
        Unit::Hours => {
            if ru {
                " ч"
            } else {
                " h"
            }
        }
        Unit::BusinessHours => {
            if ru {
                " раб. ч"
            } else {
                " business h"
            }
        }
        Unit::Days => {
            if ru {
                " дн."
            } else {
                " days"
            }
        }
        Unit::Money => "",
    };
    format!("{}{suffix}", number(value))
}

struct Words {
    review_of: &'static str,
    due: &'static str,
    due_by: &'static str,
    tell: &'static str,
    metric: &'static str,
    actual: &'static str,
    target: &'static str,
    status: &'static str,
    achieved: &'static str,
    in_a_row: &'static str,
    met: &'static str,
    missed: &'static str,
    no_data: &'static str,
    fired: &'static str,
    adjustments: &'static str,
    tier: &'static str,
    month_cap: &'static str,
    year_cap: &'static str,
    year_total: &'static str,
}

impl Words {
    fn of(language: Language) -> Words {
        match language {
            Language::En => Words {
                review_of: "Review of",
                due: "due",
                due_by: "Due by",
                tell: "Tell:",
                metric: "Metric",
                actual: "Actual",
                target: "Target",
                status: "Status",
                achieved: "Of target",
                in_a_row: "Misses in a row",
                met: "met",
                missed: "missed",
                no_data: "no data",
                fired: "What the agreement says must happen:",
                adjustments: "Adjustments:",
                tier: "tier",
                month_cap: ", cut by the monthly cap",
                year_cap: ", cut by the yearly cap",
                year_total: "year to date",
            },
            Language::Ru => Words {
                review_of: "Обзор за",
                due: "срок",
                due_by: "Срок:",
                tell: "Сообщить:",
                metric: "Показатель",
                actual: "Факт",
                target: "Цель",
                status: "Статус",
                achieved: "От цели",
                in_a_row: "Промахов подряд",
                met: "выполнено",
                missed: "не выполнено",
                no_data: "нет данных",
                fired: "Что должно произойти по соглашению:",
                adjustments: "Корректировки:",
                tier: "ступень",
                month_cap: ", урезано месячным пределом",
                year_cap: ", урезано годовым пределом",
                year_total: "с начала года",
            },
        }
    }
}
