import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { framing, isFrameable } from "./framing";

function app() {
  const hono = new Hono();
  hono.use(framing());
  hono.get("/own-csp", (c) => {
    c.header("Content-Security-Policy", "sandbox");
    return c.text("ok");
  });
  hono.get("/raw", () => new Response("raw", { headers: { "content-type": "text/plain" } }));
  hono.get("*", (c) => c.html("<p>page</p>"));
  return hono;
}

const frameAncestors = (res: Response) => res.headers.get("Content-Security-Policy");

describe("framing", () => {
  it.each([
    "/recherche-apprentissage",
    "/recherche-apprentissage-formation",
    "/recherche-emploi",
    "/postuler",
    "/postuler/",
  ])("lets any site frame the widget page %s, without X-Frame-Options", async (path) => {
    const res = await app().request(`${path}?caller=test`);
    expect(frameAncestors(res)).toBe("frame-ancestors *");
    expect(res.headers.get("X-Frame-Options")).toBeNull();
  });

  it.each([
    "/",
    "/test-widget",
    "/api-docs",
    "/api/V1/jobs",
    "/embed.js",
    "/recherche-apprentissage/x",
    "/postuler-bis",
  ])("forbids framing %s with frame-ancestors 'none' and X-Frame-Options DENY", async (path) => {
    const res = await app().request(path);
    expect(frameAncestors(res)).toBe("frame-ancestors 'none'");
    expect(res.headers.get("X-Frame-Options")).toBe("DENY");
  });

  it("also protects raw Response objects returned by handlers", async () => {
    const res = await app().request("/raw");
    expect(await res.text()).toBe("raw");
    expect(res.headers.get("X-Frame-Options")).toBe("DENY");
  });

  it("keeps a route's own Content-Security-Policy next to the framing one", async () => {
    const res = await app().request("/own-csp");
    expect(frameAncestors(res)).toBe("sandbox, frame-ancestors 'none'");
  });

  it("matches paths exactly, trailing slash aside", () => {
    expect(isFrameable("/recherche-emploi/")).toBe(true);
    expect(isFrameable("/Recherche-emploi")).toBe(false);
    expect(isFrameable("/")).toBe(false);
  });
});

describe("framing of the development outbox", () => {
  it("lets the outbox page frame an e-mail's HTML, from its own origin only", async () => {
    const res = await app().request("/dev/outbox/3/html");
    expect(frameAncestors(res)).toBe("frame-ancestors 'self'");
    expect(res.headers.get("X-Frame-Options")).toBe("SAMEORIGIN");
    const page = await app().request("/dev/outbox/3");
    expect(frameAncestors(page)).toBe("frame-ancestors 'none'");
  });
});
