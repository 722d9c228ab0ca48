import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHostServer } from "./embed-host/host-server";
import { startLbaServer, type LbaServer } from "./embed-host/lba-server";
import { formatViolations, launchBrowser, runAxe } from "./helpers";

// The partner scopes (docs/decisions/024-partner-scopes.md) and the search widgets' height bound, embedded with
// the loader from another origin (docs/reference/v1.md#s10-1).

interface HostEvent {
  type: string;
  detail: Record<string, unknown> | null;
}

interface V1Item {
  title: string | null;
  ideaType: string;
  place: { fullAddress: string | null };
}

let lba: LbaServer;
let host: Awaited<ReturnType<typeof startHostServer>>;
let browser: Browser;

beforeAll(async () => {
  lba = await startLbaServer();
  host = await startHostServer(lba.origin);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await lba?.stop();
});

const AUVERGNE_RHONE_ALPES = ["01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74"];

/** The last 5-digit number of an address: its postcode. */
const postcodeOf = (address: string) => [...address.matchAll(/\b(\d{5})\b/g)].at(-1)?.[1] ?? "";

async function v1(path: string, query: string): Promise<Record<string, { results?: V1Item[] } | V1Item[]>> {
  const res = await fetch(`${lba.origin}/api/V1/${path}?caller=widget-test&${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, { results?: V1Item[] }>;
}

const trainingsOf = async (query: string) =>
  ((await v1("formations", query)).results as V1Item[]).map((item) => item.title ?? "");

async function jobCount(query: string): Promise<number> {
  const body = await v1("jobs", query);
  return Object.values(body).reduce(
    (n, group) => n + (Array.isArray(group) ? 0 : (group.results?.length ?? 0)),
    0,
  );
}

interface Opened {
  page: Page;
  frame: Frame;
  requests: string[];
  consoleErrors: string[];
}

async function open(context: BrowserContext, attributes: Record<string, string>): Promise<Opened> {
  const page = await context.newPage();
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
  page.on("request", (request) => requests.push(decodeURIComponent(request.url())));
  const query = new URLSearchParams({ caller: "widget-test", ...attributes });
  await page.goto(`${host.origin}/widget.html?${query}`);
  const handle = await page.waitForSelector("#widget iframe");
  const frame = await handle.contentFrame();
  if (!frame) throw new Error("the widget iframe has no frame");
  return { page, frame, requests, consoleErrors };
}

async function searchEvent(page: Page): Promise<HostEvent> {
  await page.waitForFunction(
    () => (window as unknown as { __lba: HostEvent[] }).__lba.some((e) => e.type === "lba:search"),
    undefined,
    { timeout: 60_000 },
  );
  const all = await page.evaluate(() => (window as unknown as { __lba: HostEvent[] }).__lba);
  const found = all.find((e) => e.type === "lba:search");
  if (!found) throw new Error("no lba:search");
  return found;
}

const cardTexts = (frame: Frame, selector: string) =>
  frame.$$eval(selector, (nodes) => nodes.map((node) => node.textContent?.trim() ?? ""));

describe("partner scopes in embedded widgets", () => {
  let context: BrowserContext;

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  });
  afterAll(async () => {
    await context?.close();
  });

  it("data-domains: a widget scoped to domain M shows only that domain's trainings and jobs", async () => {
    const romes = "D1102,M1607,K2204";
    const { page, frame, requests, consoleErrors } = await open(context, {
      "lba-widget": "search",
      romes,
      "job-name": "Plusieurs métiers",
      domains: "M",
    });
    const search = await searchEvent(page);
    const inScope = await trainingsOf(`romes=${romes}&domains=M`);
    const everything = await trainingsOf(`romes=${romes}`);
    const outOfScope = everything.filter((title) => !inScope.includes(title));
    expect(inScope.length).toBeGreaterThan(0);
    expect(outOfScope.length).toBeGreaterThan(0);
    expect(search.detail?.trainings).toBe(inScope.length);
    expect(search.detail?.jobs).toBeGreaterThan(0);
    expect(search.detail?.jobs).toBeLessThanOrEqual(await jobCount(`romes=${romes}&domains=M`));
    expect(Number(search.detail?.jobs)).toBeLessThan(await jobCount(`romes=${romes}`));

    const shown = await cardTexts(frame, ".item-card--formation .item-card__title");
    expect(shown.length).toBe(inScope.length);
    for (const title of shown) expect(inScope).toContain(title);
    expect(shown.filter((title) => outOfScope.includes(title))).toEqual([]);
    // The scope goes to both procedures, and stays through in-widget navigation.
    for (const procedure of ["formations.search", "jobs.search"])
      expect(requests.find((url) => url.includes(`/api/trpc/${procedure}`))).toContain('"domains":"M"');
    await frame.getByRole("button", { name: /^Formations \(/ }).click();
    await frame.waitForURL(/filter=trainings/);
    expect(new URL(frame.url()).searchParams.get("domains")).toBe("M");
    expect(consoleErrors).toEqual([]);
  });

  it("data-region: a widget scoped to Auvergne-Rhône-Alpes shows only that territory", async () => {
    const { page, frame, consoleErrors } = await open(context, {
      "lba-widget": "search",
      romes: "D1102,M1607,K2204",
      "job-name": "Plusieurs métiers",
      region: "84",
    });
    const search = await searchEvent(page);
    expect(search.detail?.trainings).toBeGreaterThan(0);
    expect(search.detail?.jobs).toBeGreaterThan(0);
    const places = await cardTexts(frame, ".item-card__place");
    expect(places.length).toBe(Number(search.detail?.trainings) + Number(search.detail?.jobs));
    for (const place of places) expect(AUVERGNE_RHONE_ALPES, place).toContain(postcodeOf(place).slice(0, 2));
    expect(consoleErrors).toEqual([]);
  });

  it("companies only (jobs widget) scoped to a département: no training search, every card in the Rhône", async () => {
    const { page, frame, requests, consoleErrors } = await open(context, {
      "lba-widget": "jobs",
      romes: "D1102",
      "job-name": "Boulanger",
      departement: "69",
    });
    const search = await searchEvent(page);
    expect(search.detail?.trainings).toBeNull();
    expect(search.detail?.jobs).toBe(await jobCount("romes=D1102&departement=69"));
    expect(requests.some((url) => url.includes("/api/trpc/formations.search"))).toBe(false);
    const places = await cardTexts(frame, ".item-card__place");
    expect(places.length).toBeGreaterThan(0);
    for (const place of places) expect(postcodeOf(place).slice(0, 2), place).toBe("69");
    expect(await frame.$$eval(".item-card--formation", (nodes) => nodes.length)).toBe(0);
    expect(consoleErrors).toEqual([]);
  });

  it("trainings only (trainings widget) scoped to a region: no job search, the population is not sent", async () => {
    const { page, frame, requests, consoleErrors } = await open(context, {
      "lba-widget": "trainings",
      romes: "D1102",
      "job-name": "Boulanger",
      region: "84",
      population: "apprentissage",
    });
    const search = await searchEvent(page);
    expect(search.detail?.jobs).toBeNull();
    expect(search.detail?.trainings).toBe((await trainingsOf("romes=D1102&region=84")).length);
    expect(requests.some((url) => url.includes("/api/trpc/jobs.search"))).toBe(false);
    const trainings = requests.find((url) => url.includes("/api/trpc/formations.search"));
    expect(trainings).toContain('"region":"84"');
    expect(trainings).not.toContain("population");
    for (const place of await cardTexts(frame, ".item-card__place"))
      expect(AUVERGNE_RHONE_ALPES, place).toContain(postcodeOf(place).slice(0, 2));
    expect(consoleErrors).toEqual([]);
  });

  it("data-population: apprenticeship only drops La Bonne Boîte companies and professionalisation offers", async () => {
    const all = await open(context, { "lba-widget": "jobs", romes: "D1102", "job-name": "Boulanger" });
    const allSearch = await searchEvent(all.page);
    await all.frame.waitForSelector(".item-card--lbb");

    const { page, frame, requests, consoleErrors } = await open(context, {
      "lba-widget": "jobs",
      romes: "D1102",
      "job-name": "Boulanger",
      population: "apprentissage",
    });
    const search = await searchEvent(page);
    expect(search.detail?.jobs).toBe(await jobCount("romes=D1102&population=apprentissage"));
    expect(Number(search.detail?.jobs)).toBeLessThan(Number(allSearch.detail?.jobs));
    expect(await frame.$$eval(".item-card--lbb", (nodes) => nodes.length)).toBe(0);
    expect(await frame.$$eval(".item-card--lba", (nodes) => nodes.length)).toBeGreaterThan(0);
    expect(requests.find((url) => url.includes("/api/trpc/jobs.search"))).toContain(
      '"population":"apprentissage"',
    );
    expect(consoleErrors).toEqual([]);
  });

  it("invalid scopes: a console error naming the attribute, and nothing rendered", async () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ domains: "Agriculture" }, /\[LBA\] data-domains: up to 30 ROME domains/],
      [{ departement: "2A" }, /\[LBA\] data-departement: a number/],
      [{ region: "99" }, /\[LBA\] data-region: one of 01, 02/],
      [{ region: "84", departement: "69" }, /\[LBA\] data-region: not with data-departement/],
      [{ population: "contrat-pro" }, /\[LBA\] data-population: apprentissage or alternance/],
      [{ "max-height": "100" }, /\[LBA\] data-max-height: pixels, at least 320/],
    ];
    for (const [attributes, message] of cases) {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      const query = new URLSearchParams({ "lba-widget": "search", caller: "widget-test", ...attributes });
      await page.goto(`${host.origin}/widget.html?${query}`);
      await page.waitForFunction(() => "LBA" in window);
      await page.waitForFunction(() => document.querySelector("#widget")?.hasAttribute("data-lba-mounted"));
      expect(await page.$$eval("iframe", (frames) => frames.length)).toBe(0);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(message);
      await page.close();
    }
  });
});

/** Where the element lies in the host page's viewport, through the iframe. */
async function hostRect(page: Page, frame: Frame, selector: string) {
  const inner = await frame.$eval(selector, (node) => {
    const r = node.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: r.height, width: r.width };
  });
  const offset = await page.$eval("#widget iframe", (node) => node.getBoundingClientRect().top);
  return { ...inner, top: inner.top + offset, bottom: inner.bottom + offset };
}

describe.each([
  { name: "desktop", width: 1366, height: 900 },
  { name: "mobile", width: 375, height: 812 },
])("search widget height at $width×$height", ({ name, width, height }) => {
  let context: BrowserContext;

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width, height }, isMobile: name === "mobile" });
  });
  afterAll(async () => {
    await context?.close();
  });

  it("is bounded by default (800 px): the result list scrolls inside, the map and its button stay in view", async () => {
    const { page, frame, consoleErrors } = await open(context, {
      "lba-widget": "search",
      romes: "D1102",
      "job-name": "Boulanger",
    });
    const search = await searchEvent(page);
    expect(Number(search.detail?.trainings) + Number(search.detail?.jobs)).toBeGreaterThan(90);
    await frame.waitForSelector(".item-card");
    // Wait for the height the widget settles at.
    await page.waitForFunction(
      () => (document.querySelector("#widget iframe")?.getBoundingClientRect().height ?? 0) > 700,
    );
    const frameHeight = await page.$eval("#widget iframe", (n) => n.getBoundingClientRect().height);
    expect(frameHeight).toBeLessThanOrEqual(800);
    const pane = await frame.$eval(".results-pane", (n) => ({
      scroll: n.scrollHeight,
      client: n.clientHeight,
      overflow: getComputedStyle(n).overflowY,
    }));
    expect(pane.overflow).toBe("auto");
    expect(pane.scroll).toBeGreaterThan(pane.client * 3);
    // The inner page never scrolls by itself: everything fits the iframe.
    const inner = await frame.evaluate(() => ({
      overflow: document.documentElement.scrollHeight - document.documentElement.clientHeight,
      body: document.body.getBoundingClientRect().height,
    }));
    expect(inner.overflow).toBeLessThanOrEqual(0);
    expect(inner.body).toBeLessThanOrEqual(800);
    // The partner's footer follows right after the widget.
    const after = await page.$eval("#after", (n) => n.getBoundingClientRect().top);
    expect(after).toBeLessThan(1100);

    await page.$eval("#widget", (n) => n.scrollIntoView({ block: "start" }));
    if (name === "desktop") {
      const map = await hostRect(page, frame, ".map-pane");
      expect(map.height).toBeGreaterThan(300);
      expect(map.top).toBeGreaterThanOrEqual(0);
      expect(map.bottom).toBeLessThanOrEqual(height);
      // Beside the list, the map reaches the list's bottom (not its own 520 px).
      expect(
        Math.abs(map.bottom - (await hostRect(page, frame, ".results-pane")).bottom),
      ).toBeLessThanOrEqual(1);
    } else {
      const button = frame.getByRole("button", { name: "Afficher la carte" });
      const rect = await hostRect(page, frame, ".pane-switch");
      expect(rect.height).toBeGreaterThan(30);
      expect(rect.top).toBeGreaterThanOrEqual(0);
      expect(rect.bottom).toBeLessThanOrEqual(height);
      // After scrolling the list inside the widget, the button is still where it was.
      await frame.$eval(".results-pane", (n) => n.scrollTo(0, n.scrollHeight));
      expect((await hostRect(page, frame, ".pane-switch")).top).toBeCloseTo(rect.top, 0);
      await button.click();
      await frame.waitForURL(/display=map/);
      const map = await hostRect(page, frame, ".map-pane");
      expect(map.height).toBeGreaterThan(200);
      expect(map.bottom).toBeLessThanOrEqual(height);
    }
    expect(consoleErrors).toEqual([]);
  });

  it("follows data-max-height, and stays shorter than the bound with less content", async () => {
    const { page, frame } = await open(context, {
      "lba-widget": "search",
      romes: "D1102",
      "job-name": "Boulanger",
      "max-height": "600",
    });
    await searchEvent(page);
    await frame.waitForSelector(".item-card");
    await page.waitForFunction(
      () => (document.querySelector("#widget iframe")?.getBoundingClientRect().height ?? 0) > 500,
    );
    expect(await page.$eval("#widget iframe", (n) => n.getBoundingClientRect().height)).toBeLessThanOrEqual(
      600,
    );
    expect(new URL(frame.url()).searchParams.get("max_height")).toBe("600");
    if (name === "desktop") {
      // A bound shorter than list and map together shortens the map with the list, within the iframe.
      const map = await hostRect(page, frame, ".map-pane");
      const pane = await hostRect(page, frame, ".results-pane");
      expect(Math.abs(map.bottom - pane.bottom)).toBeLessThanOrEqual(1);
      const iframe = await page.$eval("#widget iframe", (n) => n.getBoundingClientRect().toJSON() as DOMRect);
      expect(map.bottom).toBeLessThanOrEqual(iframe.bottom + 1);
    }

    // Before any search, the page is shorter than the default bound: the iframe takes the content's height.
    const few = await open(context, { "lba-widget": "search" });
    await few.frame.waitForSelector(".empty-state");
    await expect
      .poll(async () => {
        const body = await few.frame.evaluate(() => document.body.getBoundingClientRect().height);
        const frame = await few.page.$eval("#widget iframe", (n) => n.getBoundingClientRect().height);
        return Math.abs(Math.ceil(body) - frame);
      })
      .toBeLessThanOrEqual(1);
    expect(await few.page.$eval("#widget iframe", (n) => n.getBoundingClientRect().height)).toBeLessThan(800);
  });
});

describe("scoped widget pages and the builder", () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    // runAxe injects axe-core as an inline script, which our Content-Security-Policy rightly refuses.
    context = await browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  it("a scoped widget page names its area where a place goes, with no accessibility violation", async () => {
    for (const [path, area] of [
      [
        "/recherche-apprentissage?caller=test&romes=D1102,M1607&domains=M,D11&region=84",
        "Région Auvergne-Rhône-Alpes",
      ],
      ["/recherche-emploi?caller=test&romes=D1102&departement=69&population=apprentissage", "Département 69"],
    ] as const) {
      await page.goto(`${lba.origin}${path}`);
      await page.waitForSelector(".item-card", { timeout: 60_000 });
      expect(await page.locator("input[name=place]").getAttribute("placeholder")).toBe(area);
      const violations = await runAxe(page);
      expect(violations, `${path}\n${formatViolations(violations)}`).toEqual([]);
    }
  });

  it("/test-widget offers every scope and the height bound, and the snippet carries them", async () => {
    await page.goto(`${lba.origin}/test-widget`);
    await page.getByLabel(/Votre identifiant/).fill("mon-site");
    await page.getByRole("radio", { name: "Entreprises et offres seulement" }).check();
    await page.getByRole("checkbox", { name: /^M — / }).check();
    await page.getByRole("checkbox", { name: /^A12 — / }).check();
    await page.getByLabel("Région (region)").selectOption("84");
    await page.getByRole("radio", { name: /Apprentissage seulement/ }).check();
    // Styled as the other fields, and clear of the fieldset that follows the caller's field.
    const looks = await page.evaluate(() => {
      const caller = document.querySelector<HTMLInputElement>("input[id$='-caller']");
      const height = document.querySelector<HTMLInputElement>("input[type=number]");
      const next = caller?.closest(".field")?.nextElementSibling;
      if (!caller || !height || !next) return null;
      return {
        sameBackground: getComputedStyle(height).backgroundColor === getComputedStyle(caller).backgroundColor,
        gap: next.getBoundingClientRect().top - caller.getBoundingClientRect().bottom,
      };
    });
    expect(looks?.sameBackground).toBe(true);
    expect(looks?.gap).toBeGreaterThanOrEqual(24);
    await page.getByLabel(/Hauteur maximale/).fill("700");
    const snippet = await page.locator("pre.snippet").first().textContent();
    expect(snippet).toContain('data-lba-widget="jobs"');
    expect(snippet).toContain('data-domains="A12,M"');
    expect(snippet).toContain('data-region="84"');
    expect(snippet).toContain('data-population="apprentissage"');
    expect(snippet).toContain('data-max-height="700"');
    const iframe = await page.locator("pre.snippet").nth(1).textContent();
    expect(iframe).toContain("domains=A12%2CM&amp;region=84&amp;population=apprentissage");
    expect(iframe).not.toContain("max_height");
    // A département replaces the region: one or the other.
    await page.getByLabel("Département (departement)").selectOption("69");
    const replaced = await page.locator("pre.snippet").first().textContent();
    expect(replaced).toContain('data-departement="69"');
    expect(replaced).not.toContain("data-region");
    const violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);
  });
});
