import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Autosaver, RETRY_MAX_MS, UnsavedError, type SaveState } from "./autosave";
import type { DraftInfo } from "./types/ipc";
import { info } from "../test/fixtures";

interface Doc {
  text: string;
}

function setup(save?: (value: Doc) => Promise<DraftInfo>) {
  const states: SaveState[] = [];
  let version = 1;
  const saved: Doc[] = [];
  const saver = new Autosaver<Doc>({
    save:
      save ??
      (async (value) => {
        saved.push(structuredClone(value));
        version += 1;
        return info(version, "2027-01-10T14:03:00Z");
      }),
    onState: (s) => states.push(s),
  });
  saver.reset({ text: "" }, info(1));
  return { saver, states, saved };
}

describe("autosave", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("waits for a 400 ms pause in typing and then saves once", async () => {
    const { saver, saved, states } = setup();
    for (const text of ["H", "He", "Hel", "Hell", "Hello"]) {
      saver.changed({ text });
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(saved).toEqual([]);
    expect(states.at(-1)).toEqual({ kind: "pending" });
    // 100 ms have passed since the last keystroke.
    await vi.advanceTimersByTimeAsync(299);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual([{ text: "Hello" }]);
    expect(states.at(-1)).toEqual({ kind: "saved", version: 2, at: "2027-01-10T14:03:00Z" });
    expect(states.map((s) => s.kind)).toContain("saving");
  });

  it("never sends a value the store already holds", async () => {
    const { saver, saved, states } = setup();
    saver.changed({ text: "" });
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved).toEqual([]);
    saver.changed({ text: "a" });
    saver.changed({ text: "" });
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved).toEqual([]);
    expect(states.at(-1)?.kind).toBe("saved");
  });

  it("saves a change typed during a save right after it, never two saves at once", async () => {
    let release: (() => void) | null = null;
    let running = 0;
    let maxRunning = 0;
    const values: string[] = [];
    let version = 1;
    const { saver, states } = setup(
      (value) =>
        new Promise((resolve) => {
          running++;
          maxRunning = Math.max(maxRunning, running);
          values.push(value.text);
          release = () => {
            running--;
            resolve(info(++version));
          };
        }),
    );
    saver.changed({ text: "one" });
    await vi.advanceTimersByTimeAsync(400);
    expect(values).toEqual(["one"]);
    saver.changed({ text: "one two" });
    await vi.advanceTimersByTimeAsync(400);
    expect(values).toEqual(["one"]);
    release!();
    await vi.advanceTimersByTimeAsync(0);
    expect(values).toEqual(["one", "one two"]);
    release!();
    await vi.advanceTimersByTimeAsync(0);
    expect(maxRunning).toBe(1);
    expect(states.at(-1)).toMatchObject({ kind: "saved", version: 3 });
  });

  it("reports a failed save, keeps the change, and saves it on retry", async () => {
    let fail = true;
    const stored: string[] = [];
    const { saver, states } = setup(async (value) => {
      if (fail) throw { kind: "store", message: "disk full" };
      stored.push(value.text);
      return info(2);
    });
    saver.changed({ text: "keep me" });
    await vi.advanceTimersByTimeAsync(400);
    expect(states.at(-1)).toMatchObject({ kind: "error", message: "disk full", reason: "store" });
    expect(saver.dirty).toBe(true);
    fail = false;
    await saver.retry();
    expect(stored).toEqual(["keep me"]);
    expect(states.at(-1)).toMatchObject({ kind: "saved", version: 2 });
    expect(saver.dirty).toBe(false);
  });

  it("flush saves at once without waiting for the pause", async () => {
    const { saver, saved } = setup();
    saver.changed({ text: "leaving" });
    await saver.flush();
    expect(saved).toEqual([{ text: "leaving" }]);
  });

  describe("when the store cannot take a save (a full disk)", () => {
    function failing() {
      let full = true;
      const attempts: { at: number; text: string }[] = [];
      const stored: string[] = [];
      let version = 1;
      const { saver, states } = setup(async (value) => {
        attempts.push({ at: Date.now(), text: value.text });
        if (full) throw { kind: "disk_full", message: "the disk holding /data/drafts.sqlite3 is full" };
        stored.push(value.text);
        return info(++version);
      });
      return { saver, states, attempts, stored, free: () => (full = false) };
    }

    it("tries again after 2, 4, 8, 16 and 30 s, then every 30 s, and says when the next try is", async () => {
      vi.setSystemTime(0);
      const { saver, states, attempts } = failing();
      saver.changed({ text: "kept" });
      await vi.advanceTimersByTimeAsync(400);
      expect(attempts.map((a) => a.at)).toEqual([400]);
      expect(states.at(-1)).toEqual({
        kind: "error",
        reason: "disk_full",
        message: "the disk holding /data/drafts.sqlite3 is full",
        retryAt: 2400,
      });
      await vi.advanceTimersByTimeAsync(2000 + 4000 + 8000 + 16000 + 30000 + 30000);
      const gaps = attempts.slice(1).map((a, i) => a.at - attempts[i].at);
      expect(gaps).toEqual([2000, 4000, 8000, 16000, RETRY_MAX_MS, RETRY_MAX_MS]);
      expect(attempts.every((a) => a.text === "kept")).toBe(true);
      // The header never flashed "saving" over the failure between tries.
      const firstError = states.findIndex((s) => s.kind === "error");
      expect(states.slice(firstError).every((s) => s.kind === "error")).toBe(true);
      expect(states.length - firstError).toBe(7);
    });

    it("tries again at the next change, with everything typed so far", async () => {
      vi.setSystemTime(0);
      const { saver, attempts, free, stored, states } = failing();
      saver.changed({ text: "one" });
      await vi.advanceTimersByTimeAsync(400);
      saver.changed({ text: "one two" });
      // Still failing: the header keeps saying so rather than "unsaved changes".
      expect(states.at(-1)?.kind).toBe("error");
      free();
      await vi.advanceTimersByTimeAsync(400);
      expect(attempts.map((a) => a.text)).toEqual(["one", "one two"]);
      expect(stored).toEqual(["one two"]);
      expect(states.at(-1)).toMatchObject({ kind: "saved", version: 2 });
      // Saved: no retry is left running.
      await vi.advanceTimersByTimeAsync(60000);
      expect(attempts).toHaveLength(2);
    });

    it("loses nothing once space returns, and the pause starts over at 2 s next time", async () => {
      vi.setSystemTime(0);
      const { saver, attempts, free, stored } = failing();
      saver.changed({ text: "first" });
      await vi.advanceTimersByTimeAsync(400 + 2000 + 4000);
      expect(attempts).toHaveLength(3);
      free();
      await vi.advanceTimersByTimeAsync(8000);
      expect(stored).toEqual(["first"]);
      expect(saver.dirty).toBe(false);
    });

    it("flush rejects while the change is not stored, and keeps it", async () => {
      const { saver, free, stored } = failing();
      saver.changed({ text: "leaving" });
      const error = await saver.flush().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnsavedError);
      expect((error as UnsavedError).reason).toBe("disk_full");
      expect(saver.dirty).toBe(true);
      free();
      await saver.flush();
      expect(stored).toEqual(["leaving"]);
    });

    it("stops trying once disposed", async () => {
      const { saver, attempts } = failing();
      saver.changed({ text: "x" });
      await vi.advanceTimersByTimeAsync(400);
      saver.dispose();
      await vi.advanceTimersByTimeAsync(120000);
      expect(attempts).toHaveLength(1);
    });
  });
});
