import { describe, expect, it } from "vitest";
import { toggleDomain } from "./scope-fields";
import { iframeSnippet, mountOptions, scriptSnippet, widgetSrc } from "./snippet";

const ORIGIN = "https://lba.example";

describe("widget snippets", () => {
  it("builds the script form with the loader's data-* attributes, escaped", () => {
    const code = scriptSnippet(ORIGIN, {
      widget: "jobs",
      caller: 'contact@site.fr "Site"',
      romes: "D1102,D1104",
      jobName: "Boulanger & pâtissier",
      frozenJob: true,
      radius: "60",
      opco: "akto",
    });
    expect(code).toBe(
      '<div data-lba-widget="jobs"\n  data-caller="contact@site.fr &quot;Site&quot;"\n  data-romes="D1102,D1104"\n' +
        '  data-job-name="Boulanger &amp; pâtissier"\n  data-radius="60"\n  data-opco="akto"\n  data-frozen-job="1"></div>\n' +
        '<script src="https://lba.example/embed.js" async></script>',
    );
  });

  it("builds the iframe form on the widget page, with the URL parameter names of §10.1", () => {
    const src = new URL(
      widgetSrc(ORIGIN, {
        widget: "search",
        caller: "moi",
        romes: "D1102",
        lat: "48.8",
        lon: "2.3",
        returnUri: "/accueil",
      }),
    );
    expect(src.pathname).toBe("/recherche-apprentissage");
    expect(Object.fromEntries(src.searchParams)).toEqual({
      caller: "moi",
      romes: "D1102",
      lat: "48.8",
      lon: "2.3",
      return_uri: "/accueil",
    });
    expect(iframeSnippet(ORIGIN, { widget: "trainings", caller: "a&b" })).toContain(
      'src="https://lba.example/recherche-apprentissage-formation?caller=a%26b"',
    );
  });

  it("keeps only the apply widget's own options for /postuler, and drops frozen_job without romes", () => {
    const src = new URL(
      widgetSrc(ORIGIN, {
        widget: "apply",
        caller: "moi",
        itemId: "123",
        type: "lba",
        romes: "D1102",
        frozenJob: true,
      }),
    );
    expect(src.pathname).toBe("/postuler");
    expect(Object.fromEntries(src.searchParams)).toEqual({ caller: "moi", itemId: "123", type: "lba" });
    expect(widgetSrc(ORIGIN, { widget: "jobs", caller: "moi", frozenJob: true })).not.toContain("frozen_job");
  });

  it("gives LBA.mount the dataset names of the script form", () => {
    expect(
      mountOptions({
        widget: "apply",
        caller: "moi",
        itemId: "123",
        type: "matcha",
        returnLogoUrl: "https://x/logo.png",
      }),
    ).toEqual({
      widget: "apply",
      caller: "moi",
      returnLogoUrl: "https://x/logo.png",
      itemId: "123",
      type: "matcha",
    });
  });

  it("carries the partner scopes into both forms, and the height bound into the loader's only", () => {
    const options = {
      widget: "search" as const,
      caller: "opco",
      domains: "A,N12",
      departement: "69",
      population: "apprentissage",
      maxHeight: "700",
    };
    expect(scriptSnippet(ORIGIN, options)).toContain(
      '  data-domains="A,N12"\n  data-departement="69"\n  data-population="apprentissage"\n  data-max-height="700"',
    );
    expect(Object.fromEntries(new URL(widgetSrc(ORIGIN, options)).searchParams)).toEqual({
      caller: "opco",
      domains: "A,N12",
      departement: "69",
      population: "apprentissage",
    });
    expect(mountOptions(options)).toMatchObject({ domains: "A,N12", maxHeight: "700" });
    // Every training is an apprenticeship training: no population for the trainings widget.
    expect(scriptSnippet(ORIGIN, { ...options, widget: "trainings" })).not.toContain("population");
  });

  it("toggles ROME domains in code order, a grand domaine covering its domaines professionnels", () => {
    expect(toggleDomain(undefined, "M", true)).toBe("M");
    expect(toggleDomain("M", "A12", true)).toBe("A12,M");
    expect(toggleDomain("A12,A14,M", "A", true)).toBe("A,M");
    expect(toggleDomain("A12", "A12", false)).toBeUndefined();
  });
});
