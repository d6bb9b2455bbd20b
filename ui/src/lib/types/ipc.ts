/* Shapes the Tauri commands exchange with the window, besides the agreement itself. */
import type { Agreement, Metric, Side } from "./agreement";

export type Language = "en" | "ru";

export interface DraftInfo {
  id: number;
  title: string;
  marketing: string;
  sales: string;
  version: number;
  created_at: string;
  updated_at: string;
  trashed_at: string | null;
}

/** Where the next page of a list starts: the last draft's sort time and id. */
export interface Cursor {
  at: string;
  id: number;
  /** The newest sort time the listing has seen (drafts saved after it come back as `newer`). */
  since: string;
}

export interface PageRequest {
  /** `null` for the first page. */
  after: Cursor | null;
  limit: number;
}

/** One page of a list (`Store::list`, `search`, `list_trash`). */
export interface Page {
  drafts: DraftInfo[];
  /** Saved (or trashed) since the listing's first page: they go on top, replacing the same id. */
  newer: DraftInfo[];
  /** `null` when this page ends the list. */
  next: Cursor | null;
}

export interface Draft {
  info: DraftInfo;
  agreement: Agreement;
}

/** A template the start screen offers, described in the interface's language. */
export interface TemplateInfo {
  name: string;
  title: string;
  summary: string;
  choose_when: string;
  origin: { kind: "built_in" } | { kind: "user"; files: string[] };
  languages: Language[];
}

/** A file of the company's templates folder that was left out, and why. */
export interface TemplateProblem {
  file: string;
  message: string;
}

export interface TemplateList {
  templates: TemplateInfo[];
  problems: TemplateProblem[];
  /** Where a company puts its own templates. */
  folder: string;
}

export interface HistoryEntry {
  version: number;
  saved_at: string;
  title: string;
  note: string;
  /** Exported or signed: later saves never fold into it. */
  kept: boolean;
}

export type Severity = "error" | "warning" | "info";

export interface Finding {
  id: string;
  severity: Severity;
  /** Path of the field it points at, e.g. `commitments[0].metrics[1].owner`; empty for the whole agreement. */
  field: string;
  message: string;
  fix: string;
  /**
   * The key of the rule of the article or the source the finding applies (`metrics-targets`,
   * `source-hbr`, `library`), so the window can link its explanation. The Rust checks always send
   * it; optional here only so that findings written by hand in older tests still type-check.
   */
  cites?: string;
  /** That rule or source in words: why, not only what. */
  citation?: string;
}

/** A ready metric with the reason it is a good one and where the advice comes from. */
export interface LibraryMetric {
  metric: Metric;
  reason: string;
  source: string;
  /** The way of selling it belongs to: the name of the template that uses it. */
  group?: string;
  /** The range of targets its source reports as usual. */
  typical?: { low: number; high: number };
  /** The side that provides the service the metric measures. */
  provider?: Side;
  side?: Side;
}

/** What the funnel calculator needs: the revenue goal and the funnel from lead to customer. */
export interface FunnelInput {
  /** Revenue to win from marketing's leads over `period_months`, in the company's currency. */
  revenue_goal: number;
  period_months: number;
  average_deal_size: number;
  /** Conversion from each stage to the next, from MQL to a won deal, in order. */
  stages: FunnelStage[];
  sales_reps: number;
  /** How leads are worked, to compute the sales capacity they take; null to skip it. */
  capacity?: CapacityInput | null;
}

export interface FunnelStage {
  name: string;
  conversion_percent: number;
}

export interface CapacityInput {
  response_target_hours: number;
  attempts_per_lead: number;
  minutes_per_attempt: number;
  rep_hours_per_month: number;
  workdays_per_month: number;
  working_hours_per_day: number;
  after_hours_share_percent: number;
}

export interface CapacityResult {
  leads_per_month: number;
  rep_hours_needed: number;
  reps_for_workload: number;
  reps_on_duty_for_response: number;
  reps_needed: number;
  reps_short: number;
}

export interface StageVolume {
  name: string;
  conversion_percent: number;
  entering: number;
  moving_on: number;
}

export interface FunnelResult {
  deals_needed: number;
  overall_conversion_percent: number;
  mqls_per_deal: number;
  mqls_needed: number;
  mqls_per_month: number;
  /** The figure marketing commits to. */
  mqls_per_rep_per_month: number;
  stages: StageVolume[];
  capacity: CapacityResult | null;
}

/** What writing the result into the agreement changed. */
export interface AppliedTarget {
  metric_id: string;
  /** Path of the target that was set, e.g. `commitments[0].metrics[0].target`. */
  field: string;
  previous_target: number | null;
  target: number;
  created_metric: boolean;
  created_commitment: boolean;
  changed_fields: string[];
}

/** `funnel_apply` answers with the changed agreement and what changed. */
export interface FunnelApplied {
  agreement: Agreement;
  applied: AppliedTarget | null;
}

export interface ExportResult {
  path: string;
  bytes: number;
  /** Whether the pages are marked DRAFT because the checks found errors. */
  draft_mark: boolean;
}

export interface AppInfo {
  name: string;
  version: string;
  publisher: string;
  data_dir: string;
}

/** How every command rejects. */
export interface CommandError {
  kind: string;
  message: string;
  field?: string;
  /** With kind `conflict`: the save's base and the newer version saved elsewhere. */
  conflict?: { id: number; base: number; latest: number; saved_at: string; note: string };
}

/** What a certificate says about its holder, as the signing screens show it. */
export interface CertificateSummary {
  name: string;
  role: string;
  department: string;
  organization: string;
  email: string;
  issuer: string;
  key: { kind: "rsa"; bits: number } | { kind: "ecdsa_p256" } | { kind: "other" };
  /** SHA-256 of the certificate, upper-case hex pairs separated by colons. */
  fingerprint_sha256: string;
  not_before: string;
  not_after: string;
  /** Issued by itself: proves the file is unchanged, not who signed it. */
  self_signed: boolean;
}

/** A signing identity kept on this computer, or a certificate the person trusts. */
export interface IdentityInfo {
  id: string;
  certificate: CertificateSummary;
}

/** One of the person's own identities, and whether the system keychain remembers its passphrase. */
export interface OwnIdentity extends IdentityInfo {
  remembered: boolean;
}

/** Whether this computer has a system keychain to remember passphrases in, and if not, why. */
export interface KeychainStatus {
  available: boolean;
  detail: string | null;
}

/** What a person enters to make their own signing identity. */
export interface NewIdentity {
  name: string;
  role: string;
  department: string;
  organization: string;
  email: string;
  key: "rsa" | "p256";
}

/** A signature field still waiting for its signatory. */
export interface UnsignedField {
  name: string;
  signatory: string;
  page: number | null;
}

export interface SignatureView {
  field: string;
  valid: boolean;
  trusted: boolean;
  signer: CertificateSummary | null;
  signing_time: string | null;
  findings: { id: string; text: string }[];
}

/** A PDF's signatures as verification found them. */
export interface PdfSignatures {
  path: string;
  title: string | null;
  signatures: SignatureView[];
  unsigned: UnsignedField[];
  all_valid: boolean;
  verdict: string;
  /** The draft version this computer exported the PDF from, when it did. */
  exported_from: { draft: number; version: number } | null;
  /** SHA-256 of the attached agreement, the fingerprint in every footer; null when none. */
  agreement_sha256?: string | null;
}

export interface Point {
  x: number;
  y: number;
}

export interface SignOptions {
  field: "auto" | { named: string };
  typed_signature: string | null;
  drawn_signature: Point[][];
}

/** The version of a draft that carries signatures: it is frozen, later edits are an amendment. */
export interface SignedVersion {
  version: number;
  signers: string[];
  signed_at: string;
  agreement_sha256: string;
}

/** A backup of the drafts store, as the recovery screen shows it. */
export interface BackupInfo {
  path: string;
  taken_at: string;
  reason: string;
  schema_version: number;
  drafts: number;
  in_trash: number;
  titles: string[];
  identity_files: number;
  size: number;
  problem: string | null;
}

/** A draft read back from a damaged store. */
export interface SalvagedEntry {
  index: number;
  title: string;
  version: number;
  saved_at: string;
  in_trash: boolean;
  /** Saved after the offered backup was taken, so the backup lacks this version. */
  newer_than_backup: boolean;
}

/** Why the window has no store open: it was found damaged (and moved aside), or cannot be opened. */
export interface RecoveryReport {
  kind: "damaged" | "unavailable";
  detail: string;
  folder: string;
  moved_to: string | null;
  backup: BackupInfo | null;
  salvaged: SalvagedEntry[];
  salvaged_to: string | null;
  problems: string[];
}

export interface RecoveryOutcome {
  drafts: number;
  imported: number;
}

/** A wizard step, as the comparison groups changes (`sla_compare::Step`). */
export type CompareStep = "parties" | "performance" | "monitoring" | "deadlines" | "consequences" | "review" | "signoff";

/** One change a proposal makes, in the interface language. */
export interface ProposalChange {
  key: string;
  step: CompareStep;
  kind: "added" | "removed" | "changed" | "moved";
  text: string;
  /** The wizard's path of the field (`commitments[0].metrics[2].target`), where it exists. */
  field: string | null;
}

/** Both heads changed the same clause: each side's edits as sentences. */
export interface ProposalConflict {
  key: string;
  step: CompareStep;
  text: string;
  ours: string[];
  theirs: string[];
}

/** How the proposal's base was found on this computer. */
export type BaseFound = { kind: "found"; version: number } | { kind: "unknown" } | { kind: "not_named" };

/** What a file is to this computer's drafts (`examine_file`). */
export type FileView =
  | { kind: "new"; title: string }
  | {
      kind: "proposal";
      draft: number;
      title: string;
      latest: number;
      base: BaseFound;
      from: "marketing" | "sales" | null;
      proposer: string | null;
      changes: ProposalChange[];
      conflicts: ProposalConflict[];
      new_comments: number;
      /** The comments in the file the draft does not have yet. */
      comments: { field: string | null; author: string; at: string; text: string }[];
    };

export type ConflictChoice = "ours" | "theirs" | "base";
