/**
 * Comments in the wizard, against the in-memory backend: a comment on the field the person was
 * in, marked beside that field, saved with the draft, replied to and resolved; text stays text;
 * Russian; a thread whose clause was removed says so.
 */
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it } from "vitest";
import App from "../App.svelte";
import { setLocale } from "../lib/i18n.svelte";
import { MockBackend, installMockBackend } from "../lib/mock/backend";
import { session } from "../lib/session.svelte";
import type { Agreement } from "../lib/types/agreement";

let backend: MockBackend;

function el<T extends HTMLElement = HTMLElement>(selector: string): T {
  const found = document.querySelector(selector);
  if (!found) throw new Error(`no element ${selector}`);
  return found as T;
}

async function openWizard(step = "parties", seed?: (a: Agreement) => void) {
  const draft = backend.handle("create_draft", { template: "sales-marketing", language: "en" }) as { info: { id: number }; agreement: Agreement };
  if (seed) {
    const a = structuredClone(draft.agreement);
    seed(a);
    backend.saveElsewhere(draft.info.id, a);
  }
  backend.settings.set("ui.last_draft_id", String(draft.info.id));
  backend.settings.set("ui.last_step", step);
  render(App);
  await screen.findByRole("heading", { level: 1 });
  return draft.info.id;
}

const saves = () => backend.calls.filter((c) => c.cmd === "save_draft");

beforeEach(() => {
  setLocale("en");
  session.view = "loading";
  backend = installMockBackend();
});

describe("comments on clauses", () => {
  it("go on the field the person was in, show beside it, and are saved with the draft", async () => {
    await openWizard("parties");
    await fireEvent.click(el("#comments-open"));
    await waitFor(() => expect(document.getElementById("comment-text")).not.toBeNull());
    expect(el("#comment-text").hasAttribute("disabled")).toBe(true);
    expect(screen.getByText("No comments yet.")).toBeTruthy();
    // The person clicks in the title, then writes.
    await fireEvent.focusIn(el("#f-title"));
    await waitFor(() => expect(screen.getByLabelText("New comment on “Parties and service · Title”")).toBeTruthy());
    const box = el<HTMLTextAreaElement>("#comment-text");
    box.value = "Say <b>which</b> company";
    await fireEvent.input(box);
    await fireEvent.click(el("#comment-add"));
    await waitFor(() => expect(session.agreement!.negotiation?.comments).toHaveLength(1));
    const thread = session.agreement!.negotiation!.comments![0];
    expect(thread.on).toBe("key:title");
    expect(thread.messages[0]).toMatchObject({ side: "marketing", author: "Anna Petrova", text: "Say <b>which</b> company" });
    // As text, never as markup.
    const text = el(`[data-thread="${thread.id}"] .text`);
    expect(text.textContent).toBe("Say <b>which</b> company");
    expect(text.querySelector("b")).toBeNull();
    // Marked beside the field, and counted on the button.
    await waitFor(() => expect(el('.comment-mark[data-path="title"]').textContent).toBe("1 comment"));
    expect(el("#comments-open").textContent!.trim()).toBe("Comments (1 open)");
    // Saved with the draft.
    await waitFor(() => expect(saves().some((c) => (c.args.agreement as Agreement).negotiation?.comments?.length === 1)).toBe(true), { timeout: 3000 });
  });

  it("are replied to as the other head, resolved and reopened", async () => {
    await openWizard("parties", (a) => {
      a.negotiation = {
        comments: [
          { id: "t1", on: "key:parties.sales.department", messages: [{ id: "m1", side: "sales", author: "Igor Smirnov", at: "2026-11-03T09:00:00Z", text: "Call us B2B Sales" }] },
          { id: "t3", on: "key:commitments[0].metrics[2].target", messages: [{ id: "m3", side: "sales", author: "Igor Smirnov", at: "2026-11-03T11:00:00Z", text: "Lower it" }] },
          { id: "t2", on: "key:commitments[9].service", messages: [{ id: "m2", side: "sales", author: "Igor Smirnov", at: "2026-11-03T10:00:00Z", text: "About a removed service" }] },
        ],
      };
    });
    await fireEvent.click(el("#comments-open"));
    await waitFor(() => expect(document.getElementById("comments")).not.toBeNull());
    expect(el("#comments-open").textContent!.trim()).toBe("Comments (3 open)");
    await waitFor(() => expect(el('[data-thread="t1"] .thread-field').textContent).toBe("Parties and service · Department name"));
    expect(el('[data-thread="t2"] .thread-head').textContent).toContain("a clause removed since");
    // A field on another step: its step, its metric and its name.
    const metricName = session.agreement!.commitments[0].metrics[2].name;
    expect(el('[data-thread="t3"] .thread-field').textContent).toBe(`Performance levels · ${metricName} · target`);
    // Igor's computer: he writes as the head of sales, which is remembered for the draft.
    const side = el<HTMLSelectElement>("#comment-side");
    side.value = "sales";
    await fireEvent.change(side);
    const replyBox = el<HTMLInputElement>("#reply-t1");
    replyBox.value = "Done";
    await fireEvent.input(replyBox);
    await fireEvent.click(el('[data-thread="t1"] button.reply'));
    const t1 = session.agreement!.negotiation!.comments![0];
    expect(t1.messages.map((m) => [m.author, m.text])).toEqual([
      ["Igor Smirnov", "Call us B2B Sales"],
      ["Igor Smirnov", "Done"],
    ]);
    await fireEvent.click(el('[data-thread="t1"] button.resolve'));
    expect(t1.resolved_by).toBe("sales");
    await waitFor(() => expect(el("#comments-open").textContent!.trim()).toBe("Comments (2 open)"));
    expect(el('[data-thread="t1"]').classList.contains("resolved")).toBe(true);
    await fireEvent.click(el('[data-thread="t1"] button.reopen'));
    expect(t1.resolved_at).toBeUndefined();
    expect([...backend.settings.entries()].some(([k, v]) => k.startsWith("comment-side:") && v === "sales")).toBe(true);
  });

  it("read in Russian", async () => {
    setLocale("ru");
    await openWizard("parties", (a) => {
      a.negotiation = { comments: [{ id: "t1", on: "key:title", messages: [{ id: "m1", side: "sales", author: "Игорь Смирнов", at: "2026-11-03T09:00:00Z", text: "Уточнить" }] }] };
    });
    await waitFor(() => expect(el('.comment-mark[data-path="title"]').textContent).toBe("1 комментарий"));
    await fireEvent.click(el("#comments-open"));
    expect(await screen.findByRole("heading", { name: "Комментарии" })).toBeTruthy();
    expect(screen.getByText("Щёлкните в поле соглашения, затем напишите здесь комментарий к нему.")).toBeTruthy();
  });
});
