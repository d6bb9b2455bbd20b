/**
 * Saves the draft as the person types: a change waits for a short pause (400 ms), one save runs at
 * a time, a change made during a save is saved right after it, and an unchanged draft is never
 * sent. The state it reports is what the header shows; "saved" is reported only after the store
 * has answered, so whatever it showed as saved survives the app being killed.
 */
import type { DraftInfo } from "./types/ipc";

export type SaveState =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; version: number; at: string }
  | { kind: "error"; message: string };

export interface AutosaveOptions<T> {
  save: (value: T) => Promise<DraftInfo>;
  onState: (state: SaveState) => void;
  /** Called after every save that the store accepted. */
  onSaved?: (info: DraftInfo, value: T) => void;
  delayMs?: number;
}

export const AUTOSAVE_DELAY_MS = 400;

export class Autosaver<T> {
  private readonly save: (value: T) => Promise<DraftInfo>;
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
  private disposed = false;

  constructor(options: AutosaveOptions<T>) {
    this.save = options.save;
    this.onState = options.onState;
    this.onSaved = options.onSaved;
    this.delayMs = options.delayMs ?? AUTOSAVE_DELAY_MS;
  }

  /** Starts from a value the store already holds, e.g. a draft just opened. */
  reset(value: T, info: DraftInfo): void {
    this.cancelTimer();
    this.latest = value;
    this.latestJson = this.savedJson = JSON.stringify(value);
    this.lastSaved = info;
    this.failed = false;
    this.onState({ kind: "saved", version: info.version, at: info.updated_at });
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
    if (!this.dirty) {
      if (!this.inFlight) this.reportSaved();
      return;
    }
    if (!this.inFlight) this.onState({ kind: "pending" });
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, this.delayMs);
  }

  /** Saves now whatever is waiting (window blur, leaving the draft, export); resolves when stored. */
  async flush(): Promise<void> {
    this.cancelTimer();
    if (this.inFlight) await this.inFlight;
    if (this.dirty) await this.run();
  }

  /** Tries again after a failed save. */
  retry(): Promise<void> {
    this.failed = false;
    return this.flush();
  }

  dispose(): void {
    this.disposed = true;
    this.cancelTimer();
  }

  private cancelTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
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
    if (!this.dirty || this.latest === null) return Promise.resolve();
    const value = this.latest;
    const json = this.latestJson;
    this.onState({ kind: "saving" });
    this.inFlight = this.save(value).then(
      (info) => {
        this.savedJson = json;
        this.lastSaved = info;
        this.failed = false;
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
        this.onState({ kind: "error", message });
      },
    );
    return this.inFlight;
  }
}
