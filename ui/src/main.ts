import { mount } from "svelte";
import "./app.css";
import App from "./App.svelte";
import { initLocale } from "./lib/navigation";

async function boot() {
  // `npm run dev:mock` runs the window in a browser against an in-memory backend; the production
  // build drops this branch entirely.
  if (import.meta.env.MODE === "mock") {
    const { installMockBackend } = await import("./lib/mock/backend");
    const backend = installMockBackend();
    // `?draft=ru&step=performance&ui=ru` opens the example agreement at that step.
    const params = new URLSearchParams(location.search);
    const lang = params.get("draft");
    if (lang === "ru" || lang === "en") {
      const draft = backend.handle("create_draft", { template: "sales-marketing", language: lang }) as { info: { id: number } };
      backend.settings.set("ui.last_draft_id", String(draft.info.id));
      backend.settings.set("ui.last_step", params.get("step") ?? "parties");
    }
    if (params.get("ui")) backend.settings.set("ui.language", params.get("ui")!);
  }
  // The language first, so the window never flashes in the other one.
  await initLocale();
  mount(App, { target: document.getElementById("app")! });
}

void boot();
