import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createApp } from "../app";
import { testApp, testServerDeps } from "../test-app";
import { CONTENT_SECURITY_POLICY, EXPLORER_CONTENT_SECURITY_POLICY } from "./security-headers";

function spaDist(): string {
  const dir = mkdtempSync(join(tmpdir(), "lba-spa-"));
  mkdirSync(join(dir, "assets"));
  writeFileSync(
    join(dir, "index.html"),
    '<!doctype html><script type="module" src="/assets/app.js"></script>',
  );
  writeFileSync(join(dir, "assets", "app.js"), "console.log(1)");
  return dir;
}

const { app } = testApp({ spaDist: spaDist() });
// Every kind of answer: SPA page, asset, JSON, validation error, 404 (API and page), docs, tRPC, preflight.
const PATHS = [
  "/",
  "/recherche-apprentissage",
  "/assets/app.js",
  "/api",
  "/api/ready",
  "/api/V1/jobs",
  "/api/V1/nope",
  "/nope.png",
  "/api/trpc/health",
];
const EXPLORER = ["/api-docs", "/api-docs/init.js", "/api-docs/openapi.json", "/dev/outbox"];

const policies = (res: Response) => (res.headers.get("Content-Security-Policy") ?? "").split(/,\s*/);

describe("security headers", () => {
  it.each(PATHS)("sends a CSP without inline scripts nor inline styles on %s", async (path) => {
    const res = await app.request(path);
    expect(policies(res)).toContain(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toMatch(/style-src 'self';/);
    const scriptSrc = CONTENT_SECURITY_POLICY.split("; ").find((d) => d.startsWith("script-src"));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/object-src 'none'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/base-uri 'self'/);
  });

  it.each(EXPLORER)(
    "allows inline styles, never inline scripts, on the explorer and outbox page %s",
    async (path) => {
      const res = await app.request(path);
      expect(res.status).toBe(200);
      expect(policies(res)).toContain(EXPLORER_CONTENT_SECURITY_POLICY);
      expect(policies(res)).not.toContain(CONTENT_SECURITY_POLICY);
      expect(EXPLORER_CONTENT_SECURITY_POLICY).toMatch(/script-src 'self';/);
    },
  );

  it("serves the explorer page with no inline script", async () => {
    const html = await (await app.request("/api-docs")).text();
    for (const tag of html.match(/<script[^>]*>/g) ?? []) expect(tag).toMatch(/ src="/);
    expect(html).not.toMatch(/<script[^>]*>[^<]+<\/script>/);
  });

  it.each([...PATHS, ...EXPLORER])("sends X-Content-Type-Options nosniff on %s", async (path) => {
    expect((await app.request(path)).headers.get("X-Content-Type-Options")).toBe("nosniff");
  });

  it.each(PATHS)("sends Referrer-Policy same-origin on %s", async (path) => {
    expect((await app.request(path)).headers.get("Referrer-Policy")).toBe("same-origin");
  });

  it("sends Cross-Origin-Opener-Policy, Permissions-Policy and X-Permitted-Cross-Domain-Policies", async () => {
    const res = await app.request("/");
    expect(res.headers.get("Cross-Origin-Opener-Policy")).toBe("same-origin");
    expect(res.headers.get("Permissions-Policy")).toMatch(/camera=\(\)/);
    expect(res.headers.get("Permissions-Policy")).toMatch(/microphone=\(\)/);
    expect(res.headers.get("X-Permitted-Cross-Domain-Policies")).toBe("none");
  });

  it("lets other origins load the API and the embed loader, and only those (Cross-Origin-Resource-Policy)", async () => {
    expect((await app.request("/api/V1/jobs")).headers.get("Cross-Origin-Resource-Policy")).toBe(
      "cross-origin",
    );
    expect((await app.request("/api")).headers.get("Cross-Origin-Resource-Policy")).toBe("cross-origin");
    expect((await app.request("/api-docs/openapi.json")).headers.get("Cross-Origin-Resource-Policy")).toBe(
      "cross-origin",
    );
    expect((await app.request("/api-docs")).headers.get("Cross-Origin-Resource-Policy")).toBe("same-origin");
    expect((await app.request("/assets/app.js")).headers.get("Cross-Origin-Resource-Policy")).toBe(
      "same-origin",
    );
    expect((await app.request("/")).headers.get("Cross-Origin-Resource-Policy")).toBe("same-origin");
  });

  it("sends Strict-Transport-Security only when the public URL is https", async () => {
    expect((await app.request("/")).headers.get("Strict-Transport-Security")).toBeNull();
    const deps = testServerDeps();
    deps.core = {
      ...deps.core,
      config: { ...deps.core.config, publicUrl: "https://labonnealternance.example" },
    };
    const res = await createApp(deps).request("/");
    expect(res.headers.get("Strict-Transport-Security")).toBe("max-age=31536000; includeSubDomains");
  });

  it("keeps the headers on answers of the error handler", async () => {
    const res = await app.request("/api/V1/jobs?romes=%E0%A4%A");
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
  });
});
