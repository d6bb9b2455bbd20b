//! Where a change is: a path of field names and list items (by identity, see [`crate::shape`]),
//! and its stable text form, the change's key.

use std::collections::HashMap;
use std::fmt::Write;

use serde_json::Value;

use crate::shape::Identity;

/// One item of a list: its identity and, when the identity repeats in the list, which occurrence
/// it is (1 for the first).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct ItemKey {
    pub(crate) id: String,
    pub(crate) nth: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Seg {
    Field(&'static str),
    Item(ItemKey),
}

impl Seg {
    pub(crate) fn field(&self) -> Option<&'static str> {
        match self {
            Seg::Field(name) => Some(name),
            Seg::Item(_) => None,
        }
    }
}

pub(crate) type Path = Vec<Seg>;

/// Whether `path` lies strictly inside `ancestor`.
pub(crate) fn is_inside(path: &[Seg], ancestor: &[Seg]) -> bool {
    path.len() > ancestor.len() && path.starts_with(ancestor)
}

/// The key's text: `commitments[mkt-leads].metrics[mql-per-rep].target`, `signatories[sales#2]`.
/// Within brackets `\`, `]` and `#` are escaped with `\`, so every path has one text and back.
pub(crate) fn key_text(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Field(name) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(name);
            }
            Seg::Item(key) => {
                out.push('[');
                push_item(&mut out, key);
                out.push(']');
            }
        }
    }
    out
}

/// An item's identity as text, escaped as in a key: `mql-per-rep`, `sales#2`.
pub(crate) fn item_text(key: &ItemKey) -> String {
    let mut out = String::new();
    push_item(&mut out, key);
    out
}

fn push_item(out: &mut String, key: &ItemKey) {
    for c in key.id.chars() {
        if matches!(c, '\\' | ']' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    if key.nth > 1 {
        let _ = write!(out, "#{}", key.nth);
    }
}

/// The text an item is identified by.
fn identity_of(item: &Value, identity: Identity) -> String {
    let value = match identity {
        Identity::Value => Some(item),
        Identity::Field(name) => item.get(name),
    };
    match value {
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

/// The keys of a list's items, in order.
pub(crate) fn item_keys(items: &[Value], identity: Identity) -> Vec<ItemKey> {
    let mut seen: HashMap<String, u32> = HashMap::with_capacity(items.len());
    items
        .iter()
        .map(|item| {
            let id = identity_of(item, identity);
            let nth = seen.entry(id.clone()).or_insert(0);
            *nth += 1;
            ItemKey { id, nth: *nth }
        })
        .collect()
}

/// Position of `key` among the items of a typed list whose identity `id_of` gives.
pub(crate) fn position<T>(
    items: &[T],
    key: &ItemKey,
    id_of: impl Fn(&T) -> String,
) -> Option<usize> {
    let mut nth = 0;
    items.iter().position(|item| {
        if id_of(item) == key.id {
            nth += 1;
            nth == key.nth
        } else {
            false
        }
    })
}

/// The value at `path` in an agreement's JSON, with `path` as the wizard names its fields, items
/// by position (`commitments[0].metrics[2].target`); `None` where the agreement has no such field
/// or item.
pub(crate) fn locate<'a>(value: &'a Value, path: &[Seg]) -> Option<(&'a Value, String)> {
    use crate::shape::{Shape, AGREEMENT};
    let mut shape: &Shape = &AGREEMENT;
    let mut value = value;
    let mut out = String::new();
    for seg in path {
        match (shape, seg) {
            (Shape::Object(fields), Seg::Field(name)) => {
                shape = fields
                    .iter()
                    .find(|(n, _)| n == name)
                    .map_or(&Shape::Leaf, |(_, s)| s);
                value = value.get(name)?;
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(name);
            }
            (Shape::List(identity, item), Seg::Item(key)) => {
                let items = value.as_array()?;
                let i = item_keys(items, *identity).iter().position(|k| k == key)?;
                value = &items[i];
                shape = item;
                let _ = write!(out, "[{i}]");
            }
            _ => return None,
        }
    }
    Some((value, out))
}

/// `path` as the wizard names its fields; see [`locate`].
pub(crate) fn index_path(value: &Value, path: &[Seg]) -> Option<String> {
    locate(value, path).map(|(_, index_path)| index_path)
}

/// The key of the field or item at a wizard path (`commitments[0].metrics[2].target` →
/// `commitments[mkt-leads].metrics[mql-per-rep].target`) in an agreement's JSON: what a comment
/// is anchored to, so that it stays on its clause when items move. `None` where there is none.
pub(crate) fn key_of_index_path(value: &Value, index_path: &str) -> Option<String> {
    use crate::shape::{Shape, AGREEMENT};
    let mut shape: &Shape = &AGREEMENT;
    let mut value = value;
    let mut path: Path = Vec::new();
    for part in index_parts(index_path)? {
        match (shape, part) {
            (Shape::Object(fields), IndexPart::Field(name)) => {
                let (name, next) = fields.iter().find(|(n, _)| *n == name)?;
                value = value.get(*name)?;
                shape = next;
                path.push(Seg::Field(name));
            }
            (Shape::List(identity, item), IndexPart::Index(i)) => {
                let items = value.as_array()?;
                let key = item_keys(items, *identity).into_iter().nth(i)?;
                value = items.get(i)?;
                shape = item;
                path.push(Seg::Item(key));
            }
            _ => return None,
        }
    }
    Some(key_text(&path))
}

/// The wizard path of the field or item a key names, in an agreement's JSON: the inverse of
/// [`key_of_index_path`]. `None` when the key is malformed or the agreement has no such item.
pub(crate) fn index_path_of_key(value: &Value, key: &str) -> Option<String> {
    use crate::shape::{Shape, AGREEMENT};
    let mut shape: &Shape = &AGREEMENT;
    let mut path: Path = Vec::new();
    let mut chars = key.chars().peekable();
    let mut name = String::new();
    let flush = |name: &mut String, shape: &mut &'static Shape, path: &mut Path| -> Option<()> {
        if name.is_empty() {
            return Some(());
        }
        let Shape::Object(fields) = *shape else {
            return None;
        };
        let (field, next) = fields.iter().find(|(n, _)| *n == name.as_str())?;
        path.push(Seg::Field(field));
        *shape = next;
        name.clear();
        Some(())
    };
    while let Some(c) = chars.next() {
        match c {
            '.' => flush(&mut name, &mut shape, &mut path)?,
            '[' => {
                flush(&mut name, &mut shape, &mut path)?;
                let mut id = String::new();
                let mut nth = String::new();
                let mut in_nth = false;
                loop {
                    match chars.next()? {
                        '\\' => id.push(chars.next()?),
                        ']' => break,
                        '#' => in_nth = true,
                        c if in_nth => nth.push(c),
                        c => id.push(c),
                    }
                }
                let nth = if in_nth { nth.parse().ok()? } else { 1 };
                let Shape::List(_, item) = shape else {
                    return None;
                };
                path.push(Seg::Item(ItemKey { id, nth }));
                shape = item;
            }
            c => name.push(c),
        }
    }
    flush(&mut name, &mut shape, &mut path)?;
    index_path(value, &path)
}

enum IndexPart<'a> {
    Field(&'a str),
    Index(usize),
}

/// `commitments[0].metrics[2].target` as its parts; `None` when it is not such a path.
fn index_parts(path: &str) -> Option<Vec<IndexPart<'_>>> {
    let mut parts = Vec::new();
    for piece in path.split('.') {
        let (name, mut rest) = match piece.find('[') {
            Some(i) => (&piece[..i], &piece[i..]),
            None => (piece, ""),
        };
        if name.is_empty() {
            return None;
        }
        parts.push(IndexPart::Field(name));
        while let Some(after) = rest.strip_prefix('[') {
            let end = after.find(']')?;
            parts.push(IndexPart::Index(after[..end].parse().ok()?));
            rest = &after[end + 1..];
        }
        if !rest.is_empty() {
            return None;
        }
    }
    Some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_escape_what_would_make_them_ambiguous() {
        let path = vec![
            Seg::Field("monitoring"),
            Seg::Field("reports"),
            Seg::Item(ItemKey {
                id: "A] #1\\".into(),
                nth: 2,
            }),
            Seg::Field("owner"),
        ];
        assert_eq!(key_text(&path), r"monitoring.reports[A\] \#1\\#2].owner");
    }

    #[test]
    fn repeated_identities_count_their_occurrences() {
        let items: Vec<Value> =
            serde_json::from_str(r#"[{"side":"sales"},{"side":"marketing"},{"side":"sales"}]"#)
                .unwrap();
        let keys = item_keys(&items, Identity::Field("side"));
        let texts: Vec<String> = keys.iter().map(item_text).collect();
        assert_eq!(texts, ["sales", "marketing", "sales#2"]);
    }
}
