//! The walk that finds what differs between two agreements' JSON, at the grain of
//! [`crate::shape`]: a field, or an item of a list matched by identity.

use std::collections::HashMap;

use serde_json::Value;

use crate::path::{item_keys, item_text, ItemKey, Path, Seg};
use crate::shape::{Shape, AGREEMENT};
use crate::ChangeKind;

/// Where an added item goes, or the order a reorder sets: what applying a change needs beyond
/// its value.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) enum Placement {
    #[default]
    None,
    /// An added item goes after `after` (first when `None`); when `after` is not there, before
    /// `before`; else last.
    Between {
        after: Option<ItemKey>,
        before: Option<ItemKey>,
    },
    /// The items the list kept, in their new order.
    Order(Vec<ItemKey>),
}

impl Placement {
    /// Whether two placements leave the list the same; where an added item goes is not an edit
    /// of its own, so two sides adding the same item agree wherever they put it.
    pub(crate) fn same_outcome(&self, other: &Placement) -> bool {
        match (self, other) {
            (Placement::Order(a), Placement::Order(b)) => a == b,
            (Placement::Order(_), _) | (_, Placement::Order(_)) => false,
            _ => true,
        }
    }
}

/// A change before it is put in words.
pub(crate) struct Raw {
    pub(crate) path: Path,
    pub(crate) kind: ChangeKind,
    pub(crate) old: Option<Value>,
    pub(crate) new: Option<Value>,
    pub(crate) placement: Placement,
}

/// What turns `a` into `b`, both an agreement's JSON, in the agreement's order. Within a list: a
/// reorder first, then the removed items, then the list's items in their new order (changed or
/// added).
pub(crate) fn diff(a: &Value, b: &Value) -> Vec<Raw> {
    let mut out = Vec::new();
    walk(&AGREEMENT, a, b, &mut Vec::new(), &mut out);
    out
}

fn changed(path: &Path, a: &Value, b: &Value, out: &mut Vec<Raw>) {
    if a != b {
        out.push(Raw {
            path: path.clone(),
            kind: ChangeKind::Changed,
            old: Some(a.clone()),
            new: Some(b.clone()),
            placement: Placement::None,
        });
    }
}

fn walk(shape: &'static Shape, a: &Value, b: &Value, path: &mut Path, out: &mut Vec<Raw>) {
    match shape {
        Shape::Leaf => changed(path, a, b, out),
        Shape::Object(fields) => {
            if !(a.is_object() && b.is_object()) {
                return changed(path, a, b, out);
            }
            for (name, shape) in fields.iter() {
                path.push(Seg::Field(name));
                walk(
                    shape,
                    a.get(name).unwrap_or(&Value::Null),
                    b.get(name).unwrap_or(&Value::Null),
                    path,
                    out,
                );
                path.pop();
            }
        }
        Shape::List(identity, item) => {
            let (Some(xs), Some(ys)) = (a.as_array(), b.as_array()) else {
                return changed(path, a, b, out);
            };
            if xs == ys {
                return;
            }
            let ka = item_keys(xs, *identity);
            let kb = item_keys(ys, *identity);
            let ia: HashMap<&ItemKey, usize> = ka.iter().enumerate().map(|(i, k)| (k, i)).collect();
            let ib: HashMap<&ItemKey, usize> = kb.iter().enumerate().map(|(i, k)| (k, i)).collect();

            let kept_old: Vec<&ItemKey> = ka.iter().filter(|k| ib.contains_key(k)).collect();
            let kept_new: Vec<&ItemKey> = kb.iter().filter(|k| ia.contains_key(k)).collect();
            if kept_old != kept_new {
                let texts = |keys: &[&ItemKey]| Value::from_iter(keys.iter().map(|k| item_text(k)));
                out.push(Raw {
                    path: path.clone(),
                    kind: ChangeKind::Moved,
                    old: Some(texts(&kept_old)),
                    new: Some(texts(&kept_new)),
                    placement: Placement::Order(kept_new.into_iter().cloned().collect()),
                });
            }
            for (key, x) in ka.iter().zip(xs) {
                if !ib.contains_key(key) {
                    path.push(Seg::Item(key.clone()));
                    out.push(Raw {
                        path: path.clone(),
                        kind: ChangeKind::Removed,
                        old: Some(x.clone()),
                        new: None,
                        placement: Placement::None,
                    });
                    path.pop();
                }
            }
            for (j, (key, y)) in kb.iter().zip(ys).enumerate() {
                path.push(Seg::Item(key.clone()));
                match ia.get(key) {
                    Some(&i) => walk(item, &xs[i], y, path, out),
                    None => out.push(Raw {
                        path: path.clone(),
                        kind: ChangeKind::Added,
                        old: None,
                        new: Some(y.clone()),
                        placement: Placement::Between {
                            after: j.checked_sub(1).map(|p| kb[p].clone()),
                            before: kb.get(j + 1).cloned(),
                        },
                    }),
                }
                path.pop();
            }
        }
    }
}
