/**
 * Saves the draft as the person types: a change waits for a short pause (400 ms), one save runs at
 * a time, a change made during a save is saved right after it, and an unchanged draft is never
 * sent. The state it reports is what the header shows; "saved" is reported only after the store
 * has answered, so whatever it showed as saved survives the app being killed. A save that fails (a
 * full disk, a read-only folder) keeps the change here and is tried again: after a growing pause
 * (2 s doubling up to 30 s), at the next change, or when asked. Each save names the version it
 * was based on (the one loaded or last saved); when another window or the command line saved a
 * newer one, the store refuses and autosave stops for this draft, keeping the change here, until
 * the person chooses: `keepMine` saves it on top of the other version, `reset` takes the other.
 */
import type { DraftInfo } from "./types/ipc";

export type SaveState =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; version: number; at: string }
  /** Another window or the command line saved a newer version: nothing is saved until resolved. */
  | { kind: "conflict"; latest: number; at: string }
  | {
      kind: "error";
      message: string;
      /** The backend's error kind (`disk_full`, `read_only`, …): what the header says. */
      reason: string;
      /** When the next try is due (ms since the epoch), so the header can count down. */
      retryAt: number;
    };

/** A save the store refused because its base is no longer the latest version. */
export interface SaveConflict {
  /** The version the refused save was based on. */
  base: number;
  /** The draft's latest version, saved elsewhere. */
  latest: number;
  /** When `latest` was saved (RFC 3339). */
  savedAt: string;
  /** Why `latest` exists when it is not an ordinary save ("imported from FILE"). */
  note: string;
  /** The store's own words. */
  message: string;
}

/** The conflict a rejected save reports, when it is one (error kind `conflict`). */
export function conflictOf(error: unknown): SaveConflict | null {
  if (!error || typeof error !== "object") return null;
  const e = error as { kind?: unknown; message?: unknown; conflict?: Record<string, unknown> };
  if (e.kind !== "conflict" || !e.conflict) return null;
  return {
    base: Number(e.conflict.base),
    latest: Number(e.conflict.latest),
    savedAt: String(e.conflict.saved_at ?? ""),
    note: String(e.conflict.note ?? ""),
    message: String(e.message ?? ""),
  };
}

/** Thrown by `flush` while a conflict waits for the person to choose: the change is still held here. */
export class ConflictPending extends Error {
  readonly reason = "conflict";
  constructor(readonly conflict: SaveConflict) {
    super(conflict.message);
  }
}

export interface AutosaveOptions<T> {
  /** Stores `value` as a new version on top of version `base`. */
  save: (value: T, base: number) => Promise<DraftInfo>;
  onState: (state: SaveState) => void;
  /** Called after every save that the store accepted. */
  onSaved?: (info: DraftInfo, value: T) => void;
  /** Called when the store refused a save because another window or command saved first. */
  onConflict?: (conflict: SaveConflict, value: T) => void;
  delayMs?: number;
  /** The clock the retry times are read from; tests pass a fake one. */
  now?: () => number;
}

export const AUTOSAVE_DELAY_MS = 400;
/** Pauses before trying a failed save again: doubling from the first, never longer than the last. */
export const RETRY_FIRST_MS = 2000;
export const RETRY_MAX_MS = 30000;

/** Thrown by `flush` when what was typed could not be stored: the change is still held here. */
export class UnsavedError extends Error {
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
  }
}

export class Autosaver<T> {
  private readonly save: (value: T, base: number) => Promise<DraftInfo>;
  private readonly onConflict?: (conflict: SaveConflict, value: T) => void;
  private conflict: SaveConflict | null = null;
  private readonly onState: (state: SaveState) => void;
  private readonly onSaved?: (info: DraftInfo, value: T) => void;
  private readonly delayMs: number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private latest: T | null = null;
  private latestJson = "";
  private savedJson = "";
  private lastSaved: DraftInfo | null = null;
  private failed = false;
  private failures = 0;
  private lastError: UnsavedError | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly now: () => number;
  private disposed = false;

  constructor(options: AutosaveOptions<T>) {
    this.save = options.save;
    this.onState = options.onState;
    this.onSaved = options.onSaved;
    this.onConflict = options.onConflict;
    this.delayMs = options.delayMs ?? AUTOSAVE_DELAY_MS;
    this.now = options.now ?? Date.now;
  }

  /** Starts from a value the store already holds, e.g. a draft just opened. */
  reset(value: T, info: DraftInfo): void {
    this.cancelTimer();
    this.latest = value;
    this.latestJson = this.savedJson = JSON.stringify(value);
    this.lastSaved = info;
    this.conflict = null;
    this.clearFailure();
    this.onState({ kind: "saved", version: info.version, at: info.updated_at });
  }

  /** The conflict autosave stopped at, until it is resolved. */
  get conflicted(): SaveConflict | null {
    return this.conflict;
  }

  /**
   * Resolves a conflict by keeping what is here: saved as a new version on top of `other` (the
   * draft's latest), which stays in the history. Resolves when stored.
   */
  keepMine(other: DraftInfo): Promise<void> {
    this.cancelTimer();
    this.conflict = null;
    this.clearFailure();
    this.lastSaved = other;
    // What the store holds is now `other`, not what was saved from here.
    this.savedJson = "";
    return this.flush();
  }

  /** Whether something typed has not reached the store yet. */
  get dirty(): boolean {
    return this.latestJson !== this.savedJson;
  }

  /** Records the current value; it is saved after the pause unless another change comes first. */
  changed(value: T): void {
    if (this.disposed) return;
    const json = JSON.stringify(value);
    if (json === this.latestJson && !this.failed) return;
    this.latest = value;
    this.latestJson = json;
    this.cancelTimer();
    // In a conflict the change is only kept: the person decides what is saved.
    if (this.conflict) return;
    if (!this.dirty) {
      // Back to what the store holds: nothing is waiting to be saved any more.
      this.clearFailure();
      if (!this.inFlight) this.reportSaved();
      return;
    }
    // After a failure the header keeps saying so until a save succeeds.
    if (!this.inFlight && !this.failed) this.onState({ kind: "pending" });
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, this.delayMs);
  }

  /**
   * Saves now whatever is waiting (window blur, leaving the draft, export); resolves when stored,
   * rejects with `UnsavedError` when the store could not take it (the change is kept and retried).
   */
  async flush(): Promise<void> {
    this.cancelTimer();
    if (this.inFlight) await this.inFlight;
    if (this.dirty) await this.run();
    if (this.conflict && this.dirty) throw new ConflictPending(this.conflict);
    if (this.dirty && this.failed && this.lastError) throw this.lastError;
  }

  /** Tries again after a failed save. */
  retry(): Promise<void> {
    return this.flush();
  }

  dispose(): void {
    this.disposed = true;
    this.cancelTimer();
    this.cancelRetry();
  }

  private cancelTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private cancelRetry(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private clearFailure(): void {
    this.cancelRetry();
    this.failed = false;
    this.failures = 0;
    this.lastError = null;
  }

  private reportSaved(): void {
    if (this.lastSaved) {
      this.onState({ kind: "saved", version: this.lastSaved.version, at: this.lastSaved.updated_at });
    } else {
      this.onState({ kind: "idle" });
    }
  }

  private run(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    if (!this.dirty || this.latest === null || this.conflict) return Promise.resolve();
    const value = this.latest;
    const json = this.latestJson;
    this.cancelRetry();
    // While a failure is shown, a new try does not flash "saving" over it.
    if (!this.failed) this.onState({ kind: "saving" });
    this.inFlight = this.save(value, this.lastSaved?.version ?? 0).then(
      (info) => {
        this.savedJson = json;
        this.lastSaved = info;
        this.clearFailure();
        this.inFlight = null;
        this.onSaved?.(info, value);
        if (this.dirty) {
          // Typed during the save: save that too, after the usual pause unless one is running.
          if (this.timer === null) return this.run();
          this.onState({ kind: "pending" });
        } else {
          this.reportSaved();
        }
      },
      (error: unknown) => {
        this.inFlight = null;
        this.failed = true;
        const message =
          error && typeof error === "object" && "message" in error ? String((error as { message: unknown }).message) : String(error);
        const reason = error && typeof error === "object" && "kind" in error ? String((error as { kind: unknown }).kind) : "error";
        this.lastError = new UnsavedError(message, reason);
        const conflict = conflictOf(error);
        if (conflict) {
          // Trying again cannot help: stop here until the person chooses.
          this.conflict = conflict;
          this.cancelRetry();
          this.onState({ kind: "conflict", latest: conflict.latest, at: conflict.savedAt });
          this.onConflict?.(conflict, value);
          return;
        }
        if (this.disposed) return;
        const wait = Math.min(RETRY_FIRST_MS * 2 ** this.failures, RETRY_MAX_MS);
        this.failures += 1;
        this.cancelRetry();
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          // A change typed meanwhile has its own save coming.
          if (this.timer === null) void this.run();
        }, wait);
        this.onState({ kind: "error", message, reason, retryAt: this.now() + wait });
      },
    );
    return this.inFlight;
  }
}
