/** Editing the agreement's lists the way people expect: removal can be undone, order can change. */
import { t } from "./i18n.svelte";
import { toast } from "./session.svelte";

/** Removes `list[index]` and offers to put it back where it was. */
export function removeWithUndo<T>(list: T[], index: number, what: string): void {
  const [removed] = list.splice(index, 1);
  if (removed === undefined) return;
  toast(t("list-removed", { what: what || t("list-item") }), {
    action: {
      label: t("home-undo"),
      run: () => {
        list.splice(Math.min(index, list.length), 0, removed);
      },
    },
  });
}

/** Moves `list[index]` one place up (-1) or down (+1). */
export function move<T>(list: T[], index: number, by: -1 | 1): void {
  const to = index + by;
  if (to < 0 || to >= list.length) return;
  const [item] = list.splice(index, 1);
  list.splice(to, 0, item);
}
