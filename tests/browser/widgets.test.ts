import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHostServer } from "./embed-host/host-server";
import { startLbaServer, type LbaServer } from "./embed-host/lba-server";
import { formatViolations, launchBrowser, runAxe } from "./helpers";
import { aupresDe } from "@lba/core/referentials";

// Partners embed our widgets with the loader from another origin (docs/reference/v1.md#s10, docs/decisions/016-widget-traffic-attribution.md).

interface HostEvent {
  type: string;
  detail: Record<string, unknown> | null;
  target: string;
}

let lba: LbaServer;
let host: Awaited<ReturnType<typeof startHostServer>>;
let browser: Browser;
let context: BrowserContext;
let consoleErrors: string[] = [];

/** A company the apply widget can write to (sealed e-mail), found the way a partner would: the V1 API. */
async function applicableCompany(): Promise<{ siret: string; name: string }> {
  const res = await fetch(`${lba.origin}/api/V1/jobs?caller=test&romes=D1102&sources=lba`);
  const body = (await res.json()) as {
    lbaCompanies: {
      results?: Array<{
        company: { siret: string | null; name: string | null };
        contact: { email?: string; iv?: string } | null;
      }>;
    };
  };
  const found = body.lbaCompanies.results?.find(
    (item) => item.company.siret && item.contact?.email && item.contact.iv,
  );
  if (!found?.company.siret)
    throw new Error("the sample dataset has no LBA company with a sealed e-mail for D1102");
  return { siret: found.company.siret, name: found.company.name ?? "" };
}

async function openHost(page: Page, file: string, query: Record<string, string> = {}): Promise<void> {
  const params = new URLSearchParams(query);
  await page.goto(`${host.origin}/${file}${params.size ? `?${params}` : ""}`);
}

async function widgetFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector("#widget iframe");
  const frame = await handle.contentFrame();
  if (!frame) throw new Error("the widget iframe has no frame");
  await frame.waitForLoadState();
  return frame;
}

const events = (page: Page) => page.evaluate(() => (window as unknown as { __lba: HostEvent[] }).__lba);

async function waitForEvent(page: Page, type: string): Promise<HostEvent> {
  await page.waitForFunction(
    (t) => (window as unknown as { __lba: HostEvent[] }).__lba.some((e) => e.type === t),
    type,
    {
      timeout: 30_000,
    },
  );
  const all = await events(page);
  const found = all.find((e) => e.type === type);
  if (!found) throw new Error(`no ${type}`);
  return found;
}

const iframeHeight = (page: Page) =>
  page.$eval("#widget iframe", (frame) => (frame as HTMLIFrameElement).getBoundingClientRect().height);

/** The inner page's own scroll: none when the loader sizes the iframe. */
const innerScroll = (frame: Frame) =>
  frame.evaluate(() => ({
    overflow: document.documentElement.scrollHeight - document.documentElement.clientHeight,
    body: Math.ceil(document.body.getBoundingClientRect().height),
    style: getComputedStyle(document.documentElement).overflowY,
  }));

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

describe("widgets embedded with the script tag on another origin", () => {
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  });
  afterAll(async () => {
    await context?.close();
  });

  async function newPage(): Promise<Page> {
    consoleErrors = [];
    requests.length = 0;
    page = await context.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(String(error)));
    page.on("request", (request) => requests.push(decodeURIComponent(request.url())));
    return page;
  }

  it("search widget: runs the search from its attributes, reports it, and grows with its content up to data-max-height", async () => {
    await newPage();
    // The métier's name (no data-job-name) comes after both searches: lba:search must still carry it.
    const searched = Promise.all(
      ["formations.search", "jobs.search"].map((name) =>
        page.waitForResponse((response) => response.url().includes(`/api/trpc/${name}`), { timeout: 60_000 }),
      ),
    );
    await page.route("**/api/trpc/metiers.forRomes*", async (route) => {
      await searched;
      await route.continue();
    });
    await openHost(page, "search.html");
    const frame = await widgetFrame(page);
    expect(
      await page.$eval("#widget iframe", (f) =>
        new URL((f as HTMLIFrameElement).src).searchParams.get("embed_origin"),
      ),
    ).toBe(host.origin);

    const ready = await waitForEvent(page, "lba:ready");
    expect(ready.detail).toEqual({ page: "/recherche-apprentissage" });
    expect(ready.target).toBe("widget");

    // Results inside the iframe, without any click.
    await frame.waitForSelector(".item-card", { timeout: 30_000 });
    const search = await waitForEvent(page, "lba:search");
    expect(search.detail).toMatchObject({ romes: "D1102", radius: 60, latitude: 48.8566, longitude: 2.3522 });
    expect(search.detail?.insee).toBeTruthy();
    expect(Number(search.detail?.jobs) + Number(search.detail?.trainings)).toBeGreaterThan(0);
    // No data-job-name: the métier's name looked up from its codes, as the results heading shows it.
    expect(search.detail?.jobName).toBeTruthy();
    await expect
      .poll(() => frame.locator(".results-heading").textContent())
      .toContain(`Résultats pour ${String(search.detail?.jobName)}`);

    // lat/lon without job_name: reverse-geocoded first, then searched once with the commune; caller sent.
    expect(requests.some((url) => url.includes("/api/trpc/geo.reverse"))).toBe(true);
    const jobSearches = requests.filter((url) => url.includes("/api/trpc/jobs.search"));
    expect(jobSearches.length).toBe(1);
    expect(jobSearches[0]).toContain('"caller":"widget-test"');
    expect(jobSearches[0]).toContain('"insee":"');
    expect(requests.filter((url) => url.includes("/api/trpc/formations.search"))[0]).toContain(
      '"caller":"widget-test"',
    );

    // The iframe is as tall as its content, which the page itself never scrolls.
    await page.waitForFunction(
      () =>
        (document.querySelector<HTMLIFrameElement>("#widget iframe")?.getBoundingClientRect().height ?? 0) >
        700,
    );
    // The results arrive list by list and each resize is a message round trip: wait until the iframe has caught
    // up with its content (on a loaded machine a single read can fall between two of them).
    await expect
      .poll(async () => (await innerScroll(frame)).overflow, { timeout: 30_000 })
      .toBeLessThanOrEqual(0);
    const before = await iframeHeight(page);
    const inner = await innerScroll(frame);
    expect(inner.overflow).toBeLessThanOrEqual(0);
    expect(inner.style).toBe("hidden");
    expect(Math.abs(before - inner.body)).toBeLessThanOrEqual(1);
    expect(await frame.$$eval(".site-header, .site-footer", (nodes) => nodes.length)).toBe(0);

    // Less content: the iframe shrinks to it.
    await frame.getByRole("button", { name: /^Formations \(/ }).click();
    await page.waitForFunction(
      (h) =>
        document.querySelector<HTMLIFrameElement>("#widget iframe")?.getBoundingClientRect().height !== h,
      before,
    );
    const after = await iframeHeight(page);
    expect(after).not.toBe(before);
    expect((await innerScroll(frame)).overflow).toBeLessThanOrEqual(0);
    // Partner parameters survive in-widget navigation.
    const kept = new URL(frame.url()).searchParams;
    expect([
      kept.get("filter"),
      kept.get("caller"),
      kept.get("utm_source"),
      kept.get("embed_origin"),
    ]).toEqual(["trainings", "widget-test", "partenaire", host.origin]);
    expect(consoleErrors).toEqual([]);
  });

  it("search widget: the logo asks the host to navigate (lba:navigate), which it does when not cancelled", async () => {
    await newPage();
    await openHost(page, "search.html");
    const frame = await widgetFrame(page);
    await waitForEvent(page, "lba:ready");
    const frameUrl = frame.url();
    await Promise.all([
      page.waitForURL(`${host.origin}/landing.html`),
      frame.getByRole("button", { name: /retour à l'accueil/i }).click(),
    ]);
    expect(page.url()).toBe(`${host.origin}/landing.html`);
    expect(frameUrl).toContain("/recherche-apprentissage?");
    expect(consoleErrors).toEqual([]);
  });

  it("search widget: shows the partner's logo given as an http URL, as the docs allow", async () => {
    await newPage();
    await openHost(page, "search.html", { logo: `${host.origin}/logo.svg` });
    const frame = await widgetFrame(page);
    await waitForEvent(page, "lba:ready");
    const logo = frame.getByRole("img", { name: "Retour à l'accueil du site" });
    await expect
      .poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
  });

  it("search widget: a partner's logo that fails to load gives way to the wordmark, on one line", async () => {
    await newPage();
    // A local URL that answers 404 (the host serves only its own pages and logo.svg).
    await openHost(page, "search.html", { logo: `${host.origin}/logo-absent.png` });
    const frame = await widgetFrame(page);
    await waitForEvent(page, "lba:ready");
    const logo = frame.getByRole("button", { name: /retour à l'accueil du site/i });
    // No broken image with its alt text wrapped and cut: our wordmark instead, whole, on one line.
    await expect.poll(() => logo.locator("img").count()).toBe(0);
    expect(await logo.textContent()).toContain("La bonne alternance");
    const box = await logo.evaluate((button) => {
      const name = button.querySelector(".brand__name") as HTMLElement;
      const b = button.getBoundingClientRect();
      const n = name.getBoundingClientRect();
      return {
        inside: n.left >= b.left && n.right <= b.right && n.top >= b.top && n.bottom <= b.bottom,
        overflow: button.scrollWidth - button.clientWidth,
        lines: Math.round(n.height / Number.parseFloat(getComputedStyle(name).lineHeight)),
      };
    });
    expect(box).toEqual({ inside: true, overflow: 0, lines: 1 });
    // The logo's 404 is the only console error.
    expect(consoleErrors.length).toBeGreaterThan(0);
    expect(consoleErrors.every((text) => text.includes("404"))).toBe(true);
  });

  it("jobs widget: a cancelled lba:navigate leaves the host page alone and the iframe where it was", async () => {
    await newPage();
    await openHost(page, "jobs.html");
    const frame = await widgetFrame(page);
    await frame.waitForSelector(".item-card", { timeout: 30_000 });
    expect(
      await frame.$$eval(".result-block__title", (nodes) => nodes.map((n) => n.textContent ?? "")),
    ).not.toContainEqual(expect.stringMatching(/formation/i));
    const url = page.url();
    const inner = frame.url();
    await frame.getByRole("button", { name: /retour à l'accueil/i }).click();
    const navigate = await waitForEvent(page, "lba:navigate");
    expect(navigate.detail).toEqual({ page: `${host.origin}/landing.html` });
    await page.waitForTimeout(300);
    expect(page.url()).toBe(url);
    expect(frame.url()).toBe(inner);
    expect(consoleErrors).toEqual([]);
  });

  it("trainings widget: frozen métier, trainings only", async () => {
    await newPage();
    await openHost(page, "trainings.html");
    const frame = await widgetFrame(page);
    await frame.waitForSelector(".item-card", { timeout: 30_000 });
    const search = await waitForEvent(page, "lba:search");
    expect(search.detail).toMatchObject({ romes: "D1102", jobName: "Boulanger", jobs: null });
    expect(requests.some((url) => url.includes("/api/trpc/jobs.search"))).toBe(false);
    expect(await frame.getByRole("combobox", { name: /Métier ou diplôme/ }).isDisabled()).toBe(true);
    expect(consoleErrors).toEqual([]);
  });

  it("apply widget: sends an application with a PDF and emits lba:application-sent", async () => {
    const company = await applicableCompany();
    await newPage();
    await openHost(page, "apply.html", { item_id: company.siret, item_type: "lba" });
    const frame = await widgetFrame(page);
    await frame
      .getByRole("heading", { level: 1, name: `Candidature spontanée ${aupresDe(company.name)}` })
      .waitFor();
    await frame.getByLabel("Prénom").fill("Jeanne");
    await frame.getByLabel(/^Nom/).fill("Martin");
    await frame.getByLabel("E-mail").fill("jeanne.martin@laposte.net");
    await frame.getByLabel("Téléphone").fill("0612345678");
    await frame.getByLabel(/^CV/).setInputFiles({
      name: "cv.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"),
    });
    await frame.getByText("Fichier prêt : cv.pdf").waitFor();
    await frame.getByRole("button", { name: "J'envoie ma candidature" }).click();
    const sent = await waitForEvent(page, "lba:application-sent");
    expect(sent.detail).toEqual({ itemId: company.siret, type: "lba" });
    await frame.getByText("Votre candidature a bien été envoyée").waitFor();
    const application = requests.find((url) => url.includes("/api/trpc/application.send"));
    expect(application).toBeDefined();
    expect(consoleErrors).toEqual([]);
  });

  it("apply widget: names a company it cannot write to, with the address to go to and the phone to call", async () => {
    await newPage();
    const answered = page.waitForResponse((r) => r.url().includes("/api/trpc/jobs.company"), {
      timeout: 30_000,
    });
    // A La Bonne Boîte company of the sample without any e-mail: no application form for it.
    await openHost(page, "apply.html", { item_id: "27346814000242", item_type: "lbb" });
    const { result } = (await (await answered).json()) as {
      result: {
        data: {
          lbbCompanies: Array<{
            company: { name: string };
            place: { fullAddress: string };
            contact: { email?: string | null; phone?: string | null } | null;
          }>;
        };
      };
    };
    const company = result.data.lbbCompanies[0];
    // What the widget was given: no e-mail to write to, a phone since the widget page is ours (decision 023).
    expect(company?.contact?.email).toBeFalsy();
    const phone = company?.contact?.phone ?? "";
    expect(phone).not.toBe("");

    const frame = await widgetFrame(page);
    await frame
      .getByRole("alert")
      .getByText(/Présentez-vous ou appelez l'entreprise\.$/)
      .waitFor();
    // What the advice needs: whom, where to go, the number to call.
    await frame.getByRole("heading", { level: 2, name: company?.company.name }).waitFor();
    expect(await frame.locator("dd").allTextContents()).toContain(company?.place.fullAddress);
    expect(await frame.getByRole("link", { name: phone }).getAttribute("href")).toBe(
      `tel:${phone.replace(/\s/g, "")}`,
    );
    await frame.getByRole("link", { name: /Voir l'itinéraire/ }).waitFor();
    expect(await frame.locator("form.apply-form").count()).toBe(0);
    expect(consoleErrors).toEqual([]);
  });

  it("apply widget: explains, in French, an unknown offer", async () => {
    await newPage();
    await openHost(page, "apply.html", { item_id: "00000000000000", item_type: "lbb" });
    const frame = await widgetFrame(page);
    await frame
      .getByRole("alert")
      .getByText("Cette entreprise n'est plus référencée sur La bonne alternance.")
      .waitFor();
    // The failed look-up itself is the browser's only console error (a 404 from tRPC).
    expect(consoleErrors.every((text) => text.includes("404"))).toBe(true);
  });

  it("invalid options: a console error naming the attribute, and nothing rendered", async () => {
    await newPage();
    await openHost(page, "invalid.html");
    await page.waitForFunction(() => "LBA" in window);
    await page.waitForTimeout(200);
    expect(await page.$$eval("iframe", (frames) => frames.length)).toBe(0);
    expect(await page.$eval("#no-caller", (el) => el.textContent)).toBe("contenu du partenaire");
    const joined = consoleErrors.join("\n");
    expect(joined).toMatch(/\[LBA\] data-caller: required/);
    expect(joined).toMatch(/\[LBA\] data-lba-widget: "carte"/);
    expect(joined).toMatch(/\[LBA\] data-romes: /);
    expect(joined).toMatch(/\[LBA\] data-type: /);
    expect(joined).toMatch(/\[LBA\] data-diploma: one of 3, 4, 5, 6, 7/);
    expect(joined).toMatch(/\[LBA\] data-return-logo-url: an http\(s\) URL/);
    expect(consoleErrors).toHaveLength(6);
  });

  it.each(["/", "/api-docs", "/test-widget"])(
    "our page %s refuses to be framed by another site",
    async (path) => {
      const res = await fetch(`${lba.origin}${path}`);
      expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(res.headers.get("x-frame-options")).toBe("DENY");

      await newPage();
      await openHost(page, "framed.html", { framed_path: path });
      await page.waitForTimeout(500);
      const frame = await (await page.waitForSelector("#frame")).contentFrame();
      const content = await frame?.evaluate(() => document.body?.innerText ?? "").catch(() => "");
      expect(content ?? "").not.toContain("La bonne alternance");
      expect(frame?.url() ?? "").not.toContain(lba.origin);
      expect(consoleErrors.join("\n")).toMatch(/frame-ancestors 'none'/);
    },
  );

  it("a page of another origin reads no company phone through tRPC; a page of ours does", async () => {
    const search = async (page: Page) =>
      page.evaluate(async (origin) => {
        const input = encodeURIComponent(
          JSON.stringify({ romes: "D1102", latitude: 48.8566, longitude: 2.3522, radius: 100 }),
        );
        const res = await fetch(`${origin}/api/trpc/jobs.search?input=${input}`);
        const body = (await res.json()) as {
          result: {
            data: Record<string, { results?: Array<{ contact: { phone?: string | null } | null }> }>;
          };
        };
        const items = ["lbaCompanies", "lbbCompanies"].flatMap((k) => body.result.data[k]?.results ?? []);
        return {
          status: res.status,
          items: items.length,
          phones: items.filter((i) => i.contact?.phone).length,
        };
      }, lba.origin);
    const foreign = await newPage();
    await openHost(foreign, "landing.html");
    const fromThere = await search(foreign);
    expect(fromThere.status).toBe(200);
    expect(fromThere.items).toBeGreaterThan(0);
    expect(fromThere.phones).toBe(0);
    const ours = await newPage();
    await ours.goto(`${lba.origin}/recherche-emploi?caller=test`);
    const fromHere = await search(ours);
    expect(fromHere.items).toBe(fromThere.items);
    expect(fromHere.phones).toBeGreaterThan(0);
  });

  it("widget pages may be framed by any site", async () => {
    for (const path of [
      "/recherche-apprentissage",
      "/recherche-apprentissage-formation",
      "/recherche-emploi",
      "/postuler",
    ]) {
      const res = await fetch(`${lba.origin}${path}?caller=test`);
      expect(res.headers.get("content-security-policy")).toContain("frame-ancestors *");
      expect(res.headers.get("x-frame-options")).toBeNull();
    }
  });
});

describe("widget pages on their own", () => {
  let page: Page;

  beforeAll(async () => {
    // runAxe injects axe-core as an inline script, which our Content-Security-Policy rightly refuses.
    context = await browser.newContext({ viewport: { width: 320, height: 640 }, bypassCSP: true });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  it("are usable at 320 px: no horizontal scroll, no site header", async () => {
    await page.goto(`${lba.origin}/recherche-emploi?caller=test&romes=D1102&job_name=Boulanger`);
    await page.waitForSelector(".item-card", { timeout: 30_000 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await page.$$eval(".site-header", (nodes) => nodes.length)).toBe(0);
    // The map legend names what this widget shows: companies and offers, no trainings.
    const legend = await page.$eval(".map__legend", (node) => node.textContent ?? "");
    expect(legend).toContain("Entreprises et offres");
    expect(legend).not.toContain("Formations");

    // The apply form: its CV field once widened the whole form past 320 px (Chromium's file input is ~350 px).
    const company = await applicableCompany();
    await page.goto(`${lba.origin}/postuler?caller=test&itemId=${company.siret}&type=lba`);
    await page.waitForSelector("form.apply-form", { timeout: 30_000 });
    await page.getByRole("button", { name: "J'envoie ma candidature" }).click();
    const applyOverflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(applyOverflow).toBeLessThanOrEqual(0);
  });

  it("open the item given by itemId + type straight away", async () => {
    const company = await applicableCompany();
    await page.goto(
      `${lba.origin}/recherche-emploi?caller=test&romes=D1102&type=lba&itemId=${company.siret}`,
    );
    await page.getByRole("heading", { level: 2, name: company.name }).waitFor({ timeout: 30_000 });
    await page.getByRole("heading", { name: `Candidature spontanée ${aupresDe(company.name)}` }).waitFor();
  });

  it("show every /postuler parameter problem in French", async () => {
    const cases: Array<[string, string]> = [
      ["", "La source de l'appel au service est manquante (caller)."],
      ["?caller=test", "L'identifiant de l'offre est manquant (itemId)."],
      ["?caller=test&itemId=123", "Le type d'offre est manquant (type)."],
      ["?caller=test&itemId=123&type=formation", "Le type d'offre est invalide (type)"],
    ];
    for (const [query, message] of cases) {
      await page.goto(`${lba.origin}/postuler${query}`);
      await page.getByRole("alert").getByText(message, { exact: false }).waitFor();
    }
  });

  it("have no serious or critical accessibility violation", async () => {
    const company = await applicableCompany();
    const pages = [
      `/recherche-apprentissage?caller=test&romes=D1102&lat=48.8566&lon=2.3522`,
      `/recherche-apprentissage-formation?caller=test&romes=D1102`,
      `/recherche-emploi?caller=test&romes=D1102&frozen_job=1&job_name=Boulanger`,
      `/postuler?caller=test&itemId=${company.siret}&type=lba`,
      `/test-widget`,
    ];
    for (const path of pages) {
      await page.goto(`${lba.origin}${path}`);
      await page.waitForSelector(
        path.startsWith("/postuler") ? "form.apply-form" : path === "/test-widget" ? "h1" : ".item-card",
        {
          timeout: 30_000,
        },
      );
      const violations = await runAxe(page);
      expect(violations, `${path}\n${formatViolations(violations)}`).toEqual([]);
    }
  });
});
