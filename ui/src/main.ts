import { mount } from "svelte";
import "./app.css";
import App from "./App.svelte";

async function boot() {
  // `npm run dev:mock` runs the window in a browser against an in-memory backend; the production
  // build drops this branch entirely.
  if (import.meta.env.MODE === "mock") {
    const { installMockBackend } = await import("./lib/mock/backend");
    installMockBackend();
  }
  mount(App, { target: document.getElementById("app")! });
}

void boot();
