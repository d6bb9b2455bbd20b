//! What travels with an agreement while the two heads negotiate it, without being part of it: the
//! version a proposal was made from, who made it, and the comments on its clauses. None of it is
//! printed, signed or counted in the agreement's fingerprint, so two files that say the same
//! thing have the same fingerprint whatever was said about them.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::agreement::{Agreement, Side};

/// The longest comment accepted, in characters: a paragraph or two, not a document.
pub const MAX_COMMENT_CHARS: usize = 4000;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Negotiation {
    /// The version this file was made from that the other head also has, so that their copy of it
    /// can be the common base of a three-way merge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<BaseVersion>,
    /// The side whose head made this file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Side>,
    /// Comment threads on fields and items of the agreement.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<Thread>,
}

impl Negotiation {
    pub fn is_empty(&self) -> bool {
        self.base.is_none() && self.from.is_none() && self.comments.is_empty()
    }

    /// Threads with no resolution after their last message.
    pub fn open_threads(&self) -> usize {
        self.comments.iter().filter(|t| !t.is_resolved()).count()
    }
}

/// A version of the agreement named by its content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BaseVersion {
    /// [`fingerprint`] of the version: hex SHA-256 of its canonical JSON.
    pub fingerprint: String,
    /// Its number in the sender's drafts, for people ("made from version 3"), when the sender
    /// has it as a version (a merge that rejected some of a proposal saves something else).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<u32>,
}

/// A conversation about one field or item of the agreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Thread {
    /// Unique within the agreement, kept when the thread travels.
    pub id: String,
    /// What the thread is about, as a change's key in a comparison
    /// (`commitments[mkt-leads].metrics[mql-per-rep].target`): items are named by their ids, so
    /// the thread stays on its clause when items are inserted or reordered.
    pub on: String,
    pub messages: Vec<Message>,
    /// When the thread was marked resolved (RFC 3339); a later reply opens it again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved_by: Option<Side>,
}

impl Thread {
    /// Resolved, and nobody has written since.
    pub fn is_resolved(&self) -> bool {
        match &self.resolved_at {
            None => false,
            Some(at) => {
                let resolved = instant(at);
                self.messages.iter().all(|m| instant(&m.at) <= resolved)
            }
        }
    }
}

/// One comment. Its text is shown as text, never as markup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Message {
    /// Unique within the thread, kept when the thread travels.
    pub id: String,
    /// The side of the head who wrote it.
    pub side: Side,
    /// Their name as the agreement gave it when they wrote.
    pub author: String,
    /// RFC 3339, UTC.
    pub at: String,
    pub text: String,
}

/// Hex SHA-256 of the agreement's canonical JSON without its negotiation: the fingerprint printed
/// in every footer of its PDF, and how a proposal names the version it was made from.
pub fn fingerprint(agreement: &Agreement) -> String {
    let json = if agreement.negotiation.is_empty() {
        crate::to_canonical_json(agreement)
    } else {
        let mut content = agreement.clone();
        content.negotiation = Negotiation::default();
        crate::to_canonical_json(&content)
    };
    Sha256::digest(json.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Both heads' comments together: every thread and every message of either, each once (by id),
/// messages in the order they were written. A thread is resolved as of the later of the two
/// resolutions, so a reply written after it opens it again on both sides. The same result
/// whichever side is `ours`.
pub fn merge_comments(ours: &[Thread], theirs: &[Thread]) -> Vec<Thread> {
    let mut order: Vec<String> = Vec::new();
    let mut by_id: BTreeMap<String, Thread> = BTreeMap::new();
    for thread in ours.iter().chain(theirs) {
        match by_id.get_mut(&thread.id) {
            None => {
                order.push(thread.id.clone());
                by_id.insert(thread.id.clone(), thread.clone());
            }
            Some(known) => {
                for message in &thread.messages {
                    if !known.messages.iter().any(|m| m.id == message.id) {
                        known.messages.push(message.clone());
                    }
                }
                let later = |a: &Option<String>| a.as_deref().map(instant);
                if later(&thread.resolved_at) > later(&known.resolved_at) {
                    known.resolved_at = thread.resolved_at.clone();
                    known.resolved_by = thread.resolved_by;
                }
            }
        }
    }
    let mut threads: Vec<Thread> = order
        .into_iter()
        .filter_map(|id| by_id.remove(&id))
        .collect();
    for thread in &mut threads {
        thread
            .messages
            .sort_by(|a, b| (instant(&a.at), &a.id).cmp(&(instant(&b.at), &b.id)));
    }
    // The order of threads does not depend on which side was first: by their first message.
    threads.sort_by(|a, b| {
        let first = |t: &Thread| t.messages.first().map(|m| (instant(&m.at), m.id.clone()));
        (first(a), &a.id).cmp(&(first(b), &b.id))
    });
    threads
}

/// A message's time as an instant; text that is not one sorts first (files are checked on
/// reading, so only a hand-made agreement can hold one).
fn instant(rfc3339: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .ok()
        .map(|t| t.with_timezone(&chrono::Utc))
}

/// What is wrong with a negotiation read from a file, if anything: the reader accepts any
/// well-formed one, and this names the first problem with its field path.
pub fn check_comments(negotiation: &Negotiation) -> Result<(), (String, String)> {
    for (i, thread) in negotiation.comments.iter().enumerate() {
        let at = format!("negotiation.comments[{i}]");
        if thread.id.trim().is_empty() {
            return Err((format!("{at}.id"), "a thread needs an id".into()));
        }
        if let Some(at_resolved) = &thread.resolved_at {
            if instant(at_resolved).is_none() {
                return Err((
                    format!("{at}.resolved_at"),
                    format!("{at_resolved:?} is not a date and time (RFC 3339)"),
                ));
            }
        }
        if thread.messages.is_empty() {
            return Err((format!("{at}.messages"), "a thread has no messages".into()));
        }
        for (j, message) in thread.messages.iter().enumerate() {
            let at = format!("{at}.messages[{j}]");
            if instant(&message.at).is_none() {
                return Err((
                    format!("{at}.at"),
                    format!("{:?} is not a date and time (RFC 3339)", message.at),
                ));
            }
            let chars = message.text.chars().count();
            if chars > MAX_COMMENT_CHARS {
                return Err((
                    format!("{at}.text"),
                    format!("{chars} characters; a comment is at most {MAX_COMMENT_CHARS}"),
                ));
            }
        }
    }
    Ok(())
}
