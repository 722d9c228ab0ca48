import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type * as LbaClientModule from "@lba/client";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationTo, firstApplicable, SEARCH, type Applicable } from "../../examples/shared";
import { launchBrowser } from "../browser/helpers";
import { REPO, startBuiltServer, type BuiltServer } from "../support/built-server";

// A partner's page on another origin loads the built @lba/client as a module and calls the server from the
// browser: the bundle must run there as it is (no Node module, no import to resolve) and CORS must let it through.

const BUNDLE = "packages/client/dist/index.js";
const PAGE = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Partenaire</title></head>
<body><script type="module">import * as lba from "/lba-client.js"; window.lba = lba;</script></body></html>`;

type PageWindow = { lba: typeof LbaClientModule };

let server: BuiltServer;
let host: { origin: string; close: () => Promise<void> };
let browser: Browser;

async function startPartnerSite(): Promise<typeof host> {
  const bundle = await readFile(join(REPO, BUNDLE), "utf8");
  const site: Server = createServer((req, res) => {
    if (req.url === "/") res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
    else if (req.url === "/lba-client.js")
      res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(bundle);
    else res.writeHead(204).end();
  });
  await new Promise<void>((done) => site.listen(0, "127.0.0.1", done));
  return {
    origin: `http://127.0.0.1:${(site.address() as AddressInfo).port}`,
    close: () => new Promise((done) => site.close(() => done())),
  };
}

beforeAll(async () => {
  server = await startBuiltServer({ requires: ["apps/server/dist/index.js", BUNDLE] });
  host = await startPartnerSite();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await server?.stop();
});

async function partnerPage(): Promise<{ page: Page; errors: string[]; calls: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  const calls: string[] = [];
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("request", (request) => request.url().includes("/api/trpc/") && calls.push(request.url()));
  await page.goto(host.origin);
  await page.waitForFunction(() => "lba" in window);
  return { page, errors, calls };
}

describe("@lba/client in a browser", () => {
  it("searches, applies and reads a refusal's key from another origin", async () => {
    const { page, errors, calls } = await partnerPage();
    // The server listens on 127.0.0.1 too: `localhost` makes it another origin than the page.
    const baseUrl = server.origin.replace("127.0.0.1", "localhost");
    const found = await page.evaluate(
      async ({ baseUrl, search }) => {
        const { createLbaClient } = (window as unknown as PageWindow).lba;
        const client = createLbaClient({ baseUrl, caller: "contact@partenaire.example site" });
        const [trainings, jobs] = await Promise.all([
          client.formations.search.query(search),
          client.jobs.search.query({ ...search, sources: "lba" }),
        ]);
        const companies =
          jobs.lbaCompanies && "results" in jobs.lbaCompanies ? jobs.lbaCompanies.results : [];
        return { trainings: trainings.results.length, companies };
      },
      { baseUrl, search: SEARCH },
    );
    expect(found.trainings).toBeGreaterThan(0);
    const company = firstApplicable<Applicable>(found.companies);
    if (!company) throw new Error("no company to apply to");

    const answers = await page.evaluate(
      async ({ baseUrl, application }) => {
        const { createLbaClient, applicationErrorOf } = (window as unknown as PageWindow).lba;
        const client = createLbaClient({ baseUrl, caller: "contact@partenaire.example site" });
        const sent = await client.application.send.mutate(application);
        const refused = await client.application.send
          .mutate({ ...application, applicant_email: "camille@mailinator.com" })
          .then(() => "sent", applicationErrorOf);
        return { sent: sent.message, refused };
      },
      { baseUrl, application: applicationTo(company) },
    );
    expect(answers).toEqual({ sent: "messages sent", refused: "email temporaire non autorisé" });
    expect(calls[0]).toMatch(/\/api\/trpc\/formations\.search,jobs\.search\?batch=1&input=/);
    expect(calls.every((url) => url.startsWith(baseUrl))).toBe(true);
    expect(decodeURIComponent(calls[0] ?? "")).toContain('"caller":"contact@partenaire.example site"');
    // Chromium logs the refused call's answer; nothing else may fail on the page.
    expect(errors).toEqual([
      "Failed to load resource: the server responded with a status of 400 (Bad Request)",
    ]);
    await page.close();
  });
});
