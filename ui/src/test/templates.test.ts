/**
 * The start screen's templates: each with when to choose it, described in the interface's
 * language, the company's own marked, a template written in one language starting an agreement in
 * that language, and the files left out of the templates folder named with their reasons.
 */
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it } from "vitest";
import App from "../App.svelte";
import { setLocale } from "../lib/i18n.svelte";
import { MockBackend, installMockBackend } from "../lib/mock/backend";
import { session } from "../lib/session.svelte";
import type { Language, TemplateList } from "../lib/types/ipc";

const FOLDER = "/home/anna/.local/share/com.slastudio.desktop/templates";

function listFor(language: Language): TemplateList {
  const ru = language === "ru";
  return {
    templates: [
      {
        name: "call-centre",
        title: ru ? "Массовые продажи B2C: колл-центр" : "High-volume B2C: a call centre",
        summary: ru ? "Двустороннее соглашение для контакт-центра." : "A two-way agreement for a contact centre.",
        choose_when: ru ? "Выберите, если колл-центр перезванивает за минуты." : "Choose this when a call centre calls back within minutes.",
        origin: { kind: "built_in" },
        languages: ["en", "ru"],
      },
      {
        name: "energy-projects",
        title: "Проекты для энергетики",
        summary: "",
        choose_when: "",
        origin: { kind: "user", files: [`${FOLDER}/Energy Projects.sla.json`] },
        languages: ["ru"],
      },
    ],
    problems: [{ file: `${FOLDER}/broken.json`, message: ru ? "Файл не в формате JSON: EOF" : "The file is not JSON: EOF" }],
    folder: FOLDER,
  };
}

describe("the start screen's templates", () => {
  let backend: MockBackend;

  beforeEach(() => {
    setLocale("en");
    session.view = "loading";
    backend = installMockBackend();
    backend.settings.set("ui.language", "en");
    const handle = backend.handle.bind(backend);
    // The mock records the call; the answer is this test's own.
    backend.handle = (cmd, args = {}) => {
      const answer = handle(cmd, args);
      return cmd === "list_templates" ? listFor(args.language as Language) : answer;
    };
  });

  it("says when to choose each, marks the company's own and names the files left out", async () => {
    render(App);
    await waitFor(() => expect(screen.getByText("High-volume B2C: a call centre")).toBeTruthy());
    expect(screen.getByText("Choose this when a call centre calls back within minutes.")).toBeTruthy();
    const own = document.querySelector("#template-energy-projects")!.closest("label")!;
    expect(own.textContent).toContain("Your company's");
    expect(own.textContent).toContain("Russian only");
    const problems = document.querySelector(".template-problems")!;
    expect(problems.textContent).toContain(`${FOLDER}/broken.json`);
    expect(problems.textContent).toContain("The file is not JSON");
    expect(document.body.textContent).toContain(FOLDER);
  });

  it("describes the templates again in the language chosen for the interface", async () => {
    render(App);
    await waitFor(() => expect(screen.getByText("High-volume B2C: a call centre")).toBeTruthy());
    await fireEvent.click(document.querySelector("#ui-lang-ru")!);
    await waitFor(() => expect(screen.getByText("Массовые продажи B2C: колл-центр")).toBeTruthy());
    expect(document.querySelector(".template-problems")!.textContent).toContain("Файл не в формате JSON");
    const asked = backend.calls.filter((c) => c.cmd === "list_templates").map((c) => c.args.language);
    expect(asked).toEqual(["en", "ru"]);
  });

  it("starts a template written in one language in that language", async () => {
    render(App);
    await waitFor(() => expect(document.querySelector("#template-energy-projects")).toBeTruthy());
    const english = document.querySelector<HTMLInputElement>("#new-lang-en")!;
    await fireEvent.click(english);
    await fireEvent.change(document.querySelector("#template-energy-projects")!);
    await waitFor(() => expect(document.querySelector<HTMLInputElement>("#new-lang-ru")!.checked).toBe(true));
    expect(english.disabled).toBe(true);
    await fireEvent.change(document.querySelector("#template-call-centre")!);
    await waitFor(() => expect(english.disabled).toBe(false));
  });
});

describe("the metric library by way of selling", () => {
  it("groups a side's metrics under their template's name, each with its usual range", async () => {
    setLocale("en");
    const backend = installMockBackend();
    const metric = (id: string, name: string) => ({
      id,
      name,
      definition: "",
      kind: "quality" as const,
      flow: "lead",
      unit: "percent" as const,
      comparator: "at_least" as const,
      target: 80,
      window: "week" as const,
      data_source: "Telephony",
      collection: { method: "automatic" as const },
      owner: "sales" as const,
    });
    const handle = backend.handle.bind(backend);
    backend.handle = (cmd, args = {}) =>
      cmd === "metric_library"
        ? [
            { metric: metric("connect-rate", "Connected conversations"), reason: "r", source: "Roberge", group: "sales-marketing", typical: { low: 40, high: 60 }, provider: "sales" },
            { metric: metric("cc-service-level", "Calls answered within 20 seconds"), reason: "r", source: "80/20", group: "call-centre", typical: { low: 70, high: 90 }, provider: "sales" },
          ]
        : handle(cmd, args);
    const { default: LibraryPanel } = await import("../components/LibraryPanel.svelte");
    render(LibraryPanel, { props: { provider: "sales", language: "en", existing: [], onadd: () => {}, onclose: () => {} } });
    await waitFor(() => expect(document.querySelectorAll(".library-group")).toHaveLength(2));
    const headings = [...document.querySelectorAll(".library-group")].map((h) => h.textContent);
    expect(headings).toEqual(["Inbound B2B: marketing's leads, sales' follow-up", "High-volume B2C: a call centre"]);
    expect(screen.getByText("Usual target: 70–90")).toBeTruthy();
  });
});
