/**
 * The one place the window talks to the Rust side. Every command is typed here so that the rest
 * of the UI never calls `invoke` directly, and every failure arrives as a `CommandError`.
 */
import { invoke } from "@tauri-apps/api/core";
import { save } from "@tauri-apps/plugin-dialog";
import type { Agreement } from "./types/agreement";
import type {
  AppInfo,
  CommandError,
  Draft,
  DraftInfo,
  ExportResult,
  Finding,
  FunnelApplied,
  FunnelInput,
  FunnelResult,
  HistoryEntry,
  Language,
  LibraryMetric,
  TemplateInfo,
} from "./types/ipc";

/** Turns whatever a command rejected with into a `CommandError` with a readable message. */
export function toCommandError(error: unknown): CommandError {
  if (error && typeof error === "object" && "message" in error) {
    const e = error as Partial<CommandError>;
    return { kind: String(e.kind ?? "error"), message: String(e.message), field: e.field };
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
  listDrafts: (query = "") => call<DraftInfo[]>("list_drafts", { query }),
  listTrash: () => call<DraftInfo[]>("list_trash"),
  listTemplates: () => call<TemplateInfo[]>("list_templates"),
  createDraft: (template: string, language: Language) =>
    call<Draft>("create_draft", { template, language }),
  openDraft: (id: number) => call<Draft>("open_draft", { id }),
  /** Stores an agreement file (`.sla.json`) as a new draft. */
  importDraft: (path: string) => call<Draft>("import_draft", { path }),
  /** The agreement file the app was started with (a double-clicked file), once; null afterwards. */
  takeFileToOpen: () => call<string | null>("take_file_to_open"),
  saveDraft: (id: number, agreement: Agreement) =>
    call<DraftInfo>("save_draft", { id, agreement }),
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
  /** Writes the result into the MQL target; accepts either answer shape the command may give. */
  funnelApply: async (agreement: Agreement, result: FunnelResult): Promise<FunnelApplied> => {
    const answer = await call<Agreement | FunnelApplied>("funnel_apply", { agreement, result });
    return "commitments" in answer ? { agreement: answer, applied: null } : answer;
  },
  exportPdf: (id: number, language: Language, path: string) =>
    call<ExportResult>("export_pdf", { id, language, path }),
  appInfo: () => call<AppInfo>("app_info"),

  /** Asks where to write the PDF (the system's save dialog); null when the person cancels. */
  askPdfPath: async (defaultName: string, filterName: string): Promise<string | null> => {
    try {
      return await save({ defaultPath: defaultName, filters: [{ name: filterName, extensions: ["pdf"] }] });
    } catch (error) {
      throw toCommandError(error);
    }
  },
  /** Opens the PDF just exported in the system's viewer (the only file the window may open). */
  openExported: () => call<unknown>("open_exported"),
};

export type Api = typeof api;

/** Keys of the settings the window keeps between runs. */
export const SETTINGS = {
  lastDraft: "ui.last_draft_id",
  lastStep: "ui.last_step",
  uiLanguage: "ui.language",
} as const;
