import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, watchPage } from "./helpers";
import { startSiteServer, type SiteServer } from "./site-server";
import {
  focusedElement,
  minimalPdf,
  resultCounts,
  siteContexts,
  trpcServerError,
  withoutFailedCalls,
} from "./site-steps";

// Issue 14: what candidates hit on the search site, each fault with its input, at desktop and mobile sizes.

let server: SiteServer;
let browser: Browser;
let desktop: BrowserContext;
let mobile: BrowserContext;
let problems: string[] = [];

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

const LYON = "lat=45.764&lon=4.8357&insee=69123&zipcode=69001&address=Lyon%2069001&radius=30";
const BAKERY = "D1102,D1104,G1612";
/** 22 more codes (valid format, some without any item): with the bakery's 3, more than V1's 20 and 15. */
const MANY = [
  BAKERY,
  "D1101,D1103,D1105,D1106,D1107,D1201,D1202,D1203,D1204,D1205,D1206",
  "D1207,D1208,D1209,D1210,D1211,D1212,D1213,D1214,D1301,D1401,D1402",
].join(",");

function searchUrl(romes: string, extra = ""): string {
  return `${server.origin}/recherche-apprentissage?romes=${romes}&job_name=Boulangerie&${LYON}${extra}`;
}

/** The bakery's companies, then the card of the first one with an apply form (some have no e-mail); its form. */
async function openApplyForm(page: Page) {
  await page.goto(searchUrl(BAKERY, "&filter=jobs"));
  await resultCounts(page);
  const cards = page.locator(".item-card--lba .item-card__link");
  const form = page.locator("form.apply-form");
  for (let i = 0; i < 20; i++) {
    await cards.nth(i).click();
    await page.locator("#detail-title").waitFor();
    if ((await form.count()) > 0) break;
    await page.getByRole("link", { name: "Retour aux résultats" }).click();
    await cards.first().waitFor();
  }
  return form;
}

async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  return watchPage(page, server.origin, (problem) => problems.push(problem));
}

/** A search procedure answering 500, as when the server fails. */
async function failing(page: Page, procedure: "formations.search" | "jobs.search"): Promise<void> {
  await page.route(`**/api/trpc/${procedure}**`, trpcServerError);
}

beforeAll(async () => {
  server = await startSiteServer();
  browser = await launchBrowser();
  ({ desktop, mobile } = await siteContexts(browser, { desktop: 900, mobile: 812 }));
});

afterAll(async () => {
  await desktop?.close();
  await mobile?.close();
  await browser?.close();
  await server?.stop();
});

describe("issue 14 on the search site", () => {
  it("1. finds every training and company of a métier with 25 codes, where V1 would refuse them", async () => {
    problems = [];
    const page = await newPage(desktop);
    await page.goto(searchUrl(BAKERY));
    const few = await resultCounts(page);
    await page.goto(searchUrl(MANY));
    const many = await resultCounts(page);
    expect(await page.getByRole("alert").count()).toBe(0);
    // The bakery's codes are among the 25: at least their results, none lost to a refused call.
    expect(many.trainings).toBeGreaterThanOrEqual(few.trainings);
    expect(many.jobs).toBeGreaterThanOrEqual(few.jobs);
    expect(many.trainings).toBeGreaterThan(0);
    expect(many.jobs).toBeGreaterThan(0);
    // 16 to 20 codes: over V1's 15 for jobs.
    await page.goto(searchUrl(MANY.split(",").slice(0, 18).join(",")));
    const eighteen = await resultCounts(page);
    expect(eighteen.jobs).toBeGreaterThanOrEqual(few.jobs);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("1. shows a failed jobs search as an error to retry, never as 'Entreprises (0)'", async () => {
    problems = [];
    const page = await newPage(desktop);
    await failing(page, "jobs.search");
    await page.goto(searchUrl(BAKERY));
    const block = page.locator(".result-block", { has: page.locator("#jobs-title") });
    await block.getByRole("alert").waitFor();
    expect(await block.getByRole("alert").textContent()).toContain("Problème momentané");
    expect(await page.locator("#jobs-title").textContent()).not.toMatch(/\(\d+\)/);
    expect(await page.getByRole("button", { name: /^Entreprises/ }).textContent()).toBe("Entreprises");
    expect(await page.locator("#trainings-title").textContent()).toMatch(/\(\d+\)/);
    await expectAccessible(page, "jobs failed");
    await page.unroute("**/api/trpc/jobs.search**");
    await block.getByRole("button", { name: "Réessayer" }).click();
    await poll(() => page.locator("#jobs-title").textContent()).toMatch(/\([1-9]\d*\)/);
    expect(withoutFailedCalls(problems)).toEqual([]);
    await page.close();
  });

  for (const [name, context] of [
    ["desktop", () => desktop],
    ["mobile", () => mobile],
  ] as const) {
    it(`7. shows one clear error with a retry button when both searches fail (${name})`, async () => {
      problems = [];
      const page = await newPage(context());
      await failing(page, "formations.search");
      await failing(page, "jobs.search");
      await page.goto(searchUrl(BAKERY));
      await page.getByRole("button", { name: "Réessayer" }).waitFor();
      expect(await page.getByRole("alert").count()).toBe(1);
      expect(await page.getByRole("button", { name: "Réessayer" }).count()).toBe(1);
      const text = (await page.locator(".results-pane").textContent()) ?? "";
      expect(text).not.toContain("Aucune formation");
      expect(text).not.toContain("Étendre la sélection");
      expect(text).not.toMatch(/\(0\)/);
      await expectAccessible(page, `both failed (${name})`);
      await page.unroute("**/api/trpc/formations.search**");
      await page.unroute("**/api/trpc/jobs.search**");
      await page.getByRole("button", { name: "Réessayer" }).click();
      const counts = await resultCounts(page);
      expect(counts.trainings).toBeGreaterThan(0);
      expect(await page.getByRole("alert").count()).toBe(0);
      expect(withoutFailedCalls(problems)).toEqual([]);
      await page.close();
    });
  }

  it("shows a link the server refuses as an invalid search to change, sent once and not retried", async () => {
    problems = [];
    const page = await newPage(desktop);
    const searches: string[] = [];
    page.on("request", (request) => {
      if (/\/api\/trpc\/(formations|jobs)\.search/.test(request.url())) searches.push(request.url());
    });
    await page.goto(
      `${server.origin}/recherche-apprentissage?romes=D1102&job_name=Boulangerie&lat=999&lon=2`,
    );
    await page.getByRole("alert").getByText("Cette recherche n'est pas valide").waitFor();
    await page.waitForLoadState("networkidle");
    expect(searches).toHaveLength(2);
    expect(await page.getByRole("button", { name: "Réessayer" }).count()).toBe(0);
    expect(await page.getByText("Erreur technique momentanée").count()).toBe(0);
    // No search point drawn at a latitude of 999; the form is there to change the search.
    expect(await page.locator(".map__canvas .map-search-point").count()).toBe(0);
    expect(await page.getByRole("combobox", { name: /Métier ou diplôme/ }).isVisible()).toBe(true);
    expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
    await page.close();
  });

  it("6. names the métier of a legacy link with romes and no job_name, and resubmits the label", async () => {
    problems = [];
    const page = await newPage(desktop);
    await page.goto(`${server.origin}/recherche-apprentissage?romes=D1102&${LYON}`);
    const job = page.getByRole("combobox", { name: /Métier ou diplôme/ });
    await poll(() => job.inputValue()).toMatch(/^Boulangerie/);
    await poll(() => new URL(page.url()).searchParams.get("job_name")).toMatch(/^Boulangerie/);
    expect(await page.locator(".search-bar__summary, .results-heading").allTextContents()).not.toContain(
      "D1102",
    );
    expect(await page.locator(".results-heading").textContent()).not.toContain("D1102");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("13. links the API explorer from the footer, at an address that answers", async () => {
    problems = [];
    const page = await newPage(desktop);
    await page.goto(`${server.origin}/`);
    const link = page.getByRole("contentinfo").getByRole("link", { name: "API" });
    expect(await link.getAttribute("href")).toBe("/api-docs");
    await link.click();
    await page.waitForURL(/\/api-docs$/);
    expect((await fetch(`${server.origin}/api-docs`)).status).toBe(200);
    await page.close();
  });

  it("keeps the footer's links clear of the floating map switch at the end of the mobile results", async () => {
    problems = [];
    const page = await newPage(mobile);
    await page.goto(searchUrl(BAKERY));
    await resultCounts(page);
    const toggle = page.getByRole("button", { name: "Afficher la carte" });
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const button = await toggle.boundingBox();
    expect(button).not.toBeNull();
    const links = await page
      .getByRole("contentinfo")
      .getByRole("link")
      .evaluateAll((anchors) => anchors.map((a) => a.getBoundingClientRect().toJSON() as DOMRect));
    expect(links.length).toBeGreaterThan(0);
    const { x, y, width, height } = button as { x: number; y: number; width: number; height: number };
    const covered = links.filter(
      (r) => r.bottom > y && r.top < y + height && r.right > x && r.left < x + width,
    );
    expect(covered).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  for (const viewport of [
    { width: 375, height: 812 },
    { width: 320, height: 568 },
    { width: 667, height: 375 },
  ])
    it(`keeps the map legend readable and clear of the floating list switch, wherever scrolled (${viewport.width}x${viewport.height})`, async () => {
      problems = [];
      const phone = await browser.newContext({ viewport, isMobile: true, hasTouch: true, locale: "fr-FR" });
      const page = await newPage(phone);
      await page.goto(
        `${server.origin}/recherche-apprentissage?display=map&romes=D1102&job_name=Boulangerie&lat=48.85&lon=2.35&radius=30`,
      );
      await page.locator(".map__canvas .marker-cluster").first().waitFor();
      await page.getByRole("list", { name: "Légende de la carte" }).waitFor();
      const end = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
      for (const top of [0, end / 4, end / 2, (3 * end) / 4, end]) {
        await page.evaluate((y) => window.scrollTo(0, y), top);
        const seen = await page.evaluate(() => {
          const legend = document.querySelector(".map__legend") as HTMLElement;
          const toggle = (document.querySelector(".pane-switch") as HTMLElement).getBoundingClientRect();
          const l = legend.getBoundingClientRect();
          const centre = (r: DOMRect) => [r.left + r.width / 2, r.top + r.height / 2] as const;
          const onScreen = (r: DOMRect) => r.top >= 0 && r.bottom <= innerHeight;
          const topmost = (r: DOMRect) => document.elementFromPoint(...centre(r));
          const lines = [...legend.querySelectorAll("li")].map((li) => li.getBoundingClientRect());
          return {
            switchOverLegend:
              l.bottom > toggle.top &&
              l.top < toggle.bottom &&
              l.right > toggle.left &&
              l.left < toggle.right,
            // The switch on screen, and what a tap at its centre reaches.
            switchReachable: onScreen(toggle) && Boolean(topmost(toggle)?.closest(".pane-switch")),
            // Each line of the legend on screen is seen, not under the switch or another control.
            hiddenLines: lines.filter((r) => onScreen(r) && !legend.contains(topmost(r))).length,
            legendOnScreen: onScreen(l),
          };
        });
        expect(seen, `scrolled to ${Math.round(top)} of ${end}`).toMatchObject({
          switchOverLegend: false,
          switchReachable: true,
          hiddenLines: 0,
        });
        // On arrival, the whole legend is in view.
        if (top === 0) expect(seen.legendOnScreen).toBe(true);
      }
      expect(problems).toEqual([]);
      await phone.close();
    });

  it("scrolls each control reached with Tab clear of the floating map switch (WCAG 2.4.11)", async () => {
    problems = [];
    // A small phone, where the form's controls are scrolled to the bottom edge one after the other.
    const small = await browser.newContext({
      viewport: { width: 320, height: 568 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await newPage(small);
    const form = await openApplyForm(page);
    await form.getByLabel(/^Prénom/).focus();
    const obscured: string[] = [];
    let reached = 0;
    for (let i = 0; i < 8; i++) {
      const overlap = await page.evaluate(() => {
        const focused = document.activeElement;
        const button = document.querySelector(".pane-switch");
        if (!focused || !button || !focused.closest("form.apply-form")) return null;
        const a = focused.getBoundingClientRect();
        const b = button.getBoundingClientRect();
        const covers = a.bottom > b.top && a.top < b.bottom && a.right > b.left && a.left < b.right;
        return covers ? `${focused.tagName}#${focused.id}` : "";
      });
      if (overlap === null) break;
      if (overlap) obscured.push(overlap);
      reached++;
      await page.keyboard.press("Tab");
    }
    expect(reached).toBeGreaterThanOrEqual(5);
    expect(obscured).toEqual([]);
    expect(problems).toEqual([]);
    await small.close();
  });

  // Before any search, the form is what the page offers: open on a narrow screen, and no control that needs results
  // (the folded form's toggle, the map switch, "Rechercher dans cette zone"); they come with the results.
  for (const { name, context, controls, folds } of [
    { name: "mobile", context: () => mobile, controls: [".search-bar__toggle", ".pane-switch"], folds: true },
    { name: "desktop", context: () => desktop, controls: [".map__search-here"], folds: false },
  ])
    it(`shows the form and no result control before any search (${name})`, async () => {
      problems = [];
      const page = await newPage(context());
      const job = page.getByRole("combobox", { name: /Métier ou diplôme/ });
      await page.goto(`${server.origin}/recherche-apprentissage`);
      await page.locator(".empty-state").waitFor();
      // The map is loaded apart: its controls would come with it.
      await page.locator(".map__canvas").waitFor({ state: "attached" });
      expect(await job.isVisible()).toBe(true);
      for (const control of controls) expect(await page.locator(control).count(), control).toBe(0);
      await page.goto(searchUrl(BAKERY));
      await resultCounts(page);
      expect(await job.isVisible()).toBe(!folds);
      for (const control of controls) await page.locator(control).waitFor();
      expect(problems).toEqual([]);
      await page.close();
    });

  it("5. focuses the results heading after a search, restores the list's place, Escape closes a card", async () => {
    problems = [];
    const page = await newPage(desktop);
    await page.goto(`${server.origin}/`);
    const job = page.getByRole("combobox", { name: /Métier ou diplôme/ });
    await job.fill("boulang");
    await page.locator("[role=listbox]:visible [role=option]").first().click();
    await page.getByRole("button", { name: "C'est parti" }).click();
    await page.waitForURL(/romes=/);
    await poll(async () => (await focusedElement(page)).className).toContain("results-heading");

    await resultCounts(page);
    const links = page.locator(".item-card__link");
    const pane = page.locator(".results-pane");
    await links.nth(8).scrollIntoViewIfNeeded();
    const scrolled = await pane.evaluate((el) => el.scrollTop + window.scrollY);
    expect(scrolled).toBeGreaterThan(0);
    const title = await links.nth(8).textContent();
    await links.nth(8).click();
    await poll(() => page.locator("#detail-title").textContent()).toBe(title);
    await page.keyboard.press("Escape");
    await page.locator(".item-card__link").first().waitFor();
    expect(page.url()).not.toContain("page=fiche");
    await poll(async () => (await focusedElement(page)).text).toBe(title);
    expect(await pane.evaluate((el) => el.scrollTop + window.scrollY)).toBeGreaterThan(0);

    // "Retour aux résultats" does the same.
    await links.nth(8).click();
    await page.getByRole("link", { name: "Retour aux résultats" }).click();
    await poll(async () => (await focusedElement(page)).text).toBe(title);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("8. never shows a France Travail offer's sealed token as an e-mail, and shows its apply link", async () => {
    problems = [];
    // The sample's offers near Lyon, as integrators get them: the company e-mail is a sealed token.
    interface Offer {
      job: { id: string; duration?: string | null; contractDescription?: string | null };
      contact: { email?: unknown; url?: string | null; info?: string | null } | null;
    }
    const answer = (await (
      await fetch(
        `${server.origin}/api/V1/jobs?romes=${MANY.split(",").slice(0, 15).join(",")}&latitude=45.764&longitude=4.8357&radius=200&sources=offres&caller=test`,
      )
    ).json()) as { peJobs: { results: Offer[] } };
    const offers = answer.peJobs.results;
    // France Travail's own link, or (in the sample) a web address among the offer's coordinates.
    const linkOf = (o: Offer) => o.contact?.url ?? /https?:\/\/\S+/.exec(o.contact?.info ?? "")?.[0];
    const withLink = offers.find(linkOf);
    const withToken = offers.find((o) => o.contact?.email);
    expect(withLink, "an offer with an apply link").toBeDefined();
    const page = await newPage(desktop);
    for (const offer of [withLink, withToken].filter((o): o is Offer => Boolean(o))) {
      await page.goto(searchUrl(BAKERY, `&page=fiche&type=peJob&itemId=${encodeURIComponent(offer.job.id)}`));
      await page.locator("#detail-title").waitFor();
      await page.locator(".detail__facts").waitFor();
      const mails = await page
        .locator("a[href^='mailto:']")
        .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
      for (const mail of mails) expect(mail).toMatch(/^mailto:[^@\s]+@[^@\s]+\.[a-z]{2,}$/i);
      const token = JSON.stringify(offer.contact?.email ?? "");
      const text = (await page.locator(".detail").textContent()) ?? "";
      // France Travail's contract wording carries its length; its `duration` is the working time, not a length.
      const facts = await page.locator(".detail__facts dt").allTextContents();
      if (offer.job.contractDescription) expect(text).toContain(offer.job.contractDescription);
      if (offer.job.duration) expect(facts).toContain("Temps de travail");
      expect(facts).not.toContain("Durée");
      for (const part of token.match(/[0-9a-f]{24,}/g) ?? []) expect(text).not.toContain(part);
      if (offer === withLink) {
        const apply = page.getByRole("link", { name: /Je postule auprès du recruteur/ });
        expect(await apply.getAttribute("href")).toBe(linkOf(offer));
        await expectAccessible(page, "France Travail offer with an apply link");
      }
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it("says of a card whose item is gone what it was: a training, an offer or a company", async () => {
    const page = await newPage(desktop);
    for (const [type, message] of [
      ["training", "Cette formation n'est plus proposée."],
      ["peJob", "Cette offre n'est plus disponible."],
      ["lba", "Cette entreprise n'est plus référencée sur La bonne alternance."],
    ] as const) {
      await page.goto(searchUrl(BAKERY, `&page=fiche&type=${type}&itemId=nope`));
      await expect.poll(() => page.getByRole("alert").textContent()).toContain(message);
    }
  });

  it("9. marks an accented e-mail on its field, as the server would refuse it", async () => {
    problems = [];
    const page = await newPage(desktop);
    const form = await openApplyForm(page);
    // Before any refusal, the phone field says which numbers it takes: +33 and overseas ones too.
    const phoneHint = await form.getByLabel(/^Téléphone/).evaluate((input) =>
      (input.getAttribute("aria-describedby") ?? "")
        .split(" ")
        .map((id) => document.getElementById(id)?.textContent)
        .join(" "),
    );
    expect(phoneHint).toMatch(/10 chiffres, ou \+33/);
    const email = form.getByLabel(/^E-mail/);
    await email.fill("élodie.martin@example.fr");
    await form.getByRole("button", { name: "J'envoie ma candidature" }).click();
    await poll(() => email.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await email.getAttribute("aria-describedby")) ?? "";
    const messages = await Promise.all(
      describedBy
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => page.locator(`#${id}`).textContent()),
    );
    expect(messages.join(" ")).toMatch(/sans accent/);
    await expectAccessible(page, "accented e-mail refused");
    // A CV refused on choosing it is said at once (no focus moves): an alert.
    await form
      .getByLabel(/^CV/)
      .setInputFiles({ name: "cv.txt", mimeType: "text/plain", buffer: Buffer.from("cv") });
    await form.getByRole("alert").filter({ hasText: "PDF ou DOCX" }).waitFor();
    // Every starred field is said to be required, the CV as well.
    for (const label of [/^Prénom/, /^Nom/, /^E-mail/, /^Téléphone/, /^CV/])
      expect(await form.getByLabel(label).evaluate((input: HTMLInputElement) => input.required)).toBe(true);

    // An address only the server refuses (a disposable domain): its refusal lands on the e-mail field too.
    await form.getByLabel(/^Prénom/).fill("Élodie");
    await form.getByLabel(/^Nom/).fill("Martin");
    await email.fill("elodie.martin@yopmail.com");
    await form.getByLabel(/^Téléphone/).fill("06 12 34 56 78");
    await form
      .getByLabel(/^CV/)
      .setInputFiles({ name: "cv.pdf", mimeType: "application/pdf", buffer: minimalPdf("CV") });
    await form.getByText("Fichier prêt : cv.pdf").waitFor();
    await form.getByRole("button", { name: "J'envoie ma candidature" }).click();
    await poll(() => email.getAttribute("aria-invalid")).toBe("true");
    await poll(async () => (await focusedElement(page)).label).toMatch(/^E-mail/);
    // Said once, on its field; the alert above the button points there.
    const text = (await form.textContent()) ?? "";
    expect(text.split("Les adresses e-mail temporaires ne sont pas acceptées")).toHaveLength(2);
    expect(await form.locator(".alert--error").textContent()).toContain(
      "voyez le message sous le champ signalé",
    );
    // Once the address is changed, the refusal no longer describes the form: it goes, from the field and above
    // the button alike.
    await email.fill("elodie.martin@example.fr");
    await poll(() => form.locator(".alert--error").count()).toBe(0);
    expect(await form.textContent()).not.toContain("Les adresses e-mail temporaires ne sont pas acceptées");
    // The refused call is a console error of the browser's own.
    expect(problems.filter((p) => !/status of 4\d\d/.test(p))).toEqual([]);
    await page.close();
  });

  it("says one thing of who receives an application to an offer a CFA published for a company", async () => {
    problems = [];
    interface Matcha {
      job: { id: string };
      company: { mandataire?: boolean | null };
    }
    const answer = (await (
      await fetch(
        `${server.origin}/api/V1/jobs?romes=D1202&latitude=48.8566&longitude=2.3522&radius=100&sources=matcha&caller=test`,
      )
    ).json()) as { matchas: { results: Matcha[] } };
    const mandated = answer.matchas.results.find((m) => m.company.mandataire);
    expect(mandated, "an offer published by a CFA in the sample").toBeDefined();
    const page = await newPage(desktop);
    await page.goto(
      `${server.origin}/recherche-apprentissage?romes=D1202&job_name=Coiffure&lat=48.8566&lon=2.3522&radius=100` +
        `&page=fiche&type=matcha&itemId=${mandated?.job.id ?? ""}`,
    );
    const form = page.locator("form.apply-form");
    await form.waitFor();
    const text = (await form.textContent()) ?? "";
    expect(text).toContain("sera transmise au CFA");
    expect(text).toContain("transmises uniquement au CFA destinataire");
    expect(text).not.toContain("l'entreprise destinataire");
    expect(problems).toEqual([]);
    await page.close();
  });

  for (const [name, context] of [
    ["desktop", () => desktop],
    ["mobile", () => mobile],
  ] as const)
    it(`10. labels a training's formateur and gestionnaire, with the catalogue's e-mail and an https ONISEP link (${name})`, async () => {
      problems = [];
      const page = await newPage(context());
      await page.goto(searchUrl(BAKERY, "&filter=trainings"));
      await resultCounts(page);
      await page.locator(".item-card--formation .item-card__link").first().click();
      await page.locator("#detail-title").waitFor();
      const facts = page.locator(".detail__facts");
      await poll(() => facts.textContent()).toMatch(/Organisme formateur/);
      await poll(() => facts.locator("a[href^='mailto:']").count()).toBeGreaterThan(0);
      const hrefs = await page
        .locator(".detail a[href*='onisep']")
        .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
      for (const href of hrefs) expect(href).toMatch(/^https:\/\//);
      expect(await facts.textContent()).not.toContain("Établissement");
      // Readable at any width: every value within the page, none squeezed by a long label.
      const values = await facts.locator("dd").evaluateAll((dds) =>
        dds.map((dd) => {
          const r = dd.getBoundingClientRect();
          return { right: r.right, width: r.width, page: document.documentElement.clientWidth };
        }),
      );
      for (const value of values) {
        expect(value.right).toBeLessThanOrEqual(value.page);
        expect(value.width).toBeGreaterThan(120);
      }
      await expectAccessible(page, `training card (${name})`);
      expect(problems).toEqual([]);
      await page.close();
    });

  for (const [name, context] of [
    ["desktop", () => desktop],
    ["mobile", () => mobile],
  ] as const) {
    it(`11-12. autocomplete: relevant first, accents kept, 'Aucun métier trouvé' (${name})`, async () => {
      problems = [];
      const page = await newPage(context());
      await page.goto(`${server.origin}/`);
      const job = page.getByRole("combobox", { name: /Métier ou diplôme/ });
      const options = page.locator("[role=listbox]:visible [role=option]");

      await job.fill("aide soignant");
      await options.first().waitFor();
      const aide = await options.allTextContents();
      expect(aide.slice(0, 3).join("|")).not.toContain("Comptabilité");

      await job.fill("bts commerce");
      await poll(() => options.allTextContents()).toContain("Commerce en entreprise");
      // The métiers first, the closest first; the diplomas listed are only those about commerce.
      expect((await options.allTextContents())[0]).toBe("Commerce en entreprise");
      const diplomas = page.locator("[role=listbox]:visible [role=group]", { hasText: /Diplômes/ });
      const bts = await diplomas.locator("[role=option]").allTextContents();
      expect(bts.length).toBeGreaterThan(0);
      for (const label of bts) expect(label).toMatch(/^BTSA? .*commerc/i);

      await job.fill("bp electricien");
      await poll(() => options.allTextContents()).toContain("BP électricien");

      await job.fill("zzqxwv");
      await page.getByText("Aucun métier trouvé").first().waitFor();
      await expectAccessible(page, `no métier found (${name})`);
      expect(problems).toEqual([]);
      await page.close();
    });
  }

  /** Every marker and cluster the map shows lies inside its visible area. */
  async function markersInsideMap(page: Page): Promise<{ shown: number; outside: number; size: number }> {
    return page.evaluate(() => {
      const canvas = document.querySelector(".map__canvas");
      const box = canvas?.getBoundingClientRect();
      const marks = [...document.querySelectorAll(".map__canvas .map-pin, .map__canvas .marker-cluster")];
      const outside = marks.filter((m) => {
        const r = m.getBoundingClientRect();
        const cx = (r.left + r.right) / 2;
        const cy = (r.top + r.bottom) / 2;
        return !box || cx < box.left || cx > box.right || cy < box.top || cy > box.bottom;
      }).length;
      return { shown: marks.length, outside, size: box ? box.width * box.height : 0 };
    });
  }

  for (const [town, where] of [
    ["Lyon 69003", "lat=45.7597&lon=4.8422&insee=69383&zipcode=69003&address=Lyon%2069003"],
    ["Ajaccio", "lat=41.9192&lon=8.7386&insee=2A004&zipcode=20000&address=Ajaccio"],
    ["Fort-de-France", "lat=14.6161&lon=-61.0588&insee=97209&zipcode=97200&address=Fort-de-France"],
  ] as const) {
    it(`2. sizes and fits the mobile map to the results when it is shown from the list (${town})`, async () => {
      problems = [];
      const page = await newPage(mobile);
      await page.goto(
        `${server.origin}/recherche-apprentissage?romes=${BAKERY}&job_name=Boulangerie&${where}&radius=60`,
      );
      await resultCounts(page);
      await page.getByRole("button", { name: "Afficher la carte" }).click();
      await page.waitForURL(/display=map/);
      await poll(async () => (await markersInsideMap(page)).shown).toBeGreaterThan(0);
      await poll(() => markersInsideMap(page)).toMatchObject({ outside: 0 });
      expect((await markersInsideMap(page)).size).toBeGreaterThan(375 * 300);
      await page.locator(".map-search-point").first().waitFor();
      await expectAccessible(page, `mobile map (${town})`);
      expect(problems).toEqual([]);
      await page.close();
    });
  }

  it("2b. opens the card of a marker tapped on the mobile map, and goes back to the list", async () => {
    problems = [];
    const page = await newPage(mobile);
    await page.goto(
      `${server.origin}/recherche-apprentissage?romes=${BAKERY}&job_name=Boulangerie&lat=14.6161&lon=-61.0588&insee=97209&zipcode=97200&address=Fort-de-France&radius=60`,
    );
    await resultCounts(page);
    await page.getByRole("button", { name: "Afficher la carte" }).click();
    await page.waitForURL(/display=map/);
    // A single result's pin (not the search point): a cluster tapped first opens into pins.
    const pin = page.locator(".map__canvas .leaflet-marker-icon.map-pin").first();
    const cluster = page.locator(".map__canvas .marker-cluster").first();
    await page
      .locator(".map__canvas .leaflet-marker-icon.map-pin, .map__canvas .marker-cluster")
      .first()
      .waitFor();
    if (!(await pin.isVisible())) await cluster.tap();
    await pin.waitFor();
    await pin.tap();
    await page.waitForURL(/page=fiche/);
    expect(new URL(page.url()).searchParams.get("display")).toBe("list");
    const back = page.getByRole("link", { name: "Retour aux résultats" }).first();
    await back.waitFor();
    expect(await back.isVisible()).toBe(true);
    expect(
      await page.locator(".results-pane h1, .results-pane h2, .results-pane h3").first().isVisible(),
    ).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  /** The values of the level select's options: "Indifférent" and the levels offered, once they are loaded (all
   * five before). */
  async function levelOptions(page: Page): Promise<string[]> {
    const select = page.getByLabel("Niveau d'études visé");
    await poll(() => select.locator("option").count()).toBeLessThan(6);
    return select
      .locator("option")
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  }

  it("2c. shows a link's diploma level that the métier's trainings do not offer, since it filters the results", async () => {
    problems = [];
    const page = await newPage(desktop);
    await page.goto(searchUrl(BAKERY));
    await resultCounts(page);
    const select = page.getByLabel("Niveau d'études visé");
    const offered = await levelOptions(page);
    const missing = ["3", "4", "5", "6", "7"].find((level) => !offered.includes(level));
    expect(missing).toBeDefined();
    await page.goto(searchUrl(BAKERY, `&diploma=${missing}`));
    await resultCounts(page);
    await poll(() => select.inputValue()).toBe(missing);
    expect(problems).toEqual([]);
    await page.close();
  });

  /** The level select's width, the width it needs to show its chosen option whole (the same select with only that
   * option, as wide as the browser draws it), the form's horizontal overflow and how wide the form is. */
  function levelField(page: Page) {
    return page.getByLabel("Niveau d'études visé").evaluate((select: HTMLSelectElement) => {
      const alone = select.cloneNode(false) as HTMLSelectElement;
      alone.removeAttribute("id");
      alone.append(new Option(select.selectedOptions[0]?.text ?? ""));
      alone.style.cssText = "position: absolute; visibility: hidden; width: auto; field-sizing: fixed";
      select.after(alone);
      const needed = alone.getBoundingClientRect().width;
      alone.remove();
      const form = select.closest("form") as HTMLFormElement;
      return {
        label: select.selectedOptions[0]?.text ?? "",
        width: select.getBoundingClientRect().width,
        needed,
        overflow: form.scrollWidth - form.clientWidth,
        formWidth: form.clientWidth,
      };
    });
  }

  it("2d. shows the whole chosen diploma level in the results page's form, CAP and every other (1366 px)", async () => {
    problems = [];
    const page = await newPage(desktop);
    await page.goto(searchUrl(BAKERY, "&diploma=3"));
    await resultCounts(page);
    const select = page.getByLabel("Niveau d'études visé");
    const levels = await levelOptions(page);
    expect(levels).toContain("3");
    for (const level of ["3", ...levels.filter((l) => l !== "3")]) {
      await select.selectOption(level);
      const field = await levelField(page);
      expect(
        field.width,
        `${field.label}: ${field.width} px wide, needs ${field.needed}`,
      ).toBeGreaterThanOrEqual(field.needed - 0.5);
      expect(field.overflow).toBeLessThanOrEqual(0);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it("2d. keeps the form one column wide on a phone, the chosen CAP level whole (375 px)", async () => {
    problems = [];
    const page = await newPage(mobile);
    await page.goto(searchUrl(BAKERY, "&diploma=3"));
    await resultCounts(page);
    await page.locator(".search-bar__toggle").click();
    const field = await levelField(page);
    expect(field.label).toBe("CAP, autres formations niveau 3");
    expect(field.width).toBeGreaterThanOrEqual(field.needed - 0.5);
    expect(Math.abs(field.width - field.formWidth)).toBeLessThanOrEqual(1);
    expect(field.overflow).toBeLessThanOrEqual(0);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("3. draws the départements, the search point, the radius, a legend and coloured clusters, in one tab stop", async () => {
    problems = [];
    const page = await newPage(desktop);
    const outlines: string[] = [];
    page.on("response", (response) => {
      if (/departements-[\w-]+\.json$/.test(response.url())) outlines.push(response.url());
    });
    await page.goto(searchUrl(BAKERY));
    await resultCounts(page);
    // The outlines: a separate asset (the initial JS budget is checked by measure-weight), mainland and DROM.
    await poll(() => outlines.length).toBe(1);
    const departements = (await (await fetch(outlines[0] ?? "")).json()) as Array<{ code: string }>;
    expect(departements.map((d) => d.code)).toEqual(
      expect.arrayContaining(["01", "2A", "2B", "75", "971", "972", "973", "974", "976"]),
    );
    // Drawn once, in place of the hand-drawn sketch.
    await poll(() => page.locator(".map__canvas path.map-departements").count()).toBe(1);
    // Their source credited, as their licence asks.
    expect(await page.locator(".map__canvas .leaflet-control-attribution").textContent()).toContain(
      "Contours : IGN Admin Express",
    );
    await page.locator(".map__canvas .map-search-point").waitFor();
    expect(await page.locator(".map__canvas path[stroke-dasharray]").count()).toBe(1);
    // The radius is seen, not hidden under the départements (which load after it): its pane is above theirs, or
    // it comes after them in the same one. The search point lies under the results (it hid a cluster's count).
    const onTop = await page.evaluate(() => {
      const circle = document.querySelector<SVGPathElement>(".map__canvas path[stroke-dasharray]");
      const outline = document.querySelector<SVGPathElement>(".map__canvas path.map-departements");
      const point = document.querySelector<HTMLElement>(".map__canvas .map-search-point");
      const cluster = document.querySelector<HTMLElement>(".map__canvas .marker-cluster");
      if (!circle || !outline || !point || !cluster) return null;
      const pane = (el: Element) => el.closest(".leaflet-pane") as HTMLElement;
      const z = (el: Element) => Number(getComputedStyle(pane(el)).zIndex);
      return {
        circle:
          z(circle) > z(outline) ||
          (pane(circle) === pane(outline) &&
            (outline.compareDocumentPosition(circle) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0),
        pointUnder: Number(getComputedStyle(point).zIndex) < Number(getComputedStyle(cluster).zIndex),
      };
    });
    expect(onTop).toEqual({ circle: true, pointUnder: true });
    const legend = page.getByRole("list", { name: "Légende de la carte" });
    expect(await legend.textContent()).toContain("Formations");
    expect(await legend.textContent()).toContain("Entreprises et offres");
    expect(await legend.textContent()).toContain("rayon de 30 km");
    const kinds = await page
      .locator(".map__canvas .marker-cluster")
      .evaluateAll((els) => els.map((el) => /marker-cluster--(\w+)/.exec(el.className)?.[1] ?? ""));
    expect(kinds.length).toBeGreaterThan(0);
    for (const kind of kinds) expect(["training", "job", "mixed"]).toContain(kind);

    // Keyboard: the map is one tab stop (its own "Rechercher dans cette zone" button aside).
    const inMap = await page.evaluate(
      () =>
        [
          ...document.querySelectorAll<HTMLElement>(".map-pane [tabindex], .map-pane a, .map-pane button"),
        ].filter((el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.offsetParent !== null)
          .length,
    );
    expect(inMap).toBeLessThanOrEqual(2);
    await expectAccessible(page, "map with outlines");
    expect(problems).toEqual([]);
    await page.close();
  });

  /** On an open card: whether the search circle's line crosses the map, and the selected pin lies inside it. */
  async function cardMap(page: Page): Promise<{ circleSeen: boolean; selectedShown: boolean }> {
    return page.evaluate(() => {
      const canvas = document.querySelector(".map__canvas")?.getBoundingClientRect();
      const circle = document.querySelector(".map__canvas path[stroke-dasharray]")?.getBoundingClientRect();
      const pin = document
        .querySelector(".map__canvas .leaflet-marker-icon.map-pin--selected")
        ?.getBoundingClientRect();
      if (!canvas) return { circleSeen: false, selectedShown: false };
      const inside = (r: DOMRect) =>
        r.left >= canvas.left && r.right <= canvas.right && r.top >= canvas.top && r.bottom <= canvas.bottom;
      let circleSeen = false;
      if (circle) {
        const [cx, cy, radius] = [
          circle.x + circle.width / 2,
          circle.y + circle.height / 2,
          circle.width / 2,
        ];
        const corners = [
          [canvas.left, canvas.top],
          [canvas.right, canvas.top],
          [canvas.left, canvas.bottom],
          [canvas.right, canvas.bottom],
        ] as const;
        // Zoomed in past the circle, the whole map lies inside it: its line is nowhere to be seen.
        const mapInsideCircle = corners.every(([x, y]) => Math.hypot(x - cx, y - cy) < radius);
        const overlaps =
          circle.right > canvas.left &&
          circle.left < canvas.right &&
          circle.bottom > canvas.top &&
          circle.top < canvas.bottom;
        circleSeen = overlaps && !mapInsideCircle;
      }
      return { circleSeen, selectedShown: pin !== undefined && inside(pin) };
    });
  }

  for (const [name, size] of [
    ["desktop", "1366"],
    ["mobile", "375"],
  ] as const) {
    it(`3b. keeps the offline map's context on an open card, the selected training drawn apart (${name})`, async () => {
      problems = [];
      const page = await newPage(size === "1366" ? desktop : mobile);
      const paris15 = "lat=48.8412&lon=2.3003&insee=75115&zipcode=75015&address=Paris%2015e&radius=30";
      await page.goto(
        `${server.origin}/recherche-apprentissage?romes=${BAKERY}&job_name=Boulangerie&${paris15}`,
      );
      await resultCounts(page);
      await page.locator(".item-card--formation .item-card__link").first().click();
      await page.waitForURL(/page=fiche/);
      if (name === "mobile") {
        await page.getByRole("button", { name: "Afficher la carte" }).click();
        await page.waitForURL(/display=map/);
      }
      // The item is in a cluster of the Paris results: zooming in to unstack it (zoom 15) showed a blank map.
      await poll(() => cardMap(page)).toEqual({ circleSeen: true, selectedShown: true });
      expect(await page.locator(".map__canvas path.map-departements").count()).toBe(1);
      expect(problems).toEqual([]);
      await page.close();
    });
  }
});
