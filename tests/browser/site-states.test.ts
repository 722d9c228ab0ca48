import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, watchPage } from "./helpers";
import { startSiteServer, type SiteServer } from "./site-server";
import { siteContexts, trpcServerError, withoutFailedCalls } from "./site-steps";

// What the search page says while it waits, when the server fails and when it finds nothing: in the list and in
// the map view of a narrow screen, and on a card opened from a link.

let server: SiteServer;
let browser: Browser;
let desktop: BrowserContext;
let mobile: BrowserContext;
let problems: string[] = [];

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

const LYON = "lat=45.764&lon=4.8357&insee=69123&zipcode=69001&address=Lyon&radius=30";
const SEARCHES = /\/api\/trpc\/(formations|jobs)\.search/;

async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  return watchPage(page, server.origin, (problem) => problems.push(problem));
}

beforeAll(async () => {
  server = await startSiteServer();
  browser = await launchBrowser();
  ({ desktop, mobile } = await siteContexts(browser, { desktop: 800, mobile: 740 }));
});

afterAll(async () => {
  await desktop?.close();
  await mobile?.close();
  await browser?.close();
  await server?.stop();
});

describe("a card opened from a link", () => {
  it("says a server failure is a technical error to retry, not that the training is gone", async () => {
    problems = [];
    const answer = (await (
      await fetch(`${server.origin}/api/V1/formations?romes=D1102&caller=test`)
    ).json()) as { results: Array<{ id: string; title: string }> };
    const training = answer.results[0];
    if (!training) throw new Error("the sample has no bakery training");
    const page = await newPage(desktop);
    await page.route("**/api/trpc/**", trpcServerError);
    await page.goto(
      `${server.origin}/recherche-apprentissage?display=list&page=fiche&type=training&itemId=${encodeURIComponent(training.id)}`,
    );
    const alert = page.getByRole("alert");
    await alert.getByRole("button", { name: "Réessayer" }).waitFor();
    expect(await alert.textContent()).toContain("Erreur technique momentanée");
    expect(await page.getByText("Cette formation n'est plus proposée.").count()).toBe(0);
    await expectAccessible(page, "card failed");
    await page.unroute("**/api/trpc/**");
    await alert.getByRole("button", { name: "Réessayer" }).click();
    await page.locator("#detail-title").waitFor();
    expect(await page.getByRole("alert").count()).toBe(0);
    expect(withoutFailedCalls(problems)).toEqual([]);
    await page.close();
  });

  it("still says an item that is not found is gone, with no retry", async () => {
    problems = [];
    const page = await newPage(desktop);
    await page.goto(
      `${server.origin}/recherche-apprentissage?display=list&page=fiche&type=peJob&itemId=NOPE000`,
    );
    await page.getByRole("alert").getByText("Cette offre n'est plus disponible.").waitFor();
    expect(await page.getByRole("button", { name: "Réessayer" }).count()).toBe(0);
    expect(problems.filter((p) => !/status of 404/.test(p))).toEqual([]);
    await page.close();
  });
});

describe("the list of a wide screen", () => {
  it("says how long to wait when only the jobs search was refused for its rate, as Retry-After says", async () => {
    problems = [];
    const page = await newPage(desktop);
    await page.route(/\/api\/trpc\/jobs\.search/, (route) =>
      route.fulfill({
        status: 429,
        contentType: "application/json",
        headers: { "Retry-After": "30" },
        body: JSON.stringify({
          error: {
            message: "too_many_requests",
            code: -32029,
            data: { code: "TOO_MANY_REQUESTS", httpStatus: 429 },
          },
        }),
      }),
    );
    await page.goto(
      `${server.origin}/recherche-apprentissage?display=list&romes=D1102&job_name=Boulangerie&${LYON}`,
    );
    const jobsBlock = page.locator("section[aria-labelledby=jobs-title]");
    await jobsBlock.getByRole("alert").waitFor();
    expect(await jobsBlock.getByRole("alert").textContent()).toContain(
      "Trop de tentatives en peu de temps. Patientez 30 secondes puis réessayez.",
    );
    // the trainings were answered: they are listed
    await poll(() =>
      page.locator("section[aria-labelledby=trainings-title] .item-card").count(),
    ).toBeGreaterThan(0);
    expect(problems.filter((p) => !/status of 429/.test(p))).toEqual([]);
    await page.close();
  });
});

describe("the map view of a narrow screen", () => {
  const mapUrl = (romes: string) =>
    `${server.origin}/recherche-apprentissage?display=map&romes=${romes}&job_name=Boulangerie&${LYON}`;
  const mapPane = (page: Page) => page.locator(".map-pane");

  it("says the search is running until the answers come", async () => {
    problems = [];
    const page = await newPage(mobile);
    let release = () => {};
    const answered = new Promise<void>((resolve) => (release = resolve));
    await page.route(SEARCHES, async (route) => {
      await answered;
      await route.continue();
    });
    await page.goto(mapUrl("D1102"));
    const loading = mapPane(page).getByText("Recherche en cours");
    await poll(() => loading.isVisible()).toBe(true);
    release();
    await poll(() => loading.count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows a failed search as an error to retry, read out, and the results once it works", async () => {
    problems = [];
    const page = await newPage(mobile);
    await page.route(SEARCHES, trpcServerError);
    await page.goto(mapUrl("D1102"));
    // getByRole only finds what is rendered and exposed: a hidden list pane's alert does not count.
    const alert = page.getByRole("alert");
    await poll(() => alert.count()).toBe(1);
    expect(await alert.textContent()).toContain("Erreur technique momentanée");
    expect(await mapPane(page).getByRole("alert").isVisible()).toBe(true);
    await expectAccessible(page, "map view, search failed");
    await page.unroute(SEARCHES);
    await alert.getByRole("button", { name: "Réessayer" }).click();
    await poll(() => alert.count()).toBe(0);
    await poll(() =>
      page.locator(".map__canvas .map-pin, .map__canvas .marker-cluster").count(),
    ).toBeGreaterThan(0);
    expect(withoutFailedCalls(problems)).toEqual([]);
    await page.close();
  });

  it("says when the search found nothing", async () => {
    problems = [];
    const page = await newPage(mobile);
    // A métier without any training, company or offer in the sample.
    await page.goto(mapUrl("A1101"));
    await poll(() =>
      mapPane(page)
        .getByText(/^Aucun/)
        .isVisible(),
    ).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("a link naming a place without its point", () => {
  it("is searched at its commune when the métier is named from its codes too (an old partner link without job_name)", async () => {
    problems = [];
    const page = await newPage(desktop);
    const searches: string[] = [];
    page.on("request", (request) => {
      if (/formations\.search|jobs\.search/.test(request.url()))
        searches.push(decodeURIComponent(request.url()));
    });
    // Both look-ups are answered at about the same time: the page may learn the point and the name in one render.
    await page.goto(
      `${server.origin}/recherche-apprentissage?display=list&romes=D1102&radius=30&insee=2A004`,
    );
    await poll(() => new URL(page.url()).searchParams.get("lat")).toMatch(/^41\.9\d+/);
    await poll(() => new URL(page.url()).searchParams.get("job_name")).toBeTruthy();
    await page.getByRole("heading", { name: /^Résultats pour .+ à Ajaccio/ }).waitFor();
    // The search runs, at the commune's point, and is no longer said to be under way.
    await poll(() => searches.filter((url) => /"latitude":"?41\.9/.test(url)).length).toBeGreaterThan(0);
    await poll(() => page.getByText(/en cours/).count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("is searched at the commune the place names, found in the communes referential", async () => {
    problems = [];
    const page = await newPage(desktop);
    await page.goto(
      `${server.origin}/recherche-apprentissage?display=list&job_name=Boulangerie&romes=D1102&radius=30&zipcode=76600&insee=76351&address=Le+Havre`,
    );
    await page.getByRole("heading", { name: /Résultats pour Boulangerie au Havre/ }).waitFor();
    await poll(() => new URL(page.url()).searchParams.get("lat")).toMatch(/^49\.\d+/);
    await poll(() => page.locator(".item-card").count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it.each([
    ["76351", "au Havre", /^49\.\d+/],
    ["75056", "à Paris", /^48\.8\d+/],
    ["2A004", "à Ajaccio", /^41\.9\d+/],
  ])("is searched at the commune of its INSEE code %s alone", async (insee, where, latitude) => {
    problems = [];
    const page = await newPage(desktop);
    await page.goto(
      `${server.origin}/recherche-apprentissage?display=list&job_name=Boulangerie&romes=D1102&radius=30&insee=${insee}`,
    );
    await page.getByRole("heading", { name: `Résultats pour Boulangerie ${where}` }).waitFor();
    await poll(() => new URL(page.url()).searchParams.get("lat")).toMatch(latitude);
    expect(new URL(page.url()).searchParams.get("insee")).toBe(insee);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("is a search to change when its point is wrong or its place cannot be found, not one run France-wide", async () => {
    problems = [];
    const page = await newPage(desktop);
    const searches: string[] = [];
    page.on("request", (request) => {
      if (SEARCHES.test(request.url())) searches.push(request.url());
    });
    for (const [place, why] of [
      [
        "lat=abc&lon=2.35&zipcode=75001&insee=75056&address=Paris",
        "un lieu ou un rayon que le service ne reconnaît pas",
      ],
      [
        "zipcode=00000&address=Nulle+part",
        "Aucune commune ne correspond au lieu « 00000 » donné par le lien.",
      ],
      ["insee=99999", "Aucune commune n'a le code INSEE « 99999 » donné par le lien."],
      ["insee=Paris&address=Paris", "Le code INSEE « Paris » donné par le lien n'est pas un code de commune"],
    ]) {
      await page.goto(
        `${server.origin}/recherche-apprentissage?display=list&job_name=Boulangerie&romes=D1102&radius=10&${place}`,
      );
      const alert = page.getByRole("alert");
      await alert.getByText("Cette recherche n'est pas valide").waitFor();
      expect(await alert.textContent()).toContain(why);
      await page.waitForLoadState("networkidle");
      expect(await page.locator(".item-card").count()).toBe(0);
      expect(await page.locator("[role=status][aria-live=polite]").textContent()).toBe("");
    }
    expect(searches).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("the place field", () => {
  it("drops its error once a commune is picked from the suggestions", async () => {
    problems = [];
    const page = await newPage(desktop);
    await page.goto(`${server.origin}/recherche-apprentissage?romes=D1102&job_name=Boulangerie`);
    const place = page.getByRole("combobox", { name: /Lieu/ });
    await place.fill("69003");
    await place.press("Enter");
    await poll(() => place.getAttribute("aria-invalid")).toBe("true");
    await page.getByText("Veuillez sélectionner une commune proposée", { exact: false }).waitFor();
    await page.locator("[role=listbox]:visible [role=option]", { hasText: "69003" }).first().waitFor();
    await place.press("ArrowDown");
    await place.press("Enter");
    await poll(() => place.inputValue()).toMatch(/^Lyon/);
    expect(await place.getAttribute("aria-invalid")).toBeNull();
    expect(await page.getByText("Veuillez sélectionner une commune proposée", { exact: false }).count()).toBe(
      0,
    );
    expect(problems).toEqual([]);
    await page.close();
  });
});
