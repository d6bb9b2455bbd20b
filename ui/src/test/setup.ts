import { clearMocks } from "@tauri-apps/api/mocks";
import { cleanup } from "@testing-library/svelte";
import { afterEach } from "vitest";

afterEach(() => {
  cleanup();
  clearMocks();
});

// jsdom has no media queries; uPlot (the reviews view's charts) asks one for the pixel ratio when
// it is loaded. Nothing matches, as in a window narrower than any breakpoint.
window.matchMedia ??= (query: string) =>
  ({ matches: false, media: query, onchange: null, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {}, dispatchEvent: () => false }) as MediaQueryList;

// jsdom does not lay out or scroll.
window.scrollTo = () => {};
Element.prototype.scrollIntoView = function () {};
