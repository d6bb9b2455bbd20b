//! Lists a page at a time: the drafts, a search's matches and the trash are read in pages that
//! continue after a cursor (a keyset: the last draft's sort time and id), so showing the first
//! screenful of ten thousand drafts reads fifty of them, and a page costs the same however deep
//! into the list it starts.

use serde::{Deserialize, Serialize};

use crate::records::{DraftId, DraftInfo};

/// The most drafts one page holds, whatever was asked.
pub const MAX_PAGE: usize = 1000;

/// Where the next page of a list starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cursor {
    /// The sort time of the last draft handed out (when it was saved; in the trash, when it was
    /// trashed) and its id, which breaks ties.
    pub at: String,
    pub id: DraftId,
    /// The newest sort time the listing has seen. A draft saved (or trashed) after the listing
    /// began moves above the cursor, where the following pages would never reach it; pages
    /// after the first hand such drafts back in [`Page::newer`] instead.
    pub since: String,
}

/// Which page to read.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
pub struct PageRequest {
    /// `None` for the first page.
    pub after: Option<Cursor>,
    /// How many drafts at most (at least 1, at most [`MAX_PAGE`]).
    pub limit: usize,
}

impl PageRequest {
    /// The first `limit` drafts.
    pub fn first(limit: usize) -> PageRequest {
        PageRequest { after: None, limit }
    }

    /// The `limit` drafts after `cursor`.
    pub fn after(cursor: Cursor, limit: usize) -> PageRequest {
        PageRequest {
            after: Some(cursor),
            limit,
        }
    }

    /// The number of drafts to read: one more than the page holds, to learn whether another page
    /// follows.
    pub(crate) fn fetch(&self) -> i64 {
        self.limit.clamp(1, MAX_PAGE) as i64 + 1
    }
}

/// One page of a list, in the list's order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Page {
    pub drafts: Vec<DraftInfo>,
    /// Drafts saved (or, in the trash, trashed) since the listing's first page was read, newest
    /// first; they belong at the top of the list, in place of any earlier entry with the same id.
    /// Always empty on a first page.
    pub newer: Vec<DraftInfo>,
    /// Where the next page starts; `None` when this page ends the list.
    pub next: Option<Cursor>,
}

impl Page {
    /// Cuts the `fetch` rows read down to the page and points the cursor after its last draft.
    /// `sort_time` is the list's sort key of a draft; `since` the newest sort time seen so far.
    pub(crate) fn from_rows(
        mut drafts: Vec<DraftInfo>,
        newer: Vec<DraftInfo>,
        request: &PageRequest,
        sort_time: fn(&DraftInfo) -> &str,
    ) -> Page {
        let limit = (request.fetch() - 1) as usize;
        let more = drafts.len() > limit;
        drafts.truncate(limit);
        let seen = request
            .after
            .as_ref()
            .map(|c| c.since.as_str())
            .into_iter()
            .chain(drafts.first().map(sort_time))
            .chain(newer.first().map(sort_time))
            .max()
            .unwrap_or_default()
            .to_string();
        let next = match drafts.last() {
            Some(last) if more => Some(Cursor {
                at: sort_time(last).to_string(),
                id: last.id,
                since: seen,
            }),
            _ => None,
        };
        Page {
            drafts,
            newer,
            next,
        }
    }
}
