/**
 * The other head's file in the window, against the in-memory backend: opened from the start
 * screen, a new agreement becomes a draft, a new version of a draft here is compared (changes by
 * wizard step, accept or reject each, conflicts with both sides to choose from) and merged with
 * exactly the person's decisions; text stays text; Russian; sending a file for the other head.
 */
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it } from "vitest";
import App from "../App.svelte";
import { setLocale } from "../lib/i18n.svelte";
import { MockBackend, installMockBackend } from "../lib/mock/backend";
import { session } from "../lib/session.svelte";
import type { Agreement } from "../lib/types/agreement";
import type { FileView } from "../lib/types/ipc";

let backend: MockBackend;
let draftId: number;
let agreement: Agreement;

const FILE = "/tmp/from-igor.sla.json";

function proposal(overrides: Partial<Extract<FileView, { kind: "proposal" }>> = {}): FileView {
  return {
    kind: "proposal",
    draft: draftId,
    title: agreement.title,
    latest: 1,
    base: { kind: "found", version: 1 },
    from: "sales",
    proposer: "Igor Smirnov",
    changes: [
      { key: "commitments[mkt-leads].metrics[mql-per-rep].target", step: "performance", kind: "changed", text: "3.1.1 MQLs per sales rep: target 100 → 80 a month", field: "commitments[0].metrics[0].target" },
      { key: "commitments[mkt-leads].metrics[mql-acceptance].target", step: "performance", kind: "changed", text: "3.1.2 Sales acceptance rate: target 70% → 60% a month", field: "commitments[0].metrics[1].target" },
      { key: "deadlines.calendar.holidays[2027-01-07]", step: "deadlines", kind: "added", text: "5.1 holiday added: <b>7 January 2027</b>", field: null },
    ],
    conflicts: [],
    new_comments: 1,
    comments: [{ field: "commitments[0].metrics[2].target", author: "Igor Smirnov", at: "2026-11-03T09:00:00Z", text: "95% is <i>too</i> high" }],
    ...overrides,
  };
}

const calls = (cmd: string) => backend.calls.filter((c) => c.cmd === cmd);

async function openFromHome(view: FileView, compared = true) {
  const merged = structuredClone(agreement);
  merged.commitments[0].metrics[0].target = 80;
  backend.incoming.set(FILE, { view, agreement: merged });
  backend.openPath = FILE;
  render(App);
  await waitFor(() => expect(document.getElementById("open-agreement-file")).not.toBeNull());
  await fireEvent.click(document.getElementById("open-agreement-file")!);
  if (compared) await waitFor(() => expect(document.querySelector(".proposal")).not.toBeNull());
}

beforeEach(() => {
  setLocale("en");
  session.view = "loading";
  session.proposal = null;
  backend = installMockBackend();
  const draft = backend.handle("create_draft", { template: "sales-marketing", language: "en" }) as { info: { id: number }; agreement: Agreement };
  draftId = draft.info.id;
  agreement = draft.agreement;
});

describe("a file from the other head", () => {
  it("lists the proposal's changes by step, merges only the accepted ones, and opens the result", async () => {
    await openFromHome(proposal());
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Changes proposed by Igor Smirnov");
    expect(document.getElementById("proposal-base")!.textContent).toContain("Compared from version 1");
    expect(document.getElementById("proposal-counts")!.textContent).toBe("3 changes, 0 conflicts, 1 new comment");
    expect([...document.querySelectorAll(".proposal h2")].map((h) => h.textContent)).toEqual(["Performance levels", "Deadlines", "Their comments"]);
    // A change's text is text, whatever it holds.
    const holiday = document.querySelector('[data-key="deadlines.calendar.holidays[2027-01-07]"] .change-text')!;
    expect(holiday.textContent).toBe("5.1 holiday added: <b>7 January 2027</b>");
    expect(holiday.querySelector("b")).toBeNull();
    // Their comment, under the step of its field, as text.
    const comment = document.querySelector("#proposal-comments .proposal-comment")!;
    expect(comment.textContent).toContain("Performance levels");
    expect(comment.querySelector(".comment-text")!.textContent).toBe("95% is <i>too</i> high");
    expect(comment.querySelector("i")).toBeNull();

    // Reject the second change.
    const second = document.querySelector('[data-key="commitments[mkt-leads].metrics[mql-acceptance].target"]')!;
    await fireEvent.click(second.querySelector("input.reject")!);
    expect(second.classList.contains("rejected")).toBe(true);
    const merge = screen.getByRole("button", { name: "Merge 2 changes" });
    expect(calls("accept_proposal")).toHaveLength(0);
    await fireEvent.click(merge);
    await waitFor(() => expect(session.view).toBe("wizard"));
    const [call] = calls("accept_proposal");
    expect(call.args).toEqual({
      path: FILE,
      draft: draftId,
      latest: 1,
      rejected: ["commitments[mkt-leads].metrics[mql-acceptance].target"],
      choices: [],
    });
    expect(session.draft!.version).toBe(2);
    expect(session.agreement!.commitments[0].metrics[0].target).toBe(80);
    expect(calls("import_file")).toHaveLength(0);
    await screen.findByText("Merged as version 2: 2 accepted, 1 rejected.");
    // Opened, it waited for the draft; merged, it no longer does.
    expect(backend.settings.get(`proposal-pending:${draftId}`)).toBe("");
  });

  it("waits for a side to be chosen in each conflict and sends the choice", async () => {
    await openFromHome(
      proposal({
        changes: [],
        conflicts: [
          {
            key: "commitments[mkt-leads].metrics[mql-per-rep].target",
            step: "performance",
            text: "3.1.1 MQLs per sales rep, target: edited differently in the two versions",
            ours: ["3.1.1 MQLs per sales rep: target 100 → 120 a month"],
            theirs: ["3.1.1 MQLs per sales rep: target 100 → 80 a month"],
          },
        ],
      }),
    );
    const merge = document.getElementById("merge-proposal") as HTMLButtonElement;
    expect(merge.disabled).toBe(true);
    expect(screen.getByRole("note").textContent).toBe("Choose a side in 1 conflict to merge.");
    expect(screen.getByText("Igor Smirnov's")).toBeTruthy();
    const theirs = document.querySelector<HTMLInputElement>('input[name="choose-commitments[mkt-leads].metrics[mql-per-rep].target"][value="theirs"]')!;
    await fireEvent.click(theirs);
    expect(merge.disabled).toBe(false);
    await fireEvent.click(merge);
    await waitFor(() => expect(calls("accept_proposal")).toHaveLength(1));
    expect(calls("accept_proposal")[0].args.choices).toEqual([{ key: "commitments[mkt-leads].metrics[mql-per-rep].target", choice: "theirs" }]);
  });

  it("says so when the draft was saved since the comparison, and merges nothing", async () => {
    await openFromHome(proposal());
    backend.saveElsewhere(draftId, agreement, "meanwhile");
    await fireEvent.click(screen.getByRole("button", { name: "Merge 3 changes" }));
    await screen.findByRole("alert");
    expect(screen.getByRole("alert").textContent).toContain("Your draft was saved since this comparison was made");
    expect(session.view).toBe("proposal");
    expect(backend.drafts.get(draftId)!.info.version).toBe(2);
  });

  it("explains a two-way comparison and can keep the file as a separate draft", async () => {
    await openFromHome(proposal({ base: { kind: "unknown" } }));
    expect(document.getElementById("proposal-base")!.textContent).toContain("a version this computer has never had");
    await fireEvent.click(screen.getByRole("button", { name: "Keep as a separate draft" }));
    await waitFor(() => expect(session.view).toBe("wizard"));
    expect(calls("import_file")[0].args).toEqual({ path: FILE, separate: true });
    expect(session.draft!.id).not.toBe(draftId);
  });

  it("opens a new agreement as a new draft without a comparison", async () => {
    await openFromHome({ kind: "new", title: "Another agreement" }, false);
    await waitFor(() => expect(session.view).toBe("wizard"));
    expect(calls("import_file")[0].args).toEqual({ path: FILE, separate: false });
    expect(calls("accept_proposal")).toHaveLength(0);
  });

  it("reads in Russian", async () => {
    setLocale("ru");
    await openFromHome(proposal());
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Изменения, предложенные Igor Smirnov");
    expect(document.getElementById("proposal-counts")!.textContent).toBe("3 изменения, 0 конфликтов, 1 новый комментарий");
    expect(screen.getByRole("button", { name: "Слить 3 изменения" })).toBeTruthy();
  });
});

describe("sending the draft to the other head", () => {
  it("saves a file naming the side that sends it", async () => {
    backend.settings.set("ui.last_draft_id", String(draftId));
    backend.settings.set("ui.last_step", "signoff");
    render(App);
    await screen.findByRole("heading", { name: "Send to the other head" });
    const from = document.getElementById("send-from") as HTMLSelectElement;
    from.value = "sales";
    await fireEvent.change(from);
    await fireEvent.click(screen.getByRole("button", { name: "Save for the other head…" }));
    await screen.findByText(/Send it to the other head/);
    const [call] = calls("export_proposal");
    expect(call.args).toEqual({ id: draftId, from: "sales", path: "/tmp/agreement.pdf" });
  });
});

describe("the language", () => {
  it("reads the changes again in the language the person switches to, keeping the decisions", async () => {
    await openFromHome(proposal());
    const key = "commitments[mkt-leads].metrics[mql-acceptance].target";
    await fireEvent.click(document.querySelector(`[data-key="${key}"] input.reject`)!);
    const russian = proposal();
    if (russian.kind === "proposal") russian.changes[0].text = "3.1.1 MQL на менеджера: целевое значение 100 → 80 за месяц";
    backend.incoming.set(FILE, { view: russian, agreement });
    setLocale("ru");
    await screen.findByText("3.1.1 MQL на менеджера: целевое значение 100 → 80 за месяц");
    expect(calls("examine_file").at(-1)!.args.language).toBe("ru");
    expect(document.querySelector(`[data-key="${key}"]`)!.classList.contains("rejected")).toBe(true);
  });
});

describe("the drafts list", () => {
  it("says which drafts have open comments or a proposal waiting, and opens the proposal again", async () => {
    const a = structuredClone(agreement);
    a.negotiation = { comments: [{ id: "t1", on: "title", messages: [{ id: "m1", side: "sales", author: "Igor Smirnov", at: "2026-11-03T09:00:00Z", text: "?" }] }] };
    backend.saveElsewhere(draftId, a);
    backend.incoming.set(FILE, { view: proposal({ latest: 2 }), agreement: a });
    backend.settings.set(`proposal-pending:${draftId}`, FILE);
    render(App);
    const line = await waitFor(() => {
      const found = document.querySelector(`.negotiation-line[data-draft-id="${draftId}"]`);
      if (!found) throw new Error("no badge line yet");
      return found;
    });
    expect(line.querySelector(".comments-badge")!.textContent).toBe("1 open comment");
    expect(line.querySelector(".proposal-badge")!.textContent).toBe("Proposed changes wait");
    await fireEvent.click(line.querySelector("button.open-proposal")!);
    await waitFor(() => expect(session.view).toBe("proposal"));
    expect(calls("examine_file").at(-1)!.args.path).toBe(FILE);
  });
});
