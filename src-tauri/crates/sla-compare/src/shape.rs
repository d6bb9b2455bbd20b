//! The agreement's shape as the comparison walks it: which fields are compared whole, which are
//! objects to walk into, and how the items of each list are told apart.
//!
//! Lists are matched by identity, never by position (the crate's documentation lists each
//! list's identity). Working days are compared whole: "Monday to Friday → Monday to Saturday"
//! reads better than a day added.

/// How a value is compared.
pub(crate) enum Shape {
    /// Compared and replaced whole.
    Leaf,
    /// An object: each named field compared in this order (the model's).
    Object(&'static [(&'static str, Shape)]),
    /// A list whose items are matched by identity.
    List(Identity, &'static Shape),
}

/// How the items of a list are told apart.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Identity {
    /// By the value of one of the item's fields.
    Field(&'static str),
    /// The items are plain values (dates, names), identified by themselves.
    Value,
}

use Identity::{Field, Value};
use Shape::{Leaf, List, Object};

const PERSON: Shape = Object(&[("name", Leaf), ("role", Leaf), ("email", Leaf)]);
const PARTY: Shape = Object(&[("department", Leaf), ("head", PERSON)]);

const METRIC: Shape = Object(&[
    ("id", Leaf),
    ("name", Leaf),
    ("definition", Leaf),
    ("kind", Leaf),
    ("flow", Leaf),
    ("unit", Leaf),
    ("comparator", Leaf),
    ("target", Leaf),
    ("window", Leaf),
    ("data_source", Leaf),
    ("collection", Leaf),
    ("owner", Leaf),
]);

const COMMITMENT: Shape = Object(&[
    ("id", Leaf),
    ("provider", Leaf),
    ("service", Leaf),
    ("description", Leaf),
    ("metrics", List(Field("id"), &METRIC)),
]);

const REPORT: Shape = Object(&[
    ("name", Leaf),
    ("contents", Leaf),
    ("owner", Leaf),
    ("frequency", Leaf),
]);

const RULE: Shape = Object(&[
    ("id", Leaf),
    ("category", Leaf),
    ("applies_to", Leaf),
    ("owner", Leaf),
    ("response", Leaf),
    ("resolution", Leaf),
]);

const STEP: Shape = Object(&[
    ("trigger", Leaf),
    ("escalate_to", Leaf),
    ("after_days", Leaf),
    ("action", Leaf),
    ("scope", Leaf),
    ("when", Leaf),
]);

const REMEDY: Shape = Object(&[
    ("id", Leaf),
    ("scope", Leaf),
    ("trigger", Leaf),
    ("action", Leaf),
    ("when", Leaf),
]);

const TIER: Shape = Object(&[
    ("achieved_below_percent", Leaf),
    ("adjustment_percent", Leaf),
]);

const ADJUSTMENT: Shape = Object(&[
    ("id", Leaf),
    ("kind", Leaf),
    ("scope", Leaf),
    ("tiers", List(Field("achieved_below_percent"), &TIER)),
    ("cap_per_month_percent", Leaf),
    ("cap_per_year_percent", Leaf),
]);

const SIGNATORY: Shape = Object(&[
    ("side", Leaf),
    ("name", Leaf),
    ("role", Leaf),
    ("email", Leaf),
]);

const PLAN_STAGE: Shape = Object(&[
    ("name", Leaf),
    ("conversion_percent", Leaf),
    ("metric", Leaf),
]);

/// The whole agreement, field by field in the model's order.
pub(crate) const AGREEMENT: Shape = Object(&[
    ("schema_version", Leaf),
    ("id", Leaf),
    ("title", Leaf),
    ("language", Leaf),
    ("parties", Object(&[("marketing", PARTY), ("sales", PARTY)])),
    (
        "term",
        Object(&[
            ("effective_date", Leaf),
            ("duration_months", Leaf),
            ("renewal", Leaf),
            ("review_dates", List(Value, &Leaf)),
        ]),
    ),
    ("commitments", List(Field("id"), &COMMITMENT)),
    (
        "plan",
        Object(&[
            ("sales_reps", Leaf),
            ("rep_hours_per_month", Leaf),
            ("attempts_per_lead", Leaf),
            ("minutes_per_attempt", Leaf),
            ("after_hours_share_percent", Leaf),
            ("lead_volume", Leaf),
            ("funnel", List(Field("name"), &PLAN_STAGE)),
            ("source", Leaf),
        ]),
    ),
    (
        "monitoring",
        Object(&[
            ("data_collection", Leaf),
            ("data_processing", Leaf),
            ("reports", List(Field("name"), &REPORT)),
            ("review_cadence", Leaf),
            ("reviewers", List(Value, &Leaf)),
        ]),
    ),
    (
        "deadlines",
        Object(&[
            ("basis", Leaf),
            (
                "calendar",
                Object(&[
                    ("timezone", Leaf),
                    ("workdays", Leaf),
                    ("day_start", Leaf),
                    ("day_end", Leaf),
                    ("holidays", List(Value, &Leaf)),
                ]),
            ),
            ("rules", List(Field("id"), &RULE)),
        ]),
    ),
    (
        "consequences",
        Object(&[
            ("escalation", List(Field("escalate_to"), &STEP)),
            ("remedies", List(Field("id"), &REMEDY)),
            ("adjustments", List(Field("id"), &ADJUSTMENT)),
        ]),
    ),
    ("signatories", List(Field("side"), &SIGNATORY)),
    ("notes", Leaf),
]);

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value as Json;

    /// The model's JSON Schema, generated from its types.
    const SCHEMA: &str = include_str!("../../sla-model/agreement.schema.json");

    fn resolve<'a>(node: &'a Json, root: &'a Json) -> &'a Json {
        match node.get("$ref").and_then(Json::as_str) {
            Some(reference) => {
                let name = reference.trim_start_matches("#/$defs/");
                resolve(&root["$defs"][name], root)
            }
            None => node,
        }
    }

    fn check(shape: &Shape, node: &Json, root: &Json, path: &str) {
        let node = resolve(node, root);
        match shape {
            Leaf => {}
            Object(fields) => {
                let properties = node["properties"]
                    .as_object()
                    .unwrap_or_else(|| panic!("{path} is not an object in the schema"));
                let mut known: Vec<&str> = fields.iter().map(|(n, _)| *n).collect();
                // The negotiation is not compared: see `content` in lib.rs.
                let mut schema: Vec<&str> = properties
                    .keys()
                    .map(String::as_str)
                    .filter(|name| !(path == "agreement" && *name == "negotiation"))
                    .collect();
                known.sort_unstable();
                schema.sort_unstable();
                assert_eq!(known, schema, "the fields of {path}");
                for (name, shape) in fields.iter() {
                    check(shape, &properties[*name], root, &format!("{path}.{name}"));
                }
            }
            List(_, item) => {
                assert_eq!(node["type"], "array", "{path} is not a list in the schema");
                check(item, &node["items"], root, &format!("{path}[]"));
            }
        }
    }

    #[test]
    fn the_shape_knows_every_field_of_the_model() {
        let root: Json = serde_json::from_str(SCHEMA).unwrap();
        check(&AGREEMENT, &root, &root, "agreement");
    }
}
