/**
 * Files dropped on the window. The HTML drop event carries no paths in a Tauri window; Tauri hands
 * the webview its own drag-and-drop events with the files' paths instead (the window's
 * `dragDropEnabled`, on by default; listening needs `core:event:default`, part of `core:default`).
 */
import { getCurrentWebview } from "@tauri-apps/api/webview";

/** Whether something is being dragged over the window, for a drop hint. */
export type DropHover = (over: boolean) => void;

/**
 * Calls `handler` with the first path of each drop, and `hover` as a drag enters and leaves the
 * window. Resolves to the function that stops listening.
 */
export async function onFileDrop(handler: (path: string) => void, hover: DropHover = () => {}): Promise<() => void> {
  const unlisten = await getCurrentWebview().onDragDropEvent((event) => {
    const payload = event.payload;
    if (payload.type === "enter" || payload.type === "over") {
      hover(true);
    } else if (payload.type === "leave") {
      hover(false);
    } else if (payload.type === "drop") {
      hover(false);
      const [first] = payload.paths;
      if (first) handler(first);
    }
  });
  // Stopping after the webview is gone (the window closing, a test's mocks cleared) has nothing to stop.
  return () => void Promise.resolve(unlisten()).catch(() => {});
}
