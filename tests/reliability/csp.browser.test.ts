import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../browser/helpers";
import { startLbaServer, type LbaServer } from "../browser/embed-host/lba-server";

// The built SPA and the API explorer under the real server's Content-Security-Policy, in Chromium.
let server: LbaServer;
let browser: Browser;

beforeAll(async () => {
  server = await startLbaServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}

/** Opens a page and collects every CSP violation the browser reports while it runs. */
async function visit(path: string, waitFor: (page: Page) => Promise<unknown>): Promise<Violation[]> {
  const page = await browser.newPage();
  // Init scripts run before the page's own scripts and are not subject to its CSP.
  await page.addInitScript(() => {
    const seen: unknown[] = [];
    (window as unknown as { __violations: unknown[] }).__violations = seen;
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample }),
    );
  });
  const override = process.env.CSP_OVERRIDE;
  if (override)
    await page.route("**/*", async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: { ...response.headers(), "content-security-policy": override },
      });
    });
  const response = await page.goto(`${server.origin}${path}`);
  // The policy under test must really be the one served (or the override of an experiment).
  expect(override ?? (await response?.headerValue("content-security-policy"))).toMatch(/script-src 'self';/);
  await waitFor(page);
  await page.waitForTimeout(500);
  const violations = await page.evaluate(
    () => (window as unknown as { __violations: Violation[] }).__violations,
  );
  await page.close();
  return violations;
}

describe("Content-Security-Policy in the browser", () => {
  it("runs the SPA search with its map without any violation", async () => {
    const violations = await visit(
      "/recherche-apprentissage?romes=D1102&lat=48.8566&lon=2.3522&radius=30&display=map&job_name=Vente",
      (page) => page.locator(".leaflet-container").first().waitFor({ timeout: 30_000 }),
    );
    expect(violations).toEqual([]);
  });

  it("runs the home page without any violation", async () => {
    const violations = await visit("/", (page) =>
      page.locator("#root *").first().waitFor({ timeout: 30_000 }),
    );
    expect(violations).toEqual([]);
  });

  it("runs the swagger explorer at /api-docs without any violation", async () => {
    const violations = await visit("/api-docs", (page) =>
      page.locator(".swagger-ui .opblock").first().waitFor({ timeout: 30_000 }),
    );
    expect(violations).toEqual([]);
  });
});
