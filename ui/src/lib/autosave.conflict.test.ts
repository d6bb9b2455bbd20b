/**
 * Autosave against a store that refuses lost updates: each save names its base version, and a
 * newer version saved elsewhere stops autosave until the person keeps theirs or takes the other.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Autosaver, ConflictPending, conflictOf, type SaveConflict, type SaveState } from "./autosave";
import { info } from "../test/fixtures";

/** A draft as the store keeps it: versions of a text, and the same check the store makes. */
class Draft {
  versions = [""];
  sent: { text: string; base: number }[] = [];
  get latest(): number {
    return this.versions.length;
  }
  /** Another window or the command line saves. */
  saveElsewhere(text: string): void {
    this.versions.push(text);
  }
  async save(text: string, base: number) {
    this.sent.push({ text, base });
    if (text === this.versions.at(-1)) return info(this.latest);
    if (base !== this.latest) {
      throw {
        kind: "conflict",
        message: `version ${this.latest} was saved elsewhere`,
        conflict: { id: 1, base, latest: this.latest, saved_at: "2027-01-10T14:05:00Z", note: "" },
      };
    }
    this.versions.push(text);
    return info(this.latest);
  }
}

function setup() {
  const draft = new Draft();
  const states: SaveState[] = [];
  const conflicts: { conflict: SaveConflict; value: string }[] = [];
  const saver = new Autosaver<string>({
    save: (text, base) => draft.save(text, base),
    onState: (s) => states.push(s),
    onConflict: (conflict, value) => conflicts.push({ conflict, value }),
  });
  saver.reset("", info(1));
  return { draft, saver, states, conflicts };
}

describe("autosave when another window saved first", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("names the version it was based on: the one loaded, then each one it saved", async () => {
    const { draft, saver } = setup();
    saver.changed("one");
    await vi.advanceTimersByTimeAsync(400);
    saver.changed("one two");
    await vi.advanceTimersByTimeAsync(400);
    expect(draft.sent).toEqual([
      { text: "one", base: 1 },
      { text: "one two", base: 2 },
    ]);
  });

  it("stops, keeps the edits, and never retries or sends again until the person chooses", async () => {
    const { draft, saver, states, conflicts } = setup();
    draft.saveElsewhere("from the command line");
    saver.changed("typed here");
    await vi.advanceTimersByTimeAsync(400);
    expect(states.at(-1)).toEqual({ kind: "conflict", latest: 2, at: "2027-01-10T14:05:00Z" });
    expect(conflicts).toEqual([
      { conflict: { base: 1, latest: 2, savedAt: "2027-01-10T14:05:00Z", note: "", message: "version 2 was saved elsewhere" }, value: "typed here" },
    ]);
    expect(saver.conflicted?.latest).toBe(2);
    // Typing goes on in memory; nothing is sent, not even after minutes.
    saver.changed("typed here, and more");
    await vi.advanceTimersByTimeAsync(10 * 60 * 1000);
    expect(draft.sent).toHaveLength(1);
    expect(saver.dirty).toBe(true);
    expect(states.at(-1)?.kind).toBe("conflict");
    // Leaving the draft or exporting is told the edits are not stored.
    await expect(saver.flush()).rejects.toBeInstanceOf(ConflictPending);
    await expect(saver.flush()).rejects.toMatchObject({ reason: "conflict" });
    expect(draft.versions).toEqual(["", "from the command line"]);
  });

  it("keep mine: saves the edits as a new version on top of the other, which stays", async () => {
    const { draft, saver, states } = setup();
    draft.saveElsewhere("from the command line");
    saver.changed("typed here");
    await vi.advanceTimersByTimeAsync(400);
    saver.changed("typed here, and more");
    await saver.keepMine(info(2));
    expect(draft.sent.at(-1)).toEqual({ text: "typed here, and more", base: 2 });
    expect(draft.versions).toEqual(["", "from the command line", "typed here, and more"]);
    expect(states.at(-1)).toMatchObject({ kind: "saved", version: 3 });
    expect(saver.conflicted).toBeNull();
    // Autosave goes on from there.
    saver.changed("later");
    await vi.advanceTimersByTimeAsync(400);
    expect(draft.sent.at(-1)).toEqual({ text: "later", base: 3 });
  });

  it("keep mine when yet another version came meanwhile: a new conflict, nothing overwritten", async () => {
    const { draft, saver, conflicts } = setup();
    draft.saveElsewhere("second");
    saver.changed("mine");
    await vi.advanceTimersByTimeAsync(400);
    draft.saveElsewhere("third");
    await expect(saver.keepMine(info(2))).rejects.toMatchObject({ reason: "conflict" });
    expect(conflicts.map((c) => c.conflict.latest)).toEqual([2, 3]);
    expect(draft.versions).toEqual(["", "second", "third"]);
  });

  it("take the other: nothing is sent, and autosave goes on from the other version", async () => {
    const { draft, saver, states } = setup();
    draft.saveElsewhere("from the command line");
    saver.changed("typed here");
    await vi.advanceTimersByTimeAsync(400);
    saver.reset("from the command line", info(2));
    expect(states.at(-1)).toMatchObject({ kind: "saved", version: 2 });
    expect(saver.dirty).toBe(false);
    await vi.advanceTimersByTimeAsync(60 * 1000);
    expect(draft.sent).toHaveLength(1);
    saver.changed("from the command line, edited");
    await vi.advanceTimersByTimeAsync(400);
    expect(draft.sent.at(-1)).toEqual({ text: "from the command line, edited", base: 2 });
  });

  it("tells a conflict from other failures by its kind", () => {
    expect(conflictOf({ kind: "disk_full", message: "full" })).toBeNull();
    expect(conflictOf("busy")).toBeNull();
    expect(conflictOf({ kind: "conflict", message: "m", conflict: { base: 1, latest: 4, saved_at: "t", note: "renamed" } })).toEqual({
      base: 1,
      latest: 4,
      savedAt: "t",
      note: "renamed",
      message: "m",
    });
  });
});
