/**
 * The one place the window talks to the Rust side. Every command is typed here so that the rest
 * of the UI never calls `invoke` directly, and every failure arrives as a `CommandError`.
 */
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { open, save } from "@tauri-apps/plugin-dialog";
import type { Agreement } from "./types/agreement";
import type {
  AppInfo,
  CommandError,
  ConflictChoice,
  Draft,
  DraftInfo,
  ExportResult,
  FileView,
  Finding,
  FunnelApplied,
  FunnelInput,
  FunnelResult,
  HistoryEntry,
  IdentityInfo,
  Language,
  LibraryMetric,
  NewIdentity,
  KeychainStatus,
  OwnIdentity,
  Page,
  PageRequest,
  PdfSignatures,
  ProposalChange,
  RecoveryOutcome,
  RecoveryReport,
  SignedVersion,
  SignOptions,
  TemplateList,
} from "./types/ipc";
import type {
  DoneAction,
  ExportPreview,
  ImportPreview,
  Period,
  Review,
  ReviewMapping,
  ReviewOverview,
  ReviewStatus,
  StageValue,
} from "./types/reviews";

/** Turns whatever a command rejected with into a `CommandError` with a readable message. */
export function toCommandError(error: unknown): CommandError {
  if (error && typeof error === "object" && "message" in error) {
    const e = error as Partial<CommandError>;
    const out: CommandError = { kind: String(e.kind ?? "error"), message: String(e.message), field: e.field };
    if (e.conflict) out.conflict = e.conflict;
    return out;
  }
  return { kind: "error", message: typeof error === "string" ? error : String(error) };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toCommandError(error);
  }
}

export const api = {
  /** A page of the drafts matching `query` (all when it has no words), newest first. */
  listDrafts: (query: string, page: PageRequest) => call<Page>("list_drafts", { query, page }),
  /** A page of the trash, most recently trashed first. */
  listTrash: (page: PageRequest) => call<Page>("list_trash", { page }),
  countTrash: () => call<number>("count_trash"),
  listTemplates: (language: Language) => call<TemplateList>("list_templates", { language }),
  createDraft: (template: string, language: Language) =>
    call<Draft>("create_draft", { template, language }),
  openDraft: (id: number) => call<Draft>("open_draft", { id }),
  /** Stores an agreement file (`.sla.json`) as a new draft. */
  importDraft: (path: string) => call<Draft>("import_draft", { path }),
  /** Writes the draft's latest version for the other head (`.sla.json`), saying which side sends it. */
  exportProposal: (id: number, from: "marketing" | "sales" | null, path: string) =>
    call<string>("export_proposal", { id, from, path }),
  /** What a file is: a new agreement, or a proposal for a draft here with its changes. Stores nothing. */
  examineFile: (path: string, language: Language) => call<FileView>("examine_file", { path, language }),
  /** Stores a file as a new draft (`separate`: even when it is a new version of a draft here). */
  importFile: (path: string, separate: boolean) => call<Draft>("import_file", { path, separate }),
  /** The key a comment on the field at `field` is anchored to (its items by identity). */
  commentKey: (agreement: Agreement, field: string) => call<string | null>("comment_key", { agreement, field }),
  /** Where each comment thread's field is in `agreement` now (null: the clause was removed). */
  commentAnchors: (agreement: Agreement) => call<{ thread: string; field: string | null }[]>("comment_anchors", { agreement }),
  /** What the drafts list says beside each of `ids`: open comments, a proposal waiting. */
  draftBadges: (ids: number[]) =>
    call<{ id: number; open_comments: number; pending_proposal: string | null }[]>("draft_badges", { ids }),
  /** What changed from version `from` to version `to` of a draft, in `language`. */
  compareVersions: (id: number, from: number, to: number, language: Language) =>
    call<ProposalChange[]>("compare_versions", { id, from, to, language }),
  /** Merges the proposal in `path` into `draft`, all but the rejected changes, conflicts as chosen. */
  acceptProposal: (
    path: string,
    draft: number,
    latest: number,
    rejected: string[],
    choices: { key: string; choice: ConflictChoice }[],
  ) => call<Draft>("accept_proposal", { path, draft, latest, rejected, choices }),
  /** The agreement file the app was started with (a double-clicked file), once; null afterwards. */
  takeFileToOpen: () => call<string | null>("take_file_to_open"),
  /** Why the store is not open (found damaged, or cannot be opened); null when it is. */
  recoveryStatus: () => call<RecoveryReport | null>("recovery_status"),
  /** Restores the offered backup (or, with null, starts a new store) and imports salvaged drafts. */
  recoveryApply: (backup: string | null, importDrafts: number[]) =>
    call<RecoveryOutcome>("recovery_apply", { backup, import: importDrafts }),
  /** Stores the agreement open when the store was found damaged as a new draft of the recovered one. */
  keepOpenAgreement: (agreement: Agreement) => call<Draft>("keep_open_agreement", { agreement }),
  /** Calls `handler` when the background check finds the open store damaged (it is then closed). */
  onStoreDamaged: (handler: () => void): Promise<UnlistenFn> => listen("store-damaged", handler),
  /** Calls `handler` whenever another start of the app hands this window a file to open. */
  onFileHandedOver: (handler: () => void): Promise<UnlistenFn> => listen("open-file", handler),
  /** Saves on top of version `base`; rejects with kind `conflict` when the draft has a newer one. */
  saveDraft: (id: number, agreement: Agreement, base: number) =>
    call<DraftInfo>("save_draft", { id, agreement, base }),
  duplicateDraft: (id: number) => call<DraftInfo>("duplicate_draft", { id }),
  renameDraft: (id: number, title: string) => call<DraftInfo>("rename_draft", { id, title }),
  trashDraft: (id: number) => call<unknown>("trash_draft", { id }),
  restoreDraft: (id: number) => call<unknown>("restore_draft", { id }),
  emptyTrash: () => call<number>("empty_trash"),
  draftHistory: (id: number) => call<HistoryEntry[]>("draft_history", { id }),
  restoreVersion: (id: number, version: number) =>
    call<DraftInfo>("restore_version", { id, version }),
  getSetting: (key: string) => call<string | null>("get_setting", { key }),
  setSetting: (key: string, value: string) => call<unknown>("set_setting", { key, value }),
  checkAgreement: (agreement: Agreement, language: Language) =>
    call<Finding[]>("check_agreement", { agreement, language }),
  metricLibrary: (language: Language) => call<LibraryMetric[]>("metric_library", { language }),
  funnelCompute: (input: FunnelInput) => call<FunnelResult>("funnel_compute", { input }),
  /**
   * Writes the result into the MQL target and the input it came from (reps, stages, capacity) into
   * the agreement's plan; accepts either answer shape the command may give.
   */
  funnelApply: async (agreement: Agreement, input: FunnelInput, result: FunnelResult): Promise<FunnelApplied> => {
    const answer = await call<Agreement | FunnelApplied>("funnel_apply", { agreement, input, result });
    return "commitments" in answer ? { agreement: answer, applied: null } : answer;
  },
  /** Every IANA time zone name the calendar check accepts, sorted. */
  timeZones: () => call<string[]>("time_zones"),
  exportPdf: (id: number, language: Language, path: string) =>
    call<ExportResult>("export_pdf", { id, language, path }),
  appInfo: () => call<AppInfo>("app_info"),

  /** Asks where to write a file (the system's save dialog); null when the person cancels. */
  askSavePath: async (defaultName: string, filterName: string, extensions: string[] = ["pdf"]): Promise<string | null> => {
    try {
      return await save({ defaultPath: defaultName, filters: [{ name: filterName, extensions }] });
    } catch (error) {
      throw toCommandError(error);
    }
  },
  /** Asks which file to read (the system's open dialog); null when the person cancels. */
  askOpenPath: async (filterName: string, extensions: string[]): Promise<string | null> => {
    try {
      const path = await open({ multiple: false, directory: false, filters: [{ name: filterName, extensions }] });
      return typeof path === "string" ? path : null;
    } catch (error) {
      throw toCommandError(error);
    }
  },
  /** Opens a PDF this window exported, signed or verified in the system's viewer. */
  openPdf: (path: string) => call<unknown>("open_pdf", { path }),

  listIdentities: () => call<OwnIdentity[]>("identities_list"),
  /** Whether a system keychain can remember passphrases on this computer. */
  keychainStatus: () => call<KeychainStatus>("keychain_status"),
  /** Removes an identity's passphrase from the system keychain. */
  forgetPassphrase: (id: string) => call<unknown>("identity_forget_passphrase", { id }),
  createIdentity: (identity: NewIdentity, passphrase: string) =>
    call<IdentityInfo>("identity_create", { identity, passphrase }),
  /** Keeps a company-issued PKCS#12 file (.p12/.pfx) among the identities. */
  importIdentity: (path: string, passphrase: string) => call<IdentityInfo>("identity_import", { path, passphrase }),
  deleteIdentity: (id: string) => call<unknown>("identity_delete", { id }),
  exportCertificate: (id: string, path: string) => call<unknown>("identity_export_certificate", { id, path }),
  listTrusted: () => call<IdentityInfo[]>("trusted_list"),
  trustCertificate: (path: string) => call<IdentityInfo[]>("trust_certificate", { path }),
  untrustCertificate: (id: string) => call<unknown>("untrust_certificate", { id }),
  /** Verifies every signature of a PDF against the certificates the person trusts. */
  inspectPdf: (path: string, language: Language) => call<PdfSignatures>("inspect_pdf", { path, language }),
  /** An empty passphrase signs with the remembered one; `remember` keeps a typed one that unlocks the key. */
  signPdf: (
    input: string,
    output: string,
    identity: string,
    passphrase: string,
    remember: boolean,
    options: SignOptions,
    language: Language,
  ) => call<PdfSignatures>("sign_pdf", { input, output, identity, passphrase, remember, options, language }),
  signedVersion: (id: number) => call<SignedVersion | null>("signed_version", { id }),

  // The monthly reviews of a signed agreement (`src-tauri/src/reviews.rs`).
  /** Previews a CRM export for draft `id`: format, first rows, the mapping offered, the months in it. */
  reviewInspect: (id: number, path: string) => call<ExportPreview>("review_inspect", { id, path }),
  /** The values of one column of the export (for the stage mapping), most frequent first. */
  reviewStageValues: (path: string, column: string) => call<StageValue[]>("review_stage_values", { path, column }),
  /** Computes `period` from the export through `mapping` and reviews it, storing nothing. */
  reviewPreview: (id: number, path: string, mapping: ReviewMapping, period: Period, language: Language) =>
    call<ImportPreview>("review_preview", { id, path, mapping, period, language }),
  /**
   * Stores `period` computed from the export and saves `mapping` as the draft's. Rejects with kind
   * `would_replace` when the period has figures from an export and `replace` is false.
   */
  reviewImport: (id: number, path: string, mapping: ReviewMapping, period: Period, replace: boolean, language: Language) =>
    call<ReviewOverview>("review_import", { id, path, mapping, period, replace, language }),
  /** Every stored period of draft `id`, reviewed, with what was done and entered. */
  reviewOverview: (id: number, language: Language) => call<ReviewOverview>("review_overview", { id, language }),
  /** Records a figure entered by hand and recomputes its period. */
  reviewEnterFigure: (id: number, metric: string, period: Period, value: number, by: string, note: string, language: Language) =>
    call<ReviewOverview>("review_enter_figure", { id, metric, period, value, by, note, language }),
  /** Marks a consequence (key from `consequenceKey`) of a period done with a note, or not done. */
  reviewMarkDone: (id: number, period: Period, consequence: string, note: string, done: boolean) =>
    call<DoneAction[]>("review_mark_done", { id, period, consequence, note, done }),
  /** Writes the period's review report PDF to `path` (then `openPdf` and the signing desk accept it). */
  reviewReport: (id: number, period: Period, language: Language, path: string) =>
    call<ExportResult>("review_report", { id, period, language, path }),
  /** Writes the agreement's review meetings as an iCalendar file to `path`. */
  reviewCalendar: (id: number, language: Language, path: string) =>
    call<unknown>("review_calendar", { id, language, path }),
  /** The last reviewed period's counts of each draft in `ids` that has been signed. */
  reviewStatuses: (ids: number[]) => call<ReviewStatus[]>("review_statuses", { ids }),
  /** Review of one stored period (to re-read it in another language). */
  reviewPeriod: (id: number, period: Period, language: Language) =>
    call<Review>("review_period", { id, period, language }),
};

export type Api = typeof api;

/** Keys of the settings the window keeps between runs. */
export const SETTINGS = {
  lastDraft: "ui.last_draft_id",
  lastStep: "ui.last_step",
  uiLanguage: "ui.language",
} as const;
