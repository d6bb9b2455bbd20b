import { describe, expect, it } from "vitest";
import { setLocale } from "./i18n.svelte";
import { versionNote } from "./versionnote";

describe("version notes", () => {
  it("are said in the interface language", () => {
    setLocale("ru");
    expect(versionNote("created from template sales-marketing")).toBe("создана из шаблона sales-marketing");
    expect(versionNote("restored from version 3")).toBe("восстановлена из версии 3");
    expect(versionNote("imported from /home/anna/sla.pdf")).toBe("импортирована из /home/anna/sla.pdf");
    expect(versionNote("copied from draft 7")).toBe("копия черновика 7");
    expect(versionNote("renamed")).toBe("переименовано");
    expect(versionNote("merged the proposal of Igor Smirnov")).toBe("слито предложение: Igor Smirnov");
    expect(versionNote("merged the proposal from p2.sla.json")).toBe("слито предложение из p2.sla.json");
    setLocale("en");
    expect(versionNote("restored from version 3")).toBe("restored from version 3");
    expect(versionNote("something a later version writes")).toBe("something a later version writes");
  });
});
