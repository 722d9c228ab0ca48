import { describe, expect, it } from "vitest";
import { APPLICATION_ERRORS } from "@lba/core/schemas";
import { rateLimitedError } from "../api/test-errors";
import { APPLY_ERROR_KEYS, applyAlertMessage, applyErrorMessage, applyFieldErrors } from "./apply-errors";

// A 429 without Retry-After (a proxy's): a minute, to be safe (api/wait-message.ts).
const WITHOUT_RETRY_AFTER = "Trop de tentatives en peu de temps. Patientez une minute puis réessayez.";

describe("applyErrorMessage", () => {
  it("gives every server error key its own French sentence", () => {
    const sentences = APPLY_ERROR_KEYS.map((key) => applyErrorMessage({ message: key }));
    expect(new Set(sentences).size).toBe(APPLY_ERROR_KEYS.length);
    expect(APPLY_ERROR_KEYS).toEqual(
      expect.arrayContaining([
        "données de candidature invalides",
        "email temporaire non autorisé",
        "pièce jointe invalide",
        "email société invalide",
        "max candidatures atteint",
        "error_sending_application",
        "too_many_requests",
      ]),
    );
  });

  it("knows every error key the server can answer", () => {
    expect(APPLY_ERROR_KEYS).toEqual(expect.arrayContaining(Object.values(APPLICATION_ERRORS)));
  });

  it("says a company that cannot be written to may be a result no longer valid, and to search again", () => {
    const sentence = applyErrorMessage({ message: "email société invalide" });
    // Both causes of the key (docs/reference/v1.md#s9-2): an address that bounced, a token that no longer opens.
    expect(sentence).toMatch(/son adresse e-mail ne fonctionne plus/);
    expect(sentence).toMatch(/ce résultat n'est plus à jour/);
    expect(sentence).toMatch(/Relancez la recherche/);
  });

  it("says the same thing after a 429 as the recruiter's and the candidate's link pages", () => {
    expect(applyErrorMessage({ data: { code: "TOO_MANY_REQUESTS" } })).toBe(WITHOUT_RETRY_AFTER);
  });

  it("recognises an HTTP 429 answer without a tRPC body", () => {
    expect(applyErrorMessage({ message: "Unexpected", meta: { response: { status: 429 } } })).toMatch(
      /Patientez/,
    );
  });

  it("asks to wait as long as the server's Retry-After says", () => {
    expect(applyErrorMessage(rateLimitedError("5"))).toBe(
      "Trop de tentatives en peu de temps. Patientez quelques secondes puis réessayez.",
    );
    expect(applyErrorMessage(rateLimitedError("30"))).toMatch(/Patientez 30 secondes puis réessayez/);
    expect(applyAlertMessage(rateLimitedError("120"))).toMatch(/Patientez 2 minutes puis réessayez/);
    expect(applyErrorMessage(rateLimitedError())).toMatch(/Patientez une minute puis réessayez/);
  });

  it("tells the phone rule the server applies, its international forms included, not 10 digits only", () => {
    const sentence = applyErrorMessage({ message: "données de candidature invalides" });
    expect(sentence).toMatch(
      /votre téléphone \(10 chiffres, ou \+33, \+262, \+590, \+594 ou \+596 puis 9 chiffres\)/,
    );
  });

  it("falls back to a generic sentence for unknown errors", () => {
    expect(applyErrorMessage(new Error("boom"))).toMatch(/erreur technique/);
  });
});

describe("applyFieldErrors", () => {
  it("puts the server's zod issues on the form's fields", () => {
    const error = {
      message: "invalid",
      data: { zodError: { fieldErrors: { applicant_email: ["Adresse e-mail invalide"], other: ["x"] } } },
    };
    expect(applyFieldErrors(error)).toEqual({ email: "Adresse e-mail invalide" });
  });

  it("tells a refused CV, infected or not a valid PDF or DOCX, to send another file", () => {
    const onField = applyFieldErrors({ message: "pièce jointe invalide" }).cv;
    expect(onField).toMatch(/antivirus/);
    expect(onField).toMatch(/PDF ou un DOCX valide de 3 Mo/);
    expect(onField).toMatch(/nouveau fichier/);
  });

  it("says a refusal once: on its field, the alert above the button only points to it", () => {
    for (const key of ["pièce jointe invalide", "email temporaire non autorisé", "antivirus_unavailable"]) {
      const onField = Object.values(applyFieldErrors({ message: key }))[0];
      expect(applyAlertMessage({ message: key }), key).not.toBe(onField);
      expect(applyAlertMessage({ message: key }), key).toMatch(/voyez le message sous le champ signalé/);
    }
    expect(applyAlertMessage({ message: "max candidatures atteint" })).toBe(
      applyErrorMessage({ message: "max candidatures atteint" }),
    );
  });

  it("puts the error keys about one field on that field", () => {
    expect(applyFieldErrors({ message: "email temporaire non autorisé" })).toHaveProperty("email");
    expect(applyFieldErrors({ message: "pièce jointe invalide" })).toHaveProperty("cv");
    expect(applyFieldErrors({ message: "max candidatures atteint" })).toEqual({});
  });
});
