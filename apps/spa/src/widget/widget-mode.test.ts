import { describe, expect, it } from "vitest";
import { rateLimitedError } from "../api/test-errors";
import {
  isWidgetRequest,
  parseEmbedOrigin,
  parseMaxHeight,
  loadFailureMessage,
  notFoundMessage,
  readApplyParams,
  returnLogoUrl,
  returnPage,
} from "./widget-mode";

const q = (query: string) => new URLSearchParams(query);

describe("widget mode", () => {
  it("is chosen by a caller or the loader's embed_origin, as the original did", () => {
    expect(isWidgetRequest(q("romes=D1102"))).toBe(false);
    expect(isWidgetRequest(q("caller=&romes=D1102"))).toBe(false);
    expect(isWidgetRequest(q("caller=partenaire"))).toBe(true);
    expect(isWidgetRequest(q("embed_origin=https%3A%2F%2Fsite.fr"))).toBe(true);
  });

  it("accepts only a bare http(s) origin as embed_origin", () => {
    expect(parseEmbedOrigin("https://site.fr")).toBe("https://site.fr");
    expect(parseEmbedOrigin("http://127.0.0.1:8080")).toBe("http://127.0.0.1:8080");
    expect(parseEmbedOrigin("https://site.fr/page")).toBeNull();
    expect(parseEmbedOrigin("javascript:alert(1)")).toBeNull();
    expect(parseEmbedOrigin("*")).toBeNull();
    expect(parseEmbedOrigin(null)).toBeNull();
  });

  it("defaults return_uri to / and renders only http(s) logos", () => {
    expect(returnPage(q(""))).toBe("/");
    expect(returnPage(q("return_uri=%2Foffres"))).toBe("/offres");
    expect(returnLogoUrl(q("return_logo_url=https%3A%2F%2Fsite.fr%2Flogo.png"))).toBe(
      "https://site.fr/logo.png",
    );
    expect(returnLogoUrl(q("return_logo_url=javascript%3Aalert(1)"))).toBeNull();
  });
});

describe("/postuler parameters (§10.2)", () => {
  it.each([
    ["itemId=1&type=lba", "La source de l'appel au service est manquante (caller)."],
    ["caller=x&type=lba", "L'identifiant de l'offre est manquant (itemId)."],
    ["caller=x&itemId=1", "Le type d'offre est manquant (type)."],
  ])("explains %s", (query, message) => {
    expect(readApplyParams(q(query))).toEqual({ ok: false, message });
  });

  it("refuses types that cannot receive an application", () => {
    const answer = readApplyParams(q("caller=x&itemId=1&type=training"));
    expect(answer.ok).toBe(false);
  });

  it("reads a complete request", () => {
    expect(readApplyParams(q("caller=x&itemId=123&type=matcha"))).toEqual({
      ok: true,
      caller: "x",
      itemId: "123",
      type: "matcha",
    });
  });

  it("reads the loader's height bound, in pixels, at least 320", () => {
    expect(parseMaxHeight("800")).toBe(800);
    expect(parseMaxHeight("320")).toBe(320);
    expect(parseMaxHeight("100")).toBeNull();
    expect(parseMaxHeight("80vh")).toBeNull();
    expect(parseMaxHeight(null)).toBeNull();
  });
});

describe("/postuler item not found", () => {
  it("says an offer is gone, a company no longer listed", () => {
    expect(notFoundMessage("matcha", "6ff1fd2f44f44df5728d9b88")).toBe("Cette offre n'est plus disponible.");
    expect(notFoundMessage("lba", "12345678901234")).toBe(
      "Cette entreprise n'est plus référencée sur La bonne alternance.",
    );
  });

  it("says to give the job.id when an offer's item id was given", () => {
    expect(notFoundMessage("matcha", "5156941c3fd3f1dbff008aca-0")).toBe(
      "Offre introuvable : pour une offre, l'identifiant (itemId) est son job.id, et non l'id de l'élément.",
    );
  });
});

describe("/postuler item that cannot be loaded", () => {
  it("says how long to wait after a 429, that the item is gone after a 404, else that the service is unavailable", () => {
    expect(loadFailureMessage(rateLimitedError("30"), "lba", "12345678901234")).toBe(
      "Trop de tentatives en peu de temps. Patientez 30 secondes puis réessayez.",
    );
    expect(
      loadFailureMessage({ data: { code: "NOT_FOUND", httpStatus: 404 } }, "lba", "12345678901234"),
    ).toBe("Cette entreprise n'est plus référencée sur La bonne alternance.");
    expect(
      loadFailureMessage(new TypeError("Failed to fetch"), "matcha", "6ff1fd2f44f44df5728d9b88"),
    ).toMatch(/momentanément indisponible/);
  });
});
