import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  isPartnerParam,
  isWidgetEvent,
  REGION_CODES,
  scopeProblem,
  WIDGET_KINDS,
  WIDGET_PAGES,
  WIDGET_PARAMS,
  widgetAttribute,
  widgetKindOf,
  widgetReads,
} from "./widget";
import { REGIONS } from "../referentials/geography";

describe("widget contract", () => {
  it("imports nothing, so that the embed loader bundles only this file", () => {
    const source = readFileSync(new URL("./widget.ts", import.meta.url), "utf8");
    expect(source).not.toMatch(/^\s*(import|export \* from|export \{[^}]*\} from)\b/m);
  });

  it("gives each widget kind its page of docs/reference/v1.md#s10", () => {
    expect(WIDGET_KINDS.map((kind) => WIDGET_PAGES[kind])).toEqual([
      "/recherche-apprentissage",
      "/recherche-apprentissage-formation",
      "/recherche-emploi",
      "/postuler",
    ]);
  });

  it("maps every loader attribute to its widget URL parameter of docs/reference/v1.md#s10-1", () => {
    const pairs = Object.entries(WIDGET_PARAMS).map(([option, param]) => [widgetAttribute(option), param]);
    expect(Object.fromEntries(pairs)).toEqual({
      "data-caller": "caller",
      "data-romes": "romes",
      "data-job-name": "job_name",
      "data-lat": "lat",
      "data-lon": "lon",
      "data-zipcode": "zipcode",
      "data-insee": "insee",
      "data-address": "address",
      "data-radius": "radius",
      "data-diploma": "diploma",
      "data-opco": "opco",
      "data-domains": "domains",
      "data-departement": "departement",
      "data-region": "region",
      "data-population": "population",
      "data-max-height": "max_height",
      "data-return-uri": "return_uri",
      "data-return-logo-url": "return_logo_url",
      "data-item-id": "itemId",
      "data-type": "type",
      "data-frozen-job": "frozen_job",
      "data-utm-source": "utm_source",
      "data-utm-medium": "utm_medium",
      "data-utm-campaign": "utm_campaign",
    });
    expect(widgetAttribute("lbaWidget")).toBe("data-lba-widget");
  });

  it("gives the search options to the search widgets and the item options to the apply widget only", () => {
    for (const kind of ["search", "trainings", "jobs"] as const) {
      expect(widgetReads(kind, "romes")).toBe(true);
      expect(widgetReads(kind, "frozenJob")).toBe(true);
      expect(widgetReads(kind, "itemId")).toBe(false);
      expect(widgetReads(kind, "type")).toBe(false);
    }
    expect(widgetReads("apply", "itemId")).toBe(true);
    expect(widgetReads("apply", "type")).toBe(true);
    expect(widgetReads("apply", "romes")).toBe(false);
    expect(widgetReads("apply", "opco")).toBe(false);
    for (const option of ["caller", "returnUri", "returnLogoUrl", "utmSource"] as const) {
      expect(WIDGET_KINDS.every((kind) => widgetReads(kind, option))).toBe(true);
    }
  });

  it("lets other sites frame the four widget pages only, trailing slash aside", () => {
    expect(widgetKindOf("/recherche-apprentissage")).toBe("search");
    expect(widgetKindOf("/recherche-apprentissage-formation")).toBe("trainings");
    expect(widgetKindOf("/recherche-emploi/")).toBe("jobs");
    expect(widgetKindOf("/postuler//")).toBe("apply");
    for (const path of [
      "/",
      "",
      "/test-widget",
      "/recherche-apprentissage/x",
      "/postuler-bis",
      "/Postuler",
    ]) {
      expect(widgetKindOf(path)).toBeNull();
    }
  });

  it("keeps the partner settings through navigation, and never the search state", () => {
    for (const name of [
      "caller",
      "embed_origin",
      "opco",
      "frozen_job",
      "return_uri",
      "return_logo_url",
      "utm_source",
      "utm_term",
    ]) {
      expect(isPartnerParam(name)).toBe(true);
    }
    for (const name of [
      "romes",
      "job_name",
      "lat",
      "radius",
      "itemId",
      "type",
      "display",
      "utm_",
      "xcaller",
    ]) {
      expect(isPartnerParam(name)).toBe(false);
    }
  });

  it("re-emits ready, search and application-sent messages only", () => {
    for (const type of ["lba:ready", "lba:search", "lba:application-sent"]) {
      expect(isWidgetEvent({ type })).toBe(true);
    }
    for (const type of ["lba:resize", "goToPage", "lba:navigate", undefined, 42]) {
      expect(isWidgetEvent({ type })).toBe(false);
    }
  });
});

describe("partner scopes and height bound of the widget contract", () => {
  it("accepts ROME domains, a département or a region, a population and a height", () => {
    for (const options of [
      {},
      { domains: "A" },
      { domains: "a12,F,M18" },
      { departement: "69" },
      { departement: "974" },
      { region: "84" },
      { population: "apprentissage" },
      { population: "alternance" },
      { maxHeight: "320" },
      { maxHeight: "1200", domains: "N", departement: "20" },
    ])
      expect(scopeProblem(options), JSON.stringify(options)).toBeNull();
  });

  it("names the first bad option with what it expects", () => {
    expect(scopeProblem({ domains: "Agriculture" })?.[0]).toBe("domains");
    expect(scopeProblem({ domains: "A1" })?.[0]).toBe("domains");
    expect(scopeProblem({ domains: "A,,B" })?.[0]).toBe("domains");
    expect(scopeProblem({ domains: Array.from({ length: 31 }, () => "A").join(",") })?.[0]).toBe("domains");
    expect(scopeProblem({ departement: "2A" })).toEqual(["departement", "a number, e.g. 69, 974"]);
    expect(scopeProblem({ region: "99" })?.[1]).toMatch(/^one of 01, 02, 03/);
    expect(scopeProblem({ region: "84", departement: "69" })).toEqual([
      "region",
      "not with data-departement",
    ]);
    expect(scopeProblem({ population: "contrat-pro" })).toEqual([
      "population",
      "apprentissage or alternance",
    ]);
    expect(scopeProblem({ maxHeight: "319" })?.[0]).toBe("maxHeight");
    expect(scopeProblem({ maxHeight: "80vh" })?.[0]).toBe("maxHeight");
  });

  it("lists the V1 region codes of formationsParRegion", () => {
    expect(REGION_CODES).toEqual(REGIONS.map((region) => region.code));
  });

  it("keeps the scopes and the bound through navigation, and gives the trainings widget no population", () => {
    for (const param of ["domains", "departement", "region", "population", "max_height"])
      expect(isPartnerParam(param), param).toBe(true);
    expect(widgetReads("trainings", "population")).toBe(false);
    expect(widgetReads("jobs", "population")).toBe(true);
    expect(widgetReads("trainings", "domains")).toBe(true);
    expect(widgetReads("apply", "region")).toBe(false);
    expect(widgetReads("apply", "maxHeight")).toBe(false);
    expect(widgetAttribute("maxHeight")).toBe("data-max-height");
  });
});
