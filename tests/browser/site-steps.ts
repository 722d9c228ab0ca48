import type { Browser, BrowserContext, Page, Route } from "playwright-core";
import { expect } from "vitest";

/** A tRPC call answered 500, as when the server fails (tRPC's error envelope). */
export const trpcServerError = (route: Route) =>
  route.fulfill({
    status: 500,
    contentType: "application/json",
    body: JSON.stringify({
      error: { message: "boom", code: -32603, data: { code: "INTERNAL_SERVER_ERROR" } },
    }),
  });

/** Failed calls show up as console errors: the only ones tests of failures allow. */
export const withoutFailedCalls = (list: string[]) => list.filter((p) => !/status of 500/.test(p));

/** A desktop (1366 px wide) and a phone (375 px, touch) context, French, CSP bypassed for the tests' scripts. */
export async function siteContexts(
  browser: Browser,
  heights: { desktop: number; mobile: number },
): Promise<{ desktop: BrowserContext; mobile: BrowserContext }> {
  const options = { bypassCSP: true, locale: "fr-FR" };
  return {
    desktop: await browser.newContext({ ...options, viewport: { width: 1366, height: heights.desktop } }),
    mobile: await browser.newContext({
      ...options,
      viewport: { width: 375, height: heights.mobile },
      isMobile: true,
      hasTouch: true,
    }),
  };
}

export interface Counts {
  all: number;
  trainings: number;
  jobs: number;
}

/** The counts of the filter buttons, once both searches have answered. */
export async function resultCounts(page: Page): Promise<Counts> {
  await page.waitForFunction(
    () => {
      const blocks = [...document.querySelectorAll(".result-block")];
      const status = document.querySelector("[role=status][aria-live=polite]")?.textContent ?? "";
      return (
        blocks.length > 0 &&
        blocks.every((b) => b.getAttribute("aria-busy") === "false") &&
        /trouvée/.test(status)
      );
    },
    undefined,
    { timeout: 30_000 },
  );
  const count = async (name: RegExp) => {
    const text = (await page.getByRole("button", { name }).textContent()) ?? "";
    return Number(/\((\d+)\)/.exec(text)?.[1] ?? Number.NaN);
  };
  return {
    all: await count(/^Tout \(/),
    trainings: await count(/^Formations \(/),
    jobs: await count(/^Entreprises \(/),
  };
}

export interface Focused {
  tag: string;
  id: string;
  className: string;
  /** The label of a form control, else its text. */
  label: string;
  text: string;
  outline: boolean;
  onScreen: boolean;
}

export function focusedElement(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body)
      return { tag: "BODY", id: "", className: "", label: "", text: "", outline: false, onScreen: false };
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const labels = (el as HTMLInputElement).labels;
    const text = (el.textContent ?? "").replace(/\s+/g, " ").trim();
    return {
      tag: el.tagName,
      id: el.id,
      className: typeof el.className === "string" ? el.className : "",
      label: labels?.[0]?.textContent?.replace(/\s+/g, " ").trim() ?? text,
      text,
      outline: style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) >= 2,
      onScreen:
        box.width > 0 &&
        box.height > 0 &&
        box.bottom > 0 &&
        box.right > 0 &&
        box.top < innerHeight &&
        box.left < innerWidth,
    };
  });
}

export function expectFocusVisible(focused: Focused): void {
  expect(focused.tag, "something has the focus").not.toBe("BODY");
  expect(focused.outline, `focus outline on ${focused.tag} "${focused.label}"`).toBe(true);
  expect(focused.onScreen, `focused ${focused.tag} "${focused.label}" is on screen`).toBe(true);
}

/** A small, well-formed one-page PDF showing `line`. */
export function minimalPdf(line: string): Buffer {
  const stream = `BT /F1 18 Tf 72 720 Td (${line.replace(/[()\\]/g, "")}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}
