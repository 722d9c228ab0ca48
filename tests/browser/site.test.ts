import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, watchPage } from "./helpers";
import {
  lastOutboxId,
  outboxAfter,
  startSiteServer,
  type OutboxMessage,
  type SiteServer,
} from "./site-server";
import { expectFocusVisible, focusedElement, minimalPdf, resultCounts, type Counts } from "./site-steps";
import { aupresDe } from "@lba/core/referentials";

// The candidate's site (issue 6), driven like a user would, against the built server and the sample dataset.

let server: SiteServer;
let browser: Browser;
let context: BrowserContext;
let problems: string[] = [];

/** Set by the search test; later tests start from these URLs. */
let resultsUrl = "";
let resultsCounts: Counts | null = null;
/** The company e-mail of the application test, for the recruiter's reply. */
let companyMail: OutboxMessage | null = null;

const CANDIDATE = {
  firstName: "Camille",
  lastName: "Martin",
  email: "camille.martin@laposte.net",
  phone: "06 12 34 56 78",
};

/** Network answers and React renders: generous, but far below the test timeout. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

async function newPage(target: BrowserContext = context): Promise<Page> {
  const page = await target.newPage();
  return watchPage(page, server.origin, (problem) => problems.push(problem));
}

/** Home page: métier and town picked with the keyboard only, then the search submitted with Enter. */
async function searchFromHome(page: Page): Promise<void> {
  await page.goto(`${server.origin}/`);
  const job = page.getByRole("combobox", { name: /Métier ou diplôme/ });
  await job.focus();
  await page.keyboard.type("boulang");
  const jobOptions = page.locator("[role=listbox]:visible [role=option]");
  await jobOptions.first().waitFor();
  await expectAccessible(page, "home, métier suggestions open");
  await page.keyboard.press("ArrowDown");
  await poll(() => job.getAttribute("aria-activedescendant")).toBeTruthy();
  expect(await jobOptions.first().getAttribute("aria-selected")).toBe("true");
  await page.keyboard.press("Enter");
  expect(await job.inputValue()).toBe("Boulangerie, pâtisserie, chocolaterie");

  await page.keyboard.press("Tab");
  const place = page.getByRole("combobox", { name: /Lieu/ });
  expect(await place.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.type("Lyon");
  // The whole city comes first, named without its 1st arrondissement's postcode.
  const placeOptions = page.locator("[role=listbox]:visible [role=option]");
  await placeOptions.filter({ hasText: "Lyon 3e 69003" }).waitFor();
  expect(await placeOptions.first().textContent()).toBe("Lyon");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  expect(await place.inputValue()).toBe("Lyon");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/recherche-apprentissage\?/);
}

/** The search of the first test, run again when that test was filtered out. */
async function openResults(page: Page): Promise<void> {
  if (resultsUrl) await page.goto(resultsUrl);
  else {
    await searchFromHome(page);
    resultsUrl = page.url();
    resultsCounts = await resultCounts(page);
  }
}

beforeAll(async () => {
  server = await startSiteServer();
  browser = await launchBrowser();
  // axe is injected as a script: the server's CSP (script-src 'self') would refuse it.
  context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    bypassCSP: true,
    locale: "fr-FR",
  });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe("the search site", () => {
  let page: Page;

  beforeAll(async () => {
    page = await newPage();
  });

  it("says the data is a sample, and finds trainings and companies by métier and town", async () => {
    problems = [];
    await page.goto(`${server.origin}/`);
    await poll(() => page.locator(".sample-banner").textContent()).toContain("Données de démonstration");
    await expectAccessible(page, "home");

    await searchFromHome(page);
    const url = new URL(page.url());
    expect(url.searchParams.get("romes")).toBe("D1102,D1104,G1612");
    expect(url.searchParams.get("insee")).toBe("69123");
    expect(url.searchParams.get("address")).toBe("Lyon");
    expect(url.searchParams.get("radius")).toBe("30");
    await poll(() => page.locator(".results-heading").textContent()).toBe(
      "Résultats pour Boulangerie, pâtisserie, chocolaterie à Lyon",
    );

    const counts = await resultCounts(page);
    expect(counts.trainings).toBeGreaterThan(0);
    expect(counts.jobs).toBeGreaterThan(0);
    expect(counts.all).toBe(counts.trainings + counts.jobs);
    expect(await page.locator(".item-card--formation").count()).toBe(counts.trainings);
    expect(await page.locator(".item-card:not(.item-card--formation)").count()).toBe(counts.jobs);
    // The live region announces both counts.
    expect(await page.locator("[role=status][aria-live=polite]").textContent()).toBe(
      `${counts.trainings} formations trouvées, ${counts.jobs} entreprises et offres trouvées`,
    );
    // Markers or clusters on the offline map.
    await page.locator(".map-pin, .marker-cluster").first().waitFor();
    await expectAccessible(page, "results");

    resultsUrl = page.url();
    resultsCounts = counts;
    expect(problems).toEqual([]);
  });

  it("filters the results to trainings or companies, in the URL too", async () => {
    problems = [];
    await openResults(page);
    const counts = await resultCounts(page);

    await page.getByRole("button", { name: /^Formations \(/ }).click();
    await page.waitForURL(/filter=trainings/);
    expect(await page.getByRole("button", { name: /^Formations \(/ }).getAttribute("aria-pressed")).toBe(
      "true",
    );
    await poll(() => page.locator(".item-card--formation").count()).toBe(counts.trainings);
    expect(await page.locator(".item-card:not(.item-card--formation)").count()).toBe(0);
    await expectAccessible(page, "trainings filter");

    await page.getByRole("button", { name: /^Entreprises \(/ }).click();
    await page.waitForURL(/filter=jobs/);
    await poll(() => page.locator(".item-card:not(.item-card--formation)").count()).toBe(counts.jobs);
    expect(await page.locator(".item-card--formation").count()).toBe(0);

    await page.getByRole("button", { name: /^Tout \(/ }).click();
    await poll(() => page.locator(".item-card").count()).toBe(counts.all);
    expect(page.url()).not.toContain("filter=");
    expect(problems).toEqual([]);
  });

  it("opens a card and moves to the previous and next results", async () => {
    problems = [];
    await openResults(page);
    await resultCounts(page);
    const titles = await page.locator(".item-card__link").allTextContents();
    await page.locator(".item-card__link").nth(1).click();
    const heading = page.locator("#detail-title");
    await poll(() => heading.textContent()).toBe(titles[1]);
    expect(new URL(page.url()).searchParams.get("page")).toBe("fiche");
    expect(await page.locator(".detail__position").textContent()).toBe(`2 sur ${titles.length}`);
    await expectAccessible(page, "training card");

    await page.getByRole("link", { name: "Suivant" }).click();
    await poll(() => heading.textContent()).toBe(titles[2]);
    expect(await page.locator(".detail__position").textContent()).toBe(`3 sur ${titles.length}`);
    await page.getByRole("link", { name: "Précédent" }).click();
    await page.getByRole("link", { name: "Précédent" }).click();
    await poll(() => heading.textContent()).toBe(titles[0]);
    // The first result has no previous one.
    expect(await page.getByRole("link", { name: "Précédent" }).count()).toBe(0);

    await page.getByRole("link", { name: "Retour aux résultats" }).click();
    await poll(() => page.locator(".item-card__link").allTextContents()).toEqual(titles);
    expect(problems).toEqual([]);
  });

  it("can be used with the keyboard alone, with a visible focus on every control", async () => {
    problems = [];
    await openResults(page);
    await resultCounts(page);
    const firstTitle = await page.locator(".item-card__link").first().textContent();

    await page.keyboard.press("Tab");
    const skip = await focusedElement(page);
    expect(skip.text).toBe("Aller au contenu");
    expectFocusVisible(skip);

    const visited: Awaited<ReturnType<typeof focusedElement>>[] = [];
    for (let i = 0; i < 30; i += 1) {
      await page.keyboard.press("Tab");
      const focused = await focusedElement(page);
      expectFocusVisible(focused);
      visited.push(focused);
      if (focused.className.includes("item-card__link")) break;
    }
    const names = visited.map((v) => v.label);
    expect(names).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Métier ou diplôme/),
        expect.stringMatching(/^Lieu/),
        "Rayon",
        "Niveau d'études visé",
        "C'est parti",
        expect.stringMatching(/^Tout \(/),
        expect.stringMatching(/^Formations \(/),
        expect.stringMatching(/^Entreprises \(/),
      ]),
    );
    expect(visited.at(-1)?.text).toBe(firstTitle);

    // Open the card with Enter: the focus moves to its title, then Shift+Tab reaches the navigation.
    await page.keyboard.press("Enter");
    await poll(async () => (await focusedElement(page)).id).toBe("detail-title");
    expect(await page.locator(".detail__position").textContent()).toMatch(/^1 sur /);
    await page.keyboard.press("Shift+Tab");
    const next = await focusedElement(page);
    expect(next.text).toBe("Suivant");
    expectFocusVisible(next);
    await page.keyboard.press("Enter");
    await poll(() => page.locator(".detail__position").textContent()).toMatch(/^2 sur /);
    await poll(async () => (await focusedElement(page)).id).toBe("detail-title");

    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Shift+Tab");
    expect((await focusedElement(page)).text).toBe("Précédent");
    await page.keyboard.press("Shift+Tab");
    const back = await focusedElement(page);
    expect(back.text).toBe("Retour aux résultats");
    expectFocusVisible(back);
    await page.keyboard.press("Enter");
    await page.locator(".item-card__link").first().waitFor();
    expect(page.url()).not.toContain("page=fiche");
    expect(problems).toEqual([]);
  });

  it("applies to a company with a PDF CV: the company gets it, the candidate a confirmation", async () => {
    problems = [];
    await openResults(page);
    await resultCounts(page);
    await page.getByRole("button", { name: /^Entreprises \(/ }).click();
    // The nearest company the sample gives an e-mail address (others offer no application form).
    const cards = page.locator(".item-card--lba .item-card__link");
    const form = page.locator("form.apply-form");
    let companyName = "";
    for (let i = 0; i < 20; i++) {
      const company = cards.nth(i);
      companyName = (await company.textContent()) ?? "";
      await company.click();
      await page.locator("#detail-title").waitFor();
      if ((await form.count()) > 0) break;
      await page.getByText("Retour aux résultats").first().click();
      await cards.first().waitFor();
    }
    await form.waitFor();
    // "auprès d'Aux Délices" before a vowel or a mute h (issue 14).
    expect(await form.getByRole("heading").textContent()).toBe(
      `Candidature spontanée ${aupresDe(companyName)}`,
    );
    expect(await page.getByText("Vous avez déjà postulé").count()).toBe(0);

    // Nothing filled: every field says what is wrong, and the focus goes to the first one.
    await form.getByRole("button", { name: "J'envoie ma candidature" }).click();
    await poll(() => form.locator(".error-text").count()).toBe(5);
    await poll(async () => (await focusedElement(page)).label).toMatch(/^Prénom/);
    await expectAccessible(page, "application form with errors");

    await form.getByLabel(/^Prénom/).fill(CANDIDATE.firstName);
    await form.getByLabel(/^Nom/).fill(CANDIDATE.lastName);
    await form.getByLabel(/^E-mail/).fill(CANDIDATE.email);
    await form.getByLabel(/^Téléphone/).fill(CANDIDATE.phone);
    const pdf = minimalPdf("CV de Camille Martin");
    await form
      .getByLabel(/^CV/)
      .setInputFiles({ name: "cv-camille.pdf", mimeType: "application/pdf", buffer: pdf });
    await form.getByText("Fichier prêt : cv-camille.pdf").waitFor();
    await form.getByLabel(/^Votre message/).fill("Passionnée de pâtisserie, je cherche un apprentissage.");

    const before = lastOutboxId(server.databasePath);
    // The first attempt is cut by the network; the retry carries the same Idempotency-Key.
    const keys: unknown[] = [];
    let cut = true;
    await page.route("**/api/trpc/application.send**", async (route) => {
      keys.push(
        (JSON.parse(route.request().postData() ?? "{}") as { idempotencyKey?: unknown }).idempotencyKey,
      );
      if (!cut) return route.continue();
      cut = false;
      return route.abort("connectionreset");
    });
    // The test server keeps its e-mails (MAIL_TRANSPORT=outbox): the form does not say the CV is not kept.
    await poll(() => form.textContent()).toContain(
      "sur cette installation, les e-mails, CV compris, sont gardés",
    );
    expect(await form.textContent()).not.toContain("votre CV n'est pas conservé");
    await form.getByRole("button", { name: "J'envoie ma candidature" }).click();
    await form.getByRole("alert").waitFor();
    await form.getByRole("button", { name: "J'envoie ma candidature" }).click();
    await page.getByText(`Votre candidature a bien été envoyée à ${companyName}.`).waitFor();
    await page.getByText("Sur cette installation, les e-mails ne partent pas").waitFor();
    // The focus is on the confirmation, not lost with the form's button.
    await poll(() => page.evaluate(() => document.activeElement?.classList.contains("alert--success"))).toBe(
      true,
    );
    // The confirmation e-mail carries no attachment: the success screen does not promise one (issue 14).
    expect(await page.getByText(/confirmation.*avec votre CV/).count()).toBe(0);
    await page.unroute("**/api/trpc/application.send**");
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    // The cut request is the only console error this test allows.
    problems = problems.filter((p) => !/ERR_CONNECTION_RESET/.test(p));
    await expectAccessible(page, "application sent");

    const sent = outboxAfter(server.databasePath, before);
    expect(sent.map((m) => m.tag).sort()).toEqual(["application-applicant", "application-company"]);
    const toCompany = sent.find((m) => m.tag === "application-company");
    const toCandidate = sent.find((m) => m.tag === "application-applicant");
    expect(toCompany?.to).not.toBe(CANDIDATE.email);
    expect(toCompany?.replyTo).toBe(CANDIDATE.email);
    expect(toCompany?.attachments.map((a) => a.name)).toEqual(["cv-camille.pdf"]);
    expect(Buffer.from(toCompany?.attachments[0]?.contentBase64 ?? "", "base64").equals(pdf)).toBe(true);
    expect(toCompany?.text).toContain("Passionnée de pâtisserie");
    expect(toCandidate?.to).toBe(CANDIDATE.email);
    companyMail = toCompany ?? null;

    // The same card, reloaded: the candidate is reminded of the application.
    await page.reload();
    await page.getByText(/^Vous avez déjà postulé le \d{1,2}(er)? \S+ \d{4}\.$/).waitFor();
    await expectAccessible(page, "card already applied to");
    expect(problems).toEqual([]);
  });

  it("reloads a shared URL with the same results and the same open card", async () => {
    problems = [];
    await openResults(page);
    await resultCounts(page);
    const titles = await page.locator(".item-card__link").allTextContents();
    await page.locator(".item-card__link").nth(3).click();
    await poll(() => page.locator("#detail-title").textContent()).toBe(titles[3]);
    const shared = page.url();

    // Someone else opens the link: a fresh browser context, nothing cached.
    const other = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    try {
      const visitor = await newPage(other);
      await visitor.goto(shared);
      await poll(() => visitor.locator("#detail-title").textContent()).toBe(titles[3]);
      // Trainings may answer before jobs: the position settles once both lists are in.
      await poll(() => visitor.locator(".detail__position").textContent()).toBe(`4 sur ${titles.length}`);
      await visitor.getByRole("link", { name: "Retour aux résultats" }).click();
      expect(await resultCounts(visitor)).toEqual(resultsCounts);
      expect(await visitor.locator(".item-card__link").allTextContents()).toEqual(titles);
    } finally {
      await other.close();
    }
    expect(problems).toEqual([]);
  });

  it("names a whole city alone in the form and the heading, also from an older link with a postcode", async () => {
    problems = [];
    const where = "lat=48.86029&lon=2.34444&zipcode=75001&insee=75056&address=Paris%2075001";
    for (const path of ["/recherche-apprentissage", "/recherche-apprentissage-formation"]) {
      const visitor = await newPage();
      await visitor.goto(`${server.origin}${path}?job_name=Boulangerie&romes=D1102&radius=30&${where}`);
      await poll(() => visitor.locator(".results-heading").textContent()).toBe(
        "Résultats pour Boulangerie à Paris",
      );
      expect(await visitor.getByRole("combobox", { name: /Lieu/ }).inputValue()).toBe("Paris");
      await visitor.close();
    }
    expect(problems).toEqual([]);
  });

  it("restores every state with back and forward", async () => {
    problems = [];
    await openResults(page);
    const all = await resultCounts(page);
    await page.getByRole("button", { name: /^Entreprises \(/ }).click();
    await page.waitForURL(/filter=jobs/);
    const jobTitle = await page.locator(".item-card__link").first().textContent();
    await page.locator(".item-card__link").first().click();
    await poll(() => page.locator("#detail-title").textContent()).toBe(jobTitle);

    await page.goBack();
    await page.locator(".item-card__link").first().waitFor();
    expect(await page.locator("#detail-title").count()).toBe(0);
    expect(await page.getByRole("button", { name: /^Entreprises \(/ }).getAttribute("aria-pressed")).toBe(
      "true",
    );
    expect(await page.locator(".item-card").count()).toBe(all.jobs);

    await page.goBack();
    await poll(() => page.locator(".item-card").count()).toBe(all.all);
    expect(await page.getByRole("button", { name: /^Tout \(/ }).getAttribute("aria-pressed")).toBe("true");

    await page.goForward();
    await poll(() => page.locator(".item-card").count()).toBe(all.jobs);
    await page.goForward();
    await poll(() => page.locator("#detail-title").textContent()).toBe(jobTitle);
    expect(problems).toEqual([]);
  });

  it("lets the recruiter answer from the link of the company e-mail, and tells the candidate", async () => {
    problems = [];
    const link = /\/formulaire-intention\?token=([^\s"<]+)/.exec(companyMail?.text ?? "");
    expect(link, "the company e-mail of the application test has a reply link").not.toBeNull();
    // The e-mail lists the "entretien" link first.
    await page.goto(`${server.origin}${link?.[0] ?? ""}`);
    await page.getByRole("heading", { level: 1, name: "Vous souhaitez rencontrer ce candidat" }).waitFor();
    await page.getByText(`${CANDIDATE.firstName} ${CANDIDATE.lastName}`).first().waitFor();
    // A spontaneous application (an lba company): no "offre" to speak of.
    const about = (await page.locator("form.card > p").first().textContent()) ?? "";
    expect(about).toContain("candidature spontanée pour le métier");
    expect(about).not.toContain("offre");
    await expectAccessible(page, "reply form");

    await page.getByRole("button", { name: "Envoyer ma réponse" }).click();
    await poll(() => page.locator(".error-text").count()).toBe(3);
    await expectAccessible(page, "reply form with errors");

    const comment = "Bonjour Camille, nous aimerions vous rencontrer mardi.";
    await page.getByLabel(/^Votre message/).fill(comment);
    await page.getByLabel(/^Votre e-mail/).fill("recrutement@boulangerie-lyon.fr");
    await page.getByLabel(/^Votre téléphone/).fill("04 72 10 20 30");
    const before = lastOutboxId(server.databasePath);
    await page.getByRole("button", { name: "Envoyer ma réponse" }).click();
    await page
      .getByText(`Merci, votre réponse a été envoyée à ${CANDIDATE.firstName} ${CANDIDATE.lastName}.`)
      .waitFor();
    await expectAccessible(page, "reply sent");

    const sent = outboxAfter(server.databasePath, before);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toBe(CANDIDATE.email);
    expect(sent[0]?.tag).toBe("intention-entretien");
    expect(sent[0]?.replyTo).toBe("recrutement@boulangerie-lyon.fr");
    expect(sent[0]?.text).toContain(comment);
    expect(sent[0]?.text).toContain("0472102030");

    await page.reload();
    await page.getByText("Vous avez déjà envoyé cette réponse").waitFor();

    // The first reply wins: the "refus" link of the same e-mail shows it and offers no contradictory form.
    const refus = [...(companyMail?.text ?? "").matchAll(/\/formulaire-intention\?token=[^\s"<]+/g)].at(-1);
    await page.goto(`${server.origin}${refus?.[0] ?? ""}`);
    await page
      .getByRole("heading", { level: 1, name: "Vous avez déjà répondu à cette candidature" })
      .waitFor();
    await page.getByText(/vous avez proposé un entretien : votre réponse a été transmise/).waitFor();
    expect(await page.getByRole("button", { name: "Envoyer ma réponse" }).count()).toBe(0);
    await expectAccessible(page, "reply already given");
    expect(problems).toEqual([]);
  });

  it("explains a reply link that is not valid", async () => {
    problems = [];
    await page.goto(`${server.origin}/formulaire-intention?token=not-a-token`);
    await page.getByRole("alert").filter({ hasText: "Ce lien de réponse n'est pas valide" }).waitFor();
    await expectAccessible(page, "invalid reply link");
    // The browser logs the refused request (HTTP 400); nothing else may fail.
    expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
  });
});
