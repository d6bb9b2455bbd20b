/**
 * The recovery screen against the in-memory backend: a store found damaged at start shows what
 * happened, the newest backup and what was read back, and the person's choice reaches the backend
 * with the drafts they ticked.
 */
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it } from "vitest";
import App from "../App.svelte";
import { setLocale } from "../lib/i18n.svelte";
import { MockBackend, installMockBackend } from "../lib/mock/backend";
import { session } from "../lib/session.svelte";
import type { RecoveryReport } from "../lib/types/ipc";

function damaged(withBackup: boolean): RecoveryReport {
  return {
    kind: "damaged",
    detail: "database disk image is malformed",
    folder: "/home/anna/.local/share/com.slastudio.desktop",
    moved_to: "/home/anna/.local/share/com.slastudio.desktop/drafts.damaged-2027-01-10T14-03-00Z.sqlite3",
    backup: withBackup
      ? {
          path: "/home/anna/.local/share/com.slastudio.desktop/backups/daily-2027-01-09.sqlite3",
          taken_at: "2027-01-09T08:00:00Z",
          reason: "daily",
          schema_version: 4,
          drafts: 2,
          in_trash: 0,
          titles: ["Alpha", "Bravo"],
          identity_files: 2,
          size: 300 * 1024,
          problem: null,
        }
      : null,
    salvaged: [
      { index: 0, title: "Charlie", version: 3, saved_at: "2027-01-10T12:00:00Z", in_trash: false, newer_than_backup: true },
      { index: 1, title: "Alpha", version: 5, saved_at: "2027-01-08T12:00:00Z", in_trash: false, newer_than_backup: false },
    ],
    salvaged_to: "/home/anna/.local/share/com.slastudio.desktop/drafts.damaged-2027-01-10T14-03-00Z-salvaged",
    problems: ["2 rows of versions could not be read"],
  };
}

let backend: MockBackend;

beforeEach(() => {
  setLocale("en");
  session.view = "loading";
  backend = installMockBackend();
  backend.settings.set("ui.language", "en");
});

const applied = () => backend.calls.filter((c) => c.cmd === "recovery_apply");

describe("the recovery screen", () => {
  it("shows the damage, the backup and what was read back, newer ones ticked", async () => {
    backend.recovery = damaged(true);
    render(App);
    expect((await screen.findByRole("heading", { level: 1 })).textContent).toBe("Your drafts database is damaged");
    expect(document.getElementById("recovery-moved")?.textContent).toContain("drafts.damaged-2027-01-10T14-03-00Z.sqlite3");
    expect(document.getElementById("recovery-backup")?.textContent).toContain("2 agreements");
    const boxes = screen.getAllByRole("checkbox") as HTMLInputElement[];
    expect(boxes.map((b) => b.checked)).toEqual([true, false]);
    expect(screen.getByText("newer than the backup")).toBeTruthy();
    expect(document.getElementById("recovery-restore")?.textContent?.trim()).toBe("Restore this backup and add 1 agreement");
  });

  it("restores the backup with the ticked drafts, then shows the list", async () => {
    backend.recovery = damaged(true);
    render(App);
    await screen.findByRole("heading", { level: 1 });
    const boxes = screen.getAllByRole("checkbox") as HTMLInputElement[];
    await fireEvent.click(boxes[1]);
    await fireEvent.click(document.getElementById("recovery-restore")!);
    await waitFor(() => expect(applied()).toHaveLength(1));
    expect(applied()[0].args).toEqual({ backup: damaged(true).backup!.path, import: [0, 1] });
    await waitFor(() => expect(session.view).toBe("home"));
    expect(document.getElementById("recovery-heading")).toBeNull();
  });

  it("without a backup offers only a new list, with nothing ticked it adds nothing", async () => {
    backend.recovery = damaged(false);
    render(App);
    await screen.findByRole("heading", { level: 1 });
    expect(document.getElementById("recovery-restore")).toBeNull();
    expect(document.getElementById("recovery-no-backup")).not.toBeNull();
    const boxes = screen.getAllByRole("checkbox") as HTMLInputElement[];
    expect(boxes.map((b) => b.checked)).toEqual([true, true]);
    for (const box of boxes) await fireEvent.click(box);
    expect(document.getElementById("recovery-start-new")?.textContent?.trim()).toBe("Start with an empty list");
    await fireEvent.click(document.getElementById("recovery-start-new")!);
    await waitFor(() => expect(applied()).toHaveLength(1));
    expect(applied()[0].args).toEqual({ backup: null, import: [] });
  });

  it("a store that cannot be opened says why, in Russian too", async () => {
    backend.recovery = {
      ...damaged(false),
      kind: "unavailable",
      detail: "drafts.sqlite3 was written by a newer SLA Studio (schema 9)",
      moved_to: null,
      salvaged: [],
      salvaged_to: null,
      problems: [],
    };
    backend.settings.set("ui.language", "ru");
    setLocale("ru");
    render(App);
    expect((await screen.findByRole("heading", { level: 1 })).textContent).toBe("Черновики не открываются");
    expect(screen.getByRole("alert").textContent).toContain("schema 9");
    expect(screen.queryByRole("button", { name: /Восстановить/ })).toBeNull();
  });
});
