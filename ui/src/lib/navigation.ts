/**
 * Moving around the window: start-up, opening a draft, changing step, going back to the list.
 * Where the person is gets remembered in the settings, so the next start brings them back there.
 */
import { tick } from "svelte";
import { SETTINGS, api } from "./api";
import { focusField, stepForField } from "./fieldpath";
import { locale, preferredLanguage, setLocale, t } from "./i18n.svelte";
import { session, toast } from "./session.svelte";
import { isStepKey, type StepKey } from "./steps";
import type { Agreement } from "./types/agreement";
import type { Draft } from "./types/ipc";

/** Saves whatever the wizard has pending; the wizard installs it while a draft is open. */
let flushPending: () => Promise<void> = async () => {};
export function setFlush(flush: () => Promise<void>): void {
  flushPending = flush;
}
export function flush(): Promise<void> {
  return flushPending();
}

/**
 * Saves what the open draft has pending before the window shows something else. When the store
 * cannot take it (a full disk), the draft stays on screen, since its unsaved changes live only
 * there, and a message says why.
 */
async function savedBeforeLeaving(): Promise<boolean> {
  try {
    await flushPending();
    return true;
  } catch {
    // In a conflict the person must choose first; otherwise the store cannot take the save.
    toast(t(session.conflict ? "conflict-stay" : "save-stay"), { kind: "error" });
    return false;
  }
}

function remember(key: string, value: string): void {
  // Losing the remembered step is not worth interrupting anyone for.
  api.setSetting(key, value).catch((e) => console.warn(`cannot remember ${key}:`, e));
}

/** The interface language chosen last time, or the system's; set before anything is shown. */
export async function initLocale(): Promise<void> {
  const language = await api.getSetting(SETTINGS.uiLanguage).catch(() => null);
  setLocale(language === "ru" || language === "en" ? language : preferredLanguage(navigator.languages ?? [navigator.language]));
}

export async function start(): Promise<void> {
  const [lastDraft, lastStep] = await Promise.all([
    api.getSetting(SETTINGS.lastDraft).catch(() => null),
    api.getSetting(SETTINGS.lastStep).catch(() => null),
  ]);
  // A file the app was opened with comes first.
  if (await openFileHandedOver()) return;
  const id = Number(lastDraft);
  if (lastDraft && Number.isInteger(id) && id > 0) {
    try {
      const draft = await api.openDraft(id);
      if (draft.info.trashed_at === null) {
        show(draft, isStepKey(lastStep) ? lastStep : "parties");
        return;
      }
    } catch (e) {
      console.warn("the last draft cannot be opened:", e);
    }
  }
  session.view = "home";
}

/**
 * Opens the file the app was started with, or that a second start handed to this window: a PDF
 * goes to the signatures screen (to verify or countersign it), an agreement file becomes a new
 * draft. Says whether there was one.
 */
export async function openFileHandedOver(): Promise<boolean> {
  const file = await api.takeFileToOpen().catch(() => null);
  if (!file) return false;
  if (/\.pdf$/i.test(file)) {
    await openSignatures(file);
    return true;
  }
  if (session.view === "wizard" && !(await savedBeforeLeaving())) return true;
  try {
    await openAgreementFile(file);
    return true;
  } catch (e) {
    if (session.view !== "wizard") session.view = "home";
    throw e;
  }
}

/**
 * Opens an agreement file (`.sla.json`, or a PDF SLA Studio exported): a new agreement becomes
 * a new draft; a new version of a draft here, from the other head, goes to the proposal screen
 * to be compared and merged, never stored twice.
 */
export async function openAgreementFile(path: string): Promise<void> {
  if (!(await savedBeforeLeaving())) return;
  const view = await api.examineFile(path, locale.current);
  if (view.kind === "new") {
    show(await api.importFile(path, false), "parties");
    return;
  }
  session.proposal = { path, view };
  session.view = "proposal";
  session.draft = null;
  session.agreement = null;
  remember(SETTINGS.lastDraft, "");
}

/** After a merge: the merged draft in the wizard. */
export function openMerged(draft: Draft): void {
  session.proposal = null;
  show(draft, "parties");
}

export function changeLanguage(lang: "en" | "ru"): void {
  setLocale(lang);
  remember(SETTINGS.uiLanguage, lang);
}

/** Fills the fields serde may leave out, so the wizard can bind to every one of them. */
export function complete(a: Agreement): Agreement {
  a.notes ??= "";
  a.deadlines.calendar.holidays ??= [];
  a.consequences.adjustments ??= [];
  for (const c of a.commitments) c.description ??= "";
  for (const r of a.monitoring.reports) r.contents ??= "";
  for (const e of a.consequences.escalation) e.action ??= "";
  for (const s of a.signatories) s.email ??= "";
  for (const side of ["marketing", "sales"] as const) a.parties[side].head.email ??= "";
  return a;
}

function show(draft: Draft, step: StepKey): void {
  draft.agreement = complete(draft.agreement);
  session.draft = draft.info;
  session.agreement = draft.agreement;
  session.findings = [];
  session.findingsCurrent = false;
  session.checkError = null;
  session.step = step;
  session.signed = null;
  session.view = "wizard";
  void loadSigned(draft.info.id);
  remember(SETTINGS.lastDraft, String(draft.info.id));
  remember(SETTINGS.lastStep, step);
}

export async function openDraft(id: number, step: StepKey = "parties"): Promise<void> {
  if (!(await savedBeforeLeaving())) return;
  show(await api.openDraft(id), step);
}

export function openCreated(draft: Draft): void {
  show(draft, "parties");
}

/** Asks which version of the draft is signed; the wizard shows it as frozen. */
export async function loadSigned(id: number): Promise<void> {
  try {
    const signed = await api.signedVersion(id);
    if (session.draft?.id === id) session.signed = signed;
  } catch (e) {
    console.warn("cannot tell which version is signed:", e);
  }
}

/** The screen for verifying and signing a PDF, with `file` on it when given. */
export async function openSignatures(file: string | null = null): Promise<void> {
  if (!(await savedBeforeLeaving())) return;
  session.signingFile = file;
  session.view = "signatures";
  session.draft = null;
  session.agreement = null;
  remember(SETTINGS.lastDraft, "");
}

/** The monthly reviews of draft `id` (a signed agreement): its periods, charts and what fired. */
export async function openReviews(id: number): Promise<void> {
  if (!(await savedBeforeLeaving())) return;
  const draft = await api.openDraft(id);
  draft.agreement = complete(draft.agreement);
  session.draft = draft.info;
  session.agreement = draft.agreement;
  session.signed = null;
  session.view = "reviews";
  void loadSigned(id);
  remember(SETTINGS.lastDraft, "");
}

export async function goHome(): Promise<void> {
  if (!(await savedBeforeLeaving())) return;
  session.view = "home";
  session.draft = null;
  session.agreement = null;
  remember(SETTINGS.lastDraft, "");
}

export function goToStep(step: StepKey): void {
  if (session.step === step) return;
  session.step = step;
  remember(SETTINGS.lastStep, step);
}

/** Takes the person to the field a finding points at and puts the caret in it. */
export async function goToField(path: string): Promise<void> {
  const step = stepForField(path);
  if (session.step === step) {
    await tick();
    focusField(path);
    return;
  }
  // The wizard focuses it once the step is on screen.
  session.focusPath = path;
  goToStep(step);
}

export { locale };
