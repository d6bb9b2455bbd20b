/**
 * The consequences step's structured triggers in the window: the template's show and survive a
 * save unchanged, a condition chosen in the form lands in the saved agreement, a number out of
 * range never does, and the findings about triggers lead to their fields.
 */
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { tick } from "svelte";
import { beforeEach, describe, expect, it } from "vitest";
import templateEn from "../../../src-tauri/crates/sla-templates/builtin/sales-marketing.en.json";
import App from "../App.svelte";
import { setLocale } from "../lib/i18n.svelte";
import { MockBackend, installMockBackend } from "../lib/mock/backend";
import { goToField } from "../lib/navigation";
import { session } from "../lib/session.svelte";
import type { Agreement } from "../lib/types/agreement";

let backend: MockBackend;

async function openConsequences(step = "consequences") {
  backend = installMockBackend();
  const draft = backend.handle("create_draft", { template: "sales-marketing", language: "en" }) as { info: { id: number } };
  backend.settings.set("ui.last_draft_id", String(draft.info.id));
  backend.settings.set("ui.last_step", step);
  backend.settings.set("ui.language", "en");
  render(App);
  await screen.findByRole("heading", { level: 1 });
}

const el = <T extends HTMLElement = HTMLInputElement>(id: string): T => {
  const found = document.getElementById(id);
  if (!found) throw new Error(`no element #${id}`);
  return found as T;
};

async function choose(select: HTMLSelectElement, value: string) {
  select.value = value;
  await fireEvent.change(select);
  await tick();
}

async function retype(input: HTMLInputElement, text: string) {
  input.value = text;
  await fireEvent.input(input);
  await tick();
}

const saves = () => backend.calls.filter((c) => c.cmd === "save_draft");
const lastSaved = () => saves().at(-1)!.args.agreement as Agreement;

beforeEach(() => {
  setLocale("en");
  session.view = "loading";
});

describe("the consequences step's triggers", () => {
  it("shows the template's triggers and saves them unchanged", async () => {
    await openConsequences();
    expect(el<HTMLSelectElement>("f-consequences-escalation-0-when").value).toBe("missed_in_a_row");
    expect(el("f-consequences-escalation-0-when-periods").value).toBe("2");
    expect(el("f-consequences-escalation-1-when-periods").value).toBe("3");
    expect(el<HTMLSelectElement>("f-consequences-escalation-0-scope").value).toBe("agreement");
    // The recycling remedy is per lead: no condition a period's figures can show.
    expect(el<HTMLSelectElement>("f-consequences-remedies-0-when").value).toBe("none");
    expect(document.getElementById("f-consequences-remedies-0-when-periods")).toBeNull();
    expect(el<HTMLSelectElement>("f-consequences-remedies-1-when").value).toBe("achieved_below");
    expect(el("f-consequences-remedies-1-when-percent").value).toBe("80");
    expect(el("f-consequences-remedies-2-when-periods").value).toBe("1");
    expect(screen.getAllByText(/Two misses in a row is a pattern, one is noise/).length).toBeGreaterThan(0);
    expect(screen.getByText(/Below 80 % of target means a real shortfall/)).toBeTruthy();
    // The guidance is what a screen reader says of the choice.
    const guidance = document.getElementById(el("f-consequences-escalation-0-when").getAttribute("aria-describedby")!);
    expect(guidance?.textContent).toMatch(/^Two misses in a row is a pattern, one is noise: start the ladder at 2/);

    // Nothing is saved for merely looking; an edit elsewhere saves the triggers as they were.
    await new Promise((r) => setTimeout(r, 1200));
    expect(saves()).toHaveLength(0);
    await retype(el<HTMLInputElement>("f-notes"), "Leads found by reps themselves are out of scope.");
    await waitFor(() => expect(saves()).toHaveLength(1), { timeout: 3000 });
    const expected = (templateEn as Agreement).consequences;
    expect(JSON.stringify(lastSaved().consequences)).toBe(JSON.stringify(expected));
  });

  it("stores the condition, threshold and scope chosen, and takes 'not measured' out", async () => {
    await openConsequences();
    const metricId = session.agreement!.commitments[0].metrics[0].id;
    await choose(el<HTMLSelectElement>("f-consequences-escalation-1-scope"), `metric:${metricId}`);
    await choose(el<HTMLSelectElement>("f-consequences-escalation-1-when"), "achieved_below");
    await retype(el("f-consequences-escalation-1-when-percent"), "72,5");
    await choose(el<HTMLSelectElement>("f-consequences-escalation-0-when"), "none");
    await choose(el<HTMLSelectElement>("f-consequences-remedies-0-when"), "missed_in_a_row");
    await waitFor(() => expect(saves().length).toBeGreaterThan(0), { timeout: 3000 });
    await waitFor(() => expect(lastSaved().consequences.remedies[0].when).toBeDefined(), { timeout: 3000 });
    const c = lastSaved().consequences;
    expect(c.escalation[1].scope).toEqual({ kind: "metric", id: metricId });
    expect(c.escalation[1].when).toEqual({ condition: "achieved_below", percent: 72.5 });
    expect("when" in c.escalation[0]).toBe(false);
    // The template's own words stay: only the wizard's own description follows the condition.
    expect(c.escalation[0].trigger).toBe("A metric misses its target for two weeks running");
    expect(c.remedies[0].when).toEqual({ condition: "missed_in_a_row", periods: 2 });
    expect(screen.getByText(/A review cannot tell when this applies/)).toBeTruthy();

    // The whole agreement again: the scope goes, as in a step that never had one.
    await choose(el<HTMLSelectElement>("f-consequences-escalation-1-scope"), "agreement");
    expect("scope" in session.agreement!.consequences.escalation[1]).toBe(false);
  });

  it("keeps the last good number while the one typed is out of range, and says why", async () => {
    await openConsequences();
    const periods = el("f-consequences-escalation-0-when-periods");
    await retype(periods, "0");
    expect(periods.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByRole("alert").textContent).toMatch(/1/);
    await retype(periods, "2.5");
    expect(screen.getByRole("alert").textContent).toMatch(/whole/i);
    expect(session.agreement!.consequences.escalation[0].when).toEqual({ condition: "missed_in_a_row", periods: 2 });
    await retype(periods, "4");
    expect(session.agreement!.consequences.escalation[0].when).toEqual({ condition: "missed_in_a_row", periods: 4 });

    const percent = el("f-consequences-remedies-1-when-percent");
    await retype(percent, "120");
    expect(percent.getAttribute("aria-invalid")).toBe("true");
    expect(session.agreement!.consequences.remedies[1].when).toEqual({ condition: "achieved_below", percent: 80 });
  });

  it("gives a new level the next run of misses and a new remedy a shortfall, described", async () => {
    await openConsequences();
    await fireEvent.click(el("escalation-add"));
    await tick();
    expect(el<HTMLSelectElement>("f-consequences-escalation-2-when").value).toBe("missed_in_a_row");
    expect(el("f-consequences-escalation-2-when-periods").value).toBe("4");
    expect(el("f-consequences-escalation-2-trigger").value).toBe("The target is missed 4 periods in a row");
    await retype(el("f-consequences-escalation-2-when-periods"), "5");
    expect(el("f-consequences-escalation-2-trigger").value).toBe("The target is missed 5 periods in a row");

    await fireEvent.click(el("remedy-add"));
    await tick();
    expect(el<HTMLSelectElement>("f-consequences-remedies-3-when").value).toBe("achieved_below");
    expect(el("f-consequences-remedies-3-trigger").value).toBe("The achieved level is below 80% of target");
  });

  it("takes a finding about a trigger or a step's scope to its field", async () => {
    await openConsequences("review");
    // The paths `sla-guidance` gives trigger-out-of-range, escalation-scope-unknown-id and
    // triggers-not-structured.
    await goToField("consequences.remedies[1].when.percent");
    await waitFor(() => expect(document.activeElement?.id).toBe("f-consequences-remedies-1-when-percent"));
    await goToField("consequences.escalation[1].when.periods");
    await waitFor(() => expect(document.activeElement?.id).toBe("f-consequences-escalation-1-when-periods"));
    await goToField("consequences.escalation[0].when");
    await waitFor(() => expect(document.activeElement?.id).toBe("f-consequences-escalation-0-when"));

    // A scope naming a metric the agreement no longer has is shown as such, and focused.
    session.agreement!.consequences.escalation[1].scope = { kind: "metric", id: "gone" };
    await tick();
    const scope = el<HTMLSelectElement>("f-consequences-escalation-1-scope");
    expect(scope.value).toBe("metric:gone");
    expect(scope.selectedOptions[0].textContent).toBe('Metric "gone" (not in the agreement)');
    await goToField("consequences.escalation[1].scope.id");
    await waitFor(() => expect(document.activeElement).toBe(scope));
  });
});
