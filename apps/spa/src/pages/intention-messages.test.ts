import { describe, expect, it } from "vitest";
import { FOLLOW_UP_ERRORS, INTENTION_ERRORS, UNSUBSCRIBE_ERRORS } from "@lba/core/schemas";
import {
  followUpErrorMessage,
  linkErrorMessage,
  sendErrorMessage,
  unreachableMessage,
  unsubscribeErrorMessage,
  viewErrorMessage,
} from "./intention-messages";
import { rateLimitedError } from "../api/test-errors";

// A 429 without Retry-After (a proxy's): a minute, to be safe (api/wait-message.ts).
const WITHOUT_RETRY_AFTER = "Trop de tentatives en peu de temps. Patientez une minute puis réessayez.";

describe("intention messages", () => {
  it("explains an expired link apart from an invalid one", () => {
    expect(linkErrorMessage({ message: "expired_token" })).toMatch(/expiré/);
    expect(linkErrorMessage({ message: "invalid_token" })).toMatch(/n'est pas valide/);
    expect(linkErrorMessage({ message: "not_found" })).toMatch(/n'existe plus/);
  });

  it("turns every send error key into a French sentence", () => {
    expect(sendErrorMessage({ message: "données de réponse invalides" })).toMatch(/vérifiez/);
    expect(sendErrorMessage({ message: "intention_already_recorded" })).toMatch(/déjà envoyé/);
    expect(sendErrorMessage({ message: "error_sending_message" })).toMatch(/n'a pas pu être envoyée/);
    expect(sendErrorMessage({ data: { httpStatus: 429 }, message: "" })).toBe(WITHOUT_RETRY_AFTER);
    expect(followUpErrorMessage({ data: { httpStatus: 429 }, message: "" })).toBe(WITHOUT_RETRY_AFTER);
    expect(unsubscribeErrorMessage({ data: { httpStatus: 429 }, message: "" })).toBe(WITHOUT_RETRY_AFTER);
  });

  it("tells the phone rule the server applies, its international forms included, not 10 digits only", () => {
    expect(sendErrorMessage({ message: "données de réponse invalides" })).toMatch(
      /votre téléphone \(10 chiffres, ou \+33, \+262, \+590, \+594 ou \+596 puis 9 chiffres\)/,
    );
  });

  it("has a sentence of its own for every error key the server can answer", () => {
    const generic = sendErrorMessage({ message: "unknown_key" });
    for (const key of Object.values(INTENTION_ERRORS))
      expect(sendErrorMessage({ message: key }), key).not.toBe(generic);
  });

  it("falls back to a generic sentence, never to the raw key", () => {
    expect(sendErrorMessage({ message: "internal_error" })).not.toContain("internal_error");
    expect(linkErrorMessage(new Error("Failed to fetch"))).toMatch(/ne peut pas être chargée/);
  });

  it("has a sentence of its own for every key of the follow-up and unsubscription links", () => {
    const generic = followUpErrorMessage({ message: "unknown_key" });
    for (const key of Object.values(FOLLOW_UP_ERRORS))
      expect(followUpErrorMessage({ message: key }), key).not.toBe(generic);
    for (const key of Object.values(UNSUBSCRIBE_ERRORS))
      expect(unsubscribeErrorMessage({ message: key }), key).not.toBe(generic);
    expect(followUpErrorMessage({ message: "relance_deja_envoyee" })).toMatch(/déjà relancé/);
  });

  it("asks every link page to wait as long as the server's Retry-After says", () => {
    for (const message of [
      linkErrorMessage,
      sendErrorMessage,
      viewErrorMessage,
      unsubscribeErrorMessage,
      followUpErrorMessage,
    ]) {
      expect(message(rateLimitedError("1")), message.name).toBe(
        "Trop de tentatives en peu de temps. Patientez quelques secondes puis réessayez.",
      );
      expect(message(rateLimitedError("30")), message.name).toMatch(/Patientez 30 secondes/);
    }
  });

  it("says why a company cannot be followed up", () => {
    expect(unreachableMessage("entreprise_desinscrite")).toMatch(
      /ne plus recevoir de candidatures spontanées/,
    );
    expect(unreachableMessage("email société invalide")).toMatch(/ne fonctionne plus/);
  });
});
