/**
 * What the window is showing: the drafts list or one draft in the wizard, at which step, how its
 * saving goes and what the checks found. One instance for the window; components read and write
 * it directly, and the wizard's fields bind straight into `agreement`.
 */
import type { SaveConflict, SaveState } from "./autosave";
import type { StepKey } from "./steps";
import type { Agreement } from "./types/agreement";
import type { Draft, DraftInfo, FileView, Finding, SignedVersion } from "./types/ipc";

export type ProposalFile = Extract<FileView, { kind: "proposal" }>;

export interface Session {
  view: "loading" | "home" | "wizard" | "signatures" | "reviews" | "proposal";
  /** How many open comment threads are on each field (by path) of the open draft. */
  commentFields: Record<string, number>;
  /** The other head's file the proposal screen compares with a draft here. */
  proposal: { path: string; view: ProposalFile } | null;
  /** The PDF the signatures screen shows, when one is chosen. */
  signingFile: string | null;
  /** The draft's signed version, when one is signed: that version is frozen. */
  signed: SignedVersion | null;
  draft: DraftInfo | null;
  agreement: Agreement | null;
  step: StepKey;
  save: SaveState;
  findings: Finding[];
  /** Whether `findings` were computed for the agreement as it is now. */
  findingsCurrent: boolean;
  /** Why the checks could not run, when they could not. */
  checkError: string | null;
  /** A field to focus once its step is on screen (a finding was clicked). */
  focusPath: string | null;
  /**
   * Another window or the command line saved a newer version of the open draft: autosave has
   * stopped and the person chooses between the edits here and `theirs`.
   */
  conflict: (SaveConflict & { theirs: Draft | null; loadError: string | null }) | null;
}

export const session = $state<Session>({
  view: "loading",
  commentFields: {},
  proposal: null,
  signingFile: null,
  signed: null,
  draft: null,
  agreement: null,
  step: "parties",
  save: { kind: "idle" },
  findings: [],
  findingsCurrent: false,
  checkError: null,
  focusPath: null,
  conflict: null,
});

export interface Toast {
  id: number;
  message: string;
  action?: { label: string; run: () => void | Promise<void> };
  kind?: "info" | "error";
}

export const toasts = $state<{ list: Toast[] }>({ list: [] });
let nextToast = 1;

/** Shows a message at the bottom of the window for a while; an action (Undo) can go with it. */
export function toast(message: string, options: Omit<Toast, "id" | "message"> = {}, ms = 8000): number {
  const id = nextToast++;
  // The same news twice (deleting, undoing, deleting again) shows once, with the latest action.
  for (const old of toasts.list.filter((t) => t.message === message)) dismissToast(old.id);
  toasts.list.push({ id, message, ...options });
  if (ms > 0) setTimeout(() => dismissToast(id), ms);
  return id;
}

export function dismissToast(id: number): void {
  const i = toasts.list.findIndex((t) => t.id === id);
  if (i >= 0) toasts.list.splice(i, 1);
}
