//! Each change as a sentence, in English and Russian, with the clause numbers, dates, numbers,
//! units and enum words of the agreement PDF (`sla_pdf::kit`); the sentences' own words are in
//! `compare.ftl`.
//!
//! Where a change is comes from the version it is in: the new version's clause numbers and names
//! for what it has, the old version's for what it removed.

use serde::de::DeserializeOwned;
use serde_json::Value;
use sla_i18n::Arg;
use sla_model::{
    AdjustmentKind, Agreement, Cadence, Collection, Comparator, DeadlineCategory, Duration,
    Language, MetricKind, Renewal, Scope, Side, TimeBasis, Trigger, Unit, Window,
};
use sla_pdf::kit::{clauses, Case, Clauses, Words};

use crate::diff::Raw;
use crate::merge::ConflictKind;
use crate::path::{item_text, position, ItemKey, Seg};
use crate::{ChangeKind, Text};

/// The two versions a comparison is between.
pub(crate) struct Versions<'a> {
    pub(crate) old: &'a Agreement,
    pub(crate) new: &'a Agreement,
}

/// The change's subject and sentence in both languages.
pub(crate) fn describe(versions: &Versions, raw: &Raw) -> (Text, Text) {
    let [(subject_en, text_en), (subject_ru, text_ru)] =
        [Language::En, Language::Ru].map(|language| Say::new(language, versions).describe(raw));
    (
        Text {
            en: subject_en,
            ru: subject_ru,
        },
        Text {
            en: text_en,
            ru: text_ru,
        },
    )
}

/// A conflict's sentence about `subject`.
pub(crate) fn conflict(kind: ConflictKind, subject: &Text) -> Text {
    let id = match kind {
        ConflictKind::BothChanged => "compare-conflict-both",
        ConflictKind::RemovedAndChanged => "compare-conflict-removed",
    };
    let say = |language: Language, subject: &str| {
        Words::of(language).f(id, &[("subject", subject.into())])
    };
    Text {
        en: say(Language::En, &subject.en),
        ru: say(Language::Ru, &subject.ru),
    }
}

/// How a field's values are written.
#[derive(Clone, Copy)]
enum Form {
    /// Typed text, quoted.
    Text,
    /// Long typed text: only said to be reworded; both values are in the change.
    Long,
    /// As written: names, e-mails, times, time zones.
    Plain,
    Side,
    Date,
    Months,
    Renewal,
    Language,
    MetricKind,
    Unit,
    Comparator,
    Window,
    Collection,
    Cadence,
    Basis,
    Workdays,
    Category,
    Duration,
    AfterDays,
    Scope,
    When,
    AdjustmentKind,
    Percent,
    Number,
    /// A metric's target, with its unit and the period it is counted over.
    Target,
}

/// Where a field is, what it is called and how its values are written.
struct Field {
    place: String,
    label: Option<&'static str>,
    form: Form,
}

struct Say<'a> {
    w: &'static Words,
    language: Language,
    versions: &'a Versions<'a>,
}

fn parse<T: DeserializeOwned>(value: &Value) -> Option<T> {
    T::deserialize(value).ok()
}

fn lower_first(text: String) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().collect::<String>() + chars.as_str(),
        None => text,
    }
}

fn upper_first(text: String) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
        None => text,
    }
}

fn join(clause: &str, name: &str) -> String {
    if name.trim().is_empty() {
        clause.to_string()
    } else {
        format!("{clause} {name}")
    }
}

impl<'a> Say<'a> {
    fn new(language: Language, versions: &'a Versions<'a>) -> Say<'a> {
        Say {
            w: Words::of(language),
            language,
            versions,
        }
    }

    fn t(&self, id: &str) -> String {
        self.w.t(id)
    }

    fn quote(&self, text: &str) -> String {
        if text.trim().is_empty() {
            return self.t("pdf-empty");
        }
        match self.language {
            Language::En => format!("“{text}”"),
            Language::Ru => format!("«{text}»"),
        }
    }

    /// The version a change's place is named from.
    fn version(&self, kind: ChangeKind) -> &'a Agreement {
        match kind {
            ChangeKind::Removed => self.versions.old,
            _ => self.versions.new,
        }
    }

    fn describe(&self, raw: &Raw) -> (String, String) {
        let (subject, text) = match raw.kind {
            ChangeKind::Moved => {
                let what = self.order_of(&raw.path);
                let text = self
                    .w
                    .f("compare-reordered", &[("what", what.clone().into())]);
                (what, text)
            }
            ChangeKind::Added | ChangeKind::Removed => {
                let agreement = self.version(raw.kind);
                let item = raw.new.as_ref().or(raw.old.as_ref());
                self.item(&raw.path, agreement, item, raw.kind == ChangeKind::Added)
            }
            ChangeKind::Changed => self.changed(raw),
        };
        (upper_first(subject), upper_first(text))
    }

    fn changed(&self, raw: &Raw) -> (String, String) {
        let null = Value::Null;
        let old = raw.old.as_ref().unwrap_or(&null);
        let new = raw.new.as_ref().unwrap_or(&null);
        let Some(field) = self.field(&raw.path) else {
            let place = crate::path::key_text(&raw.path);
            let text = self.w.f(
                "compare-changed-unlabelled",
                &[
                    ("where", place.clone().into()),
                    ("old", old.to_string().into()),
                    ("new", new.to_string().into()),
                ],
            );
            return (place, text);
        };
        let label = field.label.map(|id| self.t(id));
        let subject = match &label {
            Some(label) => self.w.f(
                "compare-subject-field",
                &[
                    ("where", field.place.clone().into()),
                    ("label", label.clone().into()),
                ],
            ),
            None => field.place.clone(),
        };
        let text = if let Form::Long = field.form {
            match &label {
                Some(label) => self.w.f(
                    "compare-reworded",
                    &[
                        ("where", field.place.into()),
                        ("label", label.clone().into()),
                    ],
                ),
                None => self.w.f(
                    "compare-reworded-unlabelled",
                    &[("where", field.place.into())],
                ),
            }
        } else {
            let old_text = self.value(field.form, old, &raw.path, self.versions.old);
            let new_text = self.value(field.form, new, &raw.path, self.versions.new);
            // A target reads "100 → 120 a month": the period once, when both versions count the
            // same one.
            let (old, new) = match (field.form, self.per_of(&raw.path)) {
                (Form::Target, (Some(before), Some(after))) if before == after => {
                    let number = |v: &Value, a| self.target(v, &raw.path, a, false);
                    (
                        number(old, self.versions.old).unwrap_or(old_text),
                        number(new, self.versions.new)
                            .map(|n| format!("{n} {}", self.per(after)))
                            .unwrap_or(new_text),
                    )
                }
                _ => (old_text, new_text),
            };
            let mut args = vec![
                ("where", field.place.into()),
                ("old", old.into()),
                ("new", new.into()),
            ];
            match label {
                Some(label) => {
                    args.push(("label", label.into()));
                    self.w.f("compare-changed", &args)
                }
                None => self.w.f("compare-changed-unlabelled", &args),
            }
        };
        (subject, text)
    }

    // --- Places -----------------------------------------------------------------------------

    fn commitment(&self, agreement: &Agreement, key: &ItemKey) -> Option<usize> {
        position(&agreement.commitments, key, |c| c.id.clone())
    }

    fn metric(&self, agreement: &Agreement, c: &ItemKey, m: &ItemKey) -> Option<(usize, usize)> {
        let i = self.commitment(agreement, c)?;
        let j = position(&agreement.commitments[i].metrics, m, |m| m.id.clone())?;
        Some((i, j))
    }

    fn side_word(&self, side: &str) -> String {
        match side {
            "marketing" => self.w.side(Side::Marketing),
            "sales" => self.w.side(Side::Sales),
            other => other.to_string(),
        }
    }

    fn signatory(&self, key: &ItemKey) -> String {
        let who = match key.id.as_str() {
            "marketing" => self.t("compare-signatory-marketing"),
            "sales" => self.t("compare-signatory-sales"),
            other => other.to_string(),
        };
        if key.nth > 1 {
            self.w.f(
                "compare-nth",
                &[("what", who.into()), ("nth", (key.nth as usize).into())],
            )
        } else {
            who
        }
    }

    fn step_place(&self, agreement: &Agreement, key: &ItemKey) -> String {
        let step = position(&agreement.consequences.escalation, key, |s| {
            s.escalate_to.clone()
        });
        self.w.f(
            "compare-step",
            &[
                ("clause", clauses::ESCALATION.into()),
                (
                    "step",
                    step.map_or_else(|| "?".into(), clauses::escalation_step)
                        .into(),
                ),
                ("name", key.id.clone().into()),
            ],
        )
    }

    fn rule_clause(&self, agreement: &Agreement, key: &ItemKey) -> String {
        match position(&agreement.deadlines.rules, key, |r| r.id.clone()) {
            Some(i) => format!("5.2.{}", i + 1),
            None => "5.2".into(),
        }
    }

    fn tier_place(&self, agreement: &Agreement, a: &ItemKey, tier: &ItemKey) -> String {
        let clause = self.adjustment_clause(agreement, a);
        let percent = tier.id.parse::<f64>().unwrap_or(f64::NAN);
        let below = self.w.f(
            "pdf-achieved-below",
            &[("percent", self.w.percent(percent).into())],
        );
        join(&clause, &below)
    }

    fn adjustment_clause(&self, agreement: &Agreement, key: &ItemKey) -> String {
        position(&agreement.consequences.adjustments, key, |a| a.id.clone())
            .map_or_else(|| clauses::ADJUSTMENTS.to_string(), clauses::adjustment)
    }

    /// Where a field is and how it reads, by its path; `None` for a field this module does not
    /// know (it then reads as its key and JSON values).
    fn field(&self, path: &[Seg]) -> Option<Field> {
        use Form::*;
        use Seg::{Field as F, Item as I};
        let new = self.versions.new;
        let field = |place: String, label: Option<&'static str>, form: Form| {
            Some(Field { place, label, form })
        };
        match path {
            [F("schema_version")] => field(self.t("compare-schema-version"), None, Number),
            [F("id")] => field(self.t("compare-agreement-id"), None, Plain),
            [F("title")] => field(self.t("compare-title"), None, Text),
            [F("language")] => field(self.t("compare-language"), None, Language),
            [F("notes")] => field(format!("7. {}", self.t("pdf-section-notes")), None, Long),
            [F("parties"), F(side), rest @ ..] => {
                let place = format!("1.1 {}", self.side_word(side));
                let (label, form) = match rest {
                    [F("department")] => ("compare-label-department", Text),
                    [F("head"), F("name")] => ("compare-label-head", Plain),
                    [F("head"), F("role")] => ("compare-label-head-role", Text),
                    [F("head"), F("email")] => ("compare-label-head-email", Plain),
                    _ => return None,
                };
                field(place, Some(label), form)
            }
            [F("term"), F(name)] => {
                let place = format!("1.2 {}", self.t("pdf-sub-term"));
                let (label, form) = match *name {
                    "effective_date" => ("compare-label-effective-date", Date),
                    "duration_months" => ("compare-label-duration", Months),
                    "renewal" => ("compare-label-renewal", Renewal),
                    _ => return None,
                };
                field(place, Some(label), form)
            }
            [F("commitments"), I(c), F(name)] => {
                let i = self.commitment(new, c);
                let clause = i.map_or_else(|| "2.".to_string(), clauses::commitment);
                let service = i.map(|i| new.commitments[i].service.as_str()).unwrap_or("");
                match *name {
                    "provider" => {
                        field(join(&clause, service), Some("compare-label-provider"), Side)
                    }
                    "service" => field(clause, Some("compare-label-service"), Text),
                    "description" => field(
                        join(&clause, service),
                        Some("compare-label-description"),
                        Long,
                    ),
                    _ => None,
                }
            }
            [F("commitments"), I(c), F("metrics"), I(m), F(name)] => {
                let at = self.metric(new, c, m);
                let clause = at.map_or_else(|| "3.".to_string(), |(i, j)| clauses::metric(i, j));
                let place = match at {
                    Some((i, j)) => join(&clause, &new.commitments[i].metrics[j].name),
                    None => clause.clone(),
                };
                let (label, form) = match *name {
                    "name" => return field(clause, Some("compare-label-name"), Text),
                    "definition" => ("compare-label-definition", Long),
                    "kind" => ("compare-label-kind", MetricKind),
                    "flow" => ("compare-label-flow", Text),
                    "unit" => ("compare-label-unit", Unit),
                    "comparator" => ("compare-label-comparator", Comparator),
                    "target" => ("compare-label-target", Target),
                    "window" => ("compare-label-window", Window),
                    "data_source" => ("compare-label-data-source", Text),
                    "collection" => ("compare-label-collection", Collection),
                    "owner" => ("compare-label-owner", Side),
                    _ => return None,
                };
                field(place, Some(label), form)
            }
            [F("plan"), rest @ ..] => {
                let place = format!(
                    "{} {}",
                    clauses::plan(new.commitments.len()),
                    self.t("pdf-sub-plan")
                );
                let (label, form) = match rest {
                    [F("sales_reps")] => ("pdf-plan-reps", Number),
                    [F("rep_hours_per_month")] => ("pdf-plan-hours", Number),
                    [F("attempts_per_lead")] => ("pdf-plan-attempts", Number),
                    [F("minutes_per_attempt")] => ("pdf-plan-minutes", Number),
                    [F("after_hours_share_percent")] => ("pdf-plan-after-hours", Number),
                    [F("source")] => ("compare-label-plan-source", Long),
                    [F("funnel"), I(_), F("name")] => ("pdf-col-stage", Text),
                    [F("funnel"), I(_), F("conversion_percent")] => ("pdf-col-conversion", Number),
                    _ => return None,
                };
                field(place, Some(label), form)
            }
            [F("monitoring"), F("data_collection")] => field(
                format!("4.1 {}", self.t("pdf-sub-data-collection")),
                None,
                Long,
            ),
            [F("monitoring"), F("data_processing")] => field(
                format!("4.2 {}", self.t("pdf-sub-data-processing")),
                None,
                Long,
            ),
            [F("monitoring"), F("review_cadence")] => field(
                format!("4.4 {}", self.t("pdf-sub-review")),
                Some("compare-label-review-cadence"),
                Cadence,
            ),
            [F("monitoring"), F("reports"), I(r), F(name)] => {
                let place = join("4.3", &r.id);
                let (label, form) = match *name {
                    "contents" => ("compare-label-contents", Long),
                    "owner" => ("compare-label-prepared-by", Text),
                    "frequency" => ("compare-label-frequency", Cadence),
                    _ => return None,
                };
                field(place, Some(label), form)
            }
            [F("deadlines"), F("basis")] => field(
                format!("5.1 {}", self.t("pdf-sub-calendar")),
                Some("compare-label-basis"),
                Basis,
            ),
            [F("deadlines"), F("calendar"), F(name)] => {
                let place = format!("5.1 {}", self.t("pdf-sub-calendar"));
                let (label, form) = match *name {
                    "timezone" => ("compare-label-timezone", Plain),
                    "workdays" => ("compare-label-workdays", Workdays),
                    "day_start" => ("compare-label-day-start", Plain),
                    "day_end" => ("compare-label-day-end", Plain),
                    _ => return None,
                };
                field(place, Some(label), form)
            }
            [F("deadlines"), F("rules"), I(r), F(name)] => {
                let clause = self.rule_clause(new, r);
                let applies_to = position(&new.deadlines.rules, r, |r| r.id.clone())
                    .map(|i| self.quote(&new.deadlines.rules[i].applies_to))
                    .unwrap_or_default();
                let place = join(&clause, &applies_to);
                let (label, form) = match *name {
                    "applies_to" => return field(clause, Some("compare-label-applies-to"), Text),
                    "category" => return field(place, None, Category),
                    "owner" => ("compare-label-owner", Side),
                    "response" => ("compare-label-response", Duration),
                    "resolution" => ("compare-label-resolution", Duration),
                    _ => return None,
                };
                field(place, Some(label), form)
            }
            [F("consequences"), F("escalation"), I(s), F(name)] => {
                let place = self.step_place(new, s);
                let (label, form) = match *name {
                    "trigger" => ("compare-label-trigger", Long),
                    "after_days" => ("compare-label-after", AfterDays),
                    "action" => ("compare-label-action", Long),
                    "scope" => ("compare-label-scope", Scope),
                    "when" => ("compare-label-when", When),
                    _ => return None,
                };
                field(place, Some(label), form)
            }
            [F("consequences"), F("remedies"), I(r), F(name)] => {
                let clause = position(&new.consequences.remedies, r, |r| r.id.clone())
                    .map_or_else(|| clauses::REMEDIES.to_string(), clauses::remedy);
                let place = self.w.f("compare-remedy", &[("clause", clause.into())]);
                let (label, form) = match *name {
                    "scope" => ("compare-label-scope", Scope),
                    "trigger" => ("compare-label-trigger", Long),
                    "action" => ("compare-label-action", Long),
                    "when" => ("compare-label-when", When),
                    _ => return None,
                };
                field(place, Some(label), form)
            }
            [F("consequences"), F("adjustments"), I(a), F(name)] => {
                let clause = self.adjustment_clause(new, a);
                let place = self.w.f("compare-adjustment", &[("clause", clause.into())]);
                let (label, form) = match *name {
                    "kind" => ("compare-label-kind", AdjustmentKind),
                    "scope" => ("compare-label-scope", Scope),
                    "cap_per_month_percent" => ("compare-label-cap-month", Percent),
                    "cap_per_year_percent" => ("compare-label-cap-year", Percent),
                    _ => return None,
                };
                field(place, Some(label), form)
            }
            [F("consequences"), F("adjustments"), I(a), F("tiers"), I(tier), F("adjustment_percent")] => {
                field(
                    self.tier_place(new, a, tier),
                    Some("compare-label-adjustment"),
                    Percent,
                )
            }
            [F("signatories"), I(s), F(name)] => {
                let place = format!("8. {}", self.signatory(s));
                match *name {
                    "name" => field(place, None, Plain),
                    "role" => field(place, Some("compare-label-role"), Text),
                    "email" => field(place, Some("compare-label-email"), Plain),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// A reordered list: "3.1 order of metrics".
    fn order_of(&self, path: &[Seg]) -> String {
        use Seg::{Field as F, Item as I};
        let new = self.versions.new;
        let (id, clause) = match path {
            [F("term"), F("review_dates")] => ("compare-order-review-dates", "1.2".to_string()),
            [F("commitments")] => ("compare-order-services", "2.".to_string()),
            [F("commitments"), I(c), F("metrics")] => (
                "compare-order-metrics",
                self.commitment(new, c)
                    .map_or_else(|| "3.".to_string(), clauses::performance),
            ),
            [F("monitoring"), F("reports")] => ("compare-order-reports", "4.3".to_string()),
            [F("monitoring"), F("reviewers")] => ("compare-order-participants", "4.4".to_string()),
            [F("deadlines"), F("calendar"), F("holidays")] => {
                ("compare-order-holidays", "5.1".to_string())
            }
            [F("deadlines"), F("rules")] => ("compare-order-deadlines", "5.2".to_string()),
            [F("consequences"), F("escalation")] => {
                ("compare-order-steps", clauses::ESCALATION.to_string())
            }
            [F("consequences"), F("remedies")] => {
                ("compare-order-remedies", clauses::REMEDIES.to_string())
            }
            [F("consequences"), F("adjustments")] => (
                "compare-order-adjustments",
                clauses::ADJUSTMENTS.to_string(),
            ),
            [F("consequences"), F("adjustments"), I(a), F("tiers")] => {
                ("compare-order-tiers", self.adjustment_clause(new, a))
            }
            [F("signatories")] => ("compare-order-signatories", "8.".to_string()),
            _ => return crate::path::key_text(path),
        };
        self.w.f(id, &[("clause", clause.into())])
    }

    /// An item added or removed: its place (the subject) and the sentence.
    fn item(
        &self,
        path: &[Seg],
        agreement: &Agreement,
        value: Option<&Value>,
        added: bool,
    ) -> (String, String) {
        use Seg::{Field as F, Item as I};
        let verb = if added {
            "compare-added-"
        } else {
            "compare-removed-"
        };
        let say = |noun: &str, args: Vec<(&str, Arg)>| self.w.f(&format!("{verb}{noun}"), &args);
        let date = |value: Option<&Value>| {
            value
                .and_then(parse::<chrono::NaiveDate>)
                .map(|d| self.w.date(d))
                .unwrap_or_default()
        };
        match path {
            [F("term"), F("review_dates"), I(_)] => {
                let date = date(value);
                let place = self.w.f(
                    "compare-review-date",
                    &[("clause", "1.2".into()), ("date", date.clone().into())],
                );
                let text = say(
                    "review-date",
                    vec![("clause", "1.2".into()), ("date", date.into())],
                );
                (place, text)
            }
            [F("commitments"), I(c)] => {
                let i = self.commitment(agreement, c);
                let clause = i.map_or_else(|| "2.".to_string(), clauses::commitment);
                let service = i
                    .map(|i| agreement.commitments[i].service.clone())
                    .unwrap_or_default();
                let text = say(
                    "service",
                    vec![
                        ("clause", clause.clone().into()),
                        ("name", self.quote(&service).into()),
                    ],
                );
                (join(&clause, &service), text)
            }
            [F("commitments"), I(c), F("metrics"), I(m)] => {
                let Some((i, j)) = self.metric(agreement, c, m) else {
                    return self.unknown_item(path, added);
                };
                let metric = &agreement.commitments[i].metrics[j];
                let clause = clauses::metric(i, j);
                let mut args = vec![
                    ("clause", clause.clone().into()),
                    ("name", self.quote(&metric.name).into()),
                ];
                if added {
                    let target = format!(
                        "{} {}",
                        self.w.target(metric.comparator, metric.target, metric.unit),
                        self.per(metric.window)
                    );
                    args.push(("target", target.into()));
                }
                (join(&clause, &metric.name), say("metric", args))
            }
            [F("monitoring"), F("reports"), I(r)] => {
                let text = say(
                    "report",
                    vec![("clause", "4.3".into()), ("name", self.quote(&r.id).into())],
                );
                (join("4.3", &r.id), text)
            }
            [F("monitoring"), F("reviewers"), I(r)] => {
                let name = self.quote(&r.id);
                let place = self.w.f(
                    "compare-participant",
                    &[("clause", "4.4".into()), ("name", name.clone().into())],
                );
                let text = say(
                    "participant",
                    vec![("clause", "4.4".into()), ("name", name.into())],
                );
                (place, text)
            }
            [F("deadlines"), F("calendar"), F("holidays"), I(_)] => {
                let date = date(value);
                let place = self.w.f(
                    "compare-holiday",
                    &[("clause", "5.1".into()), ("date", date.clone().into())],
                );
                let text = say(
                    "holiday",
                    vec![("clause", "5.1".into()), ("date", date.into())],
                );
                (place, text)
            }
            [F("deadlines"), F("rules"), I(r)] => {
                let clause = self.rule_clause(agreement, r);
                let applies_to = position(&agreement.deadlines.rules, r, |r| r.id.clone())
                    .map(|i| self.quote(&agreement.deadlines.rules[i].applies_to))
                    .unwrap_or_default();
                let text = say(
                    "deadline",
                    vec![
                        ("clause", clause.clone().into()),
                        ("name", applies_to.clone().into()),
                    ],
                );
                (join(&clause, &applies_to), text)
            }
            [F("consequences"), F("escalation"), I(s)] => {
                let step = position(&agreement.consequences.escalation, s, |s| {
                    s.escalate_to.clone()
                })
                .map_or_else(|| "?".to_string(), clauses::escalation_step);
                let text = say(
                    "step",
                    vec![
                        ("clause", clauses::ESCALATION.into()),
                        ("step", step.into()),
                        ("name", self.quote(&s.id).into()),
                    ],
                );
                (self.step_place(agreement, s), text)
            }
            [F("consequences"), F("remedies"), I(r)] => {
                let i = position(&agreement.consequences.remedies, r, |r| r.id.clone());
                let clause = i.map_or_else(|| clauses::REMEDIES.to_string(), clauses::remedy);
                let trigger = i
                    .map(|i| agreement.consequences.remedies[i].trigger.clone())
                    .unwrap_or_default();
                let text = say(
                    "remedy",
                    vec![
                        ("clause", clause.clone().into()),
                        ("name", self.quote(&trigger).into()),
                    ],
                );
                let place = self.w.f("compare-remedy", &[("clause", clause.into())]);
                (place, text)
            }
            [F("consequences"), F("adjustments"), I(a)] => {
                let i = position(&agreement.consequences.adjustments, a, |a| a.id.clone());
                let clause = self.adjustment_clause(agreement, a);
                let name = i
                    .map(|i| {
                        let adjustment = &agreement.consequences.adjustments[i];
                        let kind = match adjustment.kind {
                            AdjustmentKind::Bonus => "pdf-adjustment-kind-bonus",
                            AdjustmentKind::Budget => "pdf-adjustment-kind-budget",
                        };
                        self.w.f(
                            "pdf-adjustment-heading",
                            &[
                                ("kind", self.t(kind).into()),
                                ("scope", self.scope(&adjustment.scope, agreement).into()),
                            ],
                        )
                    })
                    .unwrap_or_default();
                let text = say(
                    "adjustment",
                    vec![("clause", clause.clone().into()), ("name", name.into())],
                );
                let place = self.w.f("compare-adjustment", &[("clause", clause.into())]);
                (place, text)
            }
            [F("consequences"), F("adjustments"), I(a), F("tiers"), I(tier)] => {
                let clause = self.adjustment_clause(agreement, a);
                let place = self.tier_place(agreement, a, tier);
                let below = self.w.f(
                    "pdf-achieved-below",
                    &[(
                        "percent",
                        self.w.percent(tier.id.parse().unwrap_or(f64::NAN)).into(),
                    )],
                );
                let adjustment = value
                    .and_then(|v| v.get("adjustment_percent"))
                    .and_then(Value::as_f64)
                    .map(|p| self.w.percent(p))
                    .unwrap_or_default();
                let text = say(
                    "tier",
                    vec![
                        ("clause", clause.into()),
                        ("name", format!("{below}: {adjustment}").into()),
                    ],
                );
                (place, text)
            }
            [F("signatories"), I(s)] => {
                let who = self.signatory(s);
                let signatory = position(&agreement.signatories, s, |x| {
                    match x.side {
                        Side::Marketing => "marketing",
                        Side::Sales => "sales",
                    }
                    .to_string()
                })
                .map(|i| &agreement.signatories[i]);
                let name = signatory
                    .map(|s| {
                        [s.name.trim(), s.role.trim()]
                            .into_iter()
                            .filter(|x| !x.is_empty())
                            .collect::<Vec<_>>()
                            .join(", ")
                    })
                    .unwrap_or_default();
                let text = say(
                    "signatory",
                    vec![
                        ("clause", "8.".into()),
                        ("who", who.clone().into()),
                        ("name", self.w.or_dash(&name).into()),
                    ],
                );
                (format!("8. {who}"), text)
            }
            _ => self.unknown_item(path, added),
        }
    }

    /// An item of a list this module does not know: its key and what happened.
    fn unknown_item(&self, path: &[Seg], added: bool) -> (String, String) {
        let place = crate::path::key_text(path);
        let (list, what) = match path.split_last() {
            Some((Seg::Item(key), list)) => (crate::path::key_text(list), item_text(key)),
            _ => (place.clone(), String::new()),
        };
        let id = if added {
            "compare-added-item"
        } else {
            "compare-removed-item"
        };
        let text = self
            .w
            .f(id, &[("where", list.into()), ("what", what.into())]);
        (place, text)
    }

    // --- Values -----------------------------------------------------------------------------

    /// "a month" / "за месяц": the period a target is counted over.
    fn per(&self, window: Window) -> String {
        self.t(match window {
            Window::Day => "compare-per-day",
            Window::Week => "compare-per-week",
            Window::Month => "compare-per-month",
            Window::Quarter => "compare-per-quarter",
            Window::Year => "compare-per-year",
        })
    }

    fn scope(&self, scope: &Scope, agreement: &Agreement) -> String {
        let clauses = Clauses::of(agreement);
        match scope {
            Scope::Agreement => self.t("pdf-scope-agreement"),
            Scope::Commitment(id) => match agreement.commitments.iter().position(|c| &c.id == id) {
                Some(i) => self.w.f(
                    "pdf-scope-commitment",
                    &[
                        ("number", clauses::commitment(i).into()),
                        ("name", agreement.commitments[i].service.clone().into()),
                    ],
                ),
                None => self.w.f("pdf-scope-unknown", &[("id", id.clone().into())]),
            },
            Scope::Metric(id) => match (
                clauses.metric(id),
                agreement.metrics().find(|(_, m)| &m.id == id),
            ) {
                (Some(number), Some((_, m))) => self.w.f(
                    "pdf-scope-metric",
                    &[("number", number.into()), ("name", m.name.clone().into())],
                ),
                _ => self.w.f("pdf-scope-unknown", &[("id", id.clone().into())]),
            },
        }
    }

    /// One value of a field, in words; `agreement` is the version it comes from.
    fn value(&self, form: Form, value: &Value, path: &[Seg], agreement: &Agreement) -> String {
        let text = self.value_in_words(form, value, path, agreement);
        text.unwrap_or_else(|| match value {
            Value::Null => self.t("pdf-empty"),
            Value::String(s) => self.w.or_dash(s),
            other => other.to_string(),
        })
    }

    fn value_in_words(
        &self,
        form: Form,
        value: &Value,
        path: &[Seg],
        agreement: &Agreement,
    ) -> Option<String> {
        let w = self.w;
        Some(match form {
            Form::Text => self.quote(value.as_str()?),
            Form::Long | Form::Plain => w.or_dash(value.as_str()?),
            Form::Side => w.side(parse::<Side>(value)?),
            Form::Date => w.date(parse(value)?),
            Form::Months => w.f(
                "compare-months",
                &[("months", (value.as_u64()? as usize).into())],
            ),
            Form::Renewal => self.t(match parse::<Renewal>(value)? {
                Renewal::None => "compare-renewal-none",
                Renewal::Automatic => "compare-renewal-automatic",
                Renewal::ByAgreement => "compare-renewal-by_agreement",
            }),
            Form::Language => self.t(match parse::<Language>(value)? {
                Language::En => "compare-language-en",
                Language::Ru => "compare-language-ru",
            }),
            Form::MetricKind => self.t(match parse::<MetricKind>(value)? {
                MetricKind::Volume => "pdf-kind-volume",
                MetricKind::Quality => "pdf-kind-quality",
                MetricKind::Speed => "pdf-kind-speed",
                MetricKind::Reliability => "pdf-kind-reliability",
            }),
            Form::Unit => self.t(match parse::<Unit>(value)? {
                Unit::Count => "compare-unit-count",
                Unit::Percent => "compare-unit-percent",
                Unit::Minutes => "compare-unit-minutes",
                Unit::Hours => "compare-unit-hours",
                Unit::BusinessHours => "compare-unit-business_hours",
                Unit::Days => "compare-unit-days",
                Unit::Money => "compare-unit-money",
            }),
            Form::Comparator => self.t(match parse::<Comparator>(value)? {
                Comparator::AtLeast => "compare-comparator-at_least",
                Comparator::AtMost => "compare-comparator-at_most",
                Comparator::Exactly => "compare-comparator-exactly",
            }),
            Form::Window => w.window(parse(value)?),
            Form::Collection => lower_first(match parse::<Collection>(value)? {
                Collection::Automatic => self.t("pdf-collection-automatic"),
                Collection::Manual { reason } => w.f(
                    "pdf-collection-manual",
                    &[("reason", w.or_dash(&reason).into())],
                ),
            }),
            Form::Cadence => match parse::<Option<Cadence>>(value)? {
                Some(cadence) => w.cadence(cadence),
                None => self.t("pdf-not-agreed"),
            },
            Form::Basis => self.t(match parse::<TimeBasis>(value)? {
                TimeBasis::BusinessHours => "compare-basis-business_hours",
                TimeBasis::Calendar => "compare-basis-calendar",
            }),
            Form::Workdays => w.weekdays(&parse::<Vec<u8>>(value)?),
            Form::Category => lower_first(self.t(match parse::<DeadlineCategory>(value)? {
                DeadlineCategory::LeadTier => "pdf-category-lead_tier",
                DeadlineCategory::IssueSeverity => "pdf-category-issue_severity",
            })),
            Form::Duration => match parse::<Option<Duration>>(value)? {
                Some(duration) => w.duration(&duration),
                None => self.t("pdf-empty"),
            },
            Form::AfterDays => w.f(
                "pdf-after-days",
                &[("days", (value.as_u64()? as usize).into())],
            ),
            Form::Scope => match parse::<Option<Scope>>(value)? {
                Some(scope) => self.scope(&scope, agreement),
                None => self.t("pdf-scope-agreement"),
            },
            Form::When => match parse::<Option<Trigger>>(value)? {
                None => self.t("compare-when-none"),
                Some(Trigger::MissedInARow { periods }) => w.f(
                    "compare-when-missed",
                    &[("periods", (periods as usize).into())],
                ),
                Some(Trigger::AchievedBelow { percent }) => w.f(
                    "compare-when-below",
                    &[("percent", w.percent(percent).into())],
                ),
            },
            Form::AdjustmentKind => self.t(match parse::<AdjustmentKind>(value)? {
                AdjustmentKind::Bonus => "compare-adjustment-kind-bonus",
                AdjustmentKind::Budget => "compare-adjustment-kind-budget",
            }),
            Form::Percent => w.percent(value.as_f64()?),
            Form::Number => w.number(value.as_f64()?),
            Form::Target => self.target(value, path, agreement, true)?,
        })
    }

    /// The metric at `path` in `agreement`.
    fn metric_at<'m>(
        &self,
        path: &[Seg],
        agreement: &'m Agreement,
    ) -> Option<&'m sla_model::Metric> {
        let [_, Seg::Item(c), _, Seg::Item(m), ..] = path else {
            return None;
        };
        let (i, j) = self.metric(agreement, c, m)?;
        Some(&agreement.commitments[i].metrics[j])
    }

    /// The periods the metric at `path` is counted over in the old and the new version.
    fn per_of(&self, path: &[Seg]) -> (Option<Window>, Option<Window>) {
        let window = |a| self.metric_at(path, a).map(|m| m.window);
        (window(self.versions.old), window(self.versions.new))
    }

    /// A target with the metric's unit ("1 business hour"), and its period when `per`.
    fn target(
        &self,
        value: &Value,
        path: &[Seg],
        agreement: &Agreement,
        per: bool,
    ) -> Option<String> {
        let metric = self.metric_at(path, agreement)?;
        let amount = self
            .w
            .quantity(value.as_f64()?, metric.unit, Case::Nominative);
        Some(if per {
            format!("{amount} {}", self.per(metric.window))
        } else {
            amount
        })
    }
}
