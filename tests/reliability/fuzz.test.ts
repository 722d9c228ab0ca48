import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import fc from "fast-check";
import { sealCompanyToken } from "@lba/core/crypto";
import { validRequest } from "@lba/core/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../../apps/server/src/trpc/root";
import { buildFixture, REPO, SECRET, tableCounts, type Fixture } from "./fixture";

// Property-based abuse of every public route and procedure: any input answers 2xx or a documented 4xx envelope,
// never a 5xx, never a stack trace, and writes nothing (api_calls aside: a call with a caller is recorded, docs/reference/v1.md#s2-3).

const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
const STACK = /\bat [^\n]*\(?[^\s()]+:\d+:\d+\)?|node_modules|\/work\/|[A-Za-z]*Error: /;
const PASSWD = /root:x:0:0/;
const PACKAGE_JSON = readFileSync(resolve(REPO, "package.json"), "utf8").slice(0, 60);

let fx: Fixture;
let openapi: { paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>> };

beforeAll(async () => {
  fx = buildFixture();
  openapi = (await (await fx.app.request("/api-docs/openapi.json")).json()) as typeof openapi;
});

const NASTY = [
  "",
  " ",
  "null",
  "undefined",
  "NaN",
  "-1",
  "0",
  "1e309",
  "-1e309",
  "Infinity",
  "0x1F",
  "[]",
  "{}",
  "true",
  "../../etc/passwd",
  "..%2f..%2fetc%2fpasswd",
  "%2e%2e%2f%2e%2e%2fpackage.json",
  "%00",
  "\u0000",
  "'; DROP TABLE trainings;--",
  '" OR 1=1 --',
  "<script>alert(1)</script>",
  "D1102,".repeat(300),
  "é".repeat(3000),
  "🙂🙃",
  "\uD800",
  "a".repeat(20_000),
  "%E0%A4%A",
  "9".repeat(400),
  "-90.0000001",
  "48.85,2.35",
  "D1102\u0000",
  "__proto__",
  "constructor",
  "lba,lbb,matcha,offres,peJobs,formations,".repeat(20),
];

const text = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.string({ unit: "grapheme", minLength: 500, maxLength: 4000 }),
);

/** Either a clean encoding or the raw characters (malformed escapes, reserved characters left as they are). */
const encoded = (value: string, raw: boolean) => {
  // A lone surrogate cannot travel in a URL at all: the client sends U+FFFD instead.
  const wellFormed = value.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    "\uFFFD",
  );
  return raw ? wellFormed.replace(/[\s#]/g, (ch) => encodeURIComponent(ch)) : encodeURIComponent(wellFormed);
};

const queryString = (names: string[]) =>
  fc
    .tuple(
      fc.array(fc.tuple(fc.oneof(fc.constantFrom(...names, "caller"), fc.string({ maxLength: 12 })), text), {
        maxLength: 8,
      }),
      fc.boolean(),
    )
    .map(([pairs, raw]) => pairs.map(([k, v]) => `${encoded(k, raw)}=${encoded(v, raw)}`).join("&"));

// Header values must be visible ASCII (the fetch Headers API rejects the rest before it reaches the app).
const headerValue = fc
  .oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 60 }))
  .map((v) => v.replace(/[^\x20-\x7e]/g, "").slice(0, 8000));
const headers = fc.dictionary(
  fc.constantFrom(
    "content-type",
    "accept",
    "api-key",
    "x-forwarded-for",
    "idempotency-key",
    "origin",
    "cookie",
    "authorization",
    "trpc-accept",
    "accept-encoding",
    "content-encoding",
  ),
  headerValue,
  { maxKeys: 4 },
);

const jsonBody = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.constantFrom(
    "{not json",
    "",
    "null",
    "[]",
    '{"__proto__":{"polluted":true}}',
    "[".repeat(50_000),
    `{"a":"${"x".repeat(300_000)}"}`,
    '{"applicant_email":{"$gt":""}}',
  ),
  fc.dictionary(fc.string({ maxLength: 20 }), text).map((v) => JSON.stringify(v)),
);

/** The parameter names of a documented operation, and the path with its parameters filled from `values`. */
function operation(path: string, method: string) {
  const params = openapi.paths[path]?.[method]?.parameters ?? [];
  return {
    query: params.filter((p) => p.in === "query").map((p) => p.name),
    pathParams: params.filter((p) => p.in === "path").map((p) => p.name),
  };
}

async function request(url: string, init: RequestInit = {}): Promise<Response | null> {
  let req: Request;
  try {
    req = new Request(`http://localhost${url}`, init);
  } catch {
    // Not even a valid HTTP request (the client refuses to send it): nothing reaches the server.
    return null;
  }
  return fx.app.request(req);
}

/** 2xx, or 4xx with the documented envelope of its transport; never a 5xx nor a stack trace. */
async function expectSafe(url: string, res: Response | null) {
  if (!res) return;
  const body = await res.text();
  const where = `${res.status} ${url.slice(0, 200)}\n${body.slice(0, 400)}`;
  expect(res.status, where).toBeLessThan(500);
  expect(body, where).not.toMatch(STACK);
  expect(body, where).not.toMatch(PASSWD);
  expect(body.includes(PACKAGE_JSON), where).toBe(false);
  if (res.status < 400) return;
  if (url.startsWith("/api/trpc")) {
    const parsed = JSON.parse(body) as unknown;
    for (const entry of Array.isArray(parsed) ? parsed : [parsed]) {
      const error = (
        entry as { error?: { message?: unknown; data?: { httpStatus?: unknown; stack?: unknown } } }
      ).error;
      if (!error) continue;
      expect(typeof error.message, where).toBe("string");
      expect(typeof error.data?.httpStatus, where).toBe("number");
      expect(error.data?.stack, where).toBeUndefined();
    }
  } else if (url.startsWith("/api/") || url.split("?")[0] === "/api") {
    const parsed = JSON.parse(body) as { error?: unknown };
    expect(typeof parsed.error, where).toBe("string");
  } else {
    expect(res.status, where).toBe(404);
  }
}

/**
 * Runs a property and checks that it wrote nothing, except two records kept by design: api_calls rows of calls that
 * carry a caller (usage statistics, docs/reference/v1.md#s2-3) and idempotency_keys rows of requests that sent an
 * Idempotency-Key (the 4xx answer given, replayed on retry and purged after a day by the retention job).
 */
async function writesNothing(run: () => Promise<void>) {
  const before = tableCounts(fx.db);
  const callsBefore = fx.db.$client.prepare("SELECT coalesce(max(rowid), 0) AS n FROM api_calls").get() as {
    n: number;
  };
  const keysBefore = fx.db.$client
    .prepare("SELECT coalesce(max(rowid), 0) AS n FROM idempotency_keys")
    .get() as {
    n: number;
  };
  await run();
  const after = tableCounts(fx.db);
  const byDesign = { api_calls: 0, idempotency_keys: 0 };
  expect({ ...after, ...byDesign }).toEqual({ ...before, ...byDesign });
  const calls = fx.db.$client.prepare("SELECT caller FROM api_calls WHERE rowid > ?").all(callsBefore.n) as {
    caller: string | null;
  }[];
  for (const call of calls) expect(call.caller?.trim()).toBeTruthy();
  const keys = fx.db.$client
    .prepare("SELECT status FROM idempotency_keys WHERE rowid > ?")
    .all(keysBefore.n) as {
    status: number;
  }[];
  for (const key of keys) expect(key.status).toBeGreaterThanOrEqual(400);
}

const GET_ROUTES = () => Object.entries(openapi.paths).flatMap(([path, ops]) => (ops.get ? [path] : []));

describe("every documented GET route", () => {
  it("answers random and malformed query strings, path parameters and headers safely", async () => {
    const routes = GET_ROUTES();
    expect(routes.length).toBeGreaterThan(15);
    await writesNothing(async () => {
      for (const path of routes) {
        const { query, pathParams } = operation(path, "get");
        await fc.assert(
          fc.asyncProperty(
            queryString(query),
            fc.array(text, { minLength: pathParams.length, maxLength: pathParams.length }),
            fc.boolean(),
            headers,
            async (qs, values, raw, hdrs) => {
              let url = path;
              pathParams.forEach((name, i) => {
                url = url.replace(`{${name}}`, encoded(values[i] ?? "", raw) || "x");
              });
              url = `${url}?${qs}`;
              await expectSafe(url, await request(url, { headers: hdrs }));
            },
          ),
          { numRuns: RUNS },
        );
      }
    });
  });
});

// A valid query per search route: mutating one parameter of it reaches deeper than random noise does.
const VALID: Record<string, string> = {
  "/api/V1/formations": "romes=D1102&latitude=48.85&longitude=2.35&radius=30&caller=fuzz",
  "/api/V1/formationsParRegion": "romes=D1102&region=11&caller=fuzz",
  "/api/V1/jobs": "romes=D1102&latitude=48.85&longitude=2.35&radius=30&insee=75056&caller=fuzz",
  "/api/V1/jobsEtFormations": "romes=D1102&latitude=48.85&longitude=2.35&radius=30&insee=75056&caller=fuzz",
  "/api/V1/metiers": "title=vente",
  "/api/V1/metiers/autocomplete": "title=boulanger&caller=fuzz",
  "/api/V1/metiers/diplomaLevels": "romes=D1102",
  "/api/V1/geo/communes": "q=paris&limit=5",
  "/api/V1/geo/reverse": "latitude=48.85&longitude=2.35",
};

describe("search routes from a valid query", () => {
  it("answers a valid query with one parameter replaced, removed or repeated safely", async () => {
    await writesNothing(async () => {
      for (const [path, query] of Object.entries(VALID)) {
        const valid = new URLSearchParams(query);
        // 404: the test database has no communes for the geo routes.
        expect([200, 404], `${path}?${query}`).toContain((await request(`${path}?${query}`))?.status);
        await fc.assert(
          fc.asyncProperty(
            fc.constantFrom(...valid.keys()),
            text,
            fc.constantFrom("replace", "delete", "repeat"),
            async (name, value, how) => {
              const params = new URLSearchParams(valid);
              if (how === "replace") params.set(name, value);
              else if (how === "delete") params.delete(name);
              else params.append(name, value);
              const url = `${path}?${params.toString()}`;
              await expectSafe(url, await request(url));
            },
          ),
          { numRuns: RUNS },
        );
      }
    });
  });
});

const PROCEDURES = Object.entries(
  (appRouter as unknown as { _def: { procedures: Record<string, { _def: { type: string } }> } })._def
    .procedures,
);

describe("every tRPC procedure", () => {
  it("answers random inputs (JSON values, wrong types, malformed input) safely, single and batched", async () => {
    expect(PROCEDURES.length).toBeGreaterThan(15);
    const input = fc.oneof(
      fc.jsonValue(),
      fc.dictionary(
        fc.constantFrom("romes", "latitude", "longitude", "radius", "id", "siret", "title", "q", "caller"),
        fc.oneof(text, fc.jsonValue()),
      ),
    );
    await writesNothing(async () => {
      for (const [name, procedure] of PROCEDURES) {
        const isQuery = procedure._def.type === "query";
        await fc.assert(
          fc.asyncProperty(
            input,
            fc.constantFrom("json", "raw", "batch"),
            headers,
            async (value, mode, hdrs) => {
              const json = JSON.stringify(value) ?? "null";
              const payload = mode === "raw" ? json.slice(0, Math.max(1, json.length - 1)) : json;
              const batch = mode === "batch";
              const path = `/api/trpc/${batch ? `${name},${name}` : name}${batch ? "?batch=1" : ""}`;
              const batchPayload = batch ? `{"0":${json},"1":${json}}` : payload;
              const url = isQuery
                ? `${path}${batch ? "&" : "?"}input=${encodeURIComponent(batchPayload)}`
                : path;
              const init: RequestInit = isQuery
                ? { headers: hdrs }
                : {
                    method: "POST",
                    body: batchPayload,
                    headers: { ...hdrs, "content-type": "application/json" },
                  };
              await expectSafe(url, await request(url, init));
            },
          ),
          { numRuns: RUNS },
        );
      }
    });
  });

  it("answers an unknown procedure and a wrong method with a tRPC error, not a crash", async () => {
    await expectSafe("/api/trpc/nope.nope", await request("/api/trpc/nope.nope"));
    await expectSafe(
      "/api/trpc/jobs.search",
      await request("/api/trpc/jobs.search", { method: "POST", body: "{}" }),
    );
    await expectSafe("/api/trpc/application.send", await request("/api/trpc/application.send"));
  });
});

describe("every POST route", () => {
  const POSTS = [
    "/api/V1/application",
    "/api/application",
    "/api/application/intention",
    "/api/application/webhook",
  ];

  it("answers random bodies, content types and headers safely", async () => {
    await writesNothing(async () => {
      for (const path of POSTS)
        await fc.assert(
          fc.asyncProperty(jsonBody, headers, queryString(["caller", "token"]), async (body, hdrs, qs) => {
            const url = `${path}?${qs}`;
            await expectSafe(url, await request(url, { method: "POST", body, headers: hdrs }));
          }),
          { numRuns: RUNS },
        );
    });
  });

  it("refuses an application with a valid token whose required field has a wrong type, and stores nothing", async () => {
    const token = sealCompanyToken(SECRET, {
      kind: "lba",
      siret: "12345678901234",
      jobId: null,
      email: "rh0@societe-0.example",
    });
    const valid = validRequest(token, { caller: "fuzz@example.org fuzz" });
    const required = [
      "applicant_email",
      "applicant_first_name",
      "applicant_last_name",
      "applicant_phone",
      "applicant_file_name",
      "applicant_file_content",
      "company_email",
      "iv",
      "company_type",
    ];
    await writesNothing(async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...required),
          fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.string()), fc.object(), fc.boolean()),
          async (field, value) => {
            const res = await request("/api/V1/application", {
              method: "POST",
              body: JSON.stringify({ ...valid, [field]: value }),
              headers: { "content-type": "application/json" },
            });
            expect(res?.status).toBe(400);
            await expectSafe("/api/V1/application", res);
          },
        ),
        { numRuns: RUNS },
      );
    });
  });
});

describe("static files", () => {
  const TRAVERSALS = [
    "/..%2f..%2fetc/passwd",
    "/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/%252e%252e%252fetc%252fpasswd",
    "/assets/..%2f..%2f..%2f..%2fpackage.json",
    "/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json",
    "/assets/..%5c..%5c..%5cpackage.json",
    "/api-docs/assets/..%2f..%2fpackage.json",
    "/api-docs/assets/%2e%2e%2fpackage.json",
    "/embed.js/..%2f..%2f..%2fpackage.json",
    "/..%00/etc/passwd",
    "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
    "/....//....//etc/passwd",
  ];

  it.each(TRAVERSALS)("never serves a file outside the public folders for %s", async (path) => {
    await expectSafe(path, await request(path));
  });

  it("answers random paths safely", async () => {
    const segment = fc.oneof(
      fc.constantFrom(
        "..",
        "%2e%2e",
        "..%2f",
        "%00",
        "assets",
        "api-docs",
        "embed.js",
        "index.html",
        "etc",
        "passwd",
        "%",
        "%zz",
      ),
      fc.string({ maxLength: 20 }).map((s) => encodeURIComponent(s)),
    );
    await writesNothing(async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 6 }), async (segments) => {
          const url = `/${segments.join("/")}`;
          const res = await request(url);
          if (!res) return;
          // The SPA answers index.html for its own routes: 200 is fine there, 5xx and leaks never.
          if (res.status === 200 && !url.startsWith("/api")) {
            const body = await res.text();
            expect(body).not.toMatch(PASSWD);
            expect(body.includes(PACKAGE_JSON)).toBe(false);
            return;
          }
          await expectSafe(url, res);
        }),
        { numRuns: RUNS * 5 },
      );
    });
  });
});
