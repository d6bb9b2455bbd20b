/**
 * Field paths (`commitments[0].metrics[1].owner`, as the Rust checks spell them) and the element
 * ids derived from them, so that a finding can take the person straight to the field that fixes it.
 */
import type { StepKey } from "./steps";

/** The id of the input (or section) that edits the field at `path`. */
export function fieldId(path: string): string {
  if (path === "") return "f-agreement";
  return "f-" + path.replace(/\[(\d+)\]/g, ".$1").replace(/\./g, "-");
}

/** The path one level up: `a.b[2].c` -> `a.b[2]` -> `a.b` -> `a` -> ``; null above the top. */
export function parentPath(path: string): string | null {
  if (path === "") return null;
  const match = /^(.*)(\[\d+\]|\.[^.[\]]+)$/.exec(path);
  return match ? match[1] : "";
}

/** The step of the wizard where the field at `path` is edited. */
export function stepForField(path: string): StepKey {
  const head = /^[^.[]*/.exec(path)?.[0] ?? "";
  switch (head) {
    case "title":
    case "parties":
    case "term":
      return "parties";
    case "commitments":
      return /^commitments\[\d+\]\.metrics/.test(path) ? "performance" : "parties";
    case "plan":
      return "performance";
    case "monitoring":
      return "monitoring";
    case "deadlines":
      return "deadlines";
    case "consequences":
    case "notes":
      return "consequences";
    case "signatories":
      return "signoff";
    default:
      return "review";
  }
}

/**
 * Focuses the field at `path`, or the nearest enclosing section that exists when the field itself
 * has no input (a whole list, say). Opens collapsed sections on the way. Returns the element.
 */
export function focusField(path: string, root: Document = document): HTMLElement | null {
  let current: string | null = path;
  while (current !== null) {
    const element = root.getElementById(fieldId(current));
    if (element) {
      for (let node: HTMLElement | null = element; node; node = node.parentElement) {
        if (node instanceof HTMLDetailsElement) node.open = true;
      }
      if (!isFocusable(element)) element.setAttribute("tabindex", "-1");
      element.focus();
      element.scrollIntoView?.({ block: "center" });
      return element;
    }
    current = parentPath(current);
  }
  return null;
}

function isFocusable(element: HTMLElement): boolean {
  return (
    element instanceof HTMLInputElement ||
    element instanceof HTMLTextAreaElement ||
    element instanceof HTMLSelectElement ||
    element instanceof HTMLButtonElement ||
    element.hasAttribute("tabindex")
  );
}

/** The field path of an element id made by `fieldId` (field names have no `-`), or null. */
export function pathFromFieldId(id: string): string | null {
  if (!id.startsWith("f-") || id === "f-agreement") return null;
  let path = "";
  for (const part of id.slice(2).split("-")) {
    if (/^\d+$/.test(part)) path += `[${part}]`;
    else path += (path ? "." : "") + part;
  }
  return path;
}
