/**
 * Closing the window saves what is pending first. Edits the store cannot take (a full disk, a
 * read-only folder, a newer version saved elsewhere) exist only in this window's memory, so
 * closing then asks instead of losing them without a word.
 */
import { getCurrentWindow } from "@tauri-apps/api/window";
import { flush } from "./navigation";

export const closeGuard = $state<{ asking: boolean }>({ asking: false });

/** Set once the window may close without asking again. */
let leaving = false;

/**
 * Saves what is pending; `true` when the window may close now. When the edits cannot be saved,
 * raises the question (`closeGuard.asking`) and answers `false`.
 */
export async function mayClose(): Promise<boolean> {
  if (leaving) return true;
  try {
    await flush();
    return true;
  } catch {
    closeGuard.asking = true;
    return false;
  }
}

/** Intercepts the window's close button (and any other close request) for as long as the window lives. */
export async function installCloseGuard(): Promise<() => void> {
  const win = getCurrentWindow();
  return win.onCloseRequested(async (event) => {
    if (leaving) return;
    event.preventDefault();
    if (await mayClose()) await closeNow();
  });
}

/** The person chose to close and lose the edits the store could not take. */
export async function closeNow(): Promise<void> {
  leaving = true;
  closeGuard.asking = false;
  await getCurrentWindow().destroy();
}

export function keepOpen(): void {
  closeGuard.asking = false;
}
