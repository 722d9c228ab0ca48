import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, watchPage } from "./helpers";
import { lastOutboxId, outboxAfter, startSiteServer, type SiteServer } from "./site-server";
import { minimalPdf, resultCounts } from "./site-steps";

// Issue 15, driven like a candidate and a recruiter would: the information pages, the 404, the recruiter view,
// the company's unsubscription (docs/reference/v1.md#s9-8, decision 026) and the candidate's follow-up.

let server: SiteServer;
let browser: Browser;
let context: BrowserContext;
let problems: string[] = [];

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

async function newPage(): Promise<Page> {
  const page = await context.newPage();
  return watchPage(page, server.origin, (problem) => problems.push(problem));
}

/** The path and query of the first link to `page` in a message's text. */
function linkPath(text: string | undefined, page: string): string {
  const match = new RegExp(`https?://[^/\\s]+(${page}\\?token=\\S+)`).exec(text ?? "");
  if (!match?.[1]) throw new Error(`no ${page} link in:\n${text}`);
  return match[1];
}

/** A métier picked from the home page's autocomplete, France entière: the results page. */
async function searchBoulangerie(page: Page): Promise<void> {
  await page.goto(`${server.origin}/`);
  const job = page.getByRole("combobox", { name: /Métier ou diplôme/ });
  await job.fill("boulang");
  await page.locator("[role=listbox]:visible [role=option]").first().click();
  await page.getByRole("button", { name: "C'est parti" }).click();
  await page.waitForURL(/\/recherche-apprentissage\?/);
  await resultCounts(page);
  await page.getByRole("button", { name: /^Entreprises \(/ }).click();
}

/** Opens the first company card that has an application form; returns its name. */
async function openApplicableCompany(page: Page): Promise<string> {
  const cards = page.locator(".item-card--lba .item-card__link");
  const form = page.locator("form.apply-form");
  for (let i = 0; i < 20; i++) {
    const name = (await cards.nth(i).textContent()) ?? "";
    await cards.nth(i).click();
    await page.locator("#detail-title").waitFor();
    if ((await form.count()) > 0) return name;
    await page.getByText("Retour aux résultats").first().click();
    await cards.first().waitFor();
  }
  throw new Error("no company with an application form in the first 20 results");
}

beforeAll(async () => {
  server = await startSiteServer();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe("information pages (docs/reference/v1.md#s11-6)", () => {
  it("opens each page from the footer, in French, without accessibility violation", async () => {
    problems = [];
    const page = await newPage();
    const pages: [string, string, string][] = [
      ["Questions fréquentes", "/faq", "Questions fréquentes"],
      [
        "Conseils pour l'entretien",
        "/conseils-entretien",
        "Préparer votre entretien d'embauche en alternance",
      ],
      ["Contact", "/contact", "Contact"],
      ["Mentions légales", "/mentions-legales", "Mentions légales"],
      ["Données personnelles", "/donnees-personnelles", "Données personnelles"],
      ["Accessibilité : partiellement conforme", "/accessibilite", "Déclaration d'accessibilité"],
    ];
    await page.goto(`${server.origin}/`);
    for (const [link, path, title] of pages) {
      await page.getByRole("contentinfo").getByRole("link", { name: link, exact: true }).click();
      await page.getByRole("heading", { level: 1, name: title }).waitFor();
      expect(new URL(page.url()).pathname).toBe(path);
      await expectAccessible(page, path);
      // Each page is also a real address: 200 when loaded directly.
      expect((await page.request.get(`${server.origin}${path}`)).status()).toBe(200);
    }
    // The personal-data page states the retention the server is configured with.
    await page.goto(`${server.origin}/donnees-personnelles`);
    await page.getByText(/Chaque candidature est anonymisée 365 jours après son envoi/).waitFor();
    // The test server keeps its e-mails (MAIL_TRANSPORT=outbox): the page says so, as the apply form does.
    await page.getByText(/Sur cette installation, les e-mails ne partent pas/).waitFor();
    expect(await page.getByText(/n'en garde que le nom du fichier|Postmark/).count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("names on the legal notice the publisher and host the operator set, and says so while they are unset", async () => {
    problems = [];
    const page = await newPage();
    // The test server sets no LEGAL_*: the page says the identities are not published.
    await page.goto(`${server.origin}/mentions-legales`);
    await page.getByText(/elle n'a pas encore publié son identité sur cette instance/).waitFor();
    await page.getByText(/n'a pas encore publié l'identité de son hébergeur/).waitFor();
    // A server with LEGAL_* set: its health answer carries them (apps/server/src/env.ts), the page quotes them.
    await page.route(/\/trpc\/[^?]*health/, async (route) => {
      const response = await route.fetch();
      const answer = await response.json();
      // The site asks through tRPC, maybe batched: the health answer is the result that has a `site`.
      const health = (Array.isArray(answer) ? answer : [answer]).find((r) => r.result?.data?.site)?.result
        .data;
      health.site.legal = {
        publisher: "Région Exemple",
        publisherAddress: "1 place de la Région, 69002 Lyon",
        publisherPhone: "04 00 00 00 00",
        publicationDirector: "Camille Martin",
        host: "Hébergeur SAS",
        hostAddress: null,
        hostPhone: null,
      };
      await route.fulfill({ response, json: answer });
    });
    await page.reload();
    await page
      .getByText(
        "Ce site est édité par Région Exemple, 1 place de la Région, 69002 Lyon, téléphone : 04 00 00 00 00.",
      )
      .waitFor();
    await page.getByText("Direction de la publication : Camille Martin.").waitFor();
    await page.getByText(/^Le site est hébergé par Hébergeur SAS\. Les e-mails de candidature/).waitFor();
    expect(await page.getByText(/pas encore publié/).count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("answers an unknown path with HTTP 404 and the French « Page introuvable »", async () => {
    problems = [];
    const page = await newPage();
    const answer = await page.goto(`${server.origin}/cette-page-n-existe-pas`);
    expect(answer?.status()).toBe(404);
    await page.getByRole("heading", { level: 1, name: "Page introuvable" }).waitFor();
    await expectAccessible(page, "404");
    // The one console error allowed: Chromium reports the 404 of the page itself.
    expect(problems).toEqual([
      "console: Failed to load resource: the server responded with a status of 404 (Not Found)",
    ]);
    await page.close();
  });
});

describe("recruiter side and follow-up (docs/reference/v1.md#s9-8)", () => {
  let companyMail = "";
  let candidateMail = "";
  let sentBody: Record<string, unknown> = {};

  it("links the personal-data page from the apply form, and sends an application", async () => {
    problems = [];
    const page = await newPage();
    await searchBoulangerie(page);
    const company = await openApplicableCompany(page);
    const form = page.locator("form.apply-form");

    const notice = form.getByRole("link", { name: /En savoir plus sur vos données personnelles/ });
    const [privacy] = await Promise.all([context.waitForEvent("page"), notice.click()]);
    await privacy.getByRole("heading", { level: 1, name: "Données personnelles" }).waitFor();
    expect(new URL(privacy.url()).pathname).toBe("/donnees-personnelles");
    await expectAccessible(privacy, "personal data from the apply form");
    await privacy.close();

    await form.getByLabel(/^Prénom/).fill("Camille");
    await form.getByLabel(/^Nom/).fill("Martin");
    await form.getByLabel(/^E-mail/).fill("camille.martin@laposte.net");
    await form.getByLabel(/^Téléphone/).fill("06 12 34 56 78");
    await form
      .getByLabel(/^CV/)
      .setInputFiles({ name: "cv.pdf", mimeType: "application/pdf", buffer: minimalPdf("CV") });
    await form.getByText("Fichier prêt : cv.pdf").waitFor();
    const before = lastOutboxId(server.databasePath);
    const request = page.waitForRequest("**/api/trpc/application.send**");
    await form.getByRole("button", { name: "J'envoie ma candidature" }).click();
    sentBody = JSON.parse((await request).postData() ?? "{}") as Record<string, unknown>;
    await page.getByText(`Votre candidature a bien été envoyée à ${company}.`).waitFor();
    const sent = outboxAfter(server.databasePath, before);
    companyMail = sent.find((m) => m.tag === "application-company")?.text ?? "";
    candidateMail = sent.find((m) => m.tag === "application-applicant")?.text ?? "";
    const subject = sent.find((m) => m.tag === "application-company")?.subject;
    expect(subject).toBe(
      "Candidature spontanée de Camille Martin en alternance : Boulangerie, pâtisserie, chocolaterie",
    );
    expect(companyMail).toContain("figure dans les données « La bonne boîte » de France Travail");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows the recruiter the application without any application form", async () => {
    problems = [];
    const page = await newPage();
    await page.goto(`${server.origin}${linkPath(companyMail, "/candidature")}`);
    await page.getByRole("heading", { level: 1, name: "Candidature de Camille Martin" }).waitFor();
    expect(await page.locator("form.apply-form").count()).toBe(0);
    await page.getByRole("link", { name: "Je propose un entretien" }).waitFor();
    await page.getByRole("link", { name: "Ne plus recevoir de candidatures spontanées" }).waitFor();
    await expectAccessible(page, "recruiter view");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("unsubscribes the company in one click: applications refused, searches without the form, undo", async () => {
    problems = [];
    const page = await newPage();
    const unsubscribe = linkPath(companyMail, "/desinscription");
    await page.goto(`${server.origin}${unsubscribe}`);
    await page
      .getByText(/C'est noté : votre entreprise, .* ne recevra plus de candidatures spontanées/)
      .waitFor();
    await expectAccessible(page, "unsubscribed");

    // The same application sent again, as any partner would: refused with its key.
    const again = await page.request.post(`${server.origin}/api/V1/application`, {
      data: { ...sentBody, idempotencyKey: undefined, caller: "test@exemple.fr essai" },
    });
    expect(again.status()).toBe(400);
    expect(await again.json()).toEqual({ error: "entreprise_desinscrite" });

    // Searches still list the company, without the application form.
    const search = await newPage();
    await searchBoulangerie(search);
    const siret = String(sentBody.company_siret);
    await search.goto(`${search.url()}&page=fiche&type=lba&itemId=${siret}`);
    await search.locator("#detail-title").waitFor();
    await search.getByText(/Cette entreprise ne souhaite pas recevoir de candidatures spontanées/).waitFor();
    expect(await search.locator("form.apply-form").count()).toBe(0);
    // It asks to call only when the card gives a number to call.
    const fact = (term: string) => search.locator(`dt:text-is("${term}") + dd`);
    const hasPhone = (await fact("Téléphone").count()) > 0;
    const card = {
      name: (await search.locator("#detail-title").textContent()) ?? "",
      address: (await fact("Adresse").textContent()) ?? "",
      phone: hasPhone ? await fact("Téléphone").textContent() : null,
    };
    const advice = await search.locator(".detail__section.alert--info p").textContent();
    expect(advice).toContain(
      hasPhone ? "appelez l'entreprise" : "Présentez-vous à l'entreprise, à son adresse.",
    );
    await expectAccessible(search, "card of an unsubscribed company");
    await search.close();

    // The apply widget says why too, as the card does, instead of a lack of information.
    const widget = await newPage();
    await widget.goto(`${server.origin}/postuler?caller=test&type=lba&itemId=${siret}`);
    await widget
      .getByRole("alert")
      .getByText(/Cette entreprise ne souhaite pas recevoir de candidatures spontanées/)
      .waitFor();
    expect(await widget.locator("form.apply-form").count()).toBe(0);
    // With what the advice needs, as the card gives it: the company, its address, its phone when it has one.
    const widgetFact = (term: string) => widget.locator(`dt:text-is("${term}") + dd`);
    await widget.getByRole("heading", { level: 2, name: card.name }).waitFor();
    expect({
      address: await widgetFact("Adresse").textContent(),
      phone: hasPhone ? await widgetFact("Téléphone").textContent() : null,
      phoneRows: await widgetFact("Téléphone").count(),
    }).toEqual({ address: card.address, phone: card.phone, phoneRows: hasPhone ? 1 : 0 });
    await expectAccessible(widget, "apply widget of an unsubscribed company");
    await widget.close();

    // The candidate's follow-up page says why it cannot be sent, and offers no button.
    const followUp = await newPage();
    await followUp.goto(`${server.origin}${linkPath(candidateMail, "/relance")}`);
    await followUp
      .getByText(/Cette entreprise a demandé à ne plus recevoir de candidatures spontanées/)
      .waitFor();
    expect(await followUp.getByRole("button", { name: "Envoyer la relance" }).count()).toBe(0);
    await followUp.close();

    await page.getByRole("button", { name: /Annuler : recevoir à nouveau/ }).click();
    await page.getByText(/peut de nouveau recevoir des candidatures spontanées/).waitFor();
    await expectAccessible(page, "resubscribed");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("lets the candidate follow up once from the confirmation's link", async () => {
    problems = [];
    const page = await newPage();
    const before = lastOutboxId(server.databasePath);
    await page.goto(`${server.origin}${linkPath(candidateMail, "/relance")}`);
    await page.getByRole("heading", { level: 1, name: "Relancer l'entreprise" }).waitFor();
    await expectAccessible(page, "follow-up page");
    // Sent just now: the page advises waiting, as the confirmation e-mail does, and still lets the candidate send.
    await page.getByText(/Votre candidature a moins d'une semaine/).waitFor();
    await page.getByRole("button", { name: "Envoyer la relance" }).click();
    await page.getByText(/Votre relance a été envoyée/).waitFor();
    await page.reload();
    await page.getByText(/Vous avez relancé .* Une seule relance est possible/).waitFor();
    expect(await page.getByRole("button", { name: "Envoyer la relance" }).count()).toBe(0);
    await poll(() => outboxAfter(server.databasePath, before).map((m) => m.tag)).toEqual([
      "application-follow-up",
    ]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("lets the recruiter refuse with reasons, passed on to the candidate", async () => {
    problems = [];
    const page = await newPage();
    const refus = /Je refuse la candidature : https?:\/\/[^/\s]+(\/formulaire-intention\?token=\S+)/.exec(
      companyMail,
    )?.[1];
    await page.goto(`${server.origin}${refus ?? ""}`);
    await page.getByRole("heading", { level: 1, name: "Vous ne retenez pas cette candidature" }).waitFor();
    await page.getByLabel("Le poste est déjà pourvu.").check();
    await expectAccessible(page, "refusal with reasons");
    const before = lastOutboxId(server.databasePath);
    await page.getByRole("button", { name: "Envoyer ma réponse" }).click();
    await page.getByText(/Merci, votre réponse a été envoyée/).waitFor();
    const [mail] = outboxAfter(server.databasePath, before);
    expect(mail?.tag).toBe("intention-refus");
    expect(mail?.text).toContain("Motifs indiqués par le recruteur :\n- Le poste est déjà pourvu.");
    expect(problems).toEqual([]);
    await page.close();
  });
});
