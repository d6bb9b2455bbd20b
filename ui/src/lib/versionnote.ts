/**
 * Why a version exists, in the interface language. The store writes these notes in English, one
 * fixed shape each (`created from template NAME`, `imported from FILE`, `restored from version N`,
 * `copied from draft N`, `renamed`, `merged the proposal of NAME`, `merged the proposal from FILE`); anything else is shown as it was written.
 */
import { t } from "./i18n.svelte";

const SHAPES: [RegExp, string, string][] = [
  [/^created from template (.+)$/, "history-note-created", "template"],
  [/^imported from (.+)$/, "history-note-imported", "file"],
  [/^restored from version (\d+)$/, "history-note-restored", "version"],
  [/^copied from draft (\d+)$/, "history-note-copied", "draft"],
  [/^renamed$/, "history-note-renamed", ""],
  [/^merged the proposal of (.+)$/, "history-note-merged", "name"],
  [/^merged the proposal from (.+)$/, "history-note-merged-file", "file"],
];

export function versionNote(note: string): string {
  for (const [shape, id, arg] of SHAPES) {
    const match = shape.exec(note);
    if (match) return t(id, arg ? { [arg]: match[1] } : undefined);
  }
  return note;
}
