import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  isPartnerParam,
  isWidgetEvent,
  WIDGET_KINDS,
  WIDGET_PAGES,
  WIDGET_PARAMS,
  widgetAttribute,
  widgetKindOf,
  widgetReads,
} from "./widget";

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
