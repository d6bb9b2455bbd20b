import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Autosaver, type SaveState } from "./autosave";
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
    expect(states.at(-1)).toEqual({ kind: "error", message: "disk full" });
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
});
