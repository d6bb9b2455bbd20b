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
    // `?reviews=en&months=3` opens the reviews of the example agreement with that many months stored.
    const reviews = params.get("reviews");
    if (reviews === "ru" || reviews === "en") {
      const { seedMonths, seedReviews } = await import("./lib/mock/reviews-seed");
      const draft = backend.handle("create_draft", { template: "sales-marketing", language: reviews }) as { info: { id: number } };
      seedReviews(backend, draft.info.id, seedMonths(Number(params.get("months") ?? 3)));
      const { openReviews } = await import("./lib/navigation");
      const { session } = await import("./lib/session.svelte");
      // Once the window has started (on the list), the reviews replace it.
      const wait = setInterval(() => {
        if (session.view === "loading") return;
        clearInterval(wait);
        void openReviews(draft.info.id);
      }, 20);
    }
  }
  // The language first, so the window never flashes in the other one.
  await initLocale();
  mount(App, { target: document.getElementById("app")! });
}

void boot();
