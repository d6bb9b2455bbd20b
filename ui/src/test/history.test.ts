/**
 * Comparing two versions from the versions list, against the in-memory backend: two ticked, the
 * changes under their wizard steps, each leading to its field.
 */
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it } from "vitest";
import App from "../App.svelte";
import { setLocale } from "../lib/i18n.svelte";
import { MockBackend, installMockBackend } from "../lib/mock/backend";
import { session } from "../lib/session.svelte";
import type { Agreement } from "../lib/types/agreement";

let backend: MockBackend;

beforeEach(() => {
  setLocale("en");
  session.view = "loading";
  backend = installMockBackend();
});

describe("comparing versions", () => {
  it("lists what changed between the two versions ticked and leads to the field", async () => {
    const draft = backend.handle("create_draft", { template: "sales-marketing", language: "en" }) as { info: { id: number }; agreement: Agreement };
    const changed = structuredClone(draft.agreement);
    changed.commitments[0].metrics[0].target = 120;
    backend.saveElsewhere(draft.info.id, changed);
    backend.saveElsewhere(draft.info.id, changed, "renamed");
    backend.settings.set("ui.last_draft_id", String(draft.info.id));
    backend.settings.set("ui.last_step", "parties");
    render(App);
    await fireEvent.click(await screen.findByRole("button", { name: "Versions" }));
    await screen.findByText("Version 3");
    const button = document.getElementById("history-compare") as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.textContent!.trim()).toBe("Tick two versions to compare them");
    const picks = [...document.querySelectorAll<HTMLInputElement>(".compare-pick input")];
    expect(picks).toHaveLength(3);
    // Versions 3 and 1 (newest first in the list), ticked in that order, compare 1 with 3.
    await fireEvent.click(picks[0]);
    await fireEvent.click(picks[2]);
    expect(button.disabled).toBe(false);
    expect(button.textContent!.trim()).toBe("Compare version 1 with 3");
    await fireEvent.click(button);
    await screen.findByText("From version 1 to 3: 1 change");
    expect(backend.calls.filter((c) => c.cmd === "compare_versions")[0].args).toEqual({ id: draft.info.id, from: 1, to: 3, language: "en" });
    const link = await screen.findByRole("button", { name: /MQLs per sales rep: 100 → 120/ });
    // A third tick replaces the first one.
    await fireEvent.click(picks[1]);
    expect(picks.filter((p) => p.checked)).toHaveLength(2);
    await fireEvent.click(link);
    await waitFor(() => expect(session.step).toBe("performance"));
    await waitFor(() => expect(document.activeElement?.id).toBe("f-commitments-0-metrics-0-target"));
  });
});
