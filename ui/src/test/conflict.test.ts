/**
 * The window when another window or the command line saved a newer version of the open draft:
 * the conflict view with both versions, "keep mine" and "take the other", against the in-memory
 * backend, which refuses a save based on a version that is no longer the latest as the store does.
 */
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it } from "vitest";
import App from "../App.svelte";
import { setLocale } from "../lib/i18n.svelte";
import { MockBackend, installMockBackend } from "../lib/mock/backend";
import { session, toasts } from "../lib/session.svelte";
import type { Agreement } from "../lib/types/agreement";

let backend: MockBackend;

async function openExample(ui = "en"): Promise<number> {
  backend = installMockBackend();
  const draft = backend.handle("create_draft", { template: "sales-marketing", language: "en" }) as { info: { id: number } };
  backend.settings.set("ui.last_draft_id", String(draft.info.id));
  backend.settings.set("ui.last_step", "parties");
  setLocale(ui as "en" | "ru");
  render(App);
  await screen.findByRole("heading", { level: 1 });
  return draft.info.id;
}

function input(id: string): HTMLInputElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`no element #${id}`);
  return el as HTMLInputElement;
}

async function type(el: HTMLInputElement, text: string) {
  el.focus();
  for (const ch of text) {
    el.value += ch;
    await fireEvent.input(el);
  }
}

/** The command line saves a version with other notes while the window has the draft open. */
function saveFromTheCommandLine(id: number): Agreement {
  const theirs = structuredClone(backend.drafts.get(id)!.agreement);
  theirs.notes = "Agreed on the phone: leads within 4 hours";
  backend.saveElsewhere(id, theirs);
  return theirs;
}

const conflictView = () => document.getElementById("conflict");
const versions = (id: number) => backend.drafts.get(id)!.history.map((h) => h.agreement);

beforeEach(() => {
  setLocale("en");
  session.view = "loading";
  toasts.list.splice(0);
});

describe("a newer version saved elsewhere", () => {
  it("stops autosave and shows both versions with what happened, in plain words", async () => {
    const id = await openExample();
    saveFromTheCommandLine(id);
    await type(input("f-parties-marketing-head-name"), " Jr");
    await waitFor(() => expect(conflictView()).toBeTruthy(), { timeout: 2000 });
    expect(document.getElementById("save-status")!.dataset.state).toBe("conflict");
    expect(document.getElementById("save-status")!.textContent).toContain("Not saved: changed elsewhere");
    expect(document.getElementById("conflict-explain")!.textContent).toMatch(
      /^While you were editing, version 2 was saved on .+ by another SLA Studio window or the command line\. Your changes here are not saved yet/,
    );
    const table = await waitFor(() => {
      const t = document.getElementById("conflict-differences");
      expect(t).toBeTruthy();
      return t!;
    });
    const rows = [...table.querySelectorAll("tbody tr")].map((r) => [...r.querySelectorAll("th, td")].map((c) => c.textContent!.trim()));
    expect(rows).toContainEqual([expect.stringContaining("parties.marketing.head.name"), "Anna Petrova Jr", "Anna Petrova"]);
    expect(rows).toContainEqual([expect.stringContaining("notes"), expect.any(String), "Agreed on the phone: leads within 4 hours"]);
    // Typing goes on; nothing more is sent.
    const sent = backend.calls.filter((c) => c.cmd === "save_draft").length;
    await type(input("f-parties-marketing-head-name"), "!");
    await new Promise((r) => setTimeout(r, 700));
    expect(backend.calls.filter((c) => c.cmd === "save_draft")).toHaveLength(sent);
    expect(versions(id)).toHaveLength(2);
  });

  it("keep mine: saved as a new version on top; the other stays in the history", async () => {
    const id = await openExample();
    const theirs = saveFromTheCommandLine(id);
    await type(input("f-parties-marketing-head-name"), " Jr");
    const keep = await screen.findByRole("button", { name: "Keep mine" }, { timeout: 2000 });
    await fireEvent.click(keep);
    await waitFor(() => expect(conflictView()).toBeNull());
    const all = versions(id);
    expect(all).toHaveLength(3);
    expect(all[1]).toEqual(theirs);
    expect(all[2].parties.marketing.head.name).toBe("Anna Petrova Jr");
    expect(backend.calls.filter((c) => c.cmd === "save_draft").at(-1)!.args.base).toBe(2);
    expect(screen.getByText("Your changes are saved as version 3; version 2 stays in the Versions list.")).toBeTruthy();
    expect(document.getElementById("save-status")!.textContent).toContain("Saved · version 3");
  });

  it("take the other: shows it, and Undo brings the edits back to be saved on top", async () => {
    const id = await openExample();
    await type(input("f-parties-marketing-head-name"), " Jr");
    await waitFor(() => expect(versions(id)).toHaveLength(2), { timeout: 2000 });
    saveFromTheCommandLine(id);
    await type(input("f-parties-marketing-head-name"), " II");
    const take = await screen.findByRole("button", { name: "Take version 3" }, { timeout: 2000 });
    await fireEvent.click(take);
    await waitFor(() => expect(conflictView()).toBeNull());
    expect(input("f-parties-marketing-head-name").value).toBe("Anna Petrova Jr");
    expect(session.agreement!.notes).toBe("Agreed on the phone: leads within 4 hours");
    expect(versions(id)).toHaveLength(3);
    expect(screen.getByText("Version 3 is open. Your unsaved changes were discarded.")).toBeTruthy();
    await fireEvent.click(screen.getByRole("button", { name: "Undo" }));
    await waitFor(() => expect(versions(id)).toHaveLength(4), { timeout: 2000 });
    expect(versions(id)[3].parties.marketing.head.name).toBe("Anna Petrova Jr II");
    expect(backend.calls.filter((c) => c.cmd === "save_draft").at(-1)!.args.base).toBe(3);
  });

  it("speaks Russian in a Russian interface", async () => {
    const id = await openExample("ru");
    saveFromTheCommandLine(id);
    await type(input("f-parties-marketing-head-name"), " мл.");
    await screen.findByRole("button", { name: "Оставить моё" }, { timeout: 2000 });
    expect(document.getElementById("conflict-explain")!.textContent).toMatch(
      /^Пока вы редактировали, другое окно SLA Studio или командная строка сохранили версию 2 \(.+\)\. Ваши изменения здесь ещё не сохранены/,
    );
    expect(screen.getByRole("button", { name: "Взять версию 2" })).toBeTruthy();
  });
});
