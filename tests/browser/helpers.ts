import { createRequire } from "node:module";
import { chromium, type Browser, type Page } from "playwright-core";
import { expect } from "vitest";

const require = createRequire(import.meta.url);

/** Debian's Chromium, offline-friendly: without these flags it keeps calling Google services. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

export interface AxeViolation {
  id: string;
  impact: "minor" | "moderate" | "serious" | "critical" | null;
  help: string;
  nodes: Array<{ target: string[]; html: string }>;
}

/** Runs axe-core (the installed copy, injected: no network) and returns the serious and critical violations. */
export async function runAxe(page: Page, options: { include?: string } = {}): Promise<AxeViolation[]> {
  const alreadyLoaded = await page.evaluate(() => "axe" in window);
  if (!alreadyLoaded) await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const violations = await page.evaluate(async (include) => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(include ?? document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html })),
    }));
  }, options.include);
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** A readable summary for assertion messages. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(" ")}`).join("\n")}`)
    .join("\n");
}

/** Fails with the axe violations of the page in its current state, named `state` in the message. */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  const violations = await runAxe(page);
  expect(violations, `${state}:\n${formatViolations(violations)}`).toEqual([]);
}

/**
 * Reports through `report` what a page of the site must never do: log a console error, throw, or call anything
 * outside `origin` (offline by design: no tile server, font or CDN). Lookups of an element that is not there yet
 * retry through the tests' polls instead of waiting 30 s each.
 */
export function watchPage(page: Page, origin: string, report: (problem: string) => void): Page {
  page.setDefaultTimeout(15_000);
  page.on("console", (message) => {
    if (message.type() === "error") report(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => report(`page error: ${String(error)}`));
  page.on("request", (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith("data:"))
      report(`external request: ${request.url()}`);
  });
  return page;
}
