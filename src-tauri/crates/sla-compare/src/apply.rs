//! Applying changes to an agreement. The agreement's JSON becomes a tree whose list items carry
//! the keys they had before any change, so that removing or reordering items never changes
//! which item a later change names (an occurrence number such as `#2` would otherwise shift).

use std::collections::HashMap;

use serde::Deserialize;
use serde_json::{Map, Value};
use sla_model::Agreement;

use crate::diff::Placement;
use crate::path::{item_keys, key_text, ItemKey, Seg};
use crate::shape::{Shape, AGREEMENT};
use crate::{Change, ChangeKind, CompareError};

enum Node {
    Leaf(Value),
    Object(Vec<(String, Node)>),
    List(Vec<(ItemKey, Node)>),
}

fn build(shape: &'static Shape, value: Value) -> Node {
    match (shape, value) {
        (Shape::Object(fields), Value::Object(map)) => Node::Object(
            map.into_iter()
                .map(|(name, value)| {
                    let shape = fields
                        .iter()
                        .find(|(n, _)| *n == name)
                        .map_or(&Shape::Leaf, |(_, s)| s);
                    (name, build(shape, value))
                })
                .collect(),
        ),
        (Shape::List(identity, item), Value::Array(items)) => {
            let keys = item_keys(&items, *identity);
            Node::List(
                keys.into_iter()
                    .zip(items.into_iter().map(|v| build(item, v)))
                    .collect(),
            )
        }
        (_, value) => Node::Leaf(value),
    }
}

fn into_value(node: Node) -> Value {
    match node {
        Node::Leaf(value) => value,
        Node::Object(fields) => Value::Object(
            fields
                .into_iter()
                .map(|(name, node)| (name, into_value(node)))
                .collect::<Map<_, _>>(),
        ),
        Node::List(items) => Value::Array(items.into_iter().map(|(_, n)| into_value(n)).collect()),
    }
}

fn find<'a>(node: &'a mut Node, path: &[Seg]) -> Option<&'a mut Node> {
    let Some((first, rest)) = path.split_first() else {
        return Some(node);
    };
    let next = match (node, first) {
        (Node::Object(fields), Seg::Field(name)) => {
            fields.iter_mut().find(|(n, _)| n == name).map(|(_, n)| n)
        }
        (Node::List(items), Seg::Item(key)) => {
            items.iter_mut().find(|(k, _)| k == key).map(|(_, n)| n)
        }
        _ => None,
    }?;
    find(next, rest)
}

/// `base` with `changes` applied: fields set first, then items removed, lists reordered and
/// items added (in the order given, which for one comparison is the new version's order).
pub(crate) fn apply(base: &Agreement, changes: &[&Change]) -> Result<Agreement, CompareError> {
    let value = serde_json::to_value(base).expect("an Agreement always serialises");
    let mut root = build(&AGREEMENT, value);
    for phase in [
        ChangeKind::Changed,
        ChangeKind::Removed,
        ChangeKind::Moved,
        ChangeKind::Added,
    ] {
        for change in changes.iter().filter(|c| c.kind == phase) {
            apply_one(&mut root, change)?;
        }
    }
    let value = into_value(root);
    // Read back as any agreement file is: the result is a valid agreement of this version or an
    // error, never a half-valid one. The typed read straight from the value is the same check
    // without the text; only a failure is read again as text, for the error's field and place.
    match Agreement::deserialize(&value) {
        Ok(agreement) if agreement.schema_version == sla_model::SCHEMA_VERSION => Ok(agreement),
        _ => match sla_model::from_json(&value.to_string()) {
            Ok(agreement) => Ok(agreement),
            Err(e) => Err(CompareError::Invalid(e.to_string())),
        },
    }
}

fn apply_one(root: &mut Node, change: &Change) -> Result<(), CompareError> {
    let missing = || CompareError::Missing(change.key.clone());
    let Some((last, parent)) = change.path.split_last() else {
        return Err(missing());
    };
    match change.kind {
        ChangeKind::Changed => {
            let Some(Node::Object(fields)) = find(root, parent) else {
                return Err(missing());
            };
            let Seg::Field(name) = last else {
                return Err(missing());
            };
            let value = change.new.clone().unwrap_or(Value::Null);
            let slot = fields.iter().position(|(n, _)| n == name);
            match (slot, value) {
                // An optional field set to nothing is left out, as the model writes it.
                (Some(i), Value::Null) => {
                    fields.remove(i);
                }
                (None, Value::Null) => {}
                (Some(i), value) => fields[i].1 = Node::Leaf(value),
                (None, value) => fields.push((name.to_string(), Node::Leaf(value))),
            }
        }
        ChangeKind::Removed => {
            let (Some(Node::List(items)), Seg::Item(key)) = (find(root, parent), last) else {
                return Err(missing());
            };
            let i = items
                .iter()
                .position(|(k, _)| k == key)
                .ok_or_else(missing)?;
            items.remove(i);
        }
        ChangeKind::Moved => {
            let (Some(Node::List(items)), Placement::Order(order)) =
                (find(root, &change.path), &change.placement)
            else {
                return Err(missing());
            };
            reorder(items, order);
        }
        ChangeKind::Added => {
            let (Some(Node::List(items)), Seg::Item(key)) = (find(root, parent), last) else {
                return Err(missing());
            };
            if items.iter().any(|(k, _)| k == key) {
                return Err(CompareError::AlreadyPresent(key_text(&change.path)));
            }
            let at = |k: &ItemKey| items.iter().position(|(x, _)| x == k);
            let index = match &change.placement {
                Placement::Between { after, before } => match after {
                    Some(after) => at(after)
                        .map(|i| i + 1)
                        .or_else(|| before.as_ref().and_then(at))
                        .unwrap_or(items.len()),
                    None => 0,
                },
                _ => items.len(),
            };
            let item = change.new.clone().unwrap_or(Value::Null);
            items.insert(index, (key.clone(), Node::Leaf(item)));
        }
    }
    Ok(())
}

/// Puts the items named in `order` into that order, in the places those items occupy now;
/// items not named (added meanwhile, or kept by a rejected removal) stay where they are.
fn reorder(items: &mut Vec<(ItemKey, Node)>, order: &[ItemKey]) {
    let ranks: HashMap<&ItemKey, usize> = order.iter().enumerate().map(|(i, k)| (k, i)).collect();
    let slots: Vec<usize> = (0..items.len())
        .filter(|&i| ranks.contains_key(&items[i].0))
        .collect();
    // The items of the slots in their new order: `from[n]` goes to `slots[n]`.
    let mut from = slots.clone();
    from.sort_by_key(|&i| ranks[&items[i].0]);
    let mut old: Vec<Option<(ItemKey, Node)>> =
        std::mem::take(items).into_iter().map(Some).collect();
    let mut next = from.into_iter();
    for i in 0..old.len() {
        let source = if slots.binary_search(&i).is_ok() {
            next.next().expect("one source per slot")
        } else {
            i
        };
        items.push(old[source].take().expect("each item is placed once"));
    }
}
