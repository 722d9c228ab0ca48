import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { validRequest } from "@lba/core/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { DEV_SECRET } from "../../apps/server/src/env";
import { buildFixture, REPO, SECRET, tokenKeys, WEBHOOK_PASSWORD, type Fixture } from "./fixture";

// No secret, token key or company e-mail leaves the server: not in an answer (body or header), not in a log line,
// not in a client bundle. The crawl follows every result to its detail routes, as a scraper would.

let fx: Fixture;
const seen: { url: string; text: string }[] = [];

async function fetchText(url: string, init?: RequestInit): Promise<string> {
  const res = await fx.app.request(url, init);
  const text = `${res.status}\n${[...res.headers].map(([k, v]) => `${k}: ${v}`).join("\n")}\n\n${await res.text()}`;
  seen.push({ url, text });
  return text;
}

async function fetchJson(url: string): Promise<unknown> {
  const res = await fx.app.request(url);
  const body = await res.text();
  seen.push({
    url,
    text: `${res.status}\n${[...res.headers].map(([k, v]) => `${k}: ${v}`).join("\n")}\n\n${body}`,
  });
  return res.headers.get("content-type")?.includes("json") ? JSON.parse(body) : null;
}

/** Every `id` / `siret` of a search answer with the detail route it belongs to. */
function detailUrls(answer: unknown): string[] {
  const urls = new Set<string>();
  const walk = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== "object") return;
    const item = value as {
      ideaType?: string;
      id?: string;
      job?: { id?: string };
      company?: { siret?: string };
    };
    const id = item.job?.id ?? item.id;
    if (item.ideaType === "formation" && item.id)
      urls.add(`/api/V1/formations/formation/${encodeURIComponent(item.id)}`);
    if (item.ideaType === "matcha" && id) urls.add(`/api/V1/jobs/matcha/${encodeURIComponent(id)}`);
    if (item.ideaType === "peJob" && id) urls.add(`/api/V1/jobs/job/${encodeURIComponent(id)}`);
    if ((item.ideaType === "lba" || item.ideaType === "lbb") && item.company?.siret)
      urls.add(`/api/V1/jobs/company/${item.company.siret}?type=${item.ideaType}&caller=crawl`);
    Object.values(value).forEach(walk);
  };
  walk(answer);
  return [...urls];
}

const SEARCHES = [
  "/api",
  "/api/ready",
  "/api-docs/openapi.json",
  "/api/V1/formations?romes=D1102,M1607&latitude=48.85&longitude=2.35&radius=30&caller=crawl",
  "/api/V1/formationsParRegion?romes=D1102&region=11&caller=crawl",
  "/api/V1/jobs?romes=D1102&latitude=48.85&longitude=2.35&radius=30&insee=75056&caller=crawl",
  "/api/V1/jobs?romes=D1102&latitude=48.85&longitude=2.35&radius=30&insee=75056&caller=partenaire-autorise",
  "/api/V1/jobsEtFormations?romes=D1102&latitude=48.85&longitude=2.35&radius=30&insee=75056&caller=crawl",
  "/api/V1/metiers/all",
  "/api/V1/metiers?title=vente",
  "/api/trpc/jobs.search?input=" +
    encodeURIComponent(
      JSON.stringify({ romes: "D1102", latitude: 48.85, longitude: 2.35, radius: 30, insee: "75056" }),
    ),
  "/api/trpc/jobsEtFormations.search?input=" +
    encodeURIComponent(
      JSON.stringify({ romes: "D1102", latitude: 48.85, longitude: 2.35, radius: 30, insee: "75056" }),
    ),
  "/api/trpc/formations.search?input=" +
    encodeURIComponent(JSON.stringify({ romes: "D1102", latitude: 48.85, longitude: 2.35, radius: 30 })),
  "/api/trpc/health",
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

beforeAll(async () => {
  fx = buildFixture({ env: "production" });
  const answers = await Promise.all(SEARCHES.map(fetchJson));
  const details = [...new Set(answers.flatMap(detailUrls))];
  await Promise.all(details.map(fetchJson));
  seen.push({ url: "(detail count)", text: String(details.length) });

  for (const path of ["/", "/recherche-apprentissage", "/postuler", "/embed.js", "/api-docs", "/dev/outbox"])
    await fetchText(path);
  for (const file of filesUnder(resolve(REPO, "apps/spa/dist")))
    await fetchText(file.slice(resolve(REPO, "apps/spa/dist").length));

  // An accepted application, then the same with errors: their answers, and what they log, are crawled too.
  const jobs = answers[5] as { lbaCompanies?: { results?: { contact?: { email?: string; iv?: string } }[] } };
  const contact = jobs.lbaCompanies?.results?.[0]?.contact;
  const application = validRequest(
    { email: contact?.email ?? "", iv: contact?.iv ?? "" },
    { caller: "crawl@example.org crawl" },
  );
  const post = (body: unknown) =>
    fetchText("/api/V1/application", {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json" },
    });
  seen.push({ url: "(application accepted)", text: await post(application) });
  // The transport refuses the message and names the recipient in its error (as Postmark does): that error is logged.
  fx.mailer.failing = true;
  await post({ ...application, applicant_email: "dominique@example.org" });
  fx.mailer.failing = false;
  await post({ ...application, iv: "00".repeat(12) });
  await post({ ...application, company_email: `${contact?.email ?? ""}00` });
  await fetchText("/api/application/webhook", { method: "POST", body: "{}" });
});

describe("secrets and company e-mails", () => {
  it("crawled search answers, every detail they link to, pages and an application", () => {
    const details = Number(seen.find((s) => s.url === "(detail count)")?.text);
    console.info(`crawled ${seen.length} answers, ${details} detail routes`);
    expect(details).toBeGreaterThanOrEqual(12);
    expect(seen.find((s) => s.url === "(application accepted)")?.text).toMatch(/^200\n/);
    expect(fx.companyEmails.length).toBe(12);
    // The crawl did reach sealed contacts: the tokens are there, the addresses are not.
    expect(seen.some((s) => /"iv":"[0-9a-f]{24}"/.test(s.text))).toBe(true);
  });

  it("never shows a company or recruiter e-mail in an answer", () => {
    for (const email of fx.companyEmails)
      for (const { url, text } of seen) expect(text.includes(email), `${email} in ${url}`).toBe(false);
  });

  it("never shows the secret, a derived token key or the webhook password in an answer", () => {
    for (const needle of [SECRET, WEBHOOK_PASSWORD, ...tokenKeys(SECRET)])
      for (const { url, text } of seen) expect(text.includes(needle), `secret in ${url}`).toBe(false);
  });

  it("never logs a secret, a token key, the webhook password or a company e-mail", () => {
    expect(fx.logLines.length).toBeGreaterThan(0);
    const log = fx.logLines.join("\n");
    for (const needle of [SECRET, WEBHOOK_PASSWORD, ...tokenKeys(SECRET), ...fx.companyEmails])
      expect(log.includes(needle), needle).toBe(false);
  });

  it("serves no development page (the outbox lists company e-mails) in production", () => {
    // In production /dev/outbox is just another client-side route of the SPA (or a 404 without a build).
    const page = seen.find((s) => s.url === "/dev/outbox")?.text ?? "";
    expect(page).toMatch(/^404\n|<div id="root"><\/div>/);
    expect(page).not.toMatch(/outbox/i);
  });

  it("ships no secret and no real e-mail address in the client bundles", () => {
    const bundles = [
      ...filesUnder(resolve(REPO, "apps/spa/dist")),
      resolve(REPO, "apps/embed/dist/embed.js"),
    ].map((file) => ({ file, text: readFileSync(file, "latin1") }));
    expect(bundles.length).toBeGreaterThan(2);
    // Examples shown in forms and snippets, not addresses of anyone.
    const placeholders = new Set(["contact@domaine.fr", "nom@entreprise.fr", "prenom.nom@exemple.fr"]);
    for (const { file, text } of bundles) {
      for (const needle of [
        DEV_SECRET,
        ...tokenKeys(DEV_SECRET),
        "LBA_SECRET",
        "FT_CLIENT_SECRET",
        "POSTMARK",
      ])
        expect(text.includes(needle), `${needle} in ${file}`).toBe(false);
      const emails = text.match(/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g) ?? [];
      expect(
        emails.filter((e) => !placeholders.has(e)),
        file,
      ).toEqual([]);
    }
  });
});
