//! Proposals: the agreement files (`.sla.json`, or an exported PDF with its JSON attached) the two
//! heads send each other while they negotiate.
//!
//! A file made here names its base ([`outgoing`]): the version both heads last had in common, by
//! fingerprint. That is the last proposal received from the other head, or, before any came
//! back, the first version sent; either way the other computer has it. A file coming back is
//! recognised by its agreement id ([`examine`]): a draft of the same agreement is not duplicated
//! but compared, three ways from the base when this computer has it, two ways (every difference
//! shown as the proposal's) when it does not. The person accepts or rejects each of the
//! proposal's changes and settles each conflict ([`accept`]); comments from both sides are kept
//! whatever is decided, and the result is a new version whose note names whose proposal it was.
//!
//! The store keeps, per draft, the fingerprint of that common version (setting
//! `proposal-base:ID`). No clock: comments arrive with their times.

use serde::Serialize;
use sla_compare::{merge3, Choice, CompareError, Merge, Origin};
use sla_model::{fingerprint, Agreement, BaseVersion, Side};
use sla_store::{DraftId, DraftInfo, Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum ProposalError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{0}")]
    Compare(#[from] CompareError),
    #[error("the file is agreement {file}, not draft {draft}'s (agreement {draft_agreement}): import it as a new draft instead")]
    OtherAgreement {
        file: String,
        draft: DraftId,
        draft_agreement: String,
    },
}

fn base_key(id: DraftId) -> String {
    format!("proposal-base:{id}")
}

/// Version `version` of draft `id` as a file for the other head: naming the version both last
/// had in common and the side sending it, with every comment. Sending the first file of a draft
/// makes that version the common one.
pub fn outgoing(
    store: &mut Store,
    id: DraftId,
    version: u32,
    from: Option<Side>,
) -> Result<Agreement, ProposalError> {
    let mut agreement = store.get_version(id, version)?.agreement;
    let common = match store.get_setting(&base_key(id))? {
        Some(common) => common,
        None => {
            let sent = fingerprint(&agreement);
            store.set_setting(&base_key(id), &sent)?;
            sent
        }
    };
    let version = store.version_with_fingerprint(id, &common)?;
    agreement.negotiation.base = Some(BaseVersion {
        fingerprint: common,
        version,
    });
    agreement.negotiation.from = from;
    Ok(agreement)
}

/// What a file read from outside is to this computer's drafts.
#[derive(Debug)]
pub enum Incoming {
    /// No draft here is this agreement: it becomes a new one ([`import_new`]).
    New(Box<Agreement>),
    /// A draft here is this agreement: its changes to decide on.
    Proposal(Box<Proposal>),
}

/// How the proposal's base was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BaseFound {
    /// This draft's version `version` is the proposal's base: compared three ways.
    Found { version: u32 },
    /// The file names a base this computer has never had: compared two ways.
    Unknown,
    /// The file names no base (made before proposals named one, or by hand): two ways.
    NotNamed,
}

/// A file of an agreement this computer has a draft of, compared with that draft.
#[derive(Debug)]
pub struct Proposal {
    pub draft: DraftId,
    /// The draft's latest version, which the merge builds on.
    pub latest: u32,
    pub base: BaseFound,
    /// The side that sent it, and their head's name as the file gives it.
    pub from: Option<Side>,
    pub proposer: Option<String>,
    /// Ours and theirs merged from the base (from ours itself when the base is not here): the
    /// proposal's changes are the clean ones of origin [`Origin::Theirs`] and the conflicts.
    pub merge: Merge,
    /// Comments in the file that the draft does not have yet.
    pub new_comments: usize,
    pub theirs: Agreement,
}

impl Proposal {
    /// Keys of the changes the person decides on: the proposal's own clean edits.
    pub fn their_changes(&self) -> impl Iterator<Item = &sla_compare::MergedChange> {
        self.merge
            .clean
            .iter()
            .filter(|m| m.origin == Origin::Theirs)
    }

    /// Nothing to decide: the file says what the draft says, comments aside.
    pub fn is_empty(&self) -> bool {
        self.their_changes().next().is_none() && self.merge.conflicts.is_empty()
    }
}

/// Finds where `theirs` belongs: a new agreement, or a proposal for a draft of this one.
pub fn examine(store: &Store, theirs: Agreement) -> Result<Incoming, ProposalError> {
    let Some(draft) = store.find_agreement(&theirs.id)? else {
        return Ok(Incoming::New(Box::new(theirs)));
    };
    examine_for(store, draft, theirs).map(|p| Incoming::Proposal(Box::new(p)))
}

/// Compares `theirs` with draft `draft`, which must be the same agreement.
pub fn examine_for(
    store: &Store,
    draft: DraftId,
    theirs: Agreement,
) -> Result<Proposal, ProposalError> {
    let ours = store.get(draft)?;
    if ours.agreement.id != theirs.id {
        return Err(ProposalError::OtherAgreement {
            file: theirs.id,
            draft,
            draft_agreement: ours.agreement.id,
        });
    }
    let base = match &theirs.negotiation.base {
        None => BaseFound::NotNamed,
        Some(named) => match store.version_with_fingerprint(draft, &named.fingerprint)? {
            Some(version) => BaseFound::Found { version },
            None => BaseFound::Unknown,
        },
    };
    let base_agreement = match base {
        BaseFound::Found { version } => store.get_version(draft, version)?.agreement,
        BaseFound::Unknown | BaseFound::NotNamed => ours.agreement.clone(),
    };
    let merge = merge3(&base_agreement, &ours.agreement, &theirs)?;
    let new_comments = theirs
        .negotiation
        .comments
        .iter()
        .flat_map(|t| t.messages.iter().map(move |m| (&t.id, &m.id)))
        .filter(|(thread, message)| {
            !ours
                .agreement
                .negotiation
                .comments
                .iter()
                .any(|t| &&t.id == thread && t.messages.iter().any(|m| &&m.id == message))
        })
        .count();
    let from = theirs.negotiation.from;
    Ok(Proposal {
        draft,
        latest: ours.info.version,
        base,
        from,
        proposer: from.map(|side| theirs.parties.get(side).head.name.clone()),
        merge,
        new_comments,
        theirs,
    })
}

/// Saves the proposal into its draft with the changes named in `rejected` left out and each
/// conflict settled as `choices` says, as a new version noted "merged the proposal of NAME"
/// (or "from SOURCE" when the file names no sender); comments from both sides kept. Refused
/// with [`StoreError::Conflict`] when the draft was saved since it was examined. The proposal
/// becomes the version both heads have in common.
pub fn accept<R: AsRef<str>, S: AsRef<str>>(
    store: &mut Store,
    proposal: &Proposal,
    rejected: &[R],
    choices: &[(S, Choice)],
    source: &str,
) -> Result<DraftInfo, ProposalError> {
    let mut merged = proposal.merge.settle(rejected, choices)?;
    merged.negotiation.base = None;
    merged.negotiation.from = None;
    let note = match proposal
        .proposer
        .as_deref()
        .filter(|n| !n.trim().is_empty())
    {
        Some(name) => format!("merged the proposal of {name}"),
        None => format!("merged the proposal from {source}"),
    };
    let info = store.save_noted(proposal.draft, &merged, proposal.latest, &note)?;
    store.set_setting(&base_key(proposal.draft), &fingerprint(&proposal.theirs))?;
    Ok(info)
}

/// Stores a file of an agreement this computer has no draft of as a new draft, keeping its id
/// (so that its next version is recognised) and its comments; what it was made from becomes
/// the version in common with whoever sent it.
pub fn import_new(
    store: &mut Store,
    mut theirs: Agreement,
    note: &str,
) -> Result<DraftInfo, ProposalError> {
    let received = fingerprint(&theirs);
    let came_from_someone = theirs.negotiation.base.is_some() || theirs.negotiation.from.is_some();
    theirs.negotiation.base = None;
    theirs.negotiation.from = None;
    let info = store.create(&theirs, note)?;
    if came_from_someone {
        store.set_setting(&base_key(info.id), &received)?;
    }
    Ok(info)
}

/// The same agreement as a new draft of its own: a new id, so that it is never taken for a
/// proposal to the first ("import as a new draft" of a file whose agreement is here already).
pub fn import_as_copy(
    store: &mut Store,
    mut theirs: Agreement,
    note: &str,
) -> Result<DraftInfo, ProposalError> {
    theirs.id = sla_model::new_id();
    theirs.negotiation = Default::default();
    Ok(store.create(&theirs, note)?)
}
