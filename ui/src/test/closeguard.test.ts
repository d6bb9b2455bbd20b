/**
 * Closing the window against the in-memory backend: pending edits are saved first and the window
 * may close; edits the store cannot take make it ask, in the person's language, instead.
 */
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it } from "vitest";
import App from "../App.svelte";
import { closeGuard, keepOpen, mayClose } from "../lib/closeguard.svelte";
import { setLocale } from "../lib/i18n.svelte";
import { MockBackend, installMockBackend } from "../lib/mock/backend";
import { session } from "../lib/session.svelte";

let backend: MockBackend;

async function openExample(ui = "en") {
  backend = installMockBackend();
  const draft = backend.handle("create_draft", { template: "sales-marketing", language: "en" }) as { info: { id: number } };
  backend.settings.set("ui.last_draft_id", String(draft.info.id));
  backend.settings.set("ui.last_step", "parties");
  backend.settings.set("ui.language", ui);
  render(App);
  await screen.findByRole("heading", { level: 1 });
}

async function type(el: HTMLInputElement, text: string) {
  el.focus();
  for (const ch of text) {
    el.value += ch;
    await fireEvent.input(el);
  }
}

const title = () => document.getElementById("f-title") as HTMLInputElement;

beforeEach(() => {
  setLocale("en");
  session.view = "loading";
  keepOpen();
});

describe("closing the window", () => {
  it("saves what was just typed, then may close without asking", async () => {
    await openExample();
    await type(title(), " (last words)");
    expect(await mayClose()).toBe(true);
    expect(closeGuard.asking).toBe(false);
    expect(backend.drafts.get(1)!.agreement.title.endsWith(" (last words)")).toBe(true);
    expect(document.getElementById("close-guard")).toBeNull();
  });

  it("on a full disk asks instead, and keeping the window keeps the edits", async () => {
    await openExample();
    backend.diskFull = true;
    await type(title(), " (kept)");
    await waitFor(() => expect(document.getElementById("save-status")!.dataset.reason).toBe("disk_full"), { timeout: 2000 });
    expect(await mayClose()).toBe(false);
    const dialog = await screen.findByRole("alertdialog");
    expect(dialog.textContent).toContain("Your latest edits are not saved");
    expect(dialog.textContent).toContain("The disk is full. They exist only in this window");
    expect(document.activeElement?.id).toBe("close-guard-stay");
    await fireEvent.click(screen.getByRole("button", { name: "Keep the window open" }));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(title().value.endsWith(" (kept)")).toBe(true);
    // Once there is room again, closing saves them and asks nothing.
    backend.diskFull = false;
    expect(await mayClose()).toBe(true);
    expect(backend.drafts.get(1)!.agreement.title.endsWith(" (kept)")).toBe(true);
  });

  it("asks in Russian when the interface is Russian", async () => {
    await openExample("ru");
    setLocale("ru");
    backend.diskFull = true;
    await type(title(), " (правка)");
    await waitFor(() => expect(document.getElementById("save-status")!.dataset.reason).toBe("disk_full"), { timeout: 2000 });
    expect(await mayClose()).toBe(false);
    const dialog = await screen.findByRole("alertdialog");
    expect(dialog.textContent).toContain("Последние правки не сохранены");
    expect(dialog.textContent).toContain("Диск заполнен.");
    expect(screen.getByRole("button", { name: "Закрыть и потерять правки" })).toBeTruthy();
  });
});
