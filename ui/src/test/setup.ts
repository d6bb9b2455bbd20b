import { clearMocks } from "@tauri-apps/api/mocks";
import { cleanup } from "@testing-library/svelte";
import { afterEach } from "vitest";

afterEach(() => {
  cleanup();
  clearMocks();
});

// jsdom does not lay out or scroll.
window.scrollTo = () => {};
Element.prototype.scrollIntoView = function () {};
