/**
 * Sign-off in the window against the in-memory backend: a first identity made from the
 * signatory's details, signing the exported PDF, the verification shown, the signed version
 * frozen, and a wrong passphrase refused in words.
 */
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it } from "vitest";
import App from "../App.svelte";
import { setLocale } from "../lib/i18n.svelte";
import { MockBackend, installMockBackend } from "../lib/mock/backend";
import { session } from "../lib/session.svelte";

let backend: MockBackend;

function el<T extends HTMLElement = HTMLInputElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`no element #${id}`);
  return found as T;
}

async function set(id: string, value: string) {
  const input = el(id);
  input.value = value;
  await fireEvent.input(input);
}

/** Opens the example agreement on its sign-off step and exports it. */
async function exported() {
  backend = installMockBackend();
  const draft = backend.handle("create_draft", { template: "sales-marketing", language: "en" }) as { info: { id: number } };
  backend.settings.set("ui.last_draft_id", String(draft.info.id));
  backend.settings.set("ui.last_step", "signoff");
  backend.settings.set("ui.language", "en");
  render(App);
  await screen.findByRole("heading", { level: 1, name: "Sign-off and export" });
  await fireEvent.click(el("export-pdf"));
  await screen.findByText(/Export the PDF above|Signing identities/);
  await waitFor(() => expect(document.getElementById("identities")).not.toBeNull());
  return draft.info.id;
}

async function createIdentity(passphrase: string) {
  await fireEvent.click(el("identity-new"));
  await set("identity-passphrase", passphrase);
  await set("identity-repeat", passphrase);
  await fireEvent.submit(el<HTMLFormElement>("identity-form"));
  await waitFor(() => expect(document.getElementById("sign-form")).not.toBeNull());
}

beforeEach(() => {
  setLocale("en");
  session.view = "loading";
});

describe("sign-off in the window", () => {
  it("signs the exported PDF with a new identity and shows the signed version as frozen", async () => {
    const id = await exported();
    const first = (backend.drafts.get(id)!.agreement.signatories[0]);
    expect(el("identities-empty").textContent).toContain("No signing identity yet");

    // The new identity starts from the first signatory's details.
    await fireEvent.click(el("identity-new"));
    expect(el("identity-name").value).toBe(first.name);
    expect(el("identity-role").value).toBe(first.role);
    // Two different passphrases are caught before anything is made.
    await set("identity-passphrase", "one passphrase");
    await set("identity-repeat", "another");
    expect(el("identity-mismatch").textContent).toBe("The two passphrases differ.");
    expect(el<HTMLButtonElement>("identity-save").disabled).toBe(true);
    await set("identity-repeat", "one passphrase");
    await fireEvent.submit(el<HTMLFormElement>("identity-form"));
    await waitFor(() => expect(document.getElementById("sign-form")).not.toBeNull());
    expect(backend.identities.size).toBe(1);

    // The form signs as that person, in their own block, with their name typed.
    expect(el<HTMLSelectElement>("sign-field").value).toBe("sig-1");
    expect(el("sign-typed").value).toBe(first.name);
    await set("sign-passphrase", "one passphrase");
    await fireEvent.submit(el<HTMLFormElement>("sign-form"));

    await waitFor(() => expect(el("signature-verdict").textContent).toContain("All signatures are valid (1)"));
    const call = backend.calls.find((c) => c.cmd === "sign_pdf")!;
    expect(call.args.options).toEqual({ field: { named: "sig-1" }, typed_signature: first.name, drawn_signature: [] });
    expect(el("signature-1").textContent).toContain(first.name);
    expect(el("waiting-for").textContent).toContain(backend.drafts.get(id)!.agreement.signatories[1].name);
    // The second head can countersign right here: the form now offers the remaining block.
    expect(el("sign-form").textContent).toContain("Countersign");
    expect(el<HTMLSelectElement>("sign-field").value).toBe("sig-2");

    // The version is recorded as signed, and the wizard says it is frozen.
    await waitFor(() => expect(el("frozen-banner").textContent).toContain(`is signed by ${first.name} and frozen`));
    expect(el("signed-version").textContent).toContain(first.name);

    // Closed and opened again, the step shows the signed copy, waiting for the second head.
    cleanup();
    session.view = "loading";
    render(App);
    await screen.findByRole("heading", { level: 1, name: "Sign-off and export" });
    await waitFor(() => expect(el("signature-verdict").textContent).toContain("All signatures are valid (1)"));
    expect(el("sign-desk").textContent).toContain("/tmp/agreement.pdf".replace(".pdf", ""));
    expect(el("frozen-banner").textContent).toContain("frozen");
  });

  it("refuses a wrong passphrase in words and leaves the PDF unsigned", async () => {
    await exported();
    await createIdentity("right passphrase");
    await set("sign-passphrase", "wrong");
    await fireEvent.submit(el<HTMLFormElement>("sign-form"));
    await waitFor(() => expect(el("sign-error").textContent).toMatch(/wrong passphrase/));
    expect(el("signature-verdict").textContent).toContain("no signatures");
    expect([...backend.pdfs.keys()]).toEqual(["/tmp/agreement.pdf"]);
  });

  it("asks for a drawing before signing with a drawn signature", async () => {
    await exported();
    await createIdentity("pass");
    await fireEvent.click(el("sign-kind-drawn"));
    expect(document.getElementById("signature-canvas")).not.toBeNull();
    await set("sign-passphrase", "pass");
    await fireEvent.submit(el<HTMLFormElement>("sign-form"));
    expect(el("sign-error").textContent).toBe("Draw your signature first, or choose a typed one.");
    expect(backend.calls.some((c) => c.cmd === "sign_pdf")).toBe(false);
  });
});

describe("passphrases in the system keychain", () => {
  it("remembers a passphrase that unlocks the key, signs without it next time, and forgets it", async () => {
    await exported();
    await createIdentity("right passphrase");
    const id = [...backend.identities.keys()][0];
    await waitFor(() =>
      expect(el("sign-remember").closest("label")!.textContent).toContain("Remember the passphrase in the system keychain"),
    );
    expect(document.getElementById("sign-no-keychain")).toBeNull();
    expect(el("sign-passphrase").required).toBe(true);

    await set("sign-passphrase", "right passphrase");
    await fireEvent.click(el("sign-remember"));
    await fireEvent.submit(el<HTMLFormElement>("sign-form"));
    await waitFor(() => expect(el("signature-verdict").textContent).toContain("All signatures are valid (1)"));
    expect(backend.calls.find((c) => c.cmd === "sign_pdf")!.args.remember).toBe(true);
    expect(backend.remembered.get(id)).toBe("right passphrase");

    // The list says so, and the form no longer asks for it.
    await waitFor(() => expect(document.querySelector(`[data-identity="${id}"] .remembered-badge`)?.textContent).toBe("Passphrase remembered"));
    await waitFor(() => expect(el("sign-passphrase").required).toBe(false));
    expect(el("sign-remembered").textContent).toContain("leave the field empty");
    expect(document.getElementById("sign-remember")).toBeNull();
    expect(document.getElementById("sign-no-keychain")).toBeNull();
    // Typing one anyway offers to remember what is typed.
    await set("sign-passphrase", "right passphrase");
    expect(el("sign-remember")).not.toBeNull();
    await set("sign-passphrase", "");

    // Countersigning with nothing typed uses the remembered one.
    await fireEvent.submit(el<HTMLFormElement>("sign-form"));
    await waitFor(() => expect(el("signature-verdict").textContent).toContain("All signatures are valid (2)"));
    const second = backend.calls.filter((c) => c.cmd === "sign_pdf")[1];
    expect(second.args).toMatchObject({ passphrase: "", remember: false });
  });

  it("forgets a remembered passphrase on request and asks for it again", async () => {
    await exported();
    backend.remembered.set("0000000000000001", "pass");
    await createIdentity("pass");
    await waitFor(() => expect(el("sign-passphrase").required).toBe(false));
    await fireEvent.click(el("sign-forget"));
    await waitFor(() => expect(el("sign-passphrase").required).toBe(true));
    expect(backend.remembered.size).toBe(0);
    expect(document.getElementById("sign-remembered")).toBeNull();
    expect(document.querySelector(".remembered-badge")).toBeNull();
    expect(el("sign-remember")).not.toBeNull();
  });

  it("never remembers a wrong passphrase", async () => {
    await exported();
    await createIdentity("right passphrase");
    await set("sign-passphrase", "wrong");
    await fireEvent.click(el("sign-remember"));
    await fireEvent.submit(el<HTMLFormElement>("sign-form"));
    await waitFor(() => expect(el("sign-error").textContent).toMatch(/wrong passphrase/));
    expect(backend.remembered.size).toBe(0);
  });

  it("says so and forgets a remembered passphrase that no longer unlocks the key", async () => {
    await exported();
    backend.remembered.set("0000000000000001", "an old passphrase");
    await createIdentity("pass");
    await waitFor(() => expect(el("sign-passphrase").required).toBe(false));
    await fireEvent.submit(el<HTMLFormElement>("sign-form"));
    await waitFor(() => expect(el("sign-error").textContent).toContain("no longer unlocks"));
    expect(backend.remembered.size).toBe(0);
    await waitFor(() => expect(el("sign-passphrase").required).toBe(true));
    expect(el("signature-verdict").textContent).toContain("no signatures");
  });

  it("without a keychain, says this computer has none and asks for the passphrase each time", async () => {
    await exported();
    backend.keychain = false;
    await createIdentity("pass");
    await waitFor(() => expect(el("sign-no-keychain").textContent).toBe(
      "This computer has no system keychain, so the passphrase cannot be remembered: type it each time you sign.",
    ));
    expect(document.getElementById("sign-remember")).toBeNull();
    expect(el("sign-passphrase").required).toBe(true);
    await set("sign-passphrase", "pass");
    await fireEvent.submit(el<HTMLFormElement>("sign-form"));
    await waitFor(() => expect(el("signature-verdict").textContent).toContain("All signatures are valid (1)"));
    expect(backend.calls.find((c) => c.cmd === "sign_pdf")!.args.remember).toBe(false);
  });

  it("asks in Russian too", async () => {
    await exported();
    await createIdentity("pass");
    setLocale("ru");
    await waitFor(() =>
      expect(el("sign-remember").closest("label")!.textContent).toContain("Запомнить парольную фразу в системной связке ключей"),
    );
  });
});

describe("a PDF the app is opened with", () => {
  it("goes to the signatures screen, verified, with the form to countersign", async () => {
    backend = installMockBackend();
    backend.settings.set("ui.language", "en");
    backend.fileToOpen = "/home/anna/Downloads/sla-signed.pdf";
    backend.pdfs.set(backend.fileToOpen, {
      path: backend.fileToOpen,
      title: "SLA 2027",
      signatures: [],
      unsigned: [{ name: "sig-2", signatory: "Ivan Sokolov", page: 4 }],
      all_valid: false,
      verdict: "The document has no signatures.",
      exported_from: null,
    });
    render(App);
    await screen.findByRole("heading", { level: 1, name: "Verify and sign" });
    await waitFor(() => expect(el("signature-verdict").textContent).toContain("no signatures"));
    expect(el("waiting-for").textContent).toContain("Ivan Sokolov");
    expect(backend.calls.some((c) => c.cmd === "import_draft")).toBe(false);
    // With no identity yet, the form to make one is a click away and starts from the waiting signatory.
    await fireEvent.click(el("identity-new"));
    expect(el("identity-name").value).toBe("Ivan Sokolov");
  });
});

describe("trusting the other head's certificate", () => {
  it("verifies the PDF again and shows the signature as trusted", async () => {
    backend = installMockBackend();
    backend.settings.set("ui.language", "en");
    backend.fileToOpen = "/home/ivan/sla-signed.pdf";
    backend.openPath = "/home/ivan/Anna Petrova.pem";
    backend.pdfs.set(backend.fileToOpen, {
      path: backend.fileToOpen,
      title: "SLA 2027",
      signatures: [
        {
          field: "sig-1",
          valid: true,
          trusted: false,
          signer: { ...anna(), self_signed: true },
          signing_time: "2027-01-10T14:00:00Z",
          findings: [{ id: "sig-self-signed", text: "The certificate is self-signed." }],
        },
      ],
      unsigned: [{ name: "sig-2", signatory: "Ivan Sokolov", page: 4 }],
      all_valid: true,
      verdict: "All signatures are valid (1).",
      exported_from: null,
    });
    render(App);
    await waitFor(() => expect(el("signature-1").textContent).toContain("Self-signed"));
    await fireEvent.click(el("trust-certificate"));
    await waitFor(() => expect(el("signature-1").textContent).toContain("Trusted"));
    expect(el("trusted-list").textContent).toContain("Anna Petrova");
  });
});

function anna() {
  return {
    name: "Anna Petrova",
    role: "Head of Marketing",
    department: "Marketing",
    organization: "",
    email: "anna@example.com",
    issuer: "Anna Petrova",
    key: { kind: "rsa" as const, bits: 2048 },
    fingerprint_sha256: "AA:BB",
    not_before: "2027-01-01T00:00:00Z",
    not_after: "2030-01-01T00:00:00Z",
    self_signed: true,
  };
}
